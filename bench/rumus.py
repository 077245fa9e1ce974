"""Benchmark of the formula engine; prints its figures (no assertions).

Run: .venv/bin/python bench/rumus.py
"""

from __future__ import annotations

import random
import time
from decimal import Decimal

from kinerja.contoh.perhitungan import hitung_nka_terkoreksi, semua_bagian, temuan_reviu
from kinerja.rumus.capaian import hitung_capaian
from kinerja.rumus.ikm import ikm_dari_responden


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
    ukur("NKA Jakarta Pusat 2024 dari data mentah", hitung_nka_terkoreksi, 200)
    ukur("demo: semua tabel Jakarta Pusat 2024", semua_bagian, 20)
    ukur("reviu: semua pemeriksaan Jakarta Pusat 2024", temuan_reviu, 20)


if __name__ == "__main__":
    main()
