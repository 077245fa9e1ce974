"""Import of employees from Excel: dry run, row errors naming row and column, all or nothing."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from kinerja.skp.impor import impor_pegawai, rencana_pegawai, templat_pegawai
from kinerja.skp.models import Pegawai
from tests.skp.bantu import nip, staf

pytestmark = pytest.mark.django_db
JUDUL = ["nip", "nama", "golongan", "jabatan", "jenis_jabatan", "unit", "nip_atasan", "akun"]


def buku(*baris, judul=JUDUL) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(judul)
    for b in baris:
        ws.append(list(b))
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


@pytest.fixture
def p():
    return staf()


def _rencana(p, isi):
    return rencana_pegawai(
        organisasi=p["kec"], isi=isi, nama_berkas="pegawai.xlsx", aktor=p["admin_kec"]
    )


def test_pratinjau_tidak_menyimpan_lalu_terapkan(p):
    isi = buku(
        # a new kasi at kelurahan A whose staff is the next row (atasan later in the file)
        (nip(20), "Staf Baru", "II/c", "Pengadministrasi", "pelaksana", "kelurahan-a", nip(21), ""),
        (
            nip(21),
            "Kasi Baru",
            "III/c",
            "Kasi Pemerintahan",
            "Jabatan Pengawas",
            "Kelurahan A",
            nip(4),
            "",
        ),
        (nip(5), "Staf A", "III/b", "Staf A", "pelaksana", "kelurahan-a", nip(4), "u_staf_a"),
    )
    jumlah = Pegawai.objects.count()
    r = _rencana(p, isi)
    assert r.sah, [str(g) for g in r.galat]
    assert [(b.baris, b.aksi) for b in r.baris] == [(2, "baru"), (3, "baru"), (4, "ubah")]
    assert Pegawai.objects.count() == jumlah  # a dry run keeps nothing
    hasil = impor_pegawai(organisasi=p["kec"], isi=isi, nama_berkas="x.xlsx", aktor=p["admin_kec"])
    assert hasil.sah and Pegawai.objects.count() == jumlah + 2
    baru = Pegawai.objects.get(nip=nip(20))
    assert baru.atasan.nama == "Kasi Baru" and baru.atasan.atasan == p["lurah_a"]
    assert Pegawai.objects.get(nip=nip(5)).golongan == "III/b"
    assert baru.history.first().history_user == p["admin_kec"]


def test_galat_baris_dan_kolom_semua_atau_tidak_sama_sekali(p):
    isi = buku(
        (nip(30), "Sah", "", "Staf", "pelaksana", "kelurahan-a", nip(4), ""),  # row 2 fine
        ("12345", "NIP pendek", "", "Staf", "pelaksana", "kelurahan-a", "", ""),  # row 3
        (nip(30), "NIP ganda", "", "Staf", "pelaksana", "kelurahan-a", "", ""),  # row 4
        (nip(31), "Jenis salah", "", "Staf", "eselon 4", "kelurahan-a", "", ""),  # row 5
        (nip(32), "Unit luar", "", "Staf", "pelaksana", "kota-uji", "", ""),  # row 6
        (nip(33), "Atasan hilang", "", "Staf", "pelaksana", "kelurahan-a", nip(99), ""),  # 7
        (nip(34), "Atasan unit lain", "", "Staf", "pelaksana", "kelurahan-a", nip(6), ""),  # 8
        (nip(35), "", "", "Staf", "pelaksana", "kelurahan-a", "", ""),  # row 9: no name
        (nip(1), "Camat", "", "Camat", "administrator", "kecamatan-uji", nip(1), ""),  # 10
        (1.98001012005e17, "NIP angka", "", "Staf", "pelaksana", "kelurahan-a", "", ""),  # 11
    )
    jumlah = Pegawai.objects.count()
    r = impor_pegawai(organisasi=p["kec"], isi=isi, nama_berkas="x.xlsx", aktor=p["admin_kec"])
    assert not r.sah
    letak = {(g.baris, g.kolom) for g in r.galat}
    assert {
        (3, "nip"),
        (4, "nip"),
        (5, "jenis_jabatan"),
        (6, "unit"),
        (7, "nip_atasan"),
        (8, "nip_atasan"),
        (9, "nama"),
        (10, "nip_atasan"),
        (11, "nip"),
    } <= letak, [str(g) for g in r.galat]
    teks = {str(g) for g in r.galat}
    assert (
        "Lembar 'Pegawai', baris 3, kolom 'nip': NIP '12345' bukan NIP: harus tepat 18 digit"
        in " ".join(teks)
    )
    assert any("sudah ada di baris 2" in t for t in teks)
    assert Pegawai.objects.count() == jumlah  # row 2 was valid, yet nothing was saved
    assert not Pegawai.objects.filter(nip=nip(30)).exists()


def test_nip_dipakai_unit_lain_dan_judul_hilang(p):
    r = rencana_pegawai(
        organisasi=p["kel_b"],
        isi=buku((nip(5), "Staf A", "", "Staf", "pelaksana", "kelurahan-b", "", "")),
        nama_berkas="x.xlsx",
        aktor=p["admin_kec"],
    )
    assert "di luar unit ini" in str(r.galat[0]) and r.galat[0].kolom == "nip"
    r = _rencana(p, buku(("a", "b"), judul=["nomor", "nama_lengkap"]))
    assert "baris judul" in str(r.galat[0])


def test_hanya_admin_sdm(p):
    with pytest.raises(PermissionDenied, match="admin kepegawaian"):
        rencana_pegawai(organisasi=p["kec"], isi=buku(), nama_berkas="x.xlsx", aktor=p["verif"])


def test_templat_nip_sebagai_teks(p):
    wb = load_workbook(io.BytesIO(templat_pegawai(p["kec"])))
    ws = wb["Pegawai"]
    assert [c.value for c in ws[1]] == JUDUL
    nips = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    assert nip(1) in nips and all(isinstance(x, str) for x in nips)
    # the template re-imports without changes
    r = _rencana(p, templat_pegawai(p["kec"]))
    assert r.sah and not r.ada_perubahan, [str(g) for g in r.galat]
