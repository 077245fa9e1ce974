"""`kinerja reviu`: check the figures of any LKIP (DOCX, PDF or text) like an inspector.

    kinerja reviu LKIP.pdf [--keluar DIR] [--format teks,docx,xlsx,json] [--pembanding LALU]

Prints one finding per entry (location, check, printed value, recomputed value, formula
with its inputs); with --keluar also writes the chosen formats there. Exit code 0 when the
file was read (findings or not), 2 when it cannot be read or the options are wrong.
Needs no database: the reviu package is framework-free.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def tambah_parser(sub) -> None:
    p = sub.add_parser("reviu", help="reviu angka LKIP (DOCX, PDF atau teks): temuan per angka")
    p.add_argument("berkas", metavar="PATH", help="LKIP berupa .docx, .pdf atau teks")
    p.add_argument("--keluar", help="folder untuk menulis hasil (bawaan: hanya dicetak)")
    p.add_argument(
        "--format",
        default="teks",
        help="daftar format dipisah koma: teks, docx, xlsx, json (bawaan teks)",
    )
    p.add_argument(
        "--pembanding",
        metavar="LALU",
        help="LKIP tahun lalu (.docx, .pdf atau teks): tabel yang tersalin darinya ditandai",
    )
    p.set_defaults(fungsi=utama)


def _galat(pesan: str) -> int:
    print(f"kinerja reviu: {pesan}", file=sys.stderr)
    return 2


def utama(args: argparse.Namespace) -> int:
    from kinerja.reviu import keluaran
    from kinerja.reviu.ekstrak import BerkasTidakTerbaca
    from kinerja.reviu.periksa import periksa_berkas

    format_ = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    salah = [f for f in format_ if f not in keluaran.FORMAT]
    if salah or not format_:
        return _galat(
            f"--format: '{args.format}' tidak dikenal; pilih dari {', '.join(keluaran.FORMAT)}"
        )
    try:
        hasil = periksa_berkas(
            Path(args.berkas), pembanding=Path(args.pembanding) if args.pembanding else None
        )
    except BerkasTidakTerbaca as e:
        return _galat(str(e))
    if "json" in format_ and not args.keluar:
        print(keluaran.json_teks(hasil))
    else:
        print(keluaran.teks(hasil))
    if args.keluar:
        dasar = Path(args.berkas).stem + "-reviu"
        for b in keluaran.tulis(hasil, Path(args.keluar), format_, dasar=dasar):
            print(b, file=sys.stderr)
    print(
        f"{len(hasil.temuan)} temuan dari {len(hasil.dokumen.tabel)} tabel; {hasil.detik:.2f} detik",
        file=sys.stderr,
    )
    return 0
