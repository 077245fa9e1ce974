"""The report as a list of blocks, before it becomes Word, PDF or Excel.

`struktur.py` (with the chapters in `bab/`) builds a `Dokumen`; `docx.py`, `xlsx.py` and `reviu.py` only render it, so
every output holds the same tables with the same numbers and the same numbering.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from kinerja.laporan.tabel import Tabel


@dataclass
class Judul:
    teks: str
    tingkat: int = 1  # 1 = BAB, 2 = A/B/C, 3 = sasaran/indikator
    halaman_baru: bool = False


@dataclass
class Paragraf:
    teks: str
    kunci: str = ""  # narrative block key when the text can be edited


@dataclass
class BlokTabel:
    tabel: Tabel
    lebar: list[float] | None = None  # relative column widths
    nomor: int = 0  # set by Dokumen.beri_nomor


@dataclass
class BlokGrafik:
    judul: str
    png: bytes
    lebar_cm: float = 15.5
    nomor: int = 0


@dataclass
class DaftarIsi:
    jenis: str  # "isi", "tabel" or "grafik"


@dataclass
class HalamanBaru:
    pass


@dataclass
class BlokNarasi:
    """A generated text block and what is printed in its place."""

    kunci: str
    judul: str
    otomatis: str
    hash_angka: str
    teks: str
    diedit: bool = False
    perlu_ditinjau: bool = False


def hash_angka(angka: dict) -> str:
    """A fingerprint of the numbers a text was generated from."""
    data = json.dumps(angka, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass
class Dokumen:
    organisasi: object
    tahun: int
    konteks: dict = field(default_factory=dict)  # template fields (cover, signature)
    blok: list = field(default_factory=list)
    narasi: list[BlokNarasi] = field(default_factory=list)
    temuan: list = field(default_factory=list)  # reviu findings (ButirReviu)

    def beri_nomor(self) -> None:
        """Tables and charts numbered in reading order."""
        t = g = 0
        for b in self.blok:
            if isinstance(b, BlokTabel):
                t += 1
                b.nomor = t
            elif isinstance(b, BlokGrafik):
                g += 1
                b.nomor = g

    @property
    def tabel(self) -> list[BlokTabel]:
        return [b for b in self.blok if isinstance(b, BlokTabel)]

    @property
    def grafik(self) -> list[BlokGrafik]:
        return [b for b in self.blok if isinstance(b, BlokGrafik)]
