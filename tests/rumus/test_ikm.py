"""IKM by PermenPAN-RB 14/2017: exact 1/9, legacy weights, blanks, errors, roll-ups, Tabel 31."""

from decimal import Decimal

import pytest

from kinerja.contoh.jakarta_pusat_2024 import IKM_KOTA, TABEL_31
from kinerja.rumus.bilangan import DataTidakValid, bulat, potong
from kinerja.rumus.ikm import (
    ATURAN_GABUNG,
    BOBOT,
    KODE_UNSUR_BAKU,
    UNSUR_BAKU,
    NilaiButir,
    NilaiUnsur,
    gabung_ikm,
    ikm_dari_butir,
    ikm_dari_responden,
    ikm_dari_unsur,
)


def test_unsur_baku_tabel_30():
    assert KODE_UNSUR_BAKU == ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
    assert [u.kunci for u in UNSUR_BAKU] == [
        "persyaratan", "prosedur", "waktu", "biaya", "produk",
        "kompetensi", "perilaku", "pengaduan", "sarana",
    ]  # fmt: skip
    assert UNSUR_BAKU[7].nama.startswith("Penanganan pengaduan")
    assert BOBOT == ("1/9", "0.111", "0.11")


def test_semua_empat_konversi_tepat_100():
    hasil = ikm_dari_responden([[4] * 9, ["4"] * 9, [4] * 9])
    assert hasil.ikm == Decimal(4)
    assert hasil.konversi == Decimal(100)
    assert (hasil.mutu, hasil.kinerja) == ("A", "Sangat Baik")
    assert hasil.jumlah_responden == 3
    assert hasil.unsur == tuple(NilaiUnsur(k, Decimal(12), 3) for k in KODE_UNSUR_BAKU)


def test_contoh_hitung_dan_unsur_terlemah():
    # Two questionnaires; NRR U1 = 2.5, U2 = 3.5, others 4 and 3 mixed.
    hasil = ikm_dari_responden([[2, 3, 4, 4, 4, 4, 4, 4, 4], [3, 4, 4, 4, 4, 4, 4, 4, 3]])
    assert hasil.nrr["U1"] == Decimal("2.5")
    assert hasil.nrr["U9"] == Decimal("3.5")
    # (2.5 + 3.5 + 4×6 + 3.5) / 9 = 33.5 / 9
    assert bulat(hasil.ikm, 6) == Decimal("3.722222")
    assert bulat(hasil.konversi) == Decimal("93.06")
    assert hasil.unsur_terlemah == "U1"
    assert "Σ NRR / 9" in hasil.rumus


def test_unsur_terlemah_seri_ambil_yang_pertama():
    hasil = ikm_dari_responden([[4, 3, 4, 3, 4, 4, 4, 4, 4]])
    assert hasil.unsur_terlemah == "U2"


def test_bobot_lama_ikm_md_1_4_a():
    # ikm.md §1.4(a): all NRR 3.6592 → 91.48 exact; 0.11 gives 90.5652, 0.111 gives 91.38852.
    # ikm.md prints 90.56 and 91.38: those figures are truncated (potong), half-up gives
    # 90.57 and 91.39.
    unsur = [NilaiUnsur(k, Decimal("36592"), 10000) for k in KODE_UNSUR_BAKU]
    eksak = ikm_dari_unsur(unsur)
    assert eksak.konversi == Decimal("91.48")
    lama_011 = ikm_dari_unsur(unsur, bobot="0.11")
    assert lama_011.konversi == Decimal("90.5652")
    assert potong(lama_011.konversi) == Decimal("90.56")
    assert bulat(lama_011.konversi) == Decimal("90.57")
    lama_0111 = ikm_dari_unsur(unsur, bobot="0.111")
    assert lama_0111.konversi == Decimal("91.38852")
    assert potong(lama_0111.konversi) == Decimal("91.38")
    assert lama_0111.nrr_tertimbang["U1"] == Decimal("3.6592") * Decimal("0.111")
    # e-smile Tubaba: all-4 answers with 0.111 would give 99.9, only 1/9 gives 100.
    semua_empat = [NilaiUnsur(k, Decimal(4), 1) for k in KODE_UNSUR_BAKU]
    assert ikm_dari_unsur(semua_empat, bobot="0.111").konversi == Decimal("99.900")
    assert ikm_dari_unsur(semua_empat).konversi == Decimal(100)


