"""Cells of budget tables formatted through kinerja.angka ({% load anggaran_tabel %})."""

from __future__ import annotations

from django import template

from kinerja import angka as fmt
from kinerja.anggaran.pemilih import teks_sel

register = template.Library()


@register.filter
def sel(pasangan):
    """(value, format) -> text, as `anggaran.pemilih.teks_sel`."""
    return teks_sel(*pasangan)


@register.filter
def rupiah(nilai):
    return fmt.rupiah(nilai)


@register.filter
def persen(nilai):
    return fmt.persen(nilai)


@register.filter
def angka0(nilai):
    return "" if nilai is None else fmt.angka(nilai, 0)
