"""The open data as files: CSV, JSON and XLSX of one published unit-year. Every text cell
goes through the project's safe writers (`pertukaran.sel.aman_csv`, `isi_sel`): a value
starting with =, +, -, @ never becomes a formula (keputusan 0036)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from kinerja.rumus.bilangan import teks
from kinerja.terbuka import kamus
from kinerja.terbuka.pemilih import KOLOM, baris


def ke_mesin(x):
    """Decimals as plain machine text ("104.09"), recursively; the JSON and API form."""
    if isinstance(x, Decimal):
        return teks(x)
    if isinstance(x, dict):
        return {k: ke_mesin(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [ke_mesin(v) for v in x]
    return x


def _csv_sel(v) -> str:
    from kinerja.pertukaran.sel import aman_csv

    if isinstance(v, Decimal):
        return teks(v)
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    return aman_csv(v)


def csv_bytes(d: dict) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(KOLOM)
    for r in baris(d):
        w.writerow([_csv_sel(r[k]) for k in KOLOM])
    return buf.getvalue().encode("utf-8")


def json_bytes(d: dict, tautan: dict | None = None) -> bytes:
    isi = ke_mesin(d)
    if tautan:
        isi["unduhan"] = tautan
    return json.dumps(isi, ensure_ascii=False, indent=1).encode("utf-8")


def xlsx_bytes(d: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from kinerja.pertukaran.sel import tambah_baris

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    tambah_baris(ws, KOLOM)
    for sel in ws[1]:
        sel.font = Font(bold=True)
    for r in baris(d):
        tambah_baris(ws, [r[k] for k in KOLOM])
    ws.freeze_panes = "A2"
    k = wb.create_sheet("kamus")
    tambah_baris(k, ["kolom", "tipe", "arti"])
    for nama, tipe, arti in kamus.KOLOM:
        tambah_baris(k, [nama, str(tipe), str(arti)])
    tambah_baris(k, [])
    tambah_baris(k, ["kelompok", "arti", "dasar"])
    for nama, arti, dasar in kamus.KELOMPOK:
        tambah_baris(k, [nama, str(arti), dasar])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
