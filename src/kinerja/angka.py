"""Indonesian display formatting (1.234.567,89; Rp; 104,08%; 31 Januari 2025).

The one place numbers and dates become text for people; built on Babel's id_ID locale so
nobody formats numbers by hand. Values are rounded half up for display only
(docs/keputusan/0001-pembulatan.md).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from kinerja.rumus.bilangan import D, bulat

LOKAL = "id_ID"


class TeksAngka(str):
    """Printed text that still knows the number it shows.

    `angka`, `persen` and `rupiah` return this: a plain string everywhere (Word, PDF, HTML,
    terminal) and, for an Excel writer, the rounded value with the number format that shows
    it the same way (`kinerja.laporan.sel.tulis_sel`; docs/keputusan/0036-sel-excel.md).
    Any string operation (replace, f-string, join) gives a plain str: changed text is text."""

    nilai: Decimal
    format_excel: str

    def __new__(cls, teks: str, nilai: Decimal, format_excel: str):
        obj = super().__new__(cls, teks)
        obj.nilai = nilai
        obj.format_excel = format_excel
        return obj

    def __reduce__(self):
        return (TeksAngka, (str(self), self.nilai, self.format_excel))


def _pola_excel(x: Decimal, dp: int, tetap: bool) -> str:
    if not tetap:
        eksponen = x.normalize().as_tuple().exponent
        dp = min(-eksponen, dp) if isinstance(eksponen, int) and eksponen < 0 else 0
    return "#,##0" + ("." + "0" * dp if dp else "")


def angka(nilai, dp: int = 2, *, tetap: bool = True) -> str:
    """96.55 -> '96,55'; 746367815588 with dp=0 -> '746.367.815.588'. None -> '-'."""
    if nilai is None:
        return "-"
    x = bulat(D(nilai), dp)
    pola = "#,##0" + ("." + ("0" * dp if tetap else "#" * dp) if dp else "")
    teks = format_decimal(x, format=pola, locale=LOKAL, decimal_quantization=False)
    return TeksAngka(teks, x, _pola_excel(x, dp, tetap))


def persen(nilai, dp: int = 2) -> str:
    """104.0881 -> '104,09%' (in Excel: the number 104.09 shown with a literal %)."""
    if nilai is None:
        return "-"
    a = angka(nilai, dp)
    return TeksAngka(f"{a}%", a.nilai, a.format_excel + '"%"')


def rupiah(nilai, dp: int = 0) -> str:
    """746367815588 -> 'Rp746.367.815.588'."""
    if nilai is None:
        return "-"
    a = angka(nilai, dp)
    return TeksAngka(f"Rp{a}", a.nilai, '"Rp"' + a.format_excel)


def tanggal(nilai: dt.date) -> str:
    """date(2025, 1, 31) -> '31 Januari 2025'."""
    return format_date(nilai, format="d MMMM y", locale=LOKAL)


def waktu(nilai: dt.datetime | None) -> str:
    """An instant in the site's time zone: '7 Desember 2026 09.44'. None -> '-'."""
    if nilai is None:
        return "-"
    if nilai.tzinfo is not None:
        from django.utils import timezone

        nilai = timezone.localtime(nilai)
    return format_datetime(nilai, format="d MMMM y HH.mm", locale=LOKAL)


_SATUAN_BERKAS = ("B", "KB", "MB", "GB", "TB")


def ukuran_berkas(bita: int | None) -> str:
    """A file size: 9626 -> '9,4 KB', 512 -> '512 B', 3_500_000 -> '3,3 MB' (1 KB = 1024 B)."""
    if bita is None:
        return "-"
    x, i = D(bita), 0
    while abs(x) >= 1024 and i < len(_SATUAN_BERKAS) - 1:
        x, i = x / 1024, i + 1
    return f"{angka(x, 0 if i == 0 else 1, tetap=False)} {_SATUAN_BERKAS[i]}"


def daftar(teks) -> str:
    """Items in a sentence: ['docx', 'pdf', 'xlsx'] or 'docx,pdf,xlsx' -> 'docx, pdf, xlsx'."""
    if isinstance(teks, str):
        teks = [t.strip() for t in teks.split(",") if t.strip()]
    return ", ".join(str(t) for t in teks)


_ANGKA_MESIN = re.compile(r"(?<![\w.,])-?\d+(?:\.(\d+))?(?![\w.,]*\d)")


def rumus(teks: str | None) -> str:
    """A formula the engine wrote in machine form, for people: '80 / 85.5 × 100%' ->
    '80 / 85,5 × 100%'; '746367815588 / 1000' -> '746.367.815.588 / 1.000'."""
    if not teks:
        return teks or ""

    def ganti(m: re.Match) -> str:
        if m.group(1) is None and len(m.group(0).lstrip("-")) < 5:
            return m.group(0)  # 2024 stays a year, 100 stays 100
        return angka(m.group(0), len(m.group(1) or ""), tetap=False)

    return _ANGKA_MESIN.sub(ganti, str(teks))


def desimal_atau_teks(nilai, dp: int = 2) -> str:
    """Numbers formatted (whole Rupiah amounts without decimals), labels such as 'WTP (3)'
    passed through, None shown as '(kosong)'."""
    if nilai is None:
        return "(kosong)"
    try:
        x = D(nilai)
    except ValueError:
        return str(nilai)
    if x == x.to_integral_value() and abs(x) >= 1_000_000:
        return angka(x, 0)
    return angka(x, dp)


def angka_ringkas(nilai, dp_maks: int = 4) -> str:
    """A value in a sentence: 80 -> '80', 97.46 -> '97,46', 104.0881 -> '104,0881'."""
    if nilai is None:
        return "-"
    return angka(nilai, dp_maks, tetap=False)
