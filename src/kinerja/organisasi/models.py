"""The organisation tree and role assignments.

One installation holds many organisations (a whole province): provinsi -> kota/kabupaten
administrasi -> kecamatan -> kelurahan, plus the sekretariat (asisten, bagian) and the UKPD
coordinated by an asisten (seed Tabel 2-4). `jalur` is a materialised path of fixed-width ids
("/000000000001/000000000005/") so "everything below this unit" is one indexed prefix query
and ordering by jalur is tree order with siblings in creation order: with unpadded ids
"/1/10/" would sort before "/1/9/", and reports would change with the database's sequences.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from simple_history.models import HistoricalRecords


class JenisOrganisasi(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KOTA_ADMINISTRASI = "kota_administrasi", "Kota Administrasi"
    KABUPATEN_ADMINISTRASI = "kabupaten_administrasi", "Kabupaten Administrasi"
    PERANGKAT_DAERAH = "perangkat_daerah", "Perangkat Daerah"
    SEKRETARIAT = "sekretariat", "Sekretariat"
    ASISTEN = "asisten", "Asisten"
    BAGIAN = "bagian", "Bagian"
    KECAMATAN = "kecamatan", "Kecamatan"
    KELURAHAN = "kelurahan", "Kelurahan"
    UKPD = "ukpd", "UKPD (suku dinas, suku badan, Satpol PP, UPPMPTSP)"


LEBAR_SEGMEN = 12  # digits per id in jalur (BigAutoField; 10^12 units is far beyond need)


def segmen_jalur(pk: int) -> str:
    return f"{pk:0{LEBAR_SEGMEN}d}/"


class Organisasi(models.Model):
    nama = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    jenis = models.CharField(max_length=30, choices=JenisOrganisasi.choices)
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    # The asisten who coordinates a UKPD (seed Tabel 2-4); UKPD are not under the walikota's command.
    koordinator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="dikoordinasi"
    )
    kode = models.CharField(max_length=40, blank=True)
    alamat = models.CharField(max_length=300, blank=True)
    urutan = models.PositiveIntegerField(default=0)
    jalur = models.CharField(max_length=500, db_index=True, editable=False, default="")
    kedalaman = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name_plural = "organisasi"
        ordering = ["jalur"]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        jalur = (self.induk.jalur if self.induk_id else "/") + segmen_jalur(self.pk)
        kedalaman = self.induk.kedalaman + 1 if self.induk_id else 0
        if jalur != self.jalur or kedalaman != self.kedalaman:
            lama, selisih = self.jalur, kedalaman - self.kedalaman
            Organisasi.objects.filter(pk=self.pk).update(jalur=jalur, kedalaman=kedalaman)
            if lama:
                # a unit moved under another parent: its whole subtree moves with it
                Organisasi.objects.filter(jalur__startswith=lama).exclude(pk=self.pk).update(
                    jalur=Concat(Value(jalur), Substr("jalur", len(lama) + 1)),
                    kedalaman=F("kedalaman") + selisih,
                )
            self.jalur, self.kedalaman = jalur, kedalaman

    def turunan(self, *, termasuk_diri: bool = True):
        """This unit and every unit below it (one prefix query on jalur)."""
        qs = Organisasi.objects.filter(jalur__startswith=self.jalur)
        return qs if termasuk_diri else qs.exclude(pk=self.pk)

    def di_bawah(self, lain: Organisasi) -> bool:
        """True when self is lain or lies below it."""
        return self.jalur.startswith(lain.jalur)


class StatistikUnit(models.Model):
    """A figure of a unit in a year for the report's first chapter (seed Tabel 1-8):
    population, RW/RT, employees by education, buildings, RPTRA, PPSU..."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="statistik")
    tahun = models.PositiveSmallIntegerField()
    kategori = models.CharField(max_length=60)  # e.g. "pegawai_pendidikan", "rptra", "ppsu"
    butir = models.CharField(max_length=120)  # e.g. "S1", "jumlah", "laki-laki"
    nilai = models.DecimalField(max_digits=20, decimal_places=4)
    satuan = models.CharField(max_length=40, blank=True)
    sumber = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "statistik unit"
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "kategori", "butir"], name="statistik_unik"
            )
        ]


class Peran(models.TextChoices):
    OPERATOR = "operator", "Operator / pengampu"
    VERIFIKATOR = "verifikator", "Verifikator (atasan)"
    PIMPINAN = "pimpinan", "Pimpinan"
    EVALUATOR = "evaluator", "Evaluator (inspektorat)"
    ADMIN = "admin", "Admin"


class Penugasan(models.Model):
    """A role a person holds at a unit; a role covers the unit and the units below it
    (for operators: only their own unit)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penugasan"
    )
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="penugasan")
    peran = models.CharField(max_length=20, choices=Peran.choices)
    jabatan = models.CharField(max_length=200, blank=True)
    aktif = models.BooleanField(default=True)

    class Meta:
        verbose_name_plural = "penugasan"
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "organisasi", "peran"], name="penugasan_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pengguna} - {self.get_peran_display()} - {self.organisasi}"


class PublikasiData(models.Model):
    """The open-data switch of a unit's year (issue 15, keputusan 0060): when `terbit`, the
    unit's verified figures of that year appear at /terbuka/ without login. Open data has no
    models of its own (DESIGN.md), so the switch lives with the organisation. Changed only
    through `kinerja.organisasi.layanan.publikasi_atur`, audited by simple-history."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="publikasi")
    tahun = models.PositiveSmallIntegerField()
    terbit = models.BooleanField(default=False)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "publikasi data terbuka"
        verbose_name_plural = "publikasi data terbuka"
        constraints = [
            models.UniqueConstraint(fields=["organisasi", "tahun"], name="publikasi_data_unik")
        ]

    def __str__(self) -> str:
        return f"{self.organisasi} {self.tahun}: {'terbit' if self.terbit else 'tidak terbit'}"
