"""The reviu as its own Word document beside the report (file name contains "reviu").

Lists every figure the data contradicts (published figures recomputed by the engine, the
dashboard's findings, target warnings), each with the formula and all of its inputs.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from kinerja.lkip.docx import _tabel_xml
from kinerja.lkip.dokumen import Dokumen
from kinerja.lkip.struktur import tabel_reviu


def tulis_reviu(dok: Dokumen, tujuan: Path) -> Path:
    doc = Document()
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21)
    for sisi in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, sisi, Cm(2))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    org = dok.konteks.get("organisasi", "")
    doc.add_heading(f"Hasil Reviu Angka LKIP {org} Tahun {dok.tahun}", 1)
    doc.add_paragraph(
        f"Disusun oleh Kinerja pada {dok.konteks.get('tanggal', '')}. Setiap angka yang dicetak "
        "dihitung ulang dari masukannya dengan mesin rumus; daftar ini memuat "
        f"{len(dok.temuan)} angka atau target yang tidak sesuai dengan datanya "
        "(PermenPAN-RB 53/2014, tata cara reviu atas LKIP)."
    )
    ringkas = tabel_reviu(dok.temuan, dok.tahun)
    tbl = _tabel_xml(ringkas)
    body = doc.element.body
    body.insert(len(body) - 1, tbl)
    doc.add_heading("Rincian rumus dan masukan", 2)
    for i, r in enumerate(dok.temuan, start=1):
        doc.add_heading(f"{i}. {r.uraian}", 3)
        doc.add_paragraph(
            f"Sumber: {r.sumber}. Terbit: {r.terbit}; hasil perhitungan: {r.hitung}"
            + (f"; selisih {r.selisih}" if r.selisih != "-" else "")
            + "."
        )
        doc.add_paragraph(f"Rumus: {r.rumus}")
        if r.masukan:
            doc.add_paragraph("Masukan: " + "; ".join(f"{k} = {v}" for k, v in r.masukan.items()))
        if r.catatan:
            doc.add_paragraph(f"Catatan: {r.catatan}")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    doc.save(tujuan)
    return tujuan
