"""Browser test (issue 19): the kota's admin creates an operator account for a kelurahan and
gives the role, by clicking from the home page only; the new operator can then log in and
reaches the entry page. Debian's Chromium under Playwright; without it the test FAILS."""

from __future__ import annotations

import re

import pytest

from kinerja.organisasi.models import Penugasan
from kinerja.pengguna.models import PerubahanAkun
from tests import pabrik
from tests.e2e.test_alur_realisasi import SANDI, _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_membuat_operator_kelurahan_dengan_klik(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    t = pabrik.pohon_kecil()
    pabrik.pengguna("admin_kota", ("admin", t["kota"]))
    with _chromium() as peramban:
        page = _masuk(peramban, live_server, "admin_kota")
        page.get_by_role("link", name="Pengguna dan peran").click()
        page.get_by_role("link", name="Buat akun baru").click()
        page.get_by_label("Nama pengguna").fill("operator.kel-b")
        page.get_by_label("Nama lengkap").fill("Operator Kelurahan B")
        page.get_by_label("Kata sandi awal").fill(SANDI)
        page.get_by_label("Unit").select_option(str(t["kel_b"].pk))
        page.get_by_label("Peran").select_option("operator")
        page.get_by_role("button", name="Buat akun").click()
        page.wait_for_url(re.compile(r".*/pengguna/\d+/$"))
        isi = page.content()
        assert "Akun operator.kel-b dibuat sebagai Operator" in isi
        assert "Akun dibuat" in isi and "Peran diberikan" in isi
        _foto(page, "pengguna-admin-buat-operator")
        page.get_by_role("button", name="Keluar").click()

        baru = _masuk(
            peramban,
            live_server,
            "operator.kel-b",
        )
        assert "Kelurahan B" in baru.content()
    p = Penugasan.objects.get(pengguna__username="operator.kel-b")
    assert p.organisasi == t["kel_b"] and p.peran == "operator" and p.aktif
    assert PerubahanAkun.objects.filter(pengguna=p.pengguna).count() == 2
