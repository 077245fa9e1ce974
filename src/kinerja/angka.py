"""Indonesian display formatting (1.234.567,89; Rp; 104,08%; 31 Januari 2025).

The one place numbers and dates become text for people; built on Babel's id_ID locale so
nobody formats numbers by hand. Values are rounded half up for display only
(docs/keputusan/0001-pembulatan.md).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.numbers import format_decimal

from kinerja.rumus.bilangan import D, bulat

LOKAL = "id_ID"


def angka(nilai, dp: int = 2, *, tetap: bool = True) -> str:
    """96.55 -> '96,55'; 746367815588 with dp=0 -> '746.367.815.588'. None -> '-'."""
    if nilai is None:
        return "-"
    x = bulat(D(nilai), dp)
    pola = "#,##0" + ("." + ("0" * dp if tetap else "#" * dp) if dp else "")
    return format_decimal(x, format=pola, locale=LOKAL, decimal_quantization=False)


def persen(nilai, dp: int = 2) -> str:
    """104.0881 -> '104,09%'."""
    return "-" if nilai is None else f"{angka(nilai, dp)}%"


def rupiah(nilai, dp: int = 0) -> str:
    """746367815588 -> 'Rp746.367.815.588'."""
    return "-" if nilai is None else f"Rp{angka(nilai, dp)}"


def tanggal(nilai: dt.date) -> str:
    """date(2025, 1, 31) -> '31 Januari 2025'."""
    return format_date(nilai, format="d MMMM y", locale=LOKAL)


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
