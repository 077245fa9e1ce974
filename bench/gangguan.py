"""Faults (issue 14): SIGKILL web and job workers, restart PostgreSQL, then check invariants.

Starts the app as deployed: `kinerja serve` (gunicorn) and the job worker `kinerja pekerja`
on a throwaway database (PostgreSQL kinerja_bench_gangguan, or SQLite in a temporary data
folder with --db sqlite). A supervisor restarts the job worker whenever it dies (like
systemd Restart=always); gunicorn's master respawns killed web workers itself. Then:

(a) survey burst: client threads each load the public form, submit it with a unique
    marker in `saran`, and resubmit the same form on a connection error or 5xx (as a
    person presses "Kirim" again); meanwhile random web workers and the job worker are
    SIGKILLed and, on PostgreSQL, the database service is restarted (`pg_ctlcluster`).
    Acknowledged = 302 to the thank-you page. Check: every acknowledged marker stored
    exactly once, no marker stored twice, 9 answers per response, tallies = answers.
(b) Excel import: a realisasi workbook (one marker in every row's `penjelasan`) is
    uploaded and applied; the web worker serving the apply (found with `ss`) is SIGKILLed
    at a random moment, and the job worker too. Check: rows with the marker are 0 or all.
    Then the same file is applied again without a fault: all rows.
(c) LKIP build through the queue: the job worker is SIGKILLed at a random moment while
    the build runs (some builds twice), and a web worker too. Check: each build ends
    done (resumed) or failed with a reason, never left queued/running.

Prints a table and exits 1 if an invariant fails.

    .venv/bin/python bench/gangguan.py [--db postgres|sqlite] [--detik 40] [--klien 8]
"""

from __future__ import annotations

import argparse
import collections
import http.client
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DB = "kinerja_bench_gangguan"
TAHUN = 2024
SANDI = "rahasia-uji-123"

SEMAI = r"""
import django, json, sys; django.setup()
from kinerja.pertukaran.ekspor import templat_realisasi
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei_publik.layanan import tautan_buat
from tests import pabrik
kota = pabrik.organisasi("Kota Gangguan", "kota_administrasi", slug="kota-gangguan")
kel = pabrik.organisasi("Kelurahan Gangguan", "kelurahan", kota, slug="kel-gangguan")
admin = pabrik.pengguna("admin_gangguan", ("admin", kota))
pabrik.pengguna("operator_gangguan", ("operator", kel))
for i in range(int(sys.argv[1])):
    pabrik.indikator_pk(kel, tahun=2024, nama=f"Indikator bulanan {i + 1}", frekuensi="bulan",
                        kode=f"1.{i + 1}", target="100")
k = kuesioner_baku("skm")
p = putaran_buat(kuesioner=k, organisasi=kel, layanan=k.layanan.order_by("urutan").first(),
                 jenis_periode="semester", tahun=2025, ke=1, aktor=admin, status="dibuka")
t = tautan_buat(putaran=p, aktor=admin)
open(sys.argv[2], "wb").write(templat_realisasi(kel, 2024))
print("HASIL " + json.dumps({"putaran": p.pk, "kode": t.kode, "kel": kel.pk, "admin": admin.pk}))
"""

PERIKSA_SURVEI = r"""
import django, json, sys; django.setup()
from django.db.models import Sum
from kinerja.survei.models import Jawaban, RekapJawaban, Respon
p = int(sys.argv[1])
saran = list(Respon.objects.filter(putaran_id=p).values_list("saran", flat=True))
print("HASIL " + json.dumps({
    "saran": saran,
    "jawaban": Jawaban.objects.filter(putaran_id=p).count(),
    "rekap": RekapJawaban.objects.filter(putaran_id=p).aggregate(s=Sum("jumlah"))["s"] or 0,
}))
"""

HITUNG_IMPOR = r"""
import django, json, sys; django.setup()
from kinerja.pengukuran.models import Realisasi
print("HASIL " + json.dumps(Realisasi.objects.filter(
    indikator__organisasi_id=int(sys.argv[1]), penjelasan=sys.argv[2]).count()))
"""

