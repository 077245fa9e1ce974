"""Reviu of published figures against the data: recompute each one from its inputs and list
the mismatches.

PermenPAN-RB 53/2014 (tata cara reviu atas LKIP) asks APIP to check that the report's
figures are right. Here each published figure (an `AngkaTerbit` row, read by the apps'
selectors) is a `Pemeriksaan`: the printed value, the value the engine computes from the
stored inputs, the formula in words and the inputs. A mismatch beyond the tolerance
(docs/keputusan/0013-reviu-toleransi.md) becomes a `Temuan`; `kinerja.lkip.reviu.temuan_data`
prints it beside the document checks of `kinerja.reviu.periksa`. Formerly
`kinerja.rumus.reviu`; it lives in the one reviu package since keputusan 0030.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.bilangan import D, bulat, potong

TOLERANSI_BAKU = Decimal("0.01")


@dataclass(frozen=True)
class Pemeriksaan:
    """One published figure and how to recompute it."""

    kode: str  # stable key, e.g. "tabel-18/sasaran-2"
    uraian: str  # what the figure is, in Indonesian
    sumber: str  # where it is printed, e.g. "Tabel 18"
    terbit: Decimal | str | None  # the printed value (None: printed blank)
    hitung: Decimal | str | None  # the value recomputed from the inputs
    rumus: str  # the formula with its inputs
    masukan: Mapping[str, str] = field(default_factory=dict)
    catatan: str = ""  # why they differ, when known


@dataclass(frozen=True)
class Temuan:
    kode: str
    uraian: str
    sumber: str
    terbit: str
    hitung: str
    selisih: Decimal | None
    rumus: str
    masukan: Mapping[str, str]
    catatan: str


def _sama(terbit, hitung, toleransi: Decimal) -> tuple[bool, Decimal | None]:
    if terbit is None or hitung is None:
        return terbit is None and hitung is None, None
    try:
        a, b = D(terbit), D(hitung)
    except ValueError:
        # Qualitative figures (labels) must match exactly, ignoring case and spaces.
        return str(terbit).strip().casefold() == str(hitung).strip().casefold(), None
    selisih = b - a
    if abs(selisih) <= toleransi:
        return True, selisih
    # A figure printed with fewer decimals (101.5, 106.5) matches when the recomputed value
    # rounds or truncates to it at that precision. Whole numbers ("100") get no such slack.
    dp = -a.as_tuple().exponent if isinstance(terbit, str) else 0
    if dp > 0 and a in (bulat(b, dp), potong(b, dp)):
        return True, selisih
    return False, selisih


def reviu(
    pemeriksaan: Iterable[Pemeriksaan], *, toleransi: Decimal = TOLERANSI_BAKU
) -> list[Temuan]:
    """Every figure whose printed value differs from its recomputation by more than toleransi.

    A printed blank where a value is computable (or the reverse) is always a finding.
    """
    temuan = []
    for p in pemeriksaan:
        cocok, selisih = _sama(p.terbit, p.hitung, toleransi)
        if cocok:
            continue
        temuan.append(
            Temuan(
                kode=p.kode,
                uraian=p.uraian,
                sumber=p.sumber,
                terbit="(kosong)" if p.terbit is None else str(p.terbit),
                hitung="(tidak dapat dihitung)" if p.hitung is None else str(p.hitung),
                selisih=selisih,
                rumus=p.rumus,
                masukan=dict(p.masukan),
                catatan=p.catatan,
            )
        )
    return temuan
