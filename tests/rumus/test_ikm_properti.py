"""Property tests (hypothesis) for the IKM engine of PermenPAN-RB 14/2017."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kinerja.rumus.ikm import KODE_UNSUR_BAKU, gabung_ikm, ikm_dari_responden

jawaban = st.one_of(st.integers(min_value=1, max_value=4), st.none())
baris = st.lists(jawaban, min_size=9, max_size=9).filter(lambda r: any(v is not None for v in r))
# At least one full questionnaire so that no unsur is left without answers.
grid = st.tuples(
    st.lists(st.integers(min_value=1, max_value=4), min_size=9, max_size=9),
    st.lists(baris, max_size=30),
).map(lambda t: [t[0], *t[1]])


@given(grid)
def test_konversi_dalam_25_sampai_100(responden):
    hasil = ikm_dari_responden(responden)
    assert Decimal(25) <= hasil.konversi <= Decimal(100)
    assert Decimal(1) <= hasil.ikm <= Decimal(4)
    assert hasil.mutu in {"A", "B", "C", "D"}
    assert min(hasil.nrr.values()) == hasil.nrr[hasil.unsur_terlemah]


@given(grid, st.randoms(use_true_random=False))
def test_tidak_bergantung_urutan_responden(responden, acak):
    acak_urut = list(responden)
    acak.shuffle(acak_urut)
    a, b = ikm_dari_responden(responden), ikm_dari_responden(acak_urut)
    assert a.konversi == b.konversi
    assert a.nrr == b.nrr


@given(grid)
def test_gabungan_satu_bagian_sama_dengan_bagian_itu(responden):
    hasil = ikm_dari_responden(responden)
    for aturan in ("gabung_responden", "rata_rata_unit", "tertimbang_responden"):
        gabungan = gabung_ikm([hasil], aturan=aturan)
        assert gabungan.konversi == hasil.konversi
        assert gabungan.mutu == hasil.mutu
        assert gabungan.jumlah_responden == len(responden)


@given(grid, grid)
def test_gabung_responden_sama_dengan_survei_gabungan(a, b):
    pooled = gabung_ikm([ikm_dari_responden(a), ikm_dari_responden(b)], aturan="gabung_responden")
    assert pooled.konversi == ikm_dari_responden(a + b).konversi
    assert pooled.jumlah_responden == len(a) + len(b)


@given(st.integers(min_value=1, max_value=4))
def test_semua_jawaban_sama(v):
    hasil = ikm_dari_responden([[v] * 9] * 3, kode_unsur=KODE_UNSUR_BAKU)
    assert hasil.konversi == Decimal(25 * v)
