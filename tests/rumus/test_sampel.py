"""Sample size: Krejcie & Morgan (1970), ikm.md §1.5; seed respondent counts."""

from decimal import Decimal

import pytest

from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.sampel import TABEL_KREJCIE_MORGAN, kecukupan_sampel, krejcie_morgan

# The excerpt printed in ikm.md §1.5.
KUTIPAN_IKM_MD = {
    10: 10, 15: 14, 20: 19, 25: 24, 30: 28, 50: 44, 100: 80, 150: 108, 200: 132, 250: 152,
    300: 169, 400: 196, 500: 217, 1000: 278, 1500: 306, 2000: 322, 3000: 341, 5000: 357,
    10000: 370, 20000: 377, 50000: 381, 75000: 382, 1000000: 384,
}  # fmt: skip


def test_tabel_lengkap_dan_memuat_kutipan():
    assert len(TABEL_KREJCIE_MORGAN) == 90
    tabel = dict(TABEL_KREJCIE_MORGAN)
    assert all(tabel[n] == s for n, s in KUTIPAN_IKM_MD.items())
    populasi = [n for n, _ in TABEL_KREJCIE_MORGAN]
    assert populasi == sorted(populasi)


@pytest.mark.parametrize(("populasi", "sampel"), TABEL_KREJCIE_MORGAN)
def test_rumus_mereproduksi_setiap_baris(populasi, sampel):
    assert krejcie_morgan(populasi) == sampel


def test_rumus_di_antara_baris_dan_populasi_sangat_besar():
    assert krejcie_morgan(1) == 1
    assert krejcie_morgan(66433) == 382
    assert krejcie_morgan(10**9) == 384
    assert krejcie_morgan(1000, galat=Decimal("0.10")) == 88


@pytest.mark.parametrize("populasi", [0, -5, True, "100", 10.0])
def test_populasi_tidak_valid(populasi):
    with pytest.raises(DataTidakValid, match="populasi: diharapkan bilangan bulat ≥ 1"):
        krejcie_morgan(populasi)


@pytest.mark.parametrize("populasi", [66433, 1_000_000, 10**9])
def test_seed_66433_responden_memenuhi(populasi):
    # Seed text after Tabel 31: 66,433 respondents via JakSurvei in 2024.
    hasil = kecukupan_sampel(jumlah=66433, populasi=populasi)
    assert hasil.memenuhi and hasil.status == "memenuhi"
    assert not hasil.sampel_kecil
    assert hasil.minimum <= 384


def test_iek_sampel_kecil_n_7():
    # IEK Pemerintahan (seed Tabel 35): item values in steps of 3.57 = 25/7 → 7 respondents.
    hasil = kecukupan_sampel(jumlah=7, populasi=40)
    assert (hasil.minimum, hasil.status, hasil.memenuhi) == (36, "kurang", False)
    assert hasil.sampel_kecil
    assert "kurang dari minimum 36" in hasil.pesan and "sampel kecil" in hasil.pesan
    # Even a census of a tiny population is flagged as small.
    sensus = kecukupan_sampel(jumlah=7, populasi=7)
    assert sensus.memenuhi and sensus.sampel_kecil


def test_sampel_melebihi_populasi_dan_jumlah_tidak_valid():
    with pytest.raises(DataTidakValid, match="sampel 101 responden melebihi populasi 100"):
        kecukupan_sampel(jumlah=101, populasi=100)
    with pytest.raises(DataTidakValid, match="jumlah: diharapkan bilangan bulat ≥ 0"):
        kecukupan_sampel(jumlah=-1, populasi=100)
    with pytest.raises(DataTidakValid, match="populasi"):
        kecukupan_sampel(jumlah=1, populasi=0)
