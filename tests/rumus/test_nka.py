"""NKA (PMK 22/PMK.02/2021) against the seed report, Tabel 67-74, and the PMK's own example.

Published figures are compared after rounding half up to 2 dp unless the seed truncates.
"""

from decimal import Decimal

import pytest

from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.rumus.bilangan import DataTidakValid, bulat, potong, rata_rata
from kinerja.rumus.nka import (
    BOBOT_ASPEK,
    BOBOT_IMPLEMENTASI,
    NAMA_BULAN,
    capaian_output,
    efisiensi,
    hitung_nka,
    kategori_nka,
    konsistensi,
    nilai_implementasi,
    nilai_kinerja_anggaran,
    nilai_manfaat,
    penyerapan,
    rasio_indikator,
    suku_konsistensi,
)

# Tabel 70: cumulative RPD and realisasi; December's realisasi is printed blank.
RPD_KUMULATIF = jp.RPD_KUMULATIF
RA_KUMULATIF_JAN_NOV = jp.REALISASI_KUMULATIF_TERBIT[:11]
REALISASI_TOTAL = jp.REALISASI  # Tabel 67
ALOKASI_TOTAL = jp.PAGU
KOLOM_5 = jp.TABEL_70_TERBIT["per_bulan"][:11]
KOLOM_6 = jp.TABEL_70_TERBIT["berjalan"][:11]


def _indikator(*pasangan):
    return [{"target": t, "realisasi": r} for t, r in pasangan]


# Tabel 69 (alokasi = anggaran perubahan) with the output indicators of Tabel 72 (for
# Pengelolaan Kota Administrasi: the yearly IEK per asisten, target 86 each).
PROGRAM = [
    {
        "nama": p["nama"],
        "alokasi": p["alokasi"],
        "realisasi": p["realisasi"],
        "output": [
            {"indikator": _indikator(*((i["target"], i["realisasi"]) for i in o["indikator"]))}
            for o in p["output"]
        ],
    }
    for p in jp.PROGRAM
]


TERBIT_71 = jp.TABEL_71_TERBIT  # efisiensi 4.35, nilai efisiensi 60.87
TERBIT_74 = jp.TABEL_74_TERBIT  # komponen NKA as printed (konsistensi 73.14, NKA 94.51)
CAPAIAN_SASARAN = jp.TABEL_73_TERBIT["capaian_sasaran"]  # 104.08
COP_KOTA_TERBIT = jp.PROGRAM[1]["cop_terbit"]  # 112.19, Pengelolaan Kota Administrasi
KOMPONEN_TERBIT = {
    k: TERBIT_74[k] for k in ("penyerapan", "konsistensi", "capaian_output", "nilai_efisiensi")
}


def test_data_tabel_70_dan_72():
    assert len(RPD_KUMULATIF) == 12 and RPD_KUMULATIF[-1] == ALOKASI_TOTAL
    assert jp.REALISASI_KUMULATIF_TERBIT[11] is None  # December printed blank
    assert None not in RA_KUMULATIF_JAN_NOV
    assert [p["nama"] for p in PROGRAM][1] == "Program Pengelolaan Kota Administrasi"


def _program_efisiensi(cop_kota):
    """Tabel 71 rows: COP 100 for four programs, cop_kota for Pengelolaan Kota Administrasi."""
    return [
        {
            "nama": p["nama"],
            "alokasi": p["alokasi"],
            "realisasi": p["realisasi"],
            "capaian_output": cop_kota if p["nama"].endswith("Kota Administrasi") else "100",
        }
        for p in PROGRAM
    ]


def _cop_kota():
    return capaian_output(PROGRAM[1:2]).program[0].capaian


def r2(x):
    return bulat(x, 2)


# --- Penyerapan: Tabel 67-69 --------------------------------------------------------------


# (alokasi, realisasi, persen terbit): Tabel 67 total and per belanja type, Tabel 68 belanja
# operasi, Tabel 69 programs.
PENYERAPAN = [
    ("Tabel 67 jumlah", ALOKASI_TOTAL, REALISASI_TOTAL, jp.TABEL_74_TERBIT["penyerapan"]),
    *((f"Tabel 67 {u}", a, r, t) for u, a, r, t in jp.BELANJA),
    *((f"Tabel 68 {u}", a, r, t) for u, a, r, t in jp.BELANJA_OPERASI),
    *(
        (f"Tabel 69 {p['nama']}", p["alokasi"], p["realisasi"], p["persen_terbit"])
        for p in jp.PROGRAM
    ),
]


