"""Benchmark of the budget pages and selectors for a unit with 50 programs, 100 kegiatan,
500 sub kegiatan and 12 months; prints time and query count per page (no assertions).

Run: .venv/bin/python bench/anggaran.py   (DATABASE_URL=postgres://... for PostgreSQL)
Uses a throw-away test database, like the test suite.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
# a throw-away key per run: settings refuse to start without one (no public default)
os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402

ULANG = 5


def main() -> None:
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    # Own test database name, so a concurrent test run on the same server is not clobbered.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = "test_kinerja_bench_anggaran"
    nama_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from kinerja.anggaran import pemilih
        from tests import pabrik
        from tests.anggaran.bangun import unit_besar

        mulai = time.perf_counter()
        org = unit_besar(pabrik.organisasi("Unit Besar", "kota_administrasi", slug="besar"))
        print(
            f"basis data: {connection.vendor}; membangun data: {time.perf_counter() - mulai:.2f} s"
        )
        user = pabrik.pengguna("adm", ("admin", org))
        client = Client()
        client.force_login(user)

        mulai = time.perf_counter()
        for _ in range(ULANG):
            with CaptureQueriesContext(connection) as q:
                h = pemilih.anggaran(org, 2024)
        ms = (time.perf_counter() - mulai) * 1000 / ULANG
        print(
            f"{'pemilih.anggaran (Tabel 67-74, NKA)':40} {ms:9.1f} ms  {len(q):3d} kueri  NKA {h.nka.nilai_kinerja_anggaran:.2f}"
        )
        for nama in ("dasbor", "nka", "galat", "isian", "ekspor", "templat"):
            url = reverse(f"anggaran:{nama}", args=[org.slug, 2024])
            mulai = time.perf_counter()
            for _ in range(ULANG):
                with CaptureQueriesContext(connection) as q:
                    r = client.get(url)
            ms = (time.perf_counter() - mulai) * 1000 / ULANG
            print(
                f"{'GET ' + url:40} {ms:9.1f} ms  {len(q):3d} kueri  {len(r.content) // 1024:5d} KB  HTTP {r.status_code}"
            )
    finally:
        connection.creation.destroy_test_db(nama_db, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
