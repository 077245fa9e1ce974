"""Jakarta Pusat LKIP 2024: the example inputs and the figures the report publishes.

Transcribed from the seed report (shared/seed/000_7ac1d614aa532084.txt). Numbers are
strings in machine form so they become Decimal without passing through float. "terbit"
means the value as printed in the report. This module is data only: the loaders
(`kinerja.contoh.muat`, `anggaran.contoh`, `survei.contoh`) store the inputs and the
published figures (AngkaTerbit), and every check of them runs in the selectors and the one
reviu package (`kinerja.reviu`, keputusan 0030); tests import these tables instead of
copying them.
"""

ORGANISASI = "Kota Administrasi Jakarta Pusat"
SLUG = "jakarta-pusat"
TAHUN = 2024

# Tabel 16 (and Tabel 13/14): the Perjanjian Kinerja of the Walikota, 14 sasaran with
# 15 indicators. (no, kelompok, sasaran, indikator, satuan, target, realisasi, capaian terbit)
# Sasaran 3 is qualitative in the print ("WTP (3)" against "100"); Kinerja stores the
# target as the label it means, see INDIKATOR_KUALITATIF.
INDIKATOR_PK = (
    (
        1,
        "Sasaran Strategis",
        "Terwujudnya Kota Administrasi Jakarta Pusat sebagai Kota yang Maju dan Inklusif dalam memberikan Layanan Publik dan Pemerataan Hasil Pembangunan yang Optimal",
        "Indeks Kepuasan Layanan Kota Administrasi",
        "Nilai",
        "93.93",
        "97.77",
        "104.08",
    ),
    (
        2,
        "Sasaran Strategis",
        "Meningkatnya Kinerja melalui Koordinasi Penyelenggaraan Urusan Pemerintahan dan Pelayanan di Wilayah yang Optimal",
        "Indeks kepuasan masyarakat terhadap layanan kegiatan kemasyarakatan di kecamatan dan kelurahan",
        "Nilai",
        "97.52",
        "98.98",
        "101.5",
    ),
    (
        2,
        "Sasaran Strategis",
        "Meningkatnya Kinerja melalui Koordinasi Penyelenggaraan Urusan Pemerintahan dan Pelayanan di Wilayah yang Optimal",
        "Indeks Efektivitas Koordinasi Kota Administrasi",
        "Nilai",
        "90.35",
        "96.55",
        "106.86",
    ),
    (
        3,
        "Sasaran Khusus",
        "Terimplementasinya rencana strategis komunikasi publik untuk program-program prioritas dan strategis Daerah",
        "Persentase implementasi rencana strategi komunikasi publik program prioritas dan strategis serta respon perangkat daerah pada saat krisis komunikasi program",
        "Nilai",
        None,
        None,
        "100",
    ),
    (
        4,
        "Sasaran Khusus",
        "Terwujudnya tata kelola SDI yang baik melalui pemenuhan daftar data daerah yang berkualitas",
        "Nilai kualitas data SDI",
        "Persentase",
        "3.25",
        "4",
        "123.08",
    ),
    (
        5,
        "Sasaran Khusus",
        "Meningkatnya kualitas layanan kepada masyarakat",
        "Survei Kepuasan Layanan Masyarakat",
        "Persentase",
        "92",
        "92",
        "100",
    ),
    (
        6,
        "Sasaran Khusus",
        "Terkelolanya Keuangan Daerah yang Sehat, Transparan, dan Akuntabel",
        "Persentase pelaksanaan inventarisasi BMD pada Pengguna Barang dan/atau Kuasa Pengguna Barang",
        "Predikat (Nilai)",
        "100",
        "100",
        "100",
    ),
    (
        7,
        "Sasaran Khusus",
        "Peningkatan penggunaan produk dalam negeri",
        "Persentase realisasi belanja barang/jasa bersertifikat TKDN, produk dalam negeri, dan/atau produk usaha mikro kecil dan koperasi",
        "Persentase",
        "80",
        "92.44",
        "115.55",
    ),
    (
        8,
        "Sasaran Khusus",
        "Terimplementasinya Pengembangan Kompetensi PNS Pemerintah Provinsi DKI Jakarta 40 Jam Pelajaran per tahun",
        "Persentase implementasi pengembangan kompetensi PNS 40 JP per tahun",
        "Persentase",
        "100",
        "100",
        "100",
    ),
    (
        9,
        "Sasaran Khusus",
        "Meningkatnya Manajemen Pengetahuan",
        "Persentase penyelesaian tahapan Manajemen Pengetahuan",
        "Nilai",
        "100",
        "100",
        "100",
    ),
    (
        10,
        "Sasaran Khusus",
        "Implementasi Penerapan Manajemen Resiko",
        "Persentase Implementasi Penerapan Manajemen Risiko",
        "Persentase",
        "100",
        "100",
        "100",
    ),
    (
        11,
        "Sasaran Khusus",
        "Tercapainya Target Kinerja Anggaran atas Aspek Implementasi",
        "Persentase Nilai Kinerja Anggaran atas aspek Implementasi",
        "Persentase",
        "71",
        "88.24",
        "124.28",
    ),
    (
        12,
        "Sasaran Operasional",
        "Terselesaikannya Tindak Lanjut Arahan Gubernur",
        "Persentase capaian penyelesaian tindak lanjut arahan Gubernur",
        "Persentase",
        "100",
        "100",
        "100",
    ),
    (
        13,
        "Sasaran Operasional",
        "Meningkatnya penyelesaian pengaduan masyarakat",
        "Persentase capaian penyelesaian pengaduan masyarakat",
        "Persentase",
        "100",
        "99.99",
        "99.99",
    ),
    (
        14,
        "Sasaran Operasional",
        "Terselesaikannya tindak lanjut rekomendasi temuan hasil pemeriksaan eksternal (BPK)",
        "Persentase progres penyelesaian tindak lanjut rekomendasi temuan hasil pemeriksaan eksternal (BPK)",
        "Persentase",
        "100",
        "100",
        "100",
    ),
)

