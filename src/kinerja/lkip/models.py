"""Rows the LKIP builder keeps: edited narrative blocks, uploaded templates and build jobs.

A narrative block is generated from the data at every build; when a person edits it, the
edit is stored here per organisation, year and block key, together with the hash of the
numbers the generated text was based on. If those numbers change later, the edit is
flagged for review instead of silently printing text that no longer matches the tables.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi


class NarasiLkip(models.Model):
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="narasi_lkip")
    tahun = models.PositiveSmallIntegerField()
    kunci = models.CharField(max_length=120)
    teks = models.TextField()
    # sha256 of the numbers the block was generated from when the edit was saved.
    hash_angka = models.CharField(max_length=64)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "narasi LKIP"
        verbose_name_plural = "narasi LKIP"
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "kunci"], name="narasi_lkip_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisasi} {self.tahun} {self.kunci}"


class TemplatLkip(models.Model):
    """A .docx template an agency uploaded (after the field check passed)."""

    organisasi = models.OneToOneField(
        Organisasi, on_delete=models.CASCADE, related_name="templat_lkip"
    )
    berkas = models.FileField(upload_to="lkip/templat/")
    nama_asli = models.CharField(max_length=255)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diunggah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "templat LKIP"
        verbose_name_plural = "templat LKIP"


class StatusPekerjaan(models.TextChoices):
    ANTRE = "antre", "Antre"
    BERJALAN = "berjalan", "Berjalan"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


# A build takes seconds (bench/lkip.py: ≤ 15 s with PDF); ten silent minutes mean it died.
BATAS_DIAM = dt.timedelta(minutes=10)
STATUS_AKTIF = (StatusPekerjaan.ANTRE, StatusPekerjaan.BERJALAN)


class PekerjaanLkip(models.Model):
    """One build of the report (documents in `folder`), with progress for the page."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="pekerjaan_lkip"
    )
    tahun = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=40, default="docx,pdf,xlsx")
    status = models.CharField(
        max_length=10, choices=StatusPekerjaan.choices, default=StatusPekerjaan.ANTRE
    )
    progres = models.PositiveSmallIntegerField(default=0)  # 0-100
    langkah = models.CharField(max_length=200, blank=True)
    folder = models.CharField(max_length=500, blank=True)
    berkas = models.JSONField(default=list)  # file names inside folder
    pesan = models.TextField(blank=True)  # error, or notes (e.g. PDF skipped)
    # Narrative blocks of this build: kunci, judul, diedit, perlu_ditinjau (for the page).
    narasi = models.JSONField(default=list)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # last progress written by the build; a build silent for BATAS_DIAM has died with its
    # process (a server restart kills the thread, docs/keputusan/0017)
    diperbarui_pada = models.DateTimeField(null=True, blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    # the django-tasks result (DBTaskResult id) of the queued build, and how often it was
    # queued: a build whose worker died is queued once more, then failed (keputusan 0021)
    id_tugas = models.CharField(max_length=64, blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)
    # a unit's build inside a batch job (keputusan 0059), and its seconds per phase
    massal = models.ForeignKey(
        "PekerjaanMassal", null=True, blank=True, on_delete=models.SET_NULL, related_name="unit"
    )
    waktu = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "pekerjaan LKIP"
        verbose_name_plural = "pekerjaan LKIP"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            # one queued or running build per organisation and year, enforced by the database
            # so two simultaneous requests cannot both start one
            models.UniqueConstraint(
                fields=["organisasi", "tahun"],
                condition=models.Q(status__in=["antre", "berjalan"]),
                name="lkip_satu_pembangunan_aktif",
            )
        ]

    def __str__(self) -> str:
        return f"LKIP {self.organisasi} {self.tahun} ({self.get_status_display()})"

    @property
    def terhenti(self) -> bool:
        """Queued or running, but without progress for BATAS_DIAM: its process is gone."""
        if self.status not in STATUS_AKTIF:
            return False
        terakhir = self.diperbarui_pada or self.dibuat_pada
        return terakhir is not None and timezone.now() - terakhir > BATAS_DIAM

    @property
    def aktif(self) -> bool:
        return self.status in STATUS_AKTIF and not self.terhenti

    @property
    def label_status(self) -> str:
        if self.terhenti:
            menit = int(BATAS_DIAM.total_seconds() // 60)
            return f"Terhenti (tanpa kemajuan {menit} menit; bangun ulang)"
        return self.get_status_display()


class PekerjaanMassal(models.Model):
    """One queued job that builds the LKIP of every unit below `organisasi` (keputusan 0059).

    Each unit is a `PekerjaanLkip` row pointing here (`unit`), so a unit's own LKIP page lists
    the build, its files and its reason when it failed, and the unit's one-active-build rule
    holds while the batch is waiting or running."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="pekerjaan_massal"
    )
    tahun = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=40, default="docx,pdf,xlsx")
    jenis = models.CharField(max_length=300, blank=True)  # unit kinds chosen; empty = all
    status = models.CharField(
        max_length=10, choices=StatusPekerjaan.choices, default=StatusPekerjaan.ANTRE
    )
    progres = models.PositiveSmallIntegerField(default=0)  # 0-100
    langkah = models.CharField(max_length=200, blank=True)
    folder = models.CharField(max_length=500, blank=True)
    zip = models.CharField(max_length=200, blank=True)  # file name inside folder
    pesan = models.TextField(blank=True)
    # seconds per phase over the whole batch (susun, docx, xlsx, reviu, pdf, zip, total)
    waktu = models.JSONField(default=dict)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diperbarui_pada = models.DateTimeField(null=True, blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    id_tugas = models.CharField(max_length=64, blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "pekerjaan LKIP massal"
        verbose_name_plural = "pekerjaan LKIP massal"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun"],
                condition=models.Q(status__in=["antre", "berjalan"]),
                name="lkip_satu_massal_aktif",
            )
        ]

    def __str__(self) -> str:
        return f"LKIP massal {self.organisasi} {self.tahun} ({self.get_status_display()})"

    terhenti = PekerjaanLkip.terhenti
    aktif = PekerjaanLkip.aktif
    label_status = PekerjaanLkip.label_status
