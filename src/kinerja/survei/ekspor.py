"""Excel exports (openpyxl) of every results table and of the per-respondent sheet.

The per-respondent sheet follows the Permen's lampiran (lembar pengolahan data): one
pseudonymous row per valid questionnaire (No. 1..n, never an id, name, phone or address),
one column per unsur (or per item for the IEK, headed with its unsur), then Σ nilai,
jumlah terisi, NRR, NRR tertimbang, IKM and konversi, so anyone can recompute the index.
Numbers are written as numbers (Excel's 15 digits); computed figures show 4 dp, counts none.
Every cell goes through `kinerja.pertukaran.sel.isi_sel`, so a label or answer text can never
become a formula.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja.pertukaran.sel import isi_sel
from kinerja.rumus.ikm import ATURAN_GABUNG

TEBAL = Font(bold=True)


def _baris(ws, nilai) -> None:
    """One row: whole numbers as counts, other numbers with 4 decimals, text as text."""
    nilai = list(nilai)
    ws.append([None] * max(len(nilai), 1))
    r = ws.max_row
    for j, x in enumerate(nilai, start=1):
        if isinstance(x, float):
            x = Decimal(repr(x))
        if isinstance(x, Decimal):
            bulat = x == x.to_integral_value()
            isi_sel(ws.cell(row=r, column=j), int(x) if bulat else x, dp=None if bulat else 4)
        else:
            isi_sel(ws.cell(row=r, column=j), x)


def _tulis(ws, judul: list[str], baris):
    _baris(ws, judul)
    for c in ws[1]:
        c.font = TEBAL
    for b in baris:
        _baris(ws, b)


def _nilai(a):
    return a.konversi if a is not None and a.gabungan is not None else None


def _mutu(a):
    return a.gabungan.mutu if a is not None and a.gabungan is not None else None


def _km(a):
    return a.kecukupan.status if a is not None and a.kecukupan is not None else None


def _bytes(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def buku_hasil(lap) -> bytes:
    """Every table of the results page, one sheet each, plus the rules used."""
    wb = Workbook()
    per = [f"{k[1]} {k[2]} {k[0]}" for k in lap.periode]

    def tabel(ws, daftar, kunci_nama):
        judul = [
            "No",
            "Nama",
            *per,
            f"Tahun {lap.tahun}",
            "Mutu",
            "n",
            "Populasi",
            "Krejcie-Morgan",
            "Aturan",
        ]
        baris = []
        for i, u in enumerate(daftar, start=1):
            t = u["tahun"]
            baris.append(
                [i, str(u[kunci_nama]), *[_nilai(u["per_periode"].get(k)) for k in lap.periode],
                 _nilai(t), _mutu(t), t.n, t.populasi, _km(t), t.aturan]
            )  # fmt: skip
        _tulis(ws, judul, baris)

    ws = wb.active
    ws.title = "Per unit"
    tabel(ws, lap.unit, "organisasi")
    tabel(wb.create_sheet("Per wilayah"), lap.wilayah, "organisasi")
    tabel(wb.create_sheet("Per layanan"), lap.layanan, "layanan")
    tabel(wb.create_sheet("Total"), [{"organisasi": lap.organisasi, **lap.total}], "organisasi")
    _tulis(
        wb.create_sheet("Per unsur (NRR)"),
        ["Kode", "Unsur", *per, f"Tahun {lap.tahun}", "Konversi tahun"],
        [
            [u["kode"], u["nama"], *[u["per_periode"].get(k) for k in lap.periode], u["tahun"],
             u["tahun"] * 25 if u["tahun"] is not None else None]
            for u in lap.unsur
        ],
    )  # fmt: skip
    _tulis(
        wb.create_sheet("Putaran"),
        ["Unit", "Layanan", "Periode", "n valid", "Populasi", "Minimum K-M", "Status K-M", "IKM", "Konversi", "Mutu"],
        [
            [h.putaran.organisasi.nama, h.putaran.layanan.nama if h.putaran.layanan_id else "",
             h.putaran.label_periode, h.n, h.putaran.populasi,
             h.kecukupan.minimum if h.kecukupan else None, h.kecukupan.status if h.kecukupan else None,
             h.hasil.ikm if h.hasil else None, h.hasil.konversi if h.hasil else None,
             h.hasil.mutu if h.hasil else None]
            for h in lap.putaran
        ],
    )  # fmt: skip
    aturan = wb.create_sheet("Aturan")
    _tulis(
        aturan,
        ["Tingkat", "Aturan", "Uraian"],
        [
            ["layanan dalam satu unit", lap.aturan_layanan, ATURAN_GABUNG[lap.aturan_layanan]],
            ["antarunit", lap.aturan_unit, ATURAN_GABUNG[lap.aturan_unit]],
            ["antarperiode", lap.aturan_periode, ATURAN_GABUNG[lap.aturan_periode]],
            ["NRR per unsur", "gabung_responden", ATURAN_GABUNG["gabung_responden"]],
        ],
    )
    return _bytes(wb)


def buku_grid(grid: dict) -> bytes:
    """The lampiran sheet of one putaran (pemilih.grid_responden)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Per responden"
    p = grid["putaran"]
    kolom = grid["kolom"]
    h = grid["hasil"].hasil
    _baris(ws, [f"{p.kuesioner.nama} — {p} ({p.kuesioner.metode})"])
    satu = len({b.unsur_id for b in kolom}) == len(kolom)
    judul = [
        "No. responden",
        *[b.unsur.kode if satu else f"{b.kode} ({b.unsur.kode})" for b in kolom],
    ]
    _baris(ws, judul)
    for c in ws[2]:
        c.font = TEBAL
    for r in grid["baris"]:
        _baris(ws, [r["nomor"], *r["nilai"]])
    _baris(ws, ["Σ nilai per butir", *grid["jumlah"]])
    _baris(ws, ["Jumlah terisi", *grid["terisi"]])
    if h is not None:
        nrr_butir = [
            Decimal(j) / t if t else None
            for j, t in zip(grid["jumlah"], grid["terisi"], strict=True)
        ]
        _baris(ws, ["NRR per butir", *[x if x is not None else None for x in nrr_butir]])
        _baris(
            ws,
            [
                "NRR unsur",
                *[h.nrr[b.unsur.kode] if b.unsur.kode in h.nrr else None for b in kolom],
            ],
        )
        _baris(
            ws,
            [
                "NRR tertimbang",
                *[h.nrr_tertimbang[b.unsur.kode] if b.unsur.kode in h.nrr else None for b in kolom],
            ],
        )
        _baris(ws, ["IKM (Σ NRR tertimbang)", h.ikm])
        _baris(ws, ["Konversi (IKM × 25)", h.konversi])
        _baris(ws, ["Mutu", h.mutu, h.kinerja])
        _baris(ws, ["Rumus", h.rumus])
    return _bytes(wb)
