"""Benchmark of the formula engine; prints its figures (no assertions).

Run: .venv/bin/python bench/rumus.py
"""

from __future__ import annotations

import random
import time
from decimal import Decimal
from pathlib import Path

from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.reviu.ekstrak import baca_berkas
from kinerja.reviu.periksa import periksa_berkas, periksa_teks
from kinerja.rumus import nka
from kinerja.rumus.capaian import hitung_capaian
from kinerja.rumus.ikm import ikm_dari_responden

SEED = next(
    (
        d / "shared" / "seed" / "000_7ac1d614aa532084.txt"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "seed" / "000_7ac1d614aa532084.txt").is_file()
    ),
    Path("../shared/seed/000_7ac1d614aa532084.txt"),
)


def nka_contoh():
    """The Jakarta Pusat 2024 NKA from the example's inputs (December = the year's realisasi)."""
    return nka.hitung_nka(
        alokasi=jp.PAGU,
        realisasi=jp.REALISASI,
        rpd_kumulatif=list(jp.RPD_KUMULATIF),
        realisasi_kumulatif=list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI],
        program=[{k: p[k] for k in ("nama", "alokasi", "realisasi", "output")} for p in jp.PROGRAM],
        capaian_sasaran=[jp.TABEL_73_TERBIT["capaian_sasaran"]],
    )


def ukur(nama: str, fungsi, ulang: int) -> None:
    mulai = time.perf_counter()
    for _ in range(ulang):
        fungsi()
    detik = time.perf_counter() - mulai
    print(
        f"{nama:55} {ulang:7d} x  {detik * 1000 / ulang:10.3f} ms/x  {ulang / detik:12.1f} x/detik"
    )


def main() -> None:
    acak = random.Random(2024)
    pasangan = [
        (Decimal(acak.randint(1, 10_000)) / 100, Decimal(acak.randint(1, 10_000)) / 100)
        for _ in range(1000)
    ]

    def seribu_capaian():
        for r, t in pasangan:
            hitung_capaian(realisasi=r, target=t)

    responden = [[acak.choice((3, 4, 4, 4, None)) for _ in range(9)] for _ in range(66_433)]
    ukur("capaian: 1.000 indikator", seribu_capaian, 20)
    ukur(
        "IKM dari 66.433 responden x 9 unsur (Python, engine)",
        lambda: ikm_dari_responden(responden),
        3,
    )
    ukur("NKA Jakarta Pusat 2024 dari data mentah", nka_contoh, 200)
    if SEED.is_file():  # the one reviu package (kinerja.reviu), as `kinerja reviu` runs it
        teks = SEED.read_text(encoding="utf-8")
        ukur("reviu: baca tabel dan narasi LKIP terbit (seed)", lambda: baca_berkas(SEED), 3)
        ukur("reviu: semua pemeriksaan LKIP terbit (seed)", lambda: periksa_teks(teks), 3)
        print(f"temuan reviu LKIP terbit: {len(periksa_berkas(SEED).temuan)}")
    else:
        print(f"seed tidak ada ({SEED}); reviu dilewati")


if __name__ == "__main__":
    main()
