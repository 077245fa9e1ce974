"""API service tokens (issue 14, docs/keputusan/0046-token-api-layanan.md): Bearer tokens
stored hashed, scoped to units and to read or write, expiring, revocable, every call logged;
and the attacks: wrong scope, read token writing, expired, revoked, malformed, another
organisation's admin, an operator on the admin page, logging in as the service account."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kinerja.pengukuran import layanan as ukur
from kinerja.pengukuran.models import Realisasi
from kinerja.token_api import layanan
from kinerja.token_api.models import PanggilanToken, TokenLayanan
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024
HARI_INI = timezone.localdate()


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    p["admin"] = pabrik.pengguna("admin_kota", ("admin", p["kota"]))
    p["admin_b"] = pabrik.pengguna("admin_b", ("admin", p["kel_b"]))
    p["ind"], _ = pabrik.indikator_pk(p["kel_a"], target="90", kode="1.1")
    p["ind_b"], _ = pabrik.indikator_pk(p["kel_b"], target="80", nama="Indeks B")
    # one verified and one draft realisasi of kel_a
    r = ukur.realisasi_simpan(
        indikator=p["ind"], tahun=TAHUN, jenis_periode="tahun", nilai="95", aktor=p["op_a"]
    )
    ukur.realisasi_ajukan(realisasi=r, aktor=p["op_a"])
    ukur.realisasi_verifikasi(realisasi=r, aktor=p["verif"])
    ukur.realisasi_simpan(
        indikator=p["ind_b"], tahun=TAHUN, jenis_periode="tahun", nilai="70", aktor=p["op_b"]
    )
    return p


def _token(p, akses="baca", unit=None, bawahan=True, org=None, hari=30):
    return layanan.token_buat(
        aktor=p["admin"], organisasi=org or p["kota"], nama="SIPD", akses=akses,
        unit=unit or [p["kota"]], termasuk_bawahan=bawahan,
        berlaku_sampai=HARI_INI + dt.timedelta(days=hari),
    )  # fmt: skip


def _api(rahasia, url, metode="get", data=None):
    c = Client(enforce_csrf_checks=True)  # no session, no CSRF token: the Bearer alone
    kw = {"HTTP_AUTHORIZATION": f"Bearer {rahasia}"}
    if metode == "post":
        return c.post(url, json.dumps(data), content_type="application/json", **kw)
    return c.get(url, **kw)


def test_rahasia_hanya_disimpan_sebagai_sidik(p):
    t, rahasia = _token(p)
    assert rahasia.startswith("knj_") and len(rahasia) > 40
    t.refresh_from_db()
    assert t.sidik != rahasia and rahasia not in (t.sidik, t.awalan, t.nama)
    assert rahasia.startswith(t.awalan) and len(t.awalan) == 12
    assert not t.akun.has_usable_password()
    c = Client()
    r = c.post("/masuk/", {"username": t.akun.username, "password": rahasia})
    assert "_auth_user_id" not in c.session and r.status_code != 302


def test_token_baca_melihat_cakupan_hanya_terverifikasi(p):
    _, rahasia = _token(p)
    r = _api(rahasia, "/api/organisasi")
    assert r.status_code == 200, r.content
    assert {o["slug"] for o in r.json()} == {
        p["kota"].slug,
        p["kec"].slug,
        p["kel_a"].slug,
        p["kel_b"].slug,
    }
    r = _api(rahasia, f"/api/organisasi/{p['kel_a'].slug}/{TAHUN}/realisasi")
    assert r.status_code == 200 and [x["nilai"] for x in r.json()] == ["95"]
    r = _api(rahasia, f"/api/organisasi/{p['kel_b'].slug}/{TAHUN}/realisasi")
    assert r.status_code == 200 and r.json() == []  # kel_b's draft is not shown


def test_token_tidak_menjangkau_unit_di_luar_cakupan(p):
    _, rahasia = _token(p, unit=[p["kel_a"]], bawahan=False)
    r = _api(rahasia, "/api/organisasi")
    assert [o["slug"] for o in r.json()] == [p["kel_a"].slug]  # not even its parents
    for slug in (p["kota"].slug, p["kec"].slug, p["kel_b"].slug):
        assert _api(rahasia, f"/api/organisasi/{slug}").status_code == 404


def test_token_baca_tidak_dapat_menulis(p):
    _, rahasia = _token(p)
    n = Realisasi.objects.count()
    r = _api(rahasia, "/api/realisasi", "post",
             {"indikator_id": p["ind_b"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "71"})  # fmt: skip
    assert r.status_code == 403 and "hanya untuk membaca" in r.json()["detail"]
    assert Realisasi.objects.count() == n


def test_token_tulis_menyimpan_di_cakupan_tercatat_atas_nama_akun_layanan(p):
    t, rahasia = _token(p, akses="tulis", unit=[p["kel_b"]], bawahan=False)
    r = _api(rahasia, "/api/realisasi", "post",
             {"indikator_id": p["ind_b"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "72.5"})  # fmt: skip
    assert r.status_code == 200, r.content
    rb = Realisasi.objects.get(indikator=p["ind_b"])
    assert rb.nilai == Decimal("72.5")  # the draft op_b made, changed by the token
    assert rb.history.first().history_user == t.akun
    # outside the scope: kel_a's indicator is not found for this token
    r = _api(rahasia, "/api/realisasi", "post",
             {"indikator_id": p["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "1"})  # fmt: skip
    assert r.status_code in (403, 404)
    assert Realisasi.objects.get(indikator=p["ind"]).nilai == 95


@pytest.mark.parametrize(
    "header, pesan",
    [
        ("Bearer salah", "Token tidak dikenal"),
        ("Bearer knj_bukan-token-yang-ada", "Token tidak dikenal"),
        ("Basic YWRtaW46YWRtaW4=", "Belum masuk"),
        ("Bearer " + "knj_" + "x" * 500, "Token tidak dikenal"),
    ],
)
def test_header_rusak_401(p, header, pesan):
    r = Client().get("/api/organisasi", HTTP_AUTHORIZATION=header)
    assert r.status_code == 401 and pesan in r.json()["detail"]


def test_kedaluwarsa_dan_dicabut_401_dan_tercatat(p):
    t, rahasia = _token(p)
    assert _api(rahasia, "/api/organisasi").status_code == 200
    TokenLayanan.objects.filter(pk=t.pk).update(berlaku_sampai=HARI_INI - dt.timedelta(days=1))
    r = _api(rahasia, "/api/organisasi")
    assert r.status_code == 401 and "kedaluwarsa" in r.json()["detail"]
    TokenLayanan.objects.filter(pk=t.pk).update(berlaku_sampai=HARI_INI)
    layanan.token_cabut(aktor=p["admin"], token=t, alasan="sistem diganti")
    r = _api(rahasia, "/api/organisasi")
    assert r.status_code == 401 and "dicabut" in r.json()["detail"]
    catatan = list(
        PanggilanToken.objects.filter(token=t)
        .order_by("pk")
        .values_list("status", "metode", "jalur")
    )
    assert catatan == [(200, "GET", "/api/organisasi"), (401, "GET", "/api/organisasi"),
                       (401, "GET", "/api/organisasi")]  # fmt: skip
    t.refresh_from_db()
    assert t.terakhir_dipakai is not None and not t.akun.is_active
    alasan = [h.history_change_reason for h in t.history.order_by("history_id")]
    assert alasan == ["token dibuat", "token dicabut: sistem diganti"]


def test_admin_tidak_memberi_lebih_dari_yang_dipegang(p):
    with pytest.raises(Exception) as e:  # an admin of kel_b for the city
        layanan.token_buat(
            aktor=p["admin_b"], organisasi=p["kota"], nama="X", akses="baca", unit=[p["kota"]],
            berlaku_sampai=HARI_INI,
        )  # fmt: skip
    assert "tidak berwenang" in str(e.value)
    with pytest.raises(Exception) as e:  # own organisation, scope outside the tree
        layanan.token_buat(
            aktor=p["admin_b"], organisasi=p["kel_b"], nama="X", akses="baca",
            unit=[p["kel_a"]], berlaku_sampai=HARI_INI,
        )  # fmt: skip
    assert "di luar" in str(e.value)
    with pytest.raises(Exception) as e:
        _token(p, hari=400)
    assert "Paling lama 366 hari" in str(e.value)
    with pytest.raises(Exception) as e:
        _token(p, hari=-1)
    assert "sudah lewat" in str(e.value)


def test_halaman_token_admin_buat_lihat_cabut(client, p):
    client.force_login(p["admin"])
    url = reverse("token_api:daftar")
    r = client.post(url, {
        "nama": "e-TPP", "organisasi": p["kota"].pk, "akses": "baca",
        "unit": [p["kec"].pk], "termasuk_bawahan": "on",
        "berlaku_sampai": (HARI_INI + dt.timedelta(days=10)).isoformat(),
    })  # fmt: skip
    teks = r.content.decode()
    assert r.status_code == 200 and "tidak akan ditampilkan lagi" in teks
    t = TokenLayanan.objects.get(nama="e-TPP")
    rahasia = r.context["rahasia"]
    assert rahasia in teks and rahasia.startswith(t.awalan)
    # the list afterwards shows the prefix only
    teks = client.get(url).content.decode()
    assert t.awalan in teks and rahasia not in teks
    r = client.post(reverse("token_api:cabut", args=[t.pk]), {"alasan": ""}, follow=True)
    assert "Wajib diisi" in r.content.decode()
    r = client.post(reverse("token_api:cabut", args=[t.pk]), {"alasan": "bocor"}, follow=True)
    assert "dicabut" in r.content.decode()
    t.refresh_from_db()
    assert t.dicabut_pada is not None and t.dicabut_oleh == p["admin"]


def test_halaman_token_ditolak_untuk_bukan_admin_dan_admin_lain(client, p):
    t, _ = _token(p)
    client.force_login(p["op_a"])
    assert client.get(reverse("token_api:daftar")).status_code == 403
    client.force_login(p["admin_b"])
    assert client.get(reverse("token_api:rincian", args=[t.pk])).status_code == 403
    r = client.post(reverse("token_api:cabut", args=[t.pk]), {"alasan": "iseng"})
    assert r.status_code == 403
    t.refresh_from_db()
    assert t.dicabut_pada is None
    # admin_b's form does not offer the city
    r = client.post(reverse("token_api:daftar"), {
        "nama": "X", "organisasi": p["kota"].pk, "akses": "tulis", "unit": [p["kota"].pk],
        "berlaku_sampai": HARI_INI.isoformat(),
    })  # fmt: skip
    assert r.status_code == 400 and TokenLayanan.objects.count() == 1


def test_skema_openapi_menyebut_bearer(client, p):
    client.force_login(p["admin"])
    skema = client.get("/api/openapi.json").json()
    skemas = skema["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in skemas.values())
    assert "Bearer" in skema["info"]["description"]


def test_tulis_lewat_token_dibatasi_per_token_bukan_per_alamat(p, settings, monkeypatch):
    """Two systems behind one address (a government network's NAT) each have their own
    write budget; the N+1th write of one token in the window gets 429."""
    import types

    import django_ratelimit.core as inti

    monkeypatch.setattr(inti, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    settings.KINERJA_BATAS_API_TULIS = "2/m"
    _, satu = _token(p, akses="tulis", unit=[p["kel_b"]], bawahan=False)
    _, dua = _token(p, akses="tulis", unit=[p["kel_b"]], bawahan=False)
    badan = {"indikator_id": p["ind_b"].pk, "tahun": TAHUN, "jenis_periode": "tahun"}
    kode = [_api(satu, "/api/realisasi", "post", {**badan, "nilai": str(70 + i)}).status_code
            for i in range(3)]  # fmt: skip
    assert kode == [200, 200, 429], kode
    r = _api(dua, "/api/realisasi", "post", {**badan, "nilai": "75"})
    assert r.status_code == 200, r.content
    assert Realisasi.objects.get(indikator=p["ind_b"]).nilai == 75
