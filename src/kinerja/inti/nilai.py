"""One rule per kind of number a user enters, derived from the column that will hold it.

Every entry point (web forms, the API, Excel imports, the survey pages) checks a number with
these functions before a service stores it, so a value that the column cannot hold is refused
with an Indonesian message stating the allowed precision, never rounded silently and never
stored to break later reads (docs/keputusan/0024-batas-angka.md):

- decimals: finite, at most `max_digits - decimal_places` digits before the decimal point and
  at most `decimal_places` after it (trailing zeros do not count: 1,50000000 is 1,5);
- whole numbers: within the range the database gives the column (PositiveIntegerField:
  1..2147483647 on every backend Django supports).

`batas_kolom(Model, "bidang")` reads the precision from the model field itself, so a changed
column changes the rule everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from kinerja import angka as fmt
from kinerja.rumus.bilangan import DataTidakValid

CONTOH = "contoh: 97,46 atau 97.46"


@dataclass(frozen=True)
class BatasDesimal:
    """What a DecimalField holds: `digit` significant digits, `desimal` of them decimals."""

    digit: int
    desimal: int

    @property
    def digit_bulat(self) -> int:
        return self.digit - self.desimal

    @property
    def maksimum(self) -> Decimal:
        """The first value too large for the column (10^digit_bulat)."""
        return Decimal(10) ** self.digit_bulat

    @property
    def uraian(self) -> str:
        return (
            f"paling banyak {self.digit_bulat} digit sebelum koma dan "
            f"{self.desimal} angka di belakang koma"
        )


def batas_kolom(model: type[models.Model], bidang: str) -> BatasDesimal:
    """The precision of `model.bidang` (a DecimalField)."""
    f = model._meta.get_field(bidang)
    if not isinstance(f, models.DecimalField):
        raise TypeError(f"{model.__name__}.{bidang} bukan DecimalField")
    return BatasDesimal(f.max_digits, f.decimal_places)


def _jumlah_desimal(x: Decimal) -> int:
    eksponen = x.normalize().as_tuple().exponent
    return max(-eksponen, 0) if isinstance(eksponen, int) else 0


def masalah_desimal(x: Decimal, batas: BatasDesimal) -> str | None:
    """Why `x` does not fit the column (Indonesian, without the field label), or None."""
    if not x.is_finite():
        return "harus angka terhingga"
    if abs(x) >= batas.maksimum:
        return f"terlalu besar: paling banyak {batas.digit_bulat} digit sebelum koma"
    n = _jumlah_desimal(x)
    if n > batas.desimal:
        if batas.desimal == 0:
            return "harus bilangan bulat (tanpa angka di belakang koma)"
        return (
            f"paling banyak {batas.desimal} angka di belakang koma (diisi {n}); "
            "bulatkan dulu, nilai tidak dibulatkan otomatis"
        )
    return None


def desimal(
    nilai,
    batas: BatasDesimal,
    *,
    label: str,
    bidang: str | None = None,
    non_negatif: bool = False,
) -> Decimal | None:
    """The Decimal in `nilai` (Decimal, int, or a machine-form string "96.55"; an Indonesian
    "96,55" with one comma is also read), checked against the column; None when empty.

    Raises DataTidakValid whose message starts with the label and says the allowed precision.
    """
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise DataTidakValid(f"{label}: diharapkan angka, bukan benar/salah.", bidang=bidang)
    if isinstance(nilai, Decimal):
        x = nilai
    elif isinstance(nilai, int):
        x = Decimal(nilai)
    elif isinstance(nilai, float):
        x = Decimal(repr(nilai)) if nilai == nilai else Decimal("NaN")
    elif isinstance(nilai, str):
        isi = "".join(nilai.split())
        if isi.count(",") == 1 and "." not in isi:
            isi = isi.replace(",", ".")
        if len(isi) > 60:
            raise DataTidakValid(
                f"{label}: bukan angka yang dapat disimpan ({len(isi)} karakter; {batas.uraian}).",
                bidang=bidang,
            )
        try:
            x = Decimal(isi)
        except InvalidOperation:
            raise DataTidakValid(
                f"{label}: '{nilai}' bukan angka ({CONTOH}).", bidang=bidang
            ) from None
    else:
        raise DataTidakValid(
            f"{label}: diharapkan angka, diterima {type(nilai).__name__}.", bidang=bidang
        )
    masalah = masalah_desimal(x, batas)
    if masalah:
        raise DataTidakValid(f"{label} {masalah} ({batas.uraian}).", bidang=bidang)
    if non_negatif and x < 0:
        raise DataTidakValid(f"{label} tidak boleh negatif (diisi {nilai}).", bidang=bidang)
    return x + 0  # drop a negative zero


def batas_bulat(model: type[models.Model], bidang: str) -> tuple[int | None, int | None]:
    """(min, max) of an integer column on every database Django supports (SQLite would take
    more, PostgreSQL not: data must survive a move between them)."""
    f = model._meta.get_field(bidang)
    return BaseDatabaseOperations.integer_field_ranges[f.get_internal_type()]


def bulat(
    nilai,
    *,
    label: str,
    minimum: int | None,
    maksimum: int | None,
    bidang: str | None = None,
    contoh: str = "3",
) -> int | None:
    """A whole number within [minimum, maksimum]; None when empty. Raises DataTidakValid."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    pesan = f"{label}: isi bilangan bulat (contoh: {contoh})."
    if isinstance(nilai, bool):
        raise DataTidakValid(pesan, bidang=bidang)
    if isinstance(nilai, float | Decimal):
        x = Decimal(repr(nilai)) if isinstance(nilai, float) else nilai
        if not x.is_finite() or x != x.to_integral_value():
            raise DataTidakValid(pesan, bidang=bidang)
        nilai = int(x)
    if isinstance(nilai, str):
        isi = nilai.strip()
        if not (isi.lstrip("+-").isdigit() and len(isi) <= 40):
            raise DataTidakValid(pesan, bidang=bidang)
        nilai = int(isi)
    if not isinstance(nilai, int):
        raise DataTidakValid(pesan, bidang=bidang)
    if minimum is not None and nilai < minimum or maksimum is not None and nilai > maksimum:
        bawah = "…" if minimum is None else _bulat_tampil(minimum)
        atas = "…" if maksimum is None else _bulat_tampil(maksimum)
        raise DataTidakValid(
            f"{label} harus bilangan bulat {bawah} sampai {atas} (diisi {_bulat_tampil(nilai)}).",
            bidang=bidang,
        )
    return nilai


def _bulat_tampil(n: int) -> str:
    return fmt.angka(n, 0) if abs(n) < 10**20 else str(n)
