"""`kinerja cadangkan` / `kinerja pulihkan` (issue 14): a round trip through the commands as
an operator runs them, in separate processes, on SQLite and (when the suite runs on it)
PostgreSQL: every table's rows, the audit history and the uploaded files come back
identical; a tampered or missing file and a non-empty target are refused."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[2]
URL_PG = os.environ.get("DATABASE_URL", "")
JENIS = ["sqlite"] + (["postgresql"] if URL_PG.startswith("postgres") else [])

ISI_DATA = """
import django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
django.setup()
from decimal import Decimal
from django.conf import settings
from pathlib import Path
from kinerja.pengukuran.models import Realisasi
from tests import pabrik
t = pabrik.pohon_kecil()
ind, butir = pabrik.indikator_pk(t["kel_a"], target="90")
r = Realisasi.objects.create(indikator=ind, organisasi=t["kel_a"], tahun=2024,
    jenis_periode="tahun", ke=1, nilai=Decimal("91.5"), status="draft")
r.nilai = Decimal("92.25")
r.save()  # a second history row
p = Path(settings.MEDIA_ROOT) / "bukti" / "2024" / "bukti-uji.pdf"
p.parent.mkdir(parents=True, exist_ok=True)
p.write_bytes(b"%PDF-1.4 bukti uji " + bytes(range(256)))
"""

ISI_TABEL = """
import django, json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
django.setup()
from django.db import connection
hasil = {}
with connection.cursor() as c:
    for t in sorted(connection.introspection.table_names(c)):
        c.execute(f"SELECT * FROM {connection.ops.quote_name(t)}")
        hasil[t] = sorted(repr(b) for b in c.fetchall())
print(json.dumps(hasil))
"""


def _env(tmp: Path, nama: str, jenis: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KINERJA_DATA_DIR"] = str(tmp / nama)
    env["KINERJA_ANTREAN"] = "langsung"
    env.setdefault("KINERJA_SECRET_KEY", "uji-cadangan-" + nama)
    if jenis == "postgresql":
        env["DATABASE_URL"] = URL_PG.rsplit("/", 1)[0] + f"/kinerja_uji_cadangan_{nama}"
    return env


def _siapkan_pg(nama: str) -> None:
    import psycopg

    admin = URL_PG.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "kinerja_uji_cadangan_{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "kinerja_uji_cadangan_{nama}"')


def _jalan(env, *args, ok=True):
    r = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", *args],
        env=env,
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if ok:
        assert r.returncode == 0, r.stdout + r.stderr
    return r


def _py(env, kode: str) -> str:
    r = subprocess.run(
        [sys.executable, "-c", kode], env=env, cwd=AKAR, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("jenis", JENIS)
def test_cadangkan_pulihkan_bolak_balik(tmp_path, jenis):
    if jenis == "postgresql":
        _siapkan_pg("a")
        _siapkan_pg("b")
    a, b = _env(tmp_path, "a", jenis), _env(tmp_path, "b", jenis)
    _jalan(a, "migrate", "-v0")
    _py(a, ISI_DATA)
    folder = tmp_path / "cadangan"
    keluar = _jalan(a, "cadangkan", str(folder)).stdout
    assert f"Cadangan {jenis} ditulis" in keluar
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tabel"]["pengukuran_historicalrealisasi"] == 2
    assert manifest["tabel"]["organisasi_organisasi"] == 4
    assert list(manifest["berkas_unggahan"]) == ["bukti/2024/bukti-uji.pdf"]
    assert oct(folder.stat().st_mode)[-3:] == "700"

    keluar = _jalan(b, "pulihkan", str(folder)).stdout
    assert "Pulih dan cocok dengan manifest" in keluar
    assert json.loads(_py(a, ISI_TABEL)) == json.loads(_py(b, ISI_TABEL))
    asli = tmp_path / "a" / "berkas" / "bukti" / "2024" / "bukti-uji.pdf"
    pulih = tmp_path / "b" / "berkas" / "bukti" / "2024" / "bukti-uji.pdf"
    assert hashlib.sha256(asli.read_bytes()).digest() == hashlib.sha256(pulih.read_bytes()).digest()

    # the target is no longer empty: refused without --timpa, accepted with it
    r = _jalan(b, "pulihkan", str(folder), ok=False)
    assert r.returncode != 0 and "Tujuan pemulihan tidak kosong" in r.stderr
    assert "Pulih dan cocok" in _jalan(b, "pulihkan", str(folder), "--timpa").stdout


def test_cadangan_rusak_atau_hilang_ditolak(tmp_path):
    a, c = _env(tmp_path, "a", "sqlite"), _env(tmp_path, "c", "sqlite")
    _jalan(a, "migrate", "-v0")
    folder = tmp_path / "cadangan"
    _jalan(a, "cadangkan", str(folder))
    r = _jalan(a, "cadangkan", str(folder), ok=False)
    assert r.returncode != 0 and "tidak kosong" in r.stderr

    with (folder / "berkas.tar").open("ab") as f:
        f.write(b"diubah")
    r = _jalan(c, "pulihkan", str(folder), ok=False)
    assert r.returncode != 0 and "berubah sejak dicadangkan" in r.stderr
    assert not (tmp_path / "c" / "berkas").exists()  # nothing restored

    next(folder.glob("basis-data.*")).unlink()
    r = _jalan(c, "pulihkan", str(folder), ok=False)
    assert r.returncode != 0 and "hilang" in r.stderr
    r = _jalan(c, "pulihkan", str(tmp_path / "bukan-cadangan"), ok=False)
    assert r.returncode != 0 and "bukan folder cadangan" in r.stderr