# Tabel 16 row 3 as printed: target "100", realisasi "WTP (3)", capaian 100. The label is an
# opini BPK; Kinerja reads the target as the label WTP on the ordinal opini scale.
INDIKATOR_KUALITATIF = {
    3: {"target_terbit": "100", "realisasi": "WTP (3)", "target": "WTP", "skala_ordinal": "opini"}
}

# Tabel 17: number of indicators per predikat, as printed.
TABEL_17_TERBIT = {
    "Sangat Tinggi": 15,
    "Tinggi": 0,
    "Sedang": 0,
    "Rendah": 0,
    "Sangat Rendah": 0,
    "N/A": 0,
}

# Tabel 18: "Rata-Rata Capaian Kinerja Sasaran" as printed, per sasaran number.
TABEL_18_TERBIT = {
    1: "104.08",
    2: "104.08",
    3: "100",
    4: "123.08",
    5: "100",
    6: "100",
    7: "115.55",
    8: "100",
    9: "100",
    10: "100",
    11: "124.28",
    12: "100",
    13: "99.99",
    14: "100",
}

# Tabel 50 prints the SDI indicator differently from Tabel 16: realisasi "100%", capaian 100.
TABEL_50_TERBIT = {"target": "3.25", "realisasi": "100%", "capaian": "100"}

# Tabel 19/20: Indeks Kepuasan Layanan Kota Administrasi = mean(IKM, IEK).
INDEKS_KEPUASAN_LAYANAN = {
    "target": "93.93",
    "terbit": "97.77",
    "capaian_terbit": "104.08",
    "semester_terbit": ("97.46", "98.07"),
}

# Tabel 24/25: IKM kelurahan services, city level (JakSurvei, 66,433 respondents).
IKM_KOTA = {
    "target": "97.52",
    "terbit": "98.98",
    "capaian_terbit": "101.5",
    "semester_terbit": ("98.63", "98.98"),
    "jumlah_responden": 66433,
}

