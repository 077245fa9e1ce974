"""Benchmark: aggregate N survey responses (× 9 answers) into per-unit, per-unsur IKM.

Runs on a throwaway database (a temporary SQLite file, and a temporary PostgreSQL database
created next to DATABASE_URL's and dropped afterwards), loads N responses with COPY
(PostgreSQL) or executemany (SQLite), rejects 0.1 % of them, then times in the same run:
- rekap: `layanan.rekap_bangun_ulang`, one GROUP BY over all answers into RekapJawaban
  (the app keeps it up to date as answers arrive; the bulk COPY here bypasses the writers);
- SQL path (what the results pages run): pemilih.hasil_putaran = GROUP BY over
  RekapJawaban minus the answers of the non-valid responses, GROUP BY putaran on Respon
  for n, the engine per putaran;
- SQL scan: the same totals by one GROUP BY over the 9 N answers themselves (the path of
  filtered views, e.g. by a demographic value), then the engine;
- Python loop: fetch the same valid answers row by row and sum them in dicts, then the
  same engine calls.
All three must give the same IKM. Targets (issue 4): SQL path < 3 s at 1,000,000
responses, ≥ 10× the loop; the scan and the recount are printed beside it so the price of
the count table is visible (docs/keputusan/0020-rekap-jawaban.md).

    .venv/bin/python bench/survei_agregasi.py                 # SQLite and PostgreSQL
    .venv/bin/python bench/survei_agregasi.py --mesin sqlite --responden 100000
PostgreSQL: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names the
server; the benchmark database is kinerja_bench_<pid>.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
NULL = "\\N"  # COPY text format


def _siapkan_django():
    sys.path.insert(0, str(AKAR / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    # a throw-away key per run: settings refuse to start without one (no public default)
    os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", "bench-sidik-" + secrets.token_urlsafe(50))
    import kinerja.settings as s

    if "kinerja.survei" not in s.INSTALLED_APPS:  # until the app is in settings.py
        s.INSTALLED_APPS.append("kinerja.survei")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _muat(n: int, unit: int, seed: int = 1) -> tuple[float, object]:
    from django.db import connection, transaction

    from kinerja.organisasi.models import Organisasi
    from kinerja.survei.kuesioner import kuesioner_baku
    from kinerja.survei.models import PutaranSurvei

    k = kuesioner_baku("skm")
    butir = list(k.butir.order_by("urutan").values_list("pk", flat=True))
    lay = k.layanan.first()
    kota = Organisasi.objects.create(
        nama="Kota Bench", slug="kota-bench", jenis="kota_administrasi"
    )
    putaran = []
    for i in range(unit):
        o = Organisasi.objects.create(
            nama=f"Unit {i}", slug=f"bench-{i}", jenis="kelurahan", induk=kota
        )
        putaran.append(
            PutaranSurvei.objects.create(
                kuesioner=k,
                organisasi=o,
                layanan=lay,
                jenis_periode="tahun",
                tahun=2024,
                populasi=5000,
            ).pk
        )
    rng = random.Random(seed)
    mulai = time.perf_counter()
    pg = connection.vendor == "postgresql"
    if not pg:
        with connection.cursor() as cur:
            cur.execute("PRAGMA synchronous=OFF")
    # a pool of answer patterns, dealt out pseudo-randomly (generation must not dominate)
    pola = []
    for _ in range(4096):
        dasar = rng.choice((3, 4, 4))
        pola.append(
            [
                None
                if rng.random() < 0.01
                else (dasar if rng.random() < 0.8 else rng.randint(1, 4))
                for _ in butir
            ]
        )
    with transaction.atomic(), connection.cursor() as cur:
        # no other rows yet: ids are assigned here so answers can reference them
        cur.execute("SELECT COALESCE(MAX(id), 0) FROM survei_respon")
        awal = cur.fetchone()[0] + 1
        per_unit = n // unit
        langkah = 50_000
        for blok in range(0, n, langkah):
            respon, jawaban = [], []
            for i in range(blok, min(n, blok + langkah)):
                rid = awal + i
                p = putaran[min(i // per_unit, unit - 1)]
                status = "ditolak" if rng.random() < 0.001 else "valid"
                respon.append((rid, p, "2024-06-01 08:00:00+00", "impor", status))
                jawaban.extend(
                    zip((rid,) * 9, (p,) * 9, butir, pola[rng.getrandbits(12)], strict=True)
                )
            if pg:
                teks = "".join(
                    f"{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{r[4]}\t\t{{}}\t\t\t\t\t\t\n" for r in respon
                )
                with cur.copy(
                    "COPY survei_respon (id, putaran_id, diterima_pada, saluran, status, alasan_status,"
                    " demografi, saran, kategori_saran, id_perangkat, hash_telepon, hash_alamat, sumber)"
                    " FROM STDIN"
                ) as c:
                    c.write(teks)
                teks = "".join(
                    f"{a}\t{b}\t{c_}\t{NULL if v is None else v}\n" for a, b, c_, v in jawaban
                )
                with cur.copy(
                    "COPY survei_jawaban (respon_id, putaran_id, butir_id, nilai) FROM STDIN"
                ) as c:
                    c.write(teks)
            else:
                cur.executemany(
                    "INSERT INTO survei_respon (id, putaran_id, diterima_pada, saluran, status,"
                    " alasan_status, demografi, saran, kategori_saran, id_perangkat, hash_telepon,"
                    " hash_alamat, sumber) VALUES (?, ?, ?, ?, ?, '', '{}', '', '', '', '', '', '')",
                    respon,
                )
                cur.executemany(
                    "INSERT INTO survei_jawaban (respon_id, putaran_id, butir_id, nilai) VALUES (?, ?, ?, ?)",
                    jawaban,
                )
        if pg:
            cur.execute(
                "SELECT setval('survei_respon_id_seq', (SELECT MAX(id) FROM survei_respon))"
            )
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    return time.perf_counter() - mulai, PutaranSurvei.objects.filter(kuesioner=k)


def _loop_python(qs):
    """The same result by a plain Python loop over the valid answer rows."""
    from django.db import connection

    from kinerja.survei import pemilih

    total: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    n: dict = defaultdict(int)
    with connection.cursor() as cur:
        cur.execute("SELECT putaran_id, status FROM survei_respon")
        for p, status in cur:
            if status == "valid":
                n[p] += 1
        cur.execute(
            "SELECT j.putaran_id, j.butir_id, j.nilai, r.status FROM survei_jawaban j"
            " JOIN survei_respon r ON r.id = j.respon_id"
        )
        for p, b, v, status in cur:
            if status == "valid" and v is not None:
                t = total[p][b]
                t[0] += v
                t[1] += 1
    hasil = {}
    for p in qs:
        s = pemilih.struktur(p.kuesioner_id)
        hasil[p.pk] = pemilih.hasil_dari_agregat(
            s, {b: tuple(x) for b, x in total[p.pk].items()}, n[p.pk]
        )
    return hasil


def _pindai(qs):
    """The same totals by one GROUP BY over the answers themselves (no count table)."""
    from django.db.models import Q

    from kinerja.survei import pemilih

    daftar = list(qs)
    total = pemilih.agregat_butir(daftar, saring=Q())
    n = pemilih.jumlah_responden(daftar)
    return {
        p.pk: pemilih.hasil_dari_agregat(
            pemilih.struktur(p.kuesioner_id), total.get(p.pk, {}), n.get(p.pk, 0)
        )
        for p in daftar
    }


def _terbaik(f, kali=3):
    waktu, hasil = [], None
    for _ in range(kali):
        t = time.perf_counter()
        hasil = f()
        waktu.append(time.perf_counter() - t)
    return min(waktu), waktu, hasil


def jalankan(n: int, unit: int) -> None:
    _siapkan_django()
    from django.db import connection

    from kinerja.survei import layanan, pemilih

    muat, qs = _muat(n, unit)
    t = time.perf_counter()
    layanan.rekap_bangun_ulang()
    rekap = time.perf_counter() - t
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    terbaik, waktu_sql, sql = _terbaik(lambda: pemilih.hasil_putaran(qs))
    pindai, _, mentah = _terbaik(lambda: _pindai(qs))
    t = time.perf_counter()
    loop = _loop_python(list(qs))
    waktu_loop = time.perf_counter() - t
    beda = [
        h.putaran.pk
        for h in sql
        if not (h.hasil.nrr == loop[h.putaran.pk].nrr == mentah[h.putaran.pk].nrr)
    ]
    print(
        f"{connection.vendor:10s} responden={n:,} jawaban={9 * n:,} unit={unit} "
        f"muat={muat:.1f}s rekap_bangun={rekap:.2f}s "
        f"sql={terbaik:.3f}s (3 kali: {', '.join(f'{x:.3f}' for x in waktu_sql)}) "
        f"sql_pindai_jawaban={pindai:.2f}s loop_python={waktu_loop:.2f}s "
        f"rasio={waktu_loop / terbaik:.0f}x (pindai {waktu_loop / pindai:.1f}x) "
        f"hasil_sama={'ya' if not beda else f'TIDAK ({len(beda)})'} "
        f"target={'OK' if terbaik < 3 and waktu_loop / terbaik >= 10 else 'TIDAK TERCAPAI'}",
        flush=True,
    )


def _anak(mesin: str, n: int, unit: int) -> int:
    env = dict(os.environ)
    if mesin == "sqlite":
        tmp = tempfile.mkdtemp(prefix="kinerja-bench-")
        env.pop("DATABASE_URL", None)
        env["KINERJA_DATA_DIR"] = tmp
        return subprocess.call(
            [sys.executable, __file__, "--anak", "--responden", str(n), "--unit", str(unit)],
            env=env,
        )
    import psycopg

    dasar = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    nama = f"kinerja_bench_{os.getpid()}"
    with psycopg.connect(dasar, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {nama}")
    try:
        env["DATABASE_URL"] = dasar.rsplit("/", 1)[0] + "/" + nama
        env["KINERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="kinerja-bench-")
        return subprocess.call(
            [sys.executable, __file__, "--anak", "--responden", str(n), "--unit", str(unit)],
            env=env,
        )
    finally:
        with psycopg.connect(dasar, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--responden", type=int, default=1_000_000)
    ap.add_argument("--unit", type=int, default=1000)
    ap.add_argument("--mesin", choices=("sqlite", "postgres", "semua"), default="semua")
    ap.add_argument("--anak", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.anak:
        jalankan(a.responden, a.unit)
        return 0
    kode = 0
    for mesin in ("sqlite", "postgres") if a.mesin == "semua" else (a.mesin,):
        kode |= _anak(mesin, a.responden, a.unit)
    return kode


if __name__ == "__main__":
    sys.exit(main())
