"""Survey intake at load (issue 15, docs/keputusan/0061): what the cuts changed, attacked.

- the rate-limit count is one upsert statement inside the submission's own transaction: one
  commit per stored submission, no session row, no read of kunci_kiriman before the INSERT;
- the same kunci_kiriman sent twice at the same moment is stored once (PostgreSQL: the
  second INSERT waits for the first commit and then does nothing);
- a flood from one address is refused with the Indonesian message, also when the requests
  arrive together (the count is atomic) and when the forms are invalid (never reaching the
  transaction); the window reopens afterwards;
- the burst rule still flags, through its own index;
- SQLite keeps its connections, runs in WAL with synchronous=NORMAL, and a writer waits for
  the lock (busy_timeout) instead of failing.
"""

from __future__ import annotations

import threading
import time
import types

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, connections, transaction
from django.db.utils import ConnectionHandler
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.inti import keamanan
from kinerja.survei.layanan import IsianRespon
from kinerja.survei.models import Jawaban, RekapJawaban, Respon
from kinerja.survei_publik import layanan as layanan_publik
from tests.survei_publik.conftest import data_isian, dunia  # noqa: F401 (fixture)

PESAN = "Terlalu banyak kiriman"
HANYA_PG = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's test database is in memory (shared cache): a second writer gets "
    "'table is locked' at once; the file database's writer wait is tested below",
)


@pytest.fixture(autouse=True)
def jam(monkeypatch):
    """All requests of a test fall in one rate-limit window; jam.detik moves the clock."""
    import django_ratelimit.core as inti

    j = types.SimpleNamespace(detik=1_800_000_000.0)
    monkeypatch.setattr(inti, "time", types.SimpleNamespace(time=lambda: j.detik))
    return j


def _url(dunia):  # noqa: F811
    return reverse("publik_formulir", args=[dunia["t"].kode])


def _kirim(client, url, alamat="10.1.2.3", **lain):
    return client.post(url, data_isian(**lain), REMOTE_ADDR=alamat)


def _isian(kunci: str, alamat="10.7.7.7") -> IsianRespon:
    return IsianRespon(
        jawaban={f"F{i}": 3 for i in range(1, 10)},
        demografi={
            "jenis_kelamin": "L",
            "usia": "26-35",
            "pendidikan": "s1",
            "pekerjaan": "swasta",
        },
        alamat_klien=alamat,
        kunci_kiriman=kunci,
    )


# ------------------------------------------------------------- one transaction per post


@pytest.mark.django_db(transaction=True)
def test_satu_commit_satu_hitungan_tanpa_baca_kunci_tanpa_sesi(dunia, monkeypatch):  # noqa: F811
    commit = []
    asli = type(connections["default"]).commit

    def hitung_commit(self):
        commit.append(self.alias)
        return asli(self)

    monkeypatch.setattr(type(connections["default"]), "commit", hitung_commit)
    c = Client()
    with CaptureQueriesContext(connection) as q:
        r = _kirim(c, _url(dunia), kunci_kiriman="satu-transaksi-0001")
    assert r.status_code == 302
    assert commit == ["default"]  # the count and the response in one transaction
    sql = [x["sql"] for x in q.captured_queries]
    hitung = [i for i, s in enumerate(sql) if "kinerja_cache" in s]
    sisip = [i for i, s in enumerate(sql) if s.startswith('INSERT INTO "survei_respon"')]
    assert len(hitung) == 1 and "ON CONFLICT" in sql[hitung[0]] and "RETURNING" in sql[hitung[0]]
    assert len(sisip) == 1 and hitung[0] < sisip[0]
    # no read of the key before the INSERT, no savepoint, no session for the anonymous form
    assert not any('FROM "survei_respon"' in s and "kunci_kiriman" in s for s in sql)
    assert not any("SAVEPOINT" in s for s in sql)
    assert not any("django_session" in s for s in sql) and Session.objects.count() == 0
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 1


