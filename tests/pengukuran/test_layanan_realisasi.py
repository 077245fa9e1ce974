"""Realisasi services: workflow, permissions, audit trail, evidence checks."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.organisasi.izin import dapat_melihat_realisasi
from kinerja.pengukuran import layanan
from kinerja.pengukuran.models import PeristiwaRealisasi
from kinerja.pengukuran.pemilih import dasbor
from tests import pabrik

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    p["ind"], p["butir"] = pabrik.indikator_pk(p["kel_a"], target="90.35")
    return p


def test_alur_lengkap_dan_jejak_audit(pohon):
    """Draft -> diajukan -> dikembalikan (with reason) -> corrected -> diajukan -> diverifikasi."""
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="95", aktor=pohon["op_a"]
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    with pytest.raises(ValidationError, match="Alasan"):
        layanan.realisasi_kembalikan(realisasi=r, aktor=pohon["verif"], alasan=" ")
    layanan.realisasi_kembalikan(
        realisasi=r, aktor=pohon["verif"], alasan="Lampirkan laporan survei"
    )
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"],
        tahun=2024,
        jenis_periode="tahun",
        nilai="96.55",
        aktor=pohon["op_a"],
        alasan="angka final survei",
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    r = layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])
    assert r.status == "diverifikasi"
    aksi = list(PeristiwaRealisasi.objects.filter(realisasi=r).values_list("aksi", flat=True))
    assert aksi == ["simpan", "ajukan", "kembalikan", "simpan", "ajukan", "verifikasi"]
    ubah = PeristiwaRealisasi.objects.filter(realisasi=r, aksi="simpan").last()
    assert ubah.perubahan["nilai"] == ["95", "96.55"] and ubah.aktor == pohon["op_a"]
    assert r.history.count() >= 5  # simple-history keeps every version
    d = dasbor(pohon["kel_a"], 2024)
    assert d.baris[0].hasil.capaian.quantize(Decimal("0.01")) == Decimal("106.86")
    assert d.baris[0].hasil.predikat == "Sangat Tinggi"


def test_data_terverifikasi_terkunci_dan_buka_kembali_tercatat(pohon):
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="95", aktor=pohon["op_a"]
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])
    with pytest.raises(ValidationError, match="terkunci"):
        layanan.realisasi_simpan(
            indikator=pohon["ind"],
            tahun=2024,
            jenis_periode="tahun",
            nilai="99",
            aktor=pohon["op_a"],
        )
    with pytest.raises(ValidationError):
        layanan.realisasi_buka_kembali(realisasi=r, aktor=pohon["verif"], alasan="")
    layanan.realisasi_buka_kembali(realisasi=r, aktor=pohon["verif"], alasan="Koreksi data BPS")
    e = PeristiwaRealisasi.objects.filter(realisasi=r).last()
    assert (e.aksi, e.dari_status, e.ke_status, e.alasan) == (
        "buka_kembali",
        "diverifikasi",
        "dikembalikan",
        "Koreksi data BPS",
    )


def test_tidak_boleh_memverifikasi_isian_sendiri(pohon):
    # A verifier who is also the operator of the unit enters and submits, then tries to verify.
    pabrik.Penugasan.objects.create(
        pengguna=pohon["verif"], organisasi=pohon["kel_a"], peran="operator"
    )
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="95", aktor=pohon["verif"]
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["verif"])
    with pytest.raises(PermissionDenied, match="sendiri"):
        layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])


def test_operator_lain_tidak_dapat_mengisi_atau_melihat_draf(pohon):
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="95", aktor=pohon["op_a"]
    )
    with pytest.raises(PermissionDenied):
        layanan.realisasi_simpan(
            indikator=pohon["ind"],
            tahun=2024,
            jenis_periode="tahun",
            nilai="1",
            aktor=pohon["op_b"],
        )
    assert not dapat_melihat_realisasi(pohon["op_b"], r)
    assert dapat_melihat_realisasi(pohon["verif"], r) and dapat_melihat_realisasi(
        pohon["pimpinan"], r
    )


def test_penjelasan_wajib_bila_capaian_di_bawah_100(pohon):
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="80", aktor=pohon["op_a"]
    )
    with pytest.raises(ValidationError) as e:
        layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    assert "penjelasan" in e.value.message_dict


def test_bukti_jenis_dan_ukuran_diperiksa(pohon, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    r = layanan.realisasi_simpan(
        indikator=pohon["ind"], tahun=2024, jenis_periode="tahun", nilai="95", aktor=pohon["op_a"]
    )
    b = layanan.bukti_unggah(
        realisasi=r, berkas=SimpleUploadedFile("laporan.pdf", PDF), aktor=pohon["op_a"]
    )
    assert (
        b.jenis_mime == "application/pdf" and len(b.sha256) == 64 and b.berkas.name.endswith(".pdf")
    )
    with pytest.raises(ValidationError, match="tidak diterima"):
        layanan.bukti_unggah(
            realisasi=r,
            berkas=SimpleUploadedFile("skrip.pdf", b"#!/bin/sh\necho x\n"),
            aktor=pohon["op_a"],
        )
    settings.KINERJA_BUKTI_MAKS_BYTE = 10
    with pytest.raises(ValidationError, match="maksimal"):
        layanan.bukti_unggah(
            realisasi=r, berkas=SimpleUploadedFile("besar.pdf", PDF), aktor=pohon["op_a"]
        )
