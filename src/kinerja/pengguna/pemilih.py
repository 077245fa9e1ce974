"""Reads for the accounts page: accounts with roles in the admin's tree, their roles, the
audit trail. A bounded number of queries whatever the number of accounts."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from kinerja.organisasi.models import Organisasi, Penugasan
from kinerja.pengguna.izin import unit_admin
from kinerja.pengguna.models import PerubahanAkun, Tindakan

User = get_user_model()


def _di_pohon(prefix: str, puncak: list[Organisasi]) -> Q:
    q = Q(pk__in=[])
    for a in puncak:
        q |= Q(**{f"{prefix}jalur__startswith": a.jalur})
    return q


def unit_kelola(user) -> list[Organisasi]:
    """Every unit where the user may give roles, in tree order (for the unit picker)."""
    puncak = unit_admin(user)
    if not puncak:
        return []
    return list(Organisasi.objects.filter(_di_pohon("", puncak)).order_by("jalur"))


def akun_kelola(user, cari: str = "") -> list:
    """Accounts holding a role in the user's tree, or created by the user and still without a
    role; each with `peran_aktif` (its active roles, units loaded)."""
    puncak = unit_admin(user)
    if not puncak:
        return []
    dibuat = PerubahanAkun.objects.filter(aktor=user, tindakan=Tindakan.AKUN_BUAT).values(
        "pengguna_id"
    )
    qs = (
        User.objects.filter(
            Q(penugasan__in=Penugasan.objects.filter(_di_pohon("organisasi__", puncak)))
            | Q(pk__in=dibuat)
        )
        .distinct()
        .order_by("username")
        .prefetch_related(
            Prefetch(
                "penugasan",
                queryset=Penugasan.objects.filter(aktif=True)
                .select_related("organisasi")
                .order_by("organisasi__jalur", "peran"),
                to_attr="peran_aktif",
            )
        )
    )
    if cari:
        qs = qs.filter(Q(username__icontains=cari) | Q(first_name__icontains=cari))
    return list(qs[:500])


def riwayat_akun(akun, n: int = 50) -> list[PerubahanAkun]:
    return list(PerubahanAkun.objects.filter(pengguna=akun).select_related("aktor")[:n])


def semua_peran(akun) -> list[Penugasan]:
    return list(
        Penugasan.objects.filter(pengguna=akun)
        .select_related("organisasi")
        .order_by("-aktif", "organisasi__jalur", "peran")
    )


def memakai_dua_faktor(akun) -> bool:
    """Has the account a confirmed authenticator app (shown to its admin)?"""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=akun, confirmed=True).exists()