BANGUN = r"""
import django, json, sys; django.setup()
from django.contrib.auth import get_user_model
from kinerja.lkip.layanan import mulai_pekerjaan
from kinerja.organisasi.models import Organisasi
p = mulai_pekerjaan(organisasi=Organisasi.objects.get(pk=int(sys.argv[1])), tahun=2024,
                    format=["docx", "xlsx"], aktor=get_user_model().objects.get(pk=int(sys.argv[2])))
print("HASIL " + json.dumps(p.pk))
"""

STATUS_BANGUN = r"""
import django, json, sys; django.setup()
from kinerja.lkip.models import PekerjaanLkip
p = PekerjaanLkip.objects.get(pk=int(sys.argv[1]))
print("HASIL " + json.dumps({"status": p.status, "percobaan": p.percobaan, "pesan": p.pesan,
                             "progres": p.progres}))
"""

ISIAN = {f"b_F{i}": str(1 + i % 4) for i in range(1, 10)} | {
    "d_jenis_kelamin": "P",
    "d_usia": "26-35",
    "d_pendidikan": "s1",
    "d_pekerjaan": "swasta",
    "telepon": "",
    "situs_web": "",
}


class Aplikasi:
    """The processes under test, their environment and the fault counters."""

    def __init__(self, a, env):
        self.a, self.env = a, env
        self.web = None
        self.pekerja = None
        self.kunci = threading.Lock()
        self.hidup = True
        self.gangguan = collections.Counter()
        self.log = open(Path(env["KINERJA_DATA_DIR"]) / "proses.log", "ab")

    def django(self, kode: str, *argumen, ulang: int = 20):
        """Run a snippet with the app's settings; retried while the database is restarting."""
        for coba in range(ulang):
            r = subprocess.run(
                [sys.executable, "-c", kode, *map(str, argumen)],
                env=self.env, cwd=AKAR, capture_output=True, text=True,
            )  # fmt: skip
            m = re.search(r"^HASIL (.*)$", r.stdout, re.M)
            if m:
                return json.loads(m.group(1))
            if coba == ulang - 1:
                raise RuntimeError(r.stderr[-2000:])
            time.sleep(1)

    def mulai_web(self):
        self.web = subprocess.Popen(
            [BIN / "kinerja", "serve", "--alamat", f"127.0.0.1:{self.a.port}",
             "--pekerja", str(self.a.pekerja)],
            env=self.env, cwd=AKAR, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        for _ in range(300):
            try:
                h = http.client.HTTPConnection("127.0.0.1", self.a.port, timeout=2)
                h.request("GET", "/sehat/")
                if h.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("kinerja serve tidak menjawab /sehat/")

    def mulai_pekerja(self):
        with self.kunci:
            self.pekerja = subprocess.Popen(
                [BIN / "kinerja", "pekerja", "--interval", "0.3"],
                env=self.env, cwd=AKAR, stdout=self.log, stderr=self.log,
            )  # fmt: skip

    def awasi(self):
        """Restart the job worker when it exits (killed, or its database went away)."""
        while self.hidup:
            with self.kunci:
                mati = self.pekerja is not None and self.pekerja.poll() is not None
            if mati and self.hidup:
                self.gangguan["pekerja antrean dimulai ulang"] += 1
                self.mulai_pekerja()
            time.sleep(0.3)

    def pekerja_web(self) -> list[int]:
        r = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.web.pid)], capture_output=True, text=True
        )
        return [int(x) for x in r.stdout.split()]

    def bunuh_web(self, pid: int | None = None) -> bool:
        daftar = self.pekerja_web()
        pid = pid if pid in daftar else (random.choice(daftar) if daftar else None)
        if pid is None:
            return False
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        self.gangguan["SIGKILL pekerja web"] += 1
        return True

    def bunuh_pekerja(self) -> bool:
        with self.kunci:
            p = self.pekerja
            if p is None or p.poll() is not None:
                return False
            p.kill()  # SIGKILL
            p.wait()
        self.gangguan["SIGKILL pekerja antrean"] += 1
        return True

    def mulai_ulang_pg(self):
        t0 = time.time()
        subprocess.run(["pg_ctlcluster", "15", "main", "restart"], check=True)
        for _ in range(120):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0:
                break
            time.sleep(0.25)
        else:
            raise RuntimeError("PostgreSQL tidak kembali setelah dimulai ulang")
        self.gangguan["PostgreSQL dimulai ulang"] += 1
        return time.time() - t0

    def berhenti(self):
        self.hidup = False
        for p in (self.pekerja, self.web):
            if p is not None and p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()


