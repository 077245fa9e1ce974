"""GET /api/organisasi/{slug}/{tahun}/rencana-aksi (issue 17): the same permission as the
board page (the unit and the roles above it; another unit answers 404 like a missing one;
anonymous 401) and the documented fields."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja.perencanaan.layanan_renaksi import langkah_simpan, realisasi_langkah_simpan
from kinerja.perencanaan.models import ProgramAnggaran, TingkatAnggaran
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    _, butir = pabrik.indikator_pk(p["kel_a"], tahun=TAHUN, kode="1.1")
    keg = ProgramAnggaran.objects.create(
        organisasi=p["kel_a"], tahun=TAHUN, tingkat=TingkatAnggaran.KEGIATAN, nama="Kegiatan A",
        pagu=Decimal("900"),
    )  # fmt: skip
    x = langkah_simpan(
        organisasi=p["kel_a"], tahun=TAHUN, aktor=p["op_a"],
        isian={"uraian": "Rapat", "butir": butir.pk, "kegiatan": keg.pk, "anggaran": "800",
               "jenis_periode": "bulan", "target": {1: "1", 2: "1"}},
    )  # fmt: skip
    realisasi_langkah_simpan(langkah=x, aktor=p["op_a"], bulan=1, nilai="1")
    return p | {"butir": butir, "kegiatan": keg}


def _url(p, bulan=None):
    return f"/api/organisasi/{p['kel_a'].slug}/{TAHUN}/rencana-aksi" + (
        f"?bulan={bulan}" if bulan else ""
    )


@pytest.mark.parametrize("peran", ["op_a", "verif", "pimpinan"])
def test_dibaca_unit_dan_atasan(client, p, peran):
    client.force_login(p[peran])
    d = client.get(_url(p, 2)).json()
    assert (d["organisasi"], d["tahun"], d["bulan"]) == (p["kel_a"].slug, TAHUN, 2)
    (x,) = d["langkah"]
    assert x["butir_id"] == p["butir"].pk and x["kegiatan_id"] == p["kegiatan"].pk
    assert (x["anggaran"], x["rencana_sampai"], x["realisasi_sampai"], x["terlambat"]) == (
        "800", "2", "1", True,
    )  # fmt: skip
    assert x["target"] == [{"ke": 1, "target": "1"}, {"ke": 2, "target": "1"}]
    assert x["realisasi"] == [
        {"bulan": 1, "nilai": "1", "anggaran_terpakai": None, "ada_bukti": False}
    ]
    (r,) = d["rekonsiliasi"]
    assert (r["pagu"], r["jumlah_langkah"], r["selisih"], r["cocok"]) == (
        "900",
        "800",
        "100",
        False,
    )


def test_unit_lain_404_tanpa_masuk_401_bulan_luar_tahun_422(client, p):
    assert client.get(_url(p)).status_code == 401
    client.force_login(p["op_b"])
    assert client.get(_url(p)).status_code == 404
    client.force_login(p["op_a"])
    res = client.get(_url(p, 13))
    assert res.status_code == 422 and "bulan" in res.json()["galat"]
