"""QR codes of the public links (segno: pure Python, PNG and SVG, no network)."""

from __future__ import annotations

import io

import segno


def _qr(teks: str):
    # Error correction "Q" (25 %) survives a worn or partly covered printed poster.
    return segno.make(teks, error="q", micro=False)


def png(teks: str, *, skala: int = 10) -> bytes:
    buf = io.BytesIO()
    _qr(teks).save(buf, kind="png", scale=skala, border=4)
    return buf.getvalue()


def svg(teks: str, *, skala: int = 10) -> bytes:
    buf = io.BytesIO()
    _qr(teks).save(buf, kind="svg", scale=skala, border=4, xmldecl=True, title=teks)
    return buf.getvalue()


def svg_sebaris(teks: str) -> str:
    """SVG for embedding in an HTML page (the poster); scales with CSS."""
    return _qr(teks).svg_inline(scale=10, border=4, omitsize=True, title=teks)
