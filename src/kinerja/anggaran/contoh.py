"""Load the Jakarta Pusat 2024 budget (seed Tabel 67-74, RKT) into an existing organisation.

Idempotent, and independent of the order in which the general example loader
(kinerja.contoh.muat) runs: programs and kegiatan are found or created by (organisasi,
tahun, tingkat, nama). December's cumulative realisasi, printed blank in Tabel 70, is
taken as the year's realisasi (Tabel 67), as the regulation requires (formulas.md §2.8).
The published Tabel 71/74 figures are stored as AngkaTerbit so the reviu lists where they
differ from the recomputation (konsistensi 73.14 vs 81.12, NKA 94.51 vs 94.99).
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, JenisBelanja, RealisasiProgram
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.contoh.simpan import simpan_angka_terbit, simpan_bila_berubah
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import IndikatorKeluaran, ProgramAnggaran, TingkatAnggaran
from kinerja.rumus import nka

# RKT 2024 (seed lines 1197-1214): kegiatan per program with their anggaran; each program's
# kegiatan add up to its pagu perubahan in Tabel 69.
KEGIATAN = {
    "Program Penunjang Urusan Pemerintahan Daerah Provinsi": (
        ("Administrasi Umum Perangkat Daerah", "12005796718"),
        ("Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", "10942479623"),
        ("Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", "8062222568"),
        ("Administrasi Kepegawaian Perangkat Daerah", "79307652"),
        ("Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "45633575582"),
        ("Administrasi Keuangan Perangkat Daerah", "261019816576"),
    ),
    "Program Pengelolaan Kota Administrasi": (
        ("Peningkatan Penyelenggaraan Kota Administrasi", "2419568591"),
    ),
    "Program Pengelolaan Kecamatan": (
        (
            "Peningkatan Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan Kabupaten Administrasi",
            "148180916728",
        ),
        (
            "Peningkatan Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan Kabupaten",
            "2924111822",
        ),
        ("Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", "450808963"),
        ("Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", "204935919229"),
    ),
    "Program Pemberdayaan Masyarakat Desa dan Kelurahan": (
        ("Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan", "13319875052"),
        ("Kegiatan Pemberdayaan Kelurahan", "67440476343"),
    ),
    "Program Koordinasi Ketenteraman dan Ketertiban Umum": (
        ("Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", "2563025174"),
    ),
}

# Tabel 67-68 by type: (jenis, pagu, realisasi).
BELANJA = (
    (JenisBelanja.PEGAWAI, *jp.BELANJA_OPERASI[0][1:3]),
    (JenisBelanja.BARANG_JASA, *jp.BELANJA_OPERASI[1][1:3]),
    (JenisBelanja.MODAL, *jp.BELANJA[1][1:3]),
)

TERBIT = (  # (kunci, uraian, sumber, nilai)
    ("nka:penyerapan", "Penyerapan anggaran", "LKIP 2024 Tabel 74", "penyerapan"),
    ("nka:konsistensi", "Konsistensi", "LKIP 2024 Tabel 70 dan 74", "konsistensi"),
    ("nka:capaian_output", "Capaian output program", "LKIP 2024 Tabel 72 dan 74", "capaian_output"),
    ("nka:nilai_efisiensi", "Nilai efisiensi", "LKIP 2024 Tabel 71 dan 74", "nilai_efisiensi"),
    (
        "nka:nilai_implementasi",
        "Nilai aspek implementasi",
        "LKIP 2024 Tabel 74",
        "nilai_implementasi",
    ),
    ("nka:nilai_manfaat", "Nilai aspek manfaat", "LKIP 2024 Tabel 73 dan 74", "nilai_manfaat"),
    (
        "nka:nilai_kinerja_anggaran",
        "Nilai Kinerja Anggaran",
        "LKIP 2024 Tabel 74",
        "nilai_kinerja_anggaran",
    ),
)


def angka_terbit_anggaran() -> list[tuple[str, str, str, str, str, str]]:
    """(kunci, uraian, tabel, baris, kolom, nilai) of the budget figures the example publishes
    beside the NKA components (Tabel 67-72 and the DATA PENDUKUNG appendix), from
    `jakarta_pusat_2024`. Stored as AngkaTerbit "anggaran:*"; the reviu of the published
    report checks them (`kinerja.reviu.aturan`, keputusan 0030)."""
    hasil = []
    for tabel, daftar in (("Tabel 67", jp.BELANJA), ("Tabel 68", jp.BELANJA_OPERASI)):
        for uraian, _pagu, _real, persen in daftar:
            hasil.append(
                (
                    f"anggaran:penyerapan:{uraian}",
                    f"Penyerapan {uraian}",
                    tabel,
                    uraian,
                    "%",
                    persen,
                )
            )
    for p in jp.PROGRAM:
        nama = p["nama"]
        hasil.append(
            (
                f"anggaran:penyerapan:{nama}",
                f"Penyerapan {nama}",
                "Tabel 69",
                nama,
                "%",
                p["persen_terbit"],
            )
        )
        hasil.append(
            (
                f"anggaran:cop:{nama}",
                f"Capaian output {nama}",
                "Tabel 72",
                nama,
                "Capaian output (%)",
                p["cop_terbit"],
            )
        )
    for nama, nilai in jp.TABEL_72_KOLOM_9.items():
        hasil.append(
            (
                f"anggaran:cop-kolom-9:{nama}",
                f"Capaian output {nama} (kolom 9)",
                "Tabel 72",
                nama,
                "Kolom 9",
                nilai,
            )
        )
    hasil.append(
        (
            "anggaran:cop-unit",
            "Capaian output program keseluruhan sebelum dibatasi",
            "Tabel 72",
            "Capaian output program keseluruhan",
            "Capaian (%)",
            jp.TABEL_72_TERBIT["capaian_output_mentah"],
        )
    )
    k70 = jp.TABEL_70_TERBIT
    for i, bulan in enumerate(nka.NAMA_BULAN):
        hasil.append(
            (
                f"anggaran:konsistensi-bulan:{i + 1}",
                f"Suku konsistensi bulan {bulan}",
                "Tabel 70",
                bulan,
                "TK Konsistensi/bl (%)",
                k70["per_bulan"][i],
            )
        )
        hasil.append(
            (
                f"anggaran:konsistensi-berjalan:{i + 1}",
                f"Konsistensi berjalan sampai {bulan}",
                "Tabel 70",
                bulan,
                "Konsistensi pada bulan (%)",
                k70["berjalan"][i],
            )
        )
    hasil.append(
        (
            "anggaran:konsistensi-jumlah",
            "Jumlah suku konsistensi",
            "Tabel 70",
            "Jumlah",
            "TK Konsistensi/bl (%)",
            k70["jumlah"],
        )
    )
    dp = jp.DATA_PENDUKUNG_BULANAN
    for j, (kunci, kolom) in enumerate((("rpd", "RPD"), ("realisasi", "Realisasi"))):
        for i, bulan in enumerate(nka.NAMA_BULAN):
            hasil.append(
                (
                    f"anggaran:data-pendukung:{kunci}:{i + 1}",
                    f"{kolom} bulan {bulan} (DATA PENDUKUNG)",
                    "Lampiran DATA PENDUKUNG",
                    bulan,
                    kolom,
                    dp[kunci][i],
                )
            )
        hasil.append(
            (
                f"anggaran:data-pendukung:{kunci}:jumlah",
                f"Jumlah {kolom} (DATA PENDUKUNG)",
                "Lampiran DATA PENDUKUNG",
                "Jumlah",
                kolom,
                dp["jumlah_terbit"][j],
            )
        )
    return hasil


def bulanan_dari_kumulatif(kumulatif) -> list[Decimal]:
    """Monthly amounts from a cumulative series (the seed prints Tabel 70 cumulatively)."""
    hasil, lalu = [], Decimal(0)
    for x in kumulatif:
        hasil.append(Decimal(x) - lalu)
        lalu = Decimal(x)
    return hasil


def _program(org, tingkat, nama, *, induk=None, urutan=0, **nilai) -> ProgramAnggaran:
    p, _ = simpan_bila_berubah(
        ProgramAnggaran,
        {"organisasi": org, "tahun": jp.TAHUN, "tingkat": tingkat, "nama": nama},
        {"induk": induk, **nilai},
        awal={"urutan": urutan},
    )
    return p


@transaction.atomic
def muat_anggaran(organisasi: Organisasi | None = None) -> Organisasi:
    """Load (or refresh) the 2024 budget of Jakarta Pusat; returns the organisation."""
    org = organisasi or Organisasi.objects.get(slug=jp.SLUG)
    tahun = jp.TAHUN
    for jenis, pagu, realisasi in BELANJA:
        simpan_bila_berubah(
            BelanjaJenis,
            {"organisasi": org, "tahun": tahun, "jenis": jenis},
            {"pagu": Decimal(pagu), "realisasi": Decimal(realisasi)},
        )
    for i, data in enumerate(jp.PROGRAM, start=1):
        prog = _program(
            org,
            TingkatAnggaran.PROGRAM,
            data["nama"],
            urutan=i * 100,
            pagu_awal=Decimal(data["awal"]),
            pagu=Decimal(data["alokasi"]),
        )
        simpan_bila_berubah(
            RealisasiProgram, {"program": prog}, {"realisasi": Decimal(data["realisasi"])}
        )
        for j, (nama, anggaran) in enumerate(KEGIATAN[data["nama"]], start=1):
            _program(
                org,
                TingkatAnggaran.KEGIATAN,
                nama,
                induk=prog,
                urutan=i * 100 + j,
                pagu=Decimal(anggaran),
            )
        k = 0
        for out in data["output"]:
            for ind in out["indikator"]:
                k += 1
                simpan_bila_berubah(
                    IndikatorKeluaran,
                    {"program": prog, "nama": ind["nama"]},
                    {
                        "output": out["nama"],
                        "target": Decimal(ind["target"]),
                        "realisasi": Decimal(ind["realisasi"]),
                        "urutan": k,
                    },
                )
    rpd = bulanan_dari_kumulatif(jp.RPD_KUMULATIF)
    ra = bulanan_dari_kumulatif(list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI])
    for bulan in range(1, 13):
        simpan_bila_berubah(
            AnggaranBulanan,
            {"organisasi": org, "tahun": tahun, "bulan": bulan},
            {"rpd": rpd[bulan - 1], "realisasi": ra[bulan - 1]},
        )
    terbit = [(k, u, s, jp.TABEL_74_TERBIT[a]) for k, u, s, a in TERBIT]
    terbit.append(
        (
            "nka:efisiensi",
            "Efisiensi output program",
            "LKIP 2024 Tabel 71",
            jp.TABEL_71_TERBIT["efisiensi"],
        )
    )
    for kunci, uraian, tabel, baris, kolom, nilai in angka_terbit_anggaran():
        terbit.append((kunci, uraian, f"LKIP {tahun} {tabel}", nilai, baris, kolom))
    for kunci, uraian, sumber, nilai, *letak in terbit:
        simpan_angka_terbit(
            org,
            tahun,
            kunci,
            uraian=uraian,
            sumber=sumber,
            nilai=nilai,
            tabel=sumber.removeprefix(f"LKIP {tahun} "),
            baris=letak[0] if letak else uraian,
            kolom=letak[1] if letak else "Nilai",
        )
    return org
