"""Public form: accessible markup, storage through respon_simpan, refusal when closed."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from kinerja.survei.models import Jawaban, Respon, StatusRespon
from kinerja.survei_publik.layanan import tautan_atur

from .conftest import data_isian

pytestmark = pytest.mark.django_db


def _url(t):
    return reverse("publik_formulir", args=[t.kode])


def test_formulir_kosong_aksesibel(client, dunia):
    r = client.get(_url(dunia["t"]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "no-store" in r["Cache-Control"]
    assert html.count("<fieldset") == 9 + 1  # one per question + "Tentang Anda"
    assert html.count("<legend>") == 10
    # every radio has a real label with the kuesioner's answer wording
    for i in range(1, 10):
        for v in range(1, 5):
            assert re.search(rf'<label class="pilihan" for="id_b_F{i}_{v - 1}">', html)
    for label in dunia["k"].label_jawaban:
        assert label in html
    assert html.count('type="radio"') == 36
    assert not re.search(r"<input[^>]*checked", html)
    # honeypot: hidden from people and assistive technology, out of the tab order
    assert re.search(r'<div class="jebakan" aria-hidden="true">', html)
    assert 'tabindex="-1"' in html
    assert 'for="id_d_jenis_kelamin"' in html and 'for="id_saran"' in html
    assert "Kelurahan Kebon Uji" in html
    assert "survei_publik/publik.css" in html  # one static stylesheet (no inline style: CSP)
    css = open(finders.find("survei_publik/publik.css"), encoding="utf-8").read()
    assert ":focus-visible" in css  # visible focus style
    assert "<script" not in html  # works without JavaScript


def test_kirim_disimpan_lewat_respon_simpan(client, dunia):
    r = client.post(
        _url(dunia["t"]), data_isian(3, saran="Antrean lebih cepat", telepon="0812-3456-7890")
    )
    assert r.status_code == 302 and r["Location"] == reverse(
        "publik_selesai", args=[dunia["t"].kode]
    )
    respon = Respon.objects.get()
    assert respon.saluran == "web" and respon.status == StatusRespon.VALID
    assert respon.putaran == dunia["p"] and respon.saran == "Antrean lebih cepat"
    assert respon.demografi == {
        "jenis_kelamin": "P",
        "usia": "26-35",
        "pendidikan": "s1",
        "pekerjaan": "swasta",
    }
    assert len(respon.hash_telepon) == 64 and "81234567890" not in respon.hash_telepon
    assert len(respon.hash_alamat) == 64 and respon.id_perangkat == ""
    assert sorted(Jawaban.objects.values_list("nilai", flat=True)) == [3] * 9
    selesai = client.get(r["Location"])
    assert "Jawaban Anda sudah kami terima" in selesai.content.decode()
    assert "no-store" in selesai["Cache-Control"]


def test_butir_kosong_ditolak_dan_isian_dipertahankan(client, dunia):
    data = data_isian(2)
    del data["b_F5"]
    r = client.post(_url(dunia["t"]), data)
    assert r.status_code == 200
    html = r.content.decode()
    # numbered as the respondent sees it (question 5 of 1-9), never the item code F5
    assert re.search(r"Pertanyaan 5 \([^)]+\) belum dijawab\.", html)
    assert "Pertanyaan F5" not in html
    assert 'href="#q-F5"' in html  # error summary links to the question
    assert len(re.findall(r"<input[^>]*checked", html)) == 8  # answers kept
    assert Respon.objects.count() == 0


def test_nilai_di_luar_skala_dan_demografi_salah(client, dunia):
    r = client.post(_url(dunia["t"]), data_isian(5, d_usia="99"))
    html = r.content.decode()
    assert r.status_code == 200
    assert re.search(r"Pertanyaan 1 \([^)]+\): pilih salah satu jawaban\.", html)
    assert "Usia: pilih dari daftar." in html
    assert Respon.objects.count() == 0


def test_telepon_tidak_sah(client, dunia):
    r = client.post(_url(dunia["t"]), data_isian(telepon="bukan nomor"))
    assert r.status_code == 200 and "Nomor HP" in r.content.decode()
    assert Respon.objects.count() == 0


@pytest.mark.parametrize("status,kode", [("ditutup", 410), ("draf", 404)])
def test_putaran_tidak_dibuka(client, dunia, status, kode):
    p = dunia["p"]
    p.status = status
    p.save()
    assert client.get(_url(dunia["t"])).status_code == kode
    r = client.post(_url(dunia["t"]), data_isian())
    assert r.status_code == kode and Respon.objects.count() == 0


def test_tautan_nonaktif_dan_tak_dikenal(client, dunia):
    tautan_atur(tautan=dunia["t"], aktif=False, aktor=dunia["admin"])
    r = client.post(_url(dunia["t"]), data_isian())
    assert r.status_code == 410 and "tidak aktif" in r.content.decode()
    assert client.get("/s/tidakada/").status_code == 404
    assert Respon.objects.count() == 0


def test_csrf_diperlukan(dunia):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    assert c.post(_url(dunia["t"]), data_isian()).status_code == 403
    assert Respon.objects.count() == 0
