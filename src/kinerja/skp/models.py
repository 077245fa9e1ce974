"""Individual performance (SKP, PermenPAN-RB 6/2022): employees and their jabatan, the SKP of
an employee per year with its rencana hasil kerja (RHK), their indicators and targets, the
periodic realisasi with evidence, and the atasan's assessment.

The cascade links, never copies (DESIGN.md): an RHK points at the atasan's RHK it intervenes
in ("RHK atasan yang diintervensi") and, at the top, at a line of the unit's Perjanjian
Kinerja (`perencanaan.ButirPK`). Every table keeps its history (django-simple-history);
status fields are not editable in forms, only `skp.layanan` changes them
(docs/keputusan/0054-skp-pegawai.md, 0055, 0056).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi
from kinerja.rumus import skp as rumus

ANGKA = {"max_digits": 24, "decimal_places": 6}


class JenisJabatan(models.TextChoices):
    PIMPINAN_TINGGI = "pimpinan_tinggi", "Jabatan Pimpinan Tinggi"
    ADMINISTRATOR = "administrator", "Jabatan Administrator"
    PENGAWAS = "pengawas", "Jabatan Pengawas"
    PELAKSANA = "pelaksana", "Jabatan Pelaksana"
    FUNGSIONAL = "fungsional", "Jabatan Fungsional"


# Level of each kind of jabatan (UU 5/2014 ASN): an atasan is never on a lower level.
JENJANG = {
    JenisJabatan.PIMPINAN_TINGGI: 1,
    JenisJabatan.ADMINISTRATOR: 2,
    JenisJabatan.PENGAWAS: 3,
    JenisJabatan.PELAKSANA: 4,
    JenisJabatan.FUNGSIONAL: 4,
}


class Pegawai(models.Model):
    """A civil servant of a unit. NIP, golongan and everything of their SKP assessment are
    personal data: visible to the employee, their superiors (the atasan chain) and the HR
    admins of the unit (docs/keputusan/0055-data-pribadi-pegawai.md)."""

    nip = models.CharField("NIP", max_length=18, unique=True)
    nama = models.CharField(max_length=200)
    golongan = models.CharField(max_length=20, blank=True)  # e.g. "III/c"
    jabatan = models.CharField(max_length=200)  # nama jabatan, e.g. "Lurah Cideng"
    jenis_jabatan = models.CharField(max_length=20, choices=JenisJabatan.choices)
    organisasi = models.ForeignKey(Organisasi, on_delete=models.PROTECT, related_name="pegawai")
    atasan = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="bawahan"
    )
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    aktif = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "pegawai"
        ordering = ["organisasi__jalur", "jenis_jabatan", "nama"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(atasan=models.F("pk")), name="pegawai_bukan_atasan_diri"
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"

    @property
    def jenjang(self) -> int:
        return JENJANG[self.jenis_jabatan]


class SKP(models.Model):
    """The Sasaran Kinerja Pegawai of one employee for one year. The unit and jabatan of that
    year are kept, so last year's figures stay with last year's unit after a transfer."""

    pegawai = models.ForeignKey(Pegawai, on_delete=models.PROTECT, related_name="skp")
    tahun = models.PositiveSmallIntegerField()
    organisasi = models.ForeignKey(Organisasi, on_delete=models.PROTECT, related_name="skp")
    jabatan = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "SKP"
        verbose_name_plural = "SKP"
        constraints = [models.UniqueConstraint(fields=["pegawai", "tahun"], name="skp_unik")]
        indexes = [models.Index(fields=["organisasi", "tahun"], name="skp_unit_tahun")]

    def __str__(self) -> str:
        return f"SKP {self.tahun} {self.pegawai.nama}"


class JenisRHK(models.TextChoices):
    UTAMA = "utama", "Utama"
    TAMBAHAN = "tambahan", "Tambahan"


class RHK(models.Model):
    """A rencana hasil kerja. `rhk_atasan` is the atasan's RHK it intervenes in (same year,
    the atasan's SKP); `butir_pk` the PK line of the employee's unit (or a unit above) it
    serves directly, for the officials at the top of the cascade."""

    skp = models.ForeignKey(SKP, on_delete=models.CASCADE, related_name="rhk")
    nomor = models.PositiveSmallIntegerField(default=1)
    jenis = models.CharField(max_length=10, choices=JenisRHK.choices, default=JenisRHK.UTAMA)
    uraian = models.TextField()
    rhk_atasan = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="intervensi"
    )
    butir_pk = models.ForeignKey(
        "perencanaan.ButirPK",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rhk",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "RHK"
        verbose_name_plural = "RHK"
        ordering = ["skp", "nomor", "pk"]

    def __str__(self) -> str:
        return self.uraian[:100]


class AspekIndikator(models.TextChoices):
    KUANTITAS = "kuantitas", "Kuantitas"
    KUALITAS = "kualitas", "Kualitas"
    WAKTU = "waktu", "Waktu"


class IndikatorRHK(models.Model):
    rhk = models.ForeignKey(RHK, on_delete=models.CASCADE, related_name="indikator")
    aspek = models.CharField(max_length=10, choices=AspekIndikator.choices)
    uraian = models.CharField(max_length=300)
    target = models.DecimalField(**ANGKA)
    satuan = models.CharField(max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator RHK"
        verbose_name_plural = "indikator RHK"
        ordering = ["rhk", "pk"]


class PeriodeSKP(models.TextChoices):
    BULAN = "bulan", "Bulanan"
    TRIWULAN = "triwulan", "Triwulanan"
    TAHUN = "tahun", "Tahunan"


class RealisasiRHK(models.Model):
    """The employee's realisasi of one RHK indicator in one period (bulan or triwulan)."""

    indikator = models.ForeignKey(IndikatorRHK, on_delete=models.CASCADE, related_name="realisasi")
    jenis_periode = models.CharField(max_length=10, choices=PeriodeSKP.choices)
    ke = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(**ANGKA)
    keterangan = models.TextField(blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "realisasi RHK"
        verbose_name_plural = "realisasi RHK"
        ordering = ["indikator", "jenis_periode", "ke"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "jenis_periode", "ke"], name="realisasi_rhk_unik"
            )
        ]


