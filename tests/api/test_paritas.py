"""Issue 14, finding "API parity": the API refuses what the forms refuse, through the same
service validation (`pengukuran.layanan.periksa_isian`). Every write endpoint of the API gets
the same bad inputs as the entry form; each answer is 422 with an Indonesian message and
nothing is saved. A new write endpoint fails `test_setiap_operasi_tulis_diuji` until it is
added here."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from kinerja.api.api import api
from kinerja.pengukuran.models import PeristiwaRealisasi, Realisasi
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    p["angka"], _ = pabrik.indikator_pk(p["kel_a"], target="90.35", kode="1.1")
    p["kualitatif"], _ = pabrik.indikator_pk(
        p["kel_a"], nama="Opini BPK", kode="1.2", jenis_target="kualitatif", skala_ordinal="opini"
    )
    return p


def _post_realisasi(client, body):
    return client.post("/api/realisasi", json.dumps(body), content_type="application/json")


# Every write operation of the API: how to send a realisasi body to it.
OPERASI_TULIS = {"POST /api/realisasi": _post_realisasi}
# Write operations of other records, whose parity with their forms is tested beside them.
OPERASI_TULIS_LAIN = {
    "POST /api/skp/saya/{tahun}/rhk": "tests/skp/test_api.py",
    "POST /api/skp/saya/realisasi": "tests/skp/test_api.py",
    "POST /api/skp/penilaian": "tests/skp/test_api.py",
}


def test_setiap_operasi_tulis_diuji():
    skema = api.get_openapi_schema(path_prefix="/api")
    tulis = {
        f"{m.upper()} {path}"
        for path, ops in skema["paths"].items()
        for m in ops
        if m.lower() in ("post", "put", "patch", "delete")
    }
    assert tulis == set(OPERASI_TULIS) | set(OPERASI_TULIS_LAIN)


# (name, indicator, API body changes, form data, form period, API message fragment,
#  the API's message is the form's message word for word)
BURUK = [
    ("teks_pada_indikator_angka", "angka", {"nilai": "abc"}, {"nilai": "abc"}, None,
     "bukan angka", False),
    ("label_pada_indikator_angka", "angka", {"nilai": "95", "nilai_teks": "WTP"}, None, None,
     "Indikator ini berupa angka", False),
    ("nilai_5000_karakter", "angka", {"nilai": "9" * 5000}, {"nilai": "9" * 5000}, None,
     "bukan angka yang dapat disimpan", False),
    ("nilai_teks_5000_karakter", "kualitatif", {"nilai_teks": "W" * 5000},
     {"nilai_teks": "W" * 5000}, None, "paling banyak 60 karakter", False),
    ("penjelasan_5000_karakter", "angka", {"nilai": "95", "penjelasan": "x" * 5000},
     {"nilai": "95", "penjelasan": "x" * 5000}, None, "paling banyak 4000 karakter", False),
    ("label_bukan_skala", "kualitatif", {"nilai_teks": "Sangat Bagus"},
     {"nilai_teks": "Sangat Bagus"}, None, "bukan label", True),
    ("angka_pada_indikator_kualitatif", "kualitatif", {"nilai": "3", "nilai_teks": "WTP"},
     None, None, "Indikator ini kualitatif", False),
    ("pembilang_pada_indikator_bukan_rasio", "angka", {"nilai": "95", "pembilang": "3"},
     None, None, "hanya untuk indikator rasio", False),
    ("periode_tidak_dipakai_indikator", "angka", {"nilai": "95", "jenis_periode": "bulan"},
     {"nilai": "95"}, ("bulan", 1), "tidak sesuai frekuensi indikator", True),
    ("tahun_1000", "angka", {"nilai": "95", "tahun": 1000}, {"nilai": "95"}, (1000, "tahun"),
     "Tahun", False),
    ("tahun_9999", "angka", {"nilai": "95", "tahun": 9999}, {"nilai": "95"}, (9999, "tahun"),
     "Tahun", False),
    ("nilai_1e309_angka_json", "angka", {"nilai": 1e309}, None, None, "teks", False),
    ("nilai_1e309_teks", "angka", {"nilai": "1e309"}, {"nilai": "1e309"}, None,
     "paling banyak 18 digit sebelum koma", False),
    ("nilai_25_digit", "angka", {"nilai": "9" * 25}, {"nilai": "9" * 25}, None,
     "paling banyak 18 digit sebelum koma", False),
    ("nilai_7_desimal", "angka", {"nilai": "0.0000001"}, {"nilai": "0,0000001"}, None,
     "paling banyak 6 angka di belakang koma", False),
]  # fmt: skip


def _url_form(ind, periode):
    tahun, jenis, ke = TAHUN, "tahun", 1
    if periode and isinstance(periode[0], int):
        tahun, jenis = periode
    elif periode:
        jenis, ke = periode
    return reverse("isian_realisasi", args=[ind.pk, tahun, jenis, ke])


@pytest.mark.parametrize("operasi", sorted(OPERASI_TULIS))
@pytest.mark.parametrize(
    ("nama", "jenis", "ubah", "form", "periode", "pesan", "sama"), BURUK, ids=[b[0] for b in BURUK]
)
def test_paritas_api_dan_formulir(
    client, p, operasi, nama, jenis, ubah, form, periode, pesan, sama
):
    ind = p[jenis]
    client.force_login(p["op_a"])
    body = {"indikator_id": ind.pk, "tahun": TAHUN, "jenis_periode": "tahun", "ke": 1, **ubah}
    r = OPERASI_TULIS[operasi](client, body)  # json: 1e309 is sent as Infinity
    assert r.status_code == 422, r.content
    galat = r.json()
    assert galat["detail"] and pesan in r.content.decode(), galat
    assert not Realisasi.objects.exists() and not PeristiwaRealisasi.objects.exists()

    if form is not None:  # the entry form refuses the same input
        h = client.post(_url_form(ind, periode), {"aksi": "simpan", **form})
        assert h.status_code in (200, 404), h.status_code  # 404: a period that cannot exist
        assert not Realisasi.objects.exists()
        if sama:
            pesan_api = next(iter(galat["galat"].values()))[0]
            assert escape(pesan_api) in h.content.decode()

    # the organisation's pages and reads still load
    assert client.get(f"/api/organisasi/kelurahan-a/{TAHUN}/capaian").status_code == 200
    assert client.get(reverse("dasbor", args=["kelurahan-a", TAHUN])).status_code == 200
