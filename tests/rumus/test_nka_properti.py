"""Property tests for the NKA formulas (PMK 22/PMK.02/2021): every value stays on 0-100."""

from decimal import Decimal
from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from kinerja.rumus.nka import (
    efisiensi,
    kategori_nka,
    konsistensi,
    nilai_implementasi,
    nilai_kinerja_anggaran,
    penyerapan,
)

rupiah = st.integers(min_value=0, max_value=10**13)
rupiah_positif = st.integers(min_value=1, max_value=10**13)
persen_0_100 = st.decimals(min_value=0, max_value=100, places=4)
capaian = st.decimals(min_value=0, max_value=300, places=2)


@given(alokasi=rupiah_positif, realisasi=rupiah)
def test_penyerapan_0_100(alokasi, realisasi):
    assert 0 <= penyerapan(alokasi=alokasi, realisasi=realisasi) <= 100


@st.composite
def deret_kumulatif(draw):
    """Two non-decreasing 12-month series; RPD strictly positive from January."""
    rpd = list(
        accumulate([draw(rupiah_positif), *draw(st.lists(rupiah, min_size=11, max_size=11))])
    )
    ra = list(accumulate(draw(st.lists(rupiah, min_size=12, max_size=12))))
    return rpd, ra


@given(deret_kumulatif())
def test_konsistensi_0_100(deret):
    rpd, ra = deret
    hasil = konsistensi(rpd_kumulatif=rpd, realisasi_kumulatif=ra)
    assert 0 <= hasil.nilai <= 100
    assert all(0 <= x <= 100 for x in hasil.per_bulan + hasil.berjalan)


@given(
    st.lists(st.tuples(rupiah_positif, rupiah, capaian), min_size=1, max_size=6),
    st.sampled_from(["aa_x_cop", "aa"]),
    st.booleans(),
)
def test_nilai_efisiensi_0_100(program, penyebut, batasi_cop):
    data = [{"alokasi": a, "realisasi": r, "capaian_output": c} for a, r, c in program]
    if all(c == 0 for _, _, c in program) and penyebut == "aa_x_cop":
        return  # Σ (AA × COP) = 0: E undefined, rejected (tested elsewhere)
    hasil = efisiensi(data, penyebut=penyebut, batasi_cop=batasi_cop)
    assert -20 <= hasil.efisiensi <= 20
    assert 0 <= hasil.nilai_efisiensi <= 100


@given(persen_0_100, persen_0_100, persen_0_100, persen_0_100, persen_0_100)
def test_nka_0_100(p, k, c, ne, manfaat):
    nki = nilai_implementasi(penyerapan=p, konsistensi=k, capaian_output=c, nilai_efisiensi=ne)
    assert 0 <= nki <= 100
    nka = nilai_kinerja_anggaran(nilai_implementasi=nki, nilai_manfaat=manfaat)
    assert 0 <= nka <= 100
    assert kategori_nka(nka) in {"Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"}
    assert isinstance(nka, Decimal)
