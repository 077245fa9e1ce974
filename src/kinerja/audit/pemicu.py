"""Append-only audit in the database itself (docs/keputusan/0028).

Every audit table refuses UPDATE and DELETE with a trigger, so neither a bug, the admin, a
shell nor raw SQL through the application's connection can rewrite history:

- every django-simple-history table (all `Historical*` models, including those other apps
  add later: they are found at run time, not listed), and
- the append-only workflow event tables in `TABEL_PERISTIWA`, plus any model that declares
  `hanya_tambah = True`.

PostgreSQL: a `pgtrigger.Protect` trigger (BEFORE UPDATE OR DELETE, per row). SQLite: two
`BEFORE UPDATE` / `BEFORE DELETE` triggers with `RAISE(ABORT, ...)`. Both are installed after
every `migrate` (post_migrate, idempotent), so a table created by a later migration is
covered the next time migrate runs. INSERT stays allowed (a restore into an empty database
loads rows with INSERT/COPY). TRUNCATE on PostgreSQL is not a row operation, which is how
Django's test flush empties tables there; on SQLite only the test settings may lift the
triggers during a flush (`KINERJA_AUDIT_BOLEH_KOSONGKAN_UJI`).
"""

from __future__ import annotations

import pgtrigger
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

# Workflow events that are written once and never changed (app_label.Model).
TABEL_PERISTIWA = (
    "pengukuran.PeristiwaRealisasi",  # realisasi transitions (submit, verify, return, ...)
    "survei.PeristiwaRespon",  # review status changes of a survey response
    "perencanaan.RevisiPK",  # numbered PK revisions with legal basis and reason
    "perencanaan.PerubahanTarget",  # old/new target of each line in a revision
)

NAMA = "kinerja_audit"
PESAN = "tabel audit {tabel} hanya boleh ditambah: {operasi} ditolak (keputusan 0028)"


def model_audit() -> list:
    """Every audit model: the simple-history models and the registered event models."""
    from simple_history.models import HistoricalChanges

    hasil = {}
    for model in apps.get_models():
        if issubclass(model, HistoricalChanges) or getattr(model, "hanya_tambah", False):
            hasil[model._meta.label] = model
    for label in TABEL_PERISTIWA:
        try:
            hasil[label] = apps.get_model(label)
        except LookupError:  # a model renamed on another branch: nothing to protect
            continue
    return [m for m in hasil.values() if m._meta.managed and not m._meta.proxy]


def tabel_audit() -> list[str]:
    return sorted(m._meta.db_table for m in model_audit())


# --------------------------------------------------------------------------- PostgreSQL


class TolakUbah(pgtrigger.Protect):
    """pgtrigger's Protect with the Indonesian message."""

    def get_func(self, model):
        return self.format_sql(
            "RAISE EXCEPTION 'tabel audit % hanya boleh ditambah: % ditolak (keputusan 0028)', "
            "TG_TABLE_NAME, TG_OP;"
        )


PEMICU_PG = TolakUbah(name=NAMA, operation=pgtrigger.Update | pgtrigger.Delete)


def daftarkan_pgtrigger() -> None:
    """Register the trigger with pgtrigger (so `kinerja pgtrigger ls` lists it); installing
    is done by `setelah_migrasi`, never by migrations of the apps that own the tables."""
    for model in model_audit():
        PEMICU_PG.register(model)


# ------------------------------------------------------------------------------- SQLite


def _sqlite_sql(tabel: str) -> list[str]:
    q = f'"{tabel}"'
    return [
        f"CREATE TRIGGER IF NOT EXISTS {NAMA}_{tabel}_ubah BEFORE UPDATE ON {q} BEGIN "
        f"SELECT RAISE(ABORT, '{PESAN.format(tabel=tabel, operasi='UPDATE')}'); END",
        f"CREATE TRIGGER IF NOT EXISTS {NAMA}_{tabel}_hapus BEFORE DELETE ON {q} BEGIN "
        f"SELECT RAISE(ABORT, '{PESAN.format(tabel=tabel, operasi='DELETE')}'); END",
    ]


def _sqlite_lepas(cursor) -> None:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{NAMA}_%"]
    )
    for (nama,) in cursor.fetchall():
        cursor.execute(f'DROP TRIGGER IF EXISTS "{nama}"')


# ------------------------------------------------------------------------------ install


def pasang(using: str = DEFAULT_DB_ALIAS) -> int:
    """Install the protect trigger on every audit table that exists; returns how many."""
    conn = connections[using]
    ada = set(conn.introspection.table_names())
    model = [m for m in model_audit() if m._meta.db_table in ada]
    if conn.vendor == "postgresql":
        for m in model:
            PEMICU_PG.install(m, database=using)
    elif conn.vendor == "sqlite":
        with conn.cursor() as c:
            for m in model:
                for sql in _sqlite_sql(m._meta.db_table):
                    c.execute(sql)
    return len(model)


def terpasang(using: str = DEFAULT_DB_ALIAS) -> set[str]:
    """Tables that carry the audit trigger now (for checks and tests)."""
    conn = connections[using]
    with conn.cursor() as c:
        if conn.vendor == "postgresql":
            c.execute(
                "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s",
                [f"pgtrigger_{NAMA}_%"],
            )
        else:
            c.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{NAMA}_%_hapus"],
            )
        return {r[0].strip('"') for r in c.fetchall()}


def setelah_migrasi(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate: the rate-limit cache table (database cache) and the audit triggers."""
    if any(
        c["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
        for c in settings.CACHES.values()
    ):
        call_command("createcachetable", database=using, verbosity=0)
    pasang(using)


def izinkan_kosongkan_uji() -> None:
    """Test settings only: Django's flush (TransactionTestCase, live_server) empties tables
    with DELETE on SQLite, which the triggers refuse. With KINERJA_AUDIT_BOLEH_KOSONGKAN_UJI
    (set in kinerja.settings_uji, never from the environment) a flush lifts the SQLite
    audit triggers and puts them back right after."""
    if not getattr(settings, "KINERJA_AUDIT_BOLEH_KOSONGKAN_UJI", False):
        return
    if not any("sqlite3" in db["ENGINE"] for db in settings.DATABASES.values()):
        return  # PostgreSQL flushes with TRUNCATE, which row triggers do not see
    from django.db.backends.sqlite3.base import DatabaseWrapper

    DatabaseOperations = DatabaseWrapper.ops_class
    if getattr(DatabaseOperations.execute_sql_flush, "_kinerja_audit", False):
        return
    asli = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        with self.connection.cursor() as c:
            _sqlite_lepas(c)
        try:
            return asli(self, sql_list)
        finally:
            pasang(self.connection.alias)

    execute_sql_flush._kinerja_audit = True
    DatabaseOperations.execute_sql_flush = execute_sql_flush
