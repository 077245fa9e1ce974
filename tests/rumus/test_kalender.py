"""Reporting calendar rules (rumus.kalender, keputusan 0051): month ends and leap years."""

import datetime as dt

import pytest

from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.kalender import (
    AturanKalender,
    batas_lke,
    batas_lkip,
    batas_pk,
    batas_realisasi,
    batas_verifikasi,
    hari_terlambat,
    keadaan,
    periksa_batas,
    periode_berjalan,
    tambah_bulan,
)
from kinerja.rumus.periode import Periode

d = dt.date


def test_bawaan_tanggal_10_bulan_berikutnya():
    assert batas_realisasi(Periode("bulan", 2025, 3)) == d(2025, 4, 10)
    assert batas_realisasi(Periode("bulan", 2025, 12)) == d(2026, 1, 10)  # year end
    assert batas_realisasi(Periode("triwulan", 2025, 1)) == d(2025, 4, 10)
    assert batas_realisasi(Periode("semester", 2025, 2)) == d(2026, 1, 10)
    assert batas_realisasi(Periode("tahun", 2025, 1)) == d(2026, 1, 10)
    assert batas_verifikasi(Periode("bulan", 2025, 3)) == d(2025, 4, 20)


@pytest.mark.parametrize(
    ("tahun", "harapan"), [(2024, d(2024, 2, 29)), (2025, d(2025, 2, 28)), (2100, d(2100, 2, 28))]
)
def test_hari_31_di_februari_kabisat(tahun, harapan):
    """Day 31 of February is its last day: 29 in 2024 (leap), 28 in 2025 and 2100 (not a
    leap year: divisible by 100, not by 400)."""
    aturan = AturanKalender(hari_realisasi=31)
    assert batas_realisasi(Periode("bulan", tahun, 1), aturan) == harapan


def test_jeda_nol_akhir_bulan():
    aturan = AturanKalender(hari_realisasi=31, jeda_bulan=0)
    assert batas_realisasi(Periode("bulan", 2024, 2), aturan) == d(2024, 2, 29)
    assert batas_realisasi(Periode("bulan", 2025, 4), aturan) == d(2025, 4, 30)


def test_tambah_bulan_akhir_bulan():
    assert tambah_bulan(d(2024, 1, 31), 1) == d(2024, 2, 29)
    assert tambah_bulan(d(2025, 1, 31), 1) == d(2025, 2, 28)
    assert tambah_bulan(d(2025, 12, 15), 1) == d(2026, 1, 15)
    assert tambah_bulan(d(2025, 3, 31), -1) == d(2025, 2, 28)


def test_pk_lkip_lke():
    assert batas_pk(2025) == d(2025, 2, 1)
    # PermenPAN-RB 53/2014: one month after the budget was set; 31 January -> 29 February
    assert batas_pk(2024, tanggal_anggaran=d(2024, 1, 31)) == d(2024, 2, 29)
    assert batas_lkip(2024) == d(2025, 3, 31)
    assert batas_lke(2024) == d(2025, 5, 31)
    assert batas_lkip(2023, AturanKalender(bulan_lkip=2, hari_lkip=31)) == d(2024, 2, 29)


def test_keadaan_terlambat_sehari_sesudah_batas():
    batas = d(2025, 2, 28)
    assert keadaan(batas, d(2025, 2, 28), selesai=False) == "jatuh_tempo"  # on the day: on time
    assert keadaan(batas, d(2025, 3, 1), selesai=False) == "terlambat"  # across the month end
    assert keadaan(batas, d(2025, 3, 1), selesai=True) == "selesai"
    assert keadaan(batas, d(2025, 2, 22), selesai=False) == "mendatang"
    assert keadaan(batas, d(2025, 2, 23), selesai=False) == "jatuh_tempo"
    assert hari_terlambat(d(2024, 2, 28), d(2024, 3, 1)) == 2  # 29 February in between
    assert hari_terlambat(d(2025, 2, 28), d(2025, 3, 1)) == 1


def test_periode_berjalan():
    assert periode_berjalan("bulan", 2025, d(2025, 7, 1)) == 6
    assert periode_berjalan("bulan", 2025, d(2025, 6, 30)) == 5
    assert periode_berjalan("triwulan", 2025, d(2026, 1, 1)) == 4
    assert periode_berjalan("bulan", 2025, d(2024, 12, 31)) == 0


def test_batas_sebelum_periode_dimulai_ditolak():
    p = Periode("bulan", 2025, 3)
    with pytest.raises(DataTidakValid, match="sebelum Maret 2025 dimulai"):
        periksa_batas(p, d(2025, 2, 28))
    assert periksa_batas(p, d(2025, 3, 1)) == d(2025, 3, 1)
    with pytest.raises(DataTidakValid, match="lebih dari dua tahun"):
        periksa_batas(p, d(2028, 1, 1))


@pytest.mark.parametrize(
    "argumen",
    [{"hari_realisasi": 0}, {"hari_realisasi": 32}, {"jeda_bulan": -1}, {"hari_realisasi": True},
     {"hari_realisasi": 10, "jeda_bulan": 0}],
)  # fmt: skip
def test_aturan_salah(argumen):
    with pytest.raises(DataTidakValid):
        AturanKalender(**argumen)
