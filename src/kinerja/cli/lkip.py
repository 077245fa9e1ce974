"""`kinerja lkip`: build the LKIP of an organisation and year into a folder.

    kinerja lkip --organisasi jakarta-pusat --tahun 2024 --format docx,pdf,xlsx --keluar DIR

Writes LKIP-<slug>-<tahun>.{docx,pdf,xlsx} and LKIP-<slug>-<tahun>-reviu.docx. A missing
LibreOffice skips the PDF with a message (exit code 0 when the other files were written).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def tambah_parser(sub) -> None:
    p = sub.add_parser("lkip", help="bangun LKIP (DOCX, PDF, XLSX) beserta dokumen reviunya")
    p.add_argument("--organisasi", help="slug organisasi, mis. jakarta-pusat")
    p.add_argument("--tahun", type=int, help="tahun laporan, mis. 2024")
    p.add_argument(
        "--format",
        default="docx,pdf,xlsx",
        help="daftar format dipisah koma (bawaan docx,pdf,xlsx)",
    )
    p.add_argument("--keluar", help="folder tujuan (bawaan KINERJA_DATA_DIR/lkip)")
    p.add_argument(
        "--templat", help="templat .docx (bawaan: templat organisasi atau templat Kinerja)"
    )
    p.add_argument(
        "--templat-bawaan",
        metavar="BERKAS",
        help="tulis templat .docx bawaan ke BERKAS lalu keluar",
    )
    p.add_argument(
        "--cek-templat", metavar="BERKAS", help="periksa field templat .docx lalu keluar"
    )
    p.set_defaults(fungsi=utama)


def _galat(pesan: str) -> int:
    print(f"kinerja lkip: {pesan}", file=sys.stderr)
    return 2


def utama(args: argparse.Namespace) -> int:
    if args.templat_bawaan:
        from kinerja.lkip.templat import buat_templat_bawaan

        print(buat_templat_bawaan(Path(args.templat_bawaan)))
        return 0
    if args.cek_templat:
        from kinerja.lkip.cek_templat import cek_templat

        hasil = cek_templat(args.cek_templat)
        if hasil.baik:
            print("Templat dapat dipakai.")
            return 0
        for p in hasil.pesan():
            print(p, file=sys.stderr)
        return 1
    if not args.organisasi or not args.tahun:
        return _galat(
            "--organisasi dan --tahun wajib diisi (mis. --organisasi jakarta-pusat --tahun 2024)"
        )
    format_ = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from kinerja.lkip.layanan import FORMAT, bangun_lkip
    from kinerja.organisasi.models import Organisasi

    salah = [f for f in format_ if f not in FORMAT]
    if salah or not format_:
        return _galat(f"--format: '{args.format}' tidak dikenal; pilih dari {', '.join(FORMAT)}")
    org = Organisasi.objects.filter(slug=args.organisasi).first()
    if org is None:
        return _galat(f"--organisasi: tidak ada organisasi dengan slug '{args.organisasi}'")
    if args.templat and not Path(args.templat).is_file():
        return _galat(f"--templat: berkas '{args.templat}' tidak ditemukan")
    mulai = time.monotonic()

    def kemajuan(persen, langkah):
        print(f"[{persen:3d}%] {langkah}", file=sys.stderr, flush=True)

    hasil = bangun_lkip(
        org,
        args.tahun,
        format=format_,
        keluar=Path(args.keluar) if args.keluar else None,
        templat=Path(args.templat) if args.templat else None,
        kemajuan=kemajuan,
    )
    for b in hasil.berkas:
        print(b)
    for c in hasil.catatan:
        print(f"catatan: {c}", file=sys.stderr)
    print(
        f"{len(hasil.dokumen.tabel)} tabel, {len(hasil.dokumen.grafik)} grafik, "
        f"{len(hasil.dokumen.temuan)} temuan reviu; {time.monotonic() - mulai:.1f} detik",
        file=sys.stderr,
    )
    return 0
