"""Benchmark: public survey form intake against PostgreSQL on loopback.

Creates a throwaway database (kinerja_bench_intake), migrates it, opens one SKM round with a
short link, serves the app with gunicorn (several workers), and lets concurrent client
processes post complete, valid questionnaires for --detik seconds. Each client fetches the
form once (CSRF cookie + token) and then posts repeatedly from its own loopback address
(127.0.0.x), like separate devices. Acknowledged = HTTP 302 to the thank-you page.
Afterwards it compares acknowledged with stored rows (Respon, Jawaban = 9 per response, and
the RekapJawaban counts that concurrent submissions update): nothing lost, nothing doubled.
Then drops the database.

    .venv/bin/python bench/survei_intake.py [--detik 60] [--klien 16] [--pekerja 4]

Needs PostgreSQL at 127.0.0.1:5432 as user postgres (override with --pg).
The per-address burst rule (KINERJA_SURVEI_BATAS_ALAMAT_MENIT) would flag nearly every
post of a client that submits many times a minute; it still stores them (flags only),
and its query still runs. --batas-alamat sets it (default 10, the production default).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DB = "kinerja_bench_intake"

SEMAI = r"""
import django; django.setup()
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei_publik.layanan import tautan_buat
from tests import pabrik
kota = pabrik.organisasi("Kota Bench", "kota_administrasi", slug="kota-bench")
kel = pabrik.organisasi("Kelurahan Bench", "kelurahan", kota, slug="kel-bench")
admin = pabrik.pengguna("admin_bench", ("admin", kota))
k = kuesioner_baku("skm")
p = putaran_buat(kuesioner=k, organisasi=kel, layanan=k.layanan.order_by("urutan").first(),
                 jenis_periode="semester", tahun=2025, ke=1, aktor=admin, status="dibuka")
