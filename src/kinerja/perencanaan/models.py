"""Planning data: Renstra -> tujuan -> sasaran -> indikator with targets per year, the
Perjanjian Kinerja of each official per year (with numbered revisions), and the budget
structure program -> kegiatan -> sub kegiatan (seed Tabel 10-14, RKT, Renaksi)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi

ANGKA = {"max_digits": 24, "decimal_places": 6, "null": True, "blank": True}
RUPIAH = {"max_digits": 20, "decimal_places": 2, "default": 0}


class Renstra(models.Model):
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="renstra")
    nama = models.CharField(max_length=300)
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    dasar_hukum = models.CharField(max_length=300, blank=True)
    # The RPD/RPJMD sasaran the Renstra refers to (Tabel 10-11).
    acuan_rpd = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "renstra"
        ordering = ["organisasi", "tahun_awal"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tahun_awal}-{self.tahun_akhir})"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=20, blank=True)
    uraian = models.TextField()
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "urutan"]

    def __str__(self) -> str:
        return self.uraian[:80]


class KelompokSasaran(models.TextChoices):
    STRATEGIS = "strategis", "Sasaran Strategis"
    KHUSUS = "khusus", "Sasaran Khusus"
    OPERASIONAL = "operasional", "Sasaran Operasional"


class Sasaran(models.Model):
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="sasaran")
    renstra = models.ForeignKey(
        Renstra, null=True, blank=True, on_delete=models.SET_NULL, related_name="sasaran"
    )
    tujuan = models.ForeignKey(
        Tujuan, null=True, blank=True, on_delete=models.SET_NULL, related_name="sasaran"
    )
    # Cascading: the sasaran of the level above this one serves (pohon kinerja).
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="turunan"
    )
    kelompok = models.CharField(
        max_length=20, choices=KelompokSasaran.choices, default=KelompokSasaran.STRATEGIS
    )
    nomor = models.PositiveIntegerField(default=0)
    uraian = models.TextField()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "sasaran"
        ordering = ["organisasi", "nomor"]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.uraian[:80]}"


class Polaritas(models.TextChoices):
    POSITIF = "positif", "Positif (makin tinggi makin baik)"
    NEGATIF = "negatif", "Negatif (makin rendah makin baik)"


class MetodeNegatif(models.TextChoices):
    DUA_T_MINUS_R = "2T-R", "(2T − R) / T"
    T_PER_R = "T/R", "T / R"


class JenisTarget(models.TextChoices):
    BIASA = "biasa", "Angka"
    RENTANG = "rentang", "Rentang"
    TEPAT = "tepat", "Tepat (stabil)"
    KUALITATIF = "kualitatif", "Kualitatif (skala ordinal)"


class JenisPeriode(models.TextChoices):
    BULAN = "bulan", "Bulanan"
    TRIWULAN = "triwulan", "Triwulanan"
    SEMESTER = "semester", "Semesteran"
    TAHUN = "tahun", "Tahunan"


class CaraAgregasi(models.TextChoices):
    KUMULATIF = "kumulatif", "Kumulatif (jumlah periode)"
    NILAI_AKHIR = "nilai_akhir", "Nilai periode terakhir"
    RATA_RATA = "rata_rata", "Rata-rata periode"


class Indikator(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="indikator")
    organisasi = models.ForeignKey(Organisasi, on_delete=models.CASCADE, related_name="indikator")
    kode = models.CharField(max_length=40, blank=True)
    nama = models.TextField()
    definisi_operasional = models.TextField(blank=True)
    rumus = models.TextField(blank=True)
    satuan = models.CharField(max_length=60, blank=True)
    polaritas = models.CharField(
        max_length=10, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    metode_negatif = models.CharField(
        max_length=5, choices=MetodeNegatif.choices, default=MetodeNegatif.DUA_T_MINUS_R
    )
    jenis_target = models.CharField(
        max_length=12, choices=JenisTarget.choices, default=JenisTarget.BIASA
    )
    skala_ordinal = models.CharField(
        max_length=30, blank=True
    )  # e.g. "opini" for qualitative targets
    sumber_data = models.CharField(max_length=300, blank=True)
    frekuensi = models.CharField(
        max_length=10, choices=JenisPeriode.choices, default=JenisPeriode.TAHUN
    )
    cara_agregasi = models.CharField(
        max_length=12, choices=CaraAgregasi.choices, default=CaraAgregasi.NILAI_AKHIR
    )
    rasio = models.BooleanField(
        default=False, help_text="realisasi = pembilang / penyebut (× 100 bila persen)"
    )
    pengali_rasio = models.DecimalField(max_digits=10, decimal_places=4, default=100)
    iku = models.BooleanField("IKU", default=False)
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "indikator"
        ordering = ["sasaran__nomor", "urutan"]

    def __str__(self) -> str:
        return self.nama[:100]


class SumberTarget(models.TextChoices):
    RENSTRA = "renstra", "Renstra"
    RPD = "rpd", "RPD/RPJMD"


class TargetRenstra(models.Model):
    """Target of an indicator for one year as planned in the Renstra or RPD (Tabel 10-11)."""

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, related_name="target_renstra"
    )
    tahun = models.PositiveSmallIntegerField()
    sumber = models.CharField(
        max_length=10, choices=SumberTarget.choices, default=SumberTarget.RENSTRA
    )
    nilai = models.DecimalField(**ANGKA)
    nilai_teks = models.CharField(max_length=60, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "sumber"], name="target_renstra_unik"
            )
        ]


class StatusPK(models.TextChoices):
    DRAFT = "draft", "Draf"
    DITANDATANGANI = "ditandatangani", "Ditandatangani"


class PerjanjianKinerja(models.Model):
    """The PK of one official for one year (PermenPAN-RB 53/2014).

    A PK made on the planning pages starts as a draft (lines may be added, changed and
    removed) and becomes final when it is recorded as signed; from then on a target only
    changes through a numbered revision (RevisiPK / PerubahanTarget) with its legal basis
    and reason. PKs loaded before the status existed (admin, sample data, import) are
    signed documents, hence the default (docs/keputusan/0019-penyusunan-pk.md). The status
    is not editable in forms: only `perencanaan.layanan` changes it.
    """

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="turunan"
    )
    pihak_pertama_nama = models.CharField(max_length=200, blank=True)
    pihak_pertama_jabatan = models.CharField(max_length=200)
    pihak_kedua_nama = models.CharField(max_length=200, blank=True)
    pihak_kedua_jabatan = models.CharField(max_length=200, blank=True)
    tempat = models.CharField(max_length=100, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20,
        choices=StatusPK.choices,
        default=StatusPK.DITANDATANGANI,
        editable=False,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "perjanjian kinerja"
        constraints = [
            models.UniqueConstraint(fields=["organisasi", "tahun"], name="pk_unik_per_tahun")
        ]

    def __str__(self) -> str:
        return f"PK {self.tahun} {self.pihak_pertama_jabatan}"

    @property
    def draf(self) -> bool:
        return self.status == StatusPK.DRAFT


class ButirPK(models.Model):
    """One indicator with its (current) target in a PK; Tabel 12-14 group them by kelompok."""

    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="butir"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="butir_pk")
    target = models.DecimalField(**ANGKA)
    target_bawah = models.DecimalField(**ANGKA)
    target_atas = models.DecimalField(**ANGKA)
    target_teks = models.CharField(
        max_length=60, blank=True
    )  # qualitative target label, e.g. "WTP"
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "butir PK"
        ordering = ["urutan"]
        constraints = [
            models.UniqueConstraint(fields=["pk_dokumen", "indikator"], name="butir_pk_unik")
        ]


class TargetPeriode(models.Model):
    """The target of one period (triwulan, semester, bulan) of a PK line, beside the yearly
    target: capaian of that period's realisasi is measured against it
    (docs/keputusan/0037-target-periode.md). Its kind is the indicator's frequency. Edited on a
    draft PK like the yearly target; after signing only through a revision (PerubahanTarget
    with the period), every change kept by simple-history."""

    butir = models.ForeignKey(ButirPK, on_delete=models.CASCADE, related_name="target_periode")
    jenis_periode = models.CharField(max_length=10)
    ke = models.PositiveSmallIntegerField()
    target = models.DecimalField(max_digits=24, decimal_places=6)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "target periode"
        ordering = ["butir", "jenis_periode", "ke"]
        constraints = [
            models.UniqueConstraint(
                fields=["butir", "jenis_periode", "ke"], name="target_periode_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(jenis_periode__in=["bulan", "triwulan", "semester"]),
                name="target_periode_jenis",
            ),
        ]


class RevisiPK(models.Model):
    """A numbered revision of a PK with its legal basis and reason (e.g. Instruksi Sekda 19/2024)."""

    pk_dokumen = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="revisi"
    )
    nomor = models.PositiveSmallIntegerField()
    tanggal = models.DateField(null=True, blank=True)
    dasar_hukum = models.CharField(max_length=300)
    alasan = models.TextField()
    dibuat_oleh = models.CharField(max_length=150, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    # The decree or letter the revision rests on (docs/keputusan/0050-revisi-pk-dasar-hukum.md):
    # its number and date, and the PDF (checked by content and size, named by its SHA-256).
    nomor_surat = models.CharField(max_length=150, blank=True)
    tanggal_surat = models.DateField(null=True, blank=True)
    dokumen = models.FileField(upload_to="revisi-pk/%Y/", blank=True)
    dokumen_nama = models.CharField(max_length=255, blank=True)
    dokumen_ukuran = models.PositiveBigIntegerField(null=True, blank=True)
    dokumen_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name_plural = "revisi PK"
        ordering = ["pk_dokumen", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["pk_dokumen", "nomor"], name="revisi_pk_unik")
        ]


class PerubahanTarget(models.Model):
    revisi = models.ForeignKey(RevisiPK, on_delete=models.CASCADE, related_name="perubahan")
    butir = models.ForeignKey(ButirPK, on_delete=models.CASCADE, related_name="perubahan")
    # empty: the yearly target; otherwise the period whose target changed (TargetPeriode)
    jenis_periode = models.CharField(max_length=10, blank=True, default="")
    ke = models.PositiveSmallIntegerField(null=True, blank=True)
    target_lama = models.DecimalField(**ANGKA)
    target_baru = models.DecimalField(**ANGKA)


class TingkatAnggaran(models.TextChoices):
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub Kegiatan"


class ProgramAnggaran(models.Model):
    """Program -> kegiatan -> sub kegiatan of one organisation and year, with pagu (RKT)."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="program_anggaran"
    )
    tahun = models.PositiveSmallIntegerField()
    tingkat = models.CharField(max_length=15, choices=TingkatAnggaran.choices)
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="anak"
    )
    kode = models.CharField(max_length=40, blank=True)
    nama = models.CharField(max_length=300)
    pagu_awal = models.DecimalField(**RUPIAH)
    pagu = models.DecimalField(**RUPIAH)  # after APBD-P
    sasaran = models.ManyToManyField(Sasaran, blank=True, related_name="program_anggaran")
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "program, kegiatan, sub kegiatan"
        ordering = ["organisasi", "tahun", "urutan"]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.nama}"


