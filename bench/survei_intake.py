"""Benchmark: public survey form intake through gunicorn, on PostgreSQL or SQLite.

Creates a throwaway database (PostgreSQL kinerja_bench_intake, or an SQLite file in a
temporary data folder with --db sqlite), migrates it, opens one SKM round with a short
link, serves the app with gunicorn as `kinerja serve` does (same options, --pekerja
workers), and lets concurrent client processes post complete, valid questionnaires for
--durasi seconds. Each client fetches the form once (CSRF cookie + token) and then posts
repeatedly, each post with its own `kunci_kiriman` (as every rendered form has its own),
from a rotating set of loopback addresses (127.x.y.z, --alamat-per-klien per client) like
many separate phones: the production rate limit per address (KINERJA_BATAS_SURVEI 30/m)
and the burst rule (10/menit per address) stay on and run their queries, but a legitimate
crowd is neither refused nor flagged. A connection error, timeout or 5xx is answered by
sending the same form again (a person pressing "Kirim" again), at most --ulang times.

Acknowledged = HTTP 302 to the thank-you page. Afterwards it compares the acknowledged
keys with the stored rows: lost (acknowledged, not stored), double (one key stored twice),
stored without acknowledgement (the client gave up), Jawaban = 9 per response, and the
RekapJawaban counts that concurrent submissions update. It prints submissions/s, p50/p95
latency, and the CPU time per submission of the gunicorn workers, the PostgreSQL
backends of the benchmark database and the load clients (sampled from /proc: independent
of other load on the machine, unlike the rate), and the 2-core capacity that implies.

--profil N then sends N more submissions inside one process through Django's WSGI
handler (the code path of a gunicorn worker) and prints where each request's time goes:
application CPU and database time (and SQL statements) per middleware, session, CSRF,
rate-limit counter, link lookup, form, burst/duplicate rules, storing, tallies, redirect.

    .venv/bin/python bench/survei_intake.py [--db postgres|sqlite] [--durasi 60]
        [--klien 16] [--pekerja 4] [--profil 300] [--gunicorn '--max-requests 0']

Needs PostgreSQL at 127.0.0.1:5432 as user postgres for --db postgres (override with --pg).
"""

from __future__ import annotations

import argparse
import collections
import http.client
import multiprocessing as mp
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DB = "kinerja_bench_intake"
TIK = os.sysconf("SC_CLK_TCK")

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


def alamat(no: int, j: int) -> str:
    """Loopback address j of client no (Linux routes all of 127.0.0.0/8 to lo)."""
    return f"127.{10 + no}.{j // 250}.{1 + j % 250}"


def kunci(no: int, seq: int) -> str:
    """A kunci_kiriman ([A-Za-z0-9_-]{16,32}) naming client and sequence: unique per post."""
    return f"b{no:03d}x{seq:09d}{secrets.token_hex(3)}"


# ------------------------------------------------------------------------------ clients


def _formulir(port, jalur, sumber):
    for coba in range(40):  # the server may still be starting its workers
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=sumber)
            c.request("GET", jalur)
            r = c.getresponse()
            html = r.read().decode()
            kuki = r.getheader("Set-Cookie", "")
            csrf = re.search(r"csrftoken=([^;]+)", kuki).group(1)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            c.close()
            return csrf, token
        except (OSError, AttributeError) as e:
            if coba == 39:
                raise RuntimeError(f"GET formulir gagal: {type(e).__name__}") from e
            time.sleep(0.5)


