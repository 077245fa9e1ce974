"""Writes: enrol a TOTP device (confirmed by its first code) with recovery codes, verify a
login's code, set an organisation's obligation (audited by simple-history on the switch)."""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.dua_faktor.models import WajibDuaFaktor
from kinerja.organisasi.models import Organisasi
from kinerja.pengguna.izin import mengelola_unit

JUMLAH_KODE_CADANGAN = 10


def perangkat_baru(user) -> TOTPDevice:
    """The user's unconfirmed TOTP device (created once; shown as a QR until confirmed)."""
    d = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if d is None:
        d = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)
    return d


def _kode(kode: str) -> str:
    kode = (kode or "").strip().replace(" ", "").replace("-", "")
    if not kode:
        raise ValidationError({"kode": "Wajib diisi: kode 6 angka dari aplikasi autentikator."})
    if len(kode) > 16 or not kode.isalnum():
        raise ValidationError({"kode": "Kode hanya berisi angka (6 digit) atau kode cadangan."})
    return kode


@transaction.atomic
def konfirmasi_perangkat(*, request, kode: str) -> list[str]:
    """Confirm the pending device with its first code; returns the recovery codes (shown
    once). The session is verified from now on."""
    user = request.user
    d = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if d is None:
        raise ValidationError({"kode": "Tidak ada pendaftaran yang menunggu: muat ulang halaman."})
    if not d.verify_token(_kode(kode)):
        raise ValidationError(
            {"kode": "Kode salah atau kedaluwarsa: periksa jam ponsel dan masukkan kode terbaru."}
        )
    d.confirmed = True
    d.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=d.pk).delete()  # one app per account
    cadangan = buat_kode_cadangan(user)
    otp_login(request, d)
    return cadangan


def buat_kode_cadangan(user) -> list[str]:
    """Fresh single-use recovery codes (older ones stop working)."""
    s, _ = StaticDevice.objects.get_or_create(user=user, defaults={"name": "Kode cadangan"})
    s.token_set.all().delete()
    kode = [secrets.token_hex(4) for _ in range(JUMLAH_KODE_CADANGAN)]
    StaticToken.objects.bulk_create(StaticToken(device=s, token=k) for k in kode)
    return kode


def verifikasi_masuk(*, request, kode: str) -> None:
    """The login's second step: a TOTP code or a recovery code (each recovery code works
    once: django-otp deletes it when used). Repeated failures are throttled by the device."""
    kode = _kode(kode)
    if kode.isdigit() and len(kode) == 6:  # the app's code
        d = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if d is not None:
            boleh, info = d.verify_is_allowed()
            if not boleh and info and info.get("locked_until"):
                tunggu = max(1, int((info["locked_until"] - timezone.now()).total_seconds()) + 1)
                raise ValidationError(
                    {"kode": f"Terlalu banyak kode salah: tunggu {tunggu} detik lalu coba lagi."}
                )
    else:  # a recovery code (8 characters): only the recovery device is asked
        d = StaticDevice.objects.filter(user=request.user).first()
    if d is None or not d.verify_token(kode):
        raise ValidationError({"kode": "Kode salah, sudah dipakai atau kedaluwarsa."})
    otp_login(request, d)


def atur_wajib(*, aktor, organisasi: Organisasi, wajib: bool) -> WajibDuaFaktor:
    if not mengelola_unit(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengatur keamanan akun {organisasi}.")
    w, _ = WajibDuaFaktor.objects.get_or_create(organisasi=organisasi)
    w.wajib, w.diubah_oleh = wajib, aktor
    w._history_user = aktor
    w._change_reason = "wajib" if wajib else "tidak wajib"
    w.save()
    return w
