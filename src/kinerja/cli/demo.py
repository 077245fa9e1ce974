"""`kinerja demo`: the Jakarta Pusat 2024 figures computed by the engine, then the reviu.

Prints every table as readable Indonesian text and ends with the list of published figures
the data contradicts. Later stages add loading the web application and building the LKIP.
"""

from __future__ import annotations

import argparse

from kinerja import angka as fmt
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.contoh.perhitungan import semua_bagian, temuan_reviu
from kinerja.laporan.tabel import render_teks


def tulis_reviu(temuan) -> str:
    baris = [
        f"DAFTAR TEMUAN REVIU: {len(temuan)} angka terbit yang tidak sesuai dengan datanya",
        "=" * 72,
    ]
    for i, t in enumerate(temuan, start=1):
        baris.append(f"{i:2}. [{t.sumber}] {t.uraian}")
        baris.append(
            f"    terbit {fmt.desimal_atau_teks(t.terbit)}, seharusnya {fmt.desimal_atau_teks(t.hitung)}"
            + (f" (selisih {fmt.angka(t.selisih)})" if t.selisih is not None else "")
        )
        baris.append(f"    rumus: {t.rumus}")
        if t.masukan and len(t.masukan) <= 4:
            baris.append(
                "    masukan: "
                + "; ".join(f"{k} = {fmt.desimal_atau_teks(v, 2)}" for k, v in t.masukan.items())
            )
        if t.catatan:
            baris.append(f"    catatan: {t.catatan}")
    return "\n".join(baris)


def tambah_parser(sub) -> None:
    p = sub.add_parser("demo", help="hitung dan cetak contoh Jakarta Pusat 2024 beserta reviunya")
    p.add_argument(
        "--no-serve",
        action="store_true",
        help="jangan jalankan server web (belum ada di tahap ini)",
    )
    p.set_defaults(fungsi=utama)


def utama(args: argparse.Namespace) -> int:
    print(f"KINERJA - {jp.ORGANISASI}, tahun {jp.TAHUN}")
    print(
        "Semua angka dihitung ulang oleh mesin rumus dari data masukan laporan; kolom 'terbit' adalah angka di LKIP.\n"
    )
    bagian = semua_bagian()
    for b in bagian:
        print(f"\n### {b.judul}\n")
        for t in b.tabel:
            print(render_teks(t))
            print()
    print()
    print(tulis_reviu(temuan_reviu(bagian)))
    return 0
