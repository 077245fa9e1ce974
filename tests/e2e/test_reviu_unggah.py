"""Browser test of the reviu page with Debian's Chromium: a user with any role uploads the
seed report, the reviu runs (immediate task backend), the findings show by chapter with
both values, the XLSX downloads; on a phone-sized screen the findings table stacks and the
page does not scroll sideways. Screenshots go to var/artefak/."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk
from tests.reviu.conftest import jalur_seed

pytestmark = pytest.mark.django_db(transaction=True)


def test_unggah_lkip_temuan_per_bab_dan_xlsx(live_server, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # (tasks run at once: tests/conftest.py; its queues include "laporan", which the task
    # decorators check when the URL modules are first imported)
    settings.MEDIA_ROOT = tmp_path / "berkas"
    seed = jalur_seed()
    assert seed is not None, "seed ../shared/seed tidak ditemukan"
    org = pabrik.organisasi("Kota Uji", jenis="kota")
    pabrik.pengguna("pembaca.uji", ("pimpinan", org))
    with _chromium() as peramban:
        page = _masuk(peramban, live_server, "pembaca.uji")
        page.goto(f"{live_server.url}/reviu/")
        page.set_input_files("#berkas", str(seed))
        page.get_by_role("button", name="Reviu").click()
        page.wait_for_url(re.compile(r".*/reviu/\d+/$"))
        teks = page.inner_text("main")
        assert "Selesai" in teks and "BAB III: AKUNTABILITAS KINERJA" in teks
        assert "104,08%" in teks and "104,18%" in teks
        _foto(page, "reviu-unggah-desktop")
        with page.expect_download() as unduh:
            page.get_by_role("link", name="Unduh temuan (XLSX)").click()
        berkas = tmp_path / "temuan.xlsx"
        unduh.value.save_as(berkas)
        assert load_workbook(berkas).active.max_row > 30
        page.set_viewport_size({"width": 390, "height": 844})
        page.reload()
        lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        _foto(page, "reviu-unggah-ponsel")
        assert lebar[0] <= lebar[1], f"halaman bergulir ke samping {lebar}"
