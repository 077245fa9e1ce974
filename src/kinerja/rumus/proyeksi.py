"""Early warning: the year-end value and capaian projected from the periods so far.

No regulation prescribes a projection; the monev it serves is Permendagri 86/2017 Pasal
272-274 (pengendalian dan evaluasi triwulanan) and PermenPAN-RB 53/2014 (pemantauan
capaian PK). Method and range are project decisions [D] (docs/keputusan/0052), chosen to be
said in one sentence to a monev meeting:

- kumulatif: the mean of the periods entered continues ("laju rata-rata"); year-end total =
  sum so far + mean × periods not yet entered.
- rata_rata: the periods still to come are like the ones so far; year-end mean = mean so far.
- nilai_akhir: a straight-line trend over the periods so far (least squares) carried to the
  last period, from three periods on; with one or two, the last value stays ("nilai
  terakhir tetap").

The range treats the periods as draws around their mean (or around the trend line): the
year-end value ± z × its standard error (z = 1.28: a range that holds the outcome about 8
times in 10 if the pattern holds). It needs two periods (three for a trend); before that
the range is not given and the sentence says so. Missing periods are never read as 0: they
count among the periods still to come.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from kinerja.rumus.bilangan import PRESISI, D, DataTidakValid, jumlah, rata_rata
from kinerja.rumus.bilangan import teks_ringkas as teks
from kinerja.rumus.capaian import hitung_capaian, pilih
from kinerja.rumus.periode import CARA_AGREGASI

Z_BAWAAN = Decimal("1.28")  # two-sided 80 % of a normal distribution
CAKUPAN_BAWAAN = 80

METODE = {
    "kumulatif": "laju rata-rata per periode",
    "rata_rata": "rata-rata periode berjalan",
    "tren": "tren garis lurus",
    "tetap": "nilai terakhir tetap",
}


@dataclass(frozen=True)
class Proyeksi:
    nilai: Decimal | None  # projected yearly value (before capaian)
    bawah: Decimal | None  # range of the yearly value (None when not estimable)
    atas: Decimal | None
    metode: str  # key of METODE
    uraian: str  # the method in words, with the figures used
    terisi: int  # periods with a value
    n: int  # periods in the year


def _akar(x: Decimal) -> Decimal:
    with localcontext() as c:
        c.prec = PRESISI
        return x.sqrt() if x > 0 else Decimal(0)


def _ragam(x: list[Decimal]) -> Decimal:
    """Sample variance (n − 1)."""
    m = rata_rata(x)
    with localcontext() as c:
        c.prec = PRESISI
        return sum(((v - m) ** 2 for v in x), Decimal(0)) / (len(x) - 1)


def proyeksi_nilai(
    nilai: Sequence[Decimal | str | None], *, n: int, cara: str, z: Decimal = Z_BAWAAN
) -> Proyeksi:
    """Project the yearly value from the first periods of the year [D] (keputusan 0052).

    `nilai` are the periods elapsed (1-based; None = not entered), `n` the periods in the
    year (12 months, 4 quarters, 2 semesters)."""
    pilih(cara, bidang="cara", pilihan=CARA_AGREGASI)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise DataTidakValid(
            f"n: jumlah periode harus bilangan bulat ≥ 1, diterima {n!r}", bidang="n"
        )
    if len(nilai) > n:
        raise DataTidakValid(
            f"nilai: {len(nilai)} periode melebihi {n} periode dalam setahun", bidang="nilai"
        )
    z = D(z, bidang="z")
    titik = [
        (ke, D(x, bidang=f"nilai periode {ke}")) for ke, x in enumerate(nilai, 1) if x is not None
    ]
    m = len(titik)
    if m == 0:
        return Proyeksi(None, None, None, "", "belum ada realisasi periode", 0, n)
    angka = [x for _, x in titik]
    with localcontext() as c:
        c.prec = PRESISI
        if cara in ("kumulatif", "rata_rata"):
            rerata = rata_rata(angka)
            sisa = n - m
            total = jumlah(angka) + rerata * sisa
            se = None
            if m >= 2:
                # future periods are new draws (variance s²) around a mean known from m
                # periods (variance s²/m): var(sum of the rest) = sisa·s² + sisa²·s²/m
                s2 = _ragam(angka)
                se = _akar(sisa * s2 + Decimal(sisa * sisa) * s2 / m)
            if cara == "kumulatif":
                hasil, metode = total, "kumulatif"
                uraian = (
                    f"jumlah {m} periode {teks(jumlah(angka))} + rata-rata {teks(rerata)} × "
                    f"{sisa} periode tersisa"
                )
            else:
                hasil, metode = total / n, "rata_rata"
                se = se / n if se is not None else None
                uraian = f"rata-rata {m} periode = {teks(rerata)}, periode tersisa dianggap sama"
            if se is None:
                return Proyeksi(hasil, None, None, metode, uraian, m, n)
            return Proyeksi(hasil, hasil - z * se, hasil + z * se, metode, uraian, m, n)
        # nilai_akhir: the last period entered is the yearly value itself
        if titik[-1][0] == n:
            return Proyeksi(
                angka[-1],
                angka[-1],
                angka[-1],
                "tetap",
                f"nilai periode {n} = {teks(angka[-1])}",
                m,
                n,
            )
        if m < 3:
            akhir = angka[-1]
            return Proyeksi(
                akhir, None, None, "tetap", f"nilai periode {titik[-1][0]} = {teks(akhir)}", m, n
            )
        xs = [Decimal(k) for k, _ in titik]
        xm, ym = rata_rata(xs), rata_rata(angka)
        sxx = sum(((x - xm) ** 2 for x in xs), Decimal(0))
        kemiringan = (
            sum(((x - xm) * (y - ym) for x, y in zip(xs, angka, strict=True)), Decimal(0)) / sxx
        )
        potong = ym - kemiringan * xm
        hasil = potong + kemiringan * n
        sisa2 = sum(
            ((y - (potong + kemiringan * x)) ** 2 for x, y in zip(xs, angka, strict=True)),
            Decimal(0),
        ) / (m - 2)
        se = _akar(sisa2 * (1 + Decimal(1) / m + (n - xm) ** 2 / sxx))
        uraian = (
            f"garis lurus melalui {m} periode: {teks(potong)} + {teks(kemiringan)} × periode, "
            f"di periode {n}"
        )
        return Proyeksi(hasil, hasil - z * se, hasil + z * se, "tren", uraian, m, n)


@dataclass(frozen=True)
class ProyeksiCapaian:
    proyeksi: Proyeksi
    capaian: Decimal | None
    bawah: Decimal | None
    atas: Decimal | None
    berisiko: bool  # projected capaian below `batas` (default 100 %)
    metode: str  # the method in words, e.g. "laju rata-rata per periode"
    cakupan: int  # the range's coverage in percent


def proyeksi_capaian(
    nilai: Sequence[Decimal | str | None],
    *,
    n: int,
    cara: str,
    target,
    polaritas: str = "positif",
    metode_negatif: str = "2T-R",
    jenis_target: str = "biasa",
    batas=100,
    z: Decimal = Z_BAWAAN,
    cakupan: int = CAKUPAN_BAWAAN,
) -> ProyeksiCapaian:
    """Projected year-end capaian: `proyeksi_nilai` measured against the yearly target with
    the capaian formula of rumus.capaian (PermenPAN-RB 6/2022 Bab VI). The range's bounds
    are the capaian of the value's bounds (swapped for a negative indicator); an indicator
    is `berisiko` when the projected capaian is below `batas` [D]."""
    p = proyeksi_nilai(nilai, n=n, cara=cara, z=z)
    batas = D(batas, bidang="batas")

    def c(x):
        if x is None:
            return None
        return hitung_capaian(
            realisasi=x,
            target=target,
            polaritas=polaritas,
            metode_negatif=metode_negatif,
            jenis_target=jenis_target,
        ).capaian

    nilai_c = c(p.nilai)
    ujung = [v for v in (c(p.bawah), c(p.atas)) if v is not None]
    bawah, atas = (min(ujung), max(ujung)) if len(ujung) == 2 else (None, None)
    if jenis_target == "tepat" and atas is not None and p.bawah <= D(target) <= p.atas:
        atas = c(D(target))  # an exact target inside the range: the best case is on target
    return ProyeksiCapaian(
        proyeksi=p,
        capaian=nilai_c,
        bawah=bawah,
        atas=atas,
        berisiko=nilai_c is not None and nilai_c < batas,
        metode=METODE.get(p.metode, ""),
        cakupan=cakupan,
    )
