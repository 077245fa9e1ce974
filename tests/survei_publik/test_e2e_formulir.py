"""Browser test of the public SKM form on a phone-sized screen (Debian's Chromium under
Playwright, no download): a respondent answers with clicks and the keyboard and submits;
a kiosk (activated by staff) thanks the respondent and returns to an empty form for the
next one; the round's results page then counts both. Without /usr/bin/chromium the test
FAILS, never skips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.db import connections
from django.urls import reverse

from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import IsianRespon, putaran_buat, respon_simpan_banyak
from kinerja.survei.models import Respon
from kinerja.survei_publik.layanan import tautan_buat
from tests import pabrik

CHROMIUM = Path("/usr/bin/chromium")
ARGUMEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SANDI = "rahasia-uji-123"
PONSEL = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

pytestmark = pytest.mark.django_db(transaction=True)


def _data():
    kota = pabrik.organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    kel = pabrik.organisasi("Kelurahan Kebon Uji", "kelurahan", kota, slug="kel-uji")
    admin = pabrik.pengguna("admin_uji", ("admin", kota))
    pabrik.pengguna("op_kel", ("operator", kel))
    pabrik.pengguna("pimpinan_kota", ("pimpinan", kota))
    k = kuesioner_baku("skm")
    p = putaran_buat(
        kuesioner=k, organisasi=kel, layanan=k.layanan.order_by("urutan").first(),
        jenis_periode="semester", tahun=2025, ke=1, populasi=500, aktor=admin, status="dibuka",
    )  # fmt: skip
    demo = {"jenis_kelamin": "L", "usia": "36-45", "pendidikan": "sma", "pekerjaan": "swasta"}
    respon_simpan_banyak(
        putaran=p, saluran="impor",
        daftar=[IsianRespon(jawaban={f"F{i}": 3 for i in range(1, 10)}, demografi=demo)] * 5,
    )  # fmt: skip
    return k, p, tautan_buat(putaran=p, aktor=admin)


def _isi(page, label_jawaban):
    """Answer all nine questions: the first two with the keyboard, the rest by clicking."""
    grup = page.locator("fieldset[id^=q-]")
    pertama = grup.nth(0).get_by_role("radio", name=label_jawaban[0], exact=True)
    pertama.focus()
    page.keyboard.press("Space")  # select the focused radio
    assert pertama.is_checked()
    page.keyboard.press("Tab")  # leaves the first radio group ...
    kedua = grup.nth(1).get_by_role("radio", name=label_jawaban[0], exact=True)
    assert kedua.evaluate("e => e === document.activeElement")  # ... into the next question
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # arrow keys move within a group
    assert grup.nth(1).get_by_role("radio", name=label_jawaban[1], exact=True).is_checked()
    for i in range(2, 9):
        grup.nth(i).get_by_role("radio", name=label_jawaban[3], exact=True).click()
    page.get_by_label("Jenis kelamin").select_option(label="Perempuan")
    page.get_by_label("Usia").select_option(label="26-35 tahun")
    page.get_by_label("Pendidikan terakhir").select_option(label="Sarjana (S1)")
    page.get_by_label("Pekerjaan").select_option(index=1)


def _n_hasil(page, url) -> int:
    page.goto(url)
    m = re.search(r"n = (\d+) responden valid", page.content())
    assert m, "halaman hasil tanpa jumlah responden"
    return int(m.group(1))


def test_formulir_publik_kios_dan_hasil(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} tidak ada: `apt-get install chromium`", pytrace=False)
    from playwright.sync_api import sync_playwright

    k, p, t = _data()
    label = k.label_jawaban
    hasil = live_server.url + reverse("survei_hasil", args=["kota-uji", k.kode, 2025])
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMEN)
        try:
            # the reviewer's view before
            staf = browser.new_context(locale="id-ID")
            staf.set_default_timeout(15_000)
            hal = staf.new_page()
            hal.goto(live_server.url + "/masuk/")
            hal.fill("#id_username", "pimpinan_kota")
            hal.fill("#id_password", SANDI)
            hal.get_by_role("button", name="Masuk").click()
            hal.wait_for_url(re.compile(r".*/$"))
            n_awal = _n_hasil(hal, hasil)
            assert n_awal == 5

            # 1. a respondent on a phone, via the short link
            ponsel = browser.new_context(locale="id-ID", **PONSEL)
            ponsel.set_default_timeout(15_000)
            page = ponsel.new_page()
            page.goto(f"{live_server.url}/s/{t.kode}/")
            assert (
                page.evaluate("document.documentElement.scrollWidth") <= 390
            )  # no sideways scroll
            page.get_by_role("button", name="Kirim jawaban").click()  # nothing answered
            assert "Periksa kembali isian berikut" in page.content()
            _isi(page, label)
            page.get_by_label(re.compile("Saran")).fill("Ruang tunggu kurang kursi")
            page.get_by_role("button", name="Kirim jawaban").click()
            page.wait_for_url(re.compile(rf".*/s/{t.kode}/selesai/$"))
            assert (
                page.get_by_role("status").inner_text().startswith("Jawaban Anda sudah kami terima")
            )

            # 2. a shared tablet: staff activate the kiosk, then respondents take turns
            tablet = browser.new_context(locale="id-ID", **PONSEL)
            tablet.set_default_timeout(15_000)
            kios = tablet.new_page()
            kios.goto(f"{live_server.url}/masuk/?next=/s/{t.kode}/kios/aktifkan/")
            kios.fill("#id_username", "op_kel")
            kios.fill("#id_password", SANDI)
            kios.get_by_role("button", name="Masuk").click()
            kios.get_by_role("button", name="Aktifkan kios dan keluar").click()
            kios.wait_for_url(re.compile(rf".*/s/{t.kode}/kios/$"))
            _isi(kios, label)
            kios.get_by_label(re.compile("Nomor HP")).fill("0812 1111 2222")
            kios.get_by_role("button", name="Kirim jawaban").click()
            kios.wait_for_url(re.compile(r".*/kios/selesai/$"))
            assert kios.get_by_role("link", name="Isi survei baru").is_visible()
            # the page returns by itself (meta refresh) to an empty form
            kios.wait_for_url(re.compile(rf".*/s/{t.kode}/kios/$"), timeout=20_000)
            assert kios.locator("input[type=radio]:checked").count() == 0
            assert kios.get_by_label(re.compile("Nomor HP")).input_value() == ""
            assert kios.locator("select").evaluate_all("ss => ss.every(s => s.value === '')")
            assert kios.locator("form[autocomplete=off]").count() == 1
            assert "Keluar" not in kios.content()  # staff were logged out on activation

            saluran = sorted(
                Respon.objects.exclude(saluran="impor").values_list("saluran", flat=True)
            )
            assert saluran == ["kiosk", "web"]

            # 3. the results page counts both new responses
            assert _n_hasil(hal, hasil) == n_awal + 2
        finally:
            browser.close()
            connections.close_all()
