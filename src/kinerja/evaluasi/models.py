"""Evaluation records the report prints: the SAKIP evaluation (score per component, findings,
recommendations, follow-up; seed Bab I and Tabel 9) and BPK audit follow-ups (Tabel 63-65)."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi


class EvaluasiSakip(models.Model):
    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="evaluasi_sakip"
    )
    tahun_dievaluasi = models.PositiveSmallIntegerField()
    evaluator = models.CharField(max_length=200, blank=True)
    nomor_surat = models.CharField(max_length=120, blank=True)
    tanggal_surat = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "evaluasi SAKIP"
        constraints = [
            models.UniqueConstraint(fields=["organisasi", "tahun_dievaluasi"], name="evaluasi_unik")
        ]


class NilaiKomponenEvaluasi(models.Model):
    evaluasi = models.ForeignKey(EvaluasiSakip, on_delete=models.CASCADE, related_name="komponen")
    nama = models.CharField(max_length=120)
    nilai = models.DecimalField(max_digits=7, decimal_places=2)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["evaluasi", "urutan"]


class StatusTindakLanjut(models.TextChoices):
    BELUM = "belum", "Belum ditindaklanjuti"
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"


class TemuanEvaluasi(models.Model):
    evaluasi = models.ForeignKey(EvaluasiSakip, on_delete=models.CASCADE, related_name="temuan")
    komponen = models.CharField(max_length=120)
    temuan = models.TextField()
    rekomendasi = models.TextField(blank=True)
    tindak_lanjut = models.TextField(blank=True)
    status = models.CharField(
        max_length=10, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.BELUM
    )
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluasi", "urutan"]


class TindakLanjutBPK(models.Model):
    """Follow-up of BPK audit recommendations per audit year (Tabel 65)."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="tindak_lanjut_bpk"
    )
    tahun_pemeriksaan = models.PositiveSmallIntegerField()
    jumlah_temuan = models.PositiveIntegerField(default=0)
    jumlah_rekomendasi = models.PositiveIntegerField(default=0)
    selesai = models.PositiveIntegerField(default=0)
    proses = models.PositiveIntegerField(default=0)
    belum = models.PositiveIntegerField(default=0)
    tidak_dapat_ditindaklanjuti = models.PositiveIntegerField(default=0)
    keterangan = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "tindak lanjut BPK"
        ordering = ["organisasi", "tahun_pemeriksaan"]
