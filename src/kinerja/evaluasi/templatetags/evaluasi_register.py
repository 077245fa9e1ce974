"""{% register_terlambat organisasi %}: overdue follow-up entries of a unit (and below) for
the home page and the dashboard; nothing is printed when there are none."""

from __future__ import annotations

from django import template

register = template.Library()

BATAS_TAMPIL = 5


@register.inclusion_tag("evaluasi/_terlambat.html")
def register_terlambat(organisasi, bawahan=True):
    from kinerja.evaluasi.pemilih import terlambat

    q = terlambat(organisasi, bawahan=bawahan).order_by("batas_waktu", "id")
    daftar = list(q[: BATAS_TAMPIL + 1])
    return {
        "organisasi": organisasi,
        "daftar": daftar[:BATAS_TAMPIL],
        "lebih": len(daftar) > BATAS_TAMPIL,
    }
