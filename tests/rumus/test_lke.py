"""Evaluasi AKIP (PermenPAN-RB 88/2021): component structure, scoring, predikat."""

from decimal import Decimal

import pytest

from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.lke import (
    KOMPONEN_LKE_88_2021,
    PETA_JAWABAN_BAKU,
    HasilLKE,
    lengkapi_kriteria,
    nilai_lke,
    nilai_lke_dari_jawaban,
    nilai_lke_total,
)


def test_struktur_bobot_88_2021():
    bobot = {k.nama: (k.bobot, tuple(s.bobot for s in k.sub)) for k in KOMPONEN_LKE_88_2021}
    assert bobot == {
        "Perencanaan Kinerja": (30, (6, 9, 15)),
        "Pengukuran Kinerja": (30, (6, 9, 15)),
        "Pelaporan Kinerja": (15, (3, Decimal("4.5"), Decimal("7.5"))),
        "Evaluasi Akuntabilitas Kinerja Internal": (25, (5, Decimal("7.5"), Decimal("12.5"))),
    }
    assert sum(k.bobot for k in KOMPONEN_LKE_88_2021) == 100
    assert [s.nama for s in KOMPONEN_LKE_88_2021[0].sub] == ["Pemenuhan", "Kualitas", "Pemanfaatan"]
    assert all(s.kriteria == () for k in KOMPONEN_LKE_88_2021 for s in k.sub)  # placeholders


def test_nilai_lke_seed_baris_918_926():
    """Seed lines 918-926: 25,50 + 25,50 + 12,75 + 22,00 = 85,75 (predikat A)."""
    hasil = nilai_lke(
        [
            {"nama": "Perencanaan kinerja", "nilai": "25.50"},
            {"nama": "Pengukuran kinerja", "nilai": "25.50"},
            ("Pelaporan kinerja", "12.75"),
            ("Evaluasi Internal", "22.00"),
        ]
    )
    assert hasil.nilai == Decimal("85.75")
    assert (hasil.predikat, hasil.interpretasi) == ("A", "Memuaskan")
    assert hasil.komponen[3] == (
        "4",
        "Evaluasi Akuntabilitas Kinerja Internal",
        Decimal("22.00"),
        25,
    )
    assert hasil.rumus.endswith("= 85.75")


def test_nilai_komponen_di_atas_bobot_ditolak():
    with pytest.raises(DataTidakValid, match="Pelaporan Kinerja: diharapkan 0 sampai 15"):
        nilai_lke([("Pelaporan Kinerja", "15.5")])
    with pytest.raises(DataTidakValid, match="tidak negatif"):
        nilai_lke([("Komponen Lain", "-1")])
    with pytest.raises(DataTidakValid, match="lebih dari sekali"):
        nilai_lke([("Perencanaan Kinerja", "20"), ("perencanaan  kinerja", "20")])


def test_nilai_komponen_tidak_dikenal_diterima_tanpa_bobot():
    hasil = nilai_lke([("Inovasi", "5")])
    assert hasil.komponen == ((None, "Inovasi", Decimal(5), None),)
    assert hasil.predikat == "D"


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        ("90.01", "AA"),
        ("90", "A"),
        ("85.75", "A"),
        ("80.00", "BB"),
        ("70", "B"),
        ("30", "D"),
        ("0", "D"),
    ],
)
def test_nilai_lke_total_batas_bawah_eksklusif(nilai, predikat):
    assert nilai_lke_total(nilai).predikat == predikat


def test_nilai_lke_total_di_luar_0_100():
    with pytest.raises(DataTidakValid, match="0 sampai 100"):
        nilai_lke_total("100.5")


def _struktur_kecil():
    """Two criteria in each pemenuhan sub-komponen, one in the others."""
    kriteria = {}
    for k in KOMPONEN_LKE_88_2021:
        for s in k.sub:
            n = 2 if s.nama == "Pemenuhan" else 1
            kriteria[s.kode] = [
                (f"{s.kode}.{i}", f"kriteria {s.kode}.{i}") for i in range(1, n + 1)
            ]
    return lengkapi_kriteria(kriteria)


def _jawaban_penuh(**ubah):
    jawaban = {k.kode: "A" for komp in _struktur_kecil() for s in komp.sub for k in s.kriteria}
    jawaban.update({k.replace("_", "."): v for k, v in ubah.items()})
    return jawaban


def test_nilai_lke_dari_jawaban():
    # Perencanaan: pemenuhan Y/T → 0.5 × 6 = 3; kualitas B → 0.75 × 9 = 6.75; pemanfaatan C → 7.5.
    # Others all "A" → full weight. Total = 17.25 + 30 + 15 + 25 = 87.25.
    jawaban = _jawaban_penuh(**{"1_a_1": "Y", "1_a_2": "t", "1_b_1": "B", "1_c_1": "C"})
    hasil = nilai_lke_dari_jawaban(jawaban, struktur=_struktur_kecil())
    assert isinstance(hasil, HasilLKE)
    assert hasil.komponen[0] == ("1", "Perencanaan Kinerja", Decimal("17.25"), 30)
    assert [s[2] for s in hasil.sub[:3]] == [3, Decimal("6.75"), Decimal("7.5")]
    assert hasil.nilai == Decimal("87.25") and hasil.predikat == "A"


def test_nilai_lke_dari_jawaban_peta_lain():
    peta = {**PETA_JAWABAN_BAKU, "B": Decimal("0.66")}  # e.g. Trenggalek's local scale
    hasil = nilai_lke_dari_jawaban(
        _jawaban_penuh(**{"1_b_1": "B"}), struktur=_struktur_kecil(), peta=peta
    )
    assert hasil.komponen[0][2] == Decimal("26.94")  # 6 + 0.66 × 9 + 15


def test_nilai_lke_dari_jawaban_galat():
    struktur = _struktur_kecil()
    kurang = _jawaban_penuh()
    del kurang["2.c.1"]
    with pytest.raises(DataTidakValid, match="jawaban kriteria 2.c.1 .*kosong"):
        nilai_lke_dari_jawaban(kurang, struktur=struktur)
    with pytest.raises(DataTidakValid, match="'Z' tidak dikenal"):
        nilai_lke_dari_jawaban(_jawaban_penuh(**{"3_a_1": "Z"}), struktur=struktur)
    with pytest.raises(DataTidakValid, match="9.9.9"):
        nilai_lke_dari_jawaban({**_jawaban_penuh(), "9.9.9": "Y"}, struktur=struktur)
    with pytest.raises(DataTidakValid, match="belum memiliki kriteria"):
        nilai_lke_dari_jawaban({})  # the default structure has no criteria yet
