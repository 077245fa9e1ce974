"""Budget charts as inline SVG (matplotlib, Agg backend): cumulative RPD against realisasi
per month (seed Grafik 13), spending by type (Grafik 11-12), absorption per program.

Axis numbers go through kinerja.angka; text stays text in the SVG (svg.fonttype none).
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from kinerja import angka as fmt  # noqa: E402
from kinerja.rumus.nka import NAMA_BULAN  # noqa: E402

BIRU = "#0b4f8a"
ORANYE = "#c25e00"
HIJAU = "#1b6e3a"
ABU = "#8a939e"
GAYA = {
    "font.family": "sans-serif",
    "font.size": 9,
    "svg.fonttype": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d5dae0",
    "legend.frameon": False,
}
MILIAR = Decimal(10) ** 9


def _miliar(x) -> float:
    return float(Decimal(x) / MILIAR)


def _sumbu(dp: int = 0):
    return FuncFormatter(lambda x, _p: fmt.angka(Decimal(repr(float(x))), dp, tetap=False))


def _teks(s: str) -> str:
    return str(s).replace("$", r"\$")


def _svg(fig: Figure, judul: str, id_: str) -> str:
    buf = io.StringIO()
    with matplotlib.rc_context(GAYA):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'width="[^"]+pt" height="[^"]+pt"', "", svg, count=1)
    return svg.replace(
        "<svg ",
        f'<svg id="{id_}" role="img" aria-label="{judul}" style="width:100%;height:auto" ',
        1,
    )


def rpd_realisasi(bulan) -> str:
    """Cumulative RPD and realisasi per month, in Rp miliar (missing months left out)."""
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(7, 3.2), layout="constrained")
        ax = fig.add_subplot()
        x = [b.bulan for b in bulan]
        for atribut, label, warna in (
            ("rpd_kumulatif", "RPD kumulatif", BIRU),
            ("realisasi_kumulatif", "Realisasi kumulatif", ORANYE),
        ):
            titik = [(b.bulan, _miliar(getattr(b, atribut))) for b in bulan if getattr(b, atribut)]
            if titik:
                ax.plot(*zip(*titik, strict=True), marker="o", color=warna, label=label)
        ax.set_xticks(x, [n[:3] for n in NAMA_BULAN[: len(x)]])
        ax.yaxis.set_major_formatter(_sumbu())
        ax.set_ylabel("Rp miliar")
        ax.legend(loc="upper left")
    return _svg(fig, "RPD dan realisasi kumulatif per bulan", "grafik-rpd")


def komposisi_belanja(belanja) -> str:
    """Pagu and realisasi per type of spending, Rp miliar."""
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(7, 2.6), layout="constrained")
        ax = fig.add_subplot()
        nama = [_teks(b.get_jenis_display()) for b in belanja]
        y = range(len(belanja))
        ax.barh(
            [i + 0.2 for i in y], [_miliar(b.pagu) for b in belanja], 0.4, color=ABU, label="Pagu"
        )
        ax.barh(
            [i - 0.2 for i in y],
            [_miliar(b.realisasi) for b in belanja],
            0.4,
            color=BIRU,
            label="Realisasi",
        )
        ax.set_yticks(list(y), nama)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(_sumbu())
        ax.set_xlabel("Rp miliar")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right")
    return _svg(fig, "Komposisi belanja per jenis", "grafik-belanja")


def penyerapan_program(program, penyerapan: dict) -> str:
    """Absorption (engine's P) per program, %."""
    daftar = [p for p in program if p.pk in penyerapan]
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(7, 0.45 * max(len(daftar), 2) + 0.8), layout="constrained")
        ax = fig.add_subplot()
        nilai = [float(penyerapan[p.pk]) for p in daftar]
        y = range(len(daftar))
        ax.barh(list(y), nilai, color=HIJAU)
        ax.set_yticks(list(y), [_teks(p.nama[:60]) for p in daftar])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(_sumbu())
        ax.set_xlabel("Penyerapan (%)")
        ax.grid(axis="y", visible=False)
        for i, (p, v) in enumerate(zip(daftar, nilai, strict=True)):
            ax.text(v, i, " " + fmt.persen(penyerapan[p.pk]), va="center", fontsize=8)
    return _svg(fig, "Penyerapan anggaran per program", "grafik-program")
