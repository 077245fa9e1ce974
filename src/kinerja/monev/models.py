"""Monev rows: the reporting calendar's settings, reminder preferences, every reminder sent
(which is also the in-app notification) and the quarterly report's build jobs.

Due dates themselves are computed (rumus.kalender) from `AturanKalender` (nearest unit at or
above wins) and the explicit per-period dates in `pengukuran.BatasWaktu`; keputusan 0051.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi


class AturanKalender(models.Model):
    """The calendar rules of a unit and the units below it (defaults: keputusan 0051)."""

    organisasi = models.OneToOneField(
        Organisasi, on_delete=models.CASCADE, related_name="aturan_kalender"
    )
    hari_realisasi = models.PositiveSmallIntegerField(
        default=10, help_text="tanggal batas realisasi pada bulan sesudah periode berakhir"
    )
    jeda_bulan = models.PositiveSmallIntegerField(default=1)
    hari_verifikasi = models.PositiveSmallIntegerField(
        default=10, help_text="hari sesudah batas realisasi"
    )
    bulan_pk = models.PositiveSmallIntegerField(
        default=1, help_text="bulan sesudah anggaran disahkan (PermenPAN-RB 53/2014)"
    )
    bulan_lkip = models.PositiveSmallIntegerField(default=3)
    hari_lkip = models.PositiveSmallIntegerField(default=31)
    bulan_lke = models.PositiveSmallIntegerField(default=5)
    hari_lke = models.PositiveSmallIntegerField(default=31)
    hari_peringatan = models.PositiveSmallIntegerField(default=5)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "aturan kalender"

    BIDANG = (
        "hari_realisasi", "jeda_bulan", "hari_verifikasi", "bulan_pk", "bulan_lkip",
        "hari_lkip", "bulan_lke", "hari_lke", "hari_peringatan",
    )  # fmt: skip

    def aturan(self):
        from kinerja.rumus.kalender import AturanKalender as Aturan

        return Aturan(**{b: getattr(self, b) for b in self.BIDANG})


class TanggalAnggaran(models.Model):
    """The date the unit's budget (DPA) of a year was set: the PK is due a month later."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    tanggal = models.DateField()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "tanggal anggaran"
        constraints = [
            models.UniqueConstraint(fields=["organisasi", "tahun"], name="tanggal_anggaran_unik")
        ]


class PreferensiPengingat(models.Model):
    """A person's choice: reminders on or off (opt-out), and an address other than the
    account's for them."""

    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferensi_pengingat"
    )
    aktif = models.BooleanField("terima pengingat", default=True)
    surel = models.EmailField("alamat surel pengingat", blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "preferensi pengingat"


class StatusSurel(models.TextChoices):
    TERKIRIM = "terkirim", "Surel terkirim"
    TANPA_ALAMAT = "tanpa_alamat", "Tanpa alamat surel"
    ALAMAT_SALAH = "alamat_salah", "Alamat surel tidak sah"
    GAGAL = "gagal", "Surel gagal dikirim"


class Pengingat(models.Model):
    """One reminder to one person about one item on one day: the in-app notification and
    the record of the e-mail. The unique constraint makes a second one the same day
    impossible, whoever sends it (keputusan 0053)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pengingat"
    )
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="+")
    kunci = models.CharField(max_length=120)  # the item, e.g. "realisasi:12:2025:bulan:3"
    tanggal = models.DateField()  # the day it was sent (local date)
    arah = models.CharField(max_length=10)  # "sebelum" or "sesudah" the due date
    batas = models.DateField()
    judul = models.CharField(max_length=300)
    pesan = models.TextField()
    tautan = models.CharField(max_length=300, blank=True)
    surel = models.CharField(max_length=254, blank=True)
    status_surel = models.CharField(max_length=15, choices=StatusSurel.choices)
    galat = models.TextField(blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "pengingat"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "kunci", "tanggal"], name="pengingat_sekali_sehari"
            )
        ]
        indexes = [models.Index(fields=["pengguna", "dibaca_pada"])]

    def __str__(self) -> str:
        return f"{self.pengguna} {self.kunci} {self.tanggal}"


class StatusPekerjaan(models.TextChoices):
    ANTRE = "antre", "Antre"
    BERJALAN = "berjalan", "Berjalan"
    SELESAI = "selesai", "Selesai"
    GAGAL = "gagal", "Gagal"


class PekerjaanMonev(models.Model):
    """One build of the quarterly monev report (documents in `folder`)."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    format = models.CharField(max_length=40, default="docx,pdf,xlsx")
    status = models.CharField(
        max_length=10, choices=StatusPekerjaan.choices, default=StatusPekerjaan.ANTRE
    )
    langkah = models.CharField(max_length=200, blank=True)
    folder = models.CharField(max_length=500, blank=True)
    berkas = models.JSONField(default=list)
    pesan = models.TextField(blank=True)
    id_tugas = models.CharField(max_length=64, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "pekerjaan laporan monev"
        ordering = ["-dibuat_pada", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisasi", "tahun", "triwulan"],
                condition=models.Q(status__in=["antre", "berjalan"]),
                name="monev_satu_pembangunan_aktif",
            )
        ]
