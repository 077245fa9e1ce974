"""Survey charts as inline SVG (matplotlib, Agg): NRR per unsur with the weakest marked,
IKM per unit, and the trend across periods. Numbers on axes go through kinerja.angka.

The SVG carries class "grafik", role="img" and its title as aria-label; pages size it with
CSS (never wider than the page). Many bars (44 kelurahan) are drawn horizontally, so the
names stay readable and the chart grows in height, not in width."""

from __future__ import annotations

import io
from decimal import Decimal
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")

from django.utils.html import escape  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from kinerja import angka as fmt  # noqa: E402

BIRU, ORANYE, GARIS = "#0b4f8a", "#c25e00", "#d5dae0"
GAYA = {"font.size": 9, "svg.fonttype": "none"}


BATAS_TEGAK = 12  # more bars than this are drawn horizontally


def _svg(fig: Figure, judul: str = "") -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    teks = buf.getvalue()
    teks = teks[teks.index("<svg") :]
    atribut = f'<svg class="grafik" role="img" aria-label="{escape(judul or "Grafik")}"'
    return teks.replace("<svg", atribut, 1)


def _sumbu(ax, bawah: float, sumbu: str = "y"):
    (ax.set_ylim if sumbu == "y" else ax.set_xlim)(bawah, 100)
    nilai = ax.yaxis if sumbu == "y" else ax.xaxis
    nilai.set_major_formatter(FuncFormatter(lambda v, _: fmt.angka(Decimal(str(v)), 0)))
    ax.grid(axis=sumbu, color=GARIS, linewidth=0.6)
    ax.set_axisbelow(True)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)


def batang(
    label: list[str], nilai: list[Decimal | None], *, sorot: str | None = None, judul: str = ""
) -> str:
    """Bar chart of konversi values (25-100); the `sorot` label is drawn in orange."""
    pasangan = tuple((lbl, v) for lbl, v in zip(label, nilai, strict=True) if v is not None)
    if not pasangan:
        return ""
    return _batang(pasangan, sorot, judul)


# Drawing an SVG costs 0.1-0.3 s; the same figures give the same chart, so a results page
# visited again (or by the next reader) reuses it. Keys are the values, never stale.
@lru_cache(maxsize=128)
def _batang(pasangan: tuple, sorot: str | None, judul: str) -> str:
    xs = [p[0] for p in pasangan]
    ys = [float(p[1]) for p in pasangan]
    warna = [ORANYE if x == sorot else BIRU for x in xs]
    with matplotlib.rc_context(GAYA):
        if len(xs) > BATAS_TEGAK:
            fig = Figure(figsize=(6.5, 0.2 * len(xs) + 1))
            ax = fig.subplots()
            ax.barh(xs, ys, color=warna)
            ax.invert_yaxis()  # first unit on top, as in the table
            ax.margins(y=0.01)
            _sumbu(ax, max(0, min(ys) - 5), sumbu="x")
        else:
            fig = Figure(figsize=(max(4, 0.35 * len(xs) + 2), 2.8))
            ax = fig.subplots()
            ax.bar(xs, ys, color=warna)
            _sumbu(ax, max(0, min(ys) - 5))
        if judul:
            ax.set_title(judul)
        return _svg(fig, judul)


def garis(label: list[str], nilai: list[Decimal | None], *, judul: str = "") -> str:
    """Trend of konversi across periods."""
    pasangan = tuple((lbl, v) for lbl, v in zip(label, nilai, strict=True) if v is not None)
    if not pasangan:
        return ""
    return _garis(pasangan, judul)


@lru_cache(maxsize=128)
def _garis(pasangan: tuple, judul: str) -> str:
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
        return _svg(fig, judul)
