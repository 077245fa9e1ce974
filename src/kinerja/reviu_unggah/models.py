"""One uploaded report and its reviu: the job's status and the findings it produced."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone


class StatusReviu(models.TextChoices):
    ANTRE = "antre", "Menunggu"
    BERJALAN = "berjalan", "Sedang diperiksa"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


BATAS_DIAM = dt.timedelta(minutes=10)  # a reviu takes seconds (bench/reviu.py)


class ReviuBerkas(models.Model):
    nama_asli = models.CharField(max_length=255)
    berkas = models.FileField(upload_to="reviu/")
    ukuran = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    # the previous year's LKIP, optional: tables copied from it are found (tabel_salinan_tahun_lalu)
    pembanding = models.FileField(upload_to="reviu/", blank=True)
    nama_pembanding = models.CharField(max_length=255, blank=True)
    sha256_pembanding = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=StatusReviu.choices, default=StatusReviu.ANTRE)
    pesan = models.TextField(blank=True)  # why it failed, or notes (no tables, rules skipped)
    temuan = models.JSONField(default=list)  # Temuan.sebagai_dict() of each finding
    jumlah_temuan = models.PositiveIntegerField(default=0)
    jumlah_tabel = models.PositiveIntegerField(default=0)
    detik = models.FloatField(null=True, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviu_berkas"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "reviu berkas LKIP"
        verbose_name_plural = "reviu berkas LKIP"
        ordering = ["-dibuat_pada", "-pk"]
        indexes = [models.Index(fields=["dibuat_oleh", "-dibuat_pada"], name="reviu_pengguna")]

    def __str__(self) -> str:
        return f"Reviu {self.nama_asli} ({self.get_status_display()})"

    @property
    def terhenti(self) -> bool:
        if self.status not in (StatusReviu.ANTRE, StatusReviu.BERJALAN):
            return False
        return timezone.now() - self.dibuat_pada > BATAS_DIAM

    @property
    def aktif(self) -> bool:
        return self.status in (StatusReviu.ANTRE, StatusReviu.BERJALAN) and not self.terhenti

    @property
    def label_status(self) -> str:
        if self.terhenti:
            return "Terhenti (tanpa hasil 10 menit; unggah ulang)"
        return self.get_status_display()
