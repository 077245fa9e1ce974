"""Faults (issue 14): kill processes at random moments and check that nothing is lost,
doubled or half-applied.

On a throwaway PostgreSQL database (kinerja_bench_gangguan) it runs, for real:
1. a public survey burst through gunicorn while a killer SIGKILLs a random web worker every
   0,5-2 s (the gunicorn master starts a new one); each submission carries a unique marker in
   its suggestion text, so every acknowledged one (302 to the thank-you page) can be looked
   for in the database: stored exactly once;
2. the same burst with PostgreSQL itself restarted mid-burst (`pg_ctlcluster`; skipped with
   --tanpa-restart-pg, since it also cuts every other client of this server);
3. an Excel realisasi import being applied in its own process, SIGKILLed at a random moment:
   afterwards its rows are all there or none (never half);
4. an LKIP build on the job queue (`kinerja pekerja`), the worker SIGKILLed mid-build and
   started again: the build is resumed and finishes, or is marked failed with its reason;
   never stuck queued/running. A second build is killed twice: it must end failed.

Prints a table of faults injected, acknowledged, stored, duplicated, half-applied and the
builds' outcomes; exits 1 when an invariant fails.

    .venv/bin/python bench/gangguan.py [--detik 20] [--klien 6] [--impor 4] [--tanpa-restart-pg]
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing as mp
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DB = "kinerja_bench_gangguan"

SEMAI = r"""
import django; django.setup()
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei_publik.layanan import tautan_buat
from kinerja.perencanaan.models import Indikator, Sasaran
from tests import pabrik
kota = pabrik.organisasi("Kota Gangguan", "kota_administrasi", slug="kota-gangguan")
kel = pabrik.organisasi("Kelurahan Gangguan", "kelurahan", kota, slug="kel-gangguan")
admin = pabrik.pengguna("admin_gangguan", ("admin", kota))
pabrik.pengguna("op_gangguan", ("operator", kel))
k = kuesioner_baku("skm")
p = putaran_buat(kuesioner=k, organisasi=kel, layanan=k.layanan.order_by("urutan").first(),
                 jenis_periode="semester", tahun=2025, ke=1, aktor=admin, status="dibuka")
t = tautan_buat(putaran=p, aktor=admin)
s = Sasaran.objects.create(organisasi=kel, nomor=1, uraian="Sasaran uji gangguan")
for i in range(1, 101):  # monthly: 1.200 rows per imported year
    Indikator.objects.create(sasaran=s, organisasi=kel, nama=f"Indikator gangguan {i}",
                             kode=f"G.{i}", frekuensi="bulan")
for i in range(1, 4):
    pabrik.indikator_pk(kota, nama=f"Indeks kota {i}", kode=f"K.{i}", target="90")
print(f"HASIL {p.pk} {t.kode}")
"""

IMPOR = r"""
import io, sys, django; django.setup()
from openpyxl import load_workbook
from kinerja.organisasi.models import Organisasi
from kinerja.pertukaran.ekspor import templat_realisasi
from kinerja.pertukaran.layanan import impor_realisasi
from django.contrib.auth import get_user_model
tahun = int(sys.argv[1])
kel = Organisasi.objects.get(slug="kel-gangguan")
wb = load_workbook(io.BytesIO(templat_realisasi(kel, tahun)))
ws = wb["Realisasi"]
kolom = {c.value: c.column for c in ws[3]}
for r in ws.iter_rows(min_row=4):
    if r[0].value:
        ws.cell(row=r[0].row, column=kolom["nilai"], value=50 + r[0].row % 40)
buf = io.BytesIO(); wb.save(buf)
print("MULAI", flush=True)
rencana, ok = impor_realisasi(organisasi=kel, tahun=tahun, isi=buf.getvalue(),
                              nama_berkas="gangguan.xlsx",
                              aktor=get_user_model().objects.get(username="op_gangguan"))
print("SELESAI", ok, len(rencana.baris), flush=True)
"""

ANTREKAN = r"""
import sys, django; django.setup()
from django.db import transaction
from kinerja.lkip.layanan import mulai_pekerjaan
from kinerja.organisasi.models import Organisasi
with transaction.atomic():
    p = mulai_pekerjaan(organisasi=Organisasi.objects.get(slug="kota-gangguan"),
                        tahun=2024, format=["docx", "pdf", "xlsx"], aktor=None)
