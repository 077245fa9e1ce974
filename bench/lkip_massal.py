"""Benchmark: the batch LKIP (issue 15, keputusan 0059) of 60 units through the real queue
worker, target under 10 minutes on a 2-core machine.

The data: the Jakarta Pusat example (the full city LKIP), the three example kota of
`contoh.kota_lain` and `--unit - 4` more generated kota of the same shape
(`contoh.kota_lain.muat_kota_buatan`: a PK of 8 indicators, verified realisasi, SKM rounds),
all kota administrasi under DKI Jakarta, in a throw-away data folder. The batch is started
like the page starts it (`mulai_massal`, queue `laporan`, database backend) and built by
`kinerja pekerja --batch` in its own process. Printed: total time, per-unit time, and where
the time goes (data selection + composition, DOCX render, XLSX, reviu, PDF conversion with
LibreOffice, the PDF tail after the last unit, ZIP).

  SQLite (temporary KINERJA_DATA_DIR, removed afterwards unless --simpan):
    .venv/bin/python bench/lkip_massal.py
  PostgreSQL (creates and drops its own database `kinerja_bench_massal` on that server):
    .venv/bin/python bench/lkip_massal.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Options: --unit 60 --format docx,pdf,xlsx --simpan
"""

from __future__ import annotations

import argparse
import os
import resource
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR / "src"))

NAMA_DB = "kinerja_bench_massal"
TARGET_DETIK = 600
FASE = ("susun", "docx", "xlsx", "reviu", "pdf")
LABEL_FASE = {
    "susun": "pemilihan data + susun bab/grafik",
    "docx": "render DOCX",
    "xlsx": "XLSX",
    "reviu": "dokumen reviu",
    "pdf": "konversi PDF (LibreOffice, bagian per dokumen)",
}


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres")).replace(
        "postgres://", "postgresql://", 1
    )