# Tabel 31: SKM 2024 per kelurahan (name, round I, round II, "Rata-rata" as printed); every
# mutu printed as A. The column headers say Triwulan I/II; the text calls them semesters.
TABEL_31 = (
    ("Bendungan Hilir", "98.87", "99.26", "99.06"),
    ("Bungur", "99.75", "99.99", "99.87"),
    ("Cempaka Baru", "99.77", "98.59", "99.18"),
    ("Cempaka Putih Barat", "99.87", "99.94", "99.90"),
    ("Cempaka Putih Timur", "100", "100", "100.00"),
    ("Cideng", "98.34", "99.39", "98.86"),
    ("Cikini", "99.88", "100.00", "99.94"),
    ("Duri Pulo", "95.20", "99.65", "97.42"),
    ("Galur", "100", "99.96", "99.98"),
    ("Gambir", "97.18", "99.10", "98.14"),
    ("Gelora", "99.96", "99.95", "99.95"),
    ("Gondangdia", "99.75", "99.75", "99.75"),
    ("Gunung Sahari Selatan", "95.92", "99.75", "97.83"),
    ("Gunung Sahari Utara", "99.26", "99.97", "99.61"),
    ("Harapan Mulia", "99.91", "91.42", "95.66"),
    ("Johar Baru", "99.38", "99.78", "99.58"),
    ("Kampung Bali", "99.81", "99.34", "99.57"),
    ("Kampung Rawa", "99.94", "99.60", "99.77"),
    ("Karang Anyar", "99.99", "99.93", "99.96"),
    ("Karet Tengsin", "100", "99.88", "99.94"),
    ("Kartini", "99.99", "99.58", "99.78"),
    ("Kebon Kacang", "99.25", "99.99", "99.62"),
    ("Kebon Kelapa", "95.55", "96.96", "96.25"),
    ("Kebon Kosong", "99.85", "99.96", "99.90"),
    ("Kebon Melati", "99.54", "99.03", "99.28"),
    ("Kebon Sirih", "100", "100", "100.00"),
    ("Kemayoran", "95.26", "99.60", "97.43"),
    ("Kenari", "98.93", "98.43", "98.68"),
    ("Kramat", "99.63", "99.90", "99.76"),
    ("Kwitang", "98.09", "97.15", "97.62"),
    ("Mangga Dua Selatan", "99.91", "100.00", "99.95"),
    ("Menteng", "97.51", "99.55", "98.53"),
    ("Pasar Baru", "99.26", "96.89", "98.07"),
    ("Paseban", "99.99", "99.89", "99.94"),
    ("Pegangsaan", "99.96", "100.00", "99.98"),
    ("Petamburan", "98.60", "96.85", "97.72"),
    ("Petojo Selatan", "99.31", "100.00", "99.65"),
    ("Petojo Utara", "82.36", "99.21", "90.78"),
    ("Rawasari", "99.16", "99.86", "99.51"),
    ("Senen", "99.55", "100.00", "99.77"),
    ("Serdang", "95.54", "99.70", "97.62"),
    ("Sumur Batu", "95.59", "98.78", "97.18"),
    ("Tanah Tinggi", "97.11", "99.28", "98.19"),
    ("Utang Panjang", "99.99", "100.00", "99.99"),
)

# Tabel 35-37: coordination survey (Indeks Efektivitas Koordinasi), item values (already
# ×25) per asisten, semester I and II. The 13 items map to the 9 unsur as in the
# KUESIONER appendix: U5 produk 2 items, U6 kompetensi 3, U7 perilaku 2, others 1.
BUTIR_KOORDINASI = ("U1", "U2", "U3", "U4", "U5", "U5", "U6", "U6", "U6", "U7", "U7", "U8", "U9")
TABEL_35_37 = {
    "Pemerintahan": (
        ("96.43", "96.43", "96.43", "96.43", "92.86", "100", "92.86", "96.43", "96.43", "100",
         "82.14", "96.43", "96.43"),
        ("96.43", "96.43", "96.43", "96.43", "100", "100", "96.43", "96.43", "92.86", "92.86",
         "85.71", "96.43", "96.43"),
    ),
    "Perekonomian dan Pembangunan": (
        ("97.73", "97.73", "97.73", "97.73", "97.73", "93.18", "97.73", "95.45", "100", "100",
         "93.18", "100", "97.73"),
        ("97.73", "97.73", "97.73", "97.73", "97.73", "95.45", "95.45", "97.73", "97.73",
         "97.73", "97.73", "97.73", "97.73"),
    ),
    "Administrasi dan Kesejahteraan Rakyat": (
        ("91.67", "97.92", "95.83", "97.92", "93.75", "95.83", "95.83", "93.75", "93.75",
         "97.92", "89.58", "95.83", "97.92"),
        ("97.92", "97.92", "97.92", "97.92", "95.83", "95.83", "95.83", "97.92", "93.75",
         "95.83", "93.75", "97.92", "97.92"),
    ),
}  # fmt: skip
# Tabel 34 as printed (per asisten, semester I and II).
TABEL_34_TERBIT = {
    "Pemerintahan": ("95.70", "95.90"),
    "Perekonomian dan Pembangunan": ("97.60", "97.43"),
    "Administrasi dan Kesejahteraan Rakyat": ("95.56", "97.11"),
}
TABEL_33_TERBIT = ("96.29", "96.81")  # city, semester I and II
IEK = {"target": "90.35", "terbit": "96.55", "capaian_terbit": "106.86"}  # Tabel 32/38