def _klien(no, port, kode, mulai, batas_waktu, antre, n_alamat, ulang):
    """One client: GET the form once, then POST until the deadline, each post a new form
    (own kunci_kiriman) from the next address; resend the same form on error/5xx."""
    jalur = f"/s/{kode}/"
    try:
        csrf, token = _formulir(port, jalur, (alamat(no, 0), 0))
    except RuntimeError as e:
        antre.put({"no": no, "galat": str(e)})
        return
    kepala = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "Referer": f"http://127.0.0.1:{port}{jalur}",
    }
    dasar = ISIAN | {"csrfmiddlewaretoken": token}
    selesai = f"/s/{kode}/selesai/"
    lat, diakui, status = [], [], collections.Counter()
    menyerah = diulang = 0
    while time.time() < mulai:
        time.sleep(0.01)
    seq = 0
    while time.time() < batas_waktu:
        k = kunci(no, seq)
        badan = urllib.parse.urlencode(dasar | {"kunci_kiriman": k})
        sumber = (alamat(no, seq % n_alamat), 0)
        seq += 1
        for coba in range(ulang + 1):
            t0 = time.perf_counter()
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=sumber)
                c.request("POST", jalur, body=badan, headers=kepala)
                r = c.getresponse()
                r.read()
                c.close()
                kode_http, lokasi = r.status, r.getheader("Location", "")
            except OSError as e:
                kode_http, lokasi = type(e).__name__, ""
            lat.append(time.perf_counter() - t0)
            status[kode_http] += 1
            if kode_http == 302 and lokasi.endswith(selesai):
                diakui.append(k)
                break
            if isinstance(kode_http, int) and kode_http < 500:
                break  # 4xx: a refusal, not a fault; sending it again would not help
            if coba < ulang:
                diulang += 1
                time.sleep(0.05 * (coba + 1))
        else:
            menyerah += 1
    t = os.times()
    antre.put(
        {"no": no, "diakui": diakui, "status": dict(status), "lat": lat, "menyerah": menyerah,
         "diulang": diulang, "cpu": t.user + t.system}
    )  # fmt: skip


# ------------------------------------------------------------------- CPU from /proc


