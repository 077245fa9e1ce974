"""Accounts and roles managed in the app (issue 19, item 1) and the Indonesian error pages."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse

from kinerja.organisasi.models import Penugasan
from kinerja.pengguna import layanan
from kinerja.pengguna.models import PerubahanAkun, Tindakan
from tests import pabrik

User = get_user_model()
SANDI = "Sandi-Kuat-2024!"


@pytest.fixture
def pohon():
    t = pabrik.pohon_kecil()
    t["admin_kota"] = pabrik.pengguna("admin_kota", ("admin", t["kota"]))
    t["admin_kec"] = pabrik.pengguna("admin_kec", ("admin", t["kec"]))
    return t


@pytest.mark.django_db
def test_admin_membuat_operator_kelurahan_dan_tercatat(pohon, client):
    client.force_login(pohon["admin_kota"])
    assert "Pengguna dan peran" in client.get(reverse("beranda")).content.decode()
    r = client.post(
        reverse("pengguna:baru"),
        {
            "username": "operator.baru",
            "nama": "Operator Baru",
            "email": "op@example.go.id",
            "sandi": SANDI,
            "organisasi": pohon["kel_a"].pk,
            "peran": "operator",
            "jabatan": "Staf perencanaan",
        },
    )
    akun = User.objects.get(username="operator.baru")
    assert r.status_code == 302 and r.url == reverse("pengguna:rincian", args=[akun.pk])
    p = Penugasan.objects.get(pengguna=akun)
    assert (p.organisasi, p.peran, p.aktif) == (pohon["kel_a"], "operator", True)
    assert akun.check_password(SANDI)
    catatan = list(PerubahanAkun.objects.filter(pengguna=akun).values_list("tindakan", "aktor"))
    assert (Tindakan.AKUN_BUAT, pohon["admin_kota"].pk) in catatan
    assert (Tindakan.PERAN_BERI, pohon["admin_kota"].pk) in catatan
    halaman = client.get(reverse("pengguna:rincian", args=[akun.pk])).content.decode()
    assert "Operator" in halaman and "Kelurahan A" in halaman and "Akun dibuat" in halaman


@pytest.mark.django_db
def test_admin_tidak_memberi_lebih_dari_yang_dipegang(pohon):
    admin_kec, kota = pohon["admin_kec"], pohon["kota"]
    with pytest.raises(PermissionDenied, match="bukan admin Kota Uji"):
        layanan.peran_beri(aktor=admin_kec, akun=pohon["op_a"], organisasi=kota, peran="admin")
    with pytest.raises(PermissionDenied):
        layanan.akun_buat(
            aktor=admin_kec,
            username="x",
            nama="",
            email="",
            sandi=SANDI,
            organisasi=kota,
            peran="pimpinan",
        )
    # the kota's pimpinan holds a role above the kecamatan: not the kecamatan admin's account
    with pytest.raises(PermissionDenied, match="di luar unit"):
        layanan.sandi_atur_ulang(aktor=admin_kec, akun=pohon["pimpinan"], sandi=SANDI)
    with pytest.raises(PermissionDenied):
        layanan.akun_atur_aktif(aktor=admin_kec, akun=pohon["admin_kota"], aktif=False)
    with pytest.raises(PermissionDenied, match="sendiri"):
        layanan.akun_atur_aktif(aktor=admin_kec, akun=admin_kec, aktif=False)
    su = User.objects.create_superuser("akar", password=SANDI)
    with pytest.raises(PermissionDenied):
        layanan.sandi_atur_ulang(aktor=pohon["admin_kota"], akun=su, sandi=SANDI)
    assert not PerubahanAkun.objects.exists()
    # within the tree it works
    layanan.peran_beri(
        aktor=admin_kec, akun=pohon["op_a"], organisasi=pohon["kel_b"], peran="operator"
    )
    assert pohon["op_a"].penugasan.filter(organisasi=pohon["kel_b"], aktif=True).exists()


@pytest.mark.django_db
def test_masukan_buruk_ditolak_tanpa_setengah_tersimpan(pohon, client):
    client.force_login(pohon["admin_kota"])
    dasar = {"nama": "", "email": "", "organisasi": pohon["kel_a"].pk, "peran": "operator"}
    r = client.post(reverse("pengguna:baru"), {**dasar, "username": "op_a", "sandi": SANDI})
    assert "sudah dipakai" in r.content.decode()
    r = client.post(reverse("pengguna:baru"), {**dasar, "username": "lemah", "sandi": "123"})
    assert r.status_code == 200 and not User.objects.filter(username="lemah").exists()
    r = client.post(
        reverse("pengguna:baru"), {**dasar, "username": "x", "sandi": SANDI, "peran": "raja"}
    )
    assert "Pilih peran dari daftar" in r.content.decode()
    r = client.post(
        reverse("pengguna:baru"),
        {**dasar, "username": "x", "sandi": SANDI, "organisasi": 999999},
    )
    assert "Pilih unit dari daftar" in r.content.decode()
    with pytest.raises(ValidationError):
        layanan.peran_beri(
            aktor=pohon["admin_kota"],
            akun=pohon["op_a"],
            organisasi=pohon["kel_a"],
            peran="operator",
        )
    assert not User.objects.filter(username="x").exists()


@pytest.mark.django_db
def test_nonaktif_tidak_dapat_masuk_dan_peran_dicabut(pohon, client):
    op = pohon["op_a"]
    layanan.akun_atur_aktif(aktor=pohon["admin_kec"], akun=op, aktif=False)
    masuk = {"username": "op_a", "password": "rahasia-uji-123"}
    assert client.post(reverse("masuk"), masuk).status_code == 200  # form again, refused
    layanan.akun_atur_aktif(aktor=pohon["admin_kec"], akun=op, aktif=True)
    assert client.post(reverse("masuk"), masuk).status_code == 302
    p = op.penugasan.get()
    layanan.peran_cabut(aktor=pohon["admin_kec"], penugasan=p)
    p.refresh_from_db()
    assert not p.aktif  # switched off, the row (and who held it) stays
    assert PerubahanAkun.objects.filter(pengguna=op, tindakan=Tindakan.PERAN_CABUT).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["op_a", "verif", "pimpinan", "evaluator"])
def test_selain_admin_403_pada_halaman_pengguna(pohon, client, peran):
    client.force_login(pohon[peran])
    r = client.get(reverse("pengguna:daftar"))
    assert r.status_code == 403 and "hanya untuk admin" in r.content.decode()
    assert "Pengguna dan peran" not in client.get(reverse("beranda")).content.decode()
    assert "Panel admin" not in client.get(reverse("beranda")).content.decode()


@pytest.mark.django_db
def test_admin_kecamatan_tidak_melihat_akun_kota(pohon, client):
    client.force_login(pohon["admin_kec"])
    isi = client.get(reverse("pengguna:daftar")).content.decode()
    assert "op_a" in isi and "admin_kota" not in isi
    r = client.get(reverse("pengguna:rincian", args=[pohon["admin_kota"].pk]))
    assert r.status_code == 403


@pytest.mark.django_db
def test_halaman_galat_indonesia_dalam_tata_letak(pohon, client):
    client.force_login(pohon["pimpinan"])
    r = client.get("/o/unit-yang-tidak-ada/2024/")
    isi = r.content.decode()
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in isi and "Kembali ke beranda" in isi
    assert "Langsung ke isi" in isi  # the site layout
    assert "Not Found" not in isi and "requested resource" not in isi
    r = client.get("/alamat/yang/tidak/ada/")
    assert r.status_code == 404 and "Halaman tidak ditemukan" in r.content.decode()

    from kinerja.inti.views import galat_403, galat_500

    req = RequestFactory().get("/")
    req.user = pohon["pimpinan"]
    r = galat_500(req)
    assert r.status_code == 500 and "Terjadi galat pada server" in r.content.decode()
    assert "Server Error" not in r.content.decode()
    r = galat_403(req, PermissionDenied(""))
    assert r.status_code == 403 and "Akses ditolak" in r.content.decode()
