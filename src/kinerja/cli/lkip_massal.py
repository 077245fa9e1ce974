"""`kinerja lkip-massal`: the LKIP of every unit below a parent unit, one ZIP (keputusan 0059).

    kinerja lkip-massal dki-jakarta 2024 [--keluar LKIP.zip] [--format docx,pdf,xlsx]
                        [--jenis kelurahan,kecamatan] [--antre [--tanpa-tunggu]]

By default the batch runs in this process (the same `jalankan_massal` the queue worker runs);
`--antre` puts it on the `laporan` queue for `kinerja pekerja` and follows it. Either way one
line per unit as it ends goes to stderr and the ZIP's path to stdout. Exit code 0 when at
least one unit was built, 1 when every unit failed, 2 for a wrong argument.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

JEDA_PANTAU = 1.0  # seconds between looks at the queued job's rows


def tambah_parser(sub) -> None:
    p = sub.add_parser(
        "lkip-massal",
        help="bangun LKIP semua unit di bawah satu induk (satu ZIP dengan manifest)",
        description="Bangun LKIP setiap unit di bawah unit induk (provinsi, kota) sekaligus: "
        "kemajuan per unit dan satu ZIP berisi berkas setiap unit beserta manifest.",
    )
    p.add_argument("induk", help="slug unit induk, mis. dki-jakarta atau jakarta-pusat")
    p.add_argument("tahun", type=int, help="tahun laporan, mis. 2024")
    p.add_argument("--keluar", metavar="BERKAS.zip", help="salin ZIP ke sini (bawaan: di DATA_DIR)")
    p.add_argument("--format", default="docx,pdf,xlsx", help="bawaan docx,pdf,xlsx")
    p.add_argument(
        "--jenis", default="", help="hanya unit berjenis ini, dipisah koma (mis. kelurahan)"
    )
    p.add_argument(
        "--antre",
        action="store_true",
        help="masukkan ke antrean 'laporan' (dikerjakan `kinerja pekerja`) dan pantau",
    )
    p.add_argument(
        "--tanpa-tunggu",
        action="store_true",
        help="dengan --antre: keluar setelah masuk antrean, tanpa memantau",
    )
    p.set_defaults(fungsi=utama)


def _galat(pesan: str) -> int:
    print(f"kinerja lkip-massal: {pesan}", file=sys.stderr)
    return 2


def baris_kemajuan(b, selesai: int, total: int) -> str:
    """One unit's line: position, slug, status, seconds (and per phase) or the reason."""
    lebar = len(str(total))
    kepala = f"[{selesai:{lebar}d}/{total}] {b.organisasi.slug}"
    if b.status != "selesai":
        return f"{kepala}: gagal: {(b.pesan or 'tanpa alasan').splitlines()[0]}"
    fase = ", ".join(f"{k} {v:.1f}" for k, v in b.waktu.items() if k != "total")
    return f"{kepala}: selesai {b.waktu.get('total', 0):.1f} s ({fase}); {len(b.berkas)} berkas"


def utama(args: argparse.Namespace) -> int:
    if args.tanpa_tunggu and not args.antre:
        return _galat("--tanpa-tunggu hanya bersama --antre")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import django

    django.setup()
    from kinerja.lkip import massal
    from kinerja.lkip.models import PekerjaanMassal, StatusPekerjaan
    from kinerja.organisasi.models import Organisasi

    induk = Organisasi.objects.filter(slug=args.induk).first()
    if induk is None:
        return _galat(f"tidak ada unit dengan slug '{args.induk}'")
    format_ = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    jenis = [j.strip() for j in args.jenis.split(",") if j.strip()]
    keluar = Path(args.keluar) if args.keluar else None
    if keluar is not None and keluar.suffix.lower() != ".zip":
        return _galat(f"--keluar: '{keluar}' harus berakhiran .zip")

    def cetak(b, selesai: int, total: int) -> None:
        print(baris_kemajuan(b, selesai, total), file=sys.stderr, flush=True)

    n = massal.unit_bawahan(induk, jenis or None).count()
    print(f"LKIP massal {induk.nama} {args.tahun}: {n} unit", file=sys.stderr, flush=True)
    mulai = time.monotonic()
    try:
        p = massal.mulai_massal(
            induk=induk,
            tahun=args.tahun,
            format=format_,
            jenis=jenis or None,
            aktor=None,  # the command line has no logged-in user; dibuat_oleh stays empty
            latar=args.antre,
            kemajuan=cetak,
        )
    except massal.MassalBerjalan as e:
        print(f"kinerja lkip-massal: {e}", file=sys.stderr)
        return 1
    except ValueError as e:
        return _galat(str(e))
    if args.antre:
        if args.tanpa_tunggu:
            print(
                f"Masuk antrean 'laporan' (pekerjaan #{p.pk}); jalankan `kinerja pekerja` dan "
                f"pantau di /lkip/massal/{induk.slug}/{args.tahun}/.",
                file=sys.stderr,
            )
            return 0
        p = _pantau(p, cetak)
    p = PekerjaanMassal.objects.get(pk=p.pk)
    for c in filter(None, p.pesan.splitlines()):
        print(f"catatan: {c}", file=sys.stderr)
    if not p.zip:
        print(f"kinerja lkip-massal: tidak ada ZIP ({p.langkah})", file=sys.stderr)
        return 1
    zip_path = Path(p.folder) / p.zip
    if keluar is not None:
        keluar.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(zip_path, keluar)
        zip_path = keluar
    print(
        f"{p.langkah}; {time.monotonic() - mulai:.1f} detik ({_per_fase(p.waktu)})",
        file=sys.stderr,
    )
    print(zip_path)
    return 1 if p.status == StatusPekerjaan.GAGAL else 0


def _per_fase(waktu: dict) -> str:
    return ", ".join(f"{k} {v:.1f} s" for k, v in waktu.items())


def _pantau(p, cetak):
    """Follow a queued job from its rows: one line per unit as it ends, until it ends."""
    from kinerja.lkip.models import STATUS_AKTIF, PekerjaanMassal

    dilaporkan: set[int] = set()
    while True:
        p = PekerjaanMassal.objects.get(pk=p.pk)
        baris = list(p.unit.select_related("organisasi").order_by("selesai_pada", "pk"))
        for b in baris:
            if b.status not in STATUS_AKTIF and b.pk not in dilaporkan:
                dilaporkan.add(b.pk)
                cetak(b, len(dilaporkan), len(baris))
        if p.status not in STATUS_AKTIF:
            return p
        _tunggu(JEDA_PANTAU)


def _tunggu(detik: float) -> None:  # a seam: the test runs the worker here
    time.sleep(detik)
