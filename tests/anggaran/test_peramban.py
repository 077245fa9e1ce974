"""Playwright (Debian's Chromium): import a monthly file with one bad row, see the row
error, fix it, apply; the dashboard charts and NKA update. Fails (never skips) without
/usr/bin/chromium."""

import io
import os
from decimal import Decimal

import pytest
from openpyxl import Workbook

from kinerja.anggaran.contoh import bulanan_dari_kumulatif
from kinerja.anggaran.models import AnggaranBulanan
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.rumus.nka import NAMA_BULAN
from tests import pabrik
from tests.anggaran.conftest import sasaran_terverifikasi

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _berkas(path, rusak: bool):
    rpd = bulanan_dari_kumulatif(jp.RPD_KUMULATIF)
    ra = bulanan_dari_kumulatif(list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI])
    wb = Workbook()
    ws = wb.active
    ws.append(["ANGGARAN KAS (RPD) DAN REALISASI BULANAN"])
    ws.append(["Tahun Anggaran 2024"])
    ws.append(["No", "Bulan", "RPD (Anggaran Kas)", "Realisasi"])
    for i in range(12):
        ws.append([i + 1, NAMA_BULAN[i], rpd[i], "12,5,3" if rusak and i == 5 else ra[i]])
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
    return str(path)


@pytest.mark.django_db(transaction=True)
def test_impor_bulanan_dengan_baris_salah_lalu_diperbaiki(live_server, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} tidak ada: apt-get install -y chromium"
    from playwright.sync_api import sync_playwright

    from kinerja.anggaran.contoh import muat_anggaran

    org = pabrik.organisasi(
        "Kota Administrasi Jakarta Pusat", "kota_administrasi", slug="jakarta-pusat"
    )
    sasaran_terverifikasi(org)
    muat_anggaran(org)
    # Start with an incomplete year: November and December not yet entered.
    AnggaranBulanan.objects.filter(organisasi=org, bulan__gte=11).delete()
    pabrik.pengguna("operator_anggaran", ("operator", org), password="rahasia-uji-123")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        page.goto(f"{live_server.url}/masuk/")
        page.fill("#id_username", "operator_anggaran")
        page.fill("#id_password", "rahasia-uji-123")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")

        dasbor = f"{live_server.url}/anggaran/jakarta-pusat/2024/"
        page.goto(dasbor)
        assert "Belum dapat dihitung" in page.inner_text("#nka")
        assert "belum diisi" in page.inner_text("#galat-ringkas")
        titik_awal = page.locator("#grafik-rpd path").count()

        page.goto(f"{dasbor}impor/")
        page.set_input_files("#id_berkas", _berkas(tmp_path / "salah.xlsx", rusak=True))
        page.click("#form-unggah button[type=submit]")
        galat = page.inner_text("#galat-impor")
        assert "9" in galat and "Realisasi" in galat and "bukan angka" in galat
        assert page.locator("#form-terapkan").count() == 0
        assert AnggaranBulanan.objects.filter(organisasi=org).count() == 10

        page.set_input_files("#id_berkas", _berkas(tmp_path / "benar.xlsx", rusak=False))
        page.click("#form-unggah button[type=submit]")
        assert "12 bulan siap diterapkan" in page.inner_text("#hasil-impor")
        page.click("#form-terapkan button[type=submit]")
        page.wait_for_url(dasbor)

        assert page.inner_text("#nka") == "94,99%"
        assert page.inner_text("#konsistensi") == "81,12%"
        assert page.locator("#galat-ringkas").count() == 0
        assert page.locator("#grafik-rpd").count() == 1
        assert page.locator("#grafik-rpd path").count() >= titik_awal
        assert page.locator("#grafik-program").count() == 1
        browser.close()
    assert AnggaranBulanan.objects.get(organisasi=org, bulan=12).realisasi == (
        Decimal(jp.REALISASI) - Decimal(jp.REALISASI_KUMULATIF_TERBIT[10])
    )