def test_bobot_tidak_dikenal_atau_bukan_9_unsur():
    unsur = [NilaiUnsur(k, Decimal(4), 1) for k in ("U1", "U2", "U3")]
    with pytest.raises(DataTidakValid, match="bobot: '1/3' tidak dikenal"):
        ikm_dari_unsur(unsur, bobot="1/3")
    with pytest.raises(DataTidakValid, match="hanya untuk 9 unsur, diterima 3"):
        ikm_dari_unsur(unsur, bobot="0.11")
    # Exact 1/n works for any number of unsur (custom unsur sets, ikm.md §1.2).
    hasil = ikm_dari_unsur([NilaiUnsur("U1", Decimal(4), 1), NilaiUnsur("U2", Decimal(3), 1)])
    assert hasil.ikm == Decimal("3.5")
    assert hasil.nrr_tertimbang == {"U1": Decimal(2), "U2": Decimal("1.5")}


def test_jawaban_kosong_tidak_masuk_penyebut():
    responden = [
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [2, 4, 4, None, 4, 4, 4, 4, 4],
        [None, 4, 4, "", 4, 4, 4, 4, 4],
    ]
    hasil = ikm_dari_responden(responden)
    assert hasil.nrr["U1"] == Decimal(3)  # (4 + 2) / 2, not / 3
    assert hasil.nrr["U4"] == Decimal(4)  # one answer only
    assert hasil.unsur[3] == NilaiUnsur("U4", Decimal(4), 1)
    assert hasil.jumlah_responden == 3


@pytest.mark.parametrize(
    ("baris", "pesan"),
    [
        ([4, 4, 4, 5, 4, 4, 4, 4, 4], "responden 2, unsur U4: nilai 5 di luar skala 1-4"),
        ([4, 0, 4, 4, 4, 4, 4, 4, 4], "responden 2, unsur U2: nilai 0 di luar skala 1-4"),
        ([4, 4, 4, 4, 4, 4, 4, 4, "x"], "responden 2, unsur U9: nilai 'x' di luar skala"),
        ([4, 4, 4, 4, 3.5, 4, 4, 4, 4], "responden 2, unsur U5: nilai 3.5 di luar skala"),
        ([True, 4, 4, 4, 4, 4, 4, 4, 4], "responden 2, unsur U1: nilai True di luar skala"),
        ([4, 4, 4], "responden 2: diharapkan 9 jawaban"),
        ([None] * 9, "responden 2: semua unsur kosong"),
    ],
)
def test_nilai_tidak_valid(baris, pesan):
    with pytest.raises(DataTidakValid, match=pesan):
        ikm_dari_responden([[4] * 9, baris])


def test_unsur_tanpa_jawaban_dan_masukan_kosong():
    with pytest.raises(DataTidakValid, match="unsur U2: tidak ada jawaban"):
        ikm_dari_responden([[4, None], [3, None]], kode_unsur=("U1", "U2"))
    with pytest.raises(DataTidakValid, match="tidak ada kuesioner"):
        ikm_dari_responden([])
    with pytest.raises(DataTidakValid, match="kode ganda U1"):
        ikm_dari_responden([[4, 4]], kode_unsur=("U1", "U1"))


def test_total_unsur_di_luar_rentang():
    with pytest.raises(
        DataTidakValid, match=r"unsur U1: total 41 dari 10 jawaban di luar rentang 10-40"
    ):
        ikm_dari_unsur([NilaiUnsur("U1", Decimal(41), 10)])


def test_kode_unsur_sendiri_urutan_sarana_pengaduan_ditukar():
    # ikm.md §1.2 ordering trap: the same answers under a swapped U8/U9 give the same IKM.
    baris = [[4, 3, 4, 4, 3, 4, 4, 2, 3], [3, 3, 4, 4, 4, 4, 4, 3, 4]]
    baku = ikm_dari_responden(baris)
    tukar = ikm_dari_responden(
        [r[:7] + [r[8], r[7]] for r in baris],
        kode_unsur=("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"),
    )
    assert baku.ikm == tukar.ikm
    assert baku.nrr == tukar.nrr


