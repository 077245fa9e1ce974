"""Benchmark: import a 100,000-row XLSX of SKM responses (dry-run, then apply).

Prints file size, the dry-run time, the apply time and the rows stored. Uses a throwaway
SQLite database (temporary KINERJA_DATA_DIR) unless --postgres, which creates and drops
kinerja_bench_impor next to DATABASE_URL's server.

    .venv/bin/python bench/survei_impor.py [--baris 100000] [--postgres]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]


def buat_xlsx(baris: int, seed: int = 7) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Respon")
    ws.append(
        [f"F{i}" for i in range(1, 10)]
        + ["jenis_kelamin", "usia", "pendidikan", "pekerjaan", "saran"]
    )
    rng = random.Random(seed)
    for _ in range(baris):
        ws.append(
            [rng.choice((3, 4, 4, 4)) for _ in range(9)]
            + [
                rng.choice("PL"),
                rng.choice(("17-25", "26-35", "36-45")),
                rng.choice(("sma", "s1")),
                rng.choice(("swasta", "pns", "wirausaha")),
                "",
            ]
        )
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baris", type=int, default=100_000)
    ap.add_argument("--postgres", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(AKAR / "src"))
    os.environ["KINERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="kinerja-bench-impor-")
    url_admin = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if a.postgres:
        import psycopg

        dasar = url_admin.rsplit("/", 1)[0]
        with psycopg.connect(url_admin, autocommit=True) as c:
            c.execute("DROP DATABASE IF EXISTS kinerja_bench_impor")
            c.execute("CREATE DATABASE kinerja_bench_impor")
        os.environ["DATABASE_URL"] = f"{dasar}/kinerja_bench_impor"
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
    # a throw-away key per run: settings refuse to start without one (no public default)
    os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.db import connection

    from kinerja.organisasi.models import Organisasi, Penugasan
    from kinerja.survei.impor import impor_respon
    from kinerja.survei.kuesioner import kuesioner_baku
    from kinerja.survei.models import PutaranSurvei, Respon

    try:
        from django.contrib.auth import get_user_model

        kota = Organisasi.objects.create(
            nama="Kota Bench", slug="kota-bench", jenis="kota_administrasi"
        )
        kel = Organisasi.objects.create(
            nama="Kel Bench", slug="kel-bench", jenis="kelurahan", induk=kota
        )
        op = get_user_model().objects.create_user("op-bench", password="x-bench-123")
        Penugasan.objects.create(pengguna=op, organisasi=kel, peran="operator")
        k = kuesioner_baku("skm")
        putaran = PutaranSurvei.objects.create(
            kuesioner=k,
            organisasi=kel,
            layanan=k.layanan.first(),
            jenis_periode="tahun",
            tahun=2024,
            populasi=200000,
        )
        t = time.perf_counter()
        isi = buat_xlsx(a.baris)
        buat = time.perf_counter() - t
        t = time.perf_counter()
        uji = impor_respon(
            putaran=putaran, isi=isi, nama_berkas="bench.xlsx", aktor=op, jalankan=False
        )
        kering = time.perf_counter() - t
        t = time.perf_counter()
        hasil = impor_respon(
            putaran=putaran, isi=isi, nama_berkas="bench.xlsx", aktor=op, jalankan=True
        )
        terap = time.perf_counter() - t
        tersimpan = Respon.objects.filter(putaran=putaran).count()
        print(
            f"{connection.vendor:10s} baris={a.baris:,} berkas={len(isi) / 1048576:.1f} MB "
            f"(dibuat {buat:.1f}s) dry-run={kering:.1f}s galat={len(uji.galat)} "
            f"terapkan={terap:.1f}s disimpan={hasil.disimpan:,} di_basis_data={tersimpan:,}"
        )
    finally:
        if a.postgres:
            connection.close()
            import psycopg

            with psycopg.connect(url_admin, autocommit=True) as c:
                c.execute("DROP DATABASE IF EXISTS kinerja_bench_impor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
