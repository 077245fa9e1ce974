"""Surveys: SKM/IKM (PermenPAN-RB 14/2017) and the coordination survey (IEK), as data.

Overview for whoever builds on these models (public form, kiosk, invitations, benchmark):

- **Kuesioner** (kode, versi): one frozen version of a questionnaire. Answer labels for
  the values 1-4 (`label_jawaban`), method (`metode`, e.g. "PermenPAN-RB 14/2017") and the
  weight rule (`bobot`, engine `rumus.ikm.BOBOT`) travel with it, so results name their
  method. Once a version has responses, change it by loading a new version (new `versi`),
  never by editing: old responses keep pointing at the items they answered. Loaded from
  `survei/data/*.json` by `kuesioner.kuesioner_muat`.
- **Unsur**: `kunci` is the stable semantic key (ikm.md §1.2: "prosedur", "sarana"...),
  `kode` the configurable display code (U1..U9). Trends across versions match on `kunci`.
- **Butir**: one question; several butir may share an unsur (IEK: 13 butir on 9 unsur).
  The engine computes item NRR → mean per unsur → IKM (`ikm_dari_butir`); with one butir
  per unsur this equals the Permen's NRR per unsur.
- **Layanan**: a service type rated by the SKM (the seed's 7 kelurahan services), shared
  across versions; `Kuesioner.layanan` lists those a questionnaire is used for.
- **IsianDemografi**: demographic field definitions (kunci, label, pilihan); answers are
  stored in `Respon.demografi` as {kunci: value}. Free-text fields have no pilihan.
- **PutaranSurvei**: one survey round = kuesioner × rated unit × layanan × period, with the
  service population (`populasi`) for the Krejcie-Morgan check. For the SKM `organisasi`
  is the unit giving the service (kelurahan) and `layanan` the service; for the IEK
  `organisasi` is the rated asisten and `layanan` is empty. `status` (draf/dibuka/ditutup)
  and `dibuka_pada`/`ditutup_pada` are for the public form: accept responses only while
  `dibuka`.
- **Respon**: one questionnaire. Immutable once saved except the review fields (status,
  alasan_status, ditinjau_oleh, ditinjau_pada), changed only by
  `layanan.respon_tinjau`, which appends a PeristiwaRespon. Never deleted (PROTECT,
  delete() refuses). Only `valid` responses count. No name, phone or address is stored:
  `hash_telepon`/`hash_alamat` are keyed HMACs (`layanan.sidik`) used to spot
  duplicates; `id_perangkat` is the kiosk/device id. `saluran` says how it arrived
  (web, kiosk, impor, undangan). The invitation-token developer adds an `Undangan` model
  and a nullable FK here (one response per token); the kiosk keeps `id_perangkat`.
- **Jawaban**: one answer (1-4, or NULL for blank). `putaran` is copied from the response
  (immutable, so never stale) so the aggregation is one indexed GROUP BY over this table
  (`pemilih.agregat_butir`), excluding the few non-valid responses by id.
- **RencanaTindakLanjut**: the RTL for a weak unsur (ikm.md §1.6 BAB IV 4.2), with the
  Forum Konsultasi Publik when held.
- **TautanIndikator**: which PK indicator a questionnaire's results feed (scope unit,
  optional layanan, roll-up rules); `layanan.usulan_realisasi` writes a draft realisasi.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import Indikator, JenisPeriode
from kinerja.rumus.ikm import ATURAN_GABUNG, BOBOT


class JenisKuesioner(models.TextChoices):
    SKM = "skm", "Survei Kepuasan Masyarakat (IKM)"
    KOORDINASI = "koordinasi", "Survei Efektivitas Koordinasi (IEK)"


class Kuesioner(models.Model):
    kode = models.SlugField(max_length=60)
    versi = models.PositiveSmallIntegerField(default=1)
    nama = models.CharField(max_length=300)
    jenis = models.CharField(max_length=12, choices=JenisKuesioner.choices)
    metode = models.CharField(max_length=120, default="PermenPAN-RB 14/2017")
    bobot = models.CharField(
        max_length=6, choices=[(b, b) for b in BOBOT], default="1/9"
    )  # engine weight rule; "1/9" = exact 1/number of unsur
    # Labels of the answer values 1, 2, 3, 4 (ikm.md §1.3: configurable per survey).
    label_jawaban = models.JSONField()
    pengantar = models.TextField(blank=True)
    pertanyaan_saran = models.CharField(max_length=300, blank=True)
    # Who answers, e.g. "pengguna layanan" or "pejabat UKPD yang berkoordinasi".
    responden = models.CharField(max_length=200, blank=True)
    sumber = models.CharField(max_length=200, blank=True)
    layanan = models.ManyToManyField("Layanan", blank=True, related_name="kuesioner")
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "kuesioner"
        ordering = ["kode", "versi"]
        constraints = [models.UniqueConstraint(fields=["kode", "versi"], name="kuesioner_unik")]

    def __str__(self) -> str:
        return f"{self.nama} (v{self.versi})"


class Unsur(models.Model):
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="unsur")
    kunci = models.SlugField(max_length=40)  # stable semantic key, e.g. "prosedur"
    kode = models.CharField(max_length=10)  # display code, e.g. "U2"
    nama = models.CharField(max_length=200)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "unsur"
        ordering = ["kuesioner", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["kuesioner", "kunci"], name="unsur_kunci_unik"),
            models.UniqueConstraint(fields=["kuesioner", "kode"], name="unsur_kode_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class Butir(models.Model):
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="butir")
    unsur = models.ForeignKey(Unsur, on_delete=models.PROTECT, related_name="butir")
    kode = models.CharField(max_length=10)  # as printed on the form, e.g. "F2", "E7"
    teks = models.TextField()
    keterangan = models.CharField(max_length=300, blank=True)  # e.g. "Misalnya: ..."
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "butir"
        ordering = ["kuesioner", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["kuesioner", "kode"], name="butir_kode_unik")
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.teks[:60]}"


class Layanan(models.Model):
    kode = models.SlugField(max_length=40, unique=True)
    nama = models.CharField(max_length=300)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "layanan"
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama


class IsianDemografi(models.Model):
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.CASCADE, related_name="demografi")
    kunci = models.SlugField(max_length=40)  # key in Respon.demografi
    label = models.CharField(max_length=200)
    pilihan = models.JSONField(default=list, blank=True)  # [[nilai, label], ...]; [] = free text
    wajib = models.BooleanField(default=False)
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "isian demografi"
        ordering = ["kuesioner", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["kuesioner", "kunci"], name="demografi_kunci_unik")
        ]

    def label_pilihan(self, nilai) -> str:
        return dict((str(k), v) for k, v in self.pilihan).get(str(nilai), str(nilai))


class StatusPutaran(models.TextChoices):
    DRAF = "draf", "Draf"
    DIBUKA = "dibuka", "Dibuka (menerima respon)"
    DITUTUP = "ditutup", "Ditutup"


PERIODE_SURVEI = [
    (JenisPeriode.TRIWULAN.value, JenisPeriode.TRIWULAN.label),
    (JenisPeriode.SEMESTER.value, JenisPeriode.SEMESTER.label),
    (JenisPeriode.TAHUN.value, JenisPeriode.TAHUN.label),
]


class PutaranSurvei(models.Model):
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.PROTECT, related_name="putaran")
    # SKM: the unit giving the service (kelurahan). IEK: the rated asisten.
    organisasi = models.ForeignKey(
        Organisasi, on_delete=models.PROTECT, related_name="putaran_survei"
    )
    layanan = models.ForeignKey(
        Layanan, null=True, blank=True, on_delete=models.PROTECT, related_name="putaran"
    )
    jenis_periode = models.CharField(max_length=10, choices=PERIODE_SURVEI)
    tahun = models.PositiveSmallIntegerField()
    ke = models.PositiveSmallIntegerField(default=1)
    populasi = models.PositiveIntegerField(
        null=True, blank=True, help_text="pengguna layanan dalam periode (Krejcie-Morgan)"
    )
    status = models.CharField(
        max_length=10, choices=StatusPutaran.choices, default=StatusPutaran.DRAF
    )
    dibuka_pada = models.DateTimeField(null=True, blank=True)
    ditutup_pada = models.DateTimeField(null=True, blank=True)
    pelaksana = models.CharField(max_length=200, blank=True)  # ikm.md §1.6 BAB II 2.1
    keterangan = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "putaran survei"
        ordering = ["tahun", "jenis_periode", "ke", "organisasi__jalur", "layanan__urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["kuesioner", "organisasi", "layanan", "tahun", "jenis_periode", "ke"],
                condition=Q(layanan__isnull=False),
                name="putaran_unik_layanan",
            ),
            models.UniqueConstraint(
                fields=["kuesioner", "organisasi", "tahun", "jenis_periode", "ke"],
                condition=Q(layanan__isnull=True),
                name="putaran_unik_tanpa_layanan",
            ),
        ]
        indexes = [models.Index(fields=["tahun", "jenis_periode", "ke"])]

    def __str__(self) -> str:
        bagian = [self.organisasi.nama]
        if self.layanan_id:
            bagian.append(self.layanan.nama)
        return f"{' · '.join(bagian)} · {self.label_periode}"

    @property
    def label_periode(self) -> str:
        from kinerja.rumus.periode import Periode

        return Periode(jenis=self.jenis_periode, tahun=self.tahun, ke=self.ke).label


class Saluran(models.TextChoices):
    WEB = "web", "Formulir web"
    KIOSK = "kiosk", "Kios / anjungan"
    IMPOR = "impor", "Impor berkas"
    UNDANGAN = "undangan", "Undangan (token)"


class StatusRespon(models.TextChoices):
    VALID = "valid", "Valid"
    MERAGUKAN = "meragukan", "Meragukan"
    DITOLAK = "ditolak", "Ditolak"


KOLOM_TINJAUAN = frozenset({"status", "alasan_status", "ditinjau_oleh", "ditinjau_pada"})
# Retention (KINERJA_SURVEI_RETENSI_HARI) may only blank these duplicate-detection traces.
KOLOM_RETENSI = frozenset({"hash_telepon", "hash_alamat", "id_perangkat"})


class ResponQuerySet(models.QuerySet):
    def delete(self):
        raise RuntimeError("respon survei tidak boleh dihapus; tolak lewat respon_tinjau")

    def update(self, **kwargs):
        hapus_sidik = {k for k in KOLOM_RETENSI if kwargs.get(k, None) == ""}
        lain = set(kwargs) - KOLOM_TINJAUAN - hapus_sidik
        if lain:
            raise RuntimeError(f"respon survei tidak boleh diubah ({', '.join(sorted(lain))})")
        return super().update(**kwargs)


class Respon(models.Model):
    # no index of its own: respon_putaran_status starts with putaran (one index less per write)
    putaran = models.ForeignKey(
        PutaranSurvei, on_delete=models.PROTECT, related_name="respon", db_index=False
    )
    diterima_pada = models.DateTimeField()  # submitted_at
    saluran = models.CharField(max_length=10, choices=Saluran.choices)
    status = models.CharField(
        max_length=10, choices=StatusRespon.choices, default=StatusRespon.VALID
    )
    alasan_status = models.TextField(blank=True)
    ditinjau_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditinjau_pada = models.DateTimeField(null=True, blank=True)
    demografi = models.JSONField(default=dict, blank=True)
    saran = models.TextField(blank=True)
    kategori_saran = models.CharField(max_length=60, blank=True)  # coded open answer (IEK)
    id_perangkat = models.CharField(max_length=64, blank=True)
    hash_telepon = models.CharField(max_length=64, blank=True, db_index=True)
    hash_alamat = models.CharField(max_length=64, blank=True)  # client IP, keyed hash
    sumber = models.CharField(max_length=200, blank=True)  # e.g. "impor survei.xlsx baris 12"
    # random key of one rendered public form: a resubmission (lost response, "Kirim" pressed
    # again) finds the stored response instead of storing it twice (bench/gangguan.py)
    kunci_kiriman = models.CharField(max_length=32, blank=True)

    objects = ResponQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "respon"
        ordering = ["putaran", "pk"]
        indexes = [
            models.Index(fields=["putaran", "status"], name="respon_putaran_status"),
            models.Index(fields=["putaran", "diterima_pada"], name="respon_putaran_waktu"),
            # the burst rule (survei_publik.layanan.alasan_curiga): the last minute of one
            # address in one round is a range of this index, not a scan of the round's minute
            models.Index(
                fields=["putaran", "hash_alamat", "diterima_pada"],
                name="respon_putaran_alamat_waktu",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["putaran", "kunci_kiriman"],
                condition=~models.Q(kunci_kiriman=""),
                name="respon_kunci_kiriman_unik",
            )
        ]

    def __str__(self) -> str:
        return f"Respon {self.pk} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if self.pk is not None and self._state.adding is False:
            kolom = kwargs.get("update_fields")
            hapus_sidik = {k for k in KOLOM_RETENSI if getattr(self, k) == ""}
            if kolom is None or set(kolom) - KOLOM_TINJAUAN - hapus_sidik:
                raise RuntimeError(
                    "respon survei tidak dapat diubah; hanya status tinjauan lewat respon_tinjau"
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("respon survei tidak boleh dihapus; tolak lewat respon_tinjau")


class JawabanQuerySet(models.QuerySet):
    def delete(self):
        raise RuntimeError("jawaban survei tidak boleh dihapus")

    def update(self, **kwargs):
        raise RuntimeError("jawaban survei tidak boleh diubah")


class Jawaban(models.Model):
    # Nine rows per response: the FKs to respon and putaran get no index of their own, the
    # unique (respon, butir) and the covering jawaban_agregat start with them.
    respon = models.ForeignKey(
        Respon, on_delete=models.PROTECT, related_name="jawaban", db_index=False
    )
    putaran = models.ForeignKey(
        PutaranSurvei, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    butir = models.ForeignKey(Butir, on_delete=models.PROTECT, related_name="jawaban")
    nilai = models.PositiveSmallIntegerField(null=True, blank=True)  # 1-4; NULL = blank

    objects = JawabanQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "jawaban"
        constraints = [
            models.UniqueConstraint(fields=["respon", "butir"], name="jawaban_unik"),
            models.CheckConstraint(
                condition=Q(nilai__isnull=True) | Q(nilai__gte=1, nilai__lte=4),
                name="jawaban_skala_1_4",
            ),
        ]
        # Covering index for the GROUP BY (putaran, butir) → SUM/COUNT(nilai); the answers of the few
        # non-valid responses are found through the unique (respon, butir) index.
        indexes = [models.Index(fields=["putaran", "butir", "nilai"], name="jawaban_agregat")]

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise RuntimeError("jawaban survei tidak dapat diubah")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("jawaban survei tidak boleh dihapus")


class RekapJawaban(models.Model):
    """How many stored answers a butir got of each value in a putaran (nilai 0 = blank), over
    every response whatever its review status: a count table kept exact in the same
    transaction as the answers by the only writers, `layanan.respon_simpan` and
    `respon_simpan_banyak` (docs/keputusan/0020-rekap-jawaban.md).

    Results read these few rows instead of scanning every answer, then subtract the answers
    of the few non-valid responses (`pemilih.agregat_butir`). `layanan.rekap_bangun_ulang`
    recomputes it from Jawaban with one GROUP BY; `pemilih.rekap_selisih` (command
    `survei_rekap --periksa`) lists any difference from the answers."""

    putaran = models.ForeignKey(
        PutaranSurvei, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    butir = models.ForeignKey(Butir, on_delete=models.PROTECT, related_name="+")
    nilai = models.PositiveSmallIntegerField()  # 1-4; 0 = blank (NULL cannot be a conflict key)
    jumlah = models.PositiveIntegerField()

    class Meta:
        verbose_name_plural = "rekap jawaban"
        constraints = [
            models.UniqueConstraint(fields=["putaran", "butir", "nilai"], name="rekap_unik"),
            models.CheckConstraint(condition=Q(nilai__lte=4), name="rekap_skala_0_4"),
        ]


class PeristiwaRespon(models.Model):
    """Append-only review log of a response: who changed its status, when and why."""

    respon = models.ForeignKey(Respon, on_delete=models.PROTECT, related_name="peristiwa")
    dari_status = models.CharField(max_length=10)
    ke_status = models.CharField(max_length=10)
    alasan = models.TextField(blank=True)
    aktor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "peristiwa respon"
        ordering = ["waktu", "pk"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("peristiwa respon tidak boleh diubah (append-only)")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("peristiwa respon tidak boleh dihapus (append-only)")


class StatusRTL(models.TextChoices):
    RENCANA = "rencana", "Direncanakan"
    PROSES = "proses", "Dalam proses"
    SELESAI = "selesai", "Selesai"


class RencanaTindakLanjut(models.Model):
    """Rencana Tindak Lanjut for a weak unsur (PermenPAN-RB 14/2017 BAB IV 4.2), optionally
    agreed in a Forum Konsultasi Publik (tanggal and peserta)."""

    organisasi = models.ForeignKey(Organisasi, on_delete=models.PROTECT, related_name="rtl_survei")
    kuesioner = models.ForeignKey(Kuesioner, on_delete=models.PROTECT, related_name="rtl")
    tahun = models.PositiveSmallIntegerField()
    putaran = models.ForeignKey(
        PutaranSurvei, null=True, blank=True, on_delete=models.SET_NULL, related_name="rtl"
    )
    unsur = models.ForeignKey(Unsur, on_delete=models.PROTECT, related_name="rtl")
    tindakan = models.TextField()
    program = models.CharField(max_length=300, blank=True)
    waktu = models.CharField(max_length=120)  # e.g. "Triwulan III 2025"
    penanggung_jawab = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=StatusRTL.choices, default=StatusRTL.RENCANA)
    fkp_tanggal = models.DateField("tanggal FKP", null=True, blank=True)
    fkp_peserta = models.TextField("peserta FKP", blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "rencana tindak lanjut"
        ordering = ["organisasi", "tahun", "unsur__urutan", "pk"]


class TautanIndikator(models.Model):
    """A PK indicator whose realisasi is measured by a questionnaire: every putaran of
    `kuesioner_kode` (any version) for units at or below `cakupan` (and `layanan` when set)
    in the realisasi period: services of a unit by `aturan_layanan`, then units by
    `aturan_unit`, then the periods inside
    the realisasi period (e.g. two semesters of a year) by `aturan_periode`."""

    indikator = models.OneToOneField(
        Indikator, on_delete=models.CASCADE, related_name="tautan_survei"
    )
    kuesioner_kode = models.SlugField(max_length=60)
    cakupan = models.ForeignKey(Organisasi, on_delete=models.PROTECT, related_name="+")
    layanan = models.ForeignKey(Layanan, null=True, blank=True, on_delete=models.PROTECT)
    # services of one unit in one period (the kelurahan as unit pelayanan)
    aturan_layanan = models.CharField(
        max_length=24, choices=[(a, a) for a in ATURAN_GABUNG], default="gabung_responden"
    )
    aturan_unit = models.CharField(
        max_length=24, choices=[(a, a) for a in ATURAN_GABUNG], default="rata_rata_unit"
    )
    aturan_periode = models.CharField(
        max_length=24, choices=[(a, a) for a in ATURAN_GABUNG], default="rata_rata_unit"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "tautan indikator survei"