def test_beberapa_butir_per_unsur():
    # Two items on U1 with NRR 4 and 3 (mean 3.5), one item on U2 with NRR 2.5.
    butir = [
        NilaiButir("U1", Decimal(40), 10),
        NilaiButir("U1", Decimal(30), 10),
        NilaiButir("U2", Decimal(25), 10),
    ]
    hasil = ikm_dari_butir(butir, jumlah_responden=10)
    assert hasil.nrr == {"U1": Decimal("3.5"), "U2": Decimal("2.5")}
    assert hasil.ikm == Decimal(3)  # mean of unsur, not of items (which is 3.166...)
    assert hasil.konversi == Decimal(75)
    assert (hasil.mutu, hasil.kinerja) == ("C", "Kurang Baik")
    with pytest.raises(DataTidakValid, match=r"butir 2 \(unsur U1\): tidak ada jawaban"):
        ikm_dari_butir([NilaiButir("U1", Decimal(4), 1), NilaiButir("U1", Decimal(0), 0)])


# --- roll-ups -------------------------------------------------------------------------


def _hasil(baris):
    return ikm_dari_responden(baris, kode_unsur=("U1", "U2"))


def test_tiga_aturan_gabung_berbeda():
    a = _hasil([[4, 4]] * 3)  # 3 respondents, konversi 100
    b = _hasil([[2, 2]])  # 1 respondent, konversi 50
    pooled = gabung_ikm([a, b], aturan="gabung_responden")
    assert pooled.konversi == Decimal("87.5")  # (12+2)/4 = 3.5 per unsur
    assert pooled.jumlah_responden == 4
    assert pooled.uraian_aturan == ATURAN_GABUNG["gabung_responden"]
    rata = gabung_ikm([a, b], aturan="rata_rata_unit")
    assert rata.konversi == Decimal(75)
    assert rata.rumus == "(100.00 + 50.00) / 2 = 75.00"
    timbang = gabung_ikm([a, b], aturan="tertimbang_responden")
    assert timbang.konversi == Decimal("87.5")
    assert timbang.jumlah_responden == 4
    assert timbang.rumus == "(100.00×3 + 50.00×1) / 4 = 87.50"
    assert gabung_ikm(
        ["100", "50"], aturan="tertimbang_responden", bobot=[1, 3]
    ).konversi == Decimal("62.5")


def test_gabung_responden_beda_dari_rata_rata_bila_ada_kosong():
    a = _hasil([[4, 4], [4, None]])
    b = _hasil([[2, 2]])
    pooled = gabung_ikm([a, b], aturan="gabung_responden")
    # U1 = 10/3, U2 = 6/2 = 3 → IKM 19/6, konversi 79.1666...
    assert bulat(pooled.konversi) == Decimal("79.17")
    assert pooled.mutu == "B"


def test_gabung_butir_per_butir():
    a = ikm_dari_butir([NilaiButir("U1", Decimal(8), 2), NilaiButir("U1", Decimal(6), 2)])
    b = ikm_dari_butir([NilaiButir("U1", Decimal(4), 2), NilaiButir("U1", Decimal(8), 2)])
    hasil = gabung_ikm([a, b], aturan="gabung_responden")
    assert hasil.konversi == Decimal("81.25")  # items 12/4=3, 14/4=3.5 → 3.25 × 25


def test_gabung_tidak_valid():
    a = _hasil([[4, 4]])
    with pytest.raises(DataTidakValid, match="aturan: 'median' tidak dikenal"):
        gabung_ikm([a], aturan="median")
    with pytest.raises(DataTidakValid, match="gabung_responden: setiap bagian harus HasilIKM"):
        gabung_ikm([a, "99"], aturan="gabung_responden")
    with pytest.raises(DataTidakValid, match="bagian 2: nilai konversi 101 di luar rentang"):
        gabung_ikm(["99", "101"], aturan="rata_rata_unit")
    with pytest.raises(DataTidakValid, match="bagian 1: jumlah responden harus"):
        gabung_ikm(["99", "98"], aturan="tertimbang_responden")
    with pytest.raises(DataTidakValid, match="bobot: hanya dipakai"):
        gabung_ikm(["99"], aturan="rata_rata_unit", bobot=[1])
    with pytest.raises(DataTidakValid, match="daftar unsur tiap bagian berbeda"):
        gabung_ikm([a, ikm_dari_responden([[4]], kode_unsur=("U1",))], aturan="gabung_responden")
    with pytest.raises(DataTidakValid, match="tidak ada bagian"):
        gabung_ikm([], aturan="rata_rata_unit")


