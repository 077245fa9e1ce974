"""Evaluation records the report prints: the SAKIP evaluation (score per component, findings,
recommendations, follow-up; seed Bab I and Tabel 9) and BPK audit follow-ups (Tabel 63-65)."""

from __future__ import annotations

from django.conf import settings
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


# --- LKE worksheet (PermenPAN-RB 88/2021), docs/keputusan/0042 ------------------------------


class VersiLKE(models.Model):
    """An LKE version as loaded from its data file (evaluasi/data/lke_*.json). A worksheet
    keeps the version it was opened with; a new regulation is a new row."""

    kode = models.CharField(max_length=40, unique=True)
    nama = models.CharField(max_length=200)
    data = models.JSONField()
    sha256 = models.CharField(max_length=64)
    dimuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "versi LKE"

    def __str__(self) -> str:
        return self.nama


class StatusLembar(models.TextChoices):
    DRAF = "draf", "Diisi unit"
    DIAJUKAN = "diajukan", "Diajukan ke evaluator"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan ke unit"
    DITINJAU = "ditinjau", "Ditinjau evaluator, menunggu pengendali mutu"
    FINAL = "final", "Final"


class PeranEvaluasi(models.TextChoices):
    EVALUATOR = "evaluator", "Evaluator (anggota tim)"
    PENGENDALI = "pengendali", "Pengendali teknis / mutu"


class PenugasanEvaluasi(models.Model):
    """Who evaluates which unit in which year: an evaluator sees only the units assigned."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="penugasan_evaluasi"
    )
    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="penugasan_evaluasi"
    )
    tahun = models.PositiveSmallIntegerField()
    peran = models.CharField(max_length=12, choices=PeranEvaluasi.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "penugasan evaluasi"
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "organisasi", "tahun", "peran"], name="penugasan_evaluasi_unik"
            )
        ]


class LembarKerja(models.Model):
    """One unit's LKE worksheet for one year (the year whose SAKIP is evaluated)."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="lke")
    tahun = models.PositiveSmallIntegerField()
    versi = models.ForeignKey(VersiLKE, on_delete=models.PROTECT, related_name="lembar")
    status = models.CharField(
        max_length=12, choices=StatusLembar.choices, default=StatusLembar.DRAF
    )
    catatan_kembali = models.TextField(blank=True)
    nomor_lhe = models.CharField(max_length=120, blank=True)
    tanggal_lhe = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "lembar kerja evaluasi"
        constraints = [
            models.UniqueConstraint(fields=["organisasi", "tahun"], name="lembar_kerja_unik")
        ]


class Jawaban(models.Model):
    """One criterion's answer: the unit's nilai usulan, the evaluator's nilai penetapan."""

    lembar = models.ForeignKey(LembarKerja, on_delete=models.CASCADE, related_name="jawaban")
    kode = models.CharField(max_length=20)  # criterion kode in the worksheet's version
    nilai_usulan = models.CharField(max_length=2, blank=True)
    catatan_unit = models.TextField(blank=True)
    nilai_penetapan = models.CharField(max_length=2, blank=True)
    alasan_penetapan = models.TextField(blank=True)
    ditinjau = models.BooleanField(default=False)
    ditinjau_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "jawaban LKE"
        ordering = ["lembar", "id"]
        constraints = [models.UniqueConstraint(fields=["lembar", "kode"], name="jawaban_lke_unik")]

    @property
    def nilai_akhir(self) -> str:
        return self.nilai_penetapan or (self.nilai_usulan if self.ditinjau else "")


class JenisBukti(models.TextChoices):
    PK = "pk", "Perjanjian Kinerja"
    REVISI_PK = "revisi_pk", "Revisi PK"
    REALISASI = "realisasi", "Realisasi dan riwayat verifikasi"
    SURVEI = "survei", "Putaran survei dan RTL"
    NKA = "nka", "Nilai Kinerja Anggaran"
    LKIP = "lkip", "LKIP dan reviunya"
    DOKUMEN = "dokumen", "Dokumen bukti dukung realisasi"
    BERKAS = "berkas", "Berkas unggahan"


class BuktiJawaban(models.Model):
    """Evidence of an answer: a record already in Kinerja (jenis + objek_id) or a file."""

    jawaban = models.ForeignKey(Jawaban, on_delete=models.CASCADE, related_name="bukti")
    jenis = models.CharField(max_length=12, choices=JenisBukti.choices)
    objek_id = models.PositiveBigIntegerField(null=True, blank=True)
    label = models.CharField(max_length=300)
    berkas = models.FileField(upload_to="lke/", blank=True)
    jenis_mime = models.CharField(max_length=120, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    ditambah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditambah_pada = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "bukti jawaban LKE"
        ordering = ["jawaban", "id"]


class TransisiLembar(models.Model):
    """The worksheet's audit trail: who moved it from which status to which, when, why."""

    lembar = models.ForeignKey(LembarKerja, on_delete=models.CASCADE, related_name="transisi")
    dari = models.CharField(max_length=12, choices=StatusLembar.choices)
    ke = models.CharField(max_length=12, choices=StatusLembar.choices)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    waktu = models.DateTimeField(auto_now_add=True)
    alasan = models.TextField(blank=True)

    class Meta:
        ordering = ["lembar", "waktu", "id"]


# --- Follow-up register (tindak lanjut) ----------------------------------------------------


class SumberTindakLanjut(models.TextChoices):
    LHE = "lhe", "Rekomendasi LHE (evaluasi AKIP)"
    BPK = "bpk", "Temuan BPK"
    ARAHAN = "arahan", "Arahan pimpinan"
    PENGADUAN = "pengaduan", "Pengaduan masyarakat"


class StatusRegister(models.TextChoices):
    BELUM = "belum", "Belum ditindaklanjuti"
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"
    TIDAK_DAPAT = "tidak_dapat", "Tidak dapat ditindaklanjuti"


class TindakLanjut(models.Model):
    """One register entry: a recommendation, BPK finding, arahan or pengaduan to be closed."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="tindak_lanjut"
    )  # the responsible unit
    sumber = models.CharField(max_length=10, choices=SumberTindakLanjut.choices)
    tahun = models.PositiveSmallIntegerField()  # year of the evaluation/audit/direction
    referensi = models.CharField(max_length=200, blank=True)  # LHE/LHP number, CRM ticket
    komponen = models.CharField(max_length=120, blank=True)  # LKE komponen for LHE entries
    temuan = models.TextField(blank=True)
    rekomendasi = models.TextField()
    batas_waktu = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=StatusRegister.choices, default=StatusRegister.BELUM
    )
    uraian_tindak_lanjut = models.TextField(blank=True)
    alasan_tidak_dapat = models.TextField(blank=True)
    bukti_selesai = models.TextField(blank=True)
    berkas_bukti = models.FileField(upload_to="tindak-lanjut/", blank=True)
    ditutup_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ditutup_pada = models.DateTimeField(null=True, blank=True)
    lembar = models.ForeignKey(
        LembarKerja, null=True, blank=True, on_delete=models.SET_NULL, related_name="rekomendasi"
    )
    asal = models.CharField(max_length=60, blank=True)  # migrated row, e.g. "temuan:12"
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "register tindak lanjut"
        ordering = ["organisasi", "tahun", "sumber", "urutan", "id"]
        indexes = [models.Index(fields=["status", "batas_waktu"])]
