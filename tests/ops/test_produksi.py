"""Production settings (issue 14): every environment variable documented, `check --deploy`
clean, a Content-Security-Policy without inline script or style in templates, a request
size limit with an Indonesian 413, /api/docs behind login, and `kinerja serve` (gunicorn).
"""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests import pabrik
from tests.ops.bantu import KINERJA, KUNCI_KUAT, env_bersih, jalankan

AKAR = Path(__file__).resolve().parents[2]
SRC = AKAR / "src" / "kinerja"
BACA_ENV = re.compile(
    r"""(?:os\.environ\.get|os\.environ\.setdefault|os\.getenv|_flag|_angka_env|_laju|"""
    r"""os\.environ\[|rahasia\.kunci)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)
BUKAN_PENGATURAN = {"DJANGO_SETTINGS_MODULE", "HOME", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def env_produksi(data_dir, **lain) -> dict:
    nilai = {
        "KINERJA_PRODUKSI": "1", "KINERJA_HTTPS": "1", "KINERJA_SECRET_KEY": KUNCI_KUAT,
        "KINERJA_KUNCI_SIDIK": "sidik-" + KUNCI_KUAT,
        "KINERJA_ALLOWED_HOSTS": "kinerja.example.go.id",
    }  # fmt: skip
    return env_bersih(data_dir, **{**nilai, **lain})


def test_setiap_variabel_lingkungan_tercantum_di_readme():
    dibaca = set()
    for berkas in SRC.rglob("*.py"):
        if berkas.name != "settings_uji.py":
            dibaca |= set(BACA_ENV.findall(berkas.read_text(encoding="utf-8")))
    dibaca |= set(re.findall(r"\$\{?(KINERJA_[A-Z_]+)", (AKAR / "kinerja").read_text()))
    dibaca -= BUKAN_PENGATURAN
    assert {"KINERJA_PRODUKSI", "KINERJA_SECRET_KEY", "DATABASE_URL"} <= dibaca
    readme = (AKAR / "README.md").read_text(encoding="utf-8")
    tabel = readme[readme.index("## Konfigurasi") :]
    hilang = sorted(v for v in dibaca if f"| `{v}` |" not in tabel)
    assert not hilang, f"tidak ada di tabel Konfigurasi README: {hilang}"


def test_check_deploy_tanpa_peringatan_di_pengaturan_produksi(tmp_path):
    r = jalankan(["check", "--deploy", "--fail-level", "WARNING"], env_produksi(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout, r.stdout + r.stderr


def test_check_deploy_tanpa_https_memperingatkan(tmp_path):
    """The check is not blind: the same settings over plain HTTP report the missing HSTS."""
    r = jalankan(
        ["check", "--deploy", "--fail-level", "WARNING"], env_produksi(tmp_path, KINERJA_HTTPS="0")
    )
    assert r.returncode != 0 and "security.W004" in r.stderr


def test_kebijakan_csp_tanpa_skrip_sebaris(client, db):
    r = client.get(reverse("masuk"))
    csp = r["Content-Security-Policy"]
    aturan = dict(a.strip().split(" ", 1) for a in csp.split(";") if a.strip())
    assert aturan["script-src"] == "'self'" and "unsafe" not in aturan["script-src"]
    assert aturan["default-src"] == "'self'" and aturan["object-src"] == "'none'"
    assert aturan["frame-ancestors"] == "'none'" and "unsafe" not in aturan["style-src-elem"]


def test_templat_tanpa_skrip_gaya_dan_penangan_sebaris():
    """Templates carry no inline <script>, event handler, <style> block or style attribute:
    the policy above would break them (they live in static files)."""
    pola = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)|\son[a-z]+\s*=|<style|\sstyle\s*=", re.I
    )
    salah = []
    for berkas in SRC.rglob("templates/**/*.html"):
        for i, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1):
            if pola.search(baris):
                salah.append(f"{berkas.relative_to(SRC)}:{i}")
    assert not salah, salah


def test_isian_terlalu_besar_ditolak_413_dengan_pesan(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    r = client.post(reverse("masuk"), {"username": "x" * 5000, "password": "y"})
    assert r.status_code == 413
    teks = r.content.decode()
    assert "Kiriman terlalu besar: isian formulir paling banyak 1 KB" in teks
    r = client.post("/api/realisasi", "[" + "1," * 2000 + "1]", content_type="application/json")
    assert r.status_code == 413 and "terlalu besar" in r.json()["detail"]


def test_unggahan_terlalu_besar_ditolak_413(client, db, settings):
    settings.KINERJA_BATAS_UNGGAH_BYTE = 2 * 2**20
    p = pabrik.pohon_kecil()
    client.force_login(p["op_a"])
    berkas = __import__("io").BytesIO(b"0" * (3 * 2**20))
    berkas.name = "besar.xlsx"
    r = client.post(f"/pertukaran/{p['kel_a'].slug}/2024/unggah/", {"berkas": berkas})
    assert r.status_code == 413
    assert "berkas unggahan paling banyak 2 MB" in r.content.decode()


def test_dokumen_api_perlu_masuk(client, db):
    r = client.get("/api/docs")
    assert r.status_code == 302 and "/masuk/" in r["Location"]
    p = pabrik.pohon_kecil()
    c = Client()
    c.force_login(p["op_a"])
    assert c.get("/api/docs").status_code == 200


@pytest.fixture
def server(tmp_path):
    env = env_produksi(tmp_path, KINERJA_HTTPS="0", KINERJA_ALLOWED_HOSTS="127.0.0.1",
                       KINERJA_ALAMAT="127.0.0.1:8132", KINERJA_PEKERJA_WEB="1")  # fmt: skip
    proses = subprocess.Popen(
        [KINERJA, "serve", "--migrate"], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    baris = []
    try:
        for b in proses.stdout:  # wait until gunicorn says it listens (no fixed sleep)
            baris.append(b)
            if "Booting worker" in b or proses.poll() is not None:
                break
        yield proses, baris
    finally:
        proses.terminate()
        proses.wait(timeout=30)


def test_serve_menjalankan_gunicorn_dan_melayani_halaman_masuk(server):
    proses, baris = server
    keluaran = "".join(baris)
    assert proses.poll() is None, keluaran
    assert (
        "gunicorn di 127.0.0.1:8132" in keluaran
        and "Listening at: http://127.0.0.1:8132" in keluaran
    )
    with urllib.request.urlopen("http://127.0.0.1:8132/masuk/", timeout=30) as r:
        assert r.status == 200
        assert "Content-Security-Policy" in r.headers
        assert "csrfmiddlewaretoken" in r.read().decode()
    with urllib.request.urlopen("http://127.0.0.1:8132/static/inti/kinerja.css", timeout=30) as r:
        assert r.status == 200  # collectstatic ran, whitenoise serves it


def test_serve_menolak_migrasi_tertunda(tmp_path):
    r = jalankan(["serve"], env_produksi(tmp_path))
    assert r.returncode != 0 and "migrasi basis data yang belum dijalankan" in r.stderr, r.stderr


def test_pekerja_gunicorn_didaur_ulang_jarang():
    """A worker is recycled (bounded memory) but not every 2000 requests: a new worker
    imports and warms Django again, ~1 s of CPU that at survey load was ~0,5 ms of every
    submission (keputusan 0065)."""
    from kinerja.cli.serve import perintah_gunicorn

    p = perintah_gunicorn(alamat="127.0.0.1:1", pekerja=2)
    n = int(p[p.index("--max-requests") + 1])
    jitter = int(p[p.index("--max-requests-jitter") + 1])
    assert n >= 20000 and 0 < jitter < n