# --- seed Tabel 31: SKM per kelurahan, two rounds and their mean ---------------------------
# TABEL_31 (kinerja.contoh.jakarta_pusat_2024) rows: (kelurahan, Triwulan I, Triwulan II,
# Rata-rata as published).
# The 23 rows whose mean ends in an exact .xx5 tie: the seed truncates every one of them
# (e.g. Bendungan Hilir (98.87 + 99.26) / 2 = 99.065, printed 99.06, half up 99.07).
TABEL_31_SERI_DIPOTONG = {
    "Bendungan Hilir", "Cempaka Putih Barat", "Cideng", "Duri Pulo", "Gelora",
    "Gunung Sahari Selatan", "Gunung Sahari Utara", "Harapan Mulia", "Kampung Bali",
    "Kartini", "Kebon Kelapa", "Kebon Kosong", "Kebon Melati", "Kramat",
    "Mangga Dua Selatan", "Pasar Baru", "Petamburan", "Petojo Selatan", "Petojo Utara",
    "Senen", "Sumur Batu", "Tanah Tinggi", "Utang Panjang",
}  # fmt: skip


@pytest.mark.parametrize(
    ("kelurahan", "tw1", "tw2", "terbit"), TABEL_31, ids=[r[0] for r in TABEL_31]
)
def test_tabel_31_rata_rata_kelurahan(kelurahan, tw1, tw2, terbit):
    hasil = gabung_ikm([tw1, tw2], aturan="rata_rata_unit")
    assert abs(hasil.konversi - Decimal(terbit)) <= Decimal("0.01")
    assert potong(hasil.konversi) == Decimal(terbit)  # the seed truncates
    assert (bulat(hasil.konversi) != Decimal(terbit)) == (kelurahan in TABEL_31_SERI_DIPOTONG)
    assert (hasil.mutu, hasil.kinerja) == ("A", "Sangat Baik")
    assert hasil.jumlah_unit == 2


def test_tabel_31_jumlah_baris_dan_seri():
    assert len(TABEL_31) == 44
    assert len(TABEL_31_SERI_DIPOTONG) == 23


def test_tabel_31_petojo_utara_triwulan_i_bermutu_b():
    # The text says every kelurahan is "Sangat Baik"; that holds for the yearly mean only:
    # Petojo Utara's Triwulan I value 82.36 is mutu B.
    petojo_utara = next(r for r in TABEL_31 if r[0] == "Petojo Utara")
    assert gabung_ikm([petojo_utara[1]], aturan="rata_rata_unit").mutu == "B"


def test_ikm_kota_bukan_rata_rata_kelurahan_tabel_24_29():
    # Mean of the 44 kelurahan means = 98.847386...; the published city IKM is 98.98
    # (Tabel 24, 27, 29), which equals Semester II in Tabel 25, not a mean of Tabel 31.
    rata_kelurahan = [gabung_ikm([r[1], r[2]], aturan="rata_rata_unit").konversi for r in TABEL_31]
    kota = gabung_ikm(rata_kelurahan, aturan="rata_rata_unit")
    assert bulat(kota.konversi) == Decimal("98.85")
    assert bulat(kota.konversi) != Decimal(IKM_KOTA["terbit"])
    assert kota.jumlah_unit == 44
    # The mean of the printed (truncated) Rata-rata column is 98.8448 → 98.84
    # (docs/keputusan/0006 quotes this 98.84); either way, not 98.98.
    terbit = gabung_ikm([r[3] for r in TABEL_31], aturan="rata_rata_unit")
    assert bulat(terbit.konversi) == Decimal("98.84")
    # Per round, too: Tabel 31 means 98.47 / 99.22 against Tabel 25's 98.63 / 98.98.
    tw1 = gabung_ikm([r[1] for r in TABEL_31], aturan="rata_rata_unit")
    tw2 = gabung_ikm([r[2] for r in TABEL_31], aturan="rata_rata_unit")
    assert (bulat(tw1.konversi), bulat(tw2.konversi)) == (Decimal("98.47"), Decimal("99.22"))
    assert bulat(tw1.konversi) != Decimal(IKM_KOTA["semester_terbit"][0])
    assert bulat(tw2.konversi) != Decimal(IKM_KOTA["semester_terbit"][1])
    # Year as mean of the semesters of Tabel 25 would be 98.81, not the published 98.98.
    semester = gabung_ikm(list(IKM_KOTA["semester_terbit"]), aturan="rata_rata_unit")
    assert bulat(semester.konversi) == Decimal("98.81")
