"""The skeleton runs on the configured database: SQLite in WAL mode, or PostgreSQL."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_sehat_menjawab_dari_basis_data(client):
    jawab = client.get("/sehat/")
    assert jawab.status_code == 200
    assert jawab.json() == {"status": "sehat", "basis_data": connection.vendor}


@pytest.mark.django_db
def test_mode_basis_data_sesuai_konfigurasi():
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert connection.vendor == "postgresql"
        with connection.cursor() as c:
            c.execute("SHOW server_version_num")
            assert int(c.fetchone()[0]) >= 130000
    else:
        assert connection.vendor == "sqlite"
        with connection.cursor() as c:
            c.execute("PRAGMA journal_mode")
            mode = c.fetchone()[0]
        # The test database is in memory, where SQLite reports "memory"; the file database is WAL.
        assert mode in {"wal", "memory"}


def test_sqlite_berkas_memakai_wal(tmp_path, monkeypatch):
    """Without DATABASE_URL the settings choose a file SQLite database in WAL mode."""
    import sqlite3

    from kinerja import settings

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    konfigurasi = settings._database()
    assert konfigurasi["ENGINE"] == "django.db.backends.sqlite3"
    assert konfigurasi["NAME"] == tmp_path / "kinerja.sqlite3"
    con = sqlite3.connect(konfigurasi["NAME"])
    con.executescript(konfigurasi["OPTIONS"]["init_command"])
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_database_url_memilih_postgresql(monkeypatch):
    from kinerja import settings

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kinerja")
    konfigurasi = settings._database()
    assert konfigurasi["ENGINE"] == "django.db.backends.postgresql"
    assert konfigurasi["NAME"] == "kinerja" and konfigurasi["HOST"] == "127.0.0.1"
