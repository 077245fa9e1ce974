"""What a token may reach: the service account's roles, built from the token's scope for the
request only (never stored, so no page login or role list ever shows them).

Read tokens get the service roles of `kinerja.organisasi.izin` (verified figures of the
scope's units, no drafts, nothing above the scope); write tokens also get the operator role
on every unit of the scope, so they write realisasi exactly where an operator could."""

from __future__ import annotations

from django.db.models import Q

from kinerja.organisasi.izin import PERAN_LAYANAN, PERAN_LAYANAN_BAWAH
from kinerja.organisasi.models import Organisasi, Penugasan, Peran
from kinerja.token_api.models import Akses, TokenLayanan


def unit_cakupan(token: TokenLayanan) -> list[Organisasi]:
    """Every unit the token reaches (the chosen units and, when asked, those below)."""
    pilihan = list(token.unit.all())
    if not pilihan:
        return []
    if not token.termasuk_bawahan:
        return pilihan
    q = Q(pk__in=[])
    for u in pilihan:
        q |= Q(jalur__startswith=u.jalur)
    return list(Organisasi.objects.filter(q).order_by("jalur"))


def penugasan_token(token: TokenLayanan) -> list[Penugasan]:
    """Unsaved role rows for the permission predicates (`penugasan_aktif` reads the cache)."""
    baca = PERAN_LAYANAN_BAWAH if token.termasuk_bawahan else PERAN_LAYANAN
    peran = [
        Penugasan(pengguna=token.akun, organisasi=u, peran=baca, aktif=True)
        for u in token.unit.all()
    ]
    if token.akses == Akses.TULIS:
        peran += [
            Penugasan(pengguna=token.akun, organisasi=u, peran=Peran.OPERATOR, aktif=True)
            for u in unit_cakupan(token)
        ]
    return peran