# ------------------------------------------------------------------ (a) survey burst


def _formulir(port, jalur, sumber, batas_waktu):
    """GET the form until it loads: (cookie header, hidden fields)."""
    while time.time() < batas_waktu + 30:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=15, source_address=sumber)
            c.request("GET", jalur)
            r = c.getresponse()
            html = r.read().decode()
            c.close()
            if r.status == 200:
                kuki = re.search(r"csrftoken=([^;]+)", r.getheader("Set-Cookie", "") or "")
                tersembunyi = dict(
                    re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)
                )
                return kuki.group(1) if kuki else "", tersembunyi
        except OSError:
            pass
        time.sleep(0.2)
    return None


def klien_survei(no, port, kode, batas_waktu, hasil, tanda):
    sumber = (f"127.0.0.{10 + no}", 0)
    jalur = f"/s/{kode}/"
    kuki = ""
    seq = 0
    while time.time() < batas_waktu:
        seq += 1
        f = _formulir(port, jalur, sumber, batas_waktu)
        if f is None:
            break
        kuki = f[0] or kuki
        penanda = f"{tanda}-{no}-{seq}"
        badan = urllib.parse.urlencode(ISIAN | f[1] | {"saran": penanda})
        kepala = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={kuki}",
            "Referer": f"http://127.0.0.1:{port}{jalur}",
        }
        for coba in range(6):  # the person presses "Kirim" again after an error
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=15, source_address=sumber)
                c.request("POST", jalur, body=badan, headers=kepala)
                r = c.getresponse()
                r.read()
                c.close()
                status, lokasi = r.status, r.getheader("Location", "")
            except OSError as e:
                status, lokasi = type(e).__name__, ""
            if status == 302 and lokasi.endswith(f"/s/{kode}/selesai/"):
                hasil["diakui"].append(penanda)
                if coba:
                    hasil["diakui setelah kirim ulang"] += 1
                break
            hasil["galat"][status] += 1
            if isinstance(status, int) and status < 500:
                break  # refused for a reason (not a fault): not acknowledged
            time.sleep(0.3)
        else:
            hasil["menyerah"] += 1


def ledakan_survei(app: Aplikasi, semai, pg: bool) -> dict:
    a = app.a
    hasil = {"diakui": [], "galat": collections.Counter(), "menyerah": 0,
             "diakui setelah kirim ulang": 0}  # fmt: skip
    tanda = f"gg{int(time.time())}"
    batas_waktu = time.time() + a.detik
    klien = [
        threading.Thread(target=klien_survei, args=(i, a.port, semai["kode"], batas_waktu, hasil, tanda))
        for i in range(a.klien)
    ]  # fmt: skip
    for k in klien:
        k.start()
    pg_selesai = False
    while time.time() < batas_waktu:
        time.sleep(random.uniform(0.5, 2.5))
        r = random.random()
        if pg and not pg_selesai and time.time() > batas_waktu - a.detik / 2:
            hasil["pg_detik"] = app.mulai_ulang_pg()
            pg_selesai = True
        elif r < 0.75:
            app.bunuh_web()
        else:
            app.bunuh_pekerja()
    for k in klien:
        k.join()
    cek = app.django(PERIKSA_SURVEI, semai["putaran"])
    hitung = collections.Counter(s for s in cek["saran"] if s.startswith(tanda))
    diakui = hasil["diakui"]
    hasil.update(
        tersimpan=sum(1 for m in diakui if hitung[m] >= 1),
        hilang=sum(1 for m in diakui if hitung[m] == 0),
        ganda=sum(1 for m, n in hitung.items() if n > 1),
        tersimpan_tanpa_diakui=sum(1 for m in hitung if m not in set(diakui)),
        respon=len(cek["saran"]),
        jawaban=cek["jawaban"],
        rekap=cek["rekap"],
    )
    return hasil