def _postgres(url: str, *, buat: bool) -> str:
    import psycopg

    with psycopg.connect(_admin_url(url), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')
        if buat:
            c.execute(f'CREATE DATABASE "{NAMA_DB}"')
    return urlunsplit(urlsplit(url)._replace(path=f"/{NAMA_DB}"))


def _siapkan_data(jumlah: int):
    from kinerja.contoh.kota_lain import KOTA, muat_kota_buatan, muat_kota_lain
    from kinerja.contoh.muat import muat_contoh
    from kinerja.organisasi.models import Organisasi

    muat_contoh("jakarta-pusat")
    muat_kota_lain()
    muat_kota_buatan(max(jumlah - 1 - len(KOTA), 0))
    return Organisasi.objects.get(slug="dki-jakarta")


def _pantau(p, pekerja: subprocess.Popen, mulai: float) -> None:
    from kinerja.lkip.models import STATUS_AKTIF, PekerjaanMassal

    terakhir = None
    while True:
        p = PekerjaanMassal.objects.get(pk=p.pk)
        if p.langkah != terakhir:
            print(f"  {time.perf_counter() - mulai:6.1f} s  {p.langkah}", flush=True)
            terakhir = p.langkah
        if p.status not in STATUS_AKTIF:
            return
        if pekerja.poll() is not None:
            raise SystemExit(
                f"pekerja antrean berhenti (kode {pekerja.returncode}) sebelum selesai"
            )
        time.sleep(2)


def _ringkas(nilai: list[float]) -> str:
    if not nilai:
        return "-"
    return (
        f"median {statistics.median(nilai):5.1f}  rata-rata {statistics.fmean(nilai):5.1f}  "
        f"maks {max(nilai):5.1f}"
    )


def _laporan(p, dinding: float, cpu: float) -> bool:
    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    baris = list(PekerjaanLkip.objects.filter(massal=p).select_related("organisasi"))
    n = len(baris)
    gagal = [b for b in baris if b.status != StatusPekerjaan.SELESAI]
    print(
        f"\nTotal {dinding:.1f} s untuk {n} unit (target < {TARGET_DETIK} s): "
        f"{dinding / max(n, 1):.1f} s per unit; {n - len(gagal)} selesai, {len(gagal)} gagal"
    )
    for b in gagal[:5]:
        print(f"  gagal {b.organisasi.slug}: {b.pesan.splitlines()[0] if b.pesan else ''}")
    print(f"Per unit (detik, {n} unit):")
    for k in FASE:
        print(f"  {LABEL_FASE[k]:48} {_ringkas([b.waktu[k] for b in baris if k in b.waktu])}")
    print(f"  {'total per unit':48} {_ringkas([b.waktu.get('total', 0) for b in baris])}")
    jp = next((b for b in baris if b.organisasi.slug == "jakarta-pusat"), None)
    if jp:
        print(
            "  Jakarta Pusat (LKIP kota lengkap): "
            + ", ".join(f"{k} {v:.1f}" for k, v in jp.waktu.items())
        )
    w = p.waktu
    python = sum(w.get(k, 0) for k in ("susun", "docx", "xlsx", "reviu"))
    print("Ke mana waktunya (jumlah seluruh unit, detik):")
    for k in FASE:
        print(
            f"  {LABEL_FASE[k]:48} {w.get(k, 0):7.1f}  ({100 * w.get(k, 0) / dinding:5.1f}% dinding)"
        )
    print(f"  {'bagian Python (proses pekerja, berurutan)':48} {python:7.1f}")
    print(f"  {'ekor PDF setelah unit terakhir':48} {w.get('pdf_tunggu', 0):7.1f}")
    print(f"  {'ZIP + manifest':48} {w.get('zip', 0):7.1f}")
    print(f"  {'pekerjaan (di pekerja, tanpa start pekerja)':48} {w.get('total', 0):7.1f}")
    print(f"  {'start pekerja + antrean':48} {dinding - w.get('total', 0):7.1f}")
    print(
        f"CPU pekerja + LibreOffice {cpu:.0f} s ({cpu / max(n, 1):.1f} s per unit): pada 2 inti "
        f"yang tidak dipakai proses lain paling cepat ±{cpu / 2:.0f} s"
    )
    zpath = Path(p.folder) / p.zip
    with zipfile.ZipFile(zpath) as z:
        isi = z.namelist()
    print(
        f"ZIP {zpath.stat().st_size / 1e6:.1f} MB, {len(isi)} berkas "
        f"({sum(x.endswith('.pdf') for x in isi)} PDF)"
    )
    return dinding < TARGET_DETIK and not gagal


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--unit", type=int, default=60)
    ap.add_argument("--format", default="docx,pdf,xlsx")
    ap.add_argument("--simpan", action="store_true", help="jangan hapus folder data sementara")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kinerja-bench-massal-"))
    os.environ["KINERJA_DATA_DIR"] = str(tmp)
    os.environ["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
    # a throw-away key per run: settings refuse to start without one (no public default)
    os.environ["KINERJA_SECRET_KEY"] = "bench-" + secrets.token_urlsafe(50)
    os.environ["KINERJA_KUNCI_SIDIK"] = "bench-sidik-" + secrets.token_urlsafe(50)
    os.environ.pop("KINERJA_ANTREAN", None)  # the database queue, as deployed
    if args.database_url:
        os.environ["DATABASE_URL"] = _postgres(args.database_url, buat=True)
        basis = f"PostgreSQL ({NAMA_DB})"
    else:
        os.environ.pop("DATABASE_URL", None)
        basis = f"SQLite ({tmp})"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    from kinerja.lkip.massal import mulai_massal
    from kinerja.lkip.pdf import cari_soffice

    pekerja = None
    try:
        call_command("migrate", interactive=False, verbosity=0)
        t = time.perf_counter()
        induk = _siapkan_data(args.unit)
        print(
            f"{basis}: data {args.unit} unit dimuat dalam {time.perf_counter() - t:.1f} s; "
            f"{os.cpu_count()} inti, beban {os.getloadavg()[0]:.1f}; "
            f"soffice {'ada' if cari_soffice() else 'TIDAK ADA'}",
            flush=True,
        )
        mulai = time.perf_counter()
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = mulai_massal(
            induk=induk,
            tahun=2024,
            format=[f for f in args.format.split(",") if f],
            jenis=["kota_administrasi"],
            aktor=None,
        )  # autocommit: queued at once (on_commit)
        connections.close_all()  # the worker is another process
        pekerja = subprocess.Popen(
            [str(AKAR / ".venv" / "bin" / "kinerja"), "pekerja", "--batch", "--interval", "0.2"],
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
        )
        _pantau(p, pekerja, mulai)
        dinding = time.perf_counter() - mulai
        pekerja.wait(timeout=60)
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker and its soffice runs
        cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
        p.refresh_from_db()
        print(f"beban akhir {os.getloadavg()[0]:.1f}")
        return 0 if _laporan(p, dinding, cpu) else 1
    finally:
        if pekerja is not None and pekerja.poll() is None:
            pekerja.terminate()
        connections.close_all()
        if args.database_url:
            _postgres(args.database_url, buat=False)
        if args.simpan:
            print(f"data disimpan di {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
