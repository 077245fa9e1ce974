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


@register.inclusion_tag("evaluasi/_terlambat.html")
def register_terlambat_unit(unit):
    """The home page: overdue entries of all the user's units (and below) in one query."""
    from functools import reduce
    from operator import or_

    from django.db.models import Q

    from kinerja.evaluasi.models import TindakLanjut
    from kinerja.evaluasi.pemilih import TERBUKA

    org = [ku.unit.organisasi for ku in unit]
    if not org:
        return {"daftar": []}
    from datetime import date

    q = (
        TindakLanjut.objects.filter(
            reduce(or_, (Q(organisasi__jalur__startswith=o.jalur) for o in org)),
            status__in=TERBUKA,
            batas_waktu__lt=date.today(),
        )
        .select_related("organisasi")
        .order_by("batas_waktu", "id")
    )
    daftar = list(q[: BATAS_TAMPIL + 1])
    return {
        "organisasi": org[0],
        "daftar": daftar[:BATAS_TAMPIL],
        "lebih": len(daftar) > BATAS_TAMPIL,
    }
