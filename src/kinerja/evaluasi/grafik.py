"""Chart of the LKE score over the years (inline SVG in the style of the other pages)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from kinerja import angka as fmt
from kinerja.pengukuran.grafik import BIRU, _figur, _format_sumbu, _svg


def riwayat(titik: tuple[tuple[int, Decimal], ...]) -> str:
    """Bars of the total score per evaluated year, labelled in Indonesian format."""
    return _riwayat(tuple((int(t), Decimal(n)) for t, n in titik))


@lru_cache(maxsize=256)
def _riwayat(titik) -> str:
    fig, ax = _figur(6, 2.6)
    x = [str(t) for t, _n in titik]
    y = [float(n) for _t, n in titik]
    batang = ax.bar(x, y, color=BIRU, width=0.55)
    for b, (_t, n) in zip(batang, titik, strict=True):
        ax.annotate(
            fmt.angka(n, 2),
            (b.get_x() + b.get_width() / 2, b.get_height()),
            ha="center",
            va="bottom",
            fontsize=9,
            xytext=(0, 2),
            textcoords="offset points",
        )
    ax.set_ylim(0, 100)
    ax.yaxis.set_major_formatter(_format_sumbu(0))
    ax.set_ylabel("Nilai LKE")
    return _svg(fig, "Nilai evaluasi AKIP per tahun")
