"""Second factor for admin, verifikator and evaluator (issue 14, keputusan 0047): enforced
per organisation (subtree), enrolment with a QR and a first code, recovery codes that work
once, other roles unaffected, the switch only for the organisation's admin, the API refused
for an unverified session."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.dua_faktor import layanan
from kinerja.dua_faktor.models import WajibDuaFaktor
from tests import pabrik

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    p["admin"] = pabrik.pengguna("admin_kota", ("admin", p["kota"]))
    p["admin_b"] = pabrik.pengguna("admin_b", ("admin", p["kel_b"]))
    return p


def kode_totp(d: TOTPDevice, geser: int = 0) -> str:
    t = TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift)
    t.time = time.time() + geser * d.step
    return f"{t.token():0{d.digits}d}"


def _wajibkan(p):
    layanan.atur_wajib(aktor=p["admin"], organisasi=p["kota"], wajib=True)


def test_tanpa_kewajiban_tidak_ada_langkah_kedua(client, p):
    client.force_login(p["admin"])
    assert client.get("/").status_code == 200


def test_kewajiban_hanya_untuk_peran_kuat_di_bawahnya(client, p):
    _wajibkan(p)
    for nama in ("admin", "verif", "evaluator"):
        client.force_login(p[nama])
        r = client.get("/isian/")
        assert r.status_code == 302 and r["Location"] == "/2fa/daftar/?next=/isian/", nama
    for nama in ("op_a", "pimpinan"):
        client.force_login(p[nama])
        assert client.get("/").status_code == 200, nama
    # the API answers 403 JSON instead of a redirect
    client.force_login(p["verif"])
    r = client.get("/api/organisasi")
    assert r.status_code == 403 and "verifikasi dua langkah" in r.json()["detail"]


def test_daftar_lalu_masuk_dengan_kode_dan_kode_cadangan_sekali_pakai(client, p):
    _wajibkan(p)
    client.force_login(p["admin"])
    r = client.get("/2fa/daftar/?next=/isian/")
    assert r.status_code == 200 and r.context["kunci"]
    qr = client.get(reverse("dua_faktor:qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    d = TOTPDevice.objects.get(user=p["admin"], confirmed=False)
    r = client.post("/2fa/daftar/", {"kode": "000000", "next": "/isian/"})
    assert r.status_code == 400 and "Kode salah" in r.content.decode()
    r = client.post("/2fa/daftar/", {"kode": kode_totp(d), "next": "/isian/"})
    assert r.status_code == 200, r.content.decode()[:500]
    cadangan = r.context["cadangan"]
    assert len(cadangan) == 10 and cadangan[0] in r.content.decode()
    assert client.get("/isian/").status_code == 200  # this session is verified

    # a new login: the code is asked again
    client.logout()
    client.force_login(p["admin"])
    r = client.get("/isian/")
    assert r.status_code == 302 and r["Location"] == "/2fa/?next=/isian/"
    r = client.post("/2fa/", {"kode": cadangan[0], "next": "/isian/"})
    assert r.status_code == 302 and r["Location"] == "/isian/"
    assert client.get("/isian/").status_code == 200

    # the same recovery code does not work twice; the app's next code does
    client.logout()
    client.force_login(p["admin"])
    r = client.post("/2fa/", {"kode": cadangan[0], "next": "/"})
    assert r.status_code == 400 and "sudah dipakai" in r.content.decode()
    d.refresh_from_db()
    # right after a wrong app code the device is throttled (django-otp): even a right code waits
    salah = f"{(int(kode_totp(d, geser=1)) + 1) % 10**6:06d}"
    assert client.post("/2fa/", {"kode": salah, "next": "/"}).status_code == 400
    r = client.post("/2fa/", {"kode": kode_totp(d, geser=1), "next": "/"})
    assert r.status_code == 400 and "Terlalu banyak kode salah: tunggu" in r.content.decode()
    d.throttle_reset()
    r = client.post("/2fa/", {"kode": kode_totp(d, geser=1), "next": "https://jahat.example/"})
    assert r.status_code == 302 and r["Location"] == "/"  # never an outside address


def test_kode_kosong_atau_aneh_ditolak_dengan_pesan(client, p):
    _wajibkan(p)
    client.force_login(p["verif"])
    for kode, pesan in (
        ("", "Wajib diisi"),
        ("12;DROP", "hanya berisi angka"),
        ("9" * 40, "hanya berisi angka"),
    ):
        r = client.post("/2fa/daftar/", {"kode": kode})
        assert r.status_code == 400 and pesan in r.content.decode(), kode


def test_kebijakan_hanya_oleh_admin_organisasinya(client, p):
    client.force_login(p["op_a"])
    assert client.get(reverse("dua_faktor:kebijakan")).status_code == 403
    client.force_login(p["admin_b"])
    r = client.post(reverse("dua_faktor:kebijakan"), {"organisasi": p["kota"].pk, "wajib": "1"})
    assert r.status_code == 403 and not WajibDuaFaktor.objects.filter(wajib=True).exists()
    client.force_login(p["admin"])
    r = client.post(reverse("dua_faktor:kebijakan"), {"organisasi": p["kota"].pk, "wajib": "1"})
    assert r.status_code == 302
    w = WajibDuaFaktor.objects.get(organisasi=p["kota"])
    assert w.wajib and w.history.first().history_user == p["admin"]


def _terdaftar(user) -> TOTPDevice:
    from django_otp.plugins.otp_static.models import StaticDevice

    d = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    StaticDevice.objects.create(user=user, name="cadangan").token_set.create(token="abcd1234")
    return d


def test_admin_mengatur_ulang_dua_faktor_akun_di_unitnya_dengan_alasan(client, p):
    from django_otp.plugins.otp_static.models import StaticDevice

    from kinerja.pengguna.models import PerubahanAkun

    _wajibkan(p)
    _terdaftar(p["verif"])
    admin = p["admin"]
    _terdaftar(admin)
    client.force_login(admin)
    s = client.session
    s["otp_device_id"] = TOTPDevice.objects.get(user=admin).persistent_id
    s.save()
    url = reverse("pengguna:rincian", args=[p["verif"].pk])
    r = client.get(url)
    assert "Atur ulang verifikasi dua langkah" in r.content.decode()
    # no reason: refused, nothing removed
    r = client.post(url, {"aksi": "dua_faktor_atur_ulang", "alasan": "hilang"}, follow=True)
    assert "paling sedikit 10 karakter" in r.content.decode()
    assert TOTPDevice.objects.filter(user=p["verif"]).count() == 1
    r = client.post(
        url,
        {"aksi": "dua_faktor_atur_ulang", "alasan": "Ponsel hilang, tiket 2026-118"},
        follow=True,
    )
    assert "pemilik akun mendaftarkan" in r.content.decode()
    assert not TOTPDevice.objects.filter(user=p["verif"]).exists()
    assert not StaticDevice.objects.filter(user=p["verif"]).exists()
    catat = PerubahanAkun.objects.get(pengguna=p["verif"], tindakan="dua_faktor_reset")
    assert catat.aktor == admin and catat.rincian["alasan"] == "Ponsel hilang, tiket 2026-118"
    # the owner is sent to enrol again at the next login
    client.force_login(p["verif"])
    r = client.get("/isian/")
    assert r.status_code == 302 and r["Location"].startswith("/2fa/daftar/")


def test_atur_ulang_dua_faktor_ditolak_di_luar_unit_dan_untuk_diri_sendiri(p):
    from django.core.exceptions import PermissionDenied

    from kinerja.pengguna import layanan as lp

    _terdaftar(p["op_a"])
    _terdaftar(p["admin_b"])
    with pytest.raises(PermissionDenied):  # op_a works at kel_a, not under kel_b
        lp.dua_faktor_atur_ulang(aktor=p["admin_b"], akun=p["op_a"], alasan="x" * 20)
    with pytest.raises(PermissionDenied):
        lp.dua_faktor_atur_ulang(aktor=p["admin_b"], akun=p["admin_b"], alasan="x" * 20)
    assert TOTPDevice.objects.filter(user__in=[p["op_a"], p["admin_b"]]).count() == 2
