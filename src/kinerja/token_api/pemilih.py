"""Reads of service tokens for the admin page."""

from __future__ import annotations

from django.db.models import Count, Q

from kinerja.pengguna.izin import unit_admin
from kinerja.token_api.models import PanggilanToken, TokenLayanan


def token_dikelola(user):
    """Tokens of the organisations in the trees the user administers, with call counts."""
    puncak = unit_admin(user)
    if not puncak:
        return []
    q = Q(pk__in=[])
    for u in puncak:
        q |= Q(organisasi__jalur__startswith=u.jalur)
    return list(
        TokenLayanan.objects.filter(q)
        .select_related("organisasi", "dibuat_oleh", "dicabut_oleh")
        .prefetch_related("unit")
        .annotate(jumlah_panggilan=Count("panggilan"))
    )


def panggilan_terakhir(token: TokenLayanan, n: int = 50) -> list[PanggilanToken]:
    return list(PanggilanToken.objects.filter(token=token)[:n])
