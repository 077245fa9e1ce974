"""Cells of budget tables formatted through kinerja.angka ({% load anggaran_tabel %})."""

from __future__ import annotations

from django import template

from kinerja import angka as fmt

register = template.Library()


@register.filter
def sel(pasangan):
    """(value, format) -> text: rupiah without decimals, persen with 2, angka as entered."""
    nilai, bentuk = pasangan
    if nilai is None:
        return ""
    if bentuk == "rupiah":
        return fmt.angka(nilai, 0)
    if bentuk == "persen":
        return fmt.angka(nilai, 2)
    if bentuk == "angka":
        return fmt.angka(nilai, 2, tetap=False)
    return nilai


@register.filter
def rupiah(nilai):
    return fmt.rupiah(nilai)


@register.filter
def persen(nilai):
    return fmt.persen(nilai)


@register.filter
def angka0(nilai):
    return "" if nilai is None else fmt.angka(nilai, 0)
