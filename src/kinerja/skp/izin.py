"""Who may do what with employees and their SKP, as `rules` predicates
(docs/keputusan/0055-data-pribadi-pegawai.md):

- HR admin = the `admin` role at the employee's unit or a unit above it (no separate HR
  role): manages employees (form, Excel import), sees their personal data;
- the employee (the account linked to the pegawai): writes their own RHK and realisasi, reads
  their own SKP and assessments;
- superiors (the atasan chain, through the linked accounts): read the SKP and assessments of
  everyone below them; only the direct atasan rates and signs, never the employee themselves;
- anyone else, including other units' roles: names, jabatan and units only (the cascade and
  the distribution are counts and work plans, not personal data), for units they may see.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import dapat_melihat_draf, peran_atas
from kinerja.organisasi.models import Organisasi, Peran

BATAS_RANTAI = 50  # a chain longer than this is a data error (a cycle), not a hierarchy


def pegawai_pengguna(user):
    """The pegawai linked to the user's account (cached on the user for the request)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_kinerja_pegawai"):
        from kinerja.skp.models import Pegawai

        user._kinerja_pegawai = (
            Pegawai.objects.filter(pengguna=user, aktif=True).select_related("organisasi").first()
        )
    return user._kinerja_pegawai


def rantai_atasan(pegawai) -> list:
    """The atasan, the atasan's atasan, ... of `pegawai` (nearest first)."""
    from kinerja.skp.models import Pegawai

    hasil, lihat = [], {pegawai.pk}
    atasan_id = pegawai.atasan_id
    while atasan_id and atasan_id not in lihat and len(hasil) < BATAS_RANTAI:
        a = Pegawai.objects.filter(pk=atasan_id).first()
        if a is None:
            break
        hasil.append(a)
        lihat.add(a.pk)
        atasan_id = a.atasan_id
    return hasil


def admin_sdm(user, organisasi: Organisasi) -> bool:
    """HR admin of the unit: superuser, or `admin` at the unit or a unit above it."""
    if getattr(user, "is_superuser", False):
        return True
    return Peran.ADMIN in peran_atas(user, organisasi)


@rules.predicate
def dapat_melihat_pribadi(user, pegawai) -> bool:
    if admin_sdm(user, pegawai.organisasi):
        return True
    saya = pegawai_pengguna(user)
    if saya is None:
        return False
    return saya.pk == pegawai.pk or any(a.pk == saya.pk for a in rantai_atasan(pegawai))


@rules.predicate
def dapat_kelola_pegawai(user, organisasi) -> bool:
    return admin_sdm(user, organisasi)


@rules.predicate
def dapat_mengisi_skp(user, pegawai) -> bool:
    """Only the employee writes their own RHK and realisasi."""
    saya = pegawai_pengguna(user)
    return saya is not None and saya.pk == pegawai.pk


def alasan_tidak_menilai(user, pegawai) -> str | None:
    """Why `user` may not rate `pegawai` (Indonesian), or None when they may."""
    saya = pegawai_pengguna(user)
    if saya is None:
        return "Akun Anda tidak terhubung dengan data pegawai; hanya atasan langsung yang menilai."
    if saya.pk == pegawai.pk:
        return "Pegawai tidak dapat menilai dirinya sendiri; penilaian diberikan atasan langsung."
    if pegawai.atasan_id != saya.pk:
        atasan = pegawai.atasan.nama if pegawai.atasan_id else "belum tercatat"
        return (
            f"Hanya atasan langsung {pegawai.nama} yang dapat menilai (atasan langsung: "
            f"{atasan}); {saya.nama} bukan atasan langsungnya."
        )
    return None


@rules.predicate
def dapat_menilai(user, pegawai) -> bool:
    return alasan_tidak_menilai(user, pegawai) is None


@rules.predicate
def dapat_melihat_skp_unit(user, organisasi) -> bool:
    """The unit's cascade and distribution: its own people and its superiors' roles."""
    if dapat_melihat_draf(user, organisasi):
        return True
    saya = pegawai_pengguna(user)
    return saya is not None and saya.organisasi.jalur.startswith(organisasi.jalur)


rules.add_perm("skp.lihat_pribadi", dapat_melihat_pribadi)
rules.add_perm("skp.kelola_pegawai", dapat_kelola_pegawai)
rules.add_perm("skp.isi", dapat_mengisi_skp)
rules.add_perm("skp.nilai", dapat_menilai)
rules.add_perm("skp.lihat_unit", dapat_melihat_skp_unit)
