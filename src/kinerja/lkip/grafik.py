"""PNG charts for the Word report, in the same style as the page charts.

Word needs raster images; the pages use SVG (`kinerja.pengukuran.grafik`). The colours,
fonts and axis formatting come from that module so a chart looks the same on a page and in
the report; axis numbers go through kinerja.angka ("1.234,5").
"""

from __future__ import annotations

import io
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from kinerja import angka as fmt  # noqa: E402
from kinerja.pengukuran.grafik import (  # noqa: E402
    ABU,
    BIRU,
    GAYA,
    ORANYE,
    WARNA_PREDIKAT,
    _format_sumbu,
    _teks,
)

DPI = 150
LEBAR = 6.3  # inches: fits the 16 cm text width at 100%


def _figur(tinggi: float, lebar: float = LEBAR):
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(lebar, tinggi), layout="constrained")
        ax = fig.add_subplot()
    return fig, ax


def _png(fig) -> bytes:
    buf = io.BytesIO()
    with matplotlib.rc_context(GAYA):
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _pendek(s: str, n: int = 38) -> str:
    s = _teks(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def batang_predikat(rekap: dict[str, int]) -> bytes:
    """Number of indicators per predikat (seed Grafik 4)."""
    label, nilai = list(rekap), list(rekap.values())
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(2.8)
        b = ax.bar(label, nilai, color=[WARNA_PREDIKAT.get(x, BIRU) for x in label])
        ax.bar_label(b, labels=[fmt.angka(v, 0) for v in nilai], padding=2, fontsize=9)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(_format_sumbu(0))
        ax.set_ylim(0, max([*nilai, 1]) * 1.18)
        ax.set_ylabel("Jumlah indikator")
        ax.tick_params(axis="x", labelsize=9)
    return _png(fig)


def batang_capaian(label: list[str], capaian: list[Decimal | None], predikat: list[str]) -> bytes:
    """Capaian per indicator as horizontal bars, coloured by predikat, 100% marked
    (seed Grafik 5 and 6)."""
    n = len(label)
    nilai = [float(c) if c is not None else 0.0 for c in capaian]
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(0.8 + 0.34 * n)
        y = list(range(n))[::-1]
        b = ax.barh(y, nilai, color=[WARNA_PREDIKAT.get(p, ABU) for p in predikat], height=0.62)
        ax.set_yticks(y, [_pendek(x) for x in label], fontsize=8)
        ax.bar_label(b, labels=[fmt.angka(c, 2) for c in capaian], padding=3, fontsize=8)
        ax.axvline(100, color=ORANYE, linestyle="--", linewidth=1)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(_format_sumbu(0))
        ax.set_xlim(0, max([*nilai, 100]) * 1.16)
        ax.set_xlabel("Capaian (%)")
    return _png(fig)


def garis_tren(
    tahun: list[int], realisasi: list[Decimal | None], target: list[Decimal | None], satuan=""
) -> bytes:
    """Realisasi and target over the years (comparison 2)."""
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(2.7)
        for nilai, warna, gaya, penanda, label in (
            (target, ORANYE, "--", "s", "Target"),
            (realisasi, BIRU, "-", "o", "Realisasi"),
        ):
            xs = [t for t, v in zip(tahun, nilai, strict=True) if v is not None]
            ys = [float(v) for v in nilai if v is not None]
            if not xs:
                continue
            ax.plot(xs, ys, color=warna, linestyle=gaya, marker=penanda, label=label, linewidth=2)
            if label == "Realisasi":
                for x, v in zip(xs, [v for v in nilai if v is not None], strict=True):
                    ax.annotate(
                        fmt.angka(v, 2, tetap=False),
                        (x, float(v)),
                        textcoords="offset points",
                        xytext=(0, 7),
                        ha="center",
                        fontsize=8,
                        color=BIRU,
                    )
        ax.set_xticks(list(tahun), [str(t) for t in tahun])
        ax.yaxis.set_major_formatter(_format_sumbu(2))
        ax.margins(x=0.08, y=0.22)
        if satuan:
            ax.set_ylabel(_teks(satuan))
        ax.legend(loc="lower right", fontsize=8)
    return _png(fig)


def batang_pembanding(label: list[str], nilai: list[Decimal], sorot: list[bool]) -> bytes:
    """This unit (highlighted) against peers and the national standard (comparison 4)."""
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(0.8 + 0.36 * len(label))
        y = list(range(len(label)))[::-1]
        b = ax.barh(
            y, [float(v) for v in nilai], color=[BIRU if s else ABU for s in sorot], height=0.6
        )
        ax.set_yticks(y, [_pendek(x, 34) for x in label], fontsize=8)
        ax.bar_label(b, labels=[fmt.angka(v, 2, tetap=False) for v in nilai], padding=3, fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(_format_sumbu(0))
        ax.set_xlim(0, max([float(v) for v in nilai] + [1]) * 1.15)
    return _png(fig)


def _format_miliar():
    return FuncFormatter(
        lambda x, _p: fmt.angka(Decimal(repr(float(x))) / Decimal(10**9), 0, tetap=False)
    )


def batang_belanja(data: list[tuple[str, Decimal, Decimal]]) -> bytes:
    """Pagu against realisasi per type of spending (seed Grafik 11-12), in billion Rupiah."""
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(2.9)
        x = list(range(len(data)))
        ax.bar([i - 0.2 for i in x], [float(p) for _, p, _ in data], 0.4, color=ABU, label="Pagu")
        b = ax.bar(
            [i + 0.2 for i in x], [float(r) for _, _, r in data], 0.4, color=BIRU, label="Realisasi"
        )
        ax.bar_label(
            b,
            labels=[fmt.persen(r / p * 100 if p else None) for _, p, r in data],
            padding=2,
            fontsize=8,
        )
        ax.set_xticks(x, [_pendek(u, 24) for u, _, _ in data], fontsize=8)
        ax.yaxis.set_major_formatter(_format_miliar())
        ax.set_ylabel("Miliar Rupiah")
        ax.margins(y=0.15)
        ax.legend(fontsize=8)
    return _png(fig)


def garis_konsistensi(
    bulan: list[str], rpd: list[Decimal | None], realisasi: list[Decimal | None]
) -> bytes:
    """Cumulative RPD against cumulative realisasi per month (seed Grafik 13); months
    without a cumulative figure (a gap in the data) are left out, never drawn as 0."""
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(2.8)
        x = list(range(len(bulan)))
        for nilai, warna, penanda, gaya, tebal, label in (
            (rpd, ORANYE, "s", "--", 1.5, "RPD"),
            (realisasi, BIRU, "o", "-", 2, "Realisasi"),
        ):
            titik = [(i, float(v)) for i, v in zip(x, nilai, strict=False) if v is not None]
            if titik:
                ax.plot(
                    *zip(*titik, strict=True),
                    color=warna,
                    marker=penanda,
                    linestyle=gaya,
                    linewidth=tebal,
                    label=label,
                )
        ax.set_xticks(x, [b[:3] for b in bulan], fontsize=8)
        ax.yaxis.set_major_formatter(_format_miliar())
        ax.set_ylabel("Kumulatif (miliar Rupiah)")
        ax.legend(fontsize=8)
    return _png(fig)


def batang_penyerapan_program(label: list[str], penyerapan: list[Decimal]) -> bytes:
    """Absorption per program (the engine's penyerapan, %), as horizontal bars."""
    n = len(label)
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(0.8 + 0.36 * max(n, 2))
        y = list(range(n))[::-1]
        b = ax.barh(y, [float(v) for v in penyerapan], color=BIRU, height=0.6)
        ax.set_yticks(y, [_pendek(x, 40) for x in label], fontsize=8)
        ax.bar_label(b, labels=[fmt.persen(v) for v in penyerapan], padding=3, fontsize=8)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(_format_sumbu(0))
        ax.set_xlim(0, max([float(v) for v in penyerapan] + [100]) * 1.18)
        ax.set_xlabel("Penyerapan (%)")
    return _png(fig)


def batang_kelompok(label: list[str], nilai: list[Decimal], satuan: str) -> bytes:
    """Simple vertical bars for counts (employees by education, seed Grafik 1-3)."""
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(2.6)
        b = ax.bar([_pendek(x, 14) for x in label], [float(v) for v in nilai], color=BIRU)
        ax.bar_label(b, labels=[fmt.angka(v, 0) for v in nilai], padding=2, fontsize=8)
        ax.yaxis.set_major_formatter(_format_sumbu(0))
        ax.set_ylabel(_teks(satuan))
        ax.margins(y=0.15)
        ax.tick_params(axis="x", labelsize=8)
    return _png(fig)
