"""Excel export of every budget table (Tabel 67-74, the data errors, the NKA steps) and the
monthly import template filled with the current data.

Cells keep their values: Rupiah and percentages are numbers with a display format
(kinerja.pertukaran.sel.isi_sel), so the file recomputes in Excel and re-imports exactly.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja.anggaran.pemilih import HasilAnggaran
from kinerja.pertukaran.sel import isi_sel, tambah_baris
from kinerja.rumus.nka import NAMA_BULAN

_DP = {"rupiah": 0, "persen": 2, "angka": None}


def _lembar(wb, judul: str):
    return wb.create_sheet(judul[:31])


def buku_anggaran(h: HasilAnggaran) -> bytes:
    """One sheet per table, then 'Galat data' and 'Langkah NKA'."""
    wb = Workbook()
    wb.remove(wb.active)
    org, tahun = h.data.organisasi, h.data.tahun
    for kode in ("67", "68", "69", "70", "71", "72", "73", "74"):
        t = h.tabel.get(kode)
        ws = _lembar(wb, f"Tabel {kode}")
        tambah_baris(ws, [f"{t.judul if t else 'Tabel ' + kode} - {org.nama} {tahun}"])
        ws["A1"].font = Font(bold=True)
        if t is None:
            tambah_baris(ws, ["Tidak dihitung: perbaiki galat data (lembar 'Galat data')."])
            continue
        tambah_baris(ws, t.kolom)
        for c in ws[2]:
            c.font = Font(bold=True)
        for i, baris in enumerate(t.baris):
            r = ws.max_row + 1
            for j, (v, f) in enumerate(zip(baris, t.format, strict=True), start=1):
                sel = ws.cell(row=r, column=j)
                isi_sel(sel, v, dp=_DP.get(f))
                if i in t.tebal:
                    sel.font = Font(bold=True)
        for c in t.catatan:
            tambah_baris(ws, [c])
        ws.column_dimensions["A"].width = 60
        for kol in "BCDEF":
            ws.column_dimensions[kol].width = 22
    ws = _lembar(wb, "Galat data")
    tambah_baris(ws, ["Kode", "Tabel", "Pesan"])
    for g in h.galat:
        tambah_baris(ws, [g.kode, g.bagian, g.pesan])
    ws = _lembar(wb, "Langkah NKA")
    for s in h.nka.langkah if h.nka else ["NKA tidak dihitung: perbaiki galat data."]:
        tambah_baris(ws, [s])
    if h.temuan:
        ws = _lembar(wb, "Reviu")
        tambah_baris(ws, ["Kode", "Uraian", "Sumber", "Terbit", "Dihitung", "Selisih"])
        for t in h.temuan:
            tambah_baris(ws, [t.kode, t.uraian, t.sumber, t.terbit, t.hitung])
            isi_sel(ws.cell(row=ws.max_row, column=6), t.selisih, dp=2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def templat_bulanan(h: HasilAnggaran) -> bytes:
    """The import layout (DPA/SIPD-like) with the months already entered."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggaran kas"
    org, tahun = h.data.organisasi, h.data.tahun
    tambah_baris(ws, ["ANGGARAN KAS (RPD) DAN REALISASI BULANAN"])
    tambah_baris(ws, [f"Organisasi: {org.nama}"])
    tambah_baris(ws, [f"Tahun Anggaran {tahun}"])
    tambah_baris(ws, [])
    tambah_baris(ws, ["No", "Bulan", "RPD (Anggaran Kas)", "Realisasi"])
    for c in ws[5]:
        c.font = Font(bold=True)
    for b in h.data.bulan:
        tambah_baris(ws, [b.bulan, NAMA_BULAN[b.bulan - 1]])
        isi_sel(ws.cell(row=ws.max_row, column=3), b.rpd)
        isi_sel(ws.cell(row=ws.max_row, column=4), b.realisasi)
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 24
    ws.column_dimensions["D"].width = 24
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
