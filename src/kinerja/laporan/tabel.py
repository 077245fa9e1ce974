"""A plain table value: what every report table is before it becomes text, Word or Excel."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.angka import TeksAngka


def _sel(s) -> str:
    """A cell's printed text; a figure keeps its number for Excel (kinerja.angka.TeksAngka)."""
    if s is None:
        return ""
    if isinstance(s, str):
        return s  # a TeksAngka stays one
    if isinstance(s, int | Decimal) and not isinstance(s, bool):
        d = Decimal(s)
        eksponen = d.as_tuple().exponent
        dp = -eksponen if isinstance(eksponen, int) and eksponen < 0 else 0
        # printed as str() prints it: no thousands separator (a year stays 2018)
        return TeksAngka(str(s), d, "0" + ("." + "0" * dp if dp else ""))
    return str(s)


@dataclass
class Tabel:
    judul: str
    kolom: list[str]
    baris: list[list[str]] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    # Column alignment per column: "kiri" or "kanan" (numbers).
    rata: list[str] | None = None

    def tambah(self, *sel) -> None:
        if len(sel) != len(self.kolom):
            raise ValueError(f"{self.judul}: {len(sel)} sel, diharapkan {len(self.kolom)}")
        self.baris.append([_sel(s) for s in sel])


def _potong_teks(s: str, lebar: int) -> str:
    return s if len(s) <= lebar else s[: lebar - 1] + "…"


def render_teks(tabel: Tabel, *, lebar_maks: int = 60) -> str:
    """The table as monospaced text for the terminal."""
    rata = tabel.rata or ["kiri"] + ["kanan"] * (len(tabel.kolom) - 1)
    isi = [[_potong_teks(c, lebar_maks) for c in baris] for baris in tabel.baris]
    kepala = [_potong_teks(k, lebar_maks) for k in tabel.kolom]
    lebar = [max([len(kepala[i])] + [len(b[i]) for b in isi]) for i in range(len(kepala))]

    def baris_teks(sel):
        return "  ".join(
            s.rjust(lebar[i]) if rata[i] == "kanan" else s.ljust(lebar[i])
            for i, s in enumerate(sel)
        ).rstrip()

    garis = "  ".join("-" * w for w in lebar)
    keluaran = [tabel.judul, "=" * min(len(tabel.judul), 100), baris_teks(kepala), garis]
    keluaran += [baris_teks(b) for b in isi]
    keluaran += [f"  * {c}" for c in tabel.catatan]
    return "\n".join(keluaran)
