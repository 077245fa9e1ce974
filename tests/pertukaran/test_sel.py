"""Reading numbers from Excel cells: Indonesian text, Excel floats, refusals with the reason."""

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.pertukaran.sel import BukanAngka, baca_angka, format_angka, teks_indonesia


@pytest.mark.parametrize(
    "sel, harapan",
    [
        ("97,46", "97.46"),
        (97.46, "97.46"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("97.46", "97.46"),
        (" 12 ", "12"),
        (0.1 + 0.2, "0.3"),  # binary noise from an Excel formula, read as Excel shows it
        (1 / 3 * 3, "1"),
        (100, "100"),
        ("-2,5", "-2.5"),
        (746367815588.0, "746367815588"),
    ],
)
def test_baca_angka(sel, harapan):
    assert baca_angka(sel) == Decimal(harapan)


@pytest.mark.parametrize(
    "sel, pesan",
    [
        ("abc", "'abc' bukan angka (contoh: 97,46)"),
        ("1.234", "ambigu"),
        ("0,1234567", "lebih dari 6 angka di belakang koma"),
        (1 / 3, "lebih dari 6 angka di belakang koma"),
        (dt.datetime(2024, 3, 1), "tanggal"),
        (True, "bukan angka"),
        ("97,46%", "bukan angka"),
    ],
)
def test_baca_angka_menolak_dengan_alasan(sel, pesan):
    with pytest.raises(BukanAngka, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_angka(sel)


def test_kosong_adalah_none():
    assert baca_angka(None) is None and baca_angka("  ") is None


def test_format_dan_teks_indonesia():
    assert format_angka(Decimal("96.550000")) == "#,##0.00"
    assert format_angka(Decimal("100")) == "#,##0"
    assert teks_indonesia(Decimal("-1234567.125")) == "-1.234.567,125"
