"""Demo: the Jakarta Pusat 2024 LKE worksheet, final, through the same services as the
pages (self-assessment → review → sign-off), with the seed's reported result 25,50 + 25,50 +
12,75 + 22,00 = 85,75 (A) as its nilai penetapan (seed Bab I, lines 918-926), evidence
linked from the loaded data, the earlier records copied into the register, and two open
follow-up entries (one overdue). Idempotent: a second run changes nothing.
docs/keputusan/0045."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi.models import (
    LembarKerja,
    PenugasanEvaluasi,
    PeranEvaluasi,
    TemuanEvaluasi,
    TindakLanjut,
    TindakLanjutBPK,
)
from kinerja.evaluasi.salin import salin_ke_register
from kinerja.organisasi.models import Organisasi, Penugasan, Peran

TAHUN = 2024

# kode: (usulan unit, penetapan evaluator or None = agrees, reason). Penetapan sums to the
# seed's components: Perencanaan 6 + 9×5/6 + 15×4/5 = 25,50; Pengukuran 6 + 9×3,75/5 +
# 15×4,25/5 = 25,50; Pelaporan 3 + 4,5×3,25/4 + 7,5×3,25/4 = 12,75; Evaluasi Internal
# 5 + 7,5×4,25/5 + 12,5×4,25/5 = 22,00.
JAWABAN = {
    "1.a.1": ("Y", None, ""),
    "1.a.2": ("Y", None, ""),
    "1.a.3": ("Y", None, ""),
    "1.a.4": ("Y", None, ""),
    "1.a.5": ("Y", None, ""),
    "1.a.6": ("Y", None, ""),
    "1.b.1": ("A", None, ""),
    "1.b.2": ("A", None, ""),
    "1.b.3": ("A", "B", "Sebagian indikator sasaran belum memenuhi kriteria SMART (terukur)."),
    "1.b.4": ("A", None, ""),
    "1.b.5": ("B", None, ""),
    "1.b.6": ("B", "C", "Keterkaitan antarbidang belum tergambar pada dokumen Renja."),
    "1.c.1": ("A", None, ""),
    "1.c.2": ("A", None, ""),
    "1.c.3": ("B", None, ""),
    "1.c.4": ("A", "B", "Rencana aksi dipantau, tetapi belum setiap triwulan."),
    "1.c.5": ("C", None, ""),
    "2.a.1": ("Y", None, ""),
    "2.a.2": ("Y", None, ""),
    "2.a.3": ("Y", None, ""),
    "2.a.4": ("Y", None, ""),
    "2.b.1": ("A", "B", "Keterlibatan pimpinan dalam pengukuran belum terdokumentasi rutin."),
    "2.b.2": ("A", None, ""),
    "2.b.3": ("B", None, ""),
    "2.b.4": ("B", None, ""),
    "2.b.5": ("C", None, ""),
    "2.c.1": ("A", None, ""),
    "2.c.2": ("B", None, ""),
    "2.c.3": ("B", None, ""),
    "2.c.4": ("A", None, ""),
    "2.c.5": ("A", "B", "Efisiensi anggaran diukur, belum dipakai dalam penyesuaian program."),
    "3.a.1": ("Y", None, ""),
    "3.a.2": ("Y", None, ""),
    "3.a.3": ("Y", None, ""),
    "3.a.4": ("Y", None, ""),
    "3.b.1": ("A", None, ""),
    "3.b.2": ("A", None, ""),
    "3.b.3": ("B", None, ""),
    "3.b.4": ("B", "C", "Reviu LKIP masih menemukan ketidaksesuaian angka."),
    "3.c.1": ("A", None, ""),
    "3.c.2": ("B", None, ""),
    "3.c.3": ("B", None, ""),
    "3.c.4": ("B", None, ""),
    "4.a.1": ("Y", None, ""),
    "4.a.2": ("Y", None, ""),
    "4.a.3": ("Y", None, ""),
    "4.a.4": ("Y", None, ""),
    "4.b.1": ("A", None, ""),
    "4.b.2": ("A", None, ""),
    "4.b.3": ("B", None, ""),
    "4.b.4": ("B", None, ""),
    "4.b.5": ("B", None, ""),
    "4.c.1": ("A", None, ""),
    "4.c.2": ("A", None, ""),
    "4.c.3": ("B", None, ""),
    "4.c.4": ("A", "B", "Pemanfaatan hasil evaluasi untuk efisiensi belum menyeluruh."),
    "4.c.5": ("B", None, ""),
}

REKOMENDASI = (
    (
        "2",
        "Keterlibatan pimpinan dalam pengukuran capaian kinerja belum terdokumentasi.",
        "Dokumentasikan rapat pimpinan yang membahas capaian kinerja setiap triwulan.",
    ),
    (
        "3",
        "Reviu LKIP masih menemukan ketidaksesuaian angka capaian.",
        "Selaraskan angka capaian LKIP dengan data realisasi terverifikasi sebelum LKIP disampaikan.",
    ),
)


def _pengguna(username: str):
    user, _ = get_user_model().objects.get_or_create(username=username)
    return user


def _bukti(jawaban, kode: str, org, pk_id, realisasi_ids, aktor):
    """Two links per answer where the data has them (PK, realisasi, NKA, survey, LKIP)."""
    from kinerja.lkip.models import PekerjaanLkip
    from kinerja.survei.models import PutaranSurvei

    tautan = []
    if kode.startswith("1.") and pk_id:
        tautan.append(("pk", pk_id))
    if kode.startswith("2.") and realisasi_ids:
        tautan += [("realisasi", r) for r in realisasi_ids[:2]]
    if kode == "2.c.4":
        p = (
            PutaranSurvei.objects.filter(organisasi=org, tahun=TAHUN)
            .values_list("pk", flat=True)
            .first()
        )
        tautan = [("survei", p)] if p else tautan
    if kode == "2.c.5":
        tautan = [("nka", TAHUN)]
    if kode.startswith("3."):
        p = (
            PekerjaanLkip.objects.filter(organisasi=org, tahun=TAHUN, status="selesai")
            .values_list("pk", flat=True)
            .first()
        )
        if p:
            tautan.append(("lkip", p))
        if pk_id:
            tautan.append(("pk", pk_id))
    if kode.startswith("4.") and pk_id:
        tautan.append(("pk", pk_id))
    for jenis, oid in tautan[:2]:
        if not jawaban.bukti.filter(jenis=jenis, objek_id=oid).exists():
            layanan.bukti_tautkan(jawaban=jawaban, jenis=jenis, objek_id=oid, aktor=aktor)


@transaction.atomic
def muat(slug: str = "jakarta-pusat") -> dict:
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import PerjanjianKinerja

    org = Organisasi.objects.get(slug=slug)
    dki = org.induk or org
    jumlah = {"register_disalin": salin_ke_register(TemuanEvaluasi, TindakLanjutBPK, TindakLanjut)}
    # the LHE recommendations of 2023 copied from the records belong to that evaluation
    operator = _pengguna("operator.jakpus")
    Penugasan.objects.get_or_create(
        pengguna=operator,
        organisasi=org,
        peran=Peran.OPERATOR,
        defaults={"jabatan": "Operator evaluasi Jakarta Pusat"},
    )
    evaluator = _pengguna("evaluator.dki")
    Penugasan.objects.get_or_create(pengguna=evaluator, organisasi=dki, peran=Peran.EVALUATOR)
    pengendali = _pengguna("pengendali.dki")
    Penugasan.objects.get_or_create(pengguna=pengendali, organisasi=dki, peran=Peran.EVALUATOR)
    for user, peran in (
        (evaluator, PeranEvaluasi.EVALUATOR),
        (pengendali, PeranEvaluasi.PENGENDALI),
    ):
        PenugasanEvaluasi.objects.get_or_create(
            pengguna=user, organisasi=org, tahun=TAHUN, peran=peran
        )
    for u in (operator, evaluator, pengendali):
        for attr in ("_kinerja_penugasan", "_kinerja_penugasan_evaluasi"):
            u.__dict__.pop(attr, None)

    lembar = LembarKerja.objects.filter(organisasi=org, tahun=TAHUN).first()
    if lembar is not None and lembar.status == "final":
        return {**jumlah, "lembar_baru": 0}
    lembar = layanan.lembar_buka(organisasi=org, tahun=TAHUN, aktor=operator)
    pk_id = (
        PerjanjianKinerja.objects.filter(organisasi=org, tahun=TAHUN)
        .values_list("pk", flat=True)
        .first()
    )
    realisasi_ids = list(
        Realisasi.objects.filter(organisasi=org, tahun=TAHUN, status="diverifikasi")
        .order_by("pk")
        .values_list("pk", flat=True)[:2]
    )
    per_kode = {j.kode: j for j in lembar.jawaban.all()}
    for kode, (usulan, _p, _a) in JAWABAN.items():
        j = per_kode[kode]
        layanan.jawaban_isi(
            jawaban=j, nilai_usulan=usulan, catatan="Bukti dukung terlampir.", aktor=operator
        )
        _bukti(j, kode, org, pk_id, realisasi_ids, operator)
    layanan.lembar_ajukan(lembar=lembar, aktor=operator, catatan="Penilaian mandiri 2024.")
    for kode, (_u, penetapan, alasan) in JAWABAN.items():
        layanan.jawaban_tinjau(
            jawaban=per_kode[kode],
            setuju=penetapan is None,
            nilai_penetapan=penetapan or "",
            alasan=alasan,
            aktor=evaluator,
        )
    hari_ini = date.today()
    for i, (komp, temuan, rek) in enumerate(REKOMENDASI):
        # one overdue (deadline passed 30 days ago), one still running (90 days ahead)
        batas = hari_ini - timedelta(days=30) if i == 0 else hari_ini + timedelta(days=90)
        layanan.rekomendasi_catat(
            lembar=lembar,
            komponen=komp,
            temuan=temuan,
            rekomendasi=rek,
            batas_waktu=batas,
            aktor=evaluator,
        )
    layanan.lembar_selesai_tinjau(
        lembar=lembar, aktor=evaluator, catatan="Tinjauan anggota tim selesai."
    )
    layanan.lembar_finalkan(lembar=lembar, aktor=pengendali, catatan="Disetujui pengendali teknis.")
    pertama = lembar.rekomendasi.order_by("urutan", "id").first()
    layanan.tindak_lanjut_ubah(
        entri=pertama,
        status="proses",
        uraian="Format notulen rapat capaian kinerja sedang disusun.",
        aktor=operator,
    )
    return {**jumlah, "lembar_baru": 1}
