"""Capaian of a sasaran from its indicators, and the predikat recap (LKIP chapter III).

Seed Tabel 18 ("Rata-Rata Capaian Kinerja Sasaran") takes the arithmetic mean of the
indicators' capaian, unweighted (formulas.md §1.6); Tabel 17 counts indicators per predikat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus.bilangan import D, DataTidakValid, rata_rata, teks_ringkas
from kinerja.rumus.skala import TIDAK_ADA_DATA, skala_capaian


@dataclass(frozen=True)
class HasilSasaran:
    capaian: Decimal | None
    predikat: str
    jumlah_indikator: int
    indikator_tanpa_data: int
    rumus: str


def _baca(capaian: Sequence[Decimal | str | None]) -> list[Decimal | None]:
    return [
        None if x is None else D(x, bidang=f"capaian indikator {ke}")
        for ke, x in enumerate(capaian, start=1)
    ]


def capaian_sasaran(
    capaian_indikator: Sequence[Decimal | str | None], *, skala: str = "dki"
) -> HasilSasaran:
    """Mean capaian of a sasaran's indicators (seed Tabel 18; formulas.md §1.6).

    Indicators without capaian are left out of the mean and counted in
    `indikator_tanpa_data`; with none left the sasaran is None / "N/A".
    """
    s = skala_capaian(skala)
    if not capaian_indikator:
        raise DataTidakValid(
            "capaian_indikator: sasaran harus memiliki minimal satu indikator",
            bidang="capaian_indikator",
        )
    semua = _baca(capaian_indikator)
    ada = [x for x in semua if x is not None]
    tanpa = len(semua) - len(ada)
    if ada:
        nilai = rata_rata(ada)
        suku = " + ".join(teks_ringkas(x) for x in ada)
        rumus = (
            teks_ringkas(ada[0])
            if len(ada) == 1
            else f"({suku}) / {len(ada)} = {teks_ringkas(nilai)}"
        )
    else:
        nilai, rumus = None, "tidak ada indikator dengan capaian"
    if tanpa and ada:
        rumus += f" ({tanpa} indikator tanpa data tidak dihitung)"
    return HasilSasaran(
        capaian=nilai,
        predikat=s.label(nilai),
        jumlah_indikator=len(semua),
        indikator_tanpa_data=tanpa,
        rumus=rumus,
    )


def rekap_predikat(
    capaian: Sequence[Decimal | str | None], *, skala: str = "dki"
) -> dict[str, int]:
    """Number of indicators per predikat, every label of the scale in order plus N/A (Tabel 17)."""
    s = skala_capaian(skala)
    hasil = dict.fromkeys([*s.labels(), TIDAK_ADA_DATA], 0)
    for x in _baca(capaian):
        hasil[s.label(x)] += 1
    return hasil
