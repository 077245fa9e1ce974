"""No phone number, recipient name or e-mail appears in any page or export a respondent's
data reaches: the pages this app adds and the survey results/exports that count them."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from kinerja.survei.models import Respon
from kinerja.survei_publik import layanan

from .conftest import data_isian

pytestmark = pytest.mark.django_db

TELEPON = "0812-3456-7890"
BENTUK_TELEPON = [
    "0812-3456-7890",
    "081234567890",
    "81234567890",
    "6281234567890",
    "3456-7890",
    "34567890",
]
NAMA = "Ratna Rahasia Wulandari"
SUREL = "ratna.rahasia@example.go.id"


def _teks(r) -> str:
    if r["Content-Type"].startswith("application/vnd.openxmlformats"):
        with zipfile.ZipFile(io.BytesIO(r.content)) as z:
            return "".join(
                z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
            )
    return r.content.decode("utf-8", "replace")


def _bersih(teks: str, where: str):
    for t in BENTUK_TELEPON:
        assert t not in teks, f"nomor HP ({t}) tampil di {where}"
    assert NAMA not in teks and SUREL not in teks, f"nama/surel penerima tampil di {where}"


@pytest.fixture
def terisi(client, dunia):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    client.post(url, data_isian(4, telepon=TELEPON))
    client.post(url, data_isian(3, telepon=TELEPON))  # duplicate → meragukan → queue
    (b,) = layanan.undangan_terbitkan(
        putaran=dunia["p"], aktor=dunia["admin"], penerima=[(NAMA, SUREL)]
    )
    r = client.post(reverse("publik_undangan", args=[b.token]), data_isian(2))
    assert r.status_code == 302
    assert Respon.objects.count() == 3
    return dunia


def test_basis_data_tanpa_nomor_mentah(terisi):
    for r in Respon.objects.all():
        _bersih(" ".join(str(v) for v in r.__dict__.values()), f"respon {r.pk}")


def test_halaman_publik(client, terisi):
    kode = terisi["t"].kode
    for url in [
        reverse("publik_formulir", args=[kode]),
        reverse("publik_selesai", args=[kode]),
        reverse("publik_undangan_selesai"),
        reverse("publik_poster", args=[kode]),
        reverse("publik_qr_svg", args=[kode]),
    ]:
        r = client.get(url)
        assert r.status_code == 200, url
        _bersih(_teks(r), url)


def test_halaman_petugas_dan_ekspor(client, terisi):
    d = terisi
    client.force_login(d["admin"])
    halaman = [
        reverse("publik_antrean", args=[d["kota"].slug]),
        reverse("publik_antrean", args=[d["kota"].slug]) + "?status=valid",
        reverse("survei_hasil", args=[d["kota"].slug, d["k"].kode, 2025]),
        reverse("survei_ekspor", args=[d["kota"].slug, d["k"].kode, 2025]),
        reverse("survei_putaran", args=[d["p"].pk]),
        reverse("survei_ekspor_grid", args=[d["p"].pk]),
    ]
    for url in halaman:
        r = client.get(url)
        assert r.status_code == 200, url
        _bersih(_teks(r), url)
    assert "meragukan" in _teks(client.get(halaman[0])).lower()


def test_kelola_tidak_mengaitkan_penerima_dengan_jawaban(client, terisi):
    """The invitation list names recipients (to distribute links) but shows no time of use
    and no link to a response, and never a phone number."""
    client.force_login(terisi["admin"])
    html = client.get(reverse("publik_kelola", args=[terisi["p"].pk])).content.decode()
    assert NAMA in html and "sudah dipakai" in html
    assert "/survei/respon/" not in html and "#" + str(Respon.objects.last().pk) not in html
    for t in BENTUK_TELEPON:
        assert t not in html
