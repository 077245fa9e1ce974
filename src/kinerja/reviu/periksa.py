"""The reviu of a report file or an already-read document: read, run every rule, sort."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from kinerja.reviu.aturan import jalankan
from kinerja.reviu.dokumen import Dokumen, Temuan
from kinerja.reviu.ekstrak import BerkasTidakTerbaca, baca_berkas, baca_teks

URUTAN_BAB = (
    "KATA PENGANTAR",
    "RINGKASAN EKSEKUTIF",
    "BAB I",
    "BAB II",
    "BAB III",
    "BAB IV",
    "LAMPIRAN",
    "DATA PENDUKUNG",
)


@dataclass
class HasilReviu:
    dokumen: Dokumen
    temuan: list[Temuan]
    detik: float = 0.0
    catatan: list[str] = field(default_factory=list)

    def per_bab(self) -> dict[str, list[Temuan]]:
        hasil: dict[str, list[Temuan]] = {}
        for t in self.temuan:
            hasil.setdefault(t.bab or "(tanpa bab)", []).append(t)
        return hasil


def _kunci_bab(bab: str) -> int:
    for i, awal in enumerate(URUTAN_BAB):
        if bab.upper().startswith(awal):
            return i
    return len(URUTAN_BAB)


def _kunci_lokasi(t: Temuan) -> tuple:
    m = re.match(r"Tabel (\d+)", t.lokasi)
    return (_kunci_bab(t.bab), int(m.group(1)) if m else 10**6, t.lokasi)


def periksa_dokumen(dok: Dokumen) -> HasilReviu:
    awal = time.perf_counter()
    temuan = sorted(jalankan(dok), key=_kunci_lokasi)
    return HasilReviu(dok, temuan, time.perf_counter() - awal, list(dok.catatan))


def periksa_berkas(
    path: Path | str,
    *,
    nama: str | None = None,
    pembanding: Path | str | None = None,
    nama_pembanding: str | None = None,
) -> HasilReviu:
    """The reviu of a DOCX, PDF or text LKIP; BerkasTidakTerbaca when it (or the previous
    year's report given as `pembanding`) cannot be read."""
    awal = time.perf_counter()
    dok = baca_berkas(path, nama=nama)
    if pembanding is not None:
        try:
            dok.pembanding = baca_berkas(pembanding, nama=nama_pembanding)
        except BerkasTidakTerbaca as e:
            raise BerkasTidakTerbaca(f"LKIP pembanding (tahun lalu): {e}") from None
    hasil = periksa_dokumen(dok)
    hasil.detik = time.perf_counter() - awal
    return hasil


def periksa_teks(teks: str, *, sumber: str = "teks") -> HasilReviu:
    return periksa_dokumen(baca_teks(teks, sumber=sumber))
