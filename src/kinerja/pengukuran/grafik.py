"""Charts for the read pages as inline SVG strings (matplotlib, Agg backend).

One style for every chart so pages and (later) documents look alike; axis numbers go
through kinerja.angka so they read "1.234,5" like the tables. Text stays text in the SVG
(svg.fonttype none): small, sharp on a phone, searchable. Results are cached by their
inputs because the same figures are drawn again on every page view.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from kinerja import angka as fmt  # noqa: E402

BIRU = "#0b4f8a"
ORANYE = "#c25e00"
ABU = "#8a939e"
GARIS = "#d5dae0"
TEKS = "#1b1f24"

# Predikat colours, best to worst, then N/A.
WARNA_PREDIKAT = {
    "Sangat Tinggi": "#1b6e3a",
    "Tinggi": "#4f9a5e",
    "Sedang": "#c9a227",
    "Rendah": "#d9822b",
    "Sangat Rendah": "#a4161a",
    "N/A": ABU,
}

GAYA = {
    "font.family": "sans-serif",
    "font.size": 10,
    "svg.fonttype": "none",
    "axes.edgecolor": GARIS,
    "axes.labelcolor": TEKS,
    "axes.titlesize": 11,
    "xtick.color": TEKS,
    "ytick.color": TEKS,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.grid.axis": "y",
    "grid.color": GARIS,
    "grid.linewidth": 0.6,
    "legend.frameon": False,
}


def _teks(s: str) -> str:
    """Labels come from users: '$' would start matplotlib mathtext."""
    return str(s).replace("$", r"\$")


def _format_sumbu(dp: int):
    return FuncFormatter(lambda x, _pos: fmt.angka(Decimal(repr(float(x))), dp, tetap=False))


def _figur(lebar: float, tinggi: float):
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(lebar, tinggi), layout="constrained")
        ax = fig.add_subplot()
    return fig, ax


def _svg(fig, judul: str) -> str:
    """SVG that scales with its container and names itself for screen readers."""
    buf = io.StringIO()
    with matplotlib.rc_context(GAYA):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", svg, count=1)
    judul_aman = (
        judul.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
    return svg.replace("<svg", f'<svg class="grafik" role="img" aria-label="{judul_aman}"', 1)


def batang_predikat(rekap: dict[str, int], judul: str = "Jumlah indikator per predikat") -> str:
    """Bar chart of the predikat counts (seed Tabel 17 / Grafik 4)."""
    return _batang_predikat(tuple(rekap.items()), judul)


@lru_cache(maxsize=256)
def _batang_predikat(data: tuple[tuple[str, int], ...], judul: str) -> str:
    label = [k for k, _ in data]
    nilai = [v for _, v in data]
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(6.4, 2.8)
        batang = ax.bar(
            [_teks(x) for x in label],
            nilai,
            color=[WARNA_PREDIKAT.get(x, BIRU) for x in label],
        )
        ax.bar_label(batang, labels=[fmt.angka(v, 0) for v in nilai], padding=2, fontsize=9)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(_format_sumbu(0))
        ax.set_ylim(0, max([*nilai, 1]) * 1.18)
        ax.set_ylabel("Jumlah indikator")
        ax.tick_params(axis="x", labelsize=9)
    return _svg(fig, judul)


def batang_capaian(
    baris: list[tuple[str, Decimal | None, str]], judul: str = "Capaian indikator kinerja (%)"
) -> str:
    """Horizontal bars: capaian per indicator (label, capaian, predikat), a line at 100%;
    the dashboard's first view (issue 19). Indicators without capaian are left out."""
    data = tuple((lb, float(c), p) for lb, c, p in baris if c is not None)
    return _batang_capaian(data, judul) if data else ""


@lru_cache(maxsize=256)
def _batang_capaian(data: tuple[tuple[str, float, str], ...], judul: str) -> str:
    label = [_teks(lb if len(lb) <= 60 else lb[:57] + "…") for lb, _, _ in data]
    nilai = [c for _, c, _ in data]
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(7.2, max(1.6, 0.42 * len(data) + 0.8))
        y = list(range(len(data)))[::-1]
        batang = ax.barh(y, nilai, color=[WARNA_PREDIKAT.get(p, BIRU) for _, _, p in data])
        ax.set_yticks(y, label, fontsize=8)
        ax.bar_label(
            batang,
            labels=[fmt.angka(Decimal(repr(v)), 2) + "%" for v in nilai],
            padding=2,
            fontsize=8,
        )
        ax.axvline(100, color="#555555", linewidth=0.8, linestyle="--")
        ax.xaxis.set_major_formatter(_format_sumbu(0))
        ax.set_xlim(0, max([*nilai, 100]) * 1.15)
        ax.set_xlabel("Capaian (%) — garis putus: target 100%")
    return _svg(fig, judul)


def garis_tren(
    tahun: list[int],
    realisasi: list[Decimal | None],
    target: list[Decimal | None],
    *,
    satuan: str = "",
    judul: str = "Realisasi dan target per tahun",
) -> str:
    """Line chart of realisasi and target over the years (LKIP comparison 2)."""
    return _garis_tren(tuple(tahun), tuple(realisasi), tuple(target), satuan, judul)


@lru_cache(maxsize=256)
def _garis_tren(tahun, realisasi, target, satuan, judul) -> str:
    def seri(nilai):
        xs = [t for t, v in zip(tahun, nilai, strict=True) if v is not None]
        ys = [float(v) for v in nilai if v is not None]
        return xs, ys

    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(6.4, 3.0)
        xs, ys = seri(target)
        if xs:
            ax.plot(xs, ys, color=ORANYE, marker="s", linestyle="--", label="Target")
        xs, ys = seri(realisasi)
        if xs:
            ax.plot(xs, ys, color=BIRU, marker="o", linewidth=2, label="Realisasi")
            for x, y, v in zip(xs, ys, [v for v in realisasi if v is not None], strict=True):
                ax.annotate(
                    fmt.angka(v, 2, tetap=False),
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=8.5,
                    color=BIRU,
                )
        ax.set_xticks(list(tahun), [str(t) for t in tahun])
        ax.yaxis.set_major_formatter(_format_sumbu(2))
        ax.margins(x=0.08, y=0.2)
        if satuan:
            ax.set_ylabel(_teks(satuan))
        ax.legend(loc="best", fontsize=9)
    return _svg(fig, judul)


def batang_pembanding(
    label: list[str], nilai: list[Decimal], sorot: list[bool], *, judul: str = "Perbandingan"
) -> str:
    """Horizontal bars: this unit (highlighted) against peers and the national standard."""
    return _batang_pembanding(tuple(label), tuple(nilai), tuple(sorot), judul)


@lru_cache(maxsize=256)
def _batang_pembanding(label, nilai, sorot, judul) -> str:
    with matplotlib.rc_context(GAYA):
        fig, ax = _figur(6.4, 0.9 + 0.42 * len(label))
        y = list(range(len(label)))[::-1]
        batang = ax.barh(
            y, [float(v) for v in nilai], color=[BIRU if s else ABU for s in sorot], height=0.6
        )
        ax.set_yticks(y, [_teks(x[:40]) for x in label])
        ax.bar_label(
            batang, labels=[fmt.angka(v, 2, tetap=False) for v in nilai], padding=3, fontsize=9
        )
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(_format_sumbu(2))
        ax.set_xlim(0, max([float(v) for v in nilai] + [1]) * 1.15)
    return _svg(fig, judul)
