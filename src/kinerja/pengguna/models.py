"""The audit of account and role changes made in the app (`/pengguna/`).

Roles themselves are `organisasi.Penugasan`; this table records who changed whose account
or role, when, and the old and new value. Rows are only ever added."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Tindakan(models.TextChoices):
    AKUN_BUAT = "akun_buat", "Akun dibuat"
    PERAN_BERI = "peran_beri", "Peran diberikan"
    PERAN_CABUT = "peran_cabut", "Peran dicabut"
    SANDI_ATUR_ULANG = "sandi_atur_ulang", "Kata sandi diatur ulang"
    AKUN_NONAKTIF = "akun_nonaktif", "Akun dinonaktifkan"
    AKUN_AKTIF = "akun_aktif", "Akun diaktifkan kembali"
    DUA_FAKTOR_ATUR_ULANG = "dua_faktor_reset", "Verifikasi dua langkah diatur ulang"


class PerubahanAkun(models.Model):
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="perubahan_akun"
    )
    tindakan = models.CharField(max_length=20, choices=Tindakan.choices)
    # e.g. {"peran": "operator", "organisasi": "Kelurahan Cideng", "sebelum": ..., "sesudah": ...}
    rincian = models.JSONField(default=dict)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "perubahan akun"
        verbose_name_plural = "perubahan akun"
        ordering = ["-waktu", "-pk"]
