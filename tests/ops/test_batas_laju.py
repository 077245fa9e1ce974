"""Survey floods (issue 14): rate limits per client address / kiosk device, login, API writes.

Before the fix a flood of the public form was only flagged (`meragukan`) and stored, so a
script could fill the reviewer queue and the database without end. The window of
django-ratelimit is fixed by freezing its clock, so no test depends on timing.
"""

from __future__ import annotations

import re
import types

import pytest
from django.test import Client
from django.urls import reverse

from kinerja.survei.models import Respon
from kinerja.survei_publik.views import KUKI_KIOS
from tests import pabrik
from tests.survei_publik.conftest import csrf, data_isian

PESAN = "Terlalu banyak kiriman"


@pytest.fixture(autouse=True)
def jam_beku(monkeypatch):
    """All requests of a test fall in one rate-limit window."""
    import django_ratelimit.core as inti

    monkeypatch.setattr(inti, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))


def _kirim(client, url, alamat="10.1.2.3", **lain):
    return client.post(
        url, data_isian(csrfmiddlewaretoken=csrf(client, url), **lain), REMOTE_ADDR=alamat
    )


def test_kiriman_ke_n_plus_1_dalam_jendela_mendapat_429(client, dunia, settings):
    settings.KINERJA_BATAS_SURVEI = "5/m"
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    for _ in range(5):
        assert _kirim(client, url).status_code == 302
    r = _kirim(client, url)
    assert r.status_code == 429
    teks = r.content.decode()
    assert PESAN in teks and "Tunggu sekitar" in teks and "Kembali" in teks
    assert int(r["Retry-After"]) >= 1
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 5  # the 6th is not stored
    # another address is not affected; GET (reading the form) is never limited
    assert _kirim(client, url, alamat="10.9.9.9").status_code == 302
    assert client.get(url, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_batas_dapat_diatur_dan_dimatikan(client, dunia, settings):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    settings.KINERJA_BATAS_SURVEI = "2/h"
    assert [_kirim(client, url).status_code for _ in range(3)] == [302, 302, 429]
    settings.KINERJA_BATAS_SURVEI = ""  # off
    assert {_kirim(client, url).status_code for _ in range(4)} == {302}


def test_bawaan_membatasi_banjir_dari_satu_alamat(client, dunia):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    kode = [_kirim(client, url).status_code for _ in range(35)]
    assert kode[:30] == [302] * 30 and set(kode[30:]) == {429}  # KINERJA_BATAS_SURVEI 30/m


def _kios(dunia) -> Client:
    c = Client()
    c.force_login(dunia["admin"])
    c.post(reverse("publik_kios_aktifkan", args=[dunia["t"].kode]))
    assert KUKI_KIOS in c.cookies
    return c


def test_lonjakan_kios_yang_wajar_tidak_dibuang(dunia, settings):
    """Three kiosks behind one office address, 25 respondents each within the window, while
    the per-address limit is tight: every submission is stored (flagged ones included)."""
    settings.KINERJA_BATAS_SURVEI = "10/m"
    url = reverse("publik_kios", args=[dunia["t"].kode])
    kios = [_kios(dunia) for _ in range(3)]
    for _ in range(25):
        for c in kios:
            assert _kirim(c, url, alamat="10.0.0.1").status_code == 302
    assert Respon.objects.filter(putaran=dunia["p"], saluran="kiosk").count() == 75
    # a browser on that address that is not a kiosk still has its own, tighter limit
    web = reverse("publik_formulir", args=[dunia["t"].kode])
    kode = [_kirim(Client(), web, alamat="10.0.0.1").status_code for _ in range(11)]
    assert kode[-1] == 429 and kode[:10] == [302] * 10


def test_kios_pun_berbatas(dunia, settings):
    settings.KINERJA_BATAS_SURVEI_KIOS = "3/m"
    url = reverse("publik_kios", args=[dunia["t"].kode])
    c = _kios(dunia)
    kode = [_kirim(c, url).status_code for _ in range(4)]
    assert kode == [302, 302, 302, 429]
    teks = _kirim(c, url).content.decode()
    assert "perangkat ini" in teks
    assert re.search(rf'http-equiv="refresh" content="\d+;url={url}"', teks)  # back to its form


def test_kuki_kios_palsu_tidak_mendapat_batas_kios(dunia, settings):
    settings.KINERJA_BATAS_SURVEI_KIOS = "1000/m"
    settings.KINERJA_BATAS_SURVEI = "2/m"
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    c = Client()
    c.cookies[KUKI_KIOS] = "kios-palsu"
    assert [_kirim(c, url).status_code for _ in range(3)] == [302, 302, 429]


def test_masuk_dibatasi(client, db, settings):
    settings.KINERJA_BATAS_MASUK = "3/m"
    pabrik.pengguna("pengguna_uji")
    url = reverse("masuk")
    kode = [
        client.post(url, {"username": "pengguna_uji", "password": "salah"}).status_code
        for _ in range(4)
    ]
    assert kode[:3] == [200] * 3 and kode[3] == 429
    assert PESAN in client.post(url, {"username": "x", "password": "y"}).content.decode()


def test_tulis_api_dibatasi_per_pengguna(client, db, settings):
    settings.KINERJA_BATAS_API_TULIS = "2/m"
    p = pabrik.pohon_kecil()
    ind, _ = pabrik.indikator_pk(p["kel_a"], tahun=2024)
    client.force_login(p["op_a"])
    badan = {
        "indikator_id": ind.pk,
        "tahun": 2024,
        "jenis_periode": "tahun",
        "ke": 1,
        "nilai": "90",
    }
    kode = [
        client.post("/api/realisasi", badan, content_type="application/json").status_code
        for _ in range(3)
    ]
    assert kode[:2] == [200, 200] and kode[2] == 429, kode
    r = client.post("/api/realisasi", badan, content_type="application/json")
    assert r.status_code == 429 and PESAN in r.json()["detail"] and r["Retry-After"]
    assert client.get(f"/api/organisasi/{p['kel_a'].slug}/dasbor/2024").status_code != 429
    # another user has their own budget
    client.force_login(p["op_b"])
    ind_b, _ = pabrik.indikator_pk(p["kel_b"], tahun=2024, nama="Indeks B")
    badan["indikator_id"] = ind_b.pk
    assert client.post("/api/realisasi", badan, content_type="application/json").status_code == 200


@pytest.mark.parametrize("laju", ["banyak", "30", "0/m", "30/minggu", "-5/m"])
def test_batas_yang_salah_tulis_ditolak_saat_mulai(tmp_path, laju):
    """A mistyped limit would make every POST fail; the settings refuse it with a message."""
    from tests.ops.bantu import KUNCI_KUAT, env_bersih, jalankan

    env = env_bersih(
        tmp_path, KINERJA_SECRET_KEY=KUNCI_KUAT, KINERJA_KUNCI_SIDIK="s" + KUNCI_KUAT,
        KINERJA_BATAS_SURVEI=laju,
    )  # fmt: skip
    r = jalankan(["check"], env)
    assert r.returncode != 0 and f"KINERJA_BATAS_SURVEI='{laju}' tidak dikenal" in r.stderr


def test_halaman_429_survei_memakai_tata_letak_survei(client, dunia, settings):
    settings.KINERJA_BATAS_SURVEI = "1/m"
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    assert _kirim(client, url).status_code == 302
    r = _kirim(client, url)
    teks = r.content.decode()
    assert r.status_code == 429 and PESAN in teks
    assert "survei_publik/publik.css" in teks and 'class="pita"' in teks  # survey layout
    assert "Keluar" not in teks


def test_halaman_429_masuk_memakai_tata_letak_situs(client, db, settings):
    settings.KINERJA_BATAS_MASUK = "1/m"
    url = reverse("masuk")
    client.post(url, {"username": "x", "password": "y"})
    r = client.post(url, {"username": "x", "password": "y"})
    teks = r.content.decode()
    assert r.status_code == 429 and PESAN in teks
    assert "Langsung ke isi" in teks and 'class="merek"' in teks  # dasar.html


def test_lonjakan_30_kiriman_kios_semenit_diterima_dengan_batas_bawaan(dunia):
    """One kiosk at a busy counter: 30 respondents in a minute with the default limits (the
    address limit is 30/m too, so a kiosk counted by address would already lose the 31st)."""
    url = reverse("publik_kios", args=[dunia["t"].kode])
    c = _kios(dunia)
    web = reverse("publik_formulir", args=[dunia["t"].kode])
    for _ in range(30):  # the office's own browsers have used the address budget
        _kirim(Client(), web, alamat="10.0.0.7")
    kode = [_kirim(c, url, alamat="10.0.0.7").status_code for _ in range(30)]
    assert kode == [302] * 30
    assert Respon.objects.filter(putaran=dunia["p"], saluran="kiosk").count() == 30
