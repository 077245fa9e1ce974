"""Reading and writing numbers in Excel cells without binary floating point errors.

Reading: openpyxl gives a float for a numeric cell. Excel itself keeps 15 significant digits
(what its formula bar shows), so a float becomes `Decimal(repr(x))` rounded to 15 significant
digits: 97.46 stays 97.46 and a computed 0.30000000000000004 becomes 0.3. The cell's display
format is deliberately ignored: "0.00" may hide digits the user typed. Text cells are read in
Indonesian form ("97,46", "1.234,5") or machine form ("97.46"); "1.234" is ambiguous and refused.
At most 6 decimal places are accepted (the database columns keep 6; see `ANGKA`), so nothing
is rounded silently.

Writing (`isi_sel`, the one function every XLSX writer of the system puts a cell through):
text from people is always text: a value starting with `=`, `+`, `-`, `@`, tab or CR is stored
as a string with Excel's quote prefix, so it can never become a formula (issue 14, formula
injection; `aman_csv` does the same for CSV). A printed figure (`kinerja.angka.TeksAngka`) is
written as its number with the format that shows it the same way; dates as dates.
Decimal values go in as numbers with a format code showing exactly their decimals
("#,##0.00"); Excel draws the separators of the reader's locale, so an Indonesian Excel shows
1.234,56. Numbers with more than 15 significant digits would lose digits in Excel and are
written as Indonesian text instead, which the importer reads back exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Context, Decimal

from kinerja.inti.nilai import BatasDesimal

DIGIT_EXCEL = 15
DESIMAL_MAKS = 6
# perencanaan.models.ANGKA: realisasi, targets, comparison values
ANGKA = BatasDesimal(digit=24, desimal=DESIMAL_MAKS)
CONTOH = "contoh: 97,46"

_INDONESIA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")
_MESIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_RIBUAN = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")


class BukanAngka(ValueError):
    """A cell that is not a usable decimal; the message says what was found and the form expected."""


def _dari_float(x: float) -> Decimal:
    d = Decimal(repr(x))
    if d.is_zero():
        return Decimal(0)
    return d.normalize(Context(prec=DIGIT_EXCEL, rounding=ROUND_HALF_UP))


def baca_angka(nilai, batas: BatasDesimal = ANGKA) -> Decimal | None:
    """The Decimal in a cell; None for an empty cell. Raises BukanAngka with an Indonesian message.

    `batas` is the precision of the column the value goes to (default: realisasi and targets,
    24 digits of which 6 decimals; Rupiah columns keep 2 decimals): a value it cannot hold is
    refused, never rounded (the rule of `kinerja.inti.nilai`)."""
    if nilai is None:
        return None
    if isinstance(nilai, bool):
        raise BukanAngka(f"'{'BENAR' if nilai else 'SALAH'}' bukan angka ({CONTOH})")
    if isinstance(nilai, dt.date | dt.datetime | dt.time):
        raise BukanAngka(
            f"berisi tanggal/waktu ({nilai}), bukan angka; ubah format sel menjadi Angka ({CONTOH})"
        )
    if isinstance(nilai, int):
        hasil = Decimal(nilai)
    elif isinstance(nilai, float):
        if nilai != nilai or nilai in (float("inf"), float("-inf")):
            raise BukanAngka(f"'{nilai}' bukan angka terhingga ({CONTOH})")
        hasil = _dari_float(nilai)
    elif isinstance(nilai, Decimal):
        hasil = nilai
    else:
        teks = str(nilai).replace("\u00a0", "").replace(" ", "").strip()
        if not teks:
            return None
        if "," in teks and _INDONESIA.match(teks):
            hasil = Decimal(teks.replace(".", "").replace(",", "."))
        elif _RIBUAN.match(teks) and teks.count(".") > 1:
            hasil = Decimal(teks.replace(".", ""))
        elif _RIBUAN.match(teks):
            raise BukanAngka(
                f"'{nilai}' ambigu: tulis {teks.replace('.', '')} bila maksudnya ribuan, "
                f"atau {teks.replace('.', ',')} bila desimal"
            )
        elif _MESIN.match(teks):
            hasil = Decimal(teks)
        else:
            raise BukanAngka(f"'{nilai}' bukan angka ({CONTOH})")
    if not hasil.is_finite():
        raise BukanAngka(f"'{nilai}' bukan angka terhingga ({CONTOH})")
    eksponen = hasil.normalize().as_tuple().exponent
    if isinstance(eksponen, int) and eksponen < -batas.desimal:
        if batas.desimal == 0:
            raise BukanAngka(f"'{nilai}' harus bilangan bulat (tanpa angka di belakang koma)")
        raise BukanAngka(
            f"'{nilai}' memiliki lebih dari {batas.desimal} angka di belakang koma "
            f"(paling banyak {batas.desimal}); bulatkan dulu, nilai tidak dibulatkan otomatis "
            f"({CONTOH})"
        )
    if abs(hasil) >= batas.maksimum:
        raise BukanAngka(
            f"'{nilai}' terlalu besar (paling banyak {batas.digit_bulat} digit sebelum koma)"
        )
    return hasil + 0  # drop a negative zero


def teks_indonesia(nilai: Decimal) -> str:
    """Plain Indonesian form without rounding: Decimal('1234.5') -> '1.234,5'."""
    tanda = "-" if nilai < 0 else ""
    bulat, _, pecahan = format(abs(nilai).normalize(), "f").partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return tanda + bulat + ("," + pecahan if pecahan else "")


def format_angka(nilai: Decimal, *, dp: int | None = None) -> str:
    """Excel number format showing `dp` decimals (default: exactly those of the value)."""
    if dp is None:
        eksponen = nilai.normalize().as_tuple().exponent
        dp = min(-eksponen, DESIMAL_MAKS) if isinstance(eksponen, int) and eksponen < 0 else 0
    return "#,##0" + ("." + "0" * dp if dp else "")


_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
FORMAT_TANGGAL = "dd-mm-yyyy"
FORMAT_WAKTU = "dd-mm-yyyy hh:mm"


def isi_teks(sel, teks: str) -> None:
    """Text stays text: never a formula, whatever it starts with."""
    sel.value = teks
    if teks.startswith(_AWAL_RUMUS):
        sel.data_type = "s"
        sel.quotePrefix = True


def aman_csv(nilai) -> str:
    """A CSV field that a spreadsheet cannot run: "=1+1" -> "'=1+1"."""
    teks = "" if nilai is None else str(nilai)
    return "'" + teks if teks.startswith(_AWAL_RUMUS) else teks


def isi_sel(sel, nilai, *, dp: int | None = None) -> None:
    """Put a value in a cell: numbers as numbers with a format, dates as dates, text as text.

    Decimals get an exact format; with `dp` given (computed figures such as capaian) Excel's
    15 digits are enough; without it (entered data meant for re-import) a longer number is
    written as exact Indonesian text. A `TeksAngka` (a figure printed by kinerja.angka) becomes
    its rounded number with the format that prints it the same way ("93,93%" -> 93.93 shown
    as 93,93%). Whole numbers get `#,##0`; floats are taken at Excel's 15 digits."""
    from kinerja.angka import TeksAngka

    if isinstance(nilai, TeksAngka):
        if len(nilai.nilai.as_tuple().digits) > DIGIT_EXCEL:
            isi_teks(sel, str(nilai))
            return
        sel.value = nilai.nilai
        sel.number_format = nilai.format_excel
    elif isinstance(nilai, str):
        isi_teks(sel, nilai)
    elif isinstance(nilai, bool) or nilai is None:
        sel.value = nilai
    elif isinstance(nilai, Decimal):
        if dp is None and len(nilai.normalize().as_tuple().digits) > DIGIT_EXCEL:
            sel.value = teks_indonesia(nilai)
            return
        sel.value = nilai
        sel.number_format = format_angka(nilai, dp=dp)
    elif isinstance(nilai, int):
        sel.value = nilai
        sel.number_format = "#,##0"
    elif isinstance(nilai, float):
        isi_sel(sel, _dari_float(nilai), dp=dp)
    elif isinstance(nilai, dt.datetime):
        if nilai.tzinfo is not None:
            from django.utils import timezone

            nilai = timezone.localtime(nilai).replace(tzinfo=None)
        sel.value = nilai
        sel.number_format = FORMAT_WAKTU
    elif isinstance(nilai, dt.date):
        sel.value = nilai
        sel.number_format = FORMAT_TANGGAL
    else:
        isi_teks(sel, str(nilai))


def tambah_baris(ws, nilai, *, dp: dict[int, int] | None = None) -> int:
    """Append a row, every cell through `isi_sel` (dp per 1-based column). Returns the row."""
    nilai = list(nilai)
    ws.append([None] * max(len(nilai), 1))
    baris = ws.max_row
    for j, v in enumerate(nilai, start=1):
        isi_sel(ws.cell(row=baris, column=j), v, dp=(dp or {}).get(j))
    return baris
