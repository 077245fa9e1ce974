"""The interface language (keputusan 0064): Indonesian by default and whatever the browser
asks for; English only after the footer's choice (cookie `kinerja_bahasa`), from the
catalogue in src/kinerja/locale; the choice returns to the same page of this site and never
elsewhere; numbers stay Indonesian in English."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import loader
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from kinerja.inti import views
from kinerja.inti.bahasa import KUKI_BAHASA
from kinerja.pengukuran import layanan
from tests import pabrik

pytestmark = pytest.mark.django_db

TAHUN = 2024
TAHAP_ID = ["Perencanaan", "Pengukuran", "Survei", "Anggaran", "Pelaporan", "Evaluasi"]
TAHAP_EN = ["Planning", "Measurement", "Surveys", "Budget", "Reporting", "Evaluation"]


def _navigasi(html: str) -> list[str]:
    (nav,) = re.findall(r'<nav class="siklus" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


@pytest.fixture
def operator():
    """An operator of Kelurahan A with a semester indicator: semester I verified."""
    p = pabrik.pohon_kecil()
    ind, _ = pabrik.indikator_pk(p["kel_a"], tahun=TAHUN, frekuensi="semester")
    r = layanan.realisasi_simpan(
        indikator=ind, tahun=TAHUN, jenis_periode="semester", ke=1, nilai="100", aktor=p["op_a"]
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=p["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=p["verif"])
    return p["op_a"]


def _beranda(client, user) -> str:
    client.force_login(user)
    r = client.get(reverse("beranda"), {"tahun": TAHUN})
    assert r.status_code == 200
    return r.content.decode()


# --- navigation and the start page -------------------------------------------------------


def test_tanpa_kuki_navigasi_indonesia_walau_peramban_minta_inggris(client, operator):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    html = _beranda(client, operator)
    assert _navigasi(html) == TAHAP_ID
    assert '<html lang="id">' in html
    assert "<h1>Beranda</h1>" in html and "Kelengkapan 2024: 50,0% terverifikasi" in html


def test_kuki_en_mengganti_navigasi_dan_beranda_atas(client, operator):
    client.cookies[KUKI_BAHASA] = "en"
    html = _beranda(client, operator)
    assert _navigasi(html) == TAHAP_EN
    assert '<html lang="en">' in html and 'aria-label="SAKIP cycle"' in html
    assert "<h1>Home</h1>" in html and "Log out" in html and "Skip to content" in html
    assert "Working year" in html
    # the cards' links and status; numbers stay Indonesian (0064: kinerja.angka, id_ID)
    assert "Completeness 2024: 50,0% verified (1 of 2 periods)" in html
    assert "Enter realisasi and upload supporting evidence" in html
    assert "Kelengkapan" not in html and "Keluar" not in html


def test_kuki_tak_dikenal_berarti_indonesia(client, operator):
    for nilai in ("en-US", "fr", "<script>", ""):
        client.cookies[KUKI_BAHASA] = nilai
        assert _navigasi(_beranda(client, operator)) == TAHAP_ID, nilai


def test_halaman_tahap_dalam_bahasa_inggris(client, operator):
    client.cookies[KUKI_BAHASA] = "en"
    client.force_login(operator)
    html = client.get(reverse("tahap", args=["survei"]), {"tahun": TAHUN}).content.decode()
    assert "<h1>Surveys <span" in html and "year 2024" in html
    assert "Public satisfaction surveys (IKM) and coordination effectiveness" in html


def test_kepala_vary_dan_content_language(client):
    r = client.get(reverse("masuk"))
    assert r["Content-Language"] == "id" and "Cookie" in r["Vary"]
    client.cookies[KUKI_BAHASA] = "en"
    assert client.get(reverse("masuk"))["Content-Language"] == "en"


# --- login and error pages ---------------------------------------------------------------


def test_masuk_dalam_bahasa_inggris(client):
    pabrik.pengguna("tamu_en")
    client.cookies[KUKI_BAHASA] = "en"
    html = client.get(reverse("masuk")).content.decode()
    assert "<h1>Log in</h1>" in html and ">Username</label>" in html and ">Password</label>" in html
    assert "<title>Log in · Kinerja</title>" in html
    r = client.post(reverse("masuk"), {"username": "tamu_en", "password": "salah-sekali"})
    assert "Incorrect username or password." in r.content.decode()
    r = client.post(reverse("masuk"), {"username": "tamu_en", "password": "rahasia-uji-123"})
    assert r.status_code == 302 and r.url == reverse("beranda")


def test_masuk_bawaan_indonesia(client):
    html = client.get(reverse("masuk")).content.decode()
    assert "<h1>Masuk</h1>" in html and ">Nama pengguna</label>" in html
    assert ">Kata sandi</label>" in html and "Log in" not in html


def test_404_indonesia_dan_inggris(client):
    r = client.get("/tidak-ada-halaman-ini/")
    html = r.content.decode()
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in html and "Kode galat 404." in html
    assert "Kembali ke beranda" in html
    client.cookies[KUKI_BAHASA] = "en"
    r = client.get("/tidak-ada-halaman-ini/")
    html = r.content.decode()
    assert r.status_code == 404 and '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html and "Error code 404." in html
    assert "This address does not exist, or the requested unit/year is unknown." in html
    assert "Back to the home page" in html and "Halaman tidak ditemukan" not in html


def test_403_dan_500_dalam_bahasa_inggris():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with translation.override("en"):
        html = views.galat_403(request).content.decode()
        assert "<h1>Access denied</h1>" in html
        assert "Your role does not allow you to open this page." in html
        html = loader.get_template("inti/galat_500.html").render()
        assert "<h1>Server error</h1>" in html and "Error code 500." in html
    html = loader.get_template("inti/galat_500.html").render()
    assert "<h1>Terjadi galat pada server</h1>" in html and "Kode galat 500." in html


# --- the footer's language choice ------------------------------------------------------------


def _kaki(html: str) -> str:
    (kaki,) = re.findall(r'<footer class="kaki">(.*?)</footer>', html, re.S)
    return kaki


def test_kaki_memuat_formulir_post_dengan_csrf_dan_jalur_tanpa_query():
    client = Client(enforce_csrf_checks=True)
    kaki = _kaki(client.get(reverse("masuk"), {"next": "https://jahat.example/"}).content.decode())
    assert f'method="post" action="{reverse("atur_bahasa")}"' in kaki
    assert 'name="csrfmiddlewaretoken"' in kaki
    assert '<input type="hidden" name="kembali" value="/masuk/">' in kaki
    assert 'value="id" lang="id" class="tautan" aria-pressed="true">Bahasa Indonesia<' in kaki
    assert 'value="en" lang="en" class="tautan" aria-pressed="false">English<' in kaki


def test_pilih_bahasa_lalu_kembali_ke_halaman_yang_sama():
    client = Client(enforce_csrf_checks=True)
    html = client.get(reverse("masuk")).content.decode()
    (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', _kaki(html))
    data = {"csrfmiddlewaretoken": token, "kembali": "/masuk/"}
    r = client.post(reverse("atur_bahasa"), {**data, "bahasa": "en"})
    assert r.status_code == 302 and r["Location"] == "/masuk/"
    kuki = r.cookies[KUKI_BAHASA]
    assert kuki.value == "en" and kuki["httponly"] and kuki["samesite"] == "Lax"
    assert "<h1>Log in</h1>" in client.get(r["Location"]).content.decode()
    r = client.post(reverse("atur_bahasa"), {**data, "bahasa": "id"})
    assert r.cookies[KUKI_BAHASA].value == "id"
    assert "<h1>Masuk</h1>" in client.get("/masuk/").content.decode()
    # an unknown language changes nothing
    r = client.post(reverse("atur_bahasa"), {**data, "bahasa": "xx"})
    assert r.status_code == 302 and KUKI_BAHASA not in r.cookies


def test_pilih_bahasa_hanya_post_dengan_csrf():
    client = Client(enforce_csrf_checks=True)
    assert client.get(reverse("atur_bahasa"), {"bahasa": "en"}).status_code == 405
    r = client.post(reverse("atur_bahasa"), {"bahasa": "en", "kembali": "/masuk/"})
    assert r.status_code == 403 and KUKI_BAHASA not in r.cookies


@pytest.mark.parametrize(
    "kembali",
    [
        "https://jahat.example/",
        "//jahat.example/",
        "///jahat.example/",
        "/\\jahat.example/",
        "\\\\jahat.example",
        "\\/jahat.example",
        "https:/jahat.example",
        "http:jahat.example",
        "javascript:alert(1)",
        "jahat.example",
        " //jahat.example",
        "\t//jahat.example",
        "/%0d%0aLocation:%20https://jahat.example",
        "/masuk/\r\nLocation: https://jahat.example",
        "/\x00//jahat.example",
        "",
    ],
)
def test_pilih_bahasa_tidak_bisa_mengalihkan_ke_luar_situs(client, kembali):
    r = client.post(reverse("atur_bahasa"), {"bahasa": "en", "kembali": kembali})
    assert r.status_code == 302
    lokasi = r["Location"]
    bagian = urlsplit(lokasi)
    assert not bagian.scheme and not bagian.netloc, lokasi
    assert lokasi.startswith("/") and not lokasi.startswith(("//", "/\\")), lokasi
    assert "\r" not in lokasi and "\n" not in lokasi
    if "%0d" not in kembali:
        assert lokasi == reverse("beranda")


def test_pilih_bahasa_membuang_query_dan_fragmen(client):
    r = client.post(
        reverse("atur_bahasa"),
        {"bahasa": "en", "kembali": "/masuk/?next=https://jahat.example/#x"},
    )
    assert r["Location"] == "/masuk/"
