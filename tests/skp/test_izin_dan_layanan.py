"""Role rules (employee, atasan, HR admin, other unit) and bad input, refused with an
Indonesian message and nothing half-saved."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.skp import layanan
from kinerja.skp.izin import dapat_melihat_pribadi, dapat_menilai
from kinerja.skp.models import RHK, SKP, IndikatorRHK, Pegawai, Penilaian
from kinerja.skp.pemilih import daftar_pegawai
from tests import pabrik
from tests.skp.bantu import nip, rhk, staf

pytestmark = pytest.mark.django_db

IND = [layanan.IsianIndikator(aspek="kuantitas", uraian="Jumlah laporan", target="12")]


@pytest.fixture
def p():
    return staf()


def u(peg):
    return peg.pengguna


def test_data_pribadi_per_peran(p):
    staf_a = p["staf_a"]
    assert dapat_melihat_pribadi(u(staf_a), staf_a)  # the employee
    assert dapat_melihat_pribadi(u(p["lurah_a"]), staf_a)  # direct atasan
    assert dapat_melihat_pribadi(u(p["camat"]), staf_a)  # atasan of the atasan
    assert dapat_melihat_pribadi(p["admin_kec"], staf_a)  # HR admin above
    assert not dapat_melihat_pribadi(u(p["lurah_b"]), staf_a)  # other unit, same level
    assert not dapat_melihat_pribadi(u(p["kasi"]), staf_a)  # not in the chain
    assert not dapat_melihat_pribadi(p["op_a"], staf_a)  # a role at the unit is not HR
    assert not dapat_melihat_pribadi(p["pimpinan"], staf_a)  # pimpinan is not HR either
    assert not dapat_melihat_pribadi(u(staf_a), p["lurah_a"])  # not upwards


def test_daftar_pegawai_menyembunyikan_nip(p, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        baris = {b.pegawai.nama: b for b in daftar_pegawai(u(p["lurah_a"]), p["kec"])}
    assert baris["Staf A"].nip == p["staf_a"].nip
    assert baris["Lurah B"].nip == "" and baris["Lurah B"].golongan == ""
    assert baris["Camat"].nip == ""


def test_hanya_atasan_langsung_menilai(p):
    skp = SKP.objects.create(pegawai=p["staf_a"], tahun=2024, organisasi=p["kel_a"], jabatan="x")
    assert dapat_menilai(u(p["lurah_a"]), p["staf_a"])
    for orang, pesan in [
        (u(p["camat"]), "Hanya atasan langsung"),  # atasan's atasan
        (u(p["lurah_b"]), "Hanya atasan langsung"),
        (u(p["staf_a"]), "tidak dapat menilai dirinya sendiri"),
        (p["admin_kec"], "tidak terhubung dengan data pegawai"),
    ]:
        with pytest.raises(PermissionDenied, match=pesan):
            layanan.penilaian_simpan(
                skp=skp,
                jenis_periode="tahun",
                ke=1,
                rating_hasil="sesuai",
                rating_perilaku="sesuai",
                aktor=orang,
            )
    assert not Penilaian.objects.exists()


def test_rating_di_luar_skala_dan_periode(p):
    skp = SKP.objects.create(pegawai=p["staf_a"], tahun=2024, organisasi=p["kel_a"], jabatan="x")
    with pytest.raises(ValidationError) as e:
        layanan.penilaian_simpan(
            skp=skp,
            jenis_periode="semester",
            ke=9,
            rating_hasil="istimewa",
            rating_perilaku="sesuai",
            aktor=u(p["lurah_a"]),
        )
    d = e.value.message_dict
    assert "di luar skala" in d["rating_hasil"][0] and "Jenis periode" in d["jenis_periode"][0]
    assert not Penilaian.objects.exists()


def test_penilaian_ditandatangani_terkunci(p):
    skp = SKP.objects.create(pegawai=p["staf_a"], tahun=2024, organisasi=p["kel_a"], jabatan="x")
    pn = layanan.penilaian_simpan(
        skp=skp,
        jenis_periode="tahun",
        ke=1,
        rating_hasil="di_atas",
        rating_perilaku="sesuai",
        aktor=u(p["lurah_a"]),
        tandatangani=True,
    )
    assert pn.predikat == "baik" and pn.ditandatangani
    assert pn.history.count() == 1 and pn.history.first().history_user == u(p["lurah_a"])
    with pytest.raises(ValidationError, match="terkunci"):
        layanan.penilaian_simpan(
            skp=skp,
            jenis_periode="tahun",
            ke=1,
            rating_hasil="di_bawah",
            rating_perilaku="di_bawah",
            aktor=u(p["lurah_a"]),
        )
    pn.refresh_from_db()
    assert pn.rating_hasil == "di_atas"
    # the year is signed: RHK and realisasi of the SKP are locked too
    with pytest.raises(ValidationError, match="ditandatangani"):
        layanan.rhk_simpan(skp=skp, aktor=u(p["staf_a"]), uraian="Baru", indikator=IND)


def test_rhk_atasan_di_luar_rantai(p):
    r_lurah_b = rhk(p["lurah_b"], "RHK Lurah B")
    r_camat = rhk(p["camat"], "RHK Camat")
    skp = layanan.skp_buat(pegawai=p["staf_a"], tahun=2024, aktor=u(p["staf_a"]))
    for salah in (r_lurah_b, r_camat):  # another unit's head; the atasan's atasan
        with pytest.raises(ValidationError) as e:
            layanan.rhk_simpan(
                skp=skp, aktor=u(p["staf_a"]), uraian="Laporan", rhk_atasan=salah, indikator=IND
            )
        assert "di luar rantai atasan" in e.value.message_dict["rhk_atasan"][0]
    assert not RHK.objects.filter(skp=skp).exists()
    r_lurah = rhk(p["lurah_a"], "RHK Lurah A")
    ok = layanan.rhk_simpan(
        skp=skp, aktor=u(p["staf_a"]), uraian="Laporan", rhk_atasan=r_lurah, indikator=IND
    )
    assert ok.indikator.get().target == Decimal(12)


def test_rhk_hanya_pegawai_sendiri_dan_indikator_sah(p):
    skp = SKP.objects.create(pegawai=p["staf_a"], tahun=2024, organisasi=p["kel_a"], jabatan="x")
    with pytest.raises(PermissionDenied, match="sendiri"):
        layanan.rhk_simpan(skp=skp, aktor=u(p["lurah_a"]), uraian="x", indikator=IND)
    with pytest.raises(ValidationError) as e:
        layanan.rhk_simpan(
            skp=skp,
            aktor=u(p["staf_a"]),
            uraian="Laporan",
            indikator=[layanan.IsianIndikator(aspek="biaya", uraian="", target="1e400")],
        )
    d = e.value.message_dict
    assert {"indikator.1.aspek", "indikator.1.uraian", "indikator.1.target"} <= set(d)
    assert not RHK.objects.exists() and not IndikatorRHK.objects.exists()


def test_butir_pk_unit_lain_ditolak(p):
    _, butir_b = pabrik.indikator_pk(p["kel_b"], nama="PK kelurahan B")
    skp = layanan.skp_buat(pegawai=p["lurah_a"], tahun=2024, aktor=u(p["lurah_a"]))
    with pytest.raises(ValidationError, match="hanya dapat mendukung PK"):
        layanan.rhk_simpan(
            skp=skp, aktor=u(p["lurah_a"]), uraian="x", butir_pk=butir_b, indikator=IND
        )


def _data(p, **lain):
    d = dict(
        nip=nip(77),
        nama="Pegawai Baru",
        jabatan="Pengadministrasi",
        jenis_jabatan="pelaksana",
        organisasi=p["kel_a"],
        atasan=p["lurah_a"],
    )
    d.update(lain)
    return layanan.DataPegawai(**d)


@pytest.mark.parametrize(
    ("ubah", "bidang", "pesan"),
    [
        ({"nip": "12345"}, "nip", "harus tepat 18 digit"),
        ({"nip": "19800101200501000X"}, "nip", "harus tepat 18 digit"),
        ({"nip": nip(1)}, "nip", "sudah dipakai oleh Camat"),
        ({"jenis_jabatan": "eselon"}, "jenis_jabatan", "tidak dikenal"),
        ({"jenis_jabatan": "pimpinan_tinggi"}, "atasan", "berjenjang lebih rendah"),
        ({"organisasi": None}, "organisasi", "wajib"),
    ],
)
def test_pegawai_input_salah(p, ubah, bidang, pesan):
    with pytest.raises(ValidationError) as e:
        layanan.pegawai_simpan(data=_data(p, **ubah), aktor=p["admin_kec"])
    assert pesan in e.value.message_dict[bidang][0]
    assert not Pegawai.objects.filter(nama="Pegawai Baru").exists()


def test_pegawai_atasan_unit_lain_dan_lingkaran(p):
    with pytest.raises(ValidationError, match="bukan di Kelurahan A"):
        layanan.pegawai_simpan(data=_data(p, atasan=p["lurah_b"]), aktor=p["admin_kec"])
    camat = p["camat"]
    with pytest.raises(ValidationError, match="melingkar"):
        layanan.pegawai_simpan(
            pegawai=camat,
            data=layanan.DataPegawai(
                nip=camat.nip,
                nama="Camat",
                jabatan="Camat",
                jenis_jabatan="administrator",
                organisasi=p["kec"],
                atasan=p["lurah_a"],
            ),
            aktor=p["admin_kec"],
        )


def test_pegawai_hanya_admin_sdm(p):
    with pytest.raises(PermissionDenied, match="admin kepegawaian"):
        layanan.pegawai_simpan(data=_data(p), aktor=p["op_a"])
    baru = layanan.pegawai_simpan(data=_data(p), aktor=p["admin_kec"])
    assert baru.history.first().history_user == p["admin_kec"]


def test_realisasi_periode_dan_kunci(p):
    r = rhk(p["staf_a"], "Laporan")
    ind = r.indikator.get()
    aktor = u(p["staf_a"])
    with pytest.raises(ValidationError, match="1 sampai 12"):
        layanan.realisasi_rhk_simpan(
            indikator=ind, jenis_periode="bulan", ke=13, nilai="1", aktor=aktor
        )
    x = layanan.realisasi_rhk_simpan(
        indikator=ind, jenis_periode="bulan", ke=2, nilai="1,5", aktor=aktor
    )
    assert x.nilai == Decimal("1.5")
    layanan.penilaian_simpan(
        skp=r.skp,
        jenis_periode="triwulan",
        ke=1,
        rating_hasil="sesuai",
        rating_perilaku="sesuai",
        aktor=u(p["lurah_a"]),
        tandatangani=True,
    )
    with pytest.raises(ValidationError, match="ditandatangani"):
        layanan.realisasi_rhk_simpan(
            indikator=ind, jenis_periode="bulan", ke=2, nilai="3", aktor=aktor
        )
    layanan.realisasi_rhk_simpan(indikator=ind, jenis_periode="bulan", ke=4, nilai="3", aktor=aktor)
