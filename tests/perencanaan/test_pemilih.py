"""Selectors of the planning pages: which PKs a user sees (organisasi/izin.py predicates),
the choices for a new line, and the audit trail of a PK."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.perencanaan import layanan, pemilih
from kinerja.perencanaan.models import Renstra, TargetRenstra
from tests import pabrik
from tests.perencanaan.bantu import indikator

pytestmark = pytest.mark.django_db

KEPALA = {"pihak_pertama_jabatan": "Jabatan"}


def _baris(user, tahun=2025):
    return {b.unit.slug: b for b in pemilih.daftar_pk(user, tahun)}


def test_daftar_pk_mengikuti_izin_unit_dan_menyembunyikan_draf(p):
    draf_kec = layanan.pk_buat(
        organisasi=p["kec"],
        tahun=2025,
        aktor=pabrik.pengguna("op_kec", ("operator", p["kec"])),
        **KEPALA,
    )
    pabrik.indikator_pk(p["kota"], tahun=2025)  # signed (loaded) PK of the kota

    op = _baris(p["op_a"])
    # own unit and the units above; never the sibling kelurahan
    assert set(op) == {"kota-uji", "kecamatan-uji", "kelurahan-a"}
    assert op["kelurahan-a"].boleh_ubah and not op["kecamatan-uji"].boleh_ubah
    assert op["kecamatan-uji"].pk is None  # a draft of a unit above: not for this operator
    assert op["kota-uji"].pk is not None and op["kota-uji"].jumlah_butir == 1

    verif = _baris(p["verif"])
    assert set(verif) == {"kota-uji", "kecamatan-uji", "kelurahan-a", "kelurahan-b"}
    assert verif["kecamatan-uji"].pk == draf_kec  # drafts of their units
    assert not any(b.boleh_ubah for b in verif.values())

    admin = _baris(p["admin"])
    assert all(b.boleh_ubah for b in admin.values()) and len(admin) == 4
    assert pemilih.unit_dapat_diubah(p["op_a"]) == [p["kel_a"]]
    assert pemilih.daftar_pk(pabrik.pengguna("tanpa_peran"), 2025) == []


def test_daftar_pk_jumlah_kueri_tetap(p):
    pabrik.indikator_pk(p["kota"], tahun=2025)
    with CaptureQueriesContext(connection) as sedikit:
        pemilih.daftar_pk(p["admin"], 2025)
    for i in range(10):
        kel = pabrik.organisasi(f"Kelurahan Tambahan {i}", induk=p["kec"])
        pabrik.indikator_pk(kel, tahun=2025)
    p["admin"] = type(p["admin"]).objects.get(pk=p["admin"].pk)  # fresh role cache
    with CaptureQueriesContext(connection) as banyak:
        assert len(pemilih.daftar_pk(p["admin"], 2025)) == 14
    assert len(banyak) == len(sedikit) <= 3


def test_pilihan_indikator_tanpa_yang_sudah_di_pk_dan_renstra_yang_berlaku(p):
    kel = p["kel_a"]
    lama = Renstra.objects.create(
        organisasi=kel, nama="Renstra lama", tahun_awal=2018, tahun_akhir=2022
    )
    usang = indikator(kel, "Indikator Renstra lama", nomor=9)
    usang.sasaran.renstra = lama
    usang.sasaran.save()
    TargetRenstra.objects.create(indikator=p["ikm"], tahun=2025, nilai="81.25")
    pk = layanan.pk_buat(organisasi=kel, tahun=2025, aktor=p["op_a"], **KEPALA)
    layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="1")

    grup = pemilih.pilihan_indikator(kel, 2025, kecuali=pk)
    isi = {i.nama: hint for g in grup for i, hint in g.indikator}
    assert set(isi) == {"Indeks Kepuasan Masyarakat", "Opini BPK", "Tingkat inflasi"}
    assert isi["Indeks Kepuasan Masyarakat"] == "Nilai; target Renstra 2025: 81,25"
    assert isi["Opini BPK"] == "Opini; target kualitatif (skala ordinal)"
    assert [g.sasaran.nomor for g in grup] == [1, 2]
    assert [s.nomor for s in pemilih.pilihan_sasaran(kel, 2025)] == [1, 2]
    assert "Indikator Renstra lama" in {
        i.nama for g in pemilih.pilihan_indikator(kel, 2020) for i, _ in g.indikator
    }


def test_riwayat_pk_siapa_mengubah_apa(p):
    pk = layanan.pk_buat(organisasi=p["kel_a"], tahun=2025, aktor=p["op_a"], **KEPALA)
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    hapus = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="5")
    layanan.butir_ubah(butir=b, aktor=p["op_a"], target="81")
    layanan.butir_hapus(butir=hapus, aktor=p["op_a"])
    layanan.pk_tandatangani(pk=pk, aktor=p["op_a"], tanggal=dt.date(2025, 1, 2))
    layanan.pk_revisi(
        pk=pk,
        aktor=p["admin"],
        dasar_hukum="Instruksi",
        alasan="Anggaran",
        target_baru={b.pk: "83"},
    )
    riwayat = pemilih.riwayat_pk(pk)
    teks = [(e.pengguna, e.uraian, e.perubahan, e.alasan) for e in reversed(riwayat)]
    assert teks[0] == (
        "op_a",
        "PK dibuat",
        [("jabatan pihak pertama", "", "Jabatan")],
        "PK dibuat (draf)",
    )
    assert (
        "op_a",
        "Butir 'Indeks Kepuasan Masyarakat' diubah",
        [("target", "80", "81")],
        "butir diubah (PK 2025 draf)",
    ) in teks
    assert any(u == "Butir 'Persentase sampah terkelola' dihapus" for _, u, _, _ in teks)
    assert (
        "op_a",
        "PK ditandatangani",
        [("status", "Draf", "Ditandatangani"), ("tanggal", "(kosong)", "2 Januari 2025")],
        "PK ditandatangani",
    ) in teks
    assert teks[-1] == (
        "admin_kota",
        "Butir 'Indeks Kepuasan Masyarakat' diubah",
        [("target", "81", "83")],
        "revisi PK 1: Anggaran",
    )
