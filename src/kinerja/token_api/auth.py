"""`Authorization: Bearer <token>` for the API, beside the session (django-ninja HttpBearer)."""

from __future__ import annotations

import hashlib

from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import HttpBearer

from kinerja import angka
from kinerja.token_api.cakupan import penugasan_token
from kinerja.token_api.models import Akses, TokenLayanan

AWALAN = "knj_"
AMAN = ("GET", "HEAD", "OPTIONS")


def sidik(rahasia: str) -> str:
    # The secret is 256 random bits: a plain SHA-256 cannot be reversed or guessed.
    return hashlib.sha256(rahasia.encode("utf-8")).hexdigest()


def token_cari(rahasia: str) -> TokenLayanan:
    """The token of a secret, or HttpError 401 when there is none."""
    if not rahasia.startswith(AWALAN) or len(rahasia) > 200:
        raise HttpError(401, "Token tidak dikenal: kirim 'Authorization: Bearer knj_…'.")
    t = (
        TokenLayanan.objects.select_related("akun", "organisasi")
        .filter(sidik=sidik(rahasia))
        .first()
    )
    if t is None:
        raise HttpError(401, "Token tidak dikenal atau salah ketik.")
    return t


def periksa_berlaku(t: TokenLayanan) -> None:
    """HttpError 401 saying why a known token is refused (revoked, expired, inactive)."""
    if t.dicabut_pada is not None:
        raise HttpError(401, f"Token {t.awalan}… sudah dicabut pada {angka.waktu(t.dicabut_pada)}.")
    if t.berlaku_sampai < timezone.localdate():
        raise HttpError(
            401, f"Token {t.awalan}… kedaluwarsa sejak {angka.tanggal(t.berlaku_sampai)}."
        )
    if not t.akun.is_active:
        raise HttpError(401, f"Token {t.awalan}… tidak aktif.")


class TokenBearer(HttpBearer):
    """A service token (kinerja.token_api): the request acts as the token's service account
    with the roles of its scope; a read token may not use a writing method."""

    def authenticate(self, request, token: str):
        t = token_cari(token.strip())
        request.token_layanan = t  # the call log records refused calls of a known token too
        periksa_berlaku(t)
        if request.method not in AMAN and t.akses != Akses.TULIS:
            raise HttpError(403, f"Token {t.awalan}… hanya untuk membaca; perubahan ditolak.")
        akun = t.akun
        akun._kinerja_penugasan = penugasan_token(t)
        request.user = akun
        return akun