class IndikatorKeluaran(models.Model):
    """Output indicator of a program/kegiatan/sub kegiatan (IOP, Tabel 72) with target."""

    program = models.ForeignKey(
        ProgramAnggaran, on_delete=models.CASCADE, related_name="indikator_keluaran"
    )
    output = models.CharField(max_length=300, blank=True)
    nama = models.CharField(max_length=300)
    satuan = models.CharField(max_length=60, blank=True)
    target = models.DecimalField(**ANGKA)
    realisasi = models.DecimalField(**ANGKA)
    urutan = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["program", "urutan"]


class JenisLangkah(models.TextChoices):
    KEGIATAN = "kegiatan", "Kegiatan / sub kegiatan"
    TONGGAK = "tonggak", "Tonggak (milestone)"


class PeriodeLangkah(models.TextChoices):
    BULAN = "bulan", "Bulanan"
    TRIWULAN = "triwulan", "Triwulanan"


class RencanaAksi(models.Model):
    """One planned step (langkah) of the rencana aksi of a unit and year (seed Bab II,
    Renaksi and RKT tables; docs/keputusan/0049-rencana-aksi-bulanan.md).

    A step serves a PK line (`butir`) and may name the program/kegiatan/sub kegiatan of the
    RKT that pays for it (`kegiatan`), with its budget (`anggaran`); its targets are per
    month or per quarter (TargetLangkah) and its realisasi per month (RealisasiLangkah).
    Steps loaded before the monthly plan existed (LKIP 2024 text) have only `uraian`,
    `bulan` and `target_teks`."""

    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.CASCADE, related_name="rencana_aksi"
    )
    tahun = models.PositiveSmallIntegerField()
    indikator = models.ForeignKey(
        Indikator, null=True, blank=True, on_delete=models.SET_NULL, related_name="rencana_aksi"
    )
    butir = models.ForeignKey(
        ButirPK, null=True, blank=True, on_delete=models.PROTECT, related_name="rencana_aksi"
    )
    kegiatan = models.ForeignKey(
        ProgramAnggaran,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rencana_aksi",
    )
    jenis = models.CharField(
        max_length=10, choices=JenisLangkah.choices, default=JenisLangkah.KEGIATAN
    )
    uraian = models.TextField()
    penanggung_jawab = models.ForeignKey(
        Organisasi,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rencana_aksi_dipimpin",
    )
    instansi_terkait = models.CharField(max_length=300, blank=True)
    kriteria_keberhasilan = models.TextField(blank=True)
    bulan = models.JSONField(default=list, help_text="bulan pelaksanaan, 1-12")
    target_teks = models.CharField(max_length=200, blank=True)
    jenis_periode = models.CharField(
        max_length=10, choices=PeriodeLangkah.choices, default=PeriodeLangkah.BULAN
    )
    satuan = models.CharField(max_length=60, blank=True)
    anggaran = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    urutan = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "rencana aksi"
        ordering = ["organisasi", "tahun", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(anggaran__isnull=True) | models.Q(anggaran__gte=0),
                name="rencana_aksi_anggaran_non_negatif",
            ),
        ]

    def __str__(self) -> str:
        return self.uraian[:100]


