"""Shared set-up for the LKE tests: a small tree with an opened worksheet and assignments."""

from __future__ import annotations

from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi.models import PenugasanEvaluasi
from kinerja.evaluasi.versi import struktur
from tests import pabrik

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pohon_evaluasi(tahun: int = 2024) -> dict:
    p = pabrik.pohon_kecil()
    p["evaluator_lain"] = pabrik.pengguna("evaluator_lain", ("evaluator", p["kota"]))
    p["pengendali"] = pabrik.pengguna("pengendali", ("evaluator", p["kota"]))
    PenugasanEvaluasi.objects.create(
        pengguna=p["evaluator"], organisasi=p["kel_a"], tahun=tahun, peran="evaluator"
    )
    PenugasanEvaluasi.objects.create(
        pengguna=p["evaluator_lain"], organisasi=p["kel_b"], tahun=tahun, peran="evaluator"
    )
    PenugasanEvaluasi.objects.create(
        pengguna=p["pengendali"], organisasi=p["kel_a"], tahun=tahun, peran="pengendali"
    )
    p["lembar"] = layanan.lembar_buka(organisasi=p["kel_a"], tahun=tahun, aktor=p["op_a"])
    return p


def isi_semua(lembar, aktor, nilai_ae: str = "A", nilai_yt: str = "Y") -> None:
    kr = struktur(lembar.versi).kriteria()
    for j in lembar.jawaban.all():
        n = nilai_yt if "Y" in kr[j.kode].skala else nilai_ae
        layanan.jawaban_isi(jawaban=j, nilai_usulan=n, catatan="", aktor=aktor)


def tinjau_semua(lembar, aktor) -> None:
    for j in lembar.jawaban.all():
        layanan.jawaban_tinjau(jawaban=j, setuju=True, aktor=aktor)


def lembar_setiap_tahun(organisasi) -> None:
    """An (empty) draft worksheet for every year the API accepts, for generated requests."""
    from kinerja.api import skema
    from kinerja.evaluasi.models import LembarKerja
    from kinerja.evaluasi.versi import muat_versi

    versi = muat_versi()
    LembarKerja.objects.bulk_create(
        LembarKerja(organisasi=organisasi, tahun=t, versi=versi)
        for t in range(skema.TAHUN_MIN, skema.TAHUN_MAKS + 1)
    )
