"""A PK that is not yet signed outside the planning pages (docs/keputusan/0019, addendum):
readers of final figures only (no `organisasi.lihat_draf`) get no draft PK at all; those
who read drafts get its lines marked as a draft."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.pengukuran import layanan
from kinerja.pengukuran.pemilih import (
    butir_pk_indikator,
    dasbor,
    pk_organisasi,
    riwayat_indikator,
)
from kinerja.perencanaan.layanan import pk_tandatangani
from kinerja.perencanaan.models import PerjanjianKinerja
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def p():
    """The kecamatan's PK 2024 as a draft with one line (target 75) and a verified realisasi
    of 60; the kelurahan operator below reads the kecamatan's final figures only, its
    verifier reads drafts."""
    p = pabrik.pohon_kecil()
    p["op_kec"] = pabrik.pengguna("op_kec", ("operator", p["kec"]))
    p["ind"], butir = pabrik.indikator_pk(p["kec"], target="75", nama="Indeks kecamatan")
    p["pk"] = butir.pk_dokumen
    PerjanjianKinerja.objects.filter(pk=p["pk"].pk).update(status="draft")
    p["pk"].refresh_from_db()
    r = layanan.realisasi_simpan(
        indikator=p["ind"], tahun=TAHUN, jenis_periode="tahun", nilai="60",
        penjelasan="Di bawah target", aktor=p["op_kec"],
    )  # fmt: skip
    layanan.realisasi_ajukan(realisasi=r, aktor=p["op_kec"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=p["verif"])
    return p


def _tandatangani(p):
    pk_tandatangani(pk=p["pk"], aktor=p["op_kec"], tanggal=dt.date(2024, 1, 2))


# --- selectors ----------------------------------------------------------------------------


def test_dasbor_pembaca_terverifikasi_tanpa_pk_draf(p):
    d = dasbor(p["kec"], TAHUN, hanya_terverifikasi=True)
    assert d.pk is None and d.baris == [] and d.sasaran == [] and not d.pk_draf
    assert sum(d.rekap.values()) == 0

    d = dasbor(p["kec"], TAHUN)  # a reader of drafts
    assert d.pk_draf and [b.target for b in d.baris] == [Decimal("75")]
    assert d.baris[0].hasil.capaian == Decimal("80")  # 60 / 75, marked as provisional

    _tandatangani(p)
    d = dasbor(p["kec"], TAHUN, hanya_terverifikasi=True)
    assert d.pk is not None and not d.pk_draf and d.baris[0].hasil.capaian == Decimal("80")


def test_pk_dan_butir_draf_hanya_bila_diminta(p):
    assert pk_organisasi(p["kec"], TAHUN) is None
    assert pk_organisasi(p["kec"], TAHUN, dengan_draf=True) == p["pk"]
    assert butir_pk_indikator(p["ind"], TAHUN) is None
    assert butir_pk_indikator(p["ind"], TAHUN, dengan_draf=True).target == Decimal("75")


def test_riwayat_tanpa_target_draf_untuk_pembaca_terverifikasi(p):
    (th,) = riwayat_indikator(p["ind"], hanya_terverifikasi=True, dengan_periode=True)
    assert (th["target"], th["target_draf"], th["capaian"]) == (None, False, None)
    assert th["realisasi"] == Decimal("60")  # the verified value itself is final
    (th,) = riwayat_indikator(p["ind"], dengan_periode=True)
    assert (th["target"], th["target_draf"]) == (Decimal("75"), True)


# --- pages --------------------------------------------------------------------------------


def _get(client, user, nama, *args):
    client.force_login(user)
    r = client.get(reverse(nama, args=["kecamatan-uji", TAHUN, *args]))
    assert r.status_code == 200
    return r


def test_dasbor_menandai_draf_atau_menyembunyikannya(client, p):
    html = _get(client, p["op_a"], "dasbor").content.decode()
    assert "Belum ada Perjanjian Kinerja Kecamatan Uji untuk tahun 2024." in html
    assert "Indeks kecamatan" not in html and 'id="pk-draf"' not in html
    html = _get(client, p["verif"], "dasbor").content.decode()
    assert 'id="pk-draf"' in html and "Indeks kecamatan" in html


def test_indikator_tanpa_target_draf_bagi_pembaca_terverifikasi(client, p):
    r = _get(client, p["op_a"], "indikator", p["ind"].pk)
    html = r.content.decode()
    assert r.context["butir"] is None and r.context["hasil"] is None
    assert "tidak tercantum dalam Perjanjian Kinerja tahun 2024" in html
    assert 'id="target-draf"' not in html
    r = _get(client, p["verif"], "indikator", p["ind"].pk)
    assert r.context["butir"].target == Decimal("75") and 'id="target-draf"' in r.content.decode()


def test_kelengkapan_tidak_mengharapkan_butir_draf(client, p):
    r = _get(client, p["op_a"], "kelengkapan")
    assert r.context["baris_unit"] == [] and r.context["kisi"] == []
    r = _get(client, p["verif"], "kelengkapan")
    (kec,) = [b for b in r.context["baris_unit"] if b["unit"] == p["kec"]]
    assert kec["harapan"] == 1 and kec["persen"] == 100
    _tandatangani(p)
    r = _get(client, p["op_a"], "kelengkapan")
    assert [(b["unit"], b["harapan"]) for b in r.context["baris_unit"]] == [(p["kec"], 1)]


def test_halaman_pk_draf_tersembunyi(client, p):
    html = _get(client, p["op_a"], "pk").content.decode()
    assert "Belum ada Perjanjian Kinerja" in html and "Indeks kecamatan" not in html
    assert _get(client, p["op_a"], "pk").context["pk"] is None
    html = _get(client, p["verif"], "pk").content.decode()
    assert 'id="pk-draf"' in html and "Indeks kecamatan" in html