def _stat(pid):
    """(ppid, utime+stime seconds, cmdline) of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            isi = f.read()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    bagian = isi[isi.rindex(")") + 2 :].split()
    return int(bagian[1]), (int(bagian[11]) + int(bagian[12])) / TIK, cmd


class PencatatCPU(threading.Thread):
    """Samples the CPU time of the gunicorn workers and of the PostgreSQL backends of the
    benchmark database every 0.2 s; a process that exits keeps its last sample (at most
    0.2 s of its CPU is missed), one that starts counts from zero."""

    def __init__(self, server_pid: int, db: str | None):
        super().__init__(daemon=True)
        self.server_pid, self.db = server_pid, db
        self.awal: dict[int, float] = {}
        self.akhir: dict[int, tuple[str, float]] = {}
        self.berhenti = threading.Event()
        self.contoh(awal=True)

    def contoh(self, awal=False):
        for nama in os.listdir("/proc"):
            if not nama.isdigit():
                continue
            pid = int(nama)
            s = _stat(pid)
            if s is None:
                continue
            ppid, cpu, cmd = s
            if pid == self.server_pid or ppid == self.server_pid:
                jenis = "app"
            elif self.db and cmd.startswith("postgres: ") and f" {self.db} " in cmd:
                jenis = "db"
            else:
                continue
            if awal:
                self.awal[pid] = cpu
            self.akhir[pid] = (jenis, cpu)

    def run(self):
        while not self.berhenti.wait(0.2):
            self.contoh()

    def hasil(self) -> dict[str, float]:
        self.berhenti.set()
        self.join()
        self.contoh()
        jumlah = collections.Counter()
        for pid, (jenis, cpu) in self.akhir.items():
            jumlah[jenis] += cpu - self.awal.get(pid, 0.0)
        return dict(jumlah)


# --------------------------------------------------------------------------- database


class BasisData:
    def __init__(self, a, data_dir):
        self.a, self.data_dir = a, data_dir
        self.pg = a.db == "postgres"

    def buat(self):
        if self.pg:
            import psycopg

            with psycopg.connect(f"{self.a.pg}/postgres", autocommit=True) as c:
                c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
                c.execute(f"CREATE DATABASE {DB}")

    def hapus(self):
        if self.pg:
            import psycopg

            with psycopg.connect(f"{self.a.pg}/postgres", autocommit=True) as c:
                c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")

    def baca(self, sql, param=()):
        if self.pg:
            import psycopg

            with psycopg.connect(f"{self.a.pg}/{DB}") as c:
                return c.execute(sql.replace("?", "%s"), param).fetchall()
        with sqlite3.connect(Path(self.data_dir) / "kinerja.sqlite3", timeout=60) as c:
            return c.execute(sql, param).fetchall()


def _persen(data, p):
    data = sorted(data)
    return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


def _ms(x: float) -> str:
    return f"{x * 1000:.2f} ms"


def beban(a, env, bd, putaran, kode, server_pid) -> bool:
    """The load phase; prints the figures and returns whether nothing was lost/doubled."""
    antre = mp.Queue()
    cpu = PencatatCPU(server_pid, DB if bd.pg else None)
    cpu.start()
    mulai = time.time() + 1.0 + 0.1 * a.klien  # every client has its form by then
    batas_waktu = mulai + a.durasi
    klien = [
        mp.Process(
            target=_klien,
            args=(i, a.port, kode, mulai, batas_waktu, antre, a.alamat_per_klien, a.ulang),
        )
        for i in range(a.klien)
    ]
    for k in klien:
        k.start()
    hasil = [antre.get(timeout=a.durasi + 180) for _ in klien]
    lama = time.time() - mulai
    for k in klien:
        k.join()
    pakai = cpu.hasil()
    galat = [h["galat"] for h in hasil if "galat" in h]
    hasil = [h for h in hasil if "galat" not in h]
    diakui = [k for h in hasil for k in h["diakui"]]
    status = collections.Counter()
    for h in hasil:
        status.update(h["status"])
    lat = [x for h in hasil for x in h["lat"]]
    menyerah = sum(h["menyerah"] for h in hasil)
    diulang = sum(h["diulang"] for h in hasil)
    cpu_klien = sum(h["cpu"] for h in hasil)

    tersimpan = bd.baca("SELECT kunci_kiriman FROM survei_respon WHERE putaran_id = ?", (putaran,))
    tersimpan = collections.Counter(r[0] for r in tersimpan)
    jawaban = bd.baca("SELECT count(*) FROM survei_jawaban WHERE putaran_id = ?", (putaran,))[0][0]
    rekap = bd.baca(
        "SELECT COALESCE(SUM(jumlah), 0) FROM survei_rekapjawaban WHERE putaran_id = ?",
        (putaran,),
    )[0][0]
    ditandai = bd.baca(
        "SELECT count(*) FROM survei_respon WHERE putaran_id = ? AND status <> 'valid'",
        (putaran,),
    )[0][0]
    n_simpan = sum(tersimpan.values())
    set_diakui = set(diakui)
    hilang = len(set_diakui - set(tersimpan))
    ganda = sum(n - 1 for n in tersimpan.values() if n > 1) + (len(diakui) - len(set_diakui))
    tanpa_diakui = len(set(tersimpan) - set_diakui)
    n500 = sum(n for s, n in status.items() if isinstance(s, int) and s >= 500)
    lain = {s: n for s, n in status.items() if s != 302}

    ok = len(diakui)
    print(f"basis data        {a.db}; {lama:.1f} s, {a.klien} klien, {a.pekerja} pekerja gunicorn, "
          f"{os.cpu_count()} CPU, {a.klien * a.alamat_per_klien} alamat klien")  # fmt: skip
    if galat:
        print(f"klien gagal mulai {len(galat)}: {galat[0]}")
    print(
        f"diakui (302)      {ok}   jawaban lain: {lain or 0}; diulang {diulang}, menyerah {menyerah}"
    )
    print(f"tersimpan         {n_simpan} respon, {jawaban} jawaban (harus {n_simpan * 9}), "
          f"rekap {rekap} (harus {jawaban})")  # fmt: skip
    print(f"hilang / ganda    {hilang} hilang, {ganda} ganda, {tanpa_diakui} tersimpan tanpa diakui "
          f"(klien menyerah), {n500} jawaban 5xx")  # fmt: skip
    print(f"ditandai          {ditandai} meragukan (batas alamat {a.batas_alamat}/menit)")
    print(f"laju              {ok / lama:.1f} kiriman/detik")
    if lat:
        print(f"latensi           p50 {_ms(_persen(lat, 50))}, p95 {_ms(_persen(lat, 95))}, "
              f"maks {_ms(max(lat))}")  # fmt: skip
    if ok:
        app, db = pakai.get("app", 0.0), pakai.get("db", 0.0)
        server = app + db
        print(f"CPU per kiriman   gunicorn {_ms(app / ok)}"
              + (f" + PostgreSQL (backend) {_ms(db / ok)}" if bd.pg else " (SQLite di dalamnya)")
              + f" = {_ms(server / ok)}; klien beban {_ms(cpu_klien / ok)}")  # fmt: skip
        print(f"batas CPU         {os.cpu_count()} inti / {_ms(server / ok)} = "
              f"{os.cpu_count() / (server / ok):.0f} kiriman/detik server saja; dengan klien di mesin "
              f"yang sama {os.cpu_count() / ((server + cpu_klien) / ok):.0f}/s")  # fmt: skip
    print(f"beban mesin       {Path('/proc/loadavg').read_text().split()[:3]} (uptime)")
    benar = (
        ok > 0 and hilang == 0 and ganda == 0 and n500 == 0 and not galat
        and jawaban == 9 * n_simpan == rekap
    )  # fmt: skip
    print(f"0 hilang, 0 ganda, tanpa 5xx, jawaban = rekap: {'YA' if benar else 'TIDAK'}")
    return benar


# ---------------------------------------------------------------------------- profile

PROFIL = r"""
import os, sys, time
sys.argv = ["profil"]
import django; django.setup()
sys.path.insert(0, os.environ["BENCH_DIR"])
from survei_intake import profil_jalankan
profil_jalankan(int(os.environ["BENCH_PROFIL_N"]), os.environ["BENCH_KODE"])
"""


def profil_jalankan(n: int, kode: str) -> None:
    """Inside a Django process: N submissions through WSGIHandler, timed per category."""
    import io

    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from profil_permintaan import Profil

    prof = Profil()
    prof.pasang(settings.MIDDLEWARE)
    handler = WSGIHandler()
    jalur = f"/s/{kode}/"

    def panggil(metode, badan=b"", kuki="", sumber="127.200.0.1"):
        env = {
            "REQUEST_METHOD": metode, "PATH_INFO": jalur, "SCRIPT_NAME": "", "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8765", "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": sumber, "HTTP_HOST": "127.0.0.1:8765", "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(badan), "wsgi.errors": sys.stderr,
            "CONTENT_LENGTH": str(len(badan)),
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "HTTP_COOKIE": kuki, "HTTP_REFERER": f"http://127.0.0.1:8765{jalur}",
        }  # fmt: skip
        keluar = {}

        def mulai(status, kepala, exc_info=None):
            keluar["status"], keluar["kepala"] = status, kepala

        isi = b"".join(handler(env, mulai))
        return keluar["status"], dict(keluar["kepala"]), isi, keluar["kepala"]

    status, _, isi, kepala = panggil("GET")
    if not status.startswith("200"):
        raise SystemExit(f"profil: GET formulir dijawab {status}: {isi[:300]!r}")
    kuki = next(v.strip() for k, v in kepala if k == "Set-Cookie" and "csrftoken=" in v)
    csrf = kuki.split(";")[0].split("=", 1)[1]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', isi).group(1).decode()
    dasar = ISIAN | {"csrfmiddlewaretoken": token}

    def kirim(i):
        badan = urllib.parse.urlencode(dasar | {"kunci_kiriman": kunci(999, i)}).encode()
        status, kepala, _, _ = panggil("POST", badan, f"csrftoken={csrf}", alamat(190, i % 2000))
        if not status.startswith("302"):
            raise SystemExit(f"profil: kiriman {i} dijawab {status}")

    for i in range(20):  # warm up: imports, caches, connections
        kirim(-1 - i)
    pid_db = None
    if connection.vendor == "postgresql":
        pid_db = connection.connection.info.backend_pid
    db0 = _stat(pid_db)[1] if pid_db else 0.0
    berkas_cprofile = os.environ.get("BENCH_CPROFILE")
    if berkas_cprofile:  # function-level detail instead of the category table
        import cProfile
        import pstats

        with cProfile.Profile() as cp:
            for i in range(n):
                kirim(i)
        cp.dump_stats(berkas_cprofile)
        pstats.Stats(berkas_cprofile).sort_stats("tottime").print_stats(40)
        return
    prof.mulai()
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(n):
        kirim(i)
    lama, cpu = time.perf_counter() - t0, time.process_time() - c0
    prof.berhenti()
    db_cpu = (_stat(pid_db)[1] - db0) if pid_db else None
    prof.cetak(n=n, wall=lama, cpu=cpu, db_server_cpu=db_cpu, vendor=connection.vendor)


def profil(a, env, kode):
    env = env | {
        "BENCH_DIR": str(AKAR / "bench"), "BENCH_PROFIL_N": str(a.profil), "BENCH_KODE": kode,
    }  # fmt: skip
    if a.cprofile:
        env["BENCH_CPROFILE"] = str(Path(a.cprofile).resolve())
    print(f"\nprofil per permintaan ({a.profil} kiriman berurutan dalam satu proses, "
          f"penangan WSGI Django seperti pekerja gunicorn; {a.db})")  # fmt: skip
    subprocess.run([sys.executable, "-c", PROFIL], env=env, check=True, cwd=AKAR)


# ------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    ap.add_argument("--durasi", "--detik", type=float, default=60, help="seconds of load (0: none)")
    ap.add_argument("--klien", type=int, default=16, help="client processes")
    ap.add_argument("--pekerja", type=int, default=4, help="gunicorn workers")
    ap.add_argument("--profil", type=int, default=0, help="N submissions profiled in-process")
    ap.add_argument("--alamat-per-klien", type=int, default=256)
    ap.add_argument("--ulang", type=int, default=5, help="resends of one form on error/5xx")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--batas-alamat", type=int, default=10, help="burst rule per address/minute")
    ap.add_argument("--batas-survei", default="30/m", help="KINERJA_BATAS_SURVEI (rate limit)")
    ap.add_argument("--cprofile", metavar="BERKAS", help="with --profil: cProfile stats to BERKAS")
    ap.add_argument("--simpan-data", action="store_true", help="keep the data folder/database")
    ap.add_argument(
        "--gunicorn", default="", metavar="'ARG ...'",
        help="extra gunicorn options after kinerja serve's (later ones win), e.g. "
        "'--max-requests 0 --access-logfile /dev/null' to measure what they cost",
    )  # fmt: skip
    ap.add_argument(
        "--pengaturan", default="kinerja.settings", metavar="MODUL_ATAU_BERKAS",
        help="settings module, or a .py file (its folder goes on PYTHONPATH): to measure a "
        "variant, e.g. a file doing `from kinerja.settings import *` and changing OPTIONS",
    )  # fmt: skip
    a = ap.parse_args()

    data_dir = tempfile.mkdtemp(prefix="kinerja-bench-intake-")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "DATABASE_URL"))
    } | {
        "DJANGO_SETTINGS_MODULE": Path(a.pengaturan).stem if a.pengaturan.endswith(".py")
        else a.pengaturan,
        "KINERJA_DATA_DIR": data_dir,
        "KINERJA_DEBUG": "0",
        "KINERJA_SECRET_KEY": "bench-" + secrets.token_hex(24),
        "KINERJA_KUNCI_SIDIK": "sidik-" + secrets.token_hex(24),
        "KINERJA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KINERJA_SURVEI_BATAS_ALAMAT_MENIT": str(a.batas_alamat),
        "KINERJA_BATAS_SURVEI": a.batas_survei,
        "PYTHONPATH": f"{AKAR}:{AKAR / 'src'}"
        + (f":{Path(a.pengaturan).resolve().parent}" if a.pengaturan.endswith(".py") else ""),
    }  # fmt: skip
    bd = BasisData(a, data_dir)
    if bd.pg:
        env["DATABASE_URL"] = f"{a.pg}/{DB}"
    server = None
    log = open(Path(data_dir) / "gunicorn.log", "wb")  # noqa: SIM115
    benar = True
    try:
        bd.buat()
        subprocess.run([BIN / "kinerja", "migrate", "-v0"], env=env, check=True, cwd=AKAR)
        keluar = subprocess.run(
            [sys.executable, "-c", SEMAI], env=env, check=True, cwd=AKAR,
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        putaran, kode = re.search(r"HASIL (\d+) (\S+)", keluar).groups()
        if a.durasi > 0:
            sys.path.insert(0, str(AKAR / "src"))
            from kinerja.cli.serve import perintah_gunicorn

            perintah = perintah_gunicorn(alamat=f"127.0.0.1:{a.port}", pekerja=a.pekerja)
            perintah = [*perintah, *a.gunicorn.split()]
            server = subprocess.Popen(
                [*perintah, "--backlog", "2048"], env=env, cwd=AKAR, stdout=log, stderr=log
            )
            for _ in range(150):
                try:
                    h = http.client.HTTPConnection("127.0.0.1", a.port, timeout=2)
                    h.request("GET", "/sehat/")
                    h.getresponse().read()
                    break
                except OSError:
                    time.sleep(0.2)
            print(f"gunicorn          {' '.join(perintah[2:])}")
            benar = beban(a, env, bd, putaran, kode, server.pid)
            server.terminate()
            server.wait(timeout=60)
            server = None
        if a.profil > 0:
            profil(a, env, kode)
        return 0 if benar else 1
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        log.close()
        if a.simpan_data:
            print(f"data disimpan di {data_dir}" + (f" dan basis data {DB}" if bd.pg else ""))
        else:
            bd.hapus()
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
