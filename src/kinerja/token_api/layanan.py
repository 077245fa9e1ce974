"""Writes of service tokens: create (the secret returned once, only its hash kept) and
revoke; both audited (simple-history on TokenLayanan, with the acting admin)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kinerja.organisasi.models import Organisasi
from kinerja.pengguna.izin import mengelola_unit
from kinerja.token_api.auth import AWALAN, sidik
from kinerja.token_api.models import Akses, TokenLayanan

MAKS_HARI = 366  # a token lives at most a year: the admin renews it deliberately


def _simpan(t: TokenLayanan, aktor, alasan: str) -> None:
    t._history_user = aktor
    t._change_reason = alasan[:100]
    t.save()


@transaction.atomic
def token_buat(
    *,
    aktor,
    organisasi: Organisasi,
    nama: str,
    akses: str,
    unit: list[Organisasi],
    berlaku_sampai: dt.date,
    termasuk_bawahan: bool = True,
    keterangan: str = "",
) -> tuple[TokenLayanan, str]:
    """(token, secret). Only an admin of `organisasi` creates it, and every scope unit lies
    in a tree the admin administers: nobody grants a system more than they hold."""
    if not mengelola_unit(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang membuat token untuk {organisasi}.")
    galat: dict[str, str] = {}
    nama = (nama or "").strip()
    if not nama:
        galat["nama"] = "Wajib diisi: nama sistem yang memakai token (mis. SIPD)."
    elif len(nama) > 100:
        galat["nama"] = f"Paling banyak 100 karakter (diisi {len(nama)})."
    if akses not in Akses.values:
        galat["akses"] = "Pilih 'baca' atau 'tulis'."
    if not unit:
        galat["unit"] = "Pilih sedikitnya satu unit."
    luar = [u for u in unit if not (u.di_bawah(organisasi) and mengelola_unit(aktor, u))]
    if luar:
        galat["unit"] = f"{luar[0]} di luar {organisasi} atau di luar wewenang Anda."
    hari_ini = timezone.localdate()
    if berlaku_sampai is None:
        galat["berlaku_sampai"] = "Wajib diisi (TTTT-BB-HH)."
    elif berlaku_sampai < hari_ini:
        galat["berlaku_sampai"] = "Tanggal sudah lewat: pilih hari ini atau sesudahnya."
    elif berlaku_sampai > hari_ini + dt.timedelta(days=MAKS_HARI):
        galat["berlaku_sampai"] = (
            f"Paling lama {MAKS_HARI} hari dari hari ini; perpanjang dengan token baru."
        )
    if len(keterangan or "") > 300:
        galat["keterangan"] = "Paling banyak 300 karakter."
    if galat:
        raise ValidationError(galat)
    rahasia = AWALAN + secrets.token_urlsafe(32)
    awalan = rahasia[:12]
    akun = get_user_model().objects.create(
        username=f"layanan-{awalan.replace('_', '-')}-{secrets.token_hex(3)}"[:150],
        first_name=f"Token {nama}"[:150],
    )
    akun.set_unusable_password()  # a service account: nobody logs in with it
    akun.save(update_fields=["password"])
    t = TokenLayanan(
        organisasi=organisasi, nama=nama, keterangan=keterangan or "", akses=akses,
        termasuk_bawahan=termasuk_bawahan, awalan=awalan, sidik=sidik(rahasia), akun=akun,
        berlaku_sampai=berlaku_sampai, dibuat_oleh=aktor,
    )  # fmt: skip
    _simpan(t, aktor, "token dibuat")
    t.unit.set(unit)
    return t, rahasia


@transaction.atomic
def token_cabut(*, aktor, token: TokenLayanan, alasan: str) -> TokenLayanan:
    t = (
        TokenLayanan.objects.select_for_update()
        .select_related("organisasi", "akun")
        .get(pk=token.pk)
    )
    if not mengelola_unit(aktor, t.organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mencabut token {t.organisasi}.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": "Wajib diisi: mengapa token dicabut."})
    if t.dicabut_pada is not None:
        raise ValidationError(f"Token {t} sudah dicabut.")
    t.dicabut_pada, t.dicabut_oleh, t.alasan_cabut = timezone.now(), aktor, alasan[:300]
    _simpan(t, aktor, f"token dicabut: {alasan}")
    t.akun.is_active = False
    t.akun.save(update_fields=["is_active"])
    return t
