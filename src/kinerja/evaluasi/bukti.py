"""Evidence already in Kinerja that an LKE answer can link: what it is called, whether it
belongs to the evaluated unit, and the page where the evaluator opens it."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.urls import NoReverseMatch, reverse

from kinerja.angka import tanggal


def objek_bukti(jenis: str, objek_id: int, organisasi) -> str | None:
    """The label of record `objek_id` of kind `jenis` if it belongs to `organisasi`."""
    try:
        objek_id = int(objek_id)
    except (TypeError, ValueError):
        return None
    if jenis == "pk":
        from kinerja.perencanaan.models import PerjanjianKinerja

        pk = PerjanjianKinerja.objects.filter(pk=objek_id, organisasi=organisasi).first()
        if pk is None:
            return None
        ttd = f", ditandatangani {tanggal(pk.tanggal)}" if pk.tanggal else ""
        return f"Perjanjian Kinerja {pk.tahun} ({pk.get_status_display()}{ttd})"
    if jenis == "revisi_pk":
        from kinerja.perencanaan.models import RevisiPK

        r = RevisiPK.objects.filter(pk=objek_id, pk_dokumen__organisasi=organisasi).first()
        return None if r is None else f"Revisi PK ke-{r.nomor}: {r.dasar_hukum}"
    if jenis == "realisasi":
        from kinerja.pengukuran.models import Realisasi

        r = (
            Realisasi.objects.filter(pk=objek_id, organisasi=organisasi)
            .select_related("indikator")
            .first()
        )
        if r is None:
            return None
        return f"Realisasi {r.indikator.nama} {r.label_periode} ({r.get_status_display()})"
    if jenis == "survei":
        from kinerja.survei.models import PutaranSurvei

        p = PutaranSurvei.objects.filter(pk=objek_id, organisasi=organisasi).first()
        return None if p is None else f"Putaran survei {p} dan RTL-nya"
    if jenis == "nka":
        return f"Nilai Kinerja Anggaran {objek_id}" if 2000 <= objek_id <= 2100 else None
    if jenis == "lkip":
        from kinerja.lkip.models import PekerjaanLkip

        p = PekerjaanLkip.objects.filter(pk=objek_id, organisasi=organisasi).first()
        return None if p is None else f"LKIP {p.tahun} ({p.label_status}) dan reviunya"
    if jenis == "dokumen":
        from kinerja.pengukuran.models import BuktiDukung

        b = BuktiDukung.objects.filter(pk=objek_id, realisasi__organisasi=organisasi).first()
        return None if b is None else f"Dokumen {b.nama_asli}"
    return None


def peta_realisasi(bukti) -> dict[int, tuple[int, int]]:
    """{realisasi id: (indikator id, tahun)} of the linked realisasi, in one query."""
    from kinerja.pengukuran.models import Realisasi

    ids = {b.objek_id for b in bukti if b.jenis == "realisasi"}
    if not ids:
        return {}
    return {
        pk: (ind, th)
        for pk, ind, th in Realisasi.objects.filter(pk__in=ids).values_list(
            "pk", "indikator_id", "tahun"
        )
    }


def tautan(bukti, organisasi, tahun: int, realisasi: dict | None = None) -> str:
    """Where the evaluator opens the evidence (the record's own page, permission-checked).
    `realisasi` is peta_realisasi() of the page, so links cost no query each."""
    slug = organisasi.slug
    try:
        if bukti.jenis == "berkas":
            return reverse("evaluasi_bukti_unduh", args=[bukti.pk])
        if bukti.jenis in ("pk", "revisi_pk"):
            return reverse("perencanaan:pk", args=[slug, tahun])
        if bukti.jenis == "realisasi":
            if realisasi is None:
                realisasi = peta_realisasi([bukti])
            if bukti.objek_id not in realisasi:
                return ""
            ind, th = realisasi[bukti.objek_id]
            return reverse("indikator", args=[slug, th, ind])
        if bukti.jenis == "survei":
            return reverse("survei_putaran", args=[bukti.objek_id])
        if bukti.jenis == "nka":
            return reverse("anggaran:nka", args=[slug, bukti.objek_id])
        if bukti.jenis == "lkip":
            return reverse("lkip:halaman", args=[slug, tahun])
        if bukti.jenis == "dokumen":
            return reverse("bukti_unduh", args=[bukti.objek_id])
    except (NoReverseMatch, ObjectDoesNotExist):  # record deleted since: no link, label stays
        return ""
    return ""


BATAS_KANDIDAT = 60


def kandidat(organisasi, tahun: int) -> list[tuple[str, int, str]]:
    """(jenis, objek_id, label) of records the unit's answers may link, newest first and
    bounded (a handful of queries, BATAS_KANDIDAT realisasi and documents at most)."""
    from kinerja.lkip.models import PekerjaanLkip
    from kinerja.pengukuran.models import BuktiDukung, Realisasi
    from kinerja.perencanaan.models import PerjanjianKinerja, RevisiPK
    from kinerja.survei.models import PutaranSurvei

    hasil = []
    for pk in PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun__in=[tahun, tahun - 1]):
        ttd = f", ditandatangani {tanggal(pk.tanggal)}" if pk.tanggal else ""
        hasil.append(
            ("pk", pk.pk, f"Perjanjian Kinerja {pk.tahun} ({pk.get_status_display()}{ttd})")
        )
    for r in RevisiPK.objects.filter(pk_dokumen__organisasi=organisasi, pk_dokumen__tahun=tahun):
        hasil.append(("revisi_pk", r.pk, f"Revisi PK ke-{r.nomor}: {r.dasar_hukum}"[:300]))
    for p in PutaranSurvei.objects.filter(organisasi=organisasi, tahun=tahun):
        hasil.append(("survei", p.pk, f"Putaran survei {p} dan RTL-nya"[:300]))
    hasil.append(("nka", tahun, f"Nilai Kinerja Anggaran {tahun}"))
    for p in PekerjaanLkip.objects.filter(
        organisasi=organisasi, tahun__in=[tahun, tahun - 1], status="selesai"
    ).order_by("-selesai_pada")[:4]:
        hasil.append(
            (
                "lkip",
                p.pk,
                f"LKIP {p.tahun} (dibangun {tanggal(p.selesai_pada.date())}) dan reviunya",
            )
        )
    for r in (
        Realisasi.objects.filter(organisasi=organisasi, tahun=tahun)
        .select_related("indikator")
        .order_by("indikator_id", "jenis_periode", "ke")[:BATAS_KANDIDAT]
    ):
        hasil.append(
            (
                "realisasi",
                r.pk,
                f"Realisasi {r.indikator.nama} {r.label_periode} ({r.get_status_display()})"[:300],
            )
        )
    for b in BuktiDukung.objects.filter(
        realisasi__organisasi=organisasi, realisasi__tahun=tahun
    ).order_by("-diunggah_pada")[:BATAS_KANDIDAT]:
        hasil.append(("dokumen", b.pk, f"Dokumen {b.nama_asli}"[:300]))
    return hasil