@pytest.mark.parametrize(
    ("alokasi", "realisasi", "terbit"), [b[1:] for b in PENYERAPAN], ids=[b[0] for b in PENYERAPAN]
)
def test_penyerapan_tabel_67_69(alokasi, realisasi, terbit):
    assert r2(penyerapan(alokasi=alokasi, realisasi=realisasi)) == Decimal(terbit)


def test_penyerapan_dibatasi_100_dan_alokasi_nol():
    assert penyerapan(alokasi="100", realisasi="130") == 100
    assert penyerapan(alokasi="100", realisasi="130", batas=Decimal(200)) == 130
    with pytest.raises(DataTidakValid, match="alokasi"):
        penyerapan(alokasi=0, realisasi=5)
    with pytest.raises(DataTidakValid, match="realisasi"):
        penyerapan(alokasi=10, realisasi=-1)


# --- Konsistensi: Tabel 70 ----------------------------------------------------------------


def test_konsistensi_tabel_70_kolom_5_dan_6_jan_nov():
    hasil = konsistensi(
        rpd_kumulatif=RPD_KUMULATIF[:11], realisasi_kumulatif=RA_KUMULATIF_JAN_NOV, jumlah_bulan=11
    )
    assert tuple(r2(x) for x in hasil.per_bulan) == tuple(Decimal(x) for x in KOLOM_5)
    assert tuple(r2(x) for x in hasil.berjalan) == tuple(Decimal(x) for x in KOLOM_6)


def test_konsistensi_tabel_70_angka_terbit_73_14_berasal_dari_desember_nol():
    """The seed's 73.14% = (Σ Jan-Nov terms + 0) / 12: the blank December RA counted as 0."""
    suku = [
        suku_konsistensi(p, r)
        for p, r in zip(RPD_KUMULATIF[:11], RA_KUMULATIF_JAN_NOV, strict=True)
    ]
    assert r2(sum(suku)) == Decimal("877.73")  # not the printed 1036,99%
    assert r2(sum(suku)) != Decimal(jp.TABEL_70_TERBIT["jumlah"])
    assert r2(rata_rata([*suku, Decimal(0)])) == Decimal(TERBIT_74["konsistensi"])
    # With RAK_Des = 0 the December term is exactly 0 (RPDK − |RPDK − 0| = 0).
    assert suku_konsistensi(RPD_KUMULATIF[11], 0) == 0


def test_konsistensi_desember_kosong_ditolak():
    with pytest.raises(DataTidakValid, match="realisasi_kumulatif bulan Desember kosong") as e:
        konsistensi(rpd_kumulatif=RPD_KUMULATIF, realisasi_kumulatif=(*RA_KUMULATIF_JAN_NOV, None))
    assert e.value.bidang == "realisasi_kumulatif"


def test_konsistensi_dengan_realisasi_desember_81_12():
    hasil = konsistensi(
        rpd_kumulatif=RPD_KUMULATIF, realisasi_kumulatif=(*RA_KUMULATIF_JAN_NOV, REALISASI_TOTAL)
    )
    assert r2(hasil.per_bulan[11]) == Decimal("95.69")
    assert r2(hasil.nilai) == Decimal("81.12")
    assert hasil.berjalan[-1] == hasil.nilai
    assert len(hasil.per_bulan) == len(hasil.berjalan) == 12


def test_konsistensi_menolak_data_tidak_lengkap_atau_turun():
    ra = (*RA_KUMULATIF_JAN_NOV, REALISASI_TOTAL)
    with pytest.raises(DataTidakValid, match="diharapkan 12 bulan"):
        konsistensi(rpd_kumulatif=RPD_KUMULATIF[:11], realisasi_kumulatif=ra[:11])
    with pytest.raises(DataTidakValid, match="sama panjang"):
        konsistensi(rpd_kumulatif=RPD_KUMULATIF, realisasi_kumulatif=ra[:11])
    turun = list(ra)
    turun[4] = "1"
    with pytest.raises(DataTidakValid, match="realisasi_kumulatif bulan Mei .* tidak boleh turun"):
        konsistensi(rpd_kumulatif=RPD_KUMULATIF, realisasi_kumulatif=turun)
    nol = ["0"] * 12
    with pytest.raises(DataTidakValid, match="rpd_kumulatif bulan Januari: RPD kumulatif 0"):
        konsistensi(rpd_kumulatif=nol, realisasi_kumulatif=ra)


