"""Benchmark: build the Jakarta Pusat 2024 LKIP to DOCX+XLSX (target < 20 s) and to PDF
(target < 60 s) on a scratch database, and print the figures.

    .venv/bin/python bench/lkip.py
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="kinerja-bench-lkip-"))
    os.environ["KINERJA_DATA_DIR"] = str(tmp)  # scratch SQLite unless DATABASE_URL is set
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    # a throw-away key per run: settings refuse to start without one (no public default)
    os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))
    import django

    django.setup()
    from django.core.management import call_command

    from kinerja.contoh.muat import muat_contoh
    from kinerja.lkip.layanan import bangun_lkip
    from kinerja.lkip.pdf import cari_soffice
    from kinerja.organisasi.models import Organisasi

    call_command("migrate", interactive=False, verbosity=0)
    muat_contoh("jakarta-pusat")
    org = Organisasi.objects.get(slug="jakarta-pusat")

    t = time.perf_counter()
    h = bangun_lkip(org, 2024, format=["docx", "xlsx"], keluar=tmp / "a")
    dt1 = time.perf_counter() - t
    print(
        f"DOCX+XLSX (+reviu): {dt1:.1f} s  (target < 20 s)  "
        f"{len(h.dokumen.tabel)} tabel, {len(h.dokumen.grafik)} grafik"
    )
    if not cari_soffice():
        print("PDF: dilewati (soffice tidak terpasang)")
        return 0 if dt1 < 20 else 1
    t = time.perf_counter()
    h = bangun_lkip(org, 2024, format=["docx", "pdf", "xlsx"], keluar=tmp / "b")
    dt2 = time.perf_counter() - t
    pdf = next(b for b in h.berkas if b.suffix == ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    halaman = next((b.split()[1] for b in info.splitlines() if b.startswith("Pages:")), "?")
    print(f"DOCX+PDF+XLSX (+reviu): {dt2:.1f} s  (target < 60 s)  PDF {halaman} halaman")
    for c in h.catatan:
        print(f"  catatan: {c}")
    return 0 if dt1 < 20 and dt2 < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
