"""A resubmitted form is stored once (bench/gangguan.py: a web worker killed after the
commit but before the reply; the respondent presses "Kirim" again).

Before the fix every resubmission of the same rendered form was a second response."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from kinerja.survei.models import Jawaban, RekapJawaban, Respon
from tests.survei_publik.conftest import data_isian

pytestmark = pytest.mark.django_db


def _formulir(client, url) -> dict:
    html = client.get(url).content.decode()
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_formulir_yang_sama_dikirim_ulang_tersimpan_sekali(client, dunia):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    tersembunyi = _formulir(client, url)
    assert re.fullmatch(r"[A-Za-z0-9_-]{16,32}", tersembunyi["kunci_kiriman"])
    badan = data_isian(saran="kirim ulang", **tersembunyi)
    selesai = reverse("publik_selesai", args=[dunia["t"].kode])
    for _ in range(3):
        r = client.post(url, badan)
        assert r.status_code == 302 and r["Location"] == selesai  # each copy is acknowledged
    p = dunia["p"]
    assert Respon.objects.filter(putaran=p).count() == 1
    assert Jawaban.objects.filter(putaran=p).count() == 9
    assert sum(RekapJawaban.objects.filter(putaran=p).values_list("jumlah", flat=True)) == 9


def test_formulir_baru_adalah_respon_baru(client, dunia):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    kunci = {_formulir(client, url)["kunci_kiriman"] for _ in range(2)}
    assert len(kunci) == 2  # every rendering has its own key
    for k in kunci:
        assert client.post(url, data_isian(kunci_kiriman=k)).status_code == 302
    assert Respon.objects.filter(putaran=dunia["p"]).count() == 2


@pytest.mark.parametrize("kunci", ["", "pendek", "<script>" * 4, "a" * 40])
def test_kunci_tidak_sah_tetap_disimpan_tanpa_kunci(client, dunia, kunci):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    for _ in range(2):
        assert client.post(url, data_isian(kunci_kiriman=kunci)).status_code == 302
    assert list(
        Respon.objects.filter(putaran=dunia["p"]).values_list("kunci_kiriman", flat=True)
    ) == ["", ""]


def test_kios_juga_tersimpan_sekali(dunia):
    from django.test import Client

    c = Client()
    c.force_login(dunia["admin"])
    c.post(reverse("publik_kios_aktifkan", args=[dunia["t"].kode]))
    url = reverse("publik_kios", args=[dunia["t"].kode])
    badan = data_isian(**_formulir(c, url))
    assert [c.post(url, badan).status_code for _ in range(2)] == [302, 302]
    assert Respon.objects.filter(putaran=dunia["p"], saluran="kiosk").count() == 1