class TargetLangkah(models.Model):
    """The planned output of a step in one month (ke 1-12) or quarter (ke 1-4), the step's
    `jenis_periode`; planned to date is the sum of the periods ended (cumulative)."""

    rencana_aksi = models.ForeignKey(RencanaAksi, on_delete=models.CASCADE, related_name="target")
    ke = models.PositiveSmallIntegerField()
    target = models.DecimalField(max_digits=24, decimal_places=6)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "target langkah"
        ordering = ["rencana_aksi", "ke"]
        constraints = [
            models.UniqueConstraint(fields=["rencana_aksi", "ke"], name="target_langkah_unik"),
            models.CheckConstraint(
                condition=models.Q(ke__gte=1, ke__lte=12), name="target_langkah_ke_1_12"
            ),
            models.CheckConstraint(
                condition=models.Q(target__gte=0), name="target_langkah_non_negatif"
            ),
        ]


class RealisasiLangkah(models.Model):
    """What a step achieved in one month (not cumulative) with its evidence file (same checks
    as the realisasi evidence: content type, size, SHA-256 name)."""

    rencana_aksi = models.ForeignKey(
        RencanaAksi, on_delete=models.CASCADE, related_name="realisasi"
    )
    bulan = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(max_digits=24, decimal_places=6)
    anggaran_terpakai = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    catatan = models.TextField(blank=True)
    bukti = models.FileField(upload_to="bukti-renaksi/%Y/", blank=True)
    bukti_nama = models.CharField(max_length=255, blank=True)
    bukti_mime = models.CharField(max_length=100, blank=True)
    bukti_ukuran = models.PositiveBigIntegerField(null=True, blank=True)
    bukti_sha256 = models.CharField(max_length=64, blank=True)
    diisi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diisi_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "realisasi langkah"
        ordering = ["rencana_aksi", "bulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["rencana_aksi", "bulan"], name="realisasi_langkah_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(bulan__gte=1, bulan__lte=12), name="realisasi_langkah_bulan"
            ),
            models.CheckConstraint(
                condition=models.Q(nilai__gte=0), name="realisasi_langkah_non_negatif"
            ),
        ]
