"""Browser test of the SAKIP navigation with Debian's Chromium (Playwright, no download).

The kecamatan's admin logs in, chooses the working year on the start page (one card per
stage), goes through the header's "Survei" to the stage page and the IKM results, and
through "Pelaporan" to the LKIP page; the current stage is marked. On a phone-sized screen
(390 px) the header wraps and no page scrolls sideways; the stages are reachable with the
keyboard. Screenshots at desktop and phone widths go to var/artefak/. Without
/usr/bin/chromium the test FAILS (``./kinerja test`` installs it).
"""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse

from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)
PONSEL = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TAHUN = 2024
TAHAP = ["Perencanaan", "Pengukuran", "Survei", "Anggaran", "Pelaporan", "Evaluasi"]


def test_navigasi_siklus_sakip_desktop_dan_ponsel(live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread (see test_alur_realisasi).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with _chromium() as peramban:
        _alur(peramban, live_server)


def _siklus(page):
    return page.get_by_role("navigation", name="Siklus SAKIP")


def _kini(page) -> list[tuple[str, str]]:
    """(label, aria-current) of the marked stage links."""
    return (
        _siklus(page)
        .locator("a[aria-current]")
        .evaluate_all("els => els.map(e => [e.textContent.trim(), e.getAttribute('aria-current')])")
    )


def _menu_utuh(page, nama):
    """All six stages visible inside the viewport width."""
    lebar = page.evaluate("() => window.innerWidth")
    kanan = (
        _siklus(page)
        .locator("a")
        .evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
    )
    assert len(kanan) == 6 and max(kanan) <= lebar, f"{nama}: menu terpotong {kanan}"


def _tanpa_gulir_samping(page, nama):
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], f"{nama}: halaman bergulir ke samping {lebar}"
    _menu_utuh(page, nama)


def _alur(peramban, live_server):
    mulai = time.monotonic()
    p = pabrik.pohon_kecil()
    admin = pabrik.pengguna("admin_kec", ("admin", p["kec"]))
    pabrik.indikator_pk(p["kel_a"], tahun=TAHUN, frekuensi="semester", nama="Indeks Uji")
    k = kuesioner_baku("skm")
    putaran_buat(
        kuesioner=k, organisasi=p["kel_a"], layanan=k.layanan.order_by("urutan").first(),
        jenis_periode="semester", tahun=TAHUN, ke=1, aktor=admin, status="dibuka",
    )  # fmt: skip
    url = live_server.url

    # 1. The start page: choose the working year; one card per stage for the kecamatan.
    page = _masuk(peramban, live_server, "admin_kec", viewport=DESKTOP)
    assert [t.strip() for t in _siklus(page).get_by_role("link").all_inner_texts()] == TAHAP
    page.get_by_label("Tahun kerja").select_option(str(TAHUN))
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(re.compile(rf".*\?tahun={TAHUN}$"))
    unit = page.get_by_role("region", name="Kecamatan Uji")
    assert unit.get_by_role("heading", level=3).all_inner_texts() == TAHAP
    assert unit.get_by_text("Kelengkapan 2024: 0,0% terverifikasi (0 dari 2 periode)").count()
    assert unit.get_by_role("link", name="Antrean verifikasi").count() == 1
    _foto(page, "navigasi_beranda_desktop")

    # 2. Header "Survei": the stage page lists the rounds; then the IKM results.
    _siklus(page).get_by_role("link", name="Survei").click()
    page.wait_for_url(f"{url}{reverse('tahap', args=['survei'])}?tahun={TAHUN}")
    assert _kini(page) == [["Survei", "page"]]
    assert page.get_by_role("heading", level=1).inner_text().startswith("Survei")
    page.get_by_role("link", name="Kelurahan A", exact=True).click()  # a unit below, 1 round
    page.wait_for_url(re.compile(r".*unit=kelurahan-a#putaran-kelurahan-a$"))
    assert page.get_by_role("link", name=re.compile("^Tautan publik dan QR")).count() == 1
    _foto(page, "navigasi_survei_desktop")
    page.get_by_role("link", name=f"Hasil IKM {TAHUN}").click()
    page.wait_for_url(
        url + reverse("survei_hasil", args=["kecamatan-uji", "skm-kelurahan-dki", TAHUN])
    )
    assert _kini(page) == [["Survei", "true"]]

    # 3. Header "Pelaporan": one unit, so straight to its LKIP page of the same year.
    _siklus(page).get_by_role("link", name="Pelaporan").click()
    page.wait_for_url(url + reverse("lkip:halaman", args=["kecamatan-uji", TAHUN]))
    assert page.get_by_role("heading", level=1).inner_text() == f"LKIP Kecamatan Uji tahun {TAHUN}"
    assert _kini(page) == [["Pelaporan", "page"]]
    _foto(page, "navigasi_lkip_desktop")

    # 4. Keyboard: skip link, brand, Keluar, then the stages in order.
    page.goto(url + "/")
    fokus = []
    for _ in range(9):
        page.keyboard.press("Tab")
        fokus.append(page.evaluate("() => document.activeElement.textContent.trim()"))
    assert fokus[:3] == ["Langsung ke isi", "Kinerja", "Keluar"]
    assert fokus[3:9] == TAHAP

    # 5. Phone width: the header wraps, nothing scrolls sideways.
    page.set_viewport_size(PONSEL)
    for nama, alamat in [
        ("beranda", "/"),
        ("survei", reverse("tahap", args=["survei"])),
        ("pengukuran", reverse("tahap", args=["pengukuran"])),
        ("lkip", reverse("lkip:halaman", args=["kecamatan-uji", TAHUN])),
    ]:
        page.goto(url + alamat)
        _tanpa_gulir_samping(page, nama)
        _foto(page, f"navigasi_{nama}_ponsel")
    # The results page's own tables are wider than a phone (survei/hasil.html does not wrap
    # them in .gulir); the header above them still fits.
    page.goto(url + reverse("survei_hasil", args=["kecamatan-uji", "skm-kelurahan-dki", TAHUN]))
    _menu_utuh(page, "hasil_survei")
    _siklus(page).get_by_role("link", name="Survei").click()
    page.wait_for_url(re.compile(r".*/tahap/survei/.*"))
    assert _kini(page) == [["Survei", "page"]]
    print(f"\nnavigasi di peramban: {time.monotonic() - mulai:.1f} detik")
