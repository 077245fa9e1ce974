"""Aggregation of periodic realisasi (seed Tabel 20, 25, 33) and the Periode value object."""

from decimal import Decimal

import pytest

from kinerja.rumus.bilangan import DataTidakValid, bulat
from kinerja.rumus.periode import CARA_AGREGASI, Periode, agregasi_periode, periode_dalam_tahun


def test_cara_agregasi():
    assert CARA_AGREGASI == ("kumulatif", "nilai_akhir", "rata_rata")


def test_tabel_33_indeks_efektivitas_koordinasi_rata_rata():
    """Tabel 33: semester I 96.29, II 96.81; Tabel 16 annual realisasi 96.55 is the mean."""
    h = agregasi_periode(["96.29", "96.81"], cara="rata_rata")
    assert h.nilai == Decimal("96.55")
    assert h.lengkap and h.periode_kosong == ()
    assert h.rumus == "(96.29 + 96.81) / 2"


def test_tabel_25_ikm_nilai_akhir():
    """Tabel 25: IKM semester I 98.63, II 98.98; Tabel 16 annual realisasi 98.98 is the last
    semester, not the mean (98.805): the seed uses a different cara than for Tabel 33."""
    h = agregasi_periode(["98.63", "98.98"], cara="nilai_akhir")
    assert h.nilai == Decimal("98.98")
    assert agregasi_periode(["98.63", "98.98"], cara="rata_rata").nilai == Decimal("98.805")


def test_tabel_20_indeks_kepuasan_layanan_rata_rata():
    """Tabel 20: semester I 97.46, II 98.07 → 97.765, published 97.77 (Tabel 19).

    Seed inconsistency: Indeks Kepuasan Layanan is defined as mean(IKM, IEK) (line 1678).
    Semester I fits: mean(98.63, 96.29) = 97.46. Semester II does not: mean(98.98, 96.81)
    = 97.895, yet Tabel 20 prints 98.07.
    """
    h = agregasi_periode(["97.46", "98.07"], cara="rata_rata")
    assert h.nilai == Decimal("97.765")
    assert bulat(h.nilai) == Decimal("97.77")
    assert agregasi_periode(["98.63", "96.29"], cara="rata_rata").nilai == Decimal("97.46")
    assert agregasi_periode(["98.98", "96.81"], cara="rata_rata").nilai == Decimal("97.895")


def test_kumulatif():
    h = agregasi_periode(["10", "12.5", "7", "0"], cara="kumulatif")
    assert h.nilai == Decimal("29.5")
    assert h.rumus == "10 + 12.5 + 7 + 0"


def test_periode_kosong_bukan_nol():
    h = agregasi_periode(["10", None, "20", None], cara="rata_rata")
    assert h.nilai == 15  # mean of the two periods present, not (10+0+20+0)/4
    assert not h.lengkap
    assert h.periode_kosong == (2, 4)
    assert "periode kosong: 2, 4" in h.rumus
    assert agregasi_periode(["10", None, "20", None], cara="kumulatif").nilai == 30


def test_nilai_akhir_kosong():
    assert agregasi_periode(["10", "20", None], cara="nilai_akhir").nilai is None
    h = agregasi_periode([None, "20"], cara="nilai_akhir")
    assert h.nilai == 20 and not h.lengkap and h.periode_kosong == (1,)


def test_semua_kosong():
    for cara in CARA_AGREGASI:
        h = agregasi_periode([None, None], cara=cara)
        assert h.nilai is None and h.periode_kosong == (1, 2)


def test_wajib_lengkap():
    with pytest.raises(DataTidakValid, match="periode 2, 3 belum terisi") as e:
        agregasi_periode(["1", None, None, "4"], cara="kumulatif", wajib_lengkap=True)
    assert e.value.bidang == "nilai"
    assert agregasi_periode(["1", "2"], cara="kumulatif", wajib_lengkap=True).nilai == 3


def test_agregasi_tidak_valid():
    with pytest.raises(DataTidakValid, match="cara: 'jumlah' tidak dikenal"):
        agregasi_periode(["1"], cara="jumlah")
    with pytest.raises(DataTidakValid, match="nilai periode 2"):
        agregasi_periode(["1", "satu"], cara="kumulatif")
    with pytest.raises(DataTidakValid, match="nilai: daftar periode tidak boleh kosong"):
        agregasi_periode([], cara="kumulatif")


@pytest.mark.parametrize(
    ("periode", "label", "bulan"),
    [
        (Periode("bulan", 2024, 1), "Januari 2024", (1,)),
        (Periode("bulan", 2024, 12), "Desember 2024", (12,)),
        (Periode("triwulan", 2024, 2), "Triwulan II 2024", (4, 5, 6)),
        (Periode("triwulan", 2024, 4), "Triwulan IV 2024", (10, 11, 12)),
        (Periode("semester", 2024, 1), "Semester I 2024", (1, 2, 3, 4, 5, 6)),
        (Periode("semester", 2024, 2), "Semester II 2024", (7, 8, 9, 10, 11, 12)),
        (Periode("tahun", 2024), "Tahun 2024", tuple(range(1, 13))),
    ],
)
def test_periode_label_dan_bulan(periode, label, bulan):
    assert periode.label == label
    assert str(periode) == label
    assert periode.bulan() == bulan


@pytest.mark.parametrize(
    ("jenis", "tahun", "ke", "bidang"),
    [
        ("bulan", 2024, 13, "ke"),
        ("bulan", 2024, 0, "ke"),
        ("triwulan", 2024, 5, "ke"),
        ("semester", 2024, 3, "ke"),
        ("tahun", 2024, 2, "ke"),
        ("minggu", 2024, 1, "jenis"),
        ("tahun", 24.0, 1, "tahun"),
        ("tahun", 24, 1, "tahun"),
        ("bulan", 2024, True, "ke"),
    ],
)
def test_periode_tidak_valid(jenis, tahun, ke, bidang):
    with pytest.raises(DataTidakValid) as e:
        Periode(jenis, tahun, ke)
    assert e.value.bidang == bidang
    assert e.value.pesan.startswith(f"{bidang}:")


def test_periode_pesan():
    with pytest.raises(DataTidakValid, match="triwulan ke-5 tidak ada \\(harus 1-4\\)"):
        Periode("triwulan", 2024, 5)


def test_periode_dalam_tahun():
    semester = periode_dalam_tahun("semester", 2024)
    assert [p.label for p in semester] == ["Semester I 2024", "Semester II 2024"]
    assert len(periode_dalam_tahun("bulan", 2024)) == 12
