"""Every benchmark that starts Django supplies its own throw-away secret key.

The settings refuse to start without KINERJA_SECRET_KEY (issue 14: no public default), so a
benchmark that forgets it fails on a fresh machine before measuring anything (seen: bench/
evaluasi.py and bench/reviu.py on 2026-12-07).
"""

from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SKRIP_DJANGO = sorted(p for p in BENCH.glob("*.py") if "django.setup()" in p.read_text())


def test_ada_tolok_ukur_yang_memakai_django():
    assert len(SKRIP_DJANGO) >= 5


@pytest.mark.parametrize("skrip", SKRIP_DJANGO, ids=lambda p: p.name)
def test_tolok_ukur_membawa_kunci_sementara(skrip):
    teks = skrip.read_text()
    assert "KINERJA_SECRET_KEY" in teks, f"{skrip.name} tidak mengisi KINERJA_SECRET_KEY sementara"
