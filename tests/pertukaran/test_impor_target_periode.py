"""Excel import of PK targets per period (issue 19, docs/keputusan/0037-target-periode.md):
the template lists every period of every PK line measured per period; a draft PK changes
directly; a signed PK's changes become ONE revision; row errors name row and column and
nothing is applied; an empty target is skipped, never a removal."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.perencanaan import layanan as perencanaan
from kinerja.perencanaan.models import PerubahanTarget, RevisiPK, TargetPeriode
from kinerja.pertukaran import ekspor
from kinerja.pertukaran.impor import rencana_target_periode
from kinerja.pertukaran.layanan import impor_target_periode
from tests import pabrik
from tests.perencanaan.bantu import indikator

pytestmark = pytest.mark.django_db
TAHUN = 2024
KETERANGAN = {
    "dasar_hukum": "Keputusan Wali Kota Nomor 12 Tahun 2024",
    "alasan": "Target triwulan disesuaikan dengan jadwal kegiatan",
}


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    kel = p["kel_a"]
    p["tw"] = indikator(kel, "Persentase sampah terkelola", satuan="%", frekuensi="triwulan")
    p["smt"] = indikator(kel, "Indeks kepuasan", satuan="Nilai", frekuensi="semester")
    p["tahunan"] = indikator(kel, "Opini BPK", nomor=2)
    p["rentang"] = indikator(kel, "Inflasi", nomor=2, jenis_target="rentang", frekuensi="triwulan")
    pk = perencanaan.pk_buat(
        organisasi=kel, tahun=TAHUN, aktor=p["op_a"], pihak_pertama_jabatan="Lurah A"
    )
    p["b_tw"] = perencanaan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["tw"], target="90")
    p["b_smt"] = perencanaan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["smt"], target="80")
    perencanaan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["tahunan"], target="1")
    perencanaan.butir_tambah(
        pk=pk, aktor=p["op_a"], indikator=p["rentang"], target_bawah="2", target_atas="3"
    )
    p["pk"] = pk
    return p


def _buku(p, ubah: dict | None = None, tambah: list | None = None) -> bytes:
    """The template with target cells set: {(indikator, ke): nilai}; extra raw rows."""
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.templat_target_periode(p["kel_a"], TAHUN, dengan_draf=True))
    )
    ws = wb["Target periode"]
    kolom = {c.value: c.column for c in ws[3]}
    for r in ws.iter_rows(min_row=4):
        kunci = (r[0].value, r[kolom["ke"] - 1].value)
        for (ind, ke), v in (ubah or {}).items():
            if kunci == (ind.pk, ke):
                ws.cell(row=r[0].row, column=kolom["target"], value=v)
    for baris in tambah or []:
        ws.append(baris)
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _target(butir) -> dict[int, Decimal]:
    return dict(TargetPeriode.objects.filter(butir=butir).values_list("ke", "target"))


def test_templat_berisi_setiap_periode_indikator_periodik(p):
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.templat_target_periode(p["kel_a"], TAHUN, dengan_draf=True))
    )
    ws = wb["Target periode"]
    baris = [(r[0].value, r[5].value, r[6].value) for r in ws.iter_rows(min_row=4) if r[0].value]
    assert baris == [
        (p["tw"].pk, 1, "TW I"), (p["tw"].pk, 2, "TW II"), (p["tw"].pk, 3, "TW III"),
        (p["tw"].pk, 4, "TW IV"), (p["smt"].pk, 1, "Semester I"), (p["smt"].pk, 2, "Semester II"),
    ]  # fmt: skip


def test_pk_draf_diterapkan_langsung_dan_kosong_dilewati(p):
    isi = _buku(p, {(p["tw"], 1): 20, (p["tw"], 2): "45,5", (p["smt"], 2): 80})
    rencana = rencana_target_periode(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx"
    )
    assert rencana.sah, [str(g) for g in rencana.galat]
    assert rencana.ringkasan == {"baru": 3, "ubah": 0, "tanpa perubahan": 0}
    assert rencana.dilewati == 3 and rencana.revisi is None
    _, ok = impor_target_periode(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"]
    )
    assert ok
    assert _target(p["b_tw"]) == {1: Decimal("20"), 2: Decimal("45.5")}
    assert _target(p["b_smt"]) == {2: Decimal("80")}
    # the same file again: nothing changes, and an emptied cell does not remove a target
    isi2 = _buku(p, {(p["tw"], 2): None})
    r2 = rencana_target_periode(organisasi=p["kel_a"], tahun=TAHUN, isi=isi2, nama_berkas="t.xlsx")
    assert r2.sah and not r2.ada_perubahan
    assert _target(p["b_tw"])[2] == Decimal("45.5")


def test_pk_ditandatangani_satu_revisi_untuk_semua_baris(client, p):
    perencanaan.target_periode_simpan(butir=p["b_tw"], aktor=p["op_a"], target={1: "20"})
    perencanaan.pk_tandatangani(pk=p["pk"], aktor=p["op_a"], tanggal=dt.date(2024, 1, 2))
    isi = _buku(p, {(p["tw"], 1): 25, (p["tw"], 3): 70, (p["smt"], 1): 40})
    client.force_login(p["op_a"])
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    r = client.post(url, {"jenis": "target_periode", "berkas": SimpleUploadedFile("t.xlsx", isi)})
    teks = r.content.decode()
    assert r.status_code == 200 and "Revisi 1:" in teks and "Terapkan sebagai Revisi 1" in teks
    sha = r.context["sha"]
    url = reverse("pertukaran_terapkan", args=[p["kel_a"].slug, TAHUN])
    r = client.post(url, {"sha": sha, "revisi": "1", "tanggal": "2024-04-01", **KETERANGAN})
    assert r.status_code == 302, r.content.decode()[:2000]
    revisi = RevisiPK.objects.get(pk_dokumen=p["pk"])
    assert revisi.nomor == 1 and revisi.dasar_hukum == KETERANGAN["dasar_hukum"]
    ubah = {
        (u.butir_id, u.ke): (u.target_lama, u.target_baru)
        for u in PerubahanTarget.objects.filter(revisi=revisi)
    }
    assert ubah == {
        (p["b_tw"].pk, 1): (Decimal("20"), Decimal("25")),
        (p["b_tw"].pk, 3): (None, Decimal("70")),
        (p["b_smt"].pk, 1): (None, Decimal("40")),
    }
    assert _target(p["b_tw"]) == {1: Decimal("25"), 3: Decimal("70")}


def test_pk_ditandatangani_tanpa_dasar_hukum_tidak_diterapkan(p):
    perencanaan.pk_tandatangani(pk=p["pk"], aktor=p["op_a"], tanggal=dt.date(2024, 1, 2))
    isi = _buku(p, {(p["tw"], 1): 25})
    rencana, ok = impor_target_periode(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"]
    )
    assert not ok and "dasar_hukum" in rencana.galat_revisi
    assert not TargetPeriode.objects.exists() and not RevisiPK.objects.exists()


def test_galat_baris_menyebut_baris_dan_kolom_dan_tidak_ada_yang_diterapkan(p):
    tw, smt = p["tw"], p["smt"]
    isi = _buku(
        p,
        {(tw, 1): 20, (tw, 2): -5, (smt, 1): "1e309"},
        tambah=[
            [tw.pk, "", "", TAHUN, "semester", 1, "", 10],  # not the indicator's period
            [tw.pk, "", "", TAHUN, "triwulan", 5, "", 10],  # no TW V
            [p["tahunan"].pk, "", "", TAHUN, "tahun", 1, "", 10],  # yearly indicator
            [p["rentang"].pk, "", "", TAHUN, "triwulan", 1, "", 10],  # range target
            [tw.pk, "", "", TAHUN, "triwulan", 1, "", 21],  # duplicate of TW I
            [tw.pk, "", "", 2023, "triwulan", 4, "", 10],  # another year
            [tw.pk, "", "", TAHUN, "triwulan", 4, "", "1,1234567"],  # 7 decimals
        ],
    )
    rencana, ok = impor_target_periode(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"]
    )
    assert not ok and not TargetPeriode.objects.exists()
    galat = [(g.baris, g.kolom) for g in rencana.galat]
    pesan = " | ".join(str(g) for g in rencana.galat)
    assert (5, "target") in galat and "negatif" in pesan  # TW II -5
    assert (8, "target") in galat  # 1e309 on Smt I
    assert (10, "jenis_periode") in galat and "diukur per triwulan" in pesan
    assert (11, "ke") in galat and "harus 1-4" in pesan
    assert (12, "jenis_periode") in galat and "diukur tahunan" in pesan
    assert (13, "target") in galat and "hanya target angka tunggal" in pesan
    assert (14, None) in galat and "duplikat baris 4" in pesan
    assert (15, "tahun") in galat
    assert (16, "target") in galat
    assert all("Lembar 'Target periode', baris" in str(g) for g in rencana.galat)


def test_pembaca_tidak_dapat_mengimpor(client, p):
    client.force_login(p["pimpinan"])
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    isi = _buku(p, {(p["tw"], 1): 20})
    r = client.post(url, {"jenis": "target_periode", "berkas": SimpleUploadedFile("t.xlsx", isi)})
    assert r.status_code == 403 and not TargetPeriode.objects.exists()