def test_konsistensi_suku_negatif_dan_lantai_nol():
    # RAK three times RPDK: 100 − 200 = −100, floored at 0 by default ([D]).
    assert suku_konsistensi("10", "30") == 0
    assert suku_konsistensi("10", "30", lantai_nol=False) == Decimal(-100)
    hasil = konsistensi(
        rpd_kumulatif=["10", "20"], realisasi_kumulatif=["30", "30"], jumlah_bulan=None
    )
    assert hasil.per_bulan == (0, 50)
    assert hasil.berjalan == (0, 25)


def test_nama_bulan():
    assert len(NAMA_BULAN) == 12 and NAMA_BULAN[11] == "Desember"


# --- Capaian output: PMK example, Tabel 72 ------------------------------------------------


def test_capaian_output_contoh_lampiran_pmk_22_2021():
    """Lampiran PMK 22/2021 A.1.a.1 example: 94.87, 76.31, 85.09, 100, unit 92.24."""
    program = [
        {
            "nama": "Program 1",
            "output": [
                {"nama": "1a", "indikator": _indikator(("3", "3"), ("10", "9"))},
                {"nama": "1b", "indikator": _indikator(("3", "2"), ("3", "2"), ("5", "5"))},
            ],
        },
        {"nama": "Program 2", "output": [{"indikator": _indikator(("4", "4"))}]},
    ]
    hasil = capaian_output(program)
    p1, p2 = hasil.program
    assert [r2(x) for x in p1.output] == [Decimal("94.87"), Decimal("76.31")]
    assert r2(p1.capaian) == Decimal("85.09")
    assert p2.capaian == 100
    assert r2(hasil.mentah) == r2(hasil.nilai) == Decimal("92.24")


def test_capaian_output_tabel_72():
    hasil = capaian_output(PROGRAM)
    kota = hasil.program[1]
    assert kota.nama == "Program Pengelolaan Kota Administrasi"
    assert bulat(kota.capaian, 4) == Decimal("112.1979")
    assert potong(kota.capaian, 2) == Decimal(COP_KOTA_TERBIT)  # the seed truncates
    assert all(p.capaian == 100 for i, p in enumerate(hasil.program) if i != 1)
    # Tabel 72 prints "Capaian Output Program keseluruhan 104,07%"; the geometric mean of the
    # five programs is 102.33% (arithmetic 102.44%): 104.07 is not reproducible. Capped: 100.
    assert r2(hasil.mentah) == Decimal("102.33")
    assert r2(hasil.mentah) != Decimal(jp.TABEL_72_TERBIT["capaian_output_mentah"])
    assert hasil.nilai == Decimal(jp.TABEL_72_TERBIT["capaian_output"])


def test_capaian_output_polaritas_negatif_dan_galat():
    assert rasio_indikator("10", "8", polaritas="negatif") == Decimal("1.2")
    assert rasio_indikator("10", "25", polaritas="negatif") == 0
    hasil = capaian_output(
        [{"output": [{"indikator": [{"target": "10", "realisasi": "8", "polaritas": "negatif"}]}]}]
    )
    assert hasil.mentah == 120 and hasil.nilai == 100
    nol = [
        {
            "nama": "Program X",
            "output": [{"nama": "OP 1", "indikator": _indikator(("4", "4"), ("0", "3"))}],
        }
    ]
    with pytest.raises(
        DataTidakValid, match="target Program X, OP 1, indikator ke-2: harus lebih dari 0"
    ):
        capaian_output(nol)
    with pytest.raises(DataTidakValid, match="polaritas"):
        rasio_indikator("1", "1", polaritas="netral")
    with pytest.raises(DataTidakValid, match="indikator Program Y, output ke-1: kosong"):
        capaian_output([{"nama": "Program Y", "output": [{"indikator": []}]}])


# --- Efisiensi: Tabel 71 ------------------------------------------------------------------


def test_efisiensi_tabel_71_penyebut_aa_seperti_seed():
    for cop_kota in (_cop_kota(), COP_KOTA_TERBIT):  # the seed's own COP 112.19 too
        hasil = efisiensi(_program_efisiensi(cop_kota), penyebut="aa")
        assert r2(hasil.efisiensi) == Decimal(TERBIT_71["efisiensi"])
        assert r2(hasil.nilai_efisiensi) == Decimal(TERBIT_71["nilai_efisiensi"])