# Tabel 72: the yearly per-asisten values used as Program Pengelolaan Kota Administrasi
# output indicators (target 86).
TABEL_72_IEK_ASISTEN = {
    "Pemerintahan": "95.62",
    "Perekonomian dan Pembangunan": "97.52",
    "Administrasi dan Kesejahteraan Rakyat": "96.34",
}

# Tabel 67-69: budget (pagu perubahan / APBD-P and realisasi).
PAGU_AWAL = "773301068379"
PAGU = "779977900621"
REALISASI = "746367815588"
BELANJA = (  # (uraian, pagu, realisasi, persen terbit)
    ("Belanja Operasi", "771925168744", "738766664773", "95.70"),
    ("Belanja Modal", "8052731877", "7601150815", "94.39"),
)
BELANJA_OPERASI = (
    ("Belanja Pegawai", "260857868020", "244672216044", "93.80"),
    ("Belanja Barang dan Jasa", "511067300724", "494094448729", "96.68"),
)
# Tabel 69 and 72: programs with anggaran awal, perubahan, realisasi, persen terbit, and
# their output indicators (target, realisasi) from Tabel 72.
PROGRAM = (
    {
        "nama": "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
        "awal": "326846988416",
        "alokasi": "337743198719",
        "realisasi": "314837446643",
        "persen_terbit": "93.22",
        "output": [
            {
                "nama": "Terwujudnya Program Penunjang Urusan Pemerintah Daerah Provinsi",
                "indikator": [
                    {
                        "nama": "Persentase Gedung Kantor dan Rumah Dinas dalam Kondisi Baik",
                        "target": "83",
                        "realisasi": "83",
                    },
                    {
                        "nama": "Indeks Kepuasan Penunjang Layanan Urusan Pemerintah Daerah Provinsi",
                        "target": "4",
                        "realisasi": "4",
                    },
                ],
            }
        ],
        "cop_terbit": "100",
    },
    {
        "nama": "Program Pengelolaan Kota Administrasi",
        "awal": "2409391848",
        "alokasi": "2419568591",
        "realisasi": "2176792680",
        "persen_terbit": "89.97",
        "output": [
            {
                "nama": "Terwujudnya Pengelolaan Kota Administrasi",
                "indikator": [
                    {
                        "nama": f"Nilai Efektivitas Koordinasi Bidang {k}",
                        "target": "86",
                        "realisasi": v,
                    }
                    for k, v in TABEL_72_IEK_ASISTEN.items()
                ],
            }
        ],
        "cop_terbit": "112.19",
    },
    {
        "nama": "Program Pengelolaan Kecamatan",
        "awal": "360728853673",
        "alokasi": "356491756742",
        "realisasi": "350346694010",
        "persen_terbit": "98.28",
        "output": [
            {
                "nama": "Terwujudnya pengelolaan kecamatan dan kelurahan yang optimal",
                "indikator": [
                    {
                        "nama": "Indeks Kepuasan terhadap Pengelolaan Kelurahan (RT, RW, LMK, FKDM)",
                        "target": "4",
                        "realisasi": "4",
                    },
                    {
                        "nama": "Indeks Kepuasan Masyarakat terhadap Layanan PPSU",
                        "target": "4",
                        "realisasi": "4",
                    },
                ],
            }
        ],
        "cop_terbit": "100",
    },
    {
        "nama": "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
        "awal": "80782559268",
        "alokasi": "80760351395",
        "realisasi": "76536293864",
        "persen_terbit": "94.77",
        "output": [
            {
                "nama": "Terwujudnya Pemberdayaan Masyarakat Desa dan Kelurahan",
                "indikator": [
                    {
                        "nama": "Indeks Kepuasan Masyarakat terhadap Layanan PKK, Posyandu, Jumantik, dan RPTRA",
                        "target": "4",
                        "realisasi": "4",
                    }
                ],
            }
        ],
        "cop_terbit": "100",
    },
    {
        "nama": "Program Koordinasi Ketenteraman dan Ketertiban Umum",
        "awal": "2533275174",
        "alokasi": "2563025174",
        "realisasi": "2470588391",
        "persen_terbit": "96.39",
        "output": [
            {
                "nama": "Terwujudnya Koordinasi Ketentraman dan Ketertiban Umum",
                "indikator": [
                    {
                        "nama": "Indeks Kepuasan Masyarakat terhadap Layanan Ketertiban Umum",
                        "target": "4",
                        "realisasi": "4",
                    }
                ],
            }
        ],
        "cop_terbit": "100",
    },
)

