"""The open-data JSON API (keputusan 0060): bad input is a 400 with an Indonesian message
naming the parameter, an unknown or unpublished unit the same 404, and both operations are
documented, with those answers, in the project's schema /api/openapi.json (where
tests/api/test_kontrak_openapi.py fuzzes them) and in the API's own /terbuka/api/openapi.json.
Version 1 is stable: the fields pinned here are only ever added to."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.inti.bahasa import KUKI_BAHASA
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.pengukuran.models import Realisasi
from tests import pabrik

pytestmark = pytest.mark.django_db

DATA = "/terbuka/api/data"


@pytest.fixture
def terbit():
    p = pabrik.pohon_kecil()
    ind, butir = pabrik.indikator_pk(p["kel_a"], target="80", kode="K1", nama="Indeks uji")
    butir.pk_dokumen.status = "ditandatangani"
    butir.pk_dokumen.save()
    Realisasi.objects.create(
        indikator=ind, organisasi=p["kel_a"], tahun=2024, jenis_periode="tahun", ke=1,
        nilai=Decimal("84"), status="diverifikasi",
    )  # fmt: skip
    publikasi_atur(aktor=p["op_a"], organisasi=p["kel_a"], tahun=2024, terbit=True)
    # kel_b: a verified figure too, never published
    ind_b, butir_b = pabrik.indikator_pk(p["kel_b"], target="80", kode="K9", nama="Rahasia B")
    butir_b.pk_dokumen.status = "ditandatangani"
    butir_b.pk_dokumen.save()
    Realisasi.objects.create(
        indikator=ind_b, organisasi=p["kel_b"], tahun=2024, jenis_periode="tahun", ke=1,
        nilai=Decimal("61.61"), status="diverifikasi",
    )  # fmt: skip
    return p


def test_data_terbit(client, terbit):
    r = client.get(f"{DATA}?unit=kelurahan-a&tahun=2024")
    assert r.status_code == 200 and r["Content-Type"] == "application/json; charset=utf-8"
    (d,) = r.json()["data"]
    assert d["unit"] == {"slug": "kelurahan-a", "nama": "Kelurahan A", "jenis": "kelurahan"}
    (i,) = d["indikator"]
    assert (i["kode"], i["target"], i["realisasi"], i["capaian"]) == ("K1", "80", "84", "105")
    assert d["unduhan"]["csv"] == "/terbuka/kelurahan-a/2024/unduh.csv"
    r = client.get("/terbuka/api/unit")
    assert r.json() == {
        "unit": [
            {"slug": "kelurahan-a", "nama": "Kelurahan A", "jenis": "kelurahan", "tahun": [2024]}
        ]
    }


@pytest.mark.parametrize(
    ("query", "pesan"),
    [
        ("", "Parameter 'unit' wajib diisi"),
        ("unit=kelurahan-a", "Parameter 'tahun' wajib diisi"),
        ("unit=kelurahan-a&tahun=abc", "Parameter 'tahun' harus angka tahun, mis. 2024, bukan 'abc'"),
        ("unit=kelurahan-a&tahun=2024.5", "Parameter 'tahun' harus angka tahun"),
        ("unit=kelurahan-a&tahun=1999", "Parameter 'tahun' harus antara 2000 dan 2100"),
        ("unit=kelurahan-a&tahun=99999999999999999999999", "Parameter 'tahun' harus"),
        ("unit=kelurahan a&tahun=2024", "Parameter 'unit' berisi slug yang tidak sah"),
        ("unit=kelurahan-a;drop&tahun=2024", "Parameter 'unit' berisi slug yang tidak sah"),
        ("unit=a,,b&tahun=2024", "Parameter 'unit' berisi slug yang tidak sah"),
        ("unit=" + ",".join(f"u{i}" for i in range(11)) + "&tahun=2024", "Terlalu banyak unit: 11"),
        ("unit=" + "a" * 401 + "&tahun=2024", "Parameter 'unit' terlalu panjang: paling banyak 400"),
        ("unit=kelurahan-a&tahun=2024&cari=" + "x" * 401, "Parameter 'cari' terlalu panjang"),
        ("unit=kelurahan-a&tahun=2024&" + "&".join(f"p{i}=1" for i in range(21)), "Terlalu banyak parameter"),
    ],
)  # fmt: skip
def test_permintaan_salah_400_dengan_pesan(client, terbit, query, pesan):
    r = client.get(f"{DATA}?{query}")
    assert r.status_code == 400, r.content
    detail = r.json()["detail"]
    assert pesan in detail, detail
    assert "84" not in r.content.decode() and "Indeks uji" not in r.content.decode()


def test_tak_dikenal_dan_tak_terbit_jawaban_sama(client, terbit):
    tak_dikenal = client.get(f"{DATA}?unit=tidak-ada&tahun=2024")
    tak_terbit = client.get(f"{DATA}?unit=kelurahan-b&tahun=2024")
    tahun_lain = client.get(f"{DATA}?unit=kelurahan-a&tahun=2023")
    for r, slug, tahun in ((tak_dikenal, "tidak-ada", 2024), (tak_terbit, "kelurahan-b", 2024),
                           (tahun_lain, "kelurahan-a", 2023)):  # fmt: skip
        assert r.status_code == 404
        assert r.json() == {
            "detail": f"Tidak ada data terbuka untuk {slug} tahun {tahun}: unit tidak dikenal "
            "atau datanya belum diterbitkan."
        }
    r = client.get(f"{DATA}?unit=kelurahan-a,kelurahan-b&tahun=2024")
    assert r.status_code == 404 and "84" not in r.content.decode()
    assert "61.61" not in r.content.decode() and "Rahasia B" not in r.content.decode()
    assert "kelurahan-b" not in client.get("/terbuka/api/unit").content.decode()


def test_batas_laju_juga_untuk_permintaan_salah(client, terbit, settings):
    settings.KINERJA_BATAS_TERBUKA = "2/m"
    kode = [client.get(f"{DATA}?tahun=abc", REMOTE_ADDR="10.8.8.8").status_code for _ in range(3)]
    assert kode == [400, 400, 429]
    r = client.get(f"{DATA}?unit=kelurahan-a&tahun=2024", REMOTE_ADDR="10.8.8.8")
    assert r.status_code == 429 and "Terlalu banyak permintaan" in r.json()["detail"]


def _skema(client, alamat):
    r = client.get(alamat)
    assert r.status_code == 200
    return r.json()


def test_terdokumentasi_di_skema_openapi_proyek(client, terbit):
    for alamat in ("/api/openapi.json", "/terbuka/api/openapi.json"):
        s = _skema(client, alamat)
        data, unit = s["paths"]["/terbuka/api/data"]["get"], s["paths"]["/terbuka/api/unit"]["get"]
        assert set(data["responses"]) == {"200", "400", "404", "429"}, alamat
        assert set(unit["responses"]) == {"200", "400", "429"}, alamat
        for kode in ("400", "404", "429"):
            ref = data["responses"][kode]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/GalatTerbuka")
        param = {p["name"]: p for p in data["parameters"]}
        assert param["unit"]["required"] and param["tahun"]["required"]
        assert param["unit"]["schema"]["maxLength"] == 400 and "pattern" in param["unit"]["schema"]
        assert (param["tahun"]["schema"]["minimum"], param["tahun"]["schema"]["maximum"]) == (
            2000, 2100
        )  # fmt: skip
    utama = _skema(client, "/api/openapi.json")
    assert utama["paths"]["/terbuka/api/data"]["get"]["security"] == []  # no login
    assert "/api/organisasi" in utama["paths"]  # the main API is still all there
    assert "/terbuka/api/data" not in [p for p in utama["paths"] if p.startswith("/api/")]
    assert client.get("/terbuka/api/docs").status_code == 200


# Version 1: these fields exist with these types; new ones may be added, none removed.
V1 = {
    "DataUnitTerbuka": {
        "unit": None, "tahun": "integer", "diterbitkan_pada": "string", "indikator": "array",
        "sasaran": "array", "predikat": "object", "ikm": "array", "nka": None, "unduhan": "object",
    },
    "IndikatorTerbuka": {
        "kode": "string", "indikator": "string", "iku": "boolean", "sasaran": "integer",
        "satuan": "string", "target": None, "realisasi": None, "capaian": None, "predikat": "string",
    },
    "SasaranTerbuka": {
        "nomor": "integer", "uraian": "string", "capaian": None, "predikat": "string",
        "jumlah_indikator": "integer",
    },
    "IkmTerbuka": {
        "kode": "string", "nama": "string", "jenis": "string", "jumlah_responden": "integer",
        "diterbitkan": "boolean", "nilai": None, "mutu": "string", "kinerja": "string",
        "unsur": "array",
    },
    "UnsurTerbuka": {"kode": "string", "nama": "string", "nrr": None},
    "NkaTerbuka": {
        "nilai_kinerja_anggaran": None, "nilai_implementasi": None, "nilai_manfaat": None,
        "penyerapan": None, "konsistensi": None, "capaian_output": None, "efisiensi": None,
        "nilai_efisiensi": None, "kategori": "string",
    },
    "UnitTerbuka": {"slug": "string", "nama": "string", "jenis": "string", "tahun": "array"},
    "GalatTerbuka": {"detail": "string"},
}  # fmt: skip


def test_skema_versi_1_stabil(client):
    s = _skema(client, "/terbuka/api/openapi.json")
    assert s["info"]["version"] == "1"
    komponen = s["components"]["schemas"]
    for nama, bidang in V1.items():
        sifat = komponen[nama]["properties"]
        for b, tipe in bidang.items():
            assert b in sifat, (nama, b)
            assert b in komponen[nama]["required"], (nama, b)
            if tipe:
                assert sifat[b].get("type") == tipe, (nama, b, sifat[b])


def test_halaman_dalam_bahasa_inggris(client, terbit):
    """The pages' texts are translated (keputusan 0064); the data stays as published."""
    client.cookies[KUKI_BAHASA] = "en"
    html = client.get("/terbuka/kelurahan-a/2024/").content.decode()
    assert "Open data Kelurahan A 2024" in html and "Downloads" in html
    assert "Indeks uji" in html and "105,00%" in html  # the figures as in Indonesian
    html = client.get("/terbuka/kamus/").content.decode()
    assert "Open data dictionary" in html and "Budget absorption (%)" in html
    r = client.get("/terbuka/kelurahan-b/2024/")
    assert r.status_code == 404 and "has not been published" in r.content.decode()
    csv_en = client.get("/terbuka/kelurahan-a/2024/unduh.csv").content
    client.cookies[KUKI_BAHASA] = "id"
    assert csv_en == client.get("/terbuka/kelurahan-a/2024/unduh.csv").content
