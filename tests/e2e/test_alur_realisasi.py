"""Browser test of the realisasi workflow with Debian's Chromium (Playwright, no download).

Operator enters a realisasi with an evidence PDF and submits; the verifier returns it with a
reason; the operator sees the reason, corrects and resubmits; the verifier verifies; the
unit's dashboard then shows the new capaian and predikat. Screenshots (the operator's page
on a phone-sized screen, the dashboard) go to var/artefak/. Without /usr/bin/chromium the
test FAILS (``./kinerja test`` installs it).
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

import pytest
from django.db import connections
from django.urls import NoReverseMatch, reverse

from kinerja.pengukuran.models import Realisasi
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
ARTEFAK = Path(__file__).resolve().parents[2] / "var" / "artefak"
SANDI = "rahasia-uji-123"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db(transaction=True)


@contextlib.contextmanager
def _chromium():
    """Debian's Chromium under Playwright; a missing browser fails the test (never skips)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} tidak ada: jalankan `./kinerja test` (memasang paket Debian chromium) "
            "atau `apt-get install chromium fonts-dejavu-core`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGUMEN)
        try:
            yield browser
        finally:
            browser.close()
            # Connections opened while Playwright's loop ran are not the ones pytest-django
            # closes afterwards; close them here or PostgreSQL refuses to drop the test database.
            connections.close_all()


def _masuk(browser, live_server, username, **opsi):
    ctx = browser.new_context(locale="id-ID", **opsi)
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    page.goto(f"{live_server.url}/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", SANDI)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))
    assert "/masuk/" not in page.url, f"{username} gagal masuk"
    return page


def _foto(page, nama):
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"), full_page=True)


def test_alur_realisasi_dari_isian_sampai_dasbor(live_server, settings, tmp_path, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # inside one unless told it is safe (the test's own queries are synchronous).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with _chromium() as peramban:
        _alur(peramban, live_server, settings, tmp_path)


def _alur(peramban, live_server, settings, tmp_path):
    mulai = time.monotonic()
    settings.MEDIA_ROOT = tmp_path / "berkas"
    p = pabrik.pohon_kecil()
    ind, _ = pabrik.indikator_pk(p["kel_a"], target="90.35", nama="Indeks Kepuasan Uji")
    bukti = tmp_path / "Laporan Survei 2024.pdf"
    bukti.write_bytes(PDF)
    url_isian = f"{live_server.url}{reverse('isian_realisasi', args=[ind.pk, 2024, 'tahun', 1])}"

    # 1. Operator (on a phone-sized screen) enters 95 with the evidence PDF and submits.
    op = _masuk(peramban, live_server, "op_a", viewport={"width": 390, "height": 844})
    op.goto(f"{live_server.url}{reverse('isian')}?tahun=2024")
    op.get_by_role("link", name="Isi realisasi Indeks Kepuasan Uji, Tahun 2024").click()
    op.get_by_label("Realisasi:", exact=True).fill("95")
    op.get_by_label("Bukti dukung:", exact=True).set_input_files(str(bukti))
    op.get_by_role("button", name="Simpan dan ajukan").click()
    op.get_by_text("Realisasi diajukan untuk diverifikasi.").wait_for()
    assert op.locator("#status-realisasi").inner_text().strip() == "Diajukan"
    assert op.locator("#capaian").inner_text().strip() == "105,15%"
    assert op.get_by_role("link", name="Laporan Survei 2024.pdf").count() == 1

    # 2. Verifier opens the queue, downloads the evidence, returns it with a reason.
    ver = _masuk(peramban, live_server, "verif")
    ver.goto(f"{live_server.url}{reverse('verifikasi')}")
    with ver.expect_download() as unduhan:
        ver.get_by_role("link", name="Laporan Survei 2024.pdf").click()
    assert unduhan.value.suggested_filename == "Laporan Survei 2024.pdf"
    assert Path(unduhan.value.path()).read_bytes() == PDF
    ver.get_by_role("button", name=re.compile("^Kembalikan")).click()  # no reason: refused
    assert ver.get_by_label("Alasan pengembalian").evaluate("e => !e.validity.valid")
    ver.get_by_label("Alasan pengembalian").fill("Gunakan angka final laporan survei.")
    ver.get_by_role("button", name=re.compile("^Kembalikan")).click()
    ver.get_by_text("dikembalikan ke operator").wait_for()

    # 3. Operator sees the reason, corrects with an Indonesian decimal, resubmits.
    op.goto(url_isian)
    assert "Gunakan angka final laporan survei." in op.locator("#alasan-kembali").inner_text()
    op.get_by_label("Realisasi:", exact=True).fill("96,55")
    op.get_by_label("Alasan perubahan:", exact=True).fill("Angka final survei")
    op.get_by_role("button", name="Simpan dan ajukan").click()
    op.get_by_text("Realisasi diajukan untuk diverifikasi.").wait_for()
    riwayat = op.locator("#riwayat").inner_text()
    assert "95 → 96,55" in riwayat and "Gunakan angka final laporan survei." in riwayat
    _foto(op, "alur_realisasi_operator_ponsel")

    # 4. Verifier verifies.
    ver.goto(f"{live_server.url}{reverse('verifikasi')}")
    ver.get_by_role("button", name=re.compile("^Verifikasi Indeks Kepuasan Uji")).click()
    ver.get_by_text("diverifikasi").first.wait_for()
    assert Realisasi.objects.get(indikator=ind).status == "diverifikasi"

    # 5. The new capaian and predikat.
    # >>> DASBOR: when the dashboard (`dasbor`, o/<slug>/<tahun>/) exists the test reads it;
    # >>> until then it reads the realisasi page. Drop the fallback once `dasbor` is merged.
    try:
        url_dasbor = reverse("dasbor", kwargs={"slug": p["kel_a"].slug, "tahun": 2024})
    except NoReverseMatch:
        url_dasbor = None
    if url_dasbor:
        ver.goto(f"{live_server.url}{url_dasbor}")
        isi = ver.locator("main").inner_text()
        assert "106,86" in isi and "Sangat Tinggi" in isi, isi[:2000]
    else:
        ver.goto(url_isian)
        assert ver.locator("#capaian").inner_text().strip() == "106,86%"
        assert ver.locator("#predikat").inner_text().strip() == "Sangat Tinggi"
    # <<< DASBOR
    _foto(ver, "alur_realisasi_dasbor")
    print(f"\nalur realisasi di peramban: {time.monotonic() - mulai:.1f} detik")
