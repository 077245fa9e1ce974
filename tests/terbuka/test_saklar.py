"""The publish switch (keputusan 0060): `publikasi_atur` and the page /terbuka/kelola/: only
the unit's planners (operators) and admins at or above it; a kelurahan operator gets 403 on
the city's switch; every change is an audited history row; the LKIP page links to it."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.organisasi.layanan import publikasi_atur
from kinerja.organisasi.models import PublikasiData
from tests import pabrik

pytestmark = pytest.mark.django_db

KELOLA = "/terbuka/kelola/kota-uji/2024/"


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    p["admin"] = pabrik.pengguna("admin_kota", ("admin", p["kota"]))
    p["op_kota"] = pabrik.pengguna("op_kota", ("operator", p["kota"]))
    return p


def test_izin_per_tindakan(pohon):
    kota = pohon["kota"]
    for nama in ("op_a", "verif", "pimpinan", "evaluator"):
        with pytest.raises(PermissionDenied):
            publikasi_atur(aktor=pohon[nama], organisasi=kota, tahun=2024, terbit=True)
    assert not PublikasiData.objects.exists()
    p = publikasi_atur(aktor=pohon["op_kota"], organisasi=kota, tahun=2024, terbit=True)
    assert p.terbit and p.diubah_oleh == pohon["op_kota"]
    p = publikasi_atur(aktor=pohon["admin"], organisasi=kota, tahun=2024, terbit=False)
    assert not p.terbit
    # an admin of the kota publishes a kelurahan below; the kelurahan's operator its own unit
    publikasi_atur(aktor=pohon["admin"], organisasi=pohon["kel_a"], tahun=2024, terbit=True)
    publikasi_atur(aktor=pohon["op_b"], organisasi=pohon["kel_b"], tahun=2024, terbit=True)
    with pytest.raises(PermissionDenied):
        publikasi_atur(aktor=pohon["op_a"], organisasi=pohon["kel_b"], tahun=2024, terbit=False)
    with pytest.raises(ValidationError) as e:
        publikasi_atur(aktor=pohon["admin"], organisasi=kota, tahun=1899, terbit=True)
    assert "tahun" in e.value.message_dict


def test_audit_tercatat(pohon):
    kota, admin = pohon["kota"], pohon["admin"]
    publikasi_atur(aktor=admin, organisasi=kota, tahun=2024, terbit=True, alasan="LKIP final")
    publikasi_atur(aktor=admin, organisasi=kota, tahun=2024, terbit=True)  # no change: no row
    publikasi_atur(aktor=pohon["op_kota"], organisasi=kota, tahun=2024, terbit=False)
    riwayat = list(PublikasiData.history.filter(organisasi_id=kota.pk).order_by("history_id"))
    assert [(h.terbit, h.history_user, h.history_change_reason) for h in riwayat] == [
        (True, admin, "diterbitkan: LKIP final"),
        (False, pohon["op_kota"], "ditarik"),
    ]


def test_halaman_kelola_dan_403_operator_kelurahan(client, pohon):
    assert client.get(KELOLA).status_code == 302  # login first
    client.force_login(pohon["op_a"])
    r = client.get(KELOLA)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tidak diterbitkan" in html and 'name="aksi"' not in html
    r = client.post(KELOLA, {"aksi": "terbit"})
    assert r.status_code == 403
    assert "hanya dapat diterbitkan atau ditarik oleh perencana" in r.content.decode()
    assert not PublikasiData.objects.exists()

    client.force_login(pohon["admin"])
    html = client.get(KELOLA).content.decode()
    assert 'value="terbit"' in html and "csrfmiddlewaretoken" in html
    r = client.post(KELOLA, {"aksi": "terbit", "alasan": "uji"}, follow=True)
    assert r.status_code == 200
    html = r.content.decode()
    assert "diterbitkan di /terbuka/" in html and 'value="tarik"' in html
    assert "diterbitkan: uji" in html  # the history table
    assert PublikasiData.objects.get(organisasi=pohon["kota"], tahun=2024).terbit
    assert client.get("/terbuka/kota-uji/2024/").status_code == 200
    client.post(KELOLA, {"aksi": "tarik"})
    assert client.get("/terbuka/kota-uji/2024/").status_code == 404
    r = client.post(KELOLA, {"aksi": "hapus-semua"}, follow=True)
    assert "Pilih tindakan" in r.content.decode()


def test_kelola_memerlukan_csrf(pohon):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(pohon["admin"])
    assert c.post(KELOLA, {"aksi": "terbit"}).status_code == 403
    assert not PublikasiData.objects.exists()


def test_unit_lain_tidak_boleh_dikelola(client, pohon):
    luar = pabrik.organisasi("Kota Lain", "kota_administrasi", slug="kota-lain")
    client.force_login(pohon["op_a"])
    assert client.get("/terbuka/kelola/kota-lain/2024/").status_code == 403
    assert client.post("/terbuka/kelola/kota-lain/2024/", {"aksi": "terbit"}).status_code == 403
    assert not PublikasiData.objects.filter(organisasi=luar).exists()
    assert client.get("/terbuka/kelola/tidak-ada/2024/").status_code == 404


def test_halaman_lkip_menautkan_saklar(client, pohon):
    client.force_login(pohon["admin"])
    r = client.get("/lkip/kota-uji/2024/")
    assert r.status_code == 200
    assert f'href="{KELOLA}"' in r.content.decode()


def test_anonim_tidak_dapat_menerbitkan(client, pohon):
    from django.contrib.auth.models import AnonymousUser

    for terbit in (True, False):
        with pytest.raises(PermissionDenied):
            publikasi_atur(
                aktor=AnonymousUser(), organisasi=pohon["kota"], tahun=2024, terbit=terbit
            )
    r = client.post(KELOLA, {"aksi": "terbit"})
    assert r.status_code == 302 and "/masuk/" in r["Location"]
    assert not PublikasiData.objects.exists()
    assert client.get("/terbuka/kota-uji/2024/").status_code == 404


def test_audit_siapa_kapan_dan_tak_dapat_diubah(pohon):
    from django.db import DatabaseError, transaction
    from django.utils import timezone

    sebelum = timezone.now()
    p = publikasi_atur(aktor=pohon["admin"], organisasi=pohon["kota"], tahun=2024, terbit=True)
    sesudah = timezone.now()
    h = PublikasiData.history.get(organisasi_id=pohon["kota"].pk)
    assert h.history_user == pohon["admin"] and sebelum <= h.history_date <= sesudah
    assert p.diubah_oleh == pohon["admin"] and sebelum <= p.diubah_pada <= sesudah
    # the history is append-only in the database itself (keputusan 0028)
    with pytest.raises(DatabaseError), transaction.atomic():
        PublikasiData.history.filter(pk=h.pk).update(history_user=pohon["op_kota"])
    with pytest.raises(DatabaseError), transaction.atomic():
        PublikasiData.history.filter(pk=h.pk).delete()


def test_kelola_tahun_di_luar_rentang(client, pohon):
    client.force_login(pohon["admin"])
    assert client.get("/terbuka/kelola/kota-uji/1999/").status_code == 404
    assert client.post("/terbuka/kelola/kota-uji/99999/", {"aksi": "terbit"}).status_code == 404
    assert not PublikasiData.objects.exists()