t = tautan_buat(putaran=p, aktor=admin)
print(f"HASIL {p.pk} {t.kode}")
"""

ISIAN = {f"b_F{i}": str(1 + i % 4) for i in range(1, 10)} | {
    "d_jenis_kelamin": "P",
    "d_usia": "26-35",
    "d_pendidikan": "s1",
    "d_pekerjaan": "swasta",
    "saran": "Uji beban",
    "telepon": "",
    "situs_web": "",
}


def _klien(no, port, kode, batas_waktu, antre):
    """One client: GET the form once, then POST until the deadline. Reports latencies."""
    sumber = (f"127.0.0.{10 + no}", 0)
    jalur = f"/s/{kode}/"

    def sambung():
        return http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=sumber)

    for coba in range(20):  # the server may still be starting its workers
        try:
            c = sambung()
            c.request("GET", jalur)
            r = c.getresponse()
            html = r.read().decode()
            kuki = r.getheader("Set-Cookie", "")
            csrf = re.search(r"csrftoken=([^;]+)", kuki).group(1)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            c.close()
            break
        except (OSError, AttributeError) as e:
            if coba == 19:
                antre.put((0, {f"GET formulir gagal: {type(e).__name__}": 1}, []))
                return
            time.sleep(0.5)
    badan = urllib.parse.urlencode(ISIAN | {"csrfmiddlewaretoken": token})
    kepala = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "Referer": f"http://127.0.0.1:{port}{jalur}",
    }
    lat, ok, gagal = [], 0, {}
    while time.time() < batas_waktu:
        t0 = time.perf_counter()
        try:
            c = sambung()
            c.request("POST", jalur, body=badan, headers=kepala)
            r = c.getresponse()
            r.read()
            c.close()
            status = r.status
            lokasi = r.getheader("Location", "")
        except OSError as e:
            status, lokasi = type(e).__name__, ""
        lat.append(time.perf_counter() - t0)
        if status == 302 and lokasi.endswith(f"/s/{kode}/selesai/"):
            ok += 1
        else:
            gagal[status] = gagal.get(status, 0) + 1
    antre.put((ok, gagal, lat))


def _persen(data, p):
    data = sorted(data)
    return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detik", type=float, default=60)
    ap.add_argument("--klien", type=int, default=16)
    ap.add_argument("--pekerja", type=int, default=4, help="gunicorn workers")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--batas-alamat", type=int, default=10)
    a = ap.parse_args()

    admin_url = f"{a.pg}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {DB}")
    data_dir = tempfile.mkdtemp(prefix="kinerja-bench-")
    env = os.environ | {
        "DATABASE_URL": f"{a.pg}/{DB}",
        "DJANGO_SETTINGS_MODULE": "kinerja.settings",
        "KINERJA_DATA_DIR": data_dir,
        "KINERJA_DEBUG": "0",
        "KINERJA_SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "KINERJA_KUNCI_SIDIK": "bench-sidik-" + os.urandom(24).hex(),
        "KINERJA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KINERJA_SURVEI_BATAS_ALAMAT_MENIT": str(a.batas_alamat),
        "PYTHONPATH": f"{AKAR}:{AKAR / 'src'}",
    }
    server = None
    try:
        subprocess.run([BIN / "kinerja", "migrate", "-v0"], env=env, check=True, cwd=AKAR)
        keluar = subprocess.run(
            [sys.executable, "-c", SEMAI],
            env=env,
            check=True,
            cwd=AKAR,
            capture_output=True,
            text=True,
        ).stdout
        putaran, kode = re.search(r"HASIL (\d+) (\S+)", keluar).groups()
        server = subprocess.Popen(
            [BIN / "gunicorn", "kinerja.wsgi:application", "-w", str(a.pekerja),
             "-b", f"127.0.0.1:{a.port}", "--backlog", "2048", "--log-level", "warning"],
            env=env, cwd=AKAR,
        )  # fmt: skip
        for _ in range(100):
            try:
                h = http.client.HTTPConnection("127.0.0.1", a.port, timeout=2)
                h.request("GET", "/sehat/")
                h.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        antre = mp.Queue()
        batas_waktu = time.time() + a.detik
        klien = [
            mp.Process(target=_klien, args=(i, a.port, kode, batas_waktu, antre))
            for i in range(a.klien)
        ]
        mulai = time.time()
        for k in klien:
            k.start()
        hasil = [antre.get(timeout=a.detik + 120) for _ in klien]
        for k in klien:
            k.join()
        lama = time.time() - mulai
        ok = sum(h[0] for h in hasil)
        gagal = {}
        for h in hasil:
            for s, n in h[1].items():
                gagal[s] = gagal.get(s, 0) + n
        lat = [x for h in hasil for x in h[2]]
        with psycopg.connect(f"{a.pg}/{DB}") as c:
            tersimpan = c.execute(
                "SELECT count(*) FROM survei_respon WHERE putaran_id = %s", (putaran,)
            ).fetchone()[0]
            jawaban = c.execute(
                "SELECT count(*) FROM survei_jawaban WHERE putaran_id = %s", (putaran,)
            ).fetchone()[0]
            rekap = c.execute(
                "SELECT COALESCE(SUM(jumlah), 0) FROM survei_rekapjawaban WHERE putaran_id = %s",
                (putaran,),
            ).fetchone()[0]
            ditandai = c.execute(
                "SELECT count(*) FROM survei_respon WHERE putaran_id = %s AND status <> 'valid'",
                (putaran,),
            ).fetchone()[0]
        print(
            f"durasi            {lama:.1f} s, {a.klien} klien, {a.pekerja} pekerja gunicorn, {os.cpu_count()} CPU"
        )
        print(f"diakui (302)      {ok}   gagal/lain: {gagal or 0}")
        print(f"tersimpan         {tersimpan} respon, {jawaban} jawaban (harus {tersimpan * 9})")
        print(f"rekap jawaban     {rekap} (harus sama dengan jawaban)")
        print(
            f"ditandai          {ditandai} meragukan (batas alamat {a.batas_alamat}/menit per klien)"
        )
        print(f"laju              {ok / lama:.1f} kiriman/detik")
        if lat:
            print(f"latensi           p50 {_persen(lat, 50) * 1000:.1f} ms, p95 {_persen(lat, 95) * 1000:.1f} ms, "
                  f"maks {max(lat) * 1000:.1f} ms")  # fmt: skip
        sama = tersimpan == ok and jawaban == 9 * tersimpan == rekap
        print(f"tersimpan == diakui: {'YA' if sama else 'TIDAK'}")
        return 0 if sama else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(admin_url, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