# ------------------------------------------------------------------ (b) Excel import


class Sesi:
    """A logged-in browser session over http.client (cookies by hand)."""

    def __init__(self, port):
        self.port, self.kuki = port, {}

    def _kepala(self, lain=None):
        k = {"Cookie": "; ".join(f"{a}={b}" for a, b in self.kuki.items())}
        if "csrftoken" in self.kuki:
            k["X-CSRFToken"] = self.kuki["csrftoken"]
        k["Referer"] = f"http://127.0.0.1:{self.port}/"
        return k | (lain or {})

    def _simpan_kuki(self, r):
        for nama, nilai in r.getheaders():
            if nama.lower() == "set-cookie":
                a, b = nilai.split(";", 1)[0].split("=", 1)
                self.kuki[a] = b

    def minta(self, metode, jalur, badan=None, jenis=None, conn=None, timeout=60):
        c = conn or http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        c.request(
            metode, jalur, body=badan, headers=self._kepala(jenis and {"Content-Type": jenis})
        )
        r = c.getresponse()
        isi = r.read()
        self._simpan_kuki(r)
        c.close()
        return r.status, r.getheader("Location", ""), isi.decode(errors="replace")

    def masuk(self, nama):
        for _ in range(60):
            try:
                self.minta("GET", "/masuk/")
                status, lokasi, _ = self.minta(
                    "POST", "/masuk/",
                    urllib.parse.urlencode({"username": nama, "password": SANDI,
                                            "csrfmiddlewaretoken": self.kuki["csrftoken"]}),
                    "application/x-www-form-urlencoded",
                )  # fmt: skip
                if status == 302:
                    return
            except (OSError, KeyError):
                pass
            time.sleep(0.5)
        raise RuntimeError("tidak dapat masuk")

    def unggah(self, jalur, nama_berkas, isi: bytes):
        batas = "----gangguan" + str(random.randrange(10**9))
        bagian = [
            f'--{batas}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
            f"{self.kuki['csrftoken']}\r\n",
            f'--{batas}\r\nContent-Disposition: form-data; name="jenis"\r\n\r\nrealisasi\r\n',
            f'--{batas}\r\nContent-Disposition: form-data; name="berkas"; filename="{nama_berkas}"'
            "\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            "\r\n\r\n",
        ]
        badan = "".join(bagian).encode() + isi + f"\r\n--{batas}--\r\n".encode()
        return self.minta("POST", jalur, badan, f"multipart/form-data; boundary={batas}")


def buku_impor(templat: Path, penanda: str, putaran: int) -> tuple[bytes, int]:
    import openpyxl

    wb = openpyxl.load_workbook(templat)
    ws = wb["Realisasi"]
    kolom = {c.value: c.column for c in ws[3]}
    n = 0
    for baris in range(4, ws.max_row + 1):
        if ws.cell(row=baris, column=kolom["id_indikator"]).value is None:
            continue
        ws.cell(row=baris, column=kolom["nilai"], value=50 + (putaran * 7 + baris) % 50)
        ws.cell(row=baris, column=kolom["penjelasan"], value=penanda)
        n += 1
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue(), n


def _pid_untuk_port(port_klien: int) -> int | None:
    """The gunicorn worker holding the server side of our connection."""
    r = subprocess.run(["ss", "-tnpH"], capture_output=True, text=True)
    for baris in r.stdout.splitlines():
        kolom = baris.split()
        if len(kolom) >= 5 and kolom[4].endswith(f":{port_klien}"):
            m = re.search(r"pid=(\d+)", baris)
            if m:
                return int(m.group(1))
    return None


