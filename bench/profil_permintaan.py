"""Where one public-form submission spends its time, per category (bench/survei_intake.py
--profil N): application CPU, database time and SQL statements.

Each category is a set of functions wrapped (only in the profiling process) with a timer;
time is exclusive (a wrapped call inside another is counted in its own category, not its
caller's). Every SQL statement (Django's cursor), COMMIT and ROLLBACK is counted in the
category that issued it: its wall time is "database", the CPU this process spent inside it
(driver, or the SQLite library itself) is listed apart from the application's CPU.
"""

from __future__ import annotations

import collections
import functools
import importlib
import re
import time

from django.utils.module_loading import import_string

# (import path of the owner, attribute names, category); missing ones are skipped.
SASARAN = [
    ("django.core.handlers.wsgi.WSGIHandler", ["__call__"], "Django: penangan WSGI, permintaan/jawaban"),
    ("django.urls.resolvers.URLResolver", ["resolve"], "Django: resolusi URL"),
    ("django.contrib.sessions.middleware.SessionMiddleware",
     ["process_request", "process_response"], "sesi (SessionMiddleware)"),
    ("django.middleware.csrf.CsrfViewMiddleware",
     ["process_request", "process_view", "process_response"], "CSRF"),
    # the count itself (one upsert; for the survey form inside the storing transaction)
    ("kinerja.inti.keamanan", ["get_usage", "tambah"], "batas laju: penghitung per alamat"),
    ("kinerja.survei_publik.views", ["_isi_formulir"], "view formulir (sisa)"),
    ("kinerja.survei_publik.views", ["redirect", "render"], "jawaban: redirect/render"),
    ("kinerja.survei_publik.layanan", ["tautan_menerima"], "tautan + putaran"),
    ("kinerja.survei_publik.forms.FormulirSurvei", ["__init__", "full_clean", "isian"],
     "formulir Django: bangun + validasi"),
    ("kinerja.survei_publik.layanan", ["respon_publik_simpan"], "simpan: kunci_kiriman, transaksi"),
    ("kinerja.survei_publik.layanan", ["alasan_curiga"], "aturan duplikat HP/letupan alamat"),
    ("kinerja.survei_publik.layanan", ["respon_simpan"], "simpan: Respon + 9 Jawaban"),
    ("kinerja.survei.layanan", ["_rekap_tambah"], "rekap jawaban (upsert)"),
    ("kinerja.survei.layanan", ["sidik"], "sidik HMAC alamat/HP"),
    ("django.db.transaction.Atomic", ["__enter__", "__exit__"], "transaksi (BEGIN/COMMIT)"),
]  # fmt: skip


