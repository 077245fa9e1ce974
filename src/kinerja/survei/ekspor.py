"""Excel exports (openpyxl) of every results table and of the per-respondent sheet.

The per-respondent sheet follows the Permen's lampiran (lembar pengolahan data): one
pseudonymous row per valid questionnaire (No. 1..n, never an id, name, phone or address),
one column per unsur (or per item for the IEK, headed with its unsur), then Σ nilai,
jumlah terisi, NRR, NRR tertimbang, IKM and konversi, so anyone can recompute the index.
Numbers are written as numbers (full precision); the sheet's number format shows 2-4 dp.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from kinerja.rumus.ikm import ATURAN_GABUNG

TEBAL = Font(bold=True)


def _tulis(ws, judul: list[str], baris):
    ws.append(judul)
    for c in ws[1]:
        c.font = TEBAL
    for b in baris:
        ws.append([float(x) if isinstance(x, Decimal) else x for x in b])


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
    ws.append([f"{p.kuesioner.nama} — {p} ({p.kuesioner.metode})"])
    satu = len({b.unsur_id for b in kolom}) == len(kolom)
    judul = [
        "No. responden",
        *[b.unsur.kode if satu else f"{b.kode} ({b.unsur.kode})" for b in kolom],
    ]
    ws.append(judul)
    for c in ws[2]:
        c.font = TEBAL
    for r in grid["baris"]:
        ws.append([r["nomor"], *r["nilai"]])
    ws.append(["Σ nilai per butir", *grid["jumlah"]])
    ws.append(["Jumlah terisi", *grid["terisi"]])
    if h is not None:
        nrr_butir = [
            Decimal(j) / t if t else None
            for j, t in zip(grid["jumlah"], grid["terisi"], strict=True)
        ]
        ws.append(["NRR per butir", *[float(x) if x is not None else None for x in nrr_butir]])
        ws.append(
            [
                "NRR unsur",
                *[float(h.nrr[b.unsur.kode]) if b.unsur.kode in h.nrr else None for b in kolom],
            ]
        )
        ws.append(
            [
                "NRR tertimbang",
                *[
                    float(h.nrr_tertimbang[b.unsur.kode]) if b.unsur.kode in h.nrr else None
                    for b in kolom
                ],
            ]
        )
        ws.append(["IKM (Σ NRR tertimbang)", float(h.ikm)])
        ws.append(["Konversi (IKM × 25)", float(h.konversi)])
        ws.append(["Mutu", h.mutu, h.kinerja])
        ws.append(["Rumus", h.rumus])
    for baris in ws.iter_rows(min_row=3):
        for c in baris[1:]:
            if isinstance(c.value, float):
                c.number_format = "0.0000"
    return _bytes(wb)