def impor_sekali(app, sesi, semai, templat, ke, bunuh: bool, lama_dasar: float) -> dict:
    slug = "kel-gangguan"
    penanda = f"impor-{int(time.time())}-{ke}"
    isi, n = buku_impor(templat, penanda, ke)
    for _ in range(30):
        try:
            status, _, html = sesi.unggah(
                f"/pertukaran/{slug}/{TAHUN}/unggah/", "gangguan.xlsx", isi
            )
            sha = re.search(r'name="sha" value="([0-9a-f]+)"', html)
            if status == 200 and sha:
                break
        except OSError:
            pass
        time.sleep(0.5)
    else:
        raise RuntimeError("unggah impor gagal")
    badan = urllib.parse.urlencode(
        {"sha": sha.group(1), "csrfmiddlewaretoken": sesi.kuki["csrftoken"]}
    )
    conn = http.client.HTTPConnection("127.0.0.1", app.a.port, timeout=120)
    conn.connect()
    port_klien = conn.sock.getsockname()[1]
    keluaran = {}

    def terapkan():
        t0 = time.time()
        try:
            keluaran["status"] = sesi.minta(
                "POST", f"/pertukaran/{slug}/{TAHUN}/terapkan/", badan,
                "application/x-www-form-urlencoded", conn=conn,
            )[0]  # fmt: skip
        except OSError as e:
            keluaran["status"] = type(e).__name__
        keluaran["lama"] = time.time() - t0

    t = threading.Thread(target=terapkan)
    t.start()
    terbunuh = False
    if bunuh:
        time.sleep(random.uniform(0.05, 0.9) * lama_dasar)
        pid = _pid_untuk_port(port_klien)
        if pid is not None and t.is_alive():
            terbunuh = app.bunuh_web(pid)
        if random.random() < 0.5:
            app.bunuh_pekerja()
    t.join()
    tersimpan = app.django(HITUNG_IMPOR, semai["kel"], penanda)
    return {"baris": n, "tersimpan": tersimpan, "terbunuh": terbunuh, **keluaran}


# ------------------------------------------------------------------ (c) LKIP build


def status_bangun(app, pk: int) -> dict | None:
    """The job row read straight from the database (polled often, so no Django start-up);
    None while the database is restarting."""
    sql = "SELECT status, percobaan, pesan, progres FROM lkip_pekerjaanlkip WHERE id = "
    try:
        if "DATABASE_URL" in app.env:
            import psycopg

            with psycopg.connect(app.env["DATABASE_URL"], connect_timeout=3) as c:
                baris = c.execute(sql + "%s", (pk,)).fetchone()
        else:
            import sqlite3

            with sqlite3.connect(Path(app.env["KINERJA_DATA_DIR"]) / "kinerja.sqlite3") as c:
                baris = c.execute(sql + "?", (pk,)).fetchone()
    except Exception:  # noqa: BLE001 - database restarting
        return None
    return dict(zip(("status", "percobaan", "pesan", "progres"), baris, strict=True))


def bangun_sekali(app, semai, kali_bunuh: int, batas: float) -> dict:
    pk = app.django(BANGUN, semai["kel"], semai["admin"])
    mulai = time.time()
    dibunuh = 0
    siap = True  # a second kill only once the restarted worker has requeued the build
    while time.time() - mulai < batas:
        s = status_bangun(app, pk)
        if s and s["status"] in ("selesai", "gagal"):
            return s | {"dibunuh": dibunuh, "detik": time.time() - mulai}
        if s and s["status"] == "antre":
            siap = True
        if s and s["status"] == "berjalan" and dibunuh < kali_bunuh and siap:
            time.sleep(random.uniform(0.0, 2.0))  # a random moment of the build
            s = status_bangun(app, pk)
            if s and s["status"] == "berjalan" and app.bunuh_pekerja():
                dibunuh += 1
                siap = False
                if random.random() < 0.5:
                    app.bunuh_web()
        time.sleep(0.1)
    return (
        status_bangun(app, pk) or {"status": "?", "percobaan": 0, "pesan": "", "progres": 0}
    ) | {"dibunuh": dibunuh, "detik": batas}


