"""Browser test (issue 14): with the obligation switched on, the city's admin logs in, is sent
to enrolment, types the code an authenticator app would show (computed here from the key the
page prints), keeps the recovery codes, and on the next login enters a fresh code."""

from __future__ import annotations

import base64
import re
import time

import pytest
from django_otp.oath import TOTP

from kinerja.dua_faktor import layanan
from tests import pabrik
from tests.e2e.test_alur_realisasi import SANDI, _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)


def _kode(kunci_b32: str, geser: int = 0) -> str:
    kunci = base64.b32decode(kunci_b32 + "=" * (-len(kunci_b32) % 8))
    t = TOTP(kunci)
    t.time = time.time() + 30 * geser
    return f"{t.token():06d}"


def test_admin_mendaftarkan_autentikator_lalu_masuk_dengan_kode(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    t = pabrik.pohon_kecil()
    admin = pabrik.pengguna("admin_kota", ("admin", t["kota"]))
    layanan.atur_wajib(aktor=admin, organisasi=t["kota"], wajib=True)
    with _chromium() as peramban:
        page = _masuk(peramban, live_server, "admin_kota")
        assert "/2fa/daftar/" in page.url
        page.wait_for_function("document.querySelector(\"img[alt^='Kode QR']\").complete")
        assert page.locator("img[alt^='Kode QR']").evaluate("i => i.naturalWidth") > 0
        kunci = page.locator("#kunci-totp").inner_text().strip()
        page.get_by_label("Kode dari aplikasi").fill(_kode(kunci))
        page.get_by_role("button", name="Daftarkan").click()
        page.wait_for_selector("#kode-cadangan")
        assert page.locator(".kode-cadangan li").count() == 10
        _foto(page, "dua-faktor-kode-cadangan")
        page.get_by_role("link", name="Lanjutkan").click()
        assert "Pengguna dan peran" in page.content()
        page.get_by_role("button", name="Keluar").click()

        page = _masuk(peramban, live_server, "admin_kota")
        assert re.search(r"/2fa/\?next=", page.url), page.url
        page.get_by_label("Kode").fill(_kode(kunci, geser=1))
        page.get_by_role("button", name="Verifikasi").click()
        page.wait_for_url(re.compile(r".*/$"))
        assert "/2fa/" not in page.url and "Pengguna dan peran" in page.content()
    assert SANDI
