from decimal import Decimal

import pytest

from kinerja.reviu.bilangan import baca_angka, cari_angka, cocok


@pytest.mark.parametrize(
    ("teks", "nilai", "persen", "rupiah"),
    [
        ("1.234,56", "1234.56", False, False),
        ("104,08%", "104.08", True, False),
        ("Rp 2.415.968.591", "2415968591", False, True),
        ("Rp. 779.977.900.621,00", "779977900621.00", False, True),
        ("19,051,399,262", "19051399262", False, False),
        ("93.93", "93.93", False, False),
        ("86*", "86", False, False),
        ("(-1,01%)", "-1.01", True, False),
        ("100.00%", "100.00", True, False),
    ],
)
def test_baca_angka_indonesia(teks, nilai, persen, rupiah):
    a = baca_angka(teks)
    assert a.nilai == Decimal(nilai) and a.persen is persen and a.rupiah is rupiah


@pytest.mark.parametrize("teks", ["N/A", "-", "", "WTP (3)", "Sangat Tinggi", "2 Dokumen", "x"])
def test_bukan_angka(teks):
    assert baca_angka(teks) is None


def test_ribuan_tunggal_hanya_bila_diminta():
    assert baca_angka("1.204").nilai == Decimal("1.204")
    assert baca_angka("1.204", ribuan_tunggal=True).nilai == Decimal(1204)


def test_angka_di_kalimat_tanpa_tahun_dan_nomor_aturan():
    t = "Peraturan Gubernur Nomor 57 Tahun 2022: penduduk 1.072.639 jiwa, kepadatan 22.551 jiwa/km² pada 2024."
    angka = cari_angka(t)
    assert [a.angka.nilai for a in angka] == [Decimal(1072639), Decimal(22551)]
    assert angka[1].satuan.startswith("jiwa/km")


def test_cocok_pembulatan_dan_pemotongan_tetapi_bilangan_bulat_ketat():
    assert cocok(baca_angka("95,66"), Decimal("95.665"))  # truncated as the seed does
    assert cocok(baca_angka("101,5"), Decimal("101.497"))
    assert not cocok(baca_angka("104,08"), Decimal("104.18"))
    assert not cocok(baca_angka("100%"), Decimal("99.99"))  # 100 printed for 99,99 is a finding
