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


def tautan(bukti, organisasi, tahun: int) -> str:
    """Where the evaluator opens the evidence (the record's own page, permission-checked)."""
    slug = organisasi.slug
    try:
        if bukti.jenis == "berkas":
            return reverse("evaluasi_bukti_unduh", args=[bukti.pk])
        if bukti.jenis in ("pk", "revisi_pk"):
            return reverse("perencanaan:pk", args=[slug, tahun])
        if bukti.jenis == "realisasi":
            from kinerja.pengukuran.models import Realisasi

            r = Realisasi.objects.only("indikator_id", "tahun").get(pk=bukti.objek_id)
            return reverse("indikator", args=[slug, r.tahun, r.indikator_id])
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
