"""What the reviu reads from a report: tables (caption, column names, rows) and sentences
with their figures, each with its location (chapter, page); and what it reports (Temuan)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.reviu.bilangan import KOSONG, Angka, AngkaDiTeks, baca_angka, cari_angka

_TAHUN = re.compile(r"\b(20\d\d)\b")
_NOMOR_BARIS = re.compile(r"^\(?\d{1,3}[.)]?$|^[a-z][.)]$", re.IGNORECASE)
_AWALAN_LABEL = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|-|•)\s+", re.IGNORECASE)


def normal(teks: str) -> str:
    """A label for matching: lower case, numbering, punctuation and brackets' content dropped."""
    t = _AWALAN_LABEL.sub("", teks or "")
    t = re.sub(r"\([^)]*\)", " ", t)
    t = re.sub(r"[^\w\s]", " ", t.casefold())
    return " ".join(t.split())


@dataclass
class Baris:
    sel: list[str]
    label: str
    nomor: str  # the row number as printed ("1", "") when the first cell is a number
    indeks: int  # position among the table's data rows
    ribuan: bool = False  # "1.055" is one thousand fifty-five (a document with comma decimals)

    def angka(self, j: int | None) -> Angka | None:
        if j is None or j < 0 or j >= len(self.sel):
            return None
        return baca_angka(self.sel[j], ribuan_tunggal=self.ribuan)

    def teks(self, j: int) -> str:
        return self.sel[j].strip() if j < len(self.sel) else ""


@dataclass
class Tabel:
    nomor: str | None  # "16" from the caption "Tabel 16 ..."; None without a caption
    judul: str
    kolom: list[str]
    baris: list[Baris]
    bab: str = ""
    halaman: int | None = None
    urutan: int = 0  # position in the document (1-based)

    @property
    def nama(self) -> str:
        return f"Tabel {self.nomor}" if self.nomor else f"tabel ke-{self.urutan} (tanpa judul)"

    @property
    def tahun_judul(self) -> int | None:
        tahun = set(_TAHUN.findall(self.judul))
        return int(tahun.pop()) if len(tahun) == 1 else None

    def lokasi(self, baris: Baris | None = None, kolom: int | None = None) -> str:
        bagian = [self.nama]
        if baris is not None:
            label = baris.label or baris.nomor or f"baris ke-{baris.indeks + 1}"
            bagian.append(f"baris '{_pendek(label)}'")
        if kolom is not None and kolom < len(self.kolom) and self.kolom[kolom]:
            bagian.append(f"kolom '{_pendek(self.kolom[kolom], 50)}'")
        return ", ".join(bagian)


@dataclass
class Kalimat:
    teks: str
    bab: str = ""
    halaman: int | None = None
    angka: list[AngkaDiTeks] = field(default_factory=list)

    @classmethod
    def dari(cls, teks: str, bab: str = "", halaman: int | None = None) -> Kalimat:
        return cls(teks=teks, bab=bab, halaman=halaman, angka=cari_angka(teks))

    def lokasi(self) -> str:
        return f'narasi: "{_pendek(self.teks, 90)}"'


@dataclass
class Dokumen:
    tabel: list[Tabel] = field(default_factory=list)
    kalimat: list[Kalimat] = field(default_factory=list)
    paragraf: list[str] = field(default_factory=list)
    sumber: str = ""
    halaman: int | None = None  # number of pages, when known
    catatan: list[str] = field(default_factory=list)  # what could not be read
    # the previous year's report, when the reviewer gives it (`kinerja reviu --pembanding`)
    pembanding: Dokumen | None = None

    def tabel_bernomor(self, nomor: str) -> Tabel | None:
        return next((t for t in self.tabel if t.nomor == nomor), None)


@dataclass(frozen=True)
class Temuan:
    """One figure that does not hold: where, which check, printed vs recomputed, how."""

    aturan: str  # rule code, e.g. "capaian"
    nama_aturan: str  # the check in Indonesian
    lokasi: str
    bab: str
    halaman: int | None
    terbit: str
    hitung: str
    rumus: str
    uraian: str = ""
    sumber_aturan: str = ""
    selisih: Decimal | None = None

    def sebagai_dict(self) -> dict:
        return {
            "aturan": self.aturan,
            "nama_aturan": self.nama_aturan,
            "lokasi": self.lokasi,
            "bab": self.bab,
            "halaman": self.halaman,
            "terbit": self.terbit,
            "hitung": self.hitung,
            "rumus": self.rumus,
            "uraian": self.uraian,
            "sumber_aturan": self.sumber_aturan,
            "selisih": None if self.selisih is None else str(self.selisih),
        }


def _pendek(teks: str, n: int = 70) -> str:
    teks = str(teks).replace("\\geq", "≥").replace("\\leq", "≤").replace("\\%", "%")
    teks = " ".join(teks.replace("$", "").replace("\\", "").split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def label_baris(sel: list[str]) -> tuple[str, str]:
    """(label, nomor) of a row: the text cells before the first figure; a leading row number
    is kept apart."""
    nomor = ""
    teks = []
    for j, s in enumerate(sel):
        s = s.strip()
        if not s:
            continue
        if j == 0 and re.fullmatch(r"(19|20)\d\d", s):
            teks.append(s)  # a year as the row label (Tabel 66)
            continue
        if j == 0 and _NOMOR_BARIS.match(s) and not teks:
            nomor = s.strip("().")
            continue
        if baca_angka(s) is not None:
            if teks:
                break
            continue
        if s.casefold() in KOSONG:
            continue
        teks.append(s)
    return " ".join(teks).strip(), nomor
