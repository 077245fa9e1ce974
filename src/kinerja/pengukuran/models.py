"""Realisasi rows (one per indicator and period) with their workflow and evidence.

Status changes only through the services in `layanan.py`, which append a
`PeristiwaRealisasi` (who, when, why, old and new values); django-simple-history keeps
every version of the row as well.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ANGKA, Indikator, JenisPeriode


class StatusRealisasi(models.TextChoices):
    DRAFT = "draft", "Draf"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"


class Realisasi(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi")
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField()
    jenis_periode = models.CharField(max_length=10, choices=JenisPeriode.choices)
    ke = models.PositiveSmallIntegerField(
        default=1
    )  # month, quarter or semester number; 1 for tahun
    nilai = models.DecimalField(**ANGKA)
    nilai_teks = models.CharField(
        max_length=60, blank=True
    )  # qualitative realisasi, e.g. "WTP (3)"
    pembilang = models.DecimalField(**ANGKA)
    penyebut = models.DecimalField(**ANGKA)
    penjelasan = models.TextField(blank=True)
    # Figures of earlier years entered from published reports, not through the workflow.
    sumber = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=15,
        choices=StatusRealisasi.choices,
        default=StatusRealisasi.DRAFT,
        editable=False,
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "realisasi"
        ordering = ["indikator", "tahun", "jenis_periode", "ke"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis_periode", "ke"], name="realisasi_unik"
            )
        ]
        indexes = [models.Index(fields=["organisasi", "tahun", "status"])]

    def __str__(self) -> str:
        return f"{self.indikator} {self.label_periode}"

    @property
    def label_periode(self) -> str:
        from kinerja.rumus.periode import Periode

        return Periode(jenis=self.jenis_periode, tahun=self.tahun, ke=self.ke).label

    @property
    def terkunci(self) -> bool:
        return self.status == StatusRealisasi.DIVERIFIKASI


class AksiRealisasi(models.TextChoices):
    SIMPAN = "simpan", "Disimpan"
    AJUKAN = "ajukan", "Diajukan"
    VERIFIKASI = "verifikasi", "Diverifikasi"
    KEMBALIKAN = "kembalikan", "Dikembalikan"
    BUKA_KEMBALI = "buka_kembali", "Dibuka kembali"
    UNGGAH_BUKTI = "unggah_bukti", "Bukti diunggah"
    IMPOR = "impor", "Diimpor"


class PeristiwaRealisasi(models.Model):
    """Append-only workflow log: never updated or deleted (enforced in save/delete)."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="peristiwa")
    aksi = models.CharField(max_length=15, choices=AksiRealisasi.choices)
    dari_status = models.CharField(max_length=15, blank=True)
    ke_status = models.CharField(max_length=15, blank=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField(auto_now_add=True)
    alasan = models.TextField(blank=True)
    perubahan = models.JSONField(default=dict)  # {"nilai": ["lama", "baru"], ...}

    class Meta:
        verbose_name_plural = "peristiwa realisasi"
        ordering = ["waktu", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("peristiwa realisasi tidak boleh diubah (append-only)")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("peristiwa realisasi tidak boleh dihapus (append-only)")


class BuktiDukung(models.Model):
    """An evidence file, stored outside the web root under a content hash; served only
    through a view that checks permissions."""

    realisasi = models.ForeignKey(Realisasi, on_delete=models.PROTECT, related_name="bukti")
    berkas = models.FileField(upload_to="bukti/%Y/")
    nama_asli = models.CharField(max_length=255)
    jenis_mime = models.CharField(max_length=100)
    ukuran = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "bukti dukung"


class NilaiPembanding(models.Model):
    """A comparison value for an indicator and year: a peer region or the national standard
    (Tabel 23, 29, 40). When the peer is in the system, `organisasi_pembanding` links it."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="pembanding")
    tahun = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=120)
    organisasi_pembanding = models.ForeignKey(
        Organisasi, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    standar_nasional = models.BooleanField(default=False)
    nilai = models.DecimalField(**ANGKA)
    sumber = models.CharField(max_length=300, blank=True)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "nilai pembanding"
        ordering = ["indikator", "tahun", "urutan"]


class BatasWaktu(models.Model):
    """Deadline for entering a period's realisasi (completeness board)."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="batas_waktu")
    tahun = models.PositiveSmallIntegerField()
    jenis_periode = models.CharField(max_length=10, choices=JenisPeriode.choices)
    ke = models.PositiveSmallIntegerField(default=1)
    tanggal = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "jenis_periode", "ke"], name="batas_waktu_unik"
            )
        ]


class AngkaTerbit(models.Model):
    """A figure as printed in a published report (e.g. last year's LKIP), kept so the reviu
    can compare it with what the data gives. `kunci` names what it is, e.g.
    "capaian_sasaran:<sasaran id>" or "capaian_indikator:<indikator id>"; `tabel`, `baris`,
    `kolom` and `teks_terbit` say where and how it is printed."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="angka_terbit"
    )
    tahun = models.PositiveSmallIntegerField()
    kunci = models.CharField(max_length=120)
    uraian = models.CharField(max_length=300)
    sumber = models.CharField(max_length=120)  # e.g. "LKIP 2024 Tabel 18"
    nilai = models.DecimalField(**ANGKA)
    nilai_teks = models.CharField(max_length=60, blank=True)
    # Where it is printed and how (keputusan 0030): the table ("Tabel 18", "Bab I"), row and
    # column as the report names them, and the printed text ("104,08").
    tabel = models.CharField(max_length=60, blank=True)
    baris = models.CharField(max_length=200, blank=True)
    kolom = models.CharField(max_length=120, blank=True)
    teks_terbit = models.CharField(max_length=60, blank=True)

    class Meta:
        verbose_name_plural = "angka terbit"
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "kunci"], name="angka_terbit_unik"
            )
        ]


class KoreksiNilai(models.Model):
    """A stored number that its column could not hold, corrected by an admin with
    `kinerja periksa_nilai --perbaiki` (docs/keputusan/0024-batas-angka.md). Append-only,
    for every model with a DecimalField; the corrected row keeps its own history as well."""

    model = models.CharField(max_length=100)  # app_label.Model
    objek_id = models.CharField(max_length=40)
    bidang = models.CharField(max_length=100)
    nilai_lama = models.TextField()  # as the database held it
    nilai_baru = models.TextField(blank=True)  # "" = emptied
    alasan = models.TextField()
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "koreksi nilai"
        ordering = ["waktu", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("koreksi nilai tidak boleh diubah (append-only)")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("koreksi nilai tidak boleh dihapus (append-only)")
