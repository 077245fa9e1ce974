"""The /api/skp/... paths: personal data per role, the writes through the services (the
same refusals as the forms), 404 for what the user may not see."""

from __future__ import annotations

import json

import pytest

from kinerja.api.api import api
from kinerja.skp.models import RHK, Penilaian
from tests.skp.bantu import rhk, staf

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    p = staf()
    p["r_lurah"] = rhk(p["lurah_a"], "RHK Lurah A")
    p["r_staf"] = rhk(p["staf_a"], "RHK Staf A", atasan=p["r_lurah"])
    return p


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_jalur_di_skema_openapi():
    paths = api.get_openapi_schema(path_prefix="/api")["paths"]
    for jalur in (
        "/api/skp/organisasi/{slug}/pegawai",
        "/api/skp/pegawai/{id}/{tahun}",
        "/api/skp/saya/{tahun}/rhk",
        "/api/skp/saya/realisasi",
        "/api/skp/penilaian",
        "/api/skp/organisasi/{slug}/{tahun}/distribusi",
        "/api/skp/organisasi/{slug}/{tahun}/cascade",
    ):
        assert jalur in paths


def test_pegawai_tanpa_data_pribadi_di_luar_hak(client, p):
    client.force_login(p["lurah_b"].pengguna)
    data = {x["nama"]: x for x in client.get("/api/skp/organisasi/kecamatan-uji/pegawai").json()}
    assert data["Lurah B"]["nip"] == p["lurah_b"].nip
    assert data["Staf A"]["nip"] is None and data["Staf A"]["golongan"] is None
    assert client.get(f"/api/skp/pegawai/{p['staf_a'].pk}/2024").status_code == 404
    client.force_login(p["lurah_a"].pengguna)
    r = client.get(f"/api/skp/pegawai/{p['staf_a'].pk}/2024")
    assert r.status_code == 200 and r.json()["rhk"][0]["rhk_atasan_id"] == p["r_lurah"].pk


def test_unit_lain_404(client, p):
    client.force_login(p["op_b"])  # operator of kelurahan B
    assert client.get("/api/skp/organisasi/kelurahan-a/pegawai").status_code == 404


def test_rhk_lewat_api_dan_rantai(client, p):
    client.force_login(p["staf_a"].pengguna)
    ind = [{"aspek": "kuantitas", "uraian": "Jumlah", "target": "4"}]
    r = _post(
        client,
        "/api/skp/saya/2024/rhk",
        {"uraian": "B", "indikator": ind, "rhk_atasan_id": p["r_lurah"].pk},
    )
    assert r.status_code == 200, r.content
    lain = rhk(p["lurah_b"], "RHK Lurah B")
    r = _post(
        client,
        "/api/skp/saya/2024/rhk",
        {"uraian": "C", "indikator": ind, "rhk_atasan_id": lain.pk},
    )
    assert r.status_code == 422 and "di luar rantai atasan" in r.json()["detail"]
    assert not RHK.objects.filter(uraian="C").exists()
    r = _post(client, "/api/skp/saya/2024/rhk", {"uraian": "D", "indikator": []})
    assert r.status_code == 422


def test_penilaian_lewat_api(client, p):
    body = {
        "pegawai_id": p["staf_a"].pk,
        "tahun": 2024,
        "jenis_periode": "tahun",
        "ke": 1,
        "rating_hasil": "di_atas",
        "rating_perilaku": "di_atas",
        "tandatangani": True,
    }
    client.force_login(p["staf_a"].pengguna)
    r = _post(client, "/api/skp/penilaian", body)
    assert r.status_code == 403 and "dirinya sendiri" in r.json()["detail"]
    client.force_login(p["camat"].pengguna)
    r = _post(client, "/api/skp/penilaian", body)
    assert r.status_code == 403 and "atasan langsung" in r.json()["detail"]
    client.force_login(p["lurah_a"].pengguna)
    r = _post(client, "/api/skp/penilaian", {**body, "rating_hasil": "luar_biasa"})
    assert r.status_code == 422
    r = _post(client, "/api/skp/penilaian", body)
    assert r.status_code == 200 and r.json()["predikat"] == "sangat_baik"
    r = _post(client, "/api/skp/penilaian", {**body, "rating_hasil": "di_bawah"})
    assert r.status_code == 422 and "terkunci" in r.json()["detail"]
    assert Penilaian.objects.get().rating_hasil == "di_atas"
    d = client.get("/api/skp/organisasi/kelurahan-a/2024/distribusi").json()
    assert d["total"]["dinilai"] == 1


def test_realisasi_lewat_api(client, p):
    ind = p["r_staf"].indikator.get()
    client.force_login(p["lurah_a"].pengguna)
    body = {"indikator_rhk_id": ind.pk, "jenis_periode": "bulan", "ke": 3, "nilai": "2"}
    assert _post(client, "/api/skp/saya/realisasi", body).status_code == 404  # not theirs
    client.force_login(p["staf_a"].pengguna)
    assert _post(client, "/api/skp/saya/realisasi", body).status_code == 200
    r = _post(client, "/api/skp/saya/realisasi", {**body, "ke": 13})
    assert r.status_code == 422


def test_celah_api(client, p):
    client.force_login(p["admin_kec"])
    d = client.get("/api/skp/organisasi/kecamatan-uji/2024/cascade").json()
    assert d["rhk_tanpa_induk"] == [p["r_lurah"].pk] and d["jumlah_rhk"] == 2


def test_teks_dengan_nul_422_bukan_500(client, p):
    """schemathesis on PostgreSQL sent an RHK `uraian` with "\\u0000": PostgreSQL cannot store
    it, so the insert failed with 500. The schema now refuses NUL in every free-text field
    (kinerja.api.skema.Teks) with the same 422 as the other schema errors."""
    client.force_login(p["staf_a"].pengguna)
    ind = [{"aspek": "kuantitas", "uraian": "Jumlah", "target": "4"}]
    for body in (
        {"uraian": "NUL\x00", "indikator": ind},
        {"uraian": "NUL", "indikator": [{**ind[0], "satuan": "orang\x00"}]},
    ):
        r = _post(client, "/api/skp/saya/2024/rhk", body)
        assert r.status_code == 422, r.content
        assert "tidak boleh memuat karakter NUL" in r.json()["detail"]
    assert not RHK.objects.filter(uraian__startswith="NUL").exists()
    skema = api.get_openapi_schema(path_prefix="/api")["components"]["schemas"]
    assert skema["RHKIn"]["properties"]["uraian"]["pattern"] == "^[^\\x00]*$"
    assert skema["RealisasiIn"]["properties"]["penjelasan"]["pattern"] == "^[^\\x00]*$"
