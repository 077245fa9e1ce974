"""Coordination survey (IEK): seed Tabel 35-37 item values → Tabel 34 → Tabel 33 → Tabel 32."""

from decimal import Decimal

import pytest

from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.rumus.bilangan import bulat, rata_rata
from kinerja.rumus.ikm import (
    BUTIR_IEK_JAKARTA,
    NilaiButir,
    gabung_ikm,
    ikm_dari_butir,
    ikm_dari_nilai_butir,
)

# The 13 item values per asisten and semester (seed Tabel 35-37, held by the example data
# kinerja.contoh.jakarta_pusat_2024), in questionnaire order (E1-E13), mapped to unsur by
# BUTIR_IEK_JAKARTA. Tabel 37 is shifted by a page break in the seed text (its labels slide
# down one row from "Perilaku pelaksana"), but it keeps the same 13 items in the same order.
NAMA = {
    "pemerintahan": "Pemerintahan",
    "perekonomian": "Perekonomian dan Pembangunan",
    "administrasi_kesra": "Administrasi dan Kesejahteraan Rakyat",
}
ASISTEN = {k: jp.TABEL_35_37[v] for k, v in NAMA.items()}
TABEL_35_PEMERINTAHAN = ASISTEN["pemerintahan"]

# Seed Tabel 34 as published (semester I, semester II).
TABEL_34_TERBIT = {k: jp.TABEL_34_TERBIT[v] for k, v in NAMA.items()}
# What the item → unsur → mean rule gives from Tabel 35-37.
TABEL_34_HITUNG = {
    "pemerintahan": ("95.70", "95.90"),
    "perekonomian": ("97.60", "97.52"),
    "administrasi_kesra": ("95.56", "97.11"),
}


def _iek(asisten: str, semester: int):
    nilai = ASISTEN[asisten][semester]
    return ikm_dari_nilai_butir(list(zip(BUTIR_IEK_JAKARTA, nilai, strict=True)))


def test_pemetaan_butir_kuesioner():
    assert tuple(BUTIR_IEK_JAKARTA) == jp.BUTIR_KOORDINASI
    assert len(BUTIR_IEK_JAKARTA) == 13
    assert {k: BUTIR_IEK_JAKARTA.count(k) for k in ("U5", "U6", "U7")} == {
        "U5": 2,
        "U6": 3,
        "U7": 2,
    }
    assert all(len(s) == 13 for t in ASISTEN.values() for s in t)


@pytest.mark.parametrize("asisten", list(ASISTEN))
@pytest.mark.parametrize("semester", [0, 1])
def test_tabel_34_dari_tabel_35_37(asisten, semester):
    hasil = _iek(asisten, semester)
    assert bulat(hasil.konversi) == Decimal(TABEL_34_HITUNG[asisten][semester])
    assert hasil.mutu == "A"
    assert len(hasil.nrr) == 9


def test_tabel_34_perekonomian_semester_ii_tidak_sama_dengan_terbit():
    # Tabel 36 semester II: all items 97.73 except U5 item 2 = 95.45 and U6 item 1 = 95.45.
    # U5 = 96.59, U6 = 96.97, others 97.73 → 97.5189; the seed prints 97.43 (and the text
    # after Tabel 34 repeats 97.43). 97.52 also appears elsewhere in the seed as the 2023 IKM.
    hasil = _iek("perekonomian", 1)
    assert bulat(hasil.konversi) == Decimal("97.52")
    assert bulat(hasil.konversi) != Decimal(TABEL_34_TERBIT["perekonomian"][1])
    assert bulat(hasil.konversi, 4) == Decimal("97.5189")


def test_rata_rata_datar_13_butir_tidak_mereproduksi_tabel_34():
    beda = 0
    for asisten, semesters in ASISTEN.items():
        for s, nilai in enumerate(semesters):
            datar = bulat(rata_rata(Decimal(x) for x in nilai))
            if datar != Decimal(TABEL_34_TERBIT[asisten][s]):
                beda += 1
    assert beda == 6  # the flat mean misses every cell, e.g. Pemerintahan I 95.33 vs 95.70
    assert bulat(rata_rata(Decimal(x) for x in TABEL_35_PEMERINTAHAN[0])) == Decimal("95.33")


def test_tabel_33_dan_32_rantai_terbit():
    # Semester = mean of the three asisten (Tabel 33); year = mean of semesters (Tabel 32).
    s1 = gabung_ikm([v[0] for v in TABEL_34_TERBIT.values()], aturan="rata_rata_unit")
    s2 = gabung_ikm([v[1] for v in TABEL_34_TERBIT.values()], aturan="rata_rata_unit")
    assert (bulat(s1.konversi), bulat(s2.konversi)) == (Decimal("96.29"), Decimal("96.81"))
    tahun = gabung_ikm([bulat(s1.konversi), bulat(s2.konversi)], aturan="rata_rata_unit")
    assert tahun.konversi == Decimal("96.55")
    assert gabung_ikm([s1.konversi, s2.konversi], aturan="rata_rata_unit").konversi == Decimal(
        "96.55"
    )


def test_tabel_33_dan_32_rantai_terkoreksi():
    # From the item values, unrounded all the way: semester II 96.84 (not 96.81), year 96.57.
    s1 = gabung_ikm([_iek(a, 0) for a in ASISTEN], aturan="rata_rata_unit")
    s2 = gabung_ikm([_iek(a, 1) for a in ASISTEN], aturan="rata_rata_unit")
    assert (bulat(s1.konversi), bulat(s2.konversi)) == (Decimal("96.29"), Decimal("96.84"))
    tahun = gabung_ikm([s1.konversi, s2.konversi], aturan="rata_rata_unit")
    assert bulat(tahun.konversi) == Decimal("96.57")
    # Same result from the printed 2-dp values with 97.52 in place of 97.43.
    s2_cetak = gabung_ikm(["95.90", "97.52", "97.11"], aturan="rata_rata_unit")
    assert bulat(s2_cetak.konversi) == Decimal("96.84")
    assert gabung_ikm(["96.29", "96.84"], aturan="rata_rata_unit").konversi == Decimal("96.565")


def test_skala_persepsi_sama_dengan_konversi():
    nilai = TABEL_35_PEMERINTAHAN[0]
    persepsi = [(k, Decimal(v) / 25) for k, v in zip(BUTIR_IEK_JAKARTA, nilai, strict=True)]
    hasil = ikm_dari_nilai_butir(persepsi, skala="persepsi")
    assert bulat(hasil.konversi) == Decimal("95.70")
    assert hasil.unsur_terlemah == "U7"  # (100 + 82.14) / 2 = 91.07, the weakest unsur


def test_dari_jawaban_dengan_n_7():
    # Pemerintahan semester I: 96.43 = 27/28 ×100 means 7 respondents (Σ = 27 of max 28).
    # Total per item = value / 25 × 7, exactly as the survey would count.
    nilai = TABEL_35_PEMERINTAHAN[0]
    total = {"96.43": 27, "92.86": 26, "100": 28, "82.14": 23}
    butir = [
        NilaiButir(k, Decimal(total[v]), 7) for k, v in zip(BUTIR_IEK_JAKARTA, nilai, strict=True)
    ]
    hasil = ikm_dari_butir(butir, jumlah_responden=7)
    assert bulat(hasil.konversi) == Decimal("95.70")
    assert hasil.jumlah_responden == 7
