"""The findings as text (terminal), JSON, XLSX and DOCX; one finding per row, in the same
columns everywhere: Bab, Lokasi, Pemeriksaan, Terbit, Hasil hitung, Rumus dan masukan."""

from __future__ import annotations

import io
import json
from pathlib import Path

from kinerja.reviu.dokumen import Temuan
from kinerja.reviu.periksa import HasilReviu

FORMAT = ("teks", "docx", "xlsx", "json")
KOLOM = (
    "No",
    "Bab",
    "Lokasi",
    "Pemeriksaan",
    "Terbit",
    "Hasil hitung",
    "Rumus dan masukan",
    "Dasar",
)


def baris(t: Temuan, no: int) -> list[str]:
    rumus = t.rumus + (f". {t.uraian}" if t.uraian else "")
    return [
        str(no),
        t.bab or "-",
        t.lokasi,
        t.nama_aturan,
        t.terbit,
        t.hitung,
        rumus,
        t.sumber_aturan,
    ]


def ringkasan(hasil: HasilReviu) -> str:
    dok = hasil.dokumen
    bagian = [
        f"Reviu angka '{dok.sumber}': {len(dok.tabel)} tabel dan {len(dok.kalimat)} kalimat "
        f"dibaca; {len(hasil.temuan)} temuan."
    ]
    bagian += [f"Catatan: {c}" for c in hasil.catatan]
    return "\n".join(bagian)


def teks(hasil: HasilReviu) -> str:
    keluar = [ringkasan(hasil), ""]
    no = 0
    for bab, daftar in hasil.per_bab().items():
        keluar.append(f"== {bab} ({len(daftar)} temuan)")
        for t in daftar:
            no += 1
            keluar.append(f"{no}. {t.lokasi}")
            keluar.append(f"   Pemeriksaan : {t.nama_aturan}")
            keluar.append(f"   Terbit      : {t.terbit}")
            keluar.append(f"   Hasil hitung: {t.hitung}")
            keluar.append(f"   Rumus       : {t.rumus}")
            if t.uraian:
                keluar.append(f"   Keterangan  : {t.uraian}")
        keluar.append("")
    if not hasil.temuan:
        keluar.append("Tidak ada angka yang tidak sesuai.")
    return "\n".join(keluar)


def json_teks(hasil: HasilReviu) -> str:
    return json.dumps(
        {
            "sumber": hasil.dokumen.sumber,
            "tabel": len(hasil.dokumen.tabel),
            "kalimat": len(hasil.dokumen.kalimat),
            "catatan": hasil.catatan,
            "temuan": [t.sebagai_dict() for t in hasil.temuan],
        },
        ensure_ascii=False,
        indent=2,
    )


def xlsx_bytes(temuan: list[Temuan], *, judul: str = "Reviu angka LKIP") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from kinerja.pertukaran.sel import tambah_baris

    wb = Workbook()
    ws = wb.active
    ws.title = "Temuan reviu"
    # every cell through the one writer: text quoted from a document never becomes a formula
    tambah_baris(ws, [judul])
    ws["A1"].font = Font(bold=True, size=12)
    tambah_baris(ws, list(KOLOM))
    for sel in ws[2]:
        sel.font = Font(bold=True)
    for i, t in enumerate(temuan, start=1):
        tambah_baris(ws, [i, *baris(t, i)[1:]])
    lebar = (5, 22, 50, 30, 22, 22, 70, 40)
    for j, w in enumerate(lebar):
        ws.column_dimensions[chr(ord("A") + j)].width = w
    for r in ws.iter_rows(min_row=3):
        for sel in r:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx_bytes(
    temuan: list[Temuan], *, judul: str = "Reviu angka LKIP", pengantar: str = ""
) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21)
    for sisi in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, sisi, Cm(1.5))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_heading(judul, 1)
    if pengantar:
        doc.add_paragraph(pengantar)
    isi_tabel(doc, temuan)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def isi_tabel(doc, temuan: list[Temuan]) -> None:
    """The findings table in a python-docx document (also used by the LKIP's reviu file)."""
    kolom = KOLOM[:-1]
    tabel = doc.add_table(rows=1, cols=len(kolom))
    tabel.style = "Table Grid"
    for sel, nama in zip(tabel.rows[0].cells, kolom, strict=True):
        sel.text = nama
    for i, t in enumerate(temuan, start=1):
        for sel, nilai in zip(tabel.add_row().cells, baris(t, i)[:-1], strict=True):
            sel.text = nilai
    if not temuan:
        tabel.add_row().cells[2].text = "Tidak ada angka yang tidak sesuai."


def tulis(
    hasil: HasilReviu, folder: Path, format: list[str], *, dasar: str = "reviu"
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    judul = f"Reviu angka LKIP: {hasil.dokumen.sumber}"
    berkas = []
    for f in format:
        tujuan = folder / f"{dasar}.{'txt' if f == 'teks' else f}"
        if f == "teks":
            tujuan.write_text(teks(hasil), encoding="utf-8")
        elif f == "json":
            tujuan.write_text(json_teks(hasil), encoding="utf-8")
        elif f == "xlsx":
            tujuan.write_bytes(xlsx_bytes(hasil.temuan, judul=judul))
        elif f == "docx":
            tujuan.write_bytes(docx_bytes(hasil.temuan, judul=judul, pengantar=ringkasan(hasil)))
        berkas.append(tujuan)
    return berkas
