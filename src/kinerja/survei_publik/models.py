"""The public side of a survey round: short links (QR, poster, kiosk) and invitation tokens.

- **TautanPublik**: a short random `kode` per round, used in `/s/<kode>/`; the form accepts
  responses only while the link is `aktif` and its round is `dibuka`. A round may have
  several links (e.g. one per loket), each deactivated on its own.
- **Undangan**: a single-use token for the coordination survey (IEK), handed to one UKPD
  respondent. Only the SHA-256 of the token is stored, so a database copy cannot be used to
  answer. `nama_penerima`/`email_penerima` help staff distribute the links and are never
  shown with answers or results. Use is claimed with a conditional UPDATE
  (`dipakai_pada IS NULL`), so two simultaneous submissions of one token store one response.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kinerja.survei.models import PutaranSurvei, Respon


class TautanPublik(models.Model):
    putaran = models.ForeignKey(
        PutaranSurvei, on_delete=models.PROTECT, related_name="tautan_publik"
    )
    kode = models.CharField(max_length=16, unique=True)
    aktif = models.BooleanField(default=True)
    keterangan = models.CharField(max_length=120, blank=True)  # e.g. "Loket 2"
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "tautan publik"
        verbose_name_plural = "tautan publik"
        ordering = ["putaran", "pk"]

    def __str__(self) -> str:
        return f"/s/{self.kode}/ ({self.putaran})"


class Undangan(models.Model):
    putaran = models.ForeignKey(PutaranSurvei, on_delete=models.PROTECT, related_name="undangan")
    hash_token = models.CharField(max_length=64, unique=True)  # SHA-256 hex of the token
    nama_penerima = models.CharField(max_length=200, blank=True)
    email_penerima = models.EmailField(blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    dipakai_pada = models.DateTimeField(null=True, blank=True)
    respon = models.OneToOneField(
        Respon, null=True, blank=True, on_delete=models.PROTECT, related_name="undangan"
    )

    class Meta:
        verbose_name = "undangan survei"
        verbose_name_plural = "undangan survei"
        ordering = ["putaran", "pk"]

    def __str__(self) -> str:
        return f"Undangan {self.pk} ({'dipakai' if self.dipakai_pada else 'belum dipakai'})"
