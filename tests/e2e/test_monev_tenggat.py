"""Browser test of the reporting calendar (issue 17): an operator sees an overdue realisasi
on the home page, follows it to the period's entry list, enters and submits the realisasi,
and the item is gone from the home page. Debian's Chromium under Playwright."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_melihat_terlambat_lalu_mengisi(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    tahun = timezone.localdate().year - 1  # every quarter of last year is past its due date
    p = pabrik.pohon_kecil()
    pabrik.indikator_pk(
        p["kel_a"], tahun=tahun, target="400", nama="Jumlah layanan uji", frekuensi="triwulan",
        cara_agregasi="kumulatif",
    )  # fmt: skip
    judul = f"Realisasi Triwulan I {tahun}"

    with _chromium() as peramban:
        page = _masuk(peramban, live_server, "op_a")
        page.goto(f"{live_server.url}/?tahun={tahun}")
        tenggat = page.locator("section.tenggat")
        butir = tenggat.locator("li", has_text=judul)
        assert butir.count() == 1
        assert "Terlambat" in butir.inner_text()
        _foto(page, "monev-beranda-terlambat")
        butir.get_by_role("link", name=judul).click()
        page.wait_for_url(f"**/monev/kelurahan-a/{tahun}/isian/triwulan/1/")
        assert "Terlambat" in page.content()
        page.get_by_role("link", name="Isi realisasi").click()
        page.get_by_label("Realisasi:", exact=True).fill("105")
        penjelasan = page.get_by_label("Penjelasan:", exact=True)
        if penjelasan.count():
            penjelasan.fill("Rekap layanan triwulan I.")
        page.get_by_role("button", name="Simpan dan ajukan").click()
        page.wait_for_load_state()
        assert "Diajukan" in page.content() or "diajukan" in page.content()

        page.goto(f"{live_server.url}/?tahun={tahun}")
        tenggat = page.locator("section.tenggat")
        assert tenggat.locator("li", has_text=judul).count() == 0
        assert tenggat.locator("li", has_text=f"Realisasi Triwulan II {tahun}").count() == 1
        _foto(page, "monev-beranda-sesudah")

        # the board shows the quarter as submitted, the next ones as late
        page.goto(f"{live_server.url}/o/kelurahan-a/{tahun}/kelengkapan/")
        sel = page.locator("table.papan td.sel")
        assert [sel.nth(i).get_attribute("data-keadaan") for i in range(4)] == [
            "diajukan", "terlambat", "terlambat", "terlambat",
        ]  # fmt: skip
        _foto(page, "monev-papan")
        page.goto(f"{live_server.url}/monev/kelurahan-a/{tahun}/")
        assert "Peringatan dini" in page.content()
        _foto(page, "monev-halaman")