# ------------------------------------------------------------------ main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    ap.add_argument("--detik", type=float, default=40, help="survey burst length")
    ap.add_argument("--klien", type=int, default=8)
    ap.add_argument("--pekerja", type=int, default=3, help="gunicorn workers")
    ap.add_argument("--impor", type=int, default=6, help="imports applied under a fault")
    ap.add_argument("--indikator", type=int, default=25, help="monthly indicators (rows = 12x)")
    ap.add_argument("--bangun", type=int, default=4, help="LKIP builds under a fault")
    ap.add_argument("--port", type=int, default=8791)
    ap.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--benih", type=int, default=None, help="random seed")
    a = ap.parse_args()
    random.seed(a.benih)
    pg = a.db == "postgres"

    data_dir = tempfile.mkdtemp(prefix="kinerja-gangguan-")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("KINERJA_", "DATABASE_URL"))
    } | {
        "DJANGO_SETTINGS_MODULE": "kinerja.settings",
        "KINERJA_DATA_DIR": data_dir,
        "KINERJA_DEBUG": "0",
        "KINERJA_SECRET_KEY": "gangguan-" + os.urandom(24).hex(),
        "KINERJA_KUNCI_SIDIK": "sidik-" + os.urandom(24).hex(),
        "KINERJA_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "KINERJA_BATAS_SURVEI": "",  # floods are bench/tests of their own; here: faults only
        "KINERJA_BATAS_MASUK": "1000/m",
        "PYTHONPATH": f"{AKAR}:{AKAR / 'src'}",
    }
    if pg:
        import psycopg

        with psycopg.connect(f"{a.pg}/postgres", autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            c.execute(f"CREATE DATABASE {DB}")
        env["DATABASE_URL"] = f"{a.pg}/{DB}"
    app = Aplikasi(a, env)
    gagal = []
    try:
        subprocess.run([BIN / "kinerja", "migrate", "-v0"], env=env, check=True, cwd=AKAR)
        templat = Path(data_dir) / "templat.xlsx"
        semai = app.django(SEMAI, a.indikator, templat, ulang=1)
        app.mulai_web()
        app.mulai_pekerja()
        threading.Thread(target=app.awasi, daemon=True).start()

        # (a)
        g0 = app.gangguan.copy()
        s = ledakan_survei(app, semai, pg)
        g_survei = app.gangguan - g0
        if s["hilang"] or s["ganda"]:
            gagal.append("survei: diakui tidak tersimpan tepat sekali")
        if s["jawaban"] != 9 * s["respon"] or s["rekap"] != s["jawaban"]:
            gagal.append("survei: jawaban/rekap tidak sesuai respon")

        # (b)
        sesi = Sesi(a.port)
        sesi.masuk("operator_gangguan")
        dasar = impor_sekali(app, sesi, semai, templat, 0, False, 0)
        g0 = app.gangguan.copy()
        impor = [
            impor_sekali(app, sesi, semai, templat, i + 1, True, dasar["lama"])
            for i in range(a.impor)
        ]
        g_impor = app.gangguan - g0
        akhir = impor_sekali(app, sesi, semai, templat, 99, False, 0)
        setengah = sum(1 for x in impor + [dasar, akhir] if 0 < x["tersimpan"] < x["baris"])
        utuh = sum(1 for x in impor if x["tersimpan"] == x["baris"])
        nol = sum(1 for x in impor if x["tersimpan"] == 0)
        if setengah:
            gagal.append("impor: sebagian diterapkan")
        if akhir["tersimpan"] != akhir["baris"] or dasar["tersimpan"] != dasar["baris"]:
            gagal.append("impor tanpa gangguan tidak diterapkan")
        for x in impor:
            if x["status"] == 302 and x["tersimpan"] != x["baris"]:
                gagal.append("impor: diakui tetapi tidak diterapkan")

        # (c)
        g0 = app.gangguan.copy()
        bangun = [bangun_sekali(app, semai, 1 if i % 2 == 0 else 2, 180) for i in range(a.bangun)]
        g_bangun = app.gangguan - g0
        lanjut = sum(1 for b in bangun if b["status"] == "selesai" and b["percobaan"] > 1)
        selesai = sum(1 for b in bangun if b["status"] == "selesai")
        gagal_alasan = sum(1 for b in bangun if b["status"] == "gagal" and b["pesan"].strip())
        macet = sum(1 for b in bangun if b["status"] not in ("selesai", "gagal"))
        if macet or any(b["status"] == "gagal" and not b["pesan"].strip() for b in bangun):
            gagal.append("LKIP: pembangunan macet atau gagal tanpa alasan")

        def g(c):
            return ", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "-"

        print(
            f"\n== bench/gangguan.py · {a.db} · {a.pekerja} pekerja web · {os.cpu_count()} CPU =="
        )
        print(f"(a) ledakan survei {a.detik:.0f} s, {a.klien} klien")
        print(f"    gangguan          {g(g_survei)}")
        if "pg_detik" in s:
            print(f"    PostgreSQL kembali dalam {s['pg_detik']:.1f} s")
        print(
            f"    diakui (302)      {len(s['diakui'])} (setelah kirim ulang: {s['diakui setelah kirim ulang']})"
        )
        print(f"    galat dilihat     {dict(s['galat']) or 0}; menyerah {s['menyerah']}")
        print(f"    tersimpan         {s['tersimpan']} dari yang diakui; hilang {s['hilang']}")
        print(f"    ganda             {s['ganda']}")
        print(
            f"    tersimpan tanpa diakui {s['tersimpan_tanpa_diakui']} (respon terputus sebelum jawaban sampai)"
        )
        print(f"    jawaban/rekap     {s['jawaban']} / {s['rekap']} (harus {9 * s['respon']})")
        print(f"(b) impor Excel {dasar['baris']} baris, tanpa gangguan {dasar['lama']:.1f} s")
        print(f"    gangguan          {g(g_impor)}")
        print(f"    diterapkan utuh   {utuh}; tidak sama sekali {nol}; setengah {setengah}")
        print("    per impor         " + "; ".join(
            f"{x['status']} {x['tersimpan']}/{x['baris']}{' (pekerja dibunuh)' if x['terbunuh'] else ''}"
            for x in impor))  # fmt: skip
        print(f"    impor ulang       {akhir['tersimpan']}/{akhir['baris']}")
        print(f"(c) pembangunan LKIP {len(bangun)}")
        print(f"    gangguan          {g(g_bangun)}")
        print(f"    dilanjutkan       {lanjut} (selesai seluruhnya {selesai})")
        print(f"    gagal beralasan   {gagal_alasan}")
        print(f"    macet             {macet}")
        for b in bangun:
            print(f"      {b['status']:8} percobaan {b['percobaan']} dibunuh {b['dibunuh']} "
                  f"{b['detik']:.0f} s {b['pesan'][:70]!r}")  # fmt: skip
        total = app.gangguan
        print(
            f"jumlah gangguan      {sum(v for k, v in total.items() if 'dimulai ulang' not in k or 'PostgreSQL' in k)} ({g(total)})"
        )
        print("INVARIAN: " + ("SEMUA TERPENUHI" if not gagal else "GAGAL: " + "; ".join(gagal)))
        return 0 if not gagal else 1
    finally:
        app.berhenti()
        if pg:
            import psycopg

            for _ in range(20):
                try:
                    with psycopg.connect(f"{a.pg}/postgres", autocommit=True) as c:
                        c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
                    break
                except psycopg.OperationalError:
                    time.sleep(1)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