def test_efisiensi_tabel_71_penyebut_regulasi_aa_x_cop():
    """Default Σ(AA × COP) denominator: E 4.3453%, NE 60.86% (seed prints 60.87)."""
    hasil = efisiensi(_program_efisiensi(_cop_kota()))
    assert hasil.penyebut == "aa_x_cop"
    assert bulat(hasil.efisiensi, 4) == Decimal("4.3453")
    assert r2(hasil.nilai_efisiensi) == Decimal("60.86")
    assert r2(hasil.nilai_efisiensi) != Decimal(TERBIT_71["nilai_efisiensi"])
    assert hasil.efisiensi == hasil.efisiensi_mentah  # within ±20, no clamp


def test_efisiensi_tabel_71_cop_dibatasi():
    hasil = efisiensi(_program_efisiensi(_cop_kota()), batasi_cop=True)
    assert r2(hasil.nilai_efisiensi) == Decimal("60.77")  # formulas.md §2.8


def test_efisiensi_dibatasi_20_dan_galat():
    boros = efisiensi([{"alokasi": "100", "realisasi": "150", "capaian_output": "100"}])
    assert boros.efisiensi_mentah == -50 and boros.efisiensi == -20 and boros.nilai_efisiensi == 0
    hemat = efisiensi([{"alokasi": "100", "realisasi": "50", "capaian_output": "100"}])
    assert hemat.efisiensi == 20 and hemat.nilai_efisiensi == 100
    with pytest.raises(DataTidakValid, match="penyebut"):
        efisiensi([{"alokasi": "1", "realisasi": "1", "capaian_output": "100"}], penyebut="ra")
    with pytest.raises(DataTidakValid, match="alokasi Program Z"):
        efisiensi([{"nama": "Program Z", "alokasi": None, "realisasi": "1", "capaian_output": "1"}])


# --- Manfaat, implementasi, NKA: Tabel 73-74 ----------------------------------------------


def test_nilai_manfaat_tabel_73():
    assert nilai_manfaat(CAPAIAN_SASARAN) == 100  # "diperhitungkan maksimal 100%"
    assert nilai_manfaat(["90", "80"]) == 85
    # Sasaran 2 from its two indicators' capaian as printed in Tabel 16 (101.5 and 106.86).
    ss2 = [baris[7] for baris in jp.INDIKATOR_PK if baris[0] == 2]
    assert r2(nilai_manfaat(ss2, batas=Decimal(200))) == Decimal("104.18")
    geo = nilai_manfaat(ss2, batas=Decimal(200), rata_rata="geometrik")
    assert r2(geo) == Decimal("104.15")  # neither matches the printed SS2 104.08
    assert jp.TABEL_18_TERBIT[2] not in ("104.18", "104.15")
    with pytest.raises(DataTidakValid, match="rata_rata"):
        nilai_manfaat("90", rata_rata="median")


def test_nka_tabel_74_dari_komponen_terbit():
    nki = nilai_implementasi(**KOMPONEN_TERBIT)
    assert r2(nki) == Decimal(TERBIT_74["nilai_implementasi"])
    nka = nilai_kinerja_anggaran(
        nilai_implementasi=nki, nilai_manfaat=nilai_manfaat(CAPAIAN_SASARAN)
    )
    assert r2(nka) == Decimal(TERBIT_74["nilai_kinerja_anggaran"])
    assert kategori_nka(nka) == TERBIT_74["kategori"]


def test_nka_tabel_74_dengan_konsistensi_dikoreksi():
    nki = nilai_implementasi(**{**KOMPONEN_TERBIT, "konsistensi": "81.12"})
    assert r2(nki) == Decimal("84.95")
    assert r2(nilai_kinerja_anggaran(nilai_implementasi=nki, nilai_manfaat="100")) == Decimal(
        "94.99"
    )