@pytest.mark.django_db(transaction=True)
@HANYA_PG
def test_kunci_sama_serentak_tersimpan_sekali(dunia):  # noqa: F811
    t, p = dunia["t"], dunia["p"]
    kunci = "serentak-kunci-0001"
    pertama_masuk = threading.Event()
    hasil, galat = {}, []

    def pertama():
        try:
            with transaction.atomic():
                hasil["a"] = layanan_publik.respon_publik_simpan(tautan=t, isian=_isian(kunci))
                pertama_masuk.set()
                time.sleep(0.6)  # the copy arrives while this one is not yet committed
        except Exception as e:  # reported below
            galat.append(e)
        finally:
            pertama_masuk.set()
            connections.close_all()

    def kedua():
        pertama_masuk.wait(10)
        try:
            t0 = time.perf_counter()
            hasil["b"] = layanan_publik.respon_publik_simpan(tautan=t, isian=_isian(kunci))
            hasil["tunggu"] = time.perf_counter() - t0
        except Exception as e:
            galat.append(e)
        finally:
            connections.close_all()

    benang = [threading.Thread(target=pertama), threading.Thread(target=kedua)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(30)
    assert galat == []
    assert hasil["tunggu"] > 0.3  # the second INSERT really waited on the first one's key
    assert hasil["a"].pk == hasil["b"].pk
    assert Respon.objects.filter(putaran=p, kunci_kiriman=kunci).count() == 1
    assert Jawaban.objects.filter(putaran=p).count() == 9
    assert sum(RekapJawaban.objects.filter(putaran=p).values_list("jumlah", flat=True)) == 9


def test_kiriman_ulang_mengembalikan_respon_tersimpan(dunia):  # noqa: F811
    t, p = dunia["t"], dunia["p"]
    a = layanan_publik.respon_publik_simpan(tautan=t, isian=_isian("ulang-kunci-00001"))
    b = layanan_publik.respon_publik_simpan(tautan=t, isian=_isian("ulang-kunci-00001"))
    c = layanan_publik.respon_publik_simpan(tautan=t, isian=_isian("ulang-kunci-00002"))
    assert a.pk == b.pk != c.pk
    assert Respon.objects.filter(putaran=p).count() == 2
    assert Jawaban.objects.filter(putaran=p).count() == 18
    # without a key (an old form) every submission is its own response
    for _ in range(2):
        layanan_publik.respon_publik_simpan(tautan=t, isian=_isian(""))
    assert Respon.objects.filter(putaran=p, kunci_kiriman="").count() == 2


# ------------------------------------------------------------------------ rate limit


@pytest.mark.django_db(transaction=True)
@HANYA_PG
def test_banjir_serentak_dari_satu_alamat_ditolak_tepat_di_batas(dunia, settings):  # noqa: F811
    settings.KINERJA_BATAS_SURVEI = "5/m"
    url = _url(dunia)
    mulai = threading.Barrier(12)
    status, galat = [], []

    def kirim(no):
        try:
            c = Client()
            mulai.wait(10)
            r = _kirim(c, url, alamat="10.5.5.5", kunci_kiriman=f"banjir-serentak-{no:04d}")
            status.append((r.status_code, r.content.decode()))
        except Exception as e:
            galat.append(e)
        finally:
            connections.close_all()

    benang = [threading.Thread(target=kirim, args=(i,)) for i in range(12)]
    for b in benang:
        b.start()
    for b in benang:
        b.join(60)
    assert galat == []
    assert sorted(s for s, _ in status) == [302] * 5 + [429] * 7
    assert all(PESAN in teks for s, teks in status if s == 429)
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 5


def test_banjir_formulir_tidak_sah_juga_ditolak(client, dunia, settings):  # noqa: F811
    """Invalid forms never reach the storing transaction: they are counted alone."""
    settings.KINERJA_BATAS_SURVEI = "3/m"
    url = _url(dunia)
    rusak = data_isian()
    del rusak["b_F1"]
    kode = [client.post(url, rusak, REMOTE_ADDR="10.3.3.3").status_code for _ in range(4)]
    assert kode == [200, 200, 200, 429]
    r = _kirim(client, url, alamat="10.3.3.3")  # a valid one from the same address, too
    assert r.status_code == 429 and PESAN in r.content.decode()
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 0


def test_ditolak_tidak_disimpan_lalu_jendela_berikut_menerima(client, dunia, settings, jam):  # noqa: F811
    settings.KINERJA_BATAS_SURVEI = "2/m"
    url = _url(dunia)
    kode = [
        _kirim(client, url, kunci_kiriman=f"jendela-kunci-{i:04d}").status_code for i in range(4)
    ]
    assert kode == [302, 302, 429, 429]
    r = _kirim(client, url, kunci_kiriman="jendela-kunci-9999")
    assert r.status_code == 429 and int(r["Retry-After"]) >= 1
    assert "Tunggu sekitar" in r.content.decode()
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 2
    jam.detik += 61  # the next window
    assert _kirim(client, url, kunci_kiriman="jendela-kunci-5555").status_code == 302
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 3


def test_hitungan_satu_pernyataan_dan_sapu_kedaluwarsa(db, monkeypatch):
    laju = keamanan.Laju(
        kunci="laju:uji", batas=3, kedaluwarsa=keamanan.dt.datetime(2027, 2, 1, tzinfo=keamanan.dt.UTC),
        sisa=30,
    )  # fmt: skip
    monkeypatch.setattr(keamanan, "SAPU_SETIAP", 10**9)
    with CaptureQueriesContext(connection) as q:
        assert [keamanan.tambah(laju) for _ in range(3)] == [1, 2, 3]
    assert len(q.captured_queries) == 3
    # an entry that has expired by the limiter's clock is swept by a later count
    cache.set("lama", "isi", 30)
    assert cache.get("lama") == "isi"
    monkeypatch.setattr(keamanan, "SAPU_SETIAP", 1)
    assert keamanan.tambah(laju) == 4
    assert cache.get("lama") is None


# ------------------------------------------------------------------------ burst rule


def test_aturan_letupan_menandai_lewat_indeksnya(client, dunia, settings):  # noqa: F811
    settings.KINERJA_SURVEI_BATAS_ALAMAT_MENIT = 2
    url = _url(dunia)
    for i in range(3):
        assert (
            _kirim(
                client, url, alamat="10.8.8.8", kunci_kiriman=f"letupan-kunci-{i:04d}"
            ).status_code
            == 302
        )
    assert (
        _kirim(client, url, alamat="10.8.8.9", kunci_kiriman="letupan-kunci-lain").status_code
        == 302
    )
    status = list(
        Respon.objects.filter(putaran=dunia["p"])
        .order_by("pk")
        .values_list("status", "alasan_status")
    )
    assert [s for s, _ in status] == ["valid", "valid", "meragukan", "valid"]
    assert "alamat yang sama" in status[2][1]
    # the rule's own statement (plain SQL, keputusan 0065) is a range of its index
    from django.utils import timezone

    h = Respon.objects.filter(putaran=dunia["p"]).values_list("hash_alamat", flat=True).first()
    with CaptureQueriesContext(connection) as q:
        n = layanan_publik._jumlah_terbaru(
            dunia["p"].pk, "hash_alamat", h, timezone.now() - keamanan.dt.timedelta(minutes=1), 2
        )
    assert n == 2  # three from 10.8.8.8 within the minute, counted up to the limit
    sql = q.captured_queries[0]["sql"]
    assert "LIMIT 2" in sql
    with transaction.atomic(), connection.cursor() as cur:
        if connection.vendor == "postgresql":  # a tiny table: make the planner show its index
            cur.execute("SET LOCAL enable_seqscan = off")
            cur.execute("EXPLAIN " + sql)
        else:
            cur.execute("EXPLAIN QUERY PLAN " + sql)
        assert "respon_putaran_alamat_waktu" in str(cur.fetchall())


def test_aturan_letupan_dan_hp_ganda_per_putaran_dan_jendela(client, dunia, settings):  # noqa: F811
    """The plain-SQL rules count only the same round, the same value and the window."""
    from kinerja.survei.layanan import putaran_buat

    settings.KINERJA_SURVEI_BATAS_ALAMAT_MENIT = 1
    p2 = putaran_buat(
        kuesioner=dunia["k"], organisasi=dunia["lain"], jenis_periode="semester", tahun=2025,
        ke=1, aktor=dunia["admin"], status="dibuka",
        layanan=dunia["k"].layanan.order_by("urutan").first(),
    )  # fmt: skip
    t2 = layanan_publik.tautan_buat(putaran=p2, aktor=dunia["admin"])
    url2 = reverse("publik_formulir", args=[t2.kode])
    kirim = [
        (_url(dunia), "10.9.9.9", "0812 3456 7890"),
        (url2, "10.9.9.9", "0812 3456 7890"),  # another round: neither rule counts the first
        (_url(dunia), "10.9.9.8", "0812 3456 7890"),  # same phone, same round: flagged
        (_url(dunia), "10.9.9.9", ""),  # same address within the minute: flagged
    ]
    for i, (url, alamat, hp) in enumerate(kirim):
        r = _kirim(client, url, alamat=alamat, telepon=hp, kunci_kiriman=f"aturan-sql-{i:06d}")
        assert r.status_code == 302
    status = [(r.putaran_id, r.status, r.alasan_status) for r in Respon.objects.order_by("pk")]
    assert [s for _, s, _ in status] == ["valid", "valid", "meragukan", "meragukan"]
    assert "nomor HP yang sama" in status[2][2] and "alamat yang sama" not in status[2][2]
    assert "alamat yang sama" in status[3][2]
    # a minute later the address counts afresh (the phone window is 24 hours)
    from django.utils import timezone

    lalu = timezone.now() + keamanan.dt.timedelta(minutes=2)
    isian = IsianRespon(jawaban={}, alamat_klien="10.9.9.9")
    assert (
        layanan_publik.alasan_curiga(
            putaran=dunia["p"], isian=isian, saluran="web", jebakan=False, sekarang=lalu
        )
        == []
    )


# ------------------------------------------------- link lookup and form (keputusan 0065)


def test_pencarian_tautan_sql_sama_dengan_orm(dunia):  # noqa: F811
    """The intake path's one-statement lookup gives the same link and round, field for
    field and with the same Python types (SQLite: datetimes and booleans converted)."""
    from kinerja.survei.models import PutaranSurvei
    from kinerja.survei_publik.models import TautanPublik

    orm = TautanPublik.objects.select_related("putaran").get(pk=dunia["t"].pk)
    with CaptureQueriesContext(connection) as q:
        t = layanan_publik.tautan_menerima(dunia["t"].kode, lengkap=False)
    assert len(q.captured_queries) == 1
    for model, a, b in ((TautanPublik, orm, t), (PutaranSurvei, orm.putaran, t.putaran)):
        for f in model._meta.concrete_fields:
            x, y = getattr(a, f.attname), getattr(b, f.attname)
            assert (x, type(x)) == (y, type(y)), f.attname
    assert t.putaran.dibuka_pada is not None and t.putaran.dibuka_pada.tzinfo is not None
    assert t._state.adding is False and t.putaran._state.adding is False
    with pytest.raises(layanan_publik.TidakMenerima) as e:
        layanan_publik.tautan_menerima("tidakada", lengkap=False)
    assert e.value.status == 404
    TautanPublik.objects.filter(pk=t.pk).update(aktif=False)
    with pytest.raises(layanan_publik.TidakMenerima, match="tidak aktif"):
        layanan_publik.tautan_menerima(dunia["t"].kode, lengkap=False)


def test_bidang_formulir_dibagi_tanpa_saling_memengaruhi(dunia):  # noqa: F811
    """Forms of one kuesioner share their field instances (built once per worker); a
    form's errors, data and kunci_kiriman stay its own."""
    from kinerja.survei_publik.forms import FormulirSurvei, struktur
    from tests.survei_publik.conftest import data_isian as isi

    s = struktur(dunia["k"].pk)
    salah = FormulirSurvei(isi(b_F1="9", d_usia="999"), struktur=s)
    assert not salah.is_valid()
    benar = FormulirSurvei(isi(), struktur=s)
    assert benar.is_valid(), benar.errors
    assert salah.fields["b_F1"] is benar.fields["b_F1"]
    assert "b_F1" in salah.errors and "d_usia" in salah.errors and not benar.errors
    assert benar.cleaned_data["b_F1"] == "4" and "b_F1" not in salah.cleaned_data
    kosong = [FormulirSurvei(struktur=s) for _ in range(2)]
    kunci = [f["kunci_kiriman"].value() for f in kosong]
    assert kunci[0] != kunci[1] and all(len(k) >= 16 for k in kunci)
    assert 'type="hidden"' in str(kosong[0]["kunci_kiriman"])
    assert "telepon" not in FormulirSurvei(struktur=s, telepon=False).fields
    assert "telepon" in FormulirSurvei(struktur=s).fields


# -------------------------------------------------------------------- SQLite settings


@pytest.mark.django_db
def test_sqlite_koneksi_tetap_wal_dan_penulis_menunggu(tmp_path, monkeypatch):
    from kinerja import settings as pengaturan

    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("KINERJA_CONN_MAX_AGE", raising=False)
    monkeypatch.setattr(pengaturan, "DATA_DIR", tmp_path)
    cfg = pengaturan._database()
    assert cfg["ENGINE"].endswith("sqlite3")
    assert cfg["CONN_MAX_AGE"] == 60 and cfg["CONN_HEALTH_CHECKS"] is True
    monkeypatch.setenv("KINERJA_CONN_MAX_AGE", "0")  # what `./kinerja test` exports
    assert pengaturan._database()["CONN_MAX_AGE"] == 0

    h = ConnectionHandler({"default": dict(cfg), "b": dict(cfg)})
    a, b = h["default"], h["b"]
    try:
        with a.cursor() as cur:
            assert [cur.execute(f"PRAGMA {p}").fetchone()[0] for p in ("journal_mode", "synchronous", "busy_timeout")] == [
                "wal", 1, 20000
            ]  # fmt: skip
            cur.execute("CREATE TABLE t (x INTEGER)")
        mentah = a.connection
        mentah.execute("BEGIN IMMEDIATE")  # a holds the writer lock for 0.4 s
        mentah.execute("INSERT INTO t VALUES (1)")
        lepas = threading.Timer(0.4, lambda: mentah.execute("COMMIT"))
        lepas.start()
        t0 = time.perf_counter()
        with b.cursor() as cur:
            cur.execute("INSERT INTO t VALUES (2)")  # waits instead of "database is locked"
        tunggu = time.perf_counter() - t0
        lepas.join()
        assert tunggu > 0.25
        with b.cursor() as cur:
            assert cur.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]
    finally:
        a.close()
        b.close()
