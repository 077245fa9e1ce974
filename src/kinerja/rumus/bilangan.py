"""Decimal helpers shared by the engine modules.

Everything is computed on unrounded Decimal values; rounding is for display only
(docs/keputusan/0001-pembulatan.md) unless a reproduced report demands otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

SERATUS = Decimal(100)
NOL = Decimal(0)

# Working precision for the engine: far beyond any Rupiah or index figure.
PRESISI = 40


class DataTidakValid(ValueError):
    """Input that a formula cannot use. The message is Indonesian and names the field."""

    def __init__(self, pesan: str, *, bidang: str | None = None):
        super().__init__(pesan)
        self.pesan = pesan
        self.bidang = bidang


def D(nilai, *, bidang: str = "nilai") -> Decimal:
    """Convert to Decimal without passing through binary floating point.

    Accepts Decimal, int and decimal strings ("96.55", "1.234,5" is not accepted: the
    engine takes the machine form; parsing Indonesian display form belongs to imports).
    A float is converted through its shortest repr so 0.1 stays 0.1.
    """
    if isinstance(nilai, Decimal):
        hasil = nilai
    elif isinstance(nilai, bool):
        raise DataTidakValid(f"{bidang}: diharapkan angka, bukan nilai benar/salah", bidang=bidang)
    elif isinstance(nilai, int):
        hasil = Decimal(nilai)
    elif isinstance(nilai, float):
        hasil = Decimal(repr(nilai))
    elif isinstance(nilai, str):
        teks = nilai.strip()
        try:
            hasil = Decimal(teks)
        except InvalidOperation:
            raise DataTidakValid(
                f"{bidang}: '{nilai}' bukan angka desimal (contoh yang benar: \"96.55\")",
                bidang=bidang,
            ) from None
    else:
        raise DataTidakValid(
            f"{bidang}: diharapkan angka desimal, diterima {type(nilai).__name__}", bidang=bidang
        )
    if not hasil.is_finite():
        raise DataTidakValid(f"{bidang}: angka harus terhingga", bidang=bidang)
    return hasil


def bagi(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """Division at the engine's working precision."""
    with localcontext() as ctx:
        ctx.prec = PRESISI
        return pembilang / penyebut


def persen(pembilang: Decimal, penyebut: Decimal) -> Decimal:
    """pembilang / penyebut × 100, unrounded."""
    with localcontext() as ctx:
        ctx.prec = PRESISI
        return pembilang * SERATUS / penyebut


def bulat(nilai: Decimal, dp: int = 2) -> Decimal:
    """Round half up to dp decimals (display rule, docs/keputusan/0001-pembulatan.md)."""
    return nilai.quantize(Decimal(1).scaleb(-dp), rounding=ROUND_HALF_UP)


def potong(nilai: Decimal, dp: int = 2) -> Decimal:
    """Truncate to dp decimals: only to reproduce reports that truncate (the seed often does)."""
    return nilai.quantize(Decimal(1).scaleb(-dp), rounding=ROUND_DOWN)


def jumlah(nilai: Iterable[Decimal]) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRESISI
        return sum(nilai, NOL)


def rata_rata(nilai: Iterable[Decimal]) -> Decimal:
    """Arithmetic mean; raises DataTidakValid on an empty list."""
    daftar = list(nilai)
    if not daftar:
        raise DataTidakValid("rata-rata dari daftar kosong tidak terdefinisi")
    with localcontext() as ctx:
        ctx.prec = PRESISI
        return sum(daftar, NOL) / len(daftar)


def rata_rata_geometrik(nilai: Iterable[Decimal]) -> Decimal:
    """Geometric mean (n-th root of the product), used by PMK 22/2021 for capaian output.

    Any zero makes the mean zero; negative values are rejected.
    """
    daftar = list(nilai)
    if not daftar:
        raise DataTidakValid("rata-rata geometrik dari daftar kosong tidak terdefinisi")
    if any(x < 0 for x in daftar):
        raise DataTidakValid("rata-rata geometrik tidak terdefinisi untuk nilai negatif")
    if any(x == 0 for x in daftar):
        return NOL
    with localcontext() as ctx:
        ctx.prec = PRESISI + 10
        log_rata = sum((x.ln() for x in daftar), Decimal(0)) / len(daftar)
        hasil = log_rata.exp()
    with localcontext() as ctx:
        ctx.prec = PRESISI
        return +hasil


def teks(nilai: Decimal | None) -> str | None:
    """Plain machine form of a Decimal (no exponent), for JSON and formulas shown to users."""
    if nilai is None:
        return None
    if nilai == nilai.to_integral_value() and abs(nilai) < Decimal("1e30"):
        return format(nilai.quantize(Decimal(1)), "f")
    return format(nilai.normalize(), "f")


def teks_ringkas(nilai: Decimal | None, dp: int = 4) -> str | None:
    """A value shown inside a formula text: rounded to dp decimals, trailing zeros dropped."""
    if nilai is None:
        return None
    return teks(bulat(nilai, dp))
