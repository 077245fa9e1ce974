"""Benchmark of the LKE: a province of 60 units, each with a full worksheet (57 criteria of
LKE 88/2021 answered and reviewed, 2 evidence links per answer), scored through the engine
and its recap page rendered; also one worksheet page. Prints time and query count.

Run: .venv/bin/python bench/evaluasi.py   (DATABASE_URL=postgres://... for PostgreSQL)
Uses a throw-away test database, like the test suite. Targets (issue 12): recap page < 1 s,
scoring all 60 < 2 s, bounded queries.
"""

from __future__ import annotations

import os
import random
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

UNIT = 60
ULANG = 3


def bangun():
    from kinerja.evaluasi.models import BuktiJawaban, Jawaban, LembarKerja
    from kinerja.evaluasi.versi import muat_versi, struktur
    from tests import pabrik

    prov = pabrik.organisasi("Provinsi Bench", "provinsi", slug="prov-bench")
    versi = muat_versi()
    kriteria = struktur(versi).kriteria()
    acak = random.Random(12)
    lembar = [
        LembarKerja(
            organisasi=pabrik.organisasi(f"Unit {i:02d}", "kota_administrasi", prov),
            tahun=2024,
            versi=versi,
            status="final",
        )
        for i in range(UNIT)
    ]
    LembarKerja.objects.bulk_create(lembar)
    jawaban = []
    for x in lembar:
        for kode, kr in kriteria.items():
            jawaban.append(
                Jawaban(
                    lembar=x,
                    kode=kode,
                    nilai_usulan=acak.choice(kr.skala[:2]),
                    nilai_penetapan=acak.choice(("", "", kr.skala[-1])),
                    alasan_penetapan="alasan",
                    ditinjau=True,
                )
            )
    Jawaban.objects.bulk_create(jawaban, batch_size=2000)
    bukti = []
    for j in Jawaban.objects.all().only("pk"):
        bukti.append(BuktiJawaban(jawaban=j, jenis="nka", objek_id=2024, label="NKA 2024"))
        bukti.append(BuktiJawaban(jawaban=j, jenis="berkas", label="bukti.pdf"))
    BuktiJawaban.objects.bulk_create(bukti, batch_size=2000)
    return prov, lembar, len(jawaban), len(bukti)


def main() -> None:
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["*"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = "test_kinerja_bench_evaluasi"
    nama_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from kinerja.evaluasi import pemilih
        from kinerja.evaluasi.models import LembarKerja
        from tests import pabrik

        mulai = time.perf_counter()
        prov, lembar, n_jawaban, n_bukti = bangun()
        print(
            f"basis data: {connection.vendor}; {UNIT} unit, {n_jawaban} jawaban, {n_bukti} "
            f"tautan bukti; membangun data: {time.perf_counter() - mulai:.2f} s"
        )
        mulai = time.perf_counter()
        for _ in range(ULANG):
            with CaptureQueriesContext(connection) as q:
                hasil = pemilih.rekap_lembar(LembarKerja.objects.filter(tahun=2024))
        ms = (time.perf_counter() - mulai) * 1000 / ULANG
        rata = sum(h["penetapan"].total for h in hasil) / len(hasil)
        print(
            f"{'skor 60 lembar (rekap_lembar)':44} {ms:9.1f} ms  {len(q):3d} kueri  "
            f"rata-rata penetapan {rata:.2f}"
        )
        user = pabrik.pengguna("adm", ("admin", prov))
        client = Client()
        client.force_login(user)
        for url in (
            "/evaluasi/prov-bench/lke/2024/rekap/",
            f"/evaluasi/{lembar[0].organisasi.slug}/lke/2024/",
        ):
            client.get(url)  # warm caches (version structure, templates)
            mulai = time.perf_counter()
            for _ in range(ULANG):
                with CaptureQueriesContext(connection) as q:
                    r = client.get(url)
            ms = (time.perf_counter() - mulai) * 1000 / ULANG
            print(
                f"{'GET ' + url:44} {ms:9.1f} ms  {len(q):3d} kueri  "
                f"{len(r.content) // 1024:5d} KB  HTTP {r.status_code}"
            )
    finally:
        connection.creation.destroy_test_db(nama_db, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
