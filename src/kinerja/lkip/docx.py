"""Render a `Dokumen` into Word: docxtpl fills the template's fields, python-docx writes the
chapters where `{{ isi }}` stands.

Tables are written as WordprocessingML directly (fixed layout, widths from the content,
header row repeated on every page, numbers right-aligned): fast for thousands of cells
and independent of the template's table styles. Captions carry real SEQ fields and the
lists are real TOC fields, so Word (F9) and LibreOffice (pdf.py) rebuild them with page
numbers.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from kinerja.lkip.dokumen import (
    BlokGrafik,
    BlokTabel,
    DaftarIsi,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
)
from kinerja.lkip.templat import tambah_field, templat_bawaan

PENANDA = "⟦ISI-LKIP⟧"
LEBAR_TEKS_DXA = 9355  # 16.5 cm between the default margins
UKURAN_TABEL = 17  # half-points: 8.5 pt


class TemplatTidakValid(ValueError):
    pass


def _el(tag: str, **attr) -> OxmlElement:
    e = OxmlElement(tag)
    for k, v in attr.items():
        e.set(qn(f"w:{k}"), str(v))
    return e


_ANGKA = re.compile(r"[-+−]?(Rp)?[\d.,]+%?|-|\(kosong\)|")


def _lebar_kolom(tabel) -> list[int]:
    """Column widths in twips: every column at least as wide as its longest word (no "N o"
    or "indikato r"), the rest shared by the average length of the content."""
    minimum, bobot = [], []
    for i, kepala in enumerate(tabel.kolom):
        isi = [b[i] for b in tabel.baris]
        kata = max(
            [len(w) for w in kepala.split()] + [len(w) for s in isi for w in s.split()[:40]] + [2]
        )
        pendek = max([len(s) for s in isi] + [0]) <= 14  # numbers, codes: keep on one line
        # Number columns (Rupiah amounts too) get their longest number and no share of the
        # rest, so they do not squeeze the text columns.
        pendek = pendek or (bool(isi) and all(_ANGKA.fullmatch(s.strip()) for s in isi))
        if pendek:
            lebar = max([kata] + [len(s) for s in isi])
        else:  # a very long word may break rather than squeeze the other columns
            lebar = min(kata, 12)
        minimum.append(min(lebar, 30) * 105 + 160)
        rata = sum(len(s) for s in isi) / len(isi) if isi else len(kepala)
        bobot.append(0 if pendek else min(rata, 80))
    sisa = LEBAR_TEKS_DXA - sum(minimum)
    if sisa <= 0:
        return [int(m * LEBAR_TEKS_DXA / sum(minimum)) for m in minimum]
    jumlah = sum(bobot) or len(bobot)
    return [
        int(m + sisa * ((b / jumlah) if sum(bobot) else 1 / len(bobot)))
        for m, b in zip(minimum, bobot, strict=True)
    ]


def _sel(teks: str, lebar: int, *, kanan: bool, tebal: bool, latar: str | None = None):
    tc = _el("w:tc")
    tcpr = _el("w:tcPr")
    tcpr.append(_el("w:tcW", w=lebar, type="dxa"))
    if latar:
        tcpr.append(_el("w:shd", val="clear", color="auto", fill=latar))
    tc.append(tcpr)
    p = _el("w:p")
    ppr = _el("w:pPr")
    ppr.append(_el("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    if kanan:
        ppr.append(_el("w:jc", val="right"))
    p.append(ppr)
    r = _el("w:r")
    rpr = _el("w:rPr")
    if tebal:
        rpr.append(_el("w:b"))
    rpr.append(_el("w:sz", val=UKURAN_TABEL))
    rpr.append(_el("w:szCs", val=UKURAN_TABEL))
    r.append(rpr)
    t = _el("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = teks
    r.append(t)
    p.append(r)
    tc.append(p)
    return tc


def _tabel_xml(tabel):
    lebar = _lebar_kolom(tabel)
    rata = tabel.rata or ["kiri"] + ["kanan"] * (len(tabel.kolom) - 1)
    tbl = _el("w:tbl")
    pr = _el("w:tblPr")
    pr.append(_el("w:tblW", w=sum(lebar), type="dxa"))
    pr.append(_el("w:jc", val="center"))
    batas = _el("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        batas.append(_el(f"w:{sisi}", val="single", sz=4, space=0, color="808080"))
    pr.append(batas)
    pr.append(_el("w:tblLayout", type="fixed"))
    marg = _el("w:tblCellMar")
    for sisi in ("left", "right"):
        marg.append(_el(f"w:{sisi}", w=70, type="dxa"))
    pr.append(marg)
    tbl.append(pr)
    grid = _el("w:tblGrid")
    for w in lebar:
        grid.append(_el("w:gridCol", w=w))
    tbl.append(grid)
    kepala = _el("w:tr")
    trpr = _el("w:trPr")
    trpr.append(_el("w:tblHeader"))
    trpr.append(_el("w:cantSplit"))
    kepala.append(trpr)
    for k, w in zip(tabel.kolom, lebar, strict=True):
        kepala.append(_sel(k, w, kanan=False, tebal=True, latar="DCE6F0"))
    tbl.append(kepala)
    for baris in tabel.baris:
        tr = _el("w:tr")
        trpr = _el("w:trPr")
        trpr.append(_el("w:cantSplit"))
        tr.append(trpr)
        tebal = baris[0].lower() in ("jumlah", "jumlah program") or (
            len(baris) > 1 and baris[1].lower() == "jumlah"
        )
        for s, w, r in zip(baris, lebar, rata, strict=True):
            tr.append(_sel(s, w, kanan=r == "kanan", tebal=tebal))
        tbl.append(tr)
    return tbl


def _keterangan(doc, jenis: str, nomor: int, judul: str, *, ikut: bool):
    p = doc.add_paragraph(style="Caption")
    p.add_run(f"{jenis} ")
    tambah_field(p, f"SEQ {jenis} \\* ARABIC", str(nomor))
    p.add_run(f" {judul}")
    p.paragraph_format.keep_with_next = ikut
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if jenis == "Grafik" else WD_ALIGN_PARAGRAPH.LEFT
    return p


JUDUL_DAFTAR = {"isi": "DAFTAR ISI", "tabel": "DAFTAR TABEL", "grafik": "DAFTAR GRAFIK"}
FIELD_DAFTAR = {
    "isi": 'TOC \\o "1-3" \\h \\z \\u',
    "tabel": 'TOC \\h \\z \\c "Tabel"',
    "grafik": 'TOC \\h \\z \\c "Grafik"',
}


def _isi(doc, dok: Dokumen) -> None:
    body = doc.element.body
    for b in dok.blok:
        if isinstance(b, Judul):
            p = doc.add_heading(b.teks, level=b.tingkat)
            if b.halaman_baru:
                p.paragraph_format.page_break_before = True
        elif isinstance(b, Paragraf):
            p = doc.add_paragraph(b.teks)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif isinstance(b, BlokTabel):
            _keterangan(doc, "Tabel", b.nomor, b.tabel.judul, ikut=True)
            tbl = _tabel_xml(b.tabel)
            body.insert(len(body) - 1, tbl)  # before sectPr
            for c in b.tabel.catatan:
                p = doc.add_paragraph()
                r = p.add_run(c)
                r.italic = True
                r.font.size = Pt(8.5)
            if not b.tabel.catatan:
                p = doc.add_paragraph()
                p.paragraph_format.space_after = Pt(2)
        elif isinstance(b, BlokGrafik):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.keep_with_next = True
            p.add_run().add_picture(io.BytesIO(b.png), width=Cm(b.lebar_cm))
            _keterangan(doc, "Grafik", b.nomor, b.judul, ikut=False)
        elif isinstance(b, DaftarIsi):
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(JUDUL_DAFTAR[b.jenis])
            r.bold = True
            r.font.size = Pt(14)
            p = doc.add_paragraph()
            tambah_field(
                p,
                FIELD_DAFTAR[b.jenis],
                "Daftar ini diperbarui saat dokumen dibuka (di Word: klik kanan, Perbarui Field).",
            )
        elif isinstance(b, HalamanBaru):
            p = doc.add_paragraph()
            p.paragraph_format.page_break_before = True


def _minta_perbarui_field(doc) -> None:
    """Word asks to update fields (TOC page numbers) when the file is opened."""
    s = doc.settings.element
    if s.find(qn("w:updateFields")) is None:
        s.append(_el("w:updateFields", val="true"))


def tulis_docx(dok: Dokumen, tujuan: Path, *, templat: Path | None = None) -> Path:
    from docxtpl import DocxTemplate, Listing

    tpl = DocxTemplate(str(templat or templat_bawaan()))
    konteks = dict(dok.konteks)
    konteks["kata_pengantar"] = Listing(konteks.get("kata_pengantar", "").replace("\n\n", "\a"))
    konteks["isi"] = PENANDA
    tpl.render(konteks)
    buf = io.BytesIO()
    tpl.save(buf)
    buf.seek(0)
    doc = Document(buf)
    penanda = next((p for p in doc.paragraphs if p.text.strip() == PENANDA), None)
    if penanda is None:
        raise TemplatTidakValid(
            "Templat tidak memuat {{ isi }} dalam paragraf tersendiri; bab-bab laporan tidak "
            "dapat disisipkan."
        )
    body = doc.element.body
    awal = len(body) - 1  # everything added goes before sectPr
    _isi(doc, dok)
    baru = list(body)[awal:-1]
    for el in baru:
        penanda._p.addprevious(el)
    penanda._p.getparent().remove(penanda._p)
    _minta_perbarui_field(doc)
    doc.core_properties.title = (
        f"{dok.konteks.get('singkatan', 'LKIP')} {dok.konteks.get('organisasi', '')} {dok.tahun}"
    )
    doc.core_properties.author = "Kinerja"
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    doc.save(tujuan)
    return tujuan
