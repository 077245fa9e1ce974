"""The cascade tree PK -> RHK and its gaps on a hand-made tree, in a fixed number of queries."""

from __future__ import annotations

import pytest

from kinerja.skp.pemilih import pohon_cascade
from tests import pabrik
from tests.skp.bantu import pegawai, rhk, staf

pytestmark = pytest.mark.django_db


@pytest.fixture
def pohon():
    p = staf()
    _, p["b1"] = pabrik.indikator_pk(p["kec"], nama="Indeks pelayanan kecamatan")
    _, p["b2"] = pabrik.indikator_pk(p["kec"], nama="Persentase aduan selesai")
    _, p["b3"] = pabrik.indikator_pk(p["kec"], nama="Indikator tanpa RHK")
    p["r_camat"] = rhk(p["camat"], "Meningkatnya pelayanan", butir=p["b1"])
    p["r_camat2"] = rhk(p["camat"], "Aduan tertangani", butir=p["b2"])
    p["r_kasi"] = rhk(p["kasi"], "Layanan administrasi", atasan=p["r_camat"])
    p["r_staf"] = rhk(p["staf_kec"], "Berkas diproses", atasan=p["r_kasi"])
    p["r_lurah"] = rhk(p["lurah_a"], "Aduan kelurahan selesai", atasan=p["r_camat2"])
    p["r_lepas"] = rhk(p["staf_a"], "Pekerjaan lepas")  # serves nothing
    return p


def test_celah_pk_dan_rhk(pohon):
    t = pohon_cascade(pohon["kec"], 2024)
    assert [b.indikator.nama for b in t.pk_tanpa_rhk] == ["Indikator tanpa RHK"]
    assert [r.uraian for r in t.rhk_tanpa_induk] == ["Pekerjaan lepas"]
    assert t.jumlah_rhk == 6 and t.jumlah_pegawai == 5


def test_urutan_dan_tingkat(pohon):
    t = pohon_cascade(pohon["kec"], 2024)
    baris = [(b.tingkat, b.butir.indikator.nama if b.butir else b.rhk.uraian) for b in t.baris]
    assert baris == [
        (0, "Indeks pelayanan kecamatan"),
        (1, "Meningkatnya pelayanan"),
        (2, "Layanan administrasi"),
        (3, "Berkas diproses"),
        (0, "Persentase aduan selesai"),
        (1, "Aduan tertangani"),
        (2, "Aduan kelurahan selesai"),
        (0, "Indikator tanpa RHK"),
        (0, "Pekerjaan lepas"),
    ]
    assert t.baris[7].tanpa_rhk and t.baris[8].tanpa_induk


def test_unit_bawah_menunjuk_rhk_atasan_di_luar(pohon):
    t = pohon_cascade(pohon["kel_a"], 2024)
    luar = [b for b in t.baris if b.induk_luar]
    assert [b.rhk.uraian for b in luar] == ["Aduan kelurahan selesai"]
    assert luar[0].induk_luar.uraian == "Aduan tertangani"
    assert t.pk_tanpa_rhk == []  # kelurahan A has no PK of its own


def test_kueri_tetap(pohon, django_assert_max_num_queries):
    for i in range(30):
        p = pegawai(
            f"tambahan_{i}", "pelaksana", pohon["kec"], pohon["kasi"], n=100 + i, akun=False
        )
        rhk(p, f"RHK tambahan {i}", atasan=pohon["r_kasi"])
    with django_assert_max_num_queries(4):
        t = pohon_cascade(pohon["kec"], 2024)
    assert t.jumlah_rhk == 36
