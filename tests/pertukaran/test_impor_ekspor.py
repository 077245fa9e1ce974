"""Excel import (dry run, row errors, all-or-nothing apply) and export round trip."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.pengukuran import layanan
from kinerja.pengukuran.models import PeristiwaRealisasi, Realisasi
from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja, RevisiPK, StatusPK
from kinerja.pertukaran import ekspor
from kinerja.pertukaran.berkas import MAKS_BYTE
from kinerja.pertukaran.impor import rencana_realisasi, rencana_target
from kinerja.pertukaran.layanan import impor_realisasi
from kinerja.pertukaran.views import KUNCI_SESI
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    p["tw"], _ = pabrik.indikator_pk(
        p["kel_a"], target="90", nama="Indeks triwulanan", frekuensi="triwulan", kode="1.1"
    )
    p["th"], _ = pabrik.indikator_pk(p["kel_a"], target="80.5", nama="Indeks tahunan", kode="1.2")
    return p


def _isi(xlsx: bytes, lembar: str, baris: dict[int, dict]) -> bytes:
    """Fill cells by header name: {excel_row: {kolom: nilai}}."""
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    ws = wb[lembar]
    kolom = {c.value: c.column for c in ws[3]}
    for nomor, isi in baris.items():
        for k, v in isi.items():
            ws.cell(row=nomor, column=kolom[k], value=v)
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _templat(p):
    return ekspor.templat_realisasi(p["kel_a"], TAHUN)


def _unggah(client, p, isi: bytes, *, jenis="realisasi", nama="realisasi.xlsx"):
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    return client.post(url, {"jenis": jenis, "berkas": SimpleUploadedFile(nama, isi)})


def _terapkan(client, p, sha):
    return client.post(reverse("pertukaran_terapkan", args=[p["kel_a"].slug, TAHUN]), {"sha": sha})


def test_templat_berisi_baris_per_periode_dan_validasi(pohon):
    wb = openpyxl.load_workbook(io.BytesIO(_templat(pohon)))
    ws = wb["Realisasi"]
    judul = [c.value for c in ws[3]]
    assert judul[:11] == [
        "id_indikator", "kode_indikator", "nama_indikator", "tahun", "jenis_periode", "ke",
        "nilai", "nilai_teks", "pembilang", "penyebut", "penjelasan",
    ]  # fmt: skip
    # four quarters of the quarterly indicator, then the yearly one
    assert [(r[4].value, r[5].value) for r in ws.iter_rows(min_row=4)] == [
        ("triwulan", 1), ("triwulan", 2), ("triwulan", 3), ("triwulan", 4), ("tahun", 1),
    ]  # fmt: skip
    jenis = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any("triwulan" in (dv.formula1 or "") for dv in jenis)
    assert "Indikator" in wb.sheetnames


def test_satu_baris_salah_tidak_ada_yang_diterapkan_lalu_berkas_benar_diterapkan(client, pohon):
    client.force_login(pohon["op_a"])
    salah = _isi(
        _templat(pohon),
        "Realisasi",
        {
            4: {"nilai": "97,46"},
            5: {"nilai": 95.5, "penjelasan": "naik"},
            7: {"nilai": "abc"},
            8: {"nilai": 81},
        },
    )
    r = _unggah(client, pohon, salah)
    assert r.status_code == 200
    html = r.content.decode()
    assert "baris 7, kolom &#x27;nilai&#x27;: &#x27;abc&#x27; bukan angka (contoh: 97,46)" in html
    assert "tidak ada data yang diubah" in html
    assert KUNCI_SESI not in client.session
    assert Realisasi.objects.count() == 0

    benar = _isi(salah, "Realisasi", {7: {"nilai": "98,1"}})
    r = _unggah(client, pohon, benar)
    rencana = r.context["rencana"]
    assert rencana.sah and rencana.ringkasan == {"baru": 4, "ubah": 0, "tanpa perubahan": 0}
    assert rencana.dilewati == 1  # the empty quarter row
    assert Realisasi.objects.count() == 0  # a preview changes nothing
    r = _terapkan(client, pohon, r.context["sha"])
    assert r.status_code == 302
    nilai = dict(Realisasi.objects.values_list("ke", "nilai").filter(indikator=pohon["tw"]))
    assert nilai == {1: Decimal("97.46"), 2: Decimal("95.5"), 4: Decimal("98.1")}
    assert Realisasi.objects.get(indikator=pohon["th"]).nilai == Decimal("81")
    e = PeristiwaRealisasi.objects.filter(aksi="simpan")
    assert e.count() == 4
    assert set(e.values_list("alasan", flat=True)) == {"impor Excel realisasi.xlsx"}
    assert set(e.values_list("aktor", flat=True)) == {pohon["op_a"].pk}
    assert KUNCI_SESI not in client.session


def test_baris_duplikat_ditolak(pohon):
    isi = _isi(
        _templat(pohon),
        "Realisasi",
        {4: {"nilai": 90}, 5: {"nilai": 91}, 9: {"id_indikator": pohon["tw"].pk, "tahun": TAHUN,
         "jenis_periode": "triwulan", "ke": 2, "nilai": 92}},
    )  # fmt: skip
    rencana = rencana_realisasi(organisasi=pohon["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="x")
    assert [str(g) for g in rencana.galat] == [
        "Lembar 'Realisasi', baris 9: duplikat baris 5 (Indeks triwulanan, Triwulan II 2024); "
        "hapus salah satunya."
    ]


def test_periode_tahun_indikator_dan_angka_diperiksa(pohon):
    lain, _ = pabrik.indikator_pk(pohon["kel_b"], nama="Milik kelurahan B")
    isi = _isi(
        _templat(pohon),
        "Realisasi",
        {
            4: {"jenis_periode": "bulan", "nilai": 1},
            5: {"ke": 5, "nilai": 1},
            6: {"tahun": 2023, "nilai": 1},
            7: {"id_indikator": lain.pk, "nilai": 1},
            8: {"nilai": None, "penjelasan": "lupa angka"},
        },
    )
    rencana = rencana_realisasi(organisasi=pohon["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="x")
    galat = {(g.baris, g.kolom): g.pesan for g in rencana.galat}
    assert "tidak sesuai frekuensi indikator (Triwulanan)" in galat[(4, "jenis_periode")]
    assert "triwulan ke-5 tidak ada (harus 1-4)" in galat[(5, "ke")]
    assert "bukan tahun halaman ini (harus 2024)" in galat[(6, "tahun")]
    assert "bukan indikator Kelurahan A" in galat[(7, "id_indikator")]
    assert galat[(8, "nilai")].startswith("kosong; isi nilai (contoh: 97,46)")


def test_baris_terkunci_ditolak_yang_sama_tanpa_perubahan(pohon):
    r = layanan.realisasi_simpan(
        indikator=pohon["th"], tahun=TAHUN, jenis_periode="tahun", nilai="81", aktor=pohon["op_a"]
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])
    sama = _isi(_templat(pohon), "Realisasi", {8: {"nilai": "81,0"}})
    rencana = rencana_realisasi(organisasi=pohon["kel_a"], tahun=TAHUN, isi=sama, nama_berkas="x")
    assert rencana.sah and [b.aksi for b in rencana.baris] == ["tanpa perubahan"]

    ubah = _isi(sama, "Realisasi", {4: {"nilai": 70}, 8: {"nilai": 85}})
    rencana, diterapkan = impor_realisasi(
        organisasi=pohon["kel_a"], tahun=TAHUN, isi=ubah, nama_berkas="x.xlsx", aktor=pohon["op_a"]
    )
    assert not diterapkan
    assert len(rencana.galat) == 1 and "terkunci" in str(rencana.galat[0])
    assert str(rencana.galat[0]).startswith("Lembar 'Realisasi', baris 8, kolom 'nilai'")
    assert Realisasi.objects.get(pk=r.pk).nilai == Decimal("81")
    assert not Realisasi.objects.filter(indikator=pohon["tw"]).exists()  # row 4 not applied


def test_penerapan_memvalidasi_ulang(client, pohon):
    """A row verified between the preview and the apply makes the apply fail as a whole."""
    client.force_login(pohon["op_a"])
    r = layanan.realisasi_simpan(
        indikator=pohon["th"], tahun=TAHUN, jenis_periode="tahun", nilai="81", aktor=pohon["op_a"]
    )
    isi = _isi(_templat(pohon), "Realisasi", {4: {"nilai": 70}, 8: {"nilai": 85}})
    pratinjau = _unggah(client, pohon, isi)
    assert pratinjau.context["rencana"].ringkasan == {"baru": 1, "ubah": 1, "tanpa perubahan": 0}
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])
    hasil = _terapkan(client, pohon, pratinjau.context["sha"])
    assert hasil.status_code == 409 and "terkunci" in hasil.content.decode()
    assert not Realisasi.objects.filter(indikator=pohon["tw"]).exists()


def test_hash_berbeda_ditolak(client, pohon):
    client.force_login(pohon["op_a"])
    pratinjau = _unggah(client, pohon, _isi(_templat(pohon), "Realisasi", {4: {"nilai": 70}}))
    assert pratinjau.context["sha"]
    r = _terapkan(client, pohon, "0" * 64)
    assert r.status_code == 302 and Realisasi.objects.count() == 0


def test_jenis_berkas_salah_dan_terlalu_besar_ditolak(client, pohon):
    client.force_login(pohon["op_a"])
    r = _unggah(client, pohon, b"%PDF-1.4\n%%EOF\n", nama="laporan.xlsx")
    assert r.status_code == 400
    assert "bukan buku kerja Excel .xlsx (isi terdeteksi: application/pdf)" in r.content.decode()
    r = _unggah(client, pohon, b"id;nilai\n1;97,46\n", nama="data.xlsx")
    assert "isi terdeteksi: tidak dikenali" in r.content.decode()
    besar = _templat(pohon) + b"\0" * (MAKS_BYTE + 1)
    r = _unggah(client, pohon, besar, nama="besar.xlsx")
    assert r.status_code == 400 and "maksimal 5 MB" in r.content.decode()


def test_ekspor_lalu_impor_ulang_tanpa_perubahan(client, pohon):
    pohon["tw"].rasio = True
    pohon["tw"].save()
    layanan.realisasi_simpan(
        indikator=pohon["tw"], tahun=TAHUN, jenis_periode="triwulan", ke=1,
        pembilang="2", penyebut="3", aktor=pohon["op_a"],
    )  # fmt: skip
    layanan.realisasi_simpan(
        indikator=pohon["tw"], tahun=TAHUN, jenis_periode="triwulan", ke=2, nilai="1234567.125",
        penjelasan="Baris\nkedua", aktor=pohon["op_a"],
    )  # fmt: skip
    r = layanan.realisasi_simpan(
        indikator=pohon["th"], tahun=TAHUN, jenis_periode="tahun", nilai="96.55",
        aktor=pohon["op_a"],
    )  # fmt: skip
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])

    client.force_login(pohon["op_a"])
    berkas = client.get(reverse("pertukaran_ekspor", args=[pohon["kel_a"].slug, TAHUN]))
    assert berkas.status_code == 200 and berkas["Content-Type"].startswith("application/vnd.open")
    isi = berkas.content
    wb = openpyxl.load_workbook(io.BytesIO(isi))
    assert {"Tujuan", "Sasaran", "Indikator", "Target Renstra", "Target PK", "Realisasi",
            "Capaian", "Capaian Sasaran", "Temuan Reviu"} <= set(wb.sheetnames)  # fmt: skip
    capaian = wb["Capaian"]
    assert capaian["H5"].value == pytest.approx(119.93788819875776)  # 96.55 / 80.5 × 100
    assert capaian["H5"].number_format == "#,##0.00"
    assert wb["Realisasi"]["G5"].value == 1234567.125
    assert wb["Realisasi"]["G5"].number_format == "#,##0.000"

    rr = rencana_realisasi(organisasi=pohon["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="e")
    rt = rencana_target(organisasi=pohon["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="e")
    assert rr.sah and rt.sah, [str(g) for g in rr.galat + rt.galat]
    assert [b.aksi for b in rr.baris] == ["tanpa perubahan"] * 3
    assert [b.aksi for b in rt.baris] == ["tanpa perubahan"] * 2
    r = _unggah(client, pohon, isi, nama="ekspor.xlsx")
    assert "Tidak ada yang perlu diterapkan" in r.content.decode()


def test_ekspor_tanpa_hak_draf_hanya_terverifikasi(client, pohon):
    op_kec = pabrik.pengguna("op_kec", ("operator", pohon["kec"]))
    ind, _ = pabrik.indikator_pk(pohon["kec"], nama="Indeks kecamatan")
    layanan.realisasi_simpan(
        indikator=ind, tahun=TAHUN, jenis_periode="tahun", nilai="50", aktor=op_kec
    )
    client.force_login(pohon["op_b"])  # may see the kecamatan above, not its drafts
    r = client.get(reverse("pertukaran_ekspor", args=[pohon["kec"].slug, TAHUN]))
    assert r.status_code == 200 and "terverifikasi" in r["Content-Disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb["Realisasi"].max_row == 3  # headers only
    assert wb["Capaian"]["G4"].value is None


def test_izin_halaman(client, pohon):
    url = reverse("pertukaran", args=[pohon["kel_a"].slug, TAHUN])
    assert client.get(url).status_code == 302  # to /masuk/
    client.force_login(pohon["op_b"])
    assert client.get(url).status_code == 403
    client.force_login(pohon["pimpinan"])
    r = client.get(url)
    assert r.status_code == 200 and "Periksa berkas" not in r.content.decode()
    assert _unggah(client, pohon, _templat(pohon)).status_code == 403
    client.force_login(pohon["op_a"])
    assert "Periksa berkas" in client.get(url).content.decode()


def test_impor_target_pk_draf(client, pohon):
    """A draft PK takes the targets as they are (a signed one: test_impor_target_pk.py)."""
    PerjanjianKinerja.objects.filter(organisasi=pohon["kel_a"]).update(status=StatusPK.DRAFT)
    client.force_login(pohon["op_a"])
    templat = ekspor.templat_target(pohon["kel_a"], TAHUN, dengan_draf=True)
    salah = _isi(templat, "Target PK", {4: {"target": "-5"}})
    r = _unggah(client, pohon, salah, jenis="target", nama="target.xlsx")
    assert "baris 4, kolom &#x27;target&#x27;: &#x27;-5&#x27; negatif" in r.content.decode()
    benar = _isi(templat, "Target PK", {4: {"target": "92,5"}})
    r = _unggah(client, pohon, benar, jenis="target", nama="target.xlsx")
    assert r.context["rencana"].ringkasan == {"baru": 0, "ubah": 1, "tanpa perubahan": 1}
    _terapkan(client, pohon, r.context["sha"])
    butir = ButirPK.objects.get(indikator=pohon["tw"])
    assert butir.target == Decimal("92.5")
    assert butir.history.first().history_change_reason == "impor Excel target.xlsx"
    assert butir.history.first().history_user == pohon["op_a"]
    assert not RevisiPK.objects.exists()
