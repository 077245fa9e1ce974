"""Rencana aksi (issue 17, docs/keputusan/0049): steps with monthly/quarterly targets and
budget, monthly realisasi with evidence, the board, the budget reconciliation with the RKT,
the steps behind schedule, the Excel import (dry run, row errors, all-or-nothing), the
permissions (other unit, read-only roles) and bad input."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.perencanaan import impor_renaksi
from kinerja.perencanaan.layanan_renaksi import langkah_simpan, realisasi_langkah_simpan
from kinerja.perencanaan.models import (
    ProgramAnggaran,
    RealisasiLangkah,
    RencanaAksi,
    TingkatAnggaran,
)
from kinerja.perencanaan.pemilih_renaksi import langkah_terlambat, papan, rekonsiliasi
from kinerja.rumus import renaksi as rumus
from tests import pabrik

TAHUN = 2024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- formulas -----------------------------------------------------------------------------


def test_target_sampai_triwulan_jatuh_tempo_di_akhir_triwulan():
    t = {1: Decimal(1), 2: Decimal(1), 3: Decimal(1), 4: Decimal(1)}
    assert rumus.target_sampai("triwulan", t, 2) == 0
    assert rumus.target_sampai("triwulan", t, 3) == 1
    assert rumus.target_sampai("triwulan", t, 11) == 3
    assert rumus.target_sampai("bulan", {1: Decimal(2), 5: Decimal(3)}, 5) == 5
    assert rumus.terlambat(Decimal(3), Decimal(2)) and not rumus.terlambat(Decimal(0), Decimal(0))
    r = rumus.rekonsiliasi(Decimal("2419568591"), [Decimal("2415968591"), None])
    assert (r.selisih, r.cocok) == (Decimal("3600000"), False)


# --- services -----------------------------------------------------------------------------


@pytest.fixture
def r(p):
    ind, butir = pabrik.indikator_pk(p["kel_a"], tahun=TAHUN, nama="Indeks layanan", kode="IL")
    prog = ProgramAnggaran.objects.create(
        organisasi=p["kel_a"], tahun=TAHUN, tingkat=TingkatAnggaran.PROGRAM, nama="Program A",
        pagu=Decimal("1000000"),
    )  # fmt: skip
    keg = ProgramAnggaran.objects.create(
        organisasi=p["kel_a"], tahun=TAHUN, tingkat=TingkatAnggaran.KEGIATAN, induk=prog,
        nama="Kegiatan A", pagu=Decimal("1000000"),
    )  # fmt: skip
    return p | {"butir": butir, "program": prog, "kegiatan": keg}


def _isian(r, **lain):
    return {
        "uraian": "Rapat koordinasi",
        "butir": r["butir"].pk,
        "kegiatan": r["kegiatan"].pk,
        "jenis_periode": "triwulan",
        "satuan": "Dokumen",
        "anggaran": "400000",
        "target": {1: "1", 2: "1", 3: "1", 4: "1"},
    } | lain


def _langkah(r, **lain):
    return langkah_simpan(
        organisasi=r["kel_a"], tahun=TAHUN, aktor=r["op_a"], isian=_isian(r, **lain)
    )


def test_langkah_disimpan_dengan_target_dan_riwayat(r):
    x = _langkah(r)
    assert sorted((t.ke, t.target) for t in x.target.all()) == [(k, 1) for k in range(1, 5)]
    assert x.bulan == [3, 6, 9, 12] and x.indikator == r["butir"].indikator
    assert x.history.first().history_user == r["op_a"]


@pytest.mark.parametrize(
    ("lain", "bidang", "potongan"),
    [
        ({"anggaran": "-5"}, "anggaran", "tidak boleh negatif"),
        ({"anggaran": "1e30"}, "anggaran", "terlalu besar"),
        ({"anggaran": "5000000"}, "anggaran", "melebihi seluruh pagu"),
        ({"target": {1: "-1"}}, "target_1", "tidak boleh negatif"),
        ({"target": {1: "1e25"}}, "target_1", "terlalu besar"),
        ({"target": {1: "1", 5: "1"}}, "target_5", "harus 1-4"),
        ({"target": {}}, "target", "sedikitnya satu periode"),
        ({"uraian": " "}, "uraian", "wajib diisi"),
    ],
)
def test_langkah_isian_buruk_ditolak(r, lain, bidang, potongan):
    with pytest.raises(ValidationError) as e:
        _langkah(r, **lain)
    assert potongan in " ".join(e.value.message_dict[bidang])
    assert not RencanaAksi.objects.exists()


def test_butir_dan_kegiatan_unit_lain_ditolak(r):
    _, butir_b = pabrik.indikator_pk(r["kel_b"], tahun=TAHUN, nama="Lain")
    with pytest.raises(ValidationError) as e:
        _langkah(r, butir=butir_b.pk, kegiatan=r["program"].pk)
    assert "bukan bagian PK" in e.value.message_dict["butir"][0]
    assert "adalah program" in e.value.message_dict["kegiatan"][0]


@pytest.mark.parametrize("peran", ["op_b", "verif", "pimpinan", "evaluator"])
def test_hanya_operator_unit_yang_mengubah(r, peran):
    with pytest.raises(PermissionDenied):
        langkah_simpan(organisasi=r["kel_a"], tahun=TAHUN, aktor=r[peran], isian=_isian(r))
    x = _langkah(r)
    with pytest.raises(PermissionDenied):
        realisasi_langkah_simpan(langkah=x, aktor=r[peran], bulan=3, nilai="1")


@pytest.mark.parametrize("bulan", [0, 13, -1, "Maret"])
def test_realisasi_bulan_di_luar_tahun_ditolak(r, bulan):
    x = _langkah(r)
    with pytest.raises(ValidationError) as e:
        realisasi_langkah_simpan(langkah=x, aktor=r["op_a"], bulan=bulan, nilai="1")
    pesan = e.value.message_dict["bulan"][0]
    assert "Bulan" in pesan and ("di luar tahun 2024" in pesan or "bilangan bulat" in pesan)
    assert not RealisasiLangkah.objects.exists()


def test_realisasi_negatif_dan_bukti_bukan_pdf_ditolak(r):
    x = _langkah(r)
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    with pytest.raises(ValidationError) as e:
        realisasi_langkah_simpan(
            langkah=x, aktor=r["op_a"], bulan=3, nilai="-1", berkas=exe, anggaran_terpakai="-2"
        )
    g = e.value.message_dict
    assert "tidak boleh negatif" in g["nilai"][0] and "tidak diterima" in g["berkas"][0]
    assert "Anggaran terpakai" in g["anggaran_terpakai"][0]


def test_terlambat_dan_papan(r, django_assert_max_num_queries):
    a = _langkah(r)
    b = _langkah(r, uraian="Laporan bulanan", jenis_periode="bulan", anggaran="600000",
                 target={m: "1" for m in range(1, 13)})  # fmt: skip
    realisasi_langkah_simpan(
        langkah=a, aktor=r["op_a"], bulan=3, nilai="1",
        berkas=SimpleUploadedFile("nota.pdf", PDF),
    )  # fmt: skip
    for m in (1, 2):
        realisasi_langkah_simpan(langkah=b, aktor=r["op_a"], bulan=m, nilai="1")
    hasil = {x.uraian: x for x in langkah_terlambat(r["kel_a"], TAHUN, 4)}
    assert list(hasil) == ["Laporan bulanan"]
    assert (hasil["Laporan bulanan"].rencana_sampai, hasil["Laporan bulanan"].kekurangan) == (4, 2)
    assert langkah_terlambat(r["kel_a"], TAHUN, 2) == []
    with django_assert_max_num_queries(3):
        baris = papan(r["kel_a"], TAHUN, 4)
    kelas = {x.langkah.uraian: [s.kelas for s in x.sel] for x in baris}
    assert kelas["Rapat koordinasi"][2] == "gantt-selesai"
    assert kelas["Laporan bulanan"][2:4] == ["gantt-kurang", "gantt-kurang"]
    assert kelas["Laporan bulanan"][4] == "gantt-rencana"
    rek = rekonsiliasi(r["kel_a"], TAHUN)
    assert [(x.hasil.pagu, x.hasil.jumlah_langkah, x.hasil.cocok) for x in rek] == [
        (Decimal("1000000"), Decimal("1000000"), True)
    ]


# --- pages --------------------------------------------------------------------------------


def test_halaman_papan_izin(r, client):
    _langkah(r)
    url = reverse("perencanaan:renaksi", args=["kelurahan-a" if False else r["kel_a"].slug, TAHUN])
    client.force_login(r["op_a"])
    isi = client.get(url + "?bulan=4").content.decode()
    assert "Rapat koordinasi" in isi and "Tambah langkah" in isi and 'style="' not in isi
    client.force_login(r["verif"])
    isi = client.get(url).content.decode()
    assert "Rapat koordinasi" in isi and "Tambah langkah" not in isi
    tambah = reverse("perencanaan:renaksi_tambah", args=[r["kel_a"].slug, TAHUN])
    assert client.post(tambah, {"uraian": "x"}).status_code == 403
    client.force_login(r["op_b"])
    assert client.get(url).status_code == 403


def test_halaman_tambah_dan_realisasi(r, client):
    client.force_login(r["op_a"])
    slug = r["kel_a"].slug
    res = client.post(
        reverse("perencanaan:renaksi_tambah", args=[slug, TAHUN]),
        {"uraian": "Sosialisasi", "jenis": "kegiatan", "jenis_periode": "bulan",
         "kegiatan": r["kegiatan"].pk, "anggaran": "-1", "target_3": "2"},
    )  # fmt: skip
    assert res.status_code == 200 and "tidak boleh negatif" in res.content.decode()
    res = client.post(
        reverse("perencanaan:renaksi_tambah", args=[slug, TAHUN]),
        {"uraian": "Sosialisasi", "jenis": "kegiatan", "jenis_periode": "bulan",
         "kegiatan": r["kegiatan"].pk, "anggaran": "250000,50", "target_3": "2"},
    )  # fmt: skip
    assert res.status_code == 302
    x = RencanaAksi.objects.get(uraian="Sosialisasi")
    assert x.anggaran == Decimal("250000.50")
    url = reverse("perencanaan:renaksi_realisasi", args=[slug, TAHUN, x.pk])
    res = client.post(url, {"bulan": "13", "nilai": "1"})
    assert "Bulan 13 di luar tahun 2024" in res.content.decode()
    res = client.post(url, {"bulan": "3", "nilai": "2", "berkas": SimpleUploadedFile("a.pdf", PDF)})
    assert res.status_code == 302
    r_ = RealisasiLangkah.objects.get()
    unduh = client.get(reverse("perencanaan:renaksi_bukti", args=[slug, TAHUN, r_.pk]))
    assert unduh.status_code == 200 and b"".join(unduh.streaming_content).startswith(b"%PDF")
    client.force_login(r["op_b"])
    assert (
        client.get(reverse("perencanaan:renaksi_bukti", args=[slug, TAHUN, r_.pk])).status_code
        == 403
    )


# --- import -------------------------------------------------------------------------------


def _xlsx(baris):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rencana Aksi"
    ws.append(impor_renaksi.KOLOM)
    for b in baris:
        ws.append(b)
    f = io.BytesIO()
    wb.save(f)
    return SimpleUploadedFile("renaksi.xlsx", f.getvalue())


def _baris(uraian, anggaran="100000", t1="1", kode="IL", periode="triwulan"):
    return [uraian, kode, "Kegiatan A", "kegiatan", periode, "Dokumen", anggaran, 1, t1]


def test_impor_uji_galat_baris_dan_semua_atau_tidak(r):
    berkas = _xlsx(
        [_baris("Baik"), _baris("Negatif", anggaran="-3"), _baris("Kode salah", kode="ZZ"),
         _baris("Bulan 13", t1=None, periode="bulan") + [None] * 11 + ["2"]]
    )  # fmt: skip
    hasil = impor_renaksi.terapkan(
        organisasi=r["kel_a"], tahun=TAHUN, berkas=berkas, aktor=r["op_a"], uji=False
    )
    teks = [str(g) for g in hasil.galat]
    assert any("baris 3, kolom 'anggaran'" in t and "negatif" in t for t in teks), teks
    assert any("baris 4, kolom 'kode_indikator'" in t and "'ZZ'" in t for t in teks), teks
    assert not hasil.diterapkan and not RencanaAksi.objects.exists()


def test_impor_uji_lalu_terapkan(r):
    rows = [_baris("Satu"), _baris("Dua", anggaran="250000")]
    uji = impor_renaksi.terapkan(
        organisasi=r["kel_a"], tahun=TAHUN, berkas=_xlsx(rows), aktor=r["op_a"]
    )
    assert uji.sah and [b.aksi for b in uji.baris] == ["baru", "baru"]
    assert not RencanaAksi.objects.exists()
    hasil = impor_renaksi.terapkan(
        organisasi=r["kel_a"], tahun=TAHUN, berkas=_xlsx(rows), aktor=r["op_a"], uji=False
    )
    assert hasil.diterapkan and RencanaAksi.objects.count() == 2
    with pytest.raises(PermissionDenied):
        impor_renaksi.terapkan(
            organisasi=r["kel_a"], tahun=TAHUN, berkas=_xlsx(rows), aktor=r["verif"], uji=True
        )
