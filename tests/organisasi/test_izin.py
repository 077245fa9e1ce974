"""Roles per unit as rules predicates; login protection."""

import pytest
from django.urls import reverse

from kinerja.organisasi.izin import (
    dapat_melihat_draf,
    dapat_melihat_organisasi,
    dapat_memverifikasi,
    dapat_mencatat_temuan,
    dapat_mengisi,
)
from tests import pabrik

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return pabrik.pohon_kecil()


def test_jalur_dan_turunan(p):
    assert set(p["kec"].turunan()) == {p["kec"], p["kel_a"], p["kel_b"]}
    assert p["kel_a"].di_bawah(p["kota"]) and not p["kota"].di_bawah(p["kel_a"])


def test_operator_hanya_unitnya(p):
    assert dapat_mengisi(p["op_a"], p["kel_a"])
    assert not dapat_mengisi(p["op_a"], p["kel_b"])
    assert not dapat_mengisi(p["op_a"], p["kec"])
    assert dapat_melihat_draf(p["op_a"], p["kel_a"]) and not dapat_melihat_draf(
        p["op_a"], p["kel_b"]
    )
    # verified figures of the units above are readable (the city's dashboard)
    assert dapat_melihat_organisasi(p["op_a"], p["kota"])
    assert not dapat_melihat_organisasi(p["op_a"], p["kel_b"])


def test_verifikator_pimpinan_evaluator(p):
    assert dapat_memverifikasi(p["verif"], p["kel_a"]) and dapat_memverifikasi(
        p["verif"], p["kel_b"]
    )
    assert not dapat_memverifikasi(p["verif"], p["kota"])
    assert not dapat_memverifikasi(p["pimpinan"], p["kel_a"])
    assert dapat_melihat_draf(p["pimpinan"], p["kel_b"]) and not dapat_mengisi(
        p["pimpinan"], p["kel_b"]
    )
    assert dapat_mencatat_temuan(p["evaluator"], p["kel_a"]) and not dapat_mencatat_temuan(
        p["verif"], p["kel_a"]
    )


def test_tanpa_peran_tidak_melihat_apa_pun(p):
    orang = pabrik.pengguna("tamu")
    assert not dapat_melihat_organisasi(orang, p["kota"])
    assert not orang.has_perm("organisasi.lihat", p["kel_a"])
    assert p["pimpinan"].has_perm("organisasi.lihat", p["kel_a"])


def test_kunci_setelah_gagal_masuk_berulang(p, client, settings):
    """django-axes locks the account after AXES_FAILURE_LIMIT failures, even with the right password."""
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("masuk")
    for _ in range(3):
        client.post(url, {"username": "op_a", "password": "salah"}, REMOTE_ADDR="10.0.0.9")
    jawab = client.post(
        url, {"username": "op_a", "password": "rahasia-uji-123"}, REMOTE_ADDR="10.0.0.9"
    )
    assert jawab.status_code == 429
    assert "terkunci" in jawab.content.decode().lower()


def test_masuk_berhasil_dan_halaman_butuh_login(p, client):
    assert client.get(reverse("beranda")).status_code == 302
    jawab = client.post(
        reverse("masuk"),
        {"username": "op_a", "password": "rahasia-uji-123"},
        REMOTE_ADDR="10.0.0.8",
    )
    assert jawab.status_code == 302
    assert "Kelurahan A" in client.get(reverse("beranda")).content.decode()


def test_urutan_jalur_tidak_bergantung_pada_jumlah_digit_id():
    """Siblings sort in creation order even when their ids cross a power of ten, so a
    report's order does not change with the database's sequences (PostgreSQL does not
    reset them between tests; a long-lived installation has large ids)."""
    from kinerja.organisasi.models import Organisasi

    kota = Organisasi.objects.create(nama="Kota", slug="kota-x", jenis="kota_administrasi")
    sembilan = Organisasi.objects.create(
        pk=kota.pk + 9, nama="A", slug="a-x", jenis="kecamatan", induk=kota
    )
    sepuluh = Organisasi.objects.create(
        pk=kota.pk + 1000, nama="B", slug="b-x", jenis="kecamatan", induk=kota
    )
    assert list(kota.turunan(termasuk_diri=False).order_by("jalur")) == [sembilan, sepuluh]
    assert sembilan.jalur == f"/{kota.pk:012d}/{sembilan.pk:012d}/"


def test_pindah_induk_memindahkan_seluruh_cabang(p):
    from kinerja.organisasi.models import Organisasi

    prov = Organisasi.objects.create(nama="Provinsi", slug="prov-x", jenis="provinsi")
    p["kota"].induk = prov
    p["kota"].save()
    kel = Organisasi.objects.get(pk=p["kel_a"].pk)
    assert kel.jalur.startswith(prov.jalur + f"{p['kota'].pk:012d}/")
    assert kel.kedalaman == Organisasi.objects.get(pk=p["kota"].pk).kedalaman + 2 == 3
    assert set(prov.turunan()) >= {p["kota"], p["kec"], p["kel_a"], p["kel_b"]}