class BuktiRHK(models.Model):
    """Evidence of a realisasi RHK, checked like the unit's bukti dukung (type by content,
    size limit, stored under its SHA-256); served only through a view that checks rights."""

    realisasi = models.ForeignKey(RealisasiRHK, on_delete=models.PROTECT, related_name="bukti")
    berkas = models.FileField(upload_to="skp/%Y/")
    nama_asli = models.CharField(max_length=255)
    jenis_mime = models.CharField(max_length=100)
    ukuran = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "bukti RHK"
        verbose_name_plural = "bukti RHK"


class Rating(models.TextChoices):
    DI_ATAS = rumus.DI_ATAS, rumus.LABEL_RATING[rumus.DI_ATAS]
    SESUAI = rumus.SESUAI, rumus.LABEL_RATING[rumus.SESUAI]
    DI_BAWAH = rumus.DI_BAWAH, rumus.LABEL_RATING[rumus.DI_BAWAH]


class Predikat(models.TextChoices):
    SANGAT_BAIK = rumus.SANGAT_BAIK, rumus.LABEL_PREDIKAT[rumus.SANGAT_BAIK]
    BAIK = rumus.BAIK, rumus.LABEL_PREDIKAT[rumus.BAIK]
    BUTUH_PERBAIKAN = rumus.BUTUH_PERBAIKAN, rumus.LABEL_PREDIKAT[rumus.BUTUH_PERBAIKAN]
    KURANG = rumus.KURANG, rumus.LABEL_PREDIKAT[rumus.KURANG]
    SANGAT_KURANG = rumus.SANGAT_KURANG, rumus.LABEL_PREDIKAT[rumus.SANGAT_KURANG]


class StatusPenilaian(models.TextChoices):
    DRAF = "draf", "Draf"
    DITANDATANGANI = "ditandatangani", "Ditandatangani"


class Penilaian(models.Model):
    """The atasan's assessment of an SKP for one period (bulan, triwulan or the year): rating
    of hasil kerja and of perilaku kerja (BerAKHLAK, with feedback per core value) and the
    predikat the engine computes from them. Locked once signed."""

    skp = models.ForeignKey(SKP, on_delete=models.PROTECT, related_name="penilaian")
    jenis_periode = models.CharField(max_length=10, choices=PeriodeSKP.choices)
    ke = models.PositiveSmallIntegerField()
    rating_hasil = models.CharField(max_length=10, choices=Rating.choices)
    rating_perilaku = models.CharField(max_length=10, choices=Rating.choices)
    umpan_balik = models.JSONField(default=dict, blank=True)  # kode BerAKHLAK -> teks
    catatan = models.TextField(blank=True)
    predikat = models.CharField(max_length=20, choices=Predikat.choices, editable=False)
    status = models.CharField(
        max_length=20,
        choices=StatusPenilaian.choices,
        default=StatusPenilaian.DRAF,
        editable=False,
    )
    penilai = models.ForeignKey(
        Pegawai, on_delete=models.PROTECT, related_name="penilaian_diberikan"
    )
    dinilai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditandatangani_pada = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "penilaian"
        ordering = ["skp", "jenis_periode", "ke"]
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "jenis_periode", "ke"], name="penilaian_skp_unik"
            )
        ]

    @property
    def ditandatangani(self) -> bool:
        return self.status == StatusPenilaian.DITANDATANGANI
