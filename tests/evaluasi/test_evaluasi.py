"""Evaluation records: the inspectorate writes findings, the unit writes follow-up, LKE computed."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.evaluasi import layanan
from kinerja.evaluasi.models import EvaluasiSakip, NilaiKomponenEvaluasi
from kinerja.evaluasi.pemilih import evaluasi_organisasi
from tests import pabrik

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    e = EvaluasiSakip.objects.create(
        organisasi=p["kota"], tahun_dievaluasi=2023, nomor_surat="0896/PA.01.00"
    )
    for i, (nama, nilai) in enumerate(
        [
            ("Perencanaan Kinerja", "25.50"),
            ("Pengukuran Kinerja", "25.50"),
            ("Pelaporan Kinerja", "12.75"),
            ("Evaluasi Akuntabilitas Kinerja Internal", "22.00"),
        ]
    ):
        NilaiKomponenEvaluasi.objects.create(evaluasi=e, nama=nama, nilai=Decimal(nilai), urutan=i)
    p["evaluasi"] = e
    p["op_kota"] = pabrik.pengguna("op_kota", ("operator", p["kota"]))
    return p


def test_nilai_lke_dihitung_mesin(p):
    """Seed Bab I: 25,50 + 25,50 + 12,75 + 22,00 = 85,75 -> A."""
    hasil = evaluasi_organisasi(p["kota"])[0]["hasil"]
    assert hasil.nilai == Decimal("85.75") and hasil.predikat == "A"


def test_evaluator_mencatat_unit_menindaklanjuti(p):
    with pytest.raises(PermissionDenied):
        layanan.temuan_catat(
            evaluasi=p["evaluasi"],
            komponen="Perencanaan",
            temuan="x",
            rekomendasi="",
            aktor=p["op_kota"],
        )
    t = layanan.temuan_catat(
        evaluasi=p["evaluasi"],
        komponen="Perencanaan Kinerja",
        temuan="IKU belum selaras dengan RPD",
        rekomendasi="Reviu IKU",
        aktor=p["evaluator"],
    )
    with pytest.raises(ValidationError):
        layanan.temuan_tindak_lanjut(
            temuan=t, tindak_lanjut="", status="selesai", aktor=p["op_kota"]
        )
    with pytest.raises(PermissionDenied):
        layanan.temuan_tindak_lanjut(temuan=t, tindak_lanjut="x", status="proses", aktor=p["op_a"])
    t = layanan.temuan_tindak_lanjut(
        temuan=t, tindak_lanjut="IKU direviu, SK baru", status="selesai", aktor=p["op_kota"]
    )
    assert t.status == "selesai" and t.history.count() == 2
    from kinerja.evaluasi.models import TindakLanjut

    e = TindakLanjut.objects.get(asal=f"temuan:{t.pk}")  # the register follows
    assert (e.status, e.uraian_tindak_lanjut, e.ditutup_oleh) == (
        "selesai",
        "IKU direviu, SK baru",
        p["op_kota"],
    )


def test_halaman_evaluasi(p, client):
    client.force_login(p["evaluator"])
    jawab = client.get(reverse("evaluasi", args=["kota-uji"]))
    assert jawab.status_code == 200 and "Catat temuan baru" in jawab.content.decode()
    client.force_login(pabrik.pengguna("tamu"))
    assert client.get(reverse("evaluasi", args=["kota-uji"])).status_code == 403
