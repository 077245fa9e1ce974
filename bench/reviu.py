"""Benchmark: `kinerja reviu` on the seed report (../shared/seed text, ~150 pages, 76 tables)
and on the Jakarta Pusat 2024 LKIP Kinerja builds (DOCX and PDF, scratch database). Target:
under 10 s per report. Prints the figures; a larger "report" (the seed repeated 5×) shows
how it scales.

    .venv/bin/python bench/reviu.py
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

SEED = "000_7ac1d614aa532084.txt"


def cari_seed() -> Path | None:
    for induk in Path(__file__).resolve().parents:
        calon = induk / "shared" / "seed" / SEED
        if calon.is_file():
            return calon
    return None


def ukur(label: str, path: Path) -> float:
    from kinerja.reviu.periksa import periksa_berkas

    t = time.perf_counter()
    h = periksa_berkas(path)
    dt = time.perf_counter() - t
    print(
        f"{label}: {dt:.2f} s  (target < 10 s)  {len(h.dokumen.tabel)} tabel, "
        f"{len(h.dokumen.kalimat)} kalimat, {len(h.temuan)} temuan"
    )
    return dt


def main() -> int:
    waktu = []
    tmp = Path(tempfile.mkdtemp(prefix="kinerja-bench-reviu-"))
    seed = cari_seed()
    if seed is None:
        print(f"seed ../shared/seed/{SEED} tidak ditemukan")
    else:
        waktu.append(ukur("Seed (teks)", seed))
        besar = tmp / "seed-5x.txt"
        besar.write_text(seed.read_text(encoding="utf-8") * 5, encoding="utf-8")
        ukur("Seed 5× (teks, ~750 halaman)", besar)
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
    format_ = ["docx"] + (["pdf"] if cari_soffice() else [])
    h = bangun_lkip(org, 2024, format=format_, keluar=tmp / "lkip", reviu=False)
    for b in h.berkas:
        if b.suffix in (".docx", ".pdf"):
            waktu.append(ukur(f"LKIP dibangun ({b.suffix[1:].upper()})", b))
    if "pdf" not in format_:
        print("PDF: dilewati (soffice tidak terpasang)")
    return 0 if all(w < 10 for w in waktu) else 1


if __name__ == "__main__":
    sys.exit(main())
