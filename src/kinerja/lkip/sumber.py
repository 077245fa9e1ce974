"""Where the survey and budget chapters get their figures: a small adapter.

The database-backed survey (`kinerja.survei`) and budget (`kinerja.anggaran`) apps are still
being written. Until they offer selectors, the Jakarta Pusat 2024 figures come from the
engine-only computation in `kinerja.contoh.perhitungan`. Every source answers the same
questions (`SumberSurveiAnggaran`), so swapping in the database apps later means writing one
class and registering it in `PENYEDIA`; the builders do not change.

The engine tables print the published figure beside the computed one ("Terbit" columns);
the report prints only what the data gives, so those columns are dropped here and the
differences go to the reviu instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from kinerja.laporan.tabel import Tabel
from kinerja.rumus.reviu import Temuan


@dataclass
class DataGrafikAnggaran:
    """Series the budget charts draw (already computed; the chart only draws)."""

    belanja: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)  # uraian, pagu, real
    bulan: list[str] = field(default_factory=list)
    rpd_kumulatif: list[Decimal] = field(default_factory=list)
    realisasi_kumulatif: list[Decimal] = field(default_factory=list)


@dataclass
class RingkasanAnggaran:
    """Key computed budget figures for sentences (None when the source has none)."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    penyerapan: Decimal | None = None
    konsistensi: Decimal | None = None
    capaian_output: Decimal | None = None
    nilai_efisiensi: Decimal | None = None
    nka: Decimal | None = None
    kategori_nka: str = ""


class SumberSurveiAnggaran(Protocol):
    nama: str

    def tabel_survei(self) -> list[Tabel]: ...
    def tabel_koordinasi(self) -> list[Tabel]: ...
    def tabel_riwayat(self) -> list[Tabel]: ...
    def tabel_anggaran(self) -> list[Tabel]: ...
    def grafik_anggaran(self) -> DataGrafikAnggaran: ...
    def ringkasan_anggaran(self) -> RingkasanAnggaran: ...
    def temuan(self) -> list[Temuan]: ...


class SumberKosong:
    """No survey or budget data: the chapters say so instead of printing empty tables."""

    nama = "tidak ada"

    def tabel_survei(self):
        return []

    def tabel_koordinasi(self):
        return []

    def tabel_riwayat(self):
        return []

    def tabel_anggaran(self):
        return []

    def grafik_anggaran(self):
        return DataGrafikAnggaran()

    def ringkasan_anggaran(self):
        return RingkasanAnggaran()

    def temuan(self):
        return []


_AWALAN = re.compile(r"^Tabel [\d\-]+ - ")


def bersihkan(tabel: Tabel) -> Tabel:
    """The table without the published-figure columns and without its seed number (the
    report numbers its tables itself)."""
    buang = {i for i, k in enumerate(tabel.kolom) if "terbit" in k.lower()}
    pilih = [i for i in range(len(tabel.kolom)) if i not in buang]
    rata = tabel.rata or ["kiri"] + ["kanan"] * (len(tabel.kolom) - 1)
    baru = Tabel(
        judul=_AWALAN.sub("", tabel.judul),
        kolom=[tabel.kolom[i] for i in pilih],
        rata=[rata[i] for i in pilih],
    )
    for b in tabel.baris:
        sel = [b[i] for i in pilih]
        if any(s.strip() for s in sel[1:]) or not buang:
            baru.baris.append(sel)
    baru.catatan = [c for c in tabel.catatan if "terbit" not in c.lower()]
    return baru


class SumberContohJakartaPusat:
    """The engine-only computation of the seed's survey and budget tables."""

    nama = "perhitungan contoh Jakarta Pusat 2024 (kinerja.contoh.perhitungan)"

    def __init__(self):
        from kinerja.contoh import perhitungan

        self._p = perhitungan
        self._bagian = {b.judul.split(" (")[0]: b for b in perhitungan.semua_bagian()}
        self._semua = list(self._bagian.values())

    def _tabel(self, awalan: str) -> list[Tabel]:
        for judul, b in self._bagian.items():
            if judul.startswith(awalan):
                return [bersihkan(t) for t in b.tabel]
        return []

    def tabel_survei(self):
        return self._tabel("Survei Kepuasan Masyarakat")

    def tabel_koordinasi(self):
        return self._tabel("Indeks Efektivitas Koordinasi")

    def tabel_riwayat(self):
        return []  # the database holds the history (riwayat_indikator); nothing extra here

    def tabel_anggaran(self):
        return self._tabel("Realisasi anggaran")

    def grafik_anggaran(self):
        from kinerja.contoh import jakarta_pusat_2024 as jp
        from kinerja.rumus.periode import NAMA_BULAN

        return DataGrafikAnggaran(
            belanja=[(u, Decimal(p), Decimal(r)) for u, p, r, _ in jp.BELANJA]
            + [(u, Decimal(p), Decimal(r)) for u, p, r, _ in jp.BELANJA_OPERASI],
            bulan=list(NAMA_BULAN),
            rpd_kumulatif=[Decimal(x) for x in jp.RPD_KUMULATIF],
            realisasi_kumulatif=[Decimal(x) for x in self._p.realisasi_kumulatif_lengkap()],
        )

    def ringkasan_anggaran(self):
        from kinerja.contoh import jakarta_pusat_2024 as jp

        h = self._p.hitung_nka_terkoreksi()
        return RingkasanAnggaran(
            pagu=Decimal(jp.PAGU),
            realisasi=Decimal(jp.REALISASI),
            penyerapan=h.penyerapan,
            konsistensi=h.konsistensi,
            capaian_output=h.capaian_output,
            nilai_efisiensi=h.nilai_efisiensi,
            nka=h.nilai_kinerja_anggaran,
            kategori_nka=h.kategori,
        )

    def temuan(self):
        return self._p.temuan_reviu(self._semua)


# (organisation slug, year) -> source factory. The database apps will register a factory
# that works for every organisation (key None) and this entry can then go.
PENYEDIA: dict[tuple[str, int] | None, Callable[[], SumberSurveiAnggaran]] = {
    ("jakarta-pusat", 2024): SumberContohJakartaPusat,
}


def sumber_untuk(organisasi, tahun: int) -> SumberSurveiAnggaran:
    pabrik = PENYEDIA.get((organisasi.slug, tahun)) or PENYEDIA.get(None) or SumberKosong
    return pabrik()
