"""After a password login, an account that must use the second factor reaches only the
enrolment and verification pages (and logging out) until it enters a code."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import redirect

from kinerja.dua_faktor.izin import wajib_dua_faktor

BEBAS = ("/2fa/", "/keluar/", "/bahasa/", "/static/", "/sehat/", "/favicon")


class WajibDuaFaktorMiddleware:
    """Runs after django-otp's OTPMiddleware (which gives `user.is_verified()`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(BEBAS)
            and not user.is_verified()
            and wajib_dua_faktor(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Akun ini wajib verifikasi dua langkah: masukkan kode di /2fa/."},
                    status=403,
                )
            from django_otp.plugins.otp_totp.models import TOTPDevice

            tujuan = (
                "dua_faktor:verifikasi"
                if TOTPDevice.objects.filter(user=user, confirmed=True).exists()
                else "dua_faktor:daftar"
            )
            return redirect(f"{_url(tujuan)}?next={request.get_full_path()}")
        return self.get_response(request)


def _url(nama: str) -> str:
    from django.urls import reverse

    return reverse(nama)
