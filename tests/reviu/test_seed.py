"""The seed report (../shared/seed, the Jakarta Pusat LKIP 2024 as text) through the reviu:
at least 30 findings, among them the three the LKIP issue names with both values and every
discrepancy the engine-based example reviu (22) finds, and no finding on figures that hold."""

from __future__ import annotations

import pytest

from kinerja.reviu.periksa import periksa_berkas


@pytest.fixture(scope="module")
def hasil(seed):
    return periksa_berkas(seed)


def _ada(hasil, *, lokasi: str, terbit: str, hitung: str, aturan: str | None = None):
    cocok = [
        t
        for t in hasil.temuan
        if lokasi in t.lokasi
        and terbit in t.terbit
        and hitung in t.hitung
        and (aturan is None or t.aturan == aturan)
    ]
    assert cocok, f"tidak ada temuan {lokasi}: {terbit} → {hitung}"
    return cocok[0]


def test_jumlah_temuan_dan_bab(hasil):
    assert len(hasil.temuan) >= 30
    assert len(hasil.dokumen.tabel) >= 76
    assert "BAB III: AKUNTABILITAS KINERJA" in hasil.per_bab()


def test_tiga_temuan_issue_lkip(hasil):
    t = _ada(hasil, lokasi="Tabel 18", terbit="104,08%", hitung="104,18%", aturan="rata_sasaran")
    assert "(101,5 + 106,86) / 2" in t.rumus
    _ada(
        hasil,
        lokasi="Tabel 70, baris 'Desember', kolom 'Konsistensi pada bulan'",
        terbit="73,14%",
        hitung="81,12%",
    )
    _ada(hasil, lokasi="Tabel 74, baris 'Nilai Kinerja Anggaran", terbit="94,51%", hitung="94,99%")
    _ada(
        hasil,
        lokasi="Tabel 34, baris 'Nilai Efektivitas Koordinasi Bidang Perekonomian",
        terbit="97,43",
        hitung="97,52",
    )


@pytest.mark.parametrize(
    ("lokasi", "terbit", "hitung"),
    [
        ("Tabel 73", "104,08%", "104,18%"),
        ("Tabel 50", "capaian 100", "capaian 123,08"),
        ("Tabel 25", "98,63", "98,47"),
        ("Tabel 25", "98,98", "99,22"),
        ("Tabel 24", "98,98", "98,84"),
        ("Tabel 33", "96,81", "96,84"),
        ("Tabel 38", "96,55", "96,57"),
        ("Tabel 72, baris '1. Nilai Efektivitas Koordinasi Bidang Pemerintahan'", "95,62", "95,80"),
        ("Tabel 72, baris '2. Nilai Efektivitas Koordinasi Bidang Perekonomian", "97,52", "97,56"),
        ("Tabel 20", "98,07", "97,90"),
        ("Tabel 70, baris 'Desember', kolom 'TK Konsistensi/bl'", "0,00%", "95,69%"),
        ("Tabel 70, baris 'Desember', kolom 'RA Kumulatif'", "(kosong)", "746.367.815.588"),
        ("Tabel 70, baris 'baris ke-13'", "1.036,99%", "877,72%"),
        ("Tabel 72, baris 'Koordinasi Kota administrasi Program Penunjang", "101,45%", "100,00%"),
        ("Capaian Output Program keseluruhan", "104,07%", "102,33%"),
        ("Tabel 74, baris 'Nilai Kinerja Atas Aspek Implementasi'", "83,50%", "84,95%"),
        ("kolom 'RPD'", "746.527.101.628", "779.977.900.621"),
        ("kolom 'Realisasi'", "721.173.597.795", "746.367.815.588"),
        ("Tabel 21, baris 'Indeks Reformasi Birokrasi', kolom 'Tahun 2021 %'", "92,88%", "92,80%"),
    ],
)
def test_temuan_reviu_contoh_juga_ditemukan_dari_teks(hasil, lokasi, terbit, hitung):
    _ada(hasil, lokasi=lokasi, terbit=terbit, hitung=hitung)


@pytest.mark.parametrize(
    ("lokasi", "terbit", "hitung"),
    [
        ("capaian penyelesaian pengaduan", "mencapai target", "99,99%"),  # Tabel 61
        ("60% indikator", "60%", "40,00%"),
        ("26 sasaran", "26 sasaran", "14 sasaran"),
        ("Berdasarkan perhitungan menggunakan dasar", "27,81%", "83,50%"),
        ("kepadatan penduduk WNI", "22.551", "22.379"),
        ("pegawai", "-1,01%", "-2,95%"),
        ("Performa Pengaduan", "meningkat setiap tahun", "2023: 100,00 → 2024: 99,99"),
        ("Pada semester II", "97,60", "97,43"),
        ("Tabel 62", "100%", "99,99%"),
        ("Tabel 15", "≤ 5%", "≤ 50,00%"),
        ("Tabel 16", "WTP (3)", "100%"),
        (
            "Tabel 21, baris 'Indeks kepuasan layanan kota administrasi', kolom 'Tahun 2024 %'",
            "104,08%",
            "112,70%",
        ),
        ("Tabel 54", "target 2024: 80", "realisasi 2023: 97,11"),
    ],
)
def test_temuan_narasi_dan_data_umum(hasil, lokasi, terbit, hitung):
    _ada(hasil, lokasi=lokasi, terbit=terbit, hitung=hitung)


def test_angka_yang_benar_tidak_dilaporkan(hasil):
    lokasi = " ".join(t.lokasi for t in hasil.temuan)
    # Tabel 19 (97,77/93,93 = 104,09 printed 104,08 by truncation), Tabel 24 capaian 101,5,
    # Tabel 31 rata-rata, Tabel 67-69 sums and percentages, Tabel 46 TOTAL 47 all hold
    for tabel in (
        "Tabel 19",
        "Tabel 31",
        "Tabel 46",
        "Tabel 67",
        "Tabel 68",
        "Tabel 69",
        "Tabel 71",
    ):
        assert tabel + "," not in lokasi and not lokasi.endswith(tabel)
    assert not [t for t in hasil.temuan if t.aturan == "capaian" and "Tabel 24" in t.lokasi]


def test_semua_angka_dalam_format_indonesia(hasil):
    import re

    for t in hasil.temuan:
        for teks in (t.terbit, t.hitung, t.rumus):
            assert not re.search(r"(?<![\w.,/])\d+\.\d{1,2}(?![\w.,/])", teks), teks
