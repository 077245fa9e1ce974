"""Browser test of the language choice (keputusan 0064) with Debian's Chromium: a browser
set to English still gets Indonesian; the footer's "English" button switches the navigation
and the page stays the same (path and year kept), "Bahasa Indonesia" switches back; the
choice survives logging out. Without /usr/bin/chromium the test FAILS."""

from __future__ import annotations

import re

import pytest

from tests import pabrik
from tests.e2e.test_alur_realisasi import SANDI, _chromium, _foto

pytestmark = pytest.mark.django_db(transaction=True)
TAHAP_ID = ["Perencanaan", "Pengukuran", "Survei", "Anggaran", "Pelaporan", "Evaluasi"]
TAHAP_EN = ["Planning", "Measurement", "Surveys", "Budget", "Reporting", "Evaluation"]


def _tahap(page, nama):
    return page.get_by_role("navigation", name=nama).locator("a").all_inner_texts()


def test_pilih_bahasa_di_kaki_halaman(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    p = pabrik.pohon_kecil()
    pabrik.pengguna("admin_bahasa", ("admin", p["kec"]))
    with _chromium() as peramban:
        ctx = peramban.new_context(locale="en-US")  # Accept-Language: en-US, ignored
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        page.goto(f"{live_server.url}/masuk/")
        assert page.locator("html").get_attribute("lang") == "id"
        page.fill("#id_username", "admin_bahasa")
        page.fill("#id_password", SANDI)
        page.get_by_role("button", name="Masuk", exact=True).click()
        page.wait_for_url(re.compile(r".*/$"))
        assert _tahap(page, "Siklus SAKIP") == TAHAP_ID

        page.goto(f"{live_server.url}/tahap/pengukuran/?tahun=2024")
        page.get_by_role("button", name="English").click()
        page.wait_for_url(re.compile(r".*/tahap/pengukuran/$"))
        assert _tahap(page, "SAKIP cycle") == TAHAP_EN
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text().startswith("Measurement year 2024")
        assert page.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"
        kaki = page.locator("footer.kaki button[aria-pressed=false]")
        warna = kaki.evaluate("e => getComputedStyle(e).color")
        assert warna != "rgb(255, 255, 255)", "tombol bahasa tak terbaca di latar putih"
        _foto(page, "bahasa-inggris")

        page.get_by_role("button", name="Log out").click()
        page.wait_for_url(re.compile(r".*/masuk/$"))
        assert page.get_by_role("heading", level=1).inner_text() == "Log in"
        page.get_by_role("button", name="Bahasa Indonesia").click()
        page.wait_for_url(re.compile(r".*/masuk/$"))
        assert page.get_by_role("heading", level=1).inner_text() == "Masuk"
        ctx.close()
