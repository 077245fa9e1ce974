"""The predikat matrix of PermenPAN-RB 6/2022 (lampiran, kuadran kinerja pegawai), every
combination of rating hasil kerja (rows) and rating perilaku kerja (columns)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.rumus import skp as r
from kinerja.rumus.bilangan import DataTidakValid

MATRIKS = [
    # hasil kerja, perilaku kerja, predikat
    ("di_atas", "di_atas", "sangat_baik"),
    ("di_atas", "sesuai", "baik"),
    ("di_atas", "di_bawah", "butuh_perbaikan"),
    ("sesuai", "di_atas", "baik"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "di_bawah", "butuh_perbaikan"),
    ("di_bawah", "di_atas", "kurang"),
    ("di_bawah", "sesuai", "kurang"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), MATRIKS)
def test_matriks_predikat(hasil, perilaku, predikat):
    assert r.predikat_kinerja(hasil, perilaku) == predikat


def test_matriks_lengkap_sembilan_sel_lima_predikat():
    assert len(MATRIKS) == 9 == len(r.MATRIKS_PREDIKAT)
    assert {m[2] for m in MATRIKS} == set(r.PREDIKAT)
    assert r.LABEL_PREDIKAT["kurang"] == "Kurang/Misconduct"


@pytest.mark.parametrize("salah", ["baik", "", "DI_ATAS", "istimewa", None])
def test_rating_di_luar_skala(salah):
    with pytest.raises(DataTidakValid, match="di luar skala"):
        r.predikat_kinerja(salah, "sesuai")
    with pytest.raises(DataTidakValid, match="Rating perilaku kerja"):
        r.predikat_kinerja("sesuai", salah)


def test_berakhlak_tujuh_nilai():
    assert len(r.BERAKHLAK) == 7
    assert r.KODE_BERAKHLAK[0] == "berorientasi_pelayanan"


def test_distribusi_dan_persen():
    d = r.distribusi([("baik", 3), ("sangat_baik", 1)])
    assert d.total == 4 and d.jumlah["kurang"] == 0
    assert d.persen("baik") == Decimal(75)
    assert r.distribusi([]).persen("baik") is None
    with pytest.raises(DataTidakValid):
        r.distribusi([("istimewa", 1)])


def test_semua_di_atas():
    assert r.semua_di_atas(["di_atas", "di_atas"])
    assert not r.semua_di_atas(["di_atas", "sesuai"])
    assert not r.semua_di_atas([])
