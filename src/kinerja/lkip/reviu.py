"""The reviu as its own Word document beside the report (file name contains "reviu").

Lists, in the form `kinerja reviu` prints (kinerja.reviu.keluaran): the figures the data
contradicts (published figures recomputed by the engine, target warnings) and the findings
of the document checks run on the report's own DOCX, so the reviu proves what was printed.
The findings are also written as JSON beside it (read by `reviu_unggah.pemilih.temuan_lkip`).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from kinerja.lkip.dokumen import Dokumen
from kinerja.reviu.bilangan import indonesia
from kinerja.reviu.dokumen import Temuan

SUMBER_DATA = "PermenPAN-RB 53/2014; angka terbit (AngkaTerbit) dihitung ulang dengan mesin rumus"


def temuan_data(dok: Dokumen) -> list[Temuan]:
    """The build's own findings (from the data, inputs known exactly) as reviu findings."""
    hasil = []
    for r in dok.temuan:
        masukan = "; ".join(f"{k} = {v}" for k, v in r.masukan.items())
        hasil.append(
            Temuan(
                aturan="data" if r.jenis != "peringatan target" else "target_wajar",
                nama_aturan=f"Data: {r.jenis}",
                lokasi=r.sumber,
                bab="Data (dihitung dari masukan)",
                halaman=None,
                terbit=r.terbit,
                hitung=r.hitung,
                rumus=indonesia(r.rumus + (f". Masukan: {masukan}" if masukan else "")),
                uraian=r.uraian + (f" ({r.catatan})" if r.catatan else ""),
                sumber_aturan=SUMBER_DATA,
            )
        )
    return hasil


def temuan_docx(docx: Path | None) -> tuple[list[Temuan], list[str]]:
    """The document checks of `kinerja reviu` on the built DOCX."""
    if docx is None or not Path(docx).is_file():
        return [], ["DOCX tidak dibangun; pemeriksaan dokumen dilewati."]
    from kinerja.reviu.ekstrak import BerkasTidakTerbaca
    from kinerja.reviu.periksa import periksa_berkas

    try:
        hasil = periksa_berkas(docx)
    except BerkasTidakTerbaca as e:
        return [], [str(e)]
    return hasil.temuan, hasil.catatan


def tulis_reviu(dok: Dokumen, tujuan: Path, *, docx: Path | None = None) -> Path:
    from kinerja.reviu import keluaran

    data = temuan_data(dok)
    dari_docx, catatan = temuan_docx(docx)
    semua = data + dari_docx
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
        "dihitung ulang dari masukannya dengan mesin rumus, lalu dokumen laporan itu sendiri "
        "diperiksa dengan pemeriksaan yang sama dengan `kinerja reviu` (PermenPAN-RB 53/2014, "
        f"tata cara reviu atas LKIP): {len(data)} temuan dari data dan {len(dari_docx)} temuan "
        "dari dokumen."
    )
    for c in catatan:
        doc.add_paragraph(f"Catatan: {c}")
    keluaran.isi_tabel(doc, semua)
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
    for i, t in enumerate(dari_docx, start=len(dok.temuan) + 1):
        doc.add_heading(f"{i}. {t.lokasi}", 3)
        doc.add_paragraph(f"{t.nama_aturan}. Terbit: {t.terbit}; hasil perhitungan: {t.hitung}.")
        doc.add_paragraph(f"Rumus: {t.rumus}")
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    doc.save(tujuan)
    import json

    tujuan.with_suffix(".json").write_text(
        json.dumps([t.sebagai_dict() for t in semua], ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return tujuan
