"""Honeypot, repeated phone number and address bursts flag a response `meragukan`; it is
stored and waits in the reviewer queue, where the review service decides."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.survei import pemilih
from kinerja.survei.models import PeristiwaRespon, Respon, StatusRespon

from .conftest import data_isian

pytestmark = pytest.mark.django_db


def _kirim(client, dunia, **lain):
    r = client.post(reverse("publik_formulir", args=[dunia["t"].kode]), data_isian(**lain))
    assert r.status_code == 302  # the respondent is always thanked: flags are for reviewers
    return Respon.objects.order_by("pk").last()


def test_jebakan_terisi_disimpan_meragukan(client, dunia):
    r = _kirim(client, dunia, situs_web="http://spam.example")
    assert r.status == StatusRespon.MERAGUKAN and "honeypot" in r.alasan_status
    assert pemilih.jumlah_responden([dunia["p"]]).get(dunia["p"].pk, 0) == 0


def test_telepon_sama_dalam_jendela(client, dunia):
    a = _kirim(client, dunia, telepon="0812 3456 7890")
    b = _kirim(client, dunia, telepon="+62 812-3456-7890")  # same number, other spelling
    c = _kirim(client, dunia, telepon="0813 0000 1111")
    assert a.status == "valid" and c.status == "valid"
    assert b.status == "meragukan" and "nomor HP yang sama" in b.alasan_status
    assert a.hash_telepon == b.hash_telepon


def test_lonjakan_alamat(client, dunia, settings):
    settings.KINERJA_SURVEI_BATAS_ALAMAT_MENIT = 2
    hasil = [_kirim(client, dunia).status for _ in range(4)]
    assert hasil == ["valid", "valid", "meragukan", "meragukan"]
    assert "alamat yang sama" in Respon.objects.order_by("pk").last().alasan_status


def test_antrean_dan_tinjauan(client, dunia):
    baik = _kirim(client, dunia)
    curiga = _kirim(client, dunia, situs_web="x")
    client.force_login(dunia["verif"])
    url = reverse("publik_antrean", args=[dunia["kota"].slug])
    html = client.get(url).content.decode()
    assert f"#{curiga.pk}<" in html and f"#{baik.pk}<" not in html
    assert "honeypot" in html
    r = client.post(
        reverse("publik_antrean_tinjau", args=[curiga.pk]),
        {"status": "valid", "alasan": "dicek petugas: isian wajar", "kembali": dunia["kota"].slug},
    )
    assert r.status_code == 302
    curiga.refresh_from_db()
    assert curiga.status == "valid" and curiga.ditinjau_oleh == dunia["verif"]
    assert PeristiwaRespon.objects.filter(respon=curiga, ke_status="valid").exists()
    assert f"#{curiga.pk}<" not in client.get(url).content.decode()
    # rejecting needs a reason (review service rule)
    client.post(
        reverse("publik_antrean_tinjau", args=[baik.pk]),
        {"status": "ditolak", "alasan": "", "kembali": dunia["kota"].slug},
    )
    baik.refresh_from_db()
    assert baik.status == "valid"


def test_antrean_perlu_lihat_draf(client, dunia):
    _kirim(client, dunia, situs_web="x")
    client.force_login(dunia["op_lain"])
    assert client.get(reverse("publik_antrean", args=[dunia["kel"].slug])).status_code == 403
    client.force_login(dunia["operator"])  # own unit: may see the queue, may not decide
    r = client.get(reverse("publik_antrean", args=[dunia["kel"].slug]))
    assert r.status_code == 200 and "honeypot" in r.content.decode()
    curiga = Respon.objects.get()
    client.post(
        reverse("publik_antrean_tinjau", args=[curiga.pk]),
        {"status": "valid", "alasan": "x", "kembali": dunia["kel"].slug},
    )
    curiga.refresh_from_db()
    assert curiga.status == "meragukan"
