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
    # Django's backend with a health check without a round trip (keputusan 0065)
    assert konfigurasi["ENGINE"] == "kinerja.inti.postgresql"
    assert konfigurasi["NAME"] == "kinerja" and konfigurasi["HOST"] == "127.0.0.1"
    assert konfigurasi["CONN_HEALTH_CHECKS"] is True


HANYA_PG = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL backend"
)


@pytest.fixture
def cek_penuh(monkeypatch):
    """Counts the full health checks (Django's own `SELECT 1`)."""
    from django.db.backends.postgresql import base as asli

    dipanggil = []
    semula = asli.DatabaseWrapper.is_usable
    monkeypatch.setattr(
        asli.DatabaseWrapper, "is_usable", lambda self: dipanggil.append(1) or semula(self)
    )
    return dipanggil


@HANYA_PG
@pytest.mark.django_db(transaction=True)
def test_cek_kesehatan_tanpa_kueri_lalu_koneksi_yang_diputus_server_terdeteksi(cek_penuh):
    """An idle connection passes the health check without `SELECT 1`; one the server ended
    (pg_terminate_backend, as a restart does) fails it, is closed, and the next query of
    the request opens a new connection instead of answering 500."""
    import time

    import psycopg
    from django.db import connections

    from kinerja.inti.postgresql.base import DatabaseWrapper

    assert isinstance(connections["default"], DatabaseWrapper)
    with connection.cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        pid = c.fetchone()[0]
    assert connection.is_usable() is True
    assert cek_penuh == []  # no SELECT 1: nothing was waiting on the socket

    d = connection.settings_dict
    with psycopg.connect(
        host=d["HOST"], port=d["PORT"] or 5432, user=d["USER"], dbname=d["NAME"],
        autocommit=True,
    ) as lain:  # fmt: skip
        lain.execute("SELECT pg_terminate_backend(%s)", [pid])
    for _ in range(100):  # until the FATAL message and EOF reach the socket
        if not connection.is_usable():
            break
        time.sleep(0.02)
    assert connection.is_usable() is False

    connection.health_check_enabled, connection.health_check_done = True, False
    connection.close_if_health_check_failed()
    assert connection.connection is None  # closed, so the next query reconnects
    with connection.cursor() as c:
        c.execute("SELECT pg_backend_pid()")
        assert c.fetchone()[0] != pid


@HANYA_PG
@pytest.mark.django_db(transaction=True)
def test_cek_kesehatan_penuh_bila_transaksi_terbuka_atau_ada_galat(cek_penuh):
    from django.db import transaction

    with transaction.atomic():
        with connection.cursor() as c:
            c.execute("SELECT 1")
        assert connection.is_usable() is True
    assert cek_penuh == [1]  # a transaction was open: the full check
    connection.errors_occurred = True
    try:
        assert connection.is_usable() is True
    finally:
        connection.errors_occurred = False
    assert cek_penuh == [1, 1]  # an error in this request: the full check
