"""Budget data per organisation and year (seed Tabel 67-74): belanja by type, the monthly
RPD (anggaran kas) and realisasi, and the realisasi of each program/kegiatan/sub kegiatan.

The budget structure and its pagu live in perencanaan.ProgramAnggaran, the output
indicators (IOP) in perencanaan.IndikatorKeluaran; this app adds what happens to the money.
Every table keeps its history (django-simple-history) because pagu and realisasi are
revised during the year and the reviu must see who changed what.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ProgramAnggaran

RUPIAH = {"max_digits": 20, "decimal_places": 2}


class JenisBelanja(models.TextChoices):
    PEGAWAI = "pegawai", "Belanja Pegawai"
    BARANG_JASA = "barang_jasa", "Belanja Barang dan Jasa"
    MODAL = "modal", "Belanja Modal"


class KelompokBelanja(models.TextChoices):
    OPERASI = "operasi", "Belanja Operasi"
    MODAL = "modal", "Belanja Modal"


# Permendagri 77/2020 classification: pegawai and barang/jasa are belanja operasi.
KELOMPOK_JENIS = {
    JenisBelanja.PEGAWAI: KelompokBelanja.OPERASI,
    JenisBelanja.BARANG_JASA: KelompokBelanja.OPERASI,
    JenisBelanja.MODAL: KelompokBelanja.MODAL,
}


class BelanjaJenis(models.Model):
    """Pagu and realisasi of one type of spending (seed Tabel 67-68). The unit's total pagu
    and realisasi are the sums of these rows."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="belanja")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=15, choices=JenisBelanja.choices)
    kelompok = models.CharField(max_length=10, choices=KelompokBelanja.choices, editable=False)
    pagu_awal = models.DecimalField(**RUPIAH, null=True, blank=True)
    pagu = models.DecimalField(**RUPIAH)  # after APBD-P
    realisasi = models.DecimalField(**RUPIAH, default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "belanja per jenis"
        ordering = ["organisasi", "tahun", "kelompok", "jenis"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "jenis"], name="belanja_jenis_unik"
            )
        ]

    def save(self, *args, **kwargs):
        self.kelompok = KELOMPOK_JENIS[self.jenis]
        super().save(*args, **kwargs)


class AnggaranBulanan(models.Model):
    """Monthly (not cumulative) RPD and realisasi of a unit (seed Tabel 70, DATA PENDUKUNG).
    A month without a row or with an empty amount is missing, never 0; cumulative figures
    are computed by the database (window sum)."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="anggaran_bulanan"
    )
    tahun = models.PositiveSmallIntegerField()
    bulan = models.PositiveSmallIntegerField()  # 1-12
    rpd = models.DecimalField(**RUPIAH, null=True, blank=True)
    realisasi = models.DecimalField(**RUPIAH, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "anggaran bulanan"
        ordering = ["organisasi", "tahun", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "bulan"], name="anggaran_bulanan_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(bulan__gte=1, bulan__lte=12), name="anggaran_bulan_1_12"
            ),
        ]


class RealisasiProgram(models.Model):
    """Realisasi of one program, kegiatan or sub kegiatan (seed Tabel 69, 71-72)."""

    program = models.OneToOneField(
        ProgramAnggaran, on_delete=models.CASCADE, related_name="realisasi_anggaran"
    )
    realisasi = models.DecimalField(**RUPIAH)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "realisasi program"