# Tabel 70: cumulative RPD and realisasi per month. December's cumulative realisasi is
# printed blank; it must equal the year's realisasi (Tabel 67).
RPD_KUMULATIF = (
    "18348744183",
    "67980676061",
    "124635572785",
    "194194776748",
    "251162678229",
    "311801628401",
    "375463287857",
    "440024753637",
    "483691950183",
    "550578002337",
    "605581234245",
    "779977900621",
)
REALISASI_KUMULATIF_TERBIT = (
    "29670721738",
    "85351151432",
    "161908411368",
    "231460565193",
    "292720837737",
    "364512899130",
    "427301848098",
    "484316626953",
    "541233752067",
    "597551870072",
    "655023532468",
    None,
)
TABEL_70_TERBIT = {
    "per_bulan": (
        "38.30",
        "74.45",
        "70.09",
        "80.81",
        "83.45",
        "83.09",
        "86.19",
        "89.93",
        "88.10",
        "91.47",
        "91.84",
        "0.00",
    ),
    "berjalan": (
        "38.30",
        "56.37",
        "60.95",
        "65.91",
        "69.42",
        "71.70",
        "73.77",
        "75.79",
        "77.16",
        "78.59",
        "79.79",
        "73.14",
    ),
    "jumlah": "1036.99",
}

# Tabel 71-74 as printed.
TABEL_71_TERBIT = {"efisiensi": "4.35", "nilai_efisiensi": "60.87"}
TABEL_72_TERBIT = {"capaian_output_mentah": "104.07", "capaian_output": "100"}
# Tabel 72 column 9 prints 101.45% for Program Penunjang, whose indicators are 83/83 and 4/4.
TABEL_72_KOLOM_9 = {"Program Penunjang Urusan Pemerintahan Daerah Provinsi": "101.45"}
TABEL_73_TERBIT = {"capaian_sasaran": "104.08", "nilai_manfaat": "100"}
TABEL_74_TERBIT = {
    "penyerapan": "95.69",
    "konsistensi": "73.14",
    "capaian_output": "100",
    "nilai_efisiensi": "60.87",
    "nilai_implementasi": "83.50",
    "nilai_manfaat": "100",
    "nilai_kinerja_anggaran": "94.51",
    "kategori": "Sangat Baik",
}

# DATA PENDUKUNG monthly table: visibly not 2024's data (totals do not match Tabel 67).
DATA_PENDUKUNG_BULANAN = {
    "rpd": (
        "19051399262",
        "54491662113",
        "55089301033",
        "79106676552",
        "56803557573",
        "68501855116",
        "56846688858",
        "54807350833",
        "57649415523",
        "54864374271",
        "53313618516",
        "136001201978",
    ),
    "realisasi": (
        "22368182405",
        "59207523152",
        "56540691398",
        "82792894447",
        "57841746420",
        "66087650132",
        "56656306553",
        "56126069300",
        "53013139622",
        "53724324736",
        "65926993648",
        "90888075982",
    ),
    "jumlah_terbit": ("746527101628", "721173597795"),
}

# Evaluasi AKIP 2023 (Surat Inspektorat 0896/PA.01.00, 2 Desember 2024), Bab I.
LKE_KOMPONEN = (
    ("Perencanaan Kinerja", "25.50"),
    ("Pengukuran Kinerja", "25.50"),
    ("Pelaporan Kinerja", "12.75"),
    ("Evaluasi Akuntabilitas Kinerja Internal", "22.00"),
)
LKE_TERBIT = {"nilai": "85.75"}
