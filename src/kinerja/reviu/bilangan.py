"""Numbers as an LKIP prints them: "1.234,56", "104,08%", "Rp 2.415.968.591", "93.93".

Reports mix Indonesian notation (dot for thousands, comma for decimals) with figures pasted
from English spreadsheets ("19,051,399,262", "97.77"). The reading rule, per figure:
both separators → the last one is the decimal mark; several of one kind → thousands;
a single dot or comma followed by exactly three digits and a leading group of 1-3 digits →
thousands when `ribuan_tunggal` (Indonesian "1.204"), otherwise a decimal mark.
The printed precision (decimal places) is kept, because a figure printed as 101,5 matches
any value that rounds or truncates to it (docs/keputusan/0039-reviu-dokumen.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kinerja.angka import angka as format_angka
from kinerja.rumus.bilangan import bulat, potong

TOLERANSI = Decimal("0.01")  # as reviu.terbit.TOLERANSI_BAKU (keputusan 0013)

# A number token: optional Rp, sign or parentheses, digits with separators, optional %.
_POLA = re.compile(
    r"(?<![\w/.,])(?P<rp>Rp\.?\s*)?(?P<neg>[-−–]\s?)?(?P<angka>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?P<bintang>\*)?(?P<persen>\s?%)?(?![\w])"
)
KOSONG = {"", "-", "–", "—", "n/a", "na", "n.a", "n.a.", "tidak ada", "x"}


@dataclass(frozen=True)
class Angka:
    """A printed figure: its value, decimal places as printed, and its unit marks."""

    nilai: Decimal
    dp: int
    persen: bool = False
    rupiah: bool = False
    teks: str = ""

    def tampil(self) -> str:
        return tampil(self.nilai, self.dp, persen=self.persen)


def _desimal(s: str, ribuan_tunggal: bool) -> tuple[Decimal, int] | None:
    titik, koma = s.count("."), s.count(",")
    if titik and koma:
        desimal = "," if s.rfind(",") > s.rfind(".") else "."
        ribu = "." if desimal == "," else ","
        bersih = s.replace(ribu, "").replace(desimal, ".")
    elif titik > 1 or koma > 1:
        bersih = s.replace(".", "").replace(",", "")
    elif titik == 1 or koma == 1:
        tanda = "." if titik else ","
        kiri, kanan = s.split(tanda)
        if ribuan_tunggal and len(kanan) == 3 and 1 <= len(kiri) <= 3 and kiri != "0":
            bersih = kiri + kanan
        else:
            bersih = f"{kiri}.{kanan}"
    else:
        bersih = s
    try:
        d = Decimal(bersih)
    except InvalidOperation:
        return None
    return d, max(-d.as_tuple().exponent, 0)


def baca_angka(teks: str, *, ribuan_tunggal: bool = False) -> Angka | None:
    """The figure a table cell holds, or None when the cell is not a single number.

    "104,08%" → 104.08 (persen); "Rp. 779.977.900.621,00" → 779977900621.00; "86*" → 86;
    "(-1,01%)" → -1.01; "N/A", "-", "WTP (3)" → None. `ribuan_tunggal` reads "1.204" as
    1204 (narrative counts); in table cells "93.93" and "1.204" both stay decimals unless the
    column says otherwise, so a cell keeps its dot decimal."""
    if teks is None:
        return None
    s = str(teks).strip().strip("()").strip()
    if s.casefold() in KOSONG:
        return None
    m = _POLA.fullmatch(s)
    if not m:
        return None
    hasil = _desimal(m.group("angka"), ribuan_tunggal)
    if hasil is None:
        return None
    nilai, dp = hasil
    if m.group("neg"):
        nilai = -nilai
    return Angka(
        nilai=nilai,
        dp=dp,
        persen=bool(m.group("persen")),
        rupiah=bool(m.group("rp")),
        teks=s,
    )


@dataclass(frozen=True)
class AngkaDiTeks:
    angka: Angka
    awal: int
    akhir: int
    satuan: str  # the word after the number ("orang", "jiwa/km²", "%"), lower case


_SATUAN = re.compile(r"\s*([A-Za-z²/]+(?:/[A-Za-z²]+)?)")


def cari_angka(teks: str) -> list[AngkaDiTeks]:
    """Every figure in a sentence with its position and the unit word after it.

    Years (1900-2100 without decimals), rule numbers after "Nomor"/"No."/"Tahun" and list
    markers are left out: they are not figures a reviewer checks."""
    hasil = []
    for m in _POLA.finditer(teks):
        a = baca_angka(m.group(0), ribuan_tunggal=True)
        if a is None:
            continue
        sebelum = teks[max(0, m.start() - 12) : m.start()].casefold()
        if re.search(r"(nomor|no\.|tahun|pasal|ayat|pergub|perda|kepgub|tanggal|eps)\s*$", sebelum):
            continue
        if a.dp == 0 and not a.persen and not a.rupiah and 1900 <= a.nilai <= 2100:
            continue
        sesudah = _SATUAN.match(teks, m.end())
        satuan = "%" if a.persen else (sesudah.group(1).casefold() if sesudah else "")
        hasil.append(AngkaDiTeks(a, m.start(), m.end(), satuan))
    return hasil


def cocok(
    terbit: Angka | Decimal, hitung: Decimal, *, toleransi_masukan: Decimal = Decimal(0)
) -> bool:
    """A printed figure matches its recomputation: within 0,01 (plus what the rounding of the
    printed inputs allows), or equal to the recomputed value rounded or truncated to the
    printed decimals (the seed truncates: 95.665 → 95,66), as reviu.terbit does."""
    if isinstance(terbit, Angka):
        nilai, dp = terbit.nilai, terbit.dp
    else:
        nilai, dp = Decimal(terbit), max(-Decimal(terbit).as_tuple().exponent, 0)
    dasar = TOLERANSI if dp >= 2 else TOLERANSI / 2  # "100" for 99,99 is a finding
    if abs(hitung - nilai) <= dasar + toleransi_masukan:
        return True
    # whole numbers ("100") get no rounding slack: 99,99 printed as 100 hides a shortfall
    return dp > 0 and nilai in (bulat(hitung, dp), potong(hitung, dp))


def setengah_satuan(a: Angka) -> Decimal:
    """Half a unit of the last printed decimal: how far the true value may lie."""
    return Decimal(1).scaleb(-a.dp) / 2


def tampil(nilai: Decimal | None, dp: int | None = 2, *, persen: bool = False) -> str:
    """A value in Indonesian notation (kinerja.angka, Babel id_ID)."""
    if nilai is None:
        return "(kosong)"
    if dp is None:
        dp = 2
    if abs(nilai) >= 1_000_000 and nilai == nilai.to_integral_value():
        dp = 0
    return format_angka(nilai, dp) + ("%" if persen else "")


# "104.18" from the engine; "22.379" (three decimals) is left alone: Indonesian thousands
_DESIMAL_TITIK = re.compile(r"(?<![\w.,/])(\d+)\.(\d{1,2}|\d{4,})(?![\w.,/])")


def indonesia(teks: str) -> str:
    """Figures written with a decimal point by the engine's formulas ("104.18") in
    Indonesian notation ("104,18")."""
    return _DESIMAL_TITIK.sub(
        lambda m: tampil(Decimal(f"{m.group(1)}.{m.group(2)}"), len(m.group(2))), teks
    )
