"""Acceptance of `bangun_lkip` on the Jakarta Pusat 2024 example: the report is built once
for this module (DOCX, PDF, XLSX and the reviu) and read back with python-docx, pdftotext
and openpyxl. Tabel 16-18 of the seed are checked against engine-computed figures."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.db import transaction
from docx import Document
from openpyxl import load_workbook

from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.layanan import bangun_lkip
from kinerja.organisasi.models import Organisasi

ADA_SOFFICE = shutil.which("soffice") is not None
# Every test reads the module's build; the mark makes pytest-django create the test database
# even when this file runs alone.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hasil(django_db_setup, django_db_blocker, tmp_path_factory):
    keluar = tmp_path_factory.mktemp("lkip")
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        org = Organisasi.objects.get(slug="jakarta-pusat")
        format_ = ["docx", "xlsx"] + (["pdf"] if ADA_SOFFICE else [])
        h = bangun_lkip(org, 2024, format=format_, keluar=keluar)
        yield {"hasil": h, "keluar": keluar, "org": org}
        transaction.set_rollback(True)


def _berkas(hasil, akhiran):
    return next(b for b in hasil["hasil"].berkas if b.name.endswith(akhiran))


def _tabel_dengan_judul(doc):
    """(caption text, table) pairs in body order: the caption paragraph precedes its table."""
    pasangan, judul = [], None
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            teks = "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))
            if teks.startswith("Tabel "):
                judul = teks
        elif tag == "tbl":
            pasangan.append((judul, el))
            judul = None
    return pasangan


def _baris(tbl_el):
    from docx.table import Table

    t = Table(tbl_el, None)
    return [[c.text for c in r.cells] for r in t.rows]


def test_berkas_ditulis_dengan_reviu_terpisah(hasil):
    nama = [b.name for b in hasil["hasil"].berkas]
    assert "LKIP-jakarta-pusat-2024.docx" in nama
    assert "LKIP-jakarta-pusat-2024.xlsx" in nama
    assert any("reviu" in n for n in nama)
    if ADA_SOFFICE:
        assert "LKIP-jakarta-pusat-2024.pdf" in nama


def test_docx_bab_tabel_dan_grafik(hasil):
    doc = Document(_berkas(hasil, "2024.docx"))
    judul = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for bab in (
        "RINGKASAN EKSEKUTIF",
        "BAB I PENDAHULUAN",
        "BAB II PERENCANAAN KINERJA",
        "BAB III AKUNTABILITAS KINERJA",
        "BAB IV PENUTUP",
        "LAMPIRAN",
        "A. Kesimpulan",
        "B. Saran",
        "Lampiran 1. Perjanjian Kinerja",
    ):
        assert bab in judul
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "KATA PENGANTAR" in teks
    assert len(doc.tables) >= 60
    assert len(doc.inline_shapes) >= 10
    # real Word fields for the lists and the captions
    xml = doc.element.xml
    assert 'TOC \\o "1-3"' in xml and 'TOC \\h \\z \\c "Tabel"' in xml
    assert 'TOC \\h \\z \\c "Grafik"' in xml and "SEQ Tabel" in xml and "SEQ Grafik" in xml


def test_tabel_16_capaian_dan_predikat_dari_mesin(hasil):
    """Seed Tabel 16: 15 indicators, capaian computed by the engine, all Sangat Tinggi."""
    doc = Document(_berkas(hasil, "2024.docx"))
    t16 = next(
        t
        for j, t in _tabel_dengan_judul(doc)
        if j and "Capaian Indikator Kinerja Utama dan tambahan" in j
    )
    baris = _baris(t16)[1:]
    assert len(baris) == 15
    capaian = {b[2]: (b[5], b[6]) for b in baris}
    assert capaian["Indeks Kepuasan Layanan Kota Administrasi"] == ("104,08", "Sangat Tinggi")
    assert capaian["Indeks Efektivitas Koordinasi Kota Administrasi"] == ("106,86", "Sangat Tinggi")
    assert capaian["Nilai kualitas data SDI"] == ("123,08", "Sangat Tinggi")
    assert {p for _, p in capaian.values()} == {"Sangat Tinggi"}
    # Tabel 18: sasaran 2 is (101,50 + 106,86) / 2 = 104,18, not the published 104,08
    t18 = next(t for j, t in _tabel_dengan_judul(doc) if j and "Pencapaian target sasaran" in j)
    s2 = next(b for b in _baris(t18)[1:] if b[0] == "2")
    assert s2[3] == "104,18"


def _cari(pasangan, awalan):
    return next(t for j, t in pasangan.items() if j.startswith(awalan))


def test_tabel_survei_dari_basis_data(hasil):
    """Bab III survey tables come from kinerja.survei.pemilih (the example's responses)."""
    doc = Document(_berkas(hasil, "2024.docx"))
    pasangan = {j.split(" ", 2)[2]: t for j, t in _tabel_dengan_judul(doc) if j}
    ikm = _baris(_cari(pasangan, "IKM per kelurahan tahun 2024"))
    kepala, isi = ikm[0], ikm[1:]
    assert kepala[:2] == ["No", "Kelurahan"] and "Rata-rata" in kepala and "Mutu" in kepala
    kelurahan = [b for b in isi if b[0]]
    assert len(kelurahan) == 44  # seed Tabel 31, from the database
    assert all(b[kepala.index("Mutu")] for b in kelurahan)
    unsur = _baris(_cari(pasangan, "Nilai rata-rata per unsur (NRR) tahun 2024"))
    assert len(unsur) == 10 and sum("(terendah)" in b[1] for b in unsur) == 1
    assert any(j.startswith("Jumlah responden dan kecukupan sampel") for j in pasangan)
    iek = _baris(next(t for j, t in pasangan.items() if "per asisten dan periode" in j))
    kolom = next(i for i, k in enumerate(iek[0]) if k.startswith("Semester II"))
    ekonomi = next(b for b in iek[1:] if "Perekonomian dan Pembangunan" in b[1])
    assert ekonomi[kolom] == "97,52"
    assert len([b for b in iek[1:] if b[0]]) == 3  # three asisten, then the city row
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "rata_rata_unit" in teks and "Unsur dengan nilai terendah adalah" in teks
    # each table names its roll-up rule (notes are paragraphs after the table)
    assert "gabung_responden" in teks


def test_tabel_anggaran_dari_basis_data(hasil):
    doc = Document(_berkas(hasil, "2024.docx"))
    pasangan = {j.split(" ", 2)[2]: t for j, t in _tabel_dengan_judul(doc) if j}
    nka = _baris(_cari(pasangan, "Nilai Kinerja Anggaran aspek manfaat dan implementasi"))
    nilai = {b[0]: b[1] for b in nka}
    assert nilai["Konsistensi penyerapan terhadap perencanaan"] == "81,12"
    assert nilai["Nilai Kinerja Anggaran"] == "94,99"
    t70 = _baris(_cari(pasangan, "Konsistensi penyerapan anggaran terhadap perencanaan"))
    assert len(t70) == 13 and t70[-1][-1] == "81,12"
    serap = _baris(_cari(pasangan, "Realisasi belanja"))
    assert serap[-1][0] == "Jumlah" and serap[-1][3] == "95,69"
    for awalan in (
        "Perincian belanja operasi",
        "Anggaran berdasarkan program",
        "Efisiensi output program",
        "Capaian output program",
        "Capaian sasaran strategis",
        "Langkah perhitungan Nilai Kinerja Anggaran",
    ):
        assert _cari(pasangan, awalan) is not None
    assert not any(j.startswith("Data anggaran 2024 yang belum lengkap") for j in pasangan)
    teks = "\n".join(p.text for p in doc.paragraphs)
    for g in (
        "Pagu dan realisasi belanja per jenis",
        "Penyerapan anggaran per program",
        "Konsistensi penyerapan anggaran terhadap perencanaan (kumulatif",
    ):
        assert g in teks


def test_xlsx_satu_lembar_per_tabel(hasil):
    wb = load_workbook(_berkas(hasil, ".xlsx"), read_only=True)
    n_tabel = len(hasil["hasil"].dokumen.tabel)
    assert len(wb.sheetnames) == n_tabel
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert len({n.casefold() for n in wb.sheetnames}) == n_tabel
    t16 = next(n for n in wb.sheetnames if n.startswith("T") and "Capaian Indikator" in n)
    baris = list(wb[t16].iter_rows(values_only=True))
    assert baris[1][0] == "No" and len([b for b in baris[2:] if b[0]]) == 15


def test_reviu_mendaftar_angka_yang_dibantah_data(hasil):
    doc = Document(_berkas(hasil, "reviu.docx"))
    teks = "\n".join(p.text for p in doc.paragraphs)
    sel = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    semua = teks + "\n" + sel
    assert "Rata-rata capaian sasaran 2" in semua and "104,08" in semua and "104,18" in semua
    assert "Konsistensi penyerapan" in semua and "73,14" in semua and "81,12" in semua
    assert "Nilai Kinerja Anggaran" in semua and "94,51" in semua and "94,99" in semua
    assert "Perekonomian dan Pembangunan, semester II" in semua
    assert "97,43" in semua and "97,52" in semua
    assert "Rumus:" in teks and "Masukan:" in teks
    assert "TKDN" in semua  # target warning


@pytest.mark.skipif(not ADA_SOFFICE, reason="LibreOffice (soffice) tidak terpasang")
def test_pdf_angka_dan_daftar_isi(hasil):
    pdf = _berkas(hasil, ".pdf")
    teks = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    for angka in ("104,08", "95,69", "81,12", "94,99", "104,18"):
        assert angka in teks
    # the lists were filled in by LibreOffice (page numbers after dot leaders)
    assert "DAFTAR ISI" in teks and "BAB III AKUNTABILITAS KINERJA....." in teks
    assert "Tabel 1 Susunan organisasi" in teks.split("DAFTAR GRAFIK")[0]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    halaman = int(next(b for b in info.splitlines() if b.startswith("Pages:")).split()[1])
    assert 35 <= halaman <= 120


def _cetak_excel(nilai, format_excel: str) -> str:
    """What an Indonesian Excel prints for a numeric cell of the formats the writer uses."""
    from kinerja import angka as fmt

    awalan = "Rp" if format_excel.startswith('"Rp"') else ""
    akhiran = "%" if format_excel.endswith('"%"') else ""
    inti = format_excel.removeprefix('"Rp"').removesuffix('"%"')
    dp = len(inti.partition(".")[2])
    if inti.startswith("0"):  # a count or year written as is, without grouping
        return f"{awalan}{fmt.angka(nilai, dp).replace('.', '')}{akhiran}"
    assert inti.startswith("#,##0"), format_excel
    return f"{awalan}{fmt.angka(nilai, dp)}{akhiran}"


def test_xlsx_angka_sebagai_sel_numerik_sama_dengan_docx(hasil):
    """Issue 19 (Excel yang menghitung): where a table prints a figure the workbook holds a
    number whose formatted form is the DOCX text; everything else is text."""
    from kinerja.angka import TeksAngka

    wb = load_workbook(_berkas(hasil, ".xlsx"))
    doc_tabel = _tabel_dengan_judul(Document(_berkas(hasil, ".docx")))
    dok_tabel = hasil["hasil"].dokumen.tabel
    assert len(doc_tabel) == len(dok_tabel) == len(wb.sheetnames)
    angka = teks = 0
    for blok, (_, tbl), nama in zip(dok_tabel, doc_tabel, wb.sheetnames, strict=True):
        ws = wb[nama]
        isi_docx = _baris(tbl)
        for i, baris in enumerate(blok.tabel.baris):
            for j, sel_tabel in enumerate(baris):
                sel = ws.cell(row=3 + i, column=1 + j)
                if isinstance(sel_tabel, TeksAngka):
                    angka += 1
                    assert sel.data_type == "n", (nama, i, j, sel.value)
                    cetak = _cetak_excel(sel.value, sel.number_format)
                    assert cetak.replace(",", ".") == str(sel_tabel).replace(",", "."), (nama, i, j)
                    assert "," not in str(sel_tabel) or cetak == str(sel_tabel), (nama, i, j)
                    assert str(sel_tabel) in [r[j] for r in isi_docx], (nama, i, j, cetak)
                else:
                    teks += 1
                    assert sel.data_type == "s" or (sel.value is None and sel_tabel == "")
    assert angka > 500 and teks > 200  # the example's 78 tables hold both
    t16 = next(n for n in wb.sheetnames if "Capaian Indikator" in n)
    capaian = [r[5] for r in wb[t16].iter_rows(min_row=3, values_only=True) if r[0]]
    assert all(isinstance(c, int | float) or c == "-" for c in capaian)
    assert len([c for c in capaian if isinstance(c, int | float)]) >= 10
