"""Read replica (issue 15, docs/keputusan/0063): DATABASE_REPLICA_URL adds the alias `replika`
and the router; reads go there, writes, transactions and migrations to `default`, and a browser
that wrote reads from `default` for KINERJA_REPLIKA_JEDA_DETIK.

In the test settings `replika` mirrors the test database (TEST MIRROR: a second connection to
the same database) and the router is off; these tests switch it on. Tests that read through the
second connection are transactional, so what `default` wrote is committed and visible there.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from django.contrib.sessions.models import Session
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.inti import replika
from kinerja.organisasi.models import Organisasi
from tests import pabrik

ROUTER = ["kinerja.inti.replika.RouterReplika"]
DUA_BASIS = pytest.mark.django_db(databases=["default", "replika"], transaction=True)


@pytest.fixture
def router_replika(settings):
    settings.DATABASE_ROUTERS = ROUTER  # Django resets its router cache on this setting
    settings.KINERJA_REPLIKA_JEDA_DETIK = 10


def _pengaturan(**env) -> dict:
    """DATABASES aliases and DATABASE_ROUTERS of kinerja.settings in a fresh process."""
    lingkungan = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    lingkungan.update(env, DJANGO_SETTINGS_MODULE="kinerja.settings")
    kode = (
        "import json, kinerja.settings as s; print(json.dumps({'alias': sorted(s.DATABASES),"
        " 'router': s.DATABASE_ROUTERS, 'jeda': s.KINERJA_REPLIKA_JEDA_DETIK,"
        " 'replika': s.DATABASES.get('replika', {}).get('NAME')}))"
    )
    r = subprocess.run(
        [sys.executable, "-c", kode], env=lingkungan, capture_output=True, text=True, check=True
    )
    return json.loads(r.stdout)


def test_tanpa_database_replica_url_tidak_ada_alias_kedua():
    p = _pengaturan()
    assert p["alias"] == ["default"] and p["router"] == [] and p["jeda"] == 10


def test_database_replica_url_menambah_alias_dan_router():
    p = _pengaturan(
        DATABASE_REPLICA_URL="postgres://baca@replika.example:5432/kinerja",
        KINERJA_REPLIKA_JEDA_DETIK="3",
    )
    assert p["alias"] == ["default", "replika"]
    assert p["router"] == ROUTER and p["replika"] == "kinerja" and p["jeda"] == 3


def test_router_baca_ke_replika_tulis_dan_migrasi_ke_default(router_replika):
    assert router.db_for_read(Organisasi) == "replika"
    assert router.db_for_write(Organisasi) == "default"
    assert router.allow_migrate("default", "organisasi", model_name="organisasi")
    assert not router.allow_migrate("replika", "organisasi", model_name="organisasi")
    # sessions (and the other access-deciding apps) are never read stale
    assert router.db_for_read(Session) == "default"


def test_tanpa_alias_replika_bacaan_tetap_di_default(router_replika, monkeypatch):
    monkeypatch.setattr(replika, "ada_replika", lambda: False)
    assert router.db_for_read(Organisasi) == "default"


@DUA_BASIS
def test_bacaan_dikirim_lewat_koneksi_replika(router_replika):
    Organisasi.objects.create(nama="Kota Replika", slug="kota-replika", jenis="kota_administrasi")
    with (
        CaptureQueriesContext(connections["replika"]) as di_replika,
        CaptureQueriesContext(connections["default"]) as di_default,
    ):
        org = Organisasi.objects.get(slug="kota-replika")
    assert org.nama == "Kota Replika" and org._state.db == "replika"
    assert any("organisasi_organisasi" in q["sql"] for q in di_replika.captured_queries)
    assert not any("organisasi_organisasi" in q["sql"] for q in di_default.captured_queries)


@DUA_BASIS
def test_dalam_transaksi_bacaan_dari_default(router_replika):
    with transaction.atomic():
        Organisasi.objects.create(nama="Kota T", slug="kota-t", jenis="kota_administrasi")
        with CaptureQueriesContext(connections["replika"]) as di_replika:
            org = Organisasi.objects.get(slug="kota-t")  # not committed: only default has it
    assert org._state.db == "default" and not di_replika.captured_queries


@DUA_BASIS
def test_halaman_dasbor_membaca_dari_replika(client, router_replika):
    p = pabrik.pohon_kecil()
    pabrik.indikator_pk(p["kota"], nama="Indeks replika")
    client.force_login(p["pimpinan"])
    with CaptureQueriesContext(connections["replika"]) as di_replika:
        r = client.get(reverse("dasbor", args=[p["kota"].slug, 2024]))
    assert r.status_code == 200 and "Indeks replika" in r.content.decode()
    tabel = " ".join(q["sql"] for q in di_replika.captured_queries)
    assert "perencanaan_butirpk" in tabel and "pengukuran_realisasi" in tabel
    assert replika.KUKI not in r.cookies  # nothing written: no reason to stay on default


# --- the pause after a write (middleware) -----------------------------------------------------


def _lewat(request, aksi=lambda: None):
    """Run the middleware around `aksi`; returns (response, where a read went inside)."""
    tujuan = {}

    def view(req):
        aksi()
        tujuan["baca"] = router.db_for_read(Organisasi)
        return HttpResponse("ok")

    return replika.ReplikaMiddleware(view)(request), tujuan["baca"]


@pytest.mark.django_db(transaction=True)  # outside a transaction, as a request is
def test_setelah_menulis_kuki_jeda_dan_bacaan_berikutnya_ke_default(router_replika):
    rf = RequestFactory()
    r, baca = _lewat(
        rf.get("/"),
        lambda: Organisasi.objects.create(nama="K", slug="k-jeda", jenis="kota_administrasi"),
    )
    assert baca == "default"  # the same request reads what it wrote
    kuki = r.cookies[replika.KUKI]
    assert kuki["max-age"] == 10 and abs(int(kuki.value) - time.time()) < 5

    segera = rf.get("/", HTTP_COOKIE=f"{replika.KUKI}={kuki.value}")
    assert _lewat(segera)[1] == "default"
    lama = rf.get("/", HTTP_COOKIE=f"{replika.KUKI}={int(time.time()) - 11}")
    assert _lewat(lama)[1] == "replika"
    assert _lewat(rf.get("/", HTTP_COOKIE=f"{replika.KUKI}=bukan-angka"))[1] == "replika"
    assert _lewat(rf.get("/"))[1] == "replika"


def test_permintaan_tulis_membaca_dari_default(router_replika):
    r, baca = _lewat(RequestFactory().post("/"))
    assert baca == "default" and replika.KUKI not in r.cookies


@pytest.mark.django_db
def test_jeda_nol_tanpa_kuki(router_replika, settings):
    settings.KINERJA_REPLIKA_JEDA_DETIK = 0
    r, _ = _lewat(
        RequestFactory().get("/"),
        lambda: Organisasi.objects.create(nama="K", slug="k-nol", jenis="kota_administrasi"),
    )
    assert replika.KUKI not in r.cookies


def test_di_luar_permintaan_hanya_aturan_transaksi(router_replika):
    assert router.db_for_read(Organisasi) == "replika"
    router.db_for_write(Organisasi)  # no request: nothing to remember
    assert router.db_for_read(Organisasi) == "replika"
