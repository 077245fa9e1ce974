"""QR codes (PNG, SVG) and the printable A4 poster of a short link."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from kinerja.survei_publik import qr
from kinerja.survei_publik.layanan import tautan_atur, tautan_buat

pytestmark = pytest.mark.django_db


def test_qr_png_dan_svg(client, dunia):
    kode = dunia["t"].kode
    png = client.get(reverse("publik_qr_png", args=[kode]))
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    assert png.content.startswith(b"\x89PNG\r\n\x1a\n")
    svg = client.get(reverse("publik_qr_svg", args=[kode]))
    assert svg["Content-Type"] == "image/svg+xml" and b"<svg" in svg.content
    assert f"http://testserver/s/{kode}/".encode() in svg.content  # title names the target


def test_qr_memakai_url_publik(client, dunia, settings):
    settings.KINERJA_URL_PUBLIK = "https://survei.example.go.id/"
    svg = client.get(reverse("publik_qr_svg", args=[dunia["t"].kode])).content
    assert f"https://survei.example.go.id/s/{dunia['t'].kode}/".encode() in svg
    assert qr.png("x") == qr.png("x")  # deterministic


def test_poster_a4(client, dunia):
    r = client.get(reverse("publik_poster", args=[dunia["t"].kode]))
    html = r.content.decode()
    assert r.status_code == 200
    assert "survei_publik/poster.css" in html  # static stylesheet (no inline style: CSP)
    css = open(finders.find("survei_publik/poster.css"), encoding="utf-8").read()
    assert "@page { size: A4" in css and "@media print" in css
    assert "Kelurahan Kebon Uji" in html and dunia["p"].layanan.nama in html
    assert f"testserver/s/{dunia['t'].kode}/" in html and "<svg" in html
    assert "Pindai kode QR" in html


def test_tautan_nonaktif_tanpa_qr(client, dunia):
    tautan_atur(tautan=dunia["t"], aktif=False, aktor=dunia["admin"])
    assert client.get(reverse("publik_poster", args=[dunia["t"].kode])).status_code == 404
    assert client.get(reverse("publik_qr_png", args=[dunia["t"].kode])).status_code == 404


def test_kode_pendek_unik(dunia):
    kode = {tautan_buat(putaran=dunia["p"], aktor=dunia["admin"]).kode for _ in range(20)}
    assert len(kode) == 20 and all(len(k) == 8 and k.isalnum() for k in kode)


def test_kelola_tautan(client, dunia):
    client.force_login(dunia["operator"])
    url = reverse("publik_kelola", args=[dunia["p"].pk])
    assert client.post(url, {"aksi": "tautan_buat", "keterangan": "Loket 2"}).status_code == 302
    html = client.get(url).content.decode()
    assert "Loket 2" in html and "Poster A4" in html
