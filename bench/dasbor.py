"""Benchmark of the read pages: one unit with 500 indicators × 12 monthly realisasi.

Builds the data in a throwaway database, renders the pages N times through Django's test
client (the whole stack: middleware, permissions, selectors, engine, templates, chart)
and prints median and p95 render time and the number of queries per request.

  SQLite (temporary KINERJA_DATA_DIR, removed afterwards):
    .venv/bin/python bench/dasbor.py
  PostgreSQL (creates and drops its own database `kinerja_bench` on that server):
    .venv/bin/python bench/dasbor.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Options: --indikator 500 --ulang 30 --halaman dasbor,indikator,kelengkapan
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NAMA_DB = "kinerja_bench"


def _siapkan_postgres(url: str) -> tuple[str, str]:
    """Create an empty kinerja_bench next to the given database; returns (bench url, admin url)."""
    import psycopg

    bagian = urlsplit(url)
    admin = urlunsplit(bagian._replace(path="/postgres"))
    bench = urlunsplit(bagian._replace(path=f"/{NAMA_DB}"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{NAMA_DB}"')
    return bench, admin


def _hapus_postgres(admin: str) -> None:
    import psycopg

    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')


def bangun(jumlah_indikator: int, tahun: int):
    """One kota with a PK of `jumlah_indikator` monthly indicators, every month verified,
    last year's yearly value, published figures for the reviu and monthly deadlines."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from kinerja.organisasi.models import Organisasi, Penugasan
    from kinerja.pengukuran.models import AngkaTerbit, BatasWaktu, Realisasi
    from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran

    org = Organisasi.objects.create(nama="Kota Bench", slug="kota-bench", jenis="kota_administrasi")
    user = get_user_model().objects.create_user(username="bench", password="bench-rahasia-123")
    Penugasan.objects.create(pengguna=user, organisasi=org, peran="pimpinan")
    pk = PerjanjianKinerja.objects.create(
        organisasi=org, tahun=tahun, pihak_pertama_jabatan="Wali Kota"
    )
    kelompok = ["strategis", "khusus", "operasional"]
    sasaran = Sasaran.objects.bulk_create(
        Sasaran(organisasi=org, nomor=i + 1, uraian=f"Sasaran {i + 1}", kelompok=kelompok[i % 3])
        for i in range(max(1, jumlah_indikator // 20))
    )
    cara = ["kumulatif", "rata_rata", "nilai_akhir"]
    indikator = Indikator.objects.bulk_create(
        Indikator(
            sasaran=sasaran[i % len(sasaran)],
            organisasi=org,
            nama=f"Indikator kinerja nomor {i + 1}",
            satuan="Persen",
            frekuensi="bulan",
            cara_agregasi=cara[i % 3],
            polaritas="negatif" if i % 10 == 0 else "positif",
            urutan=i,
        )
        for i in range(jumlah_indikator)
    )
    ButirPK.objects.bulk_create(
        ButirPK(pk_dokumen=pk, indikator=ind, target=Decimal(90 + i % 10), urutan=i)
        for i, ind in enumerate(indikator)
    )
    baris = []
    for i, ind in enumerate(indikator):
        for bulan in range(1, 13):
            nilai = Decimal(80 + (i * 7 + bulan * 3) % 25) + Decimal("0.37")
            if ind.cara_agregasi == "kumulatif":
                nilai = nilai / 12
            baris.append(
                Realisasi(
                    indikator=ind, organisasi=org, tahun=tahun, jenis_periode="bulan", ke=bulan,
                    nilai=nilai, status="diverifikasi",
                )
            )  # fmt: skip
        baris.append(
            Realisasi(
                indikator=ind, organisasi=org, tahun=tahun - 1, jenis_periode="tahun", ke=1,
                nilai=Decimal(85 + i % 15), status="diverifikasi",
            )
        )  # fmt: skip
    Realisasi.objects.bulk_create(baris, batch_size=2000)
    AngkaTerbit.objects.bulk_create(
        AngkaTerbit(
            organisasi=org, tahun=tahun, kunci=f"capaian_sasaran:{s.pk}", uraian=s.uraian,
            sumber="LKIP bench", nilai=Decimal("100"),
        )
        for s in sasaran
    )  # fmt: skip
    BatasWaktu.objects.bulk_create(
        BatasWaktu(organisasi=org, tahun=tahun, jenis_periode="bulan", ke=b, tanggal=dt.date(tahun, b, 28))
        for b in range(1, 13)
    )  # fmt: skip
    return org, user, indikator[0]


def ukur(client, url: str, ulang: int) -> dict:
    from django.db import connection

    for _ in range(2):  # warm-up: template loading, chart cache
        assert client.get(url).status_code == 200
    # Counted with an execute wrapper: it survives the reconnect at each request start.
    q = []
    with connection.execute_wrapper(lambda execute, sql, *a: (q.append(sql), execute(sql, *a))[1]):
        jawab = client.get(url)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        jawab = client.get(url)
        waktu.append((time.perf_counter() - mulai) * 1000)
        assert jawab.status_code == 200
    waktu.sort()
    p95 = statistics.quantiles(waktu, n=100, method="inclusive")[94] if len(waktu) > 1 else waktu[0]
    return {
        "median": statistics.median(waktu),
        "p95": p95,
        "min": waktu[0],
        "maks": waktu[-1],
        "query": len(q),
        "kb": len(jawab.content) / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--indikator", type=int, default=500)
    ap.add_argument("--ulang", type=int, default=30)
    ap.add_argument("--tahun", type=int, default=2024)
    ap.add_argument("--halaman", default="dasbor,indikator,kelengkapan")
    args = ap.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    # a throw-away key per run: settings refuse to start without one (no public default)
    os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))
    sementara = None
    admin = None
    if args.database_url:
        bench_url, admin = _siapkan_postgres(args.database_url)
        os.environ["DATABASE_URL"] = bench_url
        basis = f"PostgreSQL ({urlsplit(bench_url).hostname}/{NAMA_DB})"
    else:
        os.environ.pop("DATABASE_URL", None)
        sementara = tempfile.TemporaryDirectory(prefix="kinerja-bench-")
        os.environ["KINERJA_DATA_DIR"] = sementara.name
        basis = f"SQLite ({sementara.name})"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        call_command("migrate", verbosity=0)
        mulai = time.perf_counter()
        org, user, ind = bangun(args.indikator, args.tahun)
        print(
            f"{basis}: {args.indikator} indikator × 12 bulan dibangun dalam "
            f"{time.perf_counter() - mulai:.1f} detik; {args.ulang} kali per halaman"
        )
        client = Client()
        client.force_login(user)
        for halaman in args.halaman.split(","):
            argumen = [org.slug, args.tahun] + ([ind.pk] if halaman == "indikator" else [])
            h = ukur(client, reverse(halaman, args=argumen), args.ulang)
            print(
                f"  {halaman:12} median {h['median']:8.1f} ms  p95 {h['p95']:8.1f} ms  "
                f"min {h['min']:7.1f}  maks {h['maks']:7.1f}  {h['query']:3d} query  {h['kb']:7.0f} KB"
            )
    finally:
        connections.close_all()
        if admin:
            _hapus_postgres(admin)
        if sementara:
            sementara.cleanup()


if __name__ == "__main__":
    main()
