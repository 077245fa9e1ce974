"""Benchmark of the monev reads: the completeness board and the early-warning list for
60 units × 20 monthly indicators × 12 months (issue 17, keputusan 0051/0052).

Builds the data in a throwaway database, then times the selectors (`monev.pemilih.papan`,
`peringatan_dini`) and the pages/endpoints that show them (kelengkapan page, the two API
endpoints) through Django's test client, printing median/p95 and the number of queries.

  SQLite (temporary KINERJA_DATA_DIR, removed afterwards):
    .venv/bin/python bench/monev.py
  PostgreSQL (creates and drops its own database `kinerja_bench_monev` on that server):
    .venv/bin/python bench/monev.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Options: --unit 60 --indikator 20 --ulang 15
"""

from __future__ import annotations

import argparse
import datetime as dt
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

NAMA_DB = "kinerja_bench_monev"
TAHUN = 2025
HARI = dt.date(2025, 10, 15)  # a year in progress: January-September due


def _siapkan_postgres(url: str) -> tuple[str, str]:
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


def bangun(n_unit: int, n_indikator: int):
    """A kota with `n_unit` kelurahan, each with a PK of `n_indikator` monthly indicators
    (the three aggregation rules in turn) and realisasi January-September in mixed states
    (some months missing, drafts, submitted, verified)."""
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.models import Organisasi, Penugasan
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran

    kota = Organisasi.objects.create(
        nama="Kota Bench", slug="kota-bench", jenis="kota_administrasi"
    )
    user = get_user_model().objects.create_user(username="bench", password="bench-rahasia-123")
    Penugasan.objects.create(pengguna=user, organisasi=kota, peran="pimpinan")
    cara = ["kumulatif", "rata_rata", "nilai_akhir"]
    status = ["diverifikasi", "diverifikasi", "diajukan", "draft"]
    baris = []
    for u in range(n_unit):
        org = Organisasi.objects.create(
            nama=f"Kelurahan {u + 1}", slug=f"kel-{u + 1}", jenis="kelurahan", induk=kota
        )
        sasaran = Sasaran.objects.create(organisasi=org, nomor=1, uraian="Sasaran")
        pk = PerjanjianKinerja.objects.create(
            organisasi=org, tahun=TAHUN, pihak_pertama_jabatan="Lurah"
        )
        ind = Indikator.objects.bulk_create(
            Indikator(
                sasaran=sasaran, organisasi=org, nama=f"Indikator {i + 1}", frekuensi="bulan",
                cara_agregasi=cara[i % 3], urutan=i,
            )
            for i in range(n_indikator)
        )  # fmt: skip
        ButirPK.objects.bulk_create(
            ButirPK(pk_dokumen=pk, indikator=x, target=Decimal(1000 if x.cara_agregasi == "kumulatif" else 90), urutan=i)
            for i, x in enumerate(ind)
        )  # fmt: skip
        for i, x in enumerate(ind):
            for bulan in range(1, 13):
                if bulan > 9 or (u + i + bulan) % 11 == 0:
                    continue  # months not yet (or never) entered
                nilai = Decimal(75 + (u * 3 + i * 7 + bulan * 5) % 25)
                baris.append(
                    Realisasi(
                        indikator=x, organisasi=org, tahun=TAHUN, jenis_periode="bulan", ke=bulan,
                        nilai=nilai, status=status[(u + i + bulan) % 4] if bulan >= 7 else "diverifikasi",
                    )
                )  # fmt: skip
    Realisasi.objects.bulk_create(baris, batch_size=2000)
    return kota, user, len(baris)


def _hitung_kueri(fungsi):
    from django.db import connection

    q = []
    with connection.execute_wrapper(lambda execute, sql, *a: (q.append(sql), execute(sql, *a))[1]):
        hasil = fungsi()
    return hasil, len(q)


def ukur(fungsi, ulang: int) -> dict:
    fungsi()  # warm-up
    _hasil, kueri = _hitung_kueri(fungsi)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    waktu.sort()
    p95 = statistics.quantiles(waktu, n=100, method="inclusive")[94] if len(waktu) > 1 else waktu[0]
    return {"median": statistics.median(waktu), "p95": p95, "maks": waktu[-1], "query": kueri}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--unit", type=int, default=60)
    ap.add_argument("--indikator", type=int, default=20)
    ap.add_argument("--ulang", type=int, default=15)
    args = ap.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))
    sementara = admin = None
    if args.database_url:
        bench_url, admin = _siapkan_postgres(args.database_url)
        os.environ["DATABASE_URL"] = bench_url
        basis = f"PostgreSQL ({urlsplit(bench_url).hostname}/{NAMA_DB})"
    else:
        os.environ.pop("DATABASE_URL", None)
        sementara = tempfile.TemporaryDirectory(prefix="kinerja-bench-monev-")
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
        kota, user, n_real = bangun(args.unit, args.indikator)
        print(
            f"{basis}: {args.unit} unit × {args.indikator} indikator × 12 bulan "
            f"({n_real} realisasi) dibangun dalam {time.perf_counter() - mulai:.1f} detik; "
            f"{args.ulang} kali per ukuran"
        )
        from kinerja.monev import pemilih
        from kinerja.organisasi.models import Organisasi

        units = list(Organisasi.objects.filter(jalur__startswith=kota.jalur).order_by("jalur"))
        client = Client()
        client.force_login(user)

        def halaman(url):
            def f():
                r = client.get(url)
                assert r.status_code == 200, r.status_code

            return f

        ukuran = {
            "papan (pemilih)": lambda: pemilih.papan(units, TAHUN, "bulan", HARI),
            "peringatan dini (pemilih)": lambda: pemilih.peringatan_dini(units, TAHUN, HARI),
            "halaman kelengkapan": halaman(reverse("kelengkapan", args=[kota.slug, TAHUN])),
            "API kelengkapan": halaman(f"/api/organisasi/{kota.slug}/{TAHUN}/kelengkapan"),
            "API peringatan-dini": halaman(f"/api/organisasi/{kota.slug}/{TAHUN}/peringatan-dini"),
        }
        papan = pemilih.papan(units, TAHUN, "bulan", HARI)
        berisiko = sum(b.hasil.berisiko for b in pemilih.peringatan_dini(units, TAHUN, HARI))
        print(
            f"  papan: {len(papan)} unit × {len(papan[0].sel)} bulan; {berisiko} indikator berisiko"
        )
        for nama, f in ukuran.items():
            h = ukur(f, args.ulang)
            print(
                f"  {nama:28} median {h['median']:8.1f} ms  p95 {h['p95']:8.1f} ms  "
                f"maks {h['maks']:8.1f} ms  {h['query']:3d} query"
            )
    finally:
        connections.close_all()
        if admin:
            _hapus_postgres(admin)
        if sementara:
            sementara.cleanup()


if __name__ == "__main__":
    main()
