"""The Jakarta Pusat 2024 example end to end: the figures and the reviu's findings."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest

from kinerja.contoh.perhitungan import hitung_nka_terkoreksi, semua_bagian, temuan_reviu


@pytest.fixture(scope="module")
def temuan():
    return {t.kode: t for t in temuan_reviu()}


def test_reviu_melaporkan_sasaran_2(temuan):
    """Tabel 18: sasaran 2 printed 104.08; the mean of 101.497 and 106.86 is 104.18."""
    t = temuan["tabel-18/sasaran-2"]
    assert t.terbit == "104.08"
    assert Decimal(t.hitung).quantize(Decimal("0.01")) == Decimal("104.18")


def test_reviu_melaporkan_konsistensi_dan_nka(temuan):
    """Tabel 70/74: 73.14 -> 81.12 and NKA 94.51 -> 94.99 once December is filled in."""
    k = temuan["tabel-70/konsistensi"]
    assert k.terbit == "73.14" and Decimal(k.hitung).quantize(Decimal("0.01")) == Decimal("81.12")
    n = temuan["tabel-74/nka"]
    assert n.terbit == "94.51" and Decimal(n.hitung).quantize(Decimal("0.01")) == Decimal("94.99")
    assert "tabel-70/desember-ra" in temuan  # the blank December itself


def test_reviu_melaporkan_perekonomian_semester_2(temuan):
    """Tabel 34: Perekonomian semester II printed 97.43; Tabel 36's items give 97.52."""
    t = temuan["tabel-34/Perekonomian dan Pembangunan/semester-2"]
    assert t.terbit == "97.43" and Decimal(t.hitung).quantize(Decimal("0.01")) == Decimal("97.52")


def test_reviu_tidak_melaporkan_angka_yang_benar(temuan):
    """Figures that are right (within rounding/truncation) are not findings."""
    for kode in (
        "tabel-16/1/Indeks Kepuasan Layanan Kota Adm",
        "tabel-67/Jumlah belanja",
        "tabel-71/nilai-efisiensi",
        "bab-1/lke",
        "tabel-34/Pemerintahan/semester-1",
    ):
        assert kode not in temuan


def test_rantai_nka_terkoreksi():
    h = hitung_nka_terkoreksi()
    dua = Decimal("0.01")
    assert h.penyerapan.quantize(dua) == Decimal("95.69")
    assert h.konsistensi.quantize(dua) == Decimal("81.12")
    assert h.capaian_output == 100
    assert h.nilai_implementasi.quantize(dua) == Decimal("84.95")
    assert h.nilai_kinerja_anggaran.quantize(dua) == Decimal("94.99")
    assert h.kategori == "Sangat Baik"


def test_semua_tabel_terisi():
    bagian = semua_bagian()
    judul = [t.judul for b in bagian for t in b.tabel]
    for awal in (
        "Tabel 16",
        "Tabel 17",
        "Tabel 18",
        "Tabel 31",
        "Tabel 34",
        "Tabel 19",
        "Tabel 67",
        "Tabel 70",
        "Tabel 71",
        "Tabel 74",
    ):
        assert any(j.startswith(awal) for j in judul), awal
    t31 = next(t for b in bagian for t in b.tabel if t.judul.startswith("Tabel 31"))
    assert len(t31.baris) == 44


def test_demo_mencetak_tabel_dan_temuan(tmp_path):
    """`kinerja demo --no-serve` as a new user runs it: a fresh SQLite database, the example
    loaded, the engine tables and the reviu printed, exit 0."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KINERJA_DATA_DIR"] = str(tmp_path)
    proses = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proses.returncode == 0, proses.stderr[-2000:]
    out = proses.stdout
    assert "Tabel 16" in out and "DAFTAR TEMUAN REVIU" in out
    assert "104,18" in out and "81,12" in out and "94,99" in out and "97,52" in out
    assert "operator.cideng" in out
