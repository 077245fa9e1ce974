"""JSON API: session auth with CSRF, visibility per role, realisasi through the services."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from kinerja.pengukuran import layanan
from kinerja.pengukuran.models import PeristiwaRealisasi, Realisasi
from kinerja.perencanaan.layanan import pk_tandatangani
from kinerja.perencanaan.models import PerjanjianKinerja
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    p["ind"], _ = pabrik.indikator_pk(p["kel_a"], target="90.35", kode="1.1")
    p["ind_b"], _ = pabrik.indikator_pk(p["kel_b"], target="80", nama="Indeks B")
    return p


def _post(client, data):
    return client.post("/api/realisasi", json.dumps(data), content_type="application/json")


def _isi(p, nilai="95", aktor="op_a", verifikasi=False):
    r = layanan.realisasi_simpan(
        indikator=p["ind"], tahun=TAHUN, jenis_periode="tahun", nilai=nilai, aktor=p[aktor]
    )
    if verifikasi:
        layanan.realisasi_ajukan(realisasi=r, aktor=p[aktor])
        r = layanan.realisasi_verifikasi(realisasi=r, aktor=p["verif"])
    return r


@pytest.mark.parametrize(
    "url",
    [
        "/api/organisasi",
        "/api/organisasi/kelurahan-a",
        "/api/organisasi/kelurahan-a/2024/indikator",
        "/api/organisasi/kelurahan-a/2024/realisasi",
        "/api/organisasi/kelurahan-a/2024/capaian",
    ],
)
def test_anonim_401(client, pohon, url):
    r = client.get(url)
    assert r.status_code == 401 and "Belum masuk" in r.json()["detail"]


def test_anonim_post_401(client, pohon):
    assert _post(client, {"indikator_id": pohon["ind"].pk, "tahun": TAHUN}).status_code == 401


def test_daftar_organisasi_sesuai_peran(client, pohon):
    client.force_login(pohon["op_a"])
    slugs = [o["slug"] for o in client.get("/api/organisasi").json()]
    assert slugs == ["kota-uji", "kecamatan-uji", "kelurahan-a"]  # own unit and those above
    client.force_login(pohon["pimpinan"])
    assert len(client.get("/api/organisasi").json()) == 4
    orang_luar = pabrik.pengguna("luar")
    client.force_login(orang_luar)
    assert client.get("/api/organisasi").json() == []


def test_tanpa_peran_tidak_bocor(client, pohon):
    _isi(pohon, verifikasi=True)
    client.force_login(pohon["op_b"])  # operator of the sibling kelurahan
    for akhir in ("", "/2024/indikator", "/2024/realisasi", "/2024/capaian"):
        r = client.get(f"/api/organisasi/kelurahan-a{akhir}")
        assert r.status_code == 404
        assert r.json() == {"detail": "Organisasi 'kelurahan-a' tidak ditemukan."}
    assert client.get("/api/organisasi/tidak-ada").status_code == 404
    r = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "1"},
    )
    assert r.status_code == 404 and "Kelurahan A" not in r.content.decode()


def test_operator_mengisi_dan_melihat(client, pohon):
    client.force_login(pohon["op_a"])
    r = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun",
         "nilai": "96.55", "ajukan": True},
    )  # fmt: skip
    assert r.status_code == 200, r.content
    assert r.json()["nilai"] == "96.55" and r.json()["status"] == "diajukan"
    rows = client.get("/api/organisasi/kelurahan-a/2024/realisasi").json()
    assert [(x["nilai"], x["status"], x["periode"]) for x in rows] == [
        ("96.55", "diajukan", "Tahun 2024")
    ]
    e = PeristiwaRealisasi.objects.filter(realisasi_id=rows[0]["id"])
    assert list(e.values_list("aksi", flat=True)) == ["simpan", "ajukan"]
    assert e.first().aktor == pohon["op_a"]

    cap = client.get("/api/organisasi/kelurahan-a/2024/capaian").json()
    assert cap["hanya_terverifikasi"] is False
    baris = cap["indikator"][0]
    assert Decimal(baris["capaian"]).quantize(Decimal("0.01")) == Decimal("106.86")
    assert baris["predikat"] == "Sangat Tinggi" and baris["target"] == "90.35"
    assert (
        client.get("/api/organisasi/kelurahan-a/2024/capaian?dp=2").json()["indikator"][0][
            "capaian"
        ]
        == "106.86"
    )
    assert cap["sasaran"][0]["jumlah_indikator"] == 1
    assert cap["rekap_predikat"]["Sangat Tinggi"] == 1

    ind = client.get("/api/organisasi/kelurahan-a/2024/indikator").json()
    assert [(i["kode"], i["target"], i["dalam_pk"]) for i in ind] == [("1.1", "90.35", True)]


def test_draf_hanya_untuk_yang_berhak(client, pohon):
    _isi(pohon)  # a draft
    client.force_login(pohon["op_b"])
    # op_b may read the kecamatan above (verified figures only); put a draft there.
    op_kec = pabrik.pengguna("op_kec", ("operator", pohon["kec"]))
    ind, _ = pabrik.indikator_pk(pohon["kec"], nama="Indeks kecamatan")
    layanan.realisasi_simpan(
        indikator=ind, tahun=TAHUN, jenis_periode="tahun", nilai="5", aktor=op_kec
    )
    assert client.get("/api/organisasi/kecamatan-uji/2024/realisasi").json() == []
    cap = client.get("/api/organisasi/kecamatan-uji/2024/capaian").json()
    assert cap["hanya_terverifikasi"] is True and cap["indikator"][0]["realisasi"] is None
    client.force_login(pohon["verif"])
    assert len(client.get("/api/organisasi/kecamatan-uji/2024/realisasi").json()) == 1


def test_terverifikasi_tidak_dapat_diubah(client, pohon):
    r = _isi(pohon, verifikasi=True)
    client.force_login(pohon["op_a"])
    resp = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "99"},
    )
    assert resp.status_code == 422 and "terkunci" in resp.json()["detail"]
    assert Realisasi.objects.get(pk=r.pk).nilai == Decimal("95")


def test_galat_bidang_dan_izin(client, pohon):
    client.force_login(pohon["op_a"])
    resp = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "abc"},
    )
    assert resp.status_code == 422
    assert "bukan angka" in resp.json()["galat"]["nilai"][0]
    # below 100% and submitted at once: penjelasan required, and nothing is saved
    resp = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun",
         "nilai": "50", "ajukan": True},
    )  # fmt: skip
    assert resp.status_code == 422 and "penjelasan" in resp.json()["galat"]
    assert not Realisasi.objects.exists()
    client.force_login(pohon["pimpinan"])  # may read, may not enter
    resp = _post(
        client,
        {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "1"},
    )
    assert resp.status_code == 403 and "tidak berwenang" in resp.json()["detail"]


def test_post_memerlukan_csrf(pohon):
    client = Client(enforce_csrf_checks=True)
    client.force_login(pohon["op_a"])
    data = {"indikator_id": pohon["ind"].pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "9"}
    assert _post(client, data).status_code == 403
    client.get("/masuk/")  # a page with a form sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    r = client.post(
        "/api/realisasi", json.dumps(data), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert r.status_code == 200


def test_openapi(client, pohon):
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    skema = json.loads(r.content)
    assert skema["info"]["title"] == "API Kinerja"
    assert {
        "/api/organisasi",
        "/api/organisasi/{slug}",
        "/api/organisasi/{slug}/{tahun}/indikator",
        "/api/organisasi/{slug}/{tahun}/realisasi",
        "/api/organisasi/{slug}/{tahun}/capaian",
        "/api/realisasi",
    } <= set(skema["paths"])
    assert "post" in skema["paths"]["/api/realisasi"]
    assert client.get("/api/docs").status_code == 302  # behind login (keputusan 0029)
    client.force_login(pohon["op_a"])
    assert client.get("/api/docs").status_code == 200


def test_jumlah_kueri_capaian_terbatas(client, pohon, django_assert_max_num_queries):
    for n in range(2, 12):
        ind, _ = pabrik.indikator_pk(pohon["kel_a"], nama=f"Indeks {n}", nomor=n % 3 + 1)
        layanan.realisasi_simpan(
            indikator=ind, tahun=TAHUN, jenis_periode="tahun", nilai=str(n), aktor=pohon["op_a"]
        )
    client.force_login(pohon["op_a"])
    with django_assert_max_num_queries(10):  # 9 + the period targets of the PK lines
        r = client.get("/api/organisasi/kelurahan-a/2024/capaian")
    assert r.status_code == 200 and len(r.json()["indikator"]) == 11


def test_pk_draf_hanya_untuk_yang_berhak_melihat_draf(client, pohon):
    """A draft PK of the kecamatan: its verifier sees the targets marked 'draft'; the
    kelurahan operator below, who reads the kecamatan's final figures only, sees no PK."""
    op_kec = pabrik.pengguna("op_kec", ("operator", pohon["kec"]))
    ind, butir = pabrik.indikator_pk(pohon["kec"], target="75", nama="Indeks kecamatan")
    PerjanjianKinerja.objects.filter(pk=butir.pk_dokumen_id).update(status="draft")
    # Entering a realisasi is allowed while the PK is a draft (the value is a fact).
    client.force_login(op_kec)
    r = _post(
        client,
        {"indikator_id": ind.pk, "tahun": TAHUN, "jenis_periode": "tahun", "nilai": "60",
         "penjelasan": "Di bawah target", "ajukan": True},
    )  # fmt: skip
    assert r.status_code == 200, r.content
    layanan.realisasi_verifikasi(
        realisasi=Realisasi.objects.get(indikator=ind), aktor=pohon["verif"]
    )
    url = "/api/organisasi/kecamatan-uji/2024"

    client.force_login(pohon["op_a"])
    (baris,) = client.get(f"{url}/indikator").json()
    assert (baris["dalam_pk"], baris["target"], baris["status_pk"]) == (False, None, None)
    c = client.get(f"{url}/capaian").json()
    assert c["hanya_terverifikasi"] is True and c["status_pk"] is None
    assert c["indikator"] == [] and c["sasaran"] == []

    client.force_login(pohon["verif"])
    (baris,) = client.get(f"{url}/indikator").json()
    assert (baris["dalam_pk"], baris["target"], baris["status_pk"]) == (True, "75", "draft")
    c = client.get(f"{url}/capaian").json()
    assert c["status_pk"] == "draft" and c["indikator"][0]["capaian"] == "80"

    pk_tandatangani(pk=butir.pk_dokumen, aktor=op_kec, tanggal=dt.date(2024, 1, 2))
    client.force_login(pohon["op_a"])
    (baris,) = client.get(f"{url}/indikator").json()
    assert (baris["target"], baris["status_pk"]) == ("75", "ditandatangani")
    c = client.get(f"{url}/capaian").json()
    assert c["status_pk"] == "ditandatangani" and c["indikator"][0]["capaian"] == "80"
    skema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "status_pk" in skema["IndikatorOut"]["properties"]
    assert "status_pk" in skema["CapaianOut"]["properties"]