print("PEKERJAAN", p.pk)
"""

ISIAN = {f"b_F{i}": str(1 + i % 4) for i in range(1, 10)} | {
    "d_jenis_kelamin": "P", "d_usia": "26-35", "d_pendidikan": "s1", "d_pekerjaan": "swasta",
    "telepon": "", "situs_web": "",
}  # fmt: skip


def _klien(no, port, kode, batas_waktu, antre):
    """One device: GET the form once, then POST (each with its marker) until the deadline;
    reports the markers acknowledged with 302 to the thank-you page."""
    sumber = (f"127.0.0.{20 + no}", 0)
    jalur = f"/s/{kode}/"
    token = csrf = None
    while token is None and time.time() < batas_waktu:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=sumber)
            c.request("GET", jalur)
            r = c.getresponse()
            html = r.read().decode()
            csrf = re.search(r"csrftoken=([^;]+)", r.getheader("Set-Cookie", "")).group(1)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        except (OSError, AttributeError):
            time.sleep(0.3)
    diakui, gagal, n = [], 0, 0
    while token and time.time() < batas_waktu:
        n += 1
        penanda = f"penanda-{no}-{n}"
        badan = urllib.parse.urlencode(ISIAN | {"saran": penanda, "csrfmiddlewaretoken": token})
        kepala = {
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://127.0.0.1:{port}{jalur}",
        }  # fmt: skip
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=sumber)
            c.request("POST", jalur, body=badan, headers=kepala)
            r = c.getresponse()
            r.read()
            if r.status == 302 and r.getheader("Location", "").endswith("/selesai/"):
                diakui.append(penanda)
            else:
                gagal += 1
        except OSError:
            gagal += 1  # the worker died under us: not acknowledged
            time.sleep(0.05)
    antre.put((diakui, gagal))


def _anak(pid: int) -> list[int]:
    try:
        teks = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(x) for x in teks.split()]


def _ledakan(a, env, port, kode, *, bunuh_web: bool, restart_pg: bool) -> dict:
    server = subprocess.Popen(
        [BIN / "gunicorn", "kinerja.wsgi:application", "-w", "3", "-b", f"127.0.0.1:{port}",
         "--log-level", "critical", "--graceful-timeout", "1"],
        env=env, cwd=AKAR,
    )  # fmt: skip
    for _ in range(100):
        try:
            h = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            h.request("GET", "/sehat/")
            h.getresponse().read()
            break
        except OSError:
            time.sleep(0.2)
    antre = mp.Queue()
    batas = time.time() + a.detik
    klien = [mp.Process(target=_klien, args=(i, port, kode, batas, antre)) for i in range(a.klien)]
    for k in klien:
        k.start()
    gangguan = 0
    restart_pada = time.time() + a.detik / 3
    while time.time() < batas:
        time.sleep(random.uniform(0.5, 2.0))
        if bunuh_web:
            anak = _anak(server.pid)
            if anak:
                os.kill(random.choice(anak), signal.SIGKILL)
                gangguan += 1
        if restart_pg and time.time() >= restart_pada:
            subprocess.run(["pg_ctlcluster", "15", "main", "restart"], check=True)
            gangguan += 1
            restart_pg = False
    hasil = [antre.get(timeout=a.detik + 60) for _ in klien]
    for k in klien:
        k.join()
    server.terminate()
    server.wait(timeout=30)
    diakui = [m for h in hasil for m in h[0]]
    return {"gangguan": gangguan, "diakui": diakui, "gagal": sum(h[1] for h in hasil)}


def _periksa_respon(pg: str, diakui: list[str]) -> tuple[int, int, int]:
    """(stored among acknowledged, missing, duplicated)."""
    with psycopg.connect(pg) as c:
        baris = c.execute(
            "SELECT saran, count(*) FROM survei_respon WHERE saran LIKE 'penanda-%%' GROUP BY saran"
        ).fetchall()
    jumlah = dict(baris)
    tersimpan = sum(1 for m in diakui if jumlah.get(m, 0) >= 1)
    hilang = len(diakui) - tersimpan
    ganda = sum(1 for n in jumlah.values() if n > 1)
    return tersimpan, hilang, ganda


def _impor(a, env, pg) -> dict:
    """Each attempt imports one year (1.200 rows) in its own process and is killed at a random
    moment of its apply: the year has all rows or none."""
    dibunuh = setengah = utuh = kosong = 0
    lama = None  # one undisturbed apply first: how long it takes
    for k in range(a.impor + 1):
        tahun = 2030 + k
        proses = subprocess.Popen(
            [sys.executable, "-c", IMPOR, str(tahun)], env=env, cwd=AKAR,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        proses.stdout.readline()  # MULAI: the workbook is built, the apply starts
        if lama is None:
            t0 = time.time()
            proses.wait()
            lama = time.time() - t0
            continue
        # a random moment of the apply; the last attempt is given time to finish first, so
        # the check also sees a completed apply next to the killed ones
        time.sleep(2 * lama if k == a.impor else random.uniform(0.1, lama))
        if proses.poll() is None:
            proses.kill()
            dibunuh += 1
        proses.wait()
        with psycopg.connect(pg) as c:
            n = c.execute(
                "SELECT count(*) FROM pengukuran_realisasi WHERE tahun = %s", (tahun,)
            ).fetchone()[0]
        if n == 0:
            kosong += 1
        elif n == 1200:
            utuh += 1
        else:
            setengah += 1
    return {"percobaan": a.impor, "dibunuh": dibunuh, "utuh": utuh, "kosong": kosong,
            "setengah": setengah, "lama": lama}  # fmt: skip


def _status_pekerjaan(pg: str, pk: int) -> tuple[str, int, str, int]:
    with psycopg.connect(pg) as c:
        return c.execute(
            "SELECT status, progres, pesan, percobaan FROM lkip_pekerjaanlkip WHERE id = %s",
            (pk,),
        ).fetchone()


def _pekerja(env) -> subprocess.Popen:
    # its own process group: SIGKILL reaches LibreOffice too, like a machine losing the worker
    return subprocess.Popen(
        [BIN / "kinerja", "pekerja", "--interval", "0.2"], env=env, cwd=AKAR,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip


def _bunuh_saat_berjalan(env, pg, pk, percobaan: int, batas=120) -> bool:
    """Start a worker and SIGKILL it once attempt `percobaan` of the build is under way."""
    w = _pekerja(env)
    mulai = time.time()
    while time.time() - mulai < batas:
        status, progres, _, ke = _status_pekerjaan(pg, pk)
        if status == "berjalan" and progres >= 5 and ke >= percobaan:
            time.sleep(random.uniform(0.2, 1.5))
            os.killpg(w.pid, signal.SIGKILL)
            w.wait()
            return True
        if status in ("selesai", "gagal"):
            break
        time.sleep(0.1)
    os.killpg(w.pid, signal.SIGKILL)
    w.wait()
    return False


def _tunggu_akhir(env, pg, pk, batas=300) -> tuple[str, str]:
    w = _pekerja(env)
    mulai = time.time()
    try:
        while time.time() - mulai < batas:
            status, _, pesan, _ = _status_pekerjaan(pg, pk)
            if status in ("selesai", "gagal"):
                return status, pesan
            time.sleep(0.3)
        return _status_pekerjaan(pg, pk)[0], "(waktu habis)"
    finally:
        os.killpg(w.pid, signal.SIGKILL)
        w.wait()


def _antrekan(env) -> int:
    keluar = subprocess.run(
        [sys.executable, "-c", ANTREKAN], env=env, cwd=AKAR, check=True,
        capture_output=True, text=True,
    ).stdout  # fmt: skip
    return int(re.search(r"PEKERJAAN (\d+)", keluar).group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detik", type=float, default=20, help="lama tiap ledakan survei")
    ap.add_argument("--klien", type=int, default=6)
    ap.add_argument("--impor", type=int, default=4, help="percobaan impor yang dibunuh")
    ap.add_argument("--port", type=int, default=8791)
    ap.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("--tanpa-restart-pg", action="store_true")
    a = ap.parse_args()
    random.seed(int(os.environ.get("KINERJA_GANGGUAN_SEED", time.time())))

    admin_url = f"{a.pg}/postgres"
    pg = f"{a.pg}/{DB}"
    with psycopg.connect(admin_url, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {DB}")
    data_dir = tempfile.mkdtemp(prefix="kinerja-gangguan-")
    env = os.environ | {
        "DATABASE_URL": pg, "DJANGO_SETTINGS_MODULE": "kinerja.settings",
        "KINERJA_DATA_DIR": data_dir, "KINERJA_DEBUG": "1",  # a throwaway key is fine here
        "KINERJA_ALLOWED_HOSTS": "127.0.0.1,localhost", "KINERJA_SURVEI_BATAS_ALAMAT_MENIT": "100000",
        "KINERJA_BATAS_SURVEI": "",  # rate limits are not what is tested here "PYTHONPATH": f"{AKAR}:{AKAR / 'src'}",
    }  # fmt: skip
    gagal = []
    try:
        subprocess.run([BIN / "kinerja", "migrate", "-v0"], env=env, check=True, cwd=AKAR)
        keluar = subprocess.run(
            [sys.executable, "-c", SEMAI], env=env, check=True, cwd=AKAR,
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        _, kode = re.search(r"HASIL (\d+) (\S+)", keluar).groups()

        baris = []
        for nama, bunuh, restart in (
            ("survei + SIGKILL pekerja web", True, False),
            ("survei + restart PostgreSQL", False, not a.tanpa_restart_pg),
        ):
            if not bunuh and not restart:
                continue
            h = _ledakan(a, env, a.port, kode, bunuh_web=bunuh, restart_pg=restart)
            tersimpan, hilang, ganda = _periksa_respon(pg, h["diakui"])
            baris.append(
                (nama, h["gangguan"], len(h["diakui"]), tersimpan, hilang, ganda, h["gagal"])
            )
            if hilang or ganda:
                gagal.append(f"{nama}: {hilang} hilang, {ganda} ganda")
        print(
            f"{'skenario':34} {'gangguan':>8} {'diakui':>7} {'tersimpan':>9} {'hilang':>6} {'ganda':>5} {'ditolak/putus':>13}"
        )
        for b in baris:
            print(f"{b[0]:34} {b[1]:>8} {b[2]:>7} {b[3]:>9} {b[4]:>6} {b[5]:>5} {b[6]:>13}")

        im = _impor(a, env, pg)
        print(
            f"\nimpor Excel 1.200 baris (penerapan utuh {im['lama']:.1f} s): {im['percobaan']} percobaan, {im['dibunuh']} dibunuh (SIGKILL) "
            f"di tengah penerapan; utuh {im['utuh']}, kosong {im['kosong']}, setengah {im['setengah']} (harus 0)"
        )
        if im["setengah"]:
            gagal.append(f"impor setengah diterapkan: {im['setengah']}")

        pk = _antrekan(env)
        dibunuh = _bunuh_saat_berjalan(env, pg, pk, 1)
        status, pesan = _tunggu_akhir(env, pg, pk)
        print(
            f"\nLKIP (docx, pdf, xlsx), pekerja dibunuh sekali: {'ya' if dibunuh else 'tidak sempat'}; akhir: {status}"
        )
        if status not in ("selesai", "gagal"):
            gagal.append(f"pembangunan tertahan: {status}")
        # a second build killed twice must end failed, with its reason
        pk2 = _antrekan(env)
        kali = sum(_bunuh_saat_berjalan(env, pg, pk2, ke) for ke in (1, 2))
        status2, pesan2 = _tunggu_akhir(env, pg, pk2, batas=60)
        print(f"LKIP, pekerja dibunuh {kali} kali: akhir {status2}: {pesan2[:90]}")
        if kali == 2 and status2 != "gagal":
            gagal.append(f"pembangunan yang terputus dua kali berakhir {status2}, bukan gagal")
        if status2 not in ("selesai", "gagal"):
            gagal.append(f"pembangunan kedua tertahan: {status2}")
    finally:
        with psycopg.connect(admin_url, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
    print("\nINVARIAN:", "semua terpenuhi" if not gagal else "; ".join(gagal))
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
