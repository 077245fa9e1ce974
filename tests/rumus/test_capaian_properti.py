"""Properties of hitung_capaian: monotone in realisasi by polarity, never negative."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.rumus.capaian import hitung_capaian


def angka(min_value: str, max_value: str):
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    )


target = angka("0.0001", "10000")
realisasi = angka("0", "100000")


def urut(a, b):
    return (a, b) if a <= b else (b, a)


@given(target, realisasi, realisasi)
def test_positif_tidak_turun(t, r1, r2):
    kecil, besar = urut(r1, r2)
    assert (
        hitung_capaian(realisasi=kecil, target=t).capaian
        <= hitung_capaian(realisasi=besar, target=t).capaian
    )


@given(target, realisasi, realisasi)
def test_negatif_2t_r_tidak_naik(t, r1, r2):
    kecil, besar = urut(r1, r2)
    c = [hitung_capaian(realisasi=r, target=t, polaritas="negatif").capaian for r in (kecil, besar)]
    assert c[0] >= c[1]


@given(target, angka("0.0001", "100000"), angka("0.0001", "100000"))
def test_negatif_t_per_r_tidak_naik(t, r1, r2):
    """T/R for realisasi > 0 (at R = 0 the documented fallback to 2T-R applies)."""
    kecil, besar = urut(r1, r2)
    c = [
        hitung_capaian(realisasi=r, target=t, polaritas="negatif", metode_negatif="T/R").capaian
        for r in (kecil, besar)
    ]
    assert c[0] >= c[1]


@given(target, target, realisasi, realisasi, st.sampled_from(["positif", "negatif"]))
def test_rentang_monoton(a, b, r1, r2, polaritas):
    bawah, atas = urut(a, b)
    kecil, besar = urut(r1, r2)
    c = [
        hitung_capaian(
            realisasi=r, target_bawah=bawah, target_atas=atas, polaritas=polaritas
        ).capaian
        for r in (kecil, besar)
    ]
    assert c[0] <= c[1] if polaritas == "positif" else c[0] >= c[1]


@given(
    angka("0", "10000"),
    angka("-1000", "100000"),
    st.sampled_from(["positif", "negatif"]),
    st.sampled_from(["2T-R", "T/R"]),
    st.sampled_from(["biasa", "tepat"]),
)
def test_tidak_pernah_negatif(t, r, polaritas, metode, jenis):
    h = hitung_capaian(
        realisasi=r, target=t, polaritas=polaritas, metode_negatif=metode, jenis_target=jenis
    )
    assert h.capaian >= 0
