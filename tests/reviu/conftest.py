"""Helpers for the reviu tests: the seed report (../shared/seed, found by walking up from the
repository, as the worktrees sit deeper than the main checkout) and hand-made tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja.reviu.periksa import periksa_teks

NAMA_SEED = "000_7ac1d614aa532084.txt"


def jalur_seed() -> Path | None:
    here = Path(__file__).resolve()
    for induk in here.parents:
        calon = induk / "shared" / "seed" / NAMA_SEED
        if calon.is_file():
            return calon
    return None


@pytest.fixture(scope="session")
def seed() -> Path:
    p = jalur_seed()
    if p is None:
        pytest.fail(f"seed ../shared/seed/{NAMA_SEED} tidak ditemukan")
    return p


def temuan(teks: str, aturan: str | None = None):
    hasil = periksa_teks(teks)
    return [t for t in hasil.temuan if aturan is None or t.aturan == aturan]