def test_bobot_berjumlah_100_dan_komponen_di_luar_0_100_ditolak():
    assert sum(BOBOT_IMPLEMENTASI.values()) == 100 and sum(BOBOT_ASPEK.values()) == 100
    with pytest.raises(DataTidakValid, match="capaian_output: diharapkan 0 sampai 100"):
        nilai_implementasi(
            penyerapan="95", konsistensi="73", capaian_output="104.07", nilai_efisiensi="60"
        )
    with pytest.raises(DataTidakValid, match="bobot"):
        nilai_kinerja_anggaran(nilai_implementasi="80", nilai_manfaat="90", bobot={"manfaat": 100})


@pytest.mark.parametrize(
    ("nilai", "kategori"),
    [("94.51", "Sangat Baik"), ("89.99", "Baik"), ("60", "Cukup"), (None, "N/A")],
)
def test_kategori_nka(nilai, kategori):
    assert kategori_nka(nilai) == kategori


# --- hitung_nka ---------------------------------------------------------------------------


def test_hitung_nka_dari_data_mentah_seed():
    hasil = hitung_nka(
        alokasi=ALOKASI_TOTAL,
        realisasi=REALISASI_TOTAL,
        rpd_kumulatif=RPD_KUMULATIF,
        realisasi_kumulatif=(*RA_KUMULATIF_JAN_NOV, REALISASI_TOTAL),
        program=PROGRAM,
        capaian_sasaran=CAPAIAN_SASARAN,
    )
    assert r2(hasil.penyerapan) == Decimal(TERBIT_74["penyerapan"])
    assert r2(hasil.konsistensi) == Decimal("81.12")
    assert hasil.capaian_output == 100
    assert bulat(hasil.efisiensi, 4) == Decimal("4.3453")
    assert r2(hasil.nilai_efisiensi) == Decimal("60.86")
    assert r2(hasil.nilai_implementasi) == Decimal("84.95")
    assert hasil.nilai_manfaat == 100
    assert r2(hasil.nilai_kinerja_anggaran) == Decimal("94.99")
    assert hasil.kategori == "Sangat Baik"
    assert set(hasil.rincian) == {"konsistensi", "capaian_output", "efisiensi"}
    assert r2(hasil.rincian["capaian_output"].mentah) == Decimal("102.33")
    assert any(s.startswith("NKA = 84.95 × 33.3% + 100 × 66.7% = 94.99") for s in hasil.langkah)


def test_hitung_nka_penyebut_seed():
    hasil = hitung_nka(program=PROGRAM, penyebut_efisiensi="aa")
    assert r2(hasil.nilai_efisiensi) == Decimal(TERBIT_71["nilai_efisiensi"])
    assert hasil.penyerapan is None and hasil.nilai_implementasi is None and hasil.kategori is None


def test_hitung_nka_dari_komponen_terbit():
    hasil = hitung_nka(komponen=KOMPONEN_TERBIT, capaian_sasaran=CAPAIAN_SASARAN)
    assert r2(hasil.nilai_implementasi) == Decimal(TERBIT_74["nilai_implementasi"])
    assert r2(hasil.nilai_kinerja_anggaran) == Decimal(TERBIT_74["nilai_kinerja_anggaran"])
    assert hasil.efisiensi is None  # E itself was not given
    assert hasil.rincian == {}


def test_hitung_nka_data_kurang_tidak_ditebak():
    hasil = hitung_nka(alokasi=ALOKASI_TOTAL, capaian_sasaran="90")
    assert hasil.penyerapan is None and hasil.nilai_kinerja_anggaran is None
    assert hasil.nilai_manfaat == 90
    assert "penyerapan: tidak dihitung (data tidak lengkap)" in hasil.langkah
    tanpa_anggaran = [
        {k: v for k, v in p.items() if k not in ("alokasi", "realisasi")} for p in PROGRAM
    ]
    hasil = hitung_nka(program=tanpa_anggaran)
    assert hasil.capaian_output == 100 and hasil.nilai_efisiensi is None


def test_hitung_nka_konflik_dan_kunci_asing():
    with pytest.raises(DataTidakValid, match="komponen penyerapan: diberikan langsung"):
        hitung_nka(alokasi="1", realisasi="1", komponen={"penyerapan": "100"})
    with pytest.raises(DataTidakValid, match="tidak dikenal"):
        hitung_nka(komponen={"nka": "90"})
    sebagian = [dict(p) for p in PROGRAM]
    del sebagian[3]["alokasi"]
    with pytest.raises(DataTidakValid, match="Program Pemberdayaan Masyarakat Desa dan Kelurahan"):
        hitung_nka(program=sebagian)
