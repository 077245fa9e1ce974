"""Who may do what, as `rules` predicates over role assignments per unit.

- operator/pengampu: enters realisasi of their own unit only;
- verifikator: verifies (and returns, reopens) the units at and below theirs, never their own entry;
- pimpinan: reads everything at and below their unit;
- evaluator (inspektorat): reads everything at and below their unit, writes findings;
- admin: everything at and below their unit.
Anyone with a role may read the verified figures of the units above theirs (the city's
dashboard is not secret to its kelurahan); drafts stay within the unit and its superiors.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.models import Organisasi, Penugasan, Peran

PERAN_PEMBACA_BAWAHAN = {Peran.VERIFIKATOR, Peran.PIMPINAN, Peran.EVALUATOR, Peran.ADMIN}
# Roles of a service token (kinerja.token_api), built per request and never stored: verified
# figures of the token's units (and, with _BAWAH, the units below); no drafts; unlike a
# person's role, nothing above the scope.
PERAN_LAYANAN, PERAN_LAYANAN_BAWAH = "layanan", "layanan_bawah"
_PERAN_LAYANAN = {PERAN_LAYANAN, PERAN_LAYANAN_BAWAH}


def penugasan_aktif(user) -> list[Penugasan]:
    """The user's active roles, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return []
    cache = getattr(user, "_kinerja_penugasan", None)
    if cache is None:
        cache = list(
            Penugasan.objects.filter(pengguna=user, aktif=True).select_related("organisasi")
        )
        user._kinerja_penugasan = cache
    return cache


def peran_atas(user, organisasi: Organisasi) -> set[str]:
    """Roles the user holds at this unit or at a unit above it."""
    return {
        p.peran for p in penugasan_aktif(user) if organisasi.jalur.startswith(p.organisasi.jalur)
    }


def operator_di(user, organisasi: Organisasi) -> bool:
    return any(
        p.peran == Peran.OPERATOR and p.organisasi_id == organisasi.pk
        for p in penugasan_aktif(user)
    )


@rules.predicate
def dapat_melihat_organisasi(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    for p in penugasan_aktif(user):
        unit = p.organisasi
        if organisasi.jalur.startswith(unit.jalur):  # at or below one of my units
            if (
                p.peran in PERAN_PEMBACA_BAWAHAN
                or p.peran == PERAN_LAYANAN_BAWAH
                or unit.pk == organisasi.pk
            ):
                return True
        if unit.jalur.startswith(organisasi.jalur) and p.peran not in _PERAN_LAYANAN:
            return True  # above my unit: its verified figures (a token: only its scope)
    return False


@rules.predicate
def dapat_melihat_draf(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return operator_di(user, organisasi) or bool(
        peran_atas(user, organisasi) & PERAN_PEMBACA_BAWAHAN
    )


@rules.predicate
def dapat_melihat_realisasi(user, realisasi) -> bool:
    if realisasi.status == "diverifikasi":
        return dapat_melihat_organisasi(user, realisasi.organisasi)
    return dapat_melihat_draf(user, realisasi.organisasi)


@rules.predicate
def dapat_mengisi(user, organisasi) -> bool:
    return operator_di(user, organisasi) or Peran.ADMIN in peran_atas(user, organisasi)


@rules.predicate
def dapat_memverifikasi(user, organisasi) -> bool:
    return bool(peran_atas(user, organisasi) & {Peran.VERIFIKATOR, Peran.ADMIN})


@rules.predicate
def dapat_mencatat_temuan(user, organisasi) -> bool:
    return bool(peran_atas(user, organisasi) & {Peran.EVALUATOR, Peran.ADMIN})


@rules.predicate
def dapat_menerbitkan_data(user, organisasi) -> bool:
    """The open-data switch of a unit's year (keputusan 0060): the unit's own planners (its
    operators, who also build its LKIP) and admins at or above it; never a unit below."""
    if getattr(user, "is_superuser", False):
        return True
    return operator_di(user, organisasi) or Peran.ADMIN in peran_atas(user, organisasi)


rules.add_perm("organisasi.lihat", dapat_melihat_organisasi)
rules.add_perm("organisasi.terbitkan_data", dapat_menerbitkan_data)
rules.add_perm("organisasi.lihat_draf", dapat_melihat_draf)
rules.add_perm("organisasi.isi_realisasi", dapat_mengisi)
rules.add_perm("organisasi.verifikasi", dapat_memverifikasi)
rules.add_perm("organisasi.catat_temuan", dapat_mencatat_temuan)
rules.add_perm("pengukuran.lihat_realisasi", dapat_melihat_realisasi)
