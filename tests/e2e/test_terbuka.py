"""Browser test of the open data (issue 15, keputusan 0060) with Debian's Chromium: an
anonymous visitor opens /terbuka/, follows Jakarta Pusat 2024 (published through the switch),
sees the capaian chart drawn on the page and downloads the CSV, which parses back to the
seed's figures (ILK 104,08%, Tabel 23); an unpublished unit is a 404 page in Indonesian.
Without /usr/bin/chromium the test FAILS."""

from __future__ import annotations

import csv
import io
import re

import pytest

from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.organisasi.models import Organisasi
from kinerja.terbuka.pemilih import KOLOM
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto

pytestmark = pytest.mark.django_db(transaction=True)


def test_halaman_data_terbuka_grafik_dan_unduhan(live_server, monkeypatch, settings):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.KINERJA_BATAS_TERBUKA = ""  # the page, its charts and downloads are many requests
    muat_contoh("jakarta-pusat")
    jp = Organisasi.objects.get(slug="jakarta-pusat")
    admin = pabrik.pengguna("admin.e2e.terbuka", ("admin", jp))
    publikasi_atur(aktor=admin, organisasi=jp, tahun=2024, terbit=True, alasan="uji peramban")
    with _chromium() as peramban:
        ctx = peramban.new_context(locale="id-ID", accept_downloads=True)
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        page.goto(f"{live_server.url}/terbuka/")
        assert page.get_by_role("heading", level=1).inner_text() == "Data terbuka kinerja"
        baris = page.get_by_role("row", name=re.compile("Kota Administrasi Jakarta Pusat"))
        baris.get_by_role("link", name="2024").click()
        page.wait_for_url(re.compile(r".*/terbuka/jakarta-pusat/2024/$"))
        judul = page.get_by_role("heading", level=1).inner_text()
        assert judul == "Data terbuka Kota Administrasi Jakarta Pusat 2024"

        grafik = page.locator("#grafik-capaian svg")
        grafik.wait_for(state="visible")
        kotak = grafik.bounding_box()
        assert kotak and kotak["width"] > 200 and kotak["height"] > 100, kotak
        assert grafik.locator("path, rect").count() > 15  # bars drawn, not an empty frame
        assert page.locator("#grafik-predikat svg").is_visible()
        assert page.get_by_role("cell", name="104,08%").first.is_visible()
        _foto(page, "terbuka-jakarta-pusat-2024")

        with page.expect_download() as unduhan:
            page.locator("#unduhan").get_by_role("link", name="CSV").click()
        berkas = unduhan.value
        assert berkas.suggested_filename == "kinerja-jakarta-pusat-2024.csv"
        isi = open(berkas.path(), encoding="utf-8").read()
        data = list(csv.DictReader(io.StringIO(isi)))
        assert list(data[0]) == list(KOLOM)
        ilk = next(b for b in data if b["kelompok"] == "capaian_indikator" and b["kode"] == "ILK")
        assert (ilk["nilai"], ilk["predikat"], ilk["unit"]) == (
            "104.08",
            "Sangat Tinggi",
            "jakarta-pusat",
        )
        assert sum(b["kelompok"] == "capaian_indikator" for b in data) == 15
        assert any(b["kelompok"] == "ikm" and int(b["jumlah_responden"]) >= 10 for b in data)

        with page.expect_download() as unduhan:
            page.locator("#unduhan").get_by_role("link", name="Excel (XLSX)").click()
        assert unduhan.value.suggested_filename == "kinerja-jakarta-pusat-2024.xlsx"

        # an unpublished unit: the Indonesian 404 page, no figures
        r = page.goto(f"{live_server.url}/terbuka/jakarta-pusat-kec-gambir/2024/")
        assert r.status == 404
        assert page.get_by_role("heading", level=1).inner_text() == "Data tidak ditemukan"
        assert "belum diterbitkan" in page.get_by_role("alert").inner_text()
        ctx.close()
