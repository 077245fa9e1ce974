"""Peer comparisons from the data: other organisations' verified yearly realisasi of an
indicator with the same kode join (and override) the entered NilaiPembanding rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pengukuran.models import NilaiPembanding, Realisasi, StatusRealisasi
from kinerja.pengukuran.pemilih import SUMBER_DARI_DATA, pembanding
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024
KODE = "IKM-UJI"


def _realisasi(ind, nilai, *, jenis="tahun", ke=1, status=StatusRealisasi.DIVERIFIKASI):
    return Realisasi.objects.create(
        indikator=ind,
        organisasi=ind.organisasi,
        tahun=TAHUN,
        jenis_periode=jenis,
        ke=ke,
        nilai=Decimal(nilai),
        status=status,
    )


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    kel_c = pabrik.organisasi("Kelurahan C", "kelurahan", p["kec"])
    kel_d = pabrik.organisasi("Kelurahan D", "kelurahan", p["kec"])
    p["kel_c"], p["kel_d"] = kel_c, kel_d
    p["ind_a"], _ = pabrik.indikator_pk(p["kel_a"], target="85", kode=KODE)
    _realisasi(p["ind_a"], "87.5")
    # kel_b: verified yearly value, and an entered row for it that disagrees
    p["ind_b"], _ = pabrik.indikator_pk(p["kel_b"], target="85", kode=KODE)
    _realisasi(p["ind_b"], "90.25")
    # kel_c: semester values, both verified -> mean 91
    p["ind_c"], _ = pabrik.indikator_pk(
        kel_c, target="85", kode=KODE, frekuensi="semester", cara_agregasi="rata_rata"
    )
    _realisasi(p["ind_c"], "90", jenis="semester", ke=1)
    _realisasi(p["ind_c"], "92", jenis="semester", ke=2)
    # kel_d: only a draft -> not a comparison; the kecamatan: another kode
    p["ind_d"], _ = pabrik.indikator_pk(kel_d, target="85", kode=KODE)
    _realisasi(p["ind_d"], "99", status=StatusRealisasi.DRAFT)
    lain, _ = pabrik.indikator_pk(p["kec"], target="85", kode="LAIN")
    _realisasi(lain, "50")
    NilaiPembanding.objects.create(
        indikator=p["ind_a"],
        tahun=TAHUN,
        nama="Kelurahan B (laporan)",
        organisasi_pembanding=p["kel_b"],
        nilai=Decimal("88"),
        sumber="LKIP Kelurahan B",
        urutan=1,
    )
    NilaiPembanding.objects.create(
        indikator=p["ind_a"],
        tahun=TAHUN,
        nama="Standar nasional",
        standar_nasional=True,
        nilai=Decimal("80"),
        sumber="KemenPAN-RB",
        urutan=2,
    )
    return p


def test_pembanding_dari_data_dan_isian(p):
    with CaptureQueriesContext(connection) as q:
        hasil = pembanding(p["ind_a"], TAHUN)
    assert len(q.captured_queries) <= 2
    per_nama = {x.nama: x for x in hasil}
    assert set(per_nama) == {"Kelurahan B (laporan)", "Standar nasional", "Kelurahan C"}
    b = per_nama["Kelurahan B (laporan)"]
    assert b.dari_data and b.organisasi_pembanding == p["kel_b"]
    assert b.nilai == Decimal("90.25") and b.nilai_isian == Decimal("88")
    assert b.sumber.startswith(SUMBER_DARI_DATA) and "88" in b.sumber and "2,25" in b.sumber
    c = per_nama["Kelurahan C"]
    assert c.dari_data and c.organisasi_pembanding_id == p["kel_c"].pk
    assert c.nilai == Decimal("91") and c.nilai_isian is None
    nas = per_nama["Standar nasional"]
    assert not nas.dari_data and nas.standar_nasional and nas.nilai == Decimal("80")
    # the entered order is kept, data-only peers follow
    assert [x.nama for x in hasil][-1] == "Kelurahan C"


def test_isian_sama_dengan_data_tanpa_catatan_selisih(p):
    NilaiPembanding.objects.filter(organisasi_pembanding=p["kel_b"]).update(nilai="90.25")
    (b,) = [x for x in pembanding(p["ind_a"], TAHUN) if x.organisasi_pembanding_id == p["kel_b"].pk]
    assert b.dari_data and b.nilai_isian is None and b.sumber == SUMBER_DARI_DATA


def test_tanpa_kode_hanya_isian(p):
    p["ind_a"].kode = ""
    p["ind_a"].save()
    hasil = pembanding(p["ind_a"], TAHUN)
    assert [x.nama for x in hasil] == ["Kelurahan B (laporan)", "Standar nasional"]
    assert not any(x.dari_data for x in hasil)
    assert hasil[0].nilai == Decimal("88")


def test_halaman_indikator_menampilkan_pembanding_dari_data(client, p):
    client.force_login(p["pimpinan"])
    resp = client.get(reverse("indikator", args=[p["kel_a"].slug, TAHUN, p["ind_a"].pk]))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Kelurahan C" in html and SUMBER_DARI_DATA in html
    assert "90,25" in html
