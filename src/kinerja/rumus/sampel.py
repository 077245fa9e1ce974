"""Minimum sample size for the SKM: Krejcie & Morgan (1970), as PermenPAN-RB 14/2017 uses it.

The Permen's report outline (BAB II 2.5 "Penentuan Jumlah Responden") refers to the
Krejcie-Morgan table (ikm.md §1.5). The formula with χ² = 3.841, P = 0.5, d = 0.05,
rounded half up, reproduces every row of the published table (tested).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja.rumus.bilangan import D, DataTidakValid, bagi

# Krejcie, R.V. & Morgan, D.W. (1970), "Determining sample size for research activities",
# Educational and Psychological Measurement 30, 607-610, Table 1: (N populasi, S sampel).
TABEL_KREJCIE_MORGAN: tuple[tuple[int, int], ...] = (
    (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40),
    (50, 44), (55, 48), (60, 52), (65, 56), (70, 59), (75, 63), (80, 66), (85, 70),
    (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103),
    (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136),
    (220, 140), (230, 144), (240, 148), (250, 152), (260, 155), (270, 159), (280, 162),
    (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191), (400, 196),
    (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234),
    (650, 242), (700, 248), (750, 254), (800, 260), (850, 265), (900, 269), (950, 274),
    (1000, 278), (1100, 285), (1200, 291), (1300, 297), (1400, 302), (1500, 306),
    (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327),
    (2400, 331), (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351),
    (4500, 354), (5000, 357), (6000, 361), (7000, 364), (8000, 367), (9000, 368),
    (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
    (75000, 382), (1000000, 384),
)  # fmt: skip


def _bilangan_bulat(nilai, *, bidang: str, minimum: int) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai < minimum:
        raise DataTidakValid(
            f"{bidang}: diharapkan bilangan bulat ≥ {minimum}, diterima {nilai!r}", bidang=bidang
        )
    return nilai


def krejcie_morgan(
    populasi: int,
    *,
    chi_kuadrat: Decimal = Decimal("3.841"),
    proporsi: Decimal = Decimal("0.5"),
    galat: Decimal = Decimal("0.05"),
) -> int:
    """Minimum sample S for population N (Krejcie & Morgan 1970; ikm.md §1.5).

    S = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), rounded half up to an integer.
    """
    n = _bilangan_bulat(populasi, bidang="populasi", minimum=1)
    x2 = D(chi_kuadrat, bidang="chi_kuadrat")
    p = D(proporsi, bidang="proporsi")
    d = D(galat, bidang="galat")
    if x2 <= 0 or not 0 < p < 1 or not 0 < d < 1:
        raise DataTidakValid(
            "krejcie_morgan: diharapkan chi_kuadrat > 0, 0 < proporsi < 1, 0 < galat < 1",
            bidang="krejcie_morgan",
        )
    pq = p * (1 - p)
    s = bagi(x2 * n * pq, d * d * (n - 1) + x2 * pq)
    return int(s.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class KecukupanSampel:
    """Sample adequacy against the Krejcie-Morgan minimum (ikm.md §1.5)."""

    populasi: int
    minimum: int
    jumlah: int
    memenuhi: bool
    status: str  # "memenuhi" / "kurang"
    sampel_kecil: bool
    pesan: str


def kecukupan_sampel(
    *, jumlah: int, populasi: int, batas_sampel_kecil: int = 30
) -> KecukupanSampel:
    """Is the sample enough? Krejcie-Morgan minimum for the population (ikm.md §1.5).

    batas_sampel_kecil: below this many respondents the index is flagged as resting on a
    small sample (one answer step moves an item's konversi by 25/n points, e.g. 3.57 at
    n = 7 as in the seed's IEK, ikm.md §1.8). 30 is a common rule of thumb, not a regulation.
    """
    populasi = _bilangan_bulat(populasi, bidang="populasi", minimum=1)
    jumlah = _bilangan_bulat(jumlah, bidang="jumlah", minimum=0)
    batas = _bilangan_bulat(batas_sampel_kecil, bidang="batas_sampel_kecil", minimum=0)
    if jumlah > populasi:
        raise DataTidakValid(
            f"jumlah: sampel {jumlah} responden melebihi populasi {populasi}", bidang="jumlah"
        )
    minimum = krejcie_morgan(populasi)
    memenuhi = jumlah >= minimum
    kecil = jumlah < batas
    pesan = (
        f"{jumlah} responden dari populasi {populasi}: "
        + (f"memenuhi minimum {minimum}" if memenuhi else f"kurang dari minimum {minimum}")
        + " (Krejcie-Morgan)"
    )
    if kecil:
        pesan += f"; sampel kecil (< {batas} responden), tafsirkan indeks dengan hati-hati"
    return KecukupanSampel(
        populasi=populasi,
        minimum=minimum,
        jumlah=jumlah,
        memenuhi=memenuhi,
        status="memenuhi" if memenuhi else "kurang",
        sampel_kecil=kecil,
        pesan=pesan,
    )