class Profil:
    def __init__(self):
        self.aktif = False
        self.tumpukan: list[list] = [["(di luar)", 0.0, 0.0, 0.0, 0.0]]
        self.data = collections.defaultdict(lambda: collections.Counter())
        self.sql = collections.Counter()
        self.urutan: list[str] = []

    # ------------------------------------------------------------------ wrapping

    def _bungkus(self, pemilik, nama, kategori, db=False):
        asli = pemilik.__dict__.get(nama) if isinstance(pemilik, type) else None
        if asli is None:
            asli = getattr(pemilik, nama, None)
        if asli is None:
            return
        if kategori not in self.urutan:
            self.urutan.append(kategori)
        prof = self

        @functools.wraps(asli)
        def pembungkus(*args, **kwargs):
            if not prof.aktif:
                return asli(*args, **kwargs)
            prof.tumpukan.append([kategori, time.perf_counter(), time.thread_time(), 0.0, 0.0])
            try:
                return asli(*args, **kwargs)
            finally:
                prof._keluar(db, args)

        setattr(pemilik, nama, pembungkus)

    def _keluar(self, db, args):
        kat, w0, c0, anak_w, anak_c = self.tumpukan.pop()
        w, c = time.perf_counter() - w0, time.thread_time() - c0
        induk = self.tumpukan[-1]
        induk[3] += w
        induk[4] += c
        if db:  # a statement: counted in the category that issued it
            d = self.data[induk[0]]
            d["db_w"] += w
            d["db_c"] += c
            d["kueri"] += 1
            teks = args[1] if kat == "sql" and len(args) > 1 else kat
            self.sql[(induk[0], _ringkas(str(teks)))] += 1
        else:
            d = self.data[kat]
            d["w"] += w - anak_w
            d["c"] += c - anak_c

    def pasang(self, middleware: list[str]) -> None:
        from django.db.backends.base.base import BaseDatabaseWrapper
        from django.db.backends.utils import CursorWrapper

        for jalur, nama, kategori in SASARAN:
            try:
                pemilik = _muat(jalur)
            except ImportError:
                continue
            for n in nama:
                self._bungkus(pemilik, n, kategori)
        sudah = {j for j, _, _ in SASARAN}
        for jalur in middleware:
            if jalur in sudah:
                continue
            kelas = import_string(jalur)
            for n in ("__call__", "process_request", "process_view", "process_response",
                      "process_exception"):  # fmt: skip
                if n in kelas.__dict__:
                    self._bungkus(kelas, n, f"middleware {kelas.__name__}")
        self._bungkus(CursorWrapper, "_execute", "sql", db=True)
        self._bungkus(CursorWrapper, "_executemany", "sql", db=True)
        self._bungkus(BaseDatabaseWrapper, "_commit", "COMMIT", db=True)
        self._bungkus(BaseDatabaseWrapper, "_rollback", "ROLLBACK", db=True)

    def mulai(self):
        self.data.clear()
        self.sql.clear()
        self.aktif = True

    def berhenti(self):
        self.aktif = False

    # -------------------------------------------------------------------- report

    def cetak(self, *, n, wall, cpu, db_server_cpu, vendor):
        ms = 1000 / n
        print(f"{'kategori':46} {'CPU app':>9} {'CPU db*':>9} {'db dinding':>11} {'kueri':>6}")
        jumlah = collections.Counter()
        for kat in [*self.urutan, *sorted(set(self.data) - set(self.urutan))]:
            d = self.data.get(kat)
            if not d or kat in ("sql", "COMMIT", "ROLLBACK"):
                continue
            jumlah.update(d)
            print(f"{kat[:46]:46} {d['c'] * ms:8.3f}  {d['db_c'] * ms:8.3f}  {d['db_w'] * ms:10.3f} "
                  f"{d['kueri'] / n:6.1f}")  # fmt: skip
        print(f"{'jumlah':46} {jumlah['c'] * ms:8.3f}  {jumlah['db_c'] * ms:8.3f}  "
              f"{jumlah['db_w'] * ms:10.3f} {jumlah['kueri'] / n:6.1f}")  # fmt: skip
        print(f"(ms per kiriman; dinding per kiriman {wall * ms:.3f} ms, CPU proses "
              f"{cpu * ms:.3f} ms; *CPU db = CPU proses ini di dalam pernyataan SQL: "
              + ("driver psycopg" if vendor == "postgresql" else "pustaka SQLite itu sendiri")
              + ")")  # fmt: skip
        if db_server_cpu is not None:
            print(f"CPU backend PostgreSQL  {db_server_cpu * ms:.3f} ms per kiriman (dari /proc)")
            print(f"CPU server per kiriman  {(cpu + db_server_cpu) * ms:.3f} ms → 2 inti ≈ "
                  f"{2 * n / (cpu + db_server_cpu):.0f} kiriman/detik (tanpa klien, tanpa gunicorn)")  # fmt: skip
        else:
            print(
                f"CPU server per kiriman  {cpu * ms:.3f} ms → 2 inti ≈ {2 * n / cpu:.0f} "
                "kiriman/detik (tanpa klien, tanpa gunicorn)"
            )
        print("\npernyataan SQL per kiriman:")
        for (kat, teks), k in sorted(self.sql.items(), key=lambda x: self.urutan_kat(x[0][0])):
            print(f"  {k / n:4.1f}  {kat[:34]:34}  {teks}")

    def urutan_kat(self, kat):
        return self.urutan.index(kat) if kat in self.urutan else len(self.urutan)


def _muat(jalur: str):
    try:
        return importlib.import_module(jalur)
    except ImportError:
        return import_string(jalur)


def _ringkas(sql: str) -> str:
    sql = re.sub(r"\s+", " ", sql).strip()
    sql = re.sub(r'"s\d+_x\d+"', '"sp"', sql)  # savepoint names
    sql = re.sub(r"'[^']*'", "'…'", sql)
    sql = re.sub(r"\(%s(, %s)+\)(, \(%s(, %s)+\))+", "(…)×n", sql)
    return sql if len(sql) <= 110 else sql[:107] + "…"
