"""Early-warning projection (rumus.proyeksi, keputusan 0052) on hand-made series."""

from decimal import Decimal

import pytest

from kinerja.rumus.bilangan import DataTidakValid, bulat
from kinerja.rumus.proyeksi import proyeksi_capaian, proyeksi_nilai


def test_kumulatif_laju_rata_rata():
    """10, 12, 8 in three months: mean 10, 9 months left -> 120; s² = 4,
    var = 9·4 + 81·4/3 = 144, se 12, range 120 ± 1.28·12."""
    p = proyeksi_nilai(["10", "12", "8"], n=12, cara="kumulatif")
    assert p.nilai == Decimal(120)
    assert p.bawah == Decimal("104.64") and p.atas == Decimal("135.36")
    assert p.metode == "kumulatif" and p.terisi == 3
    c = proyeksi_capaian(["10", "12", "8"], n=12, cara="kumulatif", target=130)
    assert bulat(c.capaian) == Decimal("92.31")
    assert bulat(c.bawah) == Decimal("80.49") and bulat(c.atas) == Decimal("104.12")
    assert c.berisiko and c.metode == "laju rata-rata per periode"


def test_rata_rata():
    """90, 94, 92: mean 92, se of the year mean = 12/12 = 1 -> 92 ± 1.28."""
    c = proyeksi_capaian(["90", "94", "92"], n=12, cara="rata_rata", target=95)
    p = c.proyeksi
    assert p.nilai == Decimal(92)
    assert (p.bawah, p.atas) == (Decimal("90.72"), Decimal("93.28"))
    assert bulat(c.capaian) == Decimal("96.84")
    assert c.berisiko


def test_nilai_akhir_tren():
    """Quarters 50, 62, 68: slope 9, intercept 42 -> 78 at quarter IV; residuals -1, 2, -1
    (s² = 6), se = √(6·(1 + 1/3 + 4/2)) = √20."""
    c = proyeksi_capaian(["50", "62", "68"], n=4, cara="nilai_akhir", target=78)
    p = c.proyeksi
    assert p.nilai == Decimal(78) and p.metode == "tren"
    assert bulat(p.atas - p.nilai, 6) == bulat(Decimal("1.28") * Decimal(20).sqrt(), 6)
    assert c.capaian == Decimal(100) and not c.berisiko


def test_nilai_akhir_dua_periode_tetap():
    p = proyeksi_nilai(["97", None], n=4, cara="nilai_akhir")
    assert p.nilai == Decimal(97) and p.metode == "tetap" and p.bawah is None


def test_periode_kosong_bukan_nol():
    """A missing month is one of the months still to come, never a 0."""
    p = proyeksi_nilai(["10", None, "10"], n=12, cara="kumulatif")
    assert p.nilai == Decimal(120)


def test_satu_periode_tanpa_rentang():
    c = proyeksi_capaian(["10"], n=12, cara="kumulatif", target=100)
    assert c.capaian == Decimal(120) and c.bawah is None and not c.berisiko


def test_negatif_rentang_ditukar():
    """Negative indicator (lower is better): the upper value gives the lower capaian."""
    c = proyeksi_capaian(["10", "12", "8"], n=12, cara="kumulatif", target=130, polaritas="negatif")
    assert c.bawah < c.capaian < c.atas


def test_belum_ada_data():
    p = proyeksi_nilai([None, None], n=12, cara="rata_rata")
    assert p.nilai is None
    c = proyeksi_capaian([None], n=12, cara="rata_rata", target=1)
    assert c.capaian is None and not c.berisiko


@pytest.mark.parametrize(
    "argumen",
    [
        {"nilai": ["1"] * 13, "n": 12, "cara": "kumulatif"},
        {"nilai": ["1"], "n": 0, "cara": "kumulatif"},
        {"nilai": ["x"], "n": 12, "cara": "kumulatif"},
        {"nilai": ["1"], "n": 12, "cara": "median"},
    ],
)
def test_masukan_salah(argumen):
    with pytest.raises(DataTidakValid):
        proyeksi_nilai(argumen.pop("nilai"), **argumen)
