"""Second factor for the powerful roles (docs/keputusan/0047-verifikasi-dua-langkah.md).

The devices are django-otp's (TOTP for an authenticator app, static recovery codes); this app
holds only the per-organisation switch that makes them compulsory."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi


class WajibDuaFaktor(models.Model):
    """When `wajib`, admin, verifikator and evaluator accounts with a role at this unit or
    below must confirm each login with a one-time code."""

    organisasi = models.OneToOneField(
        Organisasi, on_delete=models.CASCADE, related_name="wajib_dua_faktor"
    )
    wajib = models.BooleanField(default=False)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kewajiban verifikasi dua langkah"
        verbose_name_plural = "kewajiban verifikasi dua langkah"

    def __str__(self) -> str:
        return f"{self.organisasi}: {'wajib' if self.wajib else 'tidak wajib'}"
