"""Scales as data: seed Tabel 15/17 (DKI), Tabel 28 (IKM mutu), LKE and NKA bands."""

from decimal import Decimal

import pytest

from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.skala import SKALA_LKE, SKALA_MUTU_IKM, SKALA_NKA, predikat


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        ("124.28", "Sangat Tinggi"),  # Tabel 16, sasaran 11: above 100 stays Sangat Tinggi
        ("90.01", "Sangat Tinggi"),
        ("90.00", "Tinggi"),
        ("90.004", "Tinggi"),  # classified on the value rounded to 2 dp
        ("75.01", "Tinggi"),
        ("75", "Sedang"),
        ("65.01", "Sedang"),
        ("65", "Rendah"),
        ("50.01", "Rendah"),
        ("50", "Sangat Rendah"),  # Tabel 15 misprints "<= 5%"; Tabel 17 says 50%
        ("5.5", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_skala_dki_tabel_15_17(capaian, label):
    assert predikat(capaian) == label


def test_tanpa_realisasi_adalah_na():
    assert predikat(None) == "N/A"


@pytest.mark.parametrize(
    ("capaian", "label"),
    [
        ("100", "Sangat Tinggi"),
        ("91", "Sangat Tinggi"),
        ("90.5", "Tinggi"),
        ("76", "Tinggi"),
        ("75.5", "Sedang"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("130", "Sangat Tinggi"),
    ],
)
def test_skala_permendagri_86_2017(capaian, label):
    assert predikat(capaian, "permendagri-86-2017") == label


def test_skala_tidak_dikenal():
    with pytest.raises(DataTidakValid, match="skala"):
        predikat("90", "bebas")


@pytest.mark.parametrize(
    ("konversi", "mutu"),
    [
        ("100", "A"),
        ("88.31", "A"),
        ("88.305", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
    ],
)
def test_mutu_ikm_tabel_28(konversi, mutu):
    assert SKALA_MUTU_IKM.label(konversi) == mutu


@pytest.mark.parametrize(
    ("nilai", "label"),
    [("85.75", "A"), ("90", "A"), ("90.01", "AA"), ("80", "BB"), ("30", "D"), ("30.01", "C")],
)
def test_predikat_lke(nilai, label):
    assert SKALA_LKE.label(nilai) == label


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        ("94.51", "Sangat Baik"),
        ("90", "Sangat Baik"),
        ("89.99", "Baik"),
        ("60", "Cukup"),
        ("50", "Kurang"),
        ("49.99", "Sangat Kurang"),
    ],
)
def test_kategori_nka(nilai, label):
    assert SKALA_NKA.label(Decimal(nilai)) == label
