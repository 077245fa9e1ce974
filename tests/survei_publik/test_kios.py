"""Kiosk: staff activate a device (signed cookie, then logged out); each respondent gets an
empty form, a fresh CSRF token and a thank-you page that returns to the form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja.survei.models import Respon, StatusRespon
from kinerja.survei_publik.views import KUKI_KIOS

from .conftest import csrf, data_isian

pytestmark = pytest.mark.django_db


def _aktifkan(client, dunia):
    client.force_login(dunia["operator"])
    url = reverse("publik_kios_aktifkan", args=[dunia["t"].kode])
    r = client.post(url, {"csrfmiddlewaretoken": csrf(client, url)})
    assert r.status_code == 302 and r["Location"] == reverse("publik_kios", args=[dunia["t"].kode])
    return client


def test_kios_tanpa_aktivasi_ditolak(client, dunia):
    r = client.get(reverse("publik_kios", args=[dunia["t"].kode]))
    assert r.status_code == 403 and "belum diaktifkan" in r.content.decode()


def test_aktivasi_perlu_izin_unit(client, dunia):
    url = reverse("publik_kios_aktifkan", args=[dunia["t"].kode])
    assert client.post(url).status_code == 302 and KUKI_KIOS not in client.cookies  # to login
    client.force_login(dunia["op_lain"])
    assert client.post(url).status_code == 403


def test_aktivasi_memasang_kuki_dan_mengeluarkan_petugas(client, dunia):
    _aktifkan(client, dunia)
    assert KUKI_KIOS in client.cookies and client.cookies[KUKI_KIOS]["httponly"]
    assert "_auth_user_id" not in client.session  # staff session ended on the shared tablet


def test_pengunjung_berikutnya_melihat_formulir_kosong(dunia):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    _aktifkan(c, dunia)
    url = reverse("publik_kios", args=[dunia["t"].kode])
    token1 = csrf(c, url)
    kuki1 = c.cookies["csrftoken"].value
    r = c.post(
        url,
        data_isian(4, csrfmiddlewaretoken=token1, saran="Petugas ramah", telepon="081299998888"),
    )
    assert r.status_code == 302
    assert r["Location"] == reverse("publik_kios_selesai", args=[dunia["t"].kode])
    assert c.cookies["csrftoken"].value != kuki1  # CSRF token rotated for the next person
    selesai = c.get(r["Location"])
    html = selesai.content.decode()
    assert "no-store" in selesai["Cache-Control"]
    assert re.search(rf'<meta http-equiv="refresh" content="\d+;url={re.escape(url)}">', html)
    assert f'href="{url}"' in html  # the button back to an empty form
    assert "Petugas ramah" not in html
    # the next respondent: nothing of the previous one
    r2 = c.get(url)
    html2 = r2.content.decode()
    assert "no-store" in r2["Cache-Control"]
    assert 'autocomplete="off"' in html2
    assert not re.search(r"<input[^>]*checked", html2)
    assert "Petugas ramah" not in html2 and "081299998888" not in html2
    token2 = csrf(c, url)
    assert c.post(url, data_isian(3, csrfmiddlewaretoken=token2)).status_code == 302
    respon = list(Respon.objects.order_by("pk"))
    assert [r.saluran for r in respon] == ["kiosk", "kiosk"]
    assert (
        respon[0].id_perangkat.startswith("kios-")
        and respon[0].id_perangkat == respon[1].id_perangkat
    )
    assert respon[0].hash_alamat == ""  # kiosks are counted per device, not per address
    assert all(r.status == StatusRespon.VALID for r in respon)


def test_kuki_palsu_tidak_berlaku(client, dunia):
    client.cookies[KUKI_KIOS] = "kios-palsu"
    assert client.get(reverse("publik_kios", args=[dunia["t"].kode])).status_code == 403


def test_lonjakan_kios_ditandai_bukan_dibuang(client, dunia, settings):
    settings.KINERJA_SURVEI_BATAS_PERANGKAT_MENIT = 3
    settings.KINERJA_SURVEI_BATAS_ALAMAT_MENIT = 1  # must not apply to a kiosk
    _aktifkan(client, dunia)
    url = reverse("publik_kios", args=[dunia["t"].kode])
    for _ in range(5):
        assert client.post(url, data_isian()).status_code == 302
    status = list(Respon.objects.order_by("pk").values_list("status", flat=True))
    assert status == ["valid"] * 3 + ["meragukan"] * 2
    assert "perangkat kios" in Respon.objects.order_by("pk").last().alasan_status
