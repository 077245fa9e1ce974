"""Survey charts as inline SVG (matplotlib, Agg): NRR per unsur with the weakest marked,
IKM per unit, and the trend across periods. Numbers on axes go through kinerja.angka."""

from __future__ import annotations

import io
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from kinerja import angka as fmt  # noqa: E402

BIRU, ORANYE, GARIS = "#0b4f8a", "#c25e00", "#d5dae0"
GAYA = {"font.size": 9, "svg.fonttype": "none"}


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    teks = buf.getvalue()
    return teks[teks.index("<svg") :]


def _sumbu(ax, bawah: float):
    ax.set_ylim(bottom=bawah, top=100)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(Decimal(str(v)), 0)))
    ax.grid(axis="y", color=GARIS, linewidth=0.6)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)


def batang(
    label: list[str], nilai: list[Decimal | None], *, sorot: str | None = None, judul: str = ""
) -> str:
    """Bar chart of konversi values (25-100); the `sorot` label is drawn in orange."""
    pasangan = [(lbl, v) for lbl, v in zip(label, nilai, strict=True) if v is not None]
    if not pasangan:
        return ""
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(max(4, 0.35 * len(pasangan) + 2), 2.8))
        ax = fig.subplots()
        xs = [p[0] for p in pasangan]
        ys = [float(p[1]) for p in pasangan]
        ax.bar(xs, ys, color=[ORANYE if x == sorot else BIRU for x in xs])
        _sumbu(ax, max(0, min(ys) - 5))
        ax.tick_params(axis="x", labelrotation=90 if len(xs) > 12 else 0)
        if judul:
            ax.set_title(judul)
        return _svg(fig)


def garis(label: list[str], nilai: list[Decimal | None], *, judul: str = "") -> str:
    """Trend of konversi across periods."""
    pasangan = [(lbl, v) for lbl, v in zip(label, nilai, strict=True) if v is not None]
    if not pasangan:
        return ""
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(max(4, 0.8 * len(pasangan) + 2), 2.6))
        ax = fig.subplots()
        ys = [float(p[1]) for p in pasangan]
        ax.plot([p[0] for p in pasangan], ys, marker="o", color=BIRU)
        for x, y, (_, v) in zip(range(len(ys)), ys, pasangan, strict=True):
            ax.annotate(
                fmt.angka(v), (x, y), textcoords="offset points", xytext=(0, 5), ha="center"
            )
        _sumbu(ax, max(0, min(ys) - 5))
        if judul:
            ax.set_title(judul)
        return _svg(fig)
