"""Template filters over kinerja.angka, so templates never format numbers by hand.

{% load kinerja_angka %} {{ x|angka }} {{ x|angka:0 }} {{ x|nilai }} {{ x|persen }}
{{ x|rupiah }} {{ d|tanggal }} {{ t|waktu }} {{ n|ukuran_berkas }} {{ r|rumus }} {{ l|daftar }}
"""

from __future__ import annotations

from functools import lru_cache

from django import template

from kinerja import angka as fmt

register = template.Library()


@lru_cache(maxsize=4096)
def _angka(nilai, dp: int, tetap: bool) -> str:
    """Babel formatting is the costliest step of a 500-row table; values repeat a lot."""
    return fmt.angka(nilai, dp, tetap=tetap)


@register.filter
def angka(nilai, dp=2):
    """Fixed decimals: 106.8556 -> '106,86' (capaian, means)."""
    return _angka(nilai, int(dp), True)


@register.filter
def nilai(nilai, dp=2):
    """Targets and realisasi as entered: 100 -> '100', 96.55 -> '96,55' (no trailing zeros)."""
    return _angka(nilai, int(dp), False)


@register.filter
def persen(nilai, dp=2):
    return fmt.persen(nilai, int(dp))


@register.filter
def rupiah(nilai, dp=0):
    return fmt.rupiah(nilai, int(dp))


@register.filter
def tanggal(nilai):
    return "-" if nilai is None else fmt.tanggal(nilai)


@register.filter
def angka_atau_teks(nilai, dp=2):
    """Numbers in Indonesian form, labels ('WTP (3)', '(kosong)') as they are."""
    return fmt.desimal_atau_teks(nilai, int(dp))


@register.filter
def waktu(nilai):
    """'7 Desember 2026 09.44' in the site's time zone."""
    return fmt.waktu(nilai)


@register.filter
def ukuran_berkas(nilai):
    """'9,4 KB'."""
    return fmt.ukuran_berkas(nilai)


@register.filter
def rumus(nilai):
    """A formula with its numbers in Indonesian form: '80 / 85,5 × 100%'."""
    return fmt.rumus(nilai)


@register.filter
def daftar(nilai):
    """'docx,pdf,xlsx' -> 'docx, pdf, xlsx'."""
    return fmt.daftar(nilai or [])
