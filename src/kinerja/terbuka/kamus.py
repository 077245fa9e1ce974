"""The data dictionary of the open data (/terbuka/kamus/, the XLSX sheet "kamus"): every
column of the long table and every group of figures, with its source."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KOLOM = [
    (
        "unit",
        _("teks"),
        _("Kode (slug) unit organisasi, sama dengan alamat /terbuka/<unit>/<tahun>/."),
    ),
    ("nama_unit", _("teks"), _("Nama unit organisasi.")),
    ("tahun", _("bilangan bulat"), _("Tahun kinerja.")),
    ("kelompok", _("teks"), _("Kelompok angka: lihat tabel kelompok di bawah.")),
    ("kode", _("teks"), _("Kode indikator, sasaran (S1, S2, ...), kuesioner atau komponen NKA.")),
    ("uraian", _("teks"), _("Nama indikator, sasaran, kuesioner, unsur atau komponen.")),
    ("satuan", _("teks"), _("Satuan indikator (persen, indeks, ...).")),
    ("target", _("angka atau teks"), _("Target pada Perjanjian Kinerja yang ditandatangani.")),
    ("realisasi", _("angka atau teks"), _("Realisasi tahunan terverifikasi.")),
    (
        "nilai",
        _("angka"),
        _(
            "Capaian (%), rata-rata capaian sasaran (%), jumlah indikator, IKM, NRR unsur atau nilai NKA."
        ),
    ),
    ("predikat", _("teks"), _("Predikat capaian, mutu pelayanan IKM (A-D) atau kategori NKA.")),
    ("jumlah_responden", _("bilangan bulat"), _("Jumlah responden sah survei (hanya jumlah).")),
    (
        "keterangan",
        _("teks"),
        _("IKU, kinerja unit pelayanan IKM, atau alasan angka tidak diterbitkan."),
    ),
]

KELOMPOK = [
    (
        "capaian_indikator",
        _(
            "Capaian setiap indikator Perjanjian Kinerja (IKU ditandai), dari realisasi terverifikasi."
        ),
        "PermenPAN-RB 53/2014; kinerja.rumus.capaian",
    ),
    (
        "capaian_sasaran",
        _("Rata-rata capaian indikator setiap sasaran strategis dan predikatnya."),
        "kinerja.rumus.sasaran",
    ),
    ("jumlah_predikat", _("Jumlah indikator per predikat."), "kinerja.rumus.sasaran"),
    (
        "ikm",
        _(
            "Indeks Kepuasan Masyarakat (nilai konversi 25-100) per kuesioner dengan jumlah responden; tidak diterbitkan bila responden kurang dari 10."
        ),
        "PermenPAN-RB 14/2017; kinerja.rumus.ikm",
    ),
    ("ikm_unsur", _("Nilai rata-rata (NRR) setiap unsur pelayanan."), "PermenPAN-RB 14/2017"),
    ("nka", _("Nilai Kinerja Anggaran dan komponennya."), "PMK 22/2021; kinerja.rumus.nka"),
]

FORMAT = [
    ("unduh.csv", _("Tabel panjang, UTF-8, pemisah koma, angka dengan titik desimal.")),
    (
        "unduh.json",
        _("Objek JSON yang sama dengan API /terbuka/api/data; angka sebagai teks desimal."),
    ),
    ("unduh.xlsx", _("Lembar 'data' (tabel panjang, angka sebagai angka) dan lembar 'kamus'.")),
    ("lkip.pdf", _("Dokumen LKIP terakhir yang dibangun, bila ada.")),
]
