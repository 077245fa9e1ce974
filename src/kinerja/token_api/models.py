"""Service tokens: another system (SIPD, e-TPP, a province dashboard) calls the API without a
browser session (docs/keputusan/0046-token-api-layanan.md).

A token is created by an organisation's admin for one system, scoped to units and to read or
write, with an expiry; only its SHA-256 is stored (the secret is shown once). Each token acts
through its own service account (unusable password, so nobody can log in with it), which
makes every change it writes attributable in the audit trail like a person's."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi


class Akses(models.TextChoices):
    BACA = "baca", "Baca saja (data terverifikasi)"
    TULIS = "tulis", "Baca dan tulis realisasi"


class TokenLayanan(models.Model):
    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.PROTECT, related_name="token_layanan",
        help_text="organisasi yang menerbitkan token (adminnya mengelola token ini)",
    )  # fmt: skip
    nama = models.CharField("sistem", max_length=100, help_text="mis. SIPD, e-TPP")
    keterangan = models.CharField(max_length=300, blank=True)
    akses = models.CharField(max_length=10, choices=Akses.choices)
    unit = models.ManyToManyField(Organisasi, related_name="+", help_text="cakupan unit")
    termasuk_bawahan = models.BooleanField(
        default=True, help_text="cakupan meliputi unit-unit di bawah unit yang dipilih"
    )
    awalan = models.CharField(max_length=16, help_text="awal token, untuk dikenali di daftar")
    sidik = models.CharField(max_length=64, unique=True, help_text="SHA-256 token (heksadesimal)")
    akun = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="token_layanan"
    )
    berlaku_sampai = models.DateField()
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dicabut_pada = models.DateTimeField(null=True, blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alasan_cabut = models.CharField(max_length=300, blank=True)
    terakhir_dipakai = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "token layanan"
        verbose_name_plural = "token layanan"
        ordering = ["-dibuat_pada", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"


class PanggilanToken(models.Model):
    """One API call made with a token (who called what, and the answer's status)."""

    hanya_tambah = True  # kinerja.audit: the database refuses UPDATE/DELETE of these rows

    token = models.ForeignKey(TokenLayanan, on_delete=models.PROTECT, related_name="panggilan")
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    metode = models.CharField(max_length=10)
    jalur = models.CharField(max_length=500)
    status = models.PositiveSmallIntegerField()
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = "panggilan token"
        verbose_name_plural = "panggilan token"
        ordering = ["-waktu", "-pk"]
        indexes = [models.Index(fields=["token", "-waktu"])]
