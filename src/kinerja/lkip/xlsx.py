"""Every table of the report in one workbook, one sheet per table, named after it.

Sheet names are at most 31 characters and unique (Excel's rules): "T16 Capaian Indikator
Kinerja…" style, the table number first so the sheets sort like the report.

Every cell goes through `kinerja.pertukaran.sel.isi_sel`: a figure the table printed
(`kinerja.angka.TeksAngka`) is a numeric cell with the format that shows the same text in an
Indonesian Excel, everything else is text that cannot become a formula
(docs/keputusan/0036-sel-excel.md).
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kinerja.lkip.dokumen import Dokumen
from kinerja.pertukaran.sel import isi_sel, isi_teks

_TERLARANG = re.compile(r"[\[\]\*\?/\\:]")


def nama_lembar(nomor: int, judul: str, dipakai: set[str]) -> str:
    dasar = _TERLARANG.sub(" ", f"T{nomor} {judul}")
    dasar = re.sub(r"\s+", " ", dasar).strip()[:31].rstrip()
    nama, i = dasar, 2
    while nama.casefold() in dipakai:
        akhiran = f" ({i})"
        nama = dasar[: 31 - len(akhiran)].rstrip() + akhiran
        i += 1
    dipakai.add(nama.casefold())
    return nama


def tulis_xlsx(dok: Dokumen, tujuan: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    dipakai: set[str] = set()
    tebal = Font(bold=True)
    latar = PatternFill("solid", fgColor="DCE6F0")
    for b in dok.tabel:
        t = b.tabel
        ws = wb.create_sheet(nama_lembar(b.nomor, t.judul, dipakai))
        isi_teks(ws.cell(row=1, column=1), f"Tabel {b.nomor} {t.judul}")
        ws["A1"].font = Font(bold=True, size=12)
        for j, k in enumerate(t.kolom, start=1):
            sel = ws.cell(row=2, column=j)
            isi_teks(sel, k)
            sel.font, sel.fill = tebal, latar
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        rata = t.rata or ["kiri"] + ["kanan"] * (len(t.kolom) - 1)
        r_baris = 2
        for baris in t.baris:
            r_baris += 1
            for j, (v, r) in enumerate(zip(baris, rata, strict=False), start=1):
                sel = ws.cell(row=r_baris, column=j)
                isi_sel(sel, v)
                sel.alignment = Alignment(
                    horizontal="right" if r == "kanan" else "left", wrap_text=True, vertical="top"
                )
        for c in t.catatan:
            r_baris += 1
            isi_teks(ws.cell(row=r_baris, column=1), c)
        for i, k in enumerate(t.kolom, start=1):
            panjang = max([len(k)] + [len(x[i - 1]) for x in t.baris])
            ws.column_dimensions[get_column_letter(i)].width = min(max(panjang + 2, 8), 60)
        ws.freeze_panes = "A3"
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    wb.save(tujuan)
    return tujuan
