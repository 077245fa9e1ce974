"""Composite indices built from other indicators' values.

Sources are the indicators' definisi operasional as quoted in the seed: Indeks Kepuasan
Layanan Kota Administrasi is the mean of IKM and the Indeks Efektivitas Koordinasi
(seed lines 1161 and 1678); the communication indicator of sasaran 3 weighs four
components 35/30/20/15 (seed text under Tabel 49).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from kinerja.rumus.bilangan import SERATUS, D, DataTidakValid, bagi, jumlah, rata_rata, teks


def rata_rata_indeks(nilai: Sequence) -> Decimal:
    """Unweighted mean of component indices (seed line 1678: Indeks Kepuasan Layanan =
    mean(IKM, Indeks Efektivitas Koordinasi); Tabel 19: mean(98.98, 96.55) = 97.765).

    Every component is required: a missing one is an error, never a zero.
    """
    if not nilai:
        raise DataTidakValid(
            "nilai: indeks komposit memerlukan minimal satu komponen", bidang="nilai"
        )
    return rata_rata(_komponen(x, f"komponen {ke}") for ke, x in enumerate(nilai, start=1))


def _komponen(x, bidang: str) -> Decimal:
    if x is None:
        raise DataTidakValid(f"{bidang}: tidak boleh kosong", bidang=bidang)
    return D(x, bidang=bidang)


def _tertimbang(baris: Sequence[tuple[str, object, object]]) -> Decimal:
    if not baris:
        raise DataTidakValid(
            "komponen: indeks tertimbang memerlukan minimal satu komponen", bidang="komponen"
        )
    nilai = [_komponen(x, nama) for nama, x, _ in baris]
    bobot = [_komponen(b, f"bobot {nama}") for nama, _, b in baris]
    for (nama, _, _), b in zip(baris, bobot, strict=True):
        if b < 0:
            raise DataTidakValid(
                f"bobot {nama}: tidak boleh negatif ({teks(b)})", bidang=f"bobot {nama}"
            )
    total = jumlah(bobot)
    if total != SERATUS:
        raise DataTidakValid(
            f"bobot: jumlah bobot harus 100, diterima {teks(total)}", bidang="bobot"
        )
    return bagi(jumlah(x * b for x, b in zip(nilai, bobot, strict=True)), total)


def indeks_tertimbang(komponen: Sequence[tuple[object, object]]) -> Decimal:
    """Σ nilai×bobot / Σ bobot with weights in percent summing to 100 (seed under Tabel 49).

    `komponen` is a sequence of (nilai, bobot); a missing nilai or a weight total other
    than 100 raises DataTidakValid.
    """
    return _tertimbang([(f"komponen {ke}", x, b) for ke, (x, b) in enumerate(komponen, start=1)])


BOBOT_KOMUNIKASI_PUBLIK = (
    ("strategi", 35),
    ("publikasi", 30),
    ("respon_krisis", 20),
    ("respon_interaktif", 15),
)


def indeks_komunikasi_publik(*, strategi, publikasi, respon_krisis, respon_interaktif) -> Decimal:
    """Persentase implementasi rencana strategi komunikasi publik (sasaran 3, seed Tabel 48/49).

    Weights from the seed text under Tabel 49: strategi 35%, publikasi 30%, respon krisis
    20%, respon interaktif 15%. Each component is a percentage.
    """
    nilai = {
        "strategi": strategi,
        "publikasi": publikasi,
        "respon_krisis": respon_krisis,
        "respon_interaktif": respon_interaktif,
    }
    return _tertimbang([(nama, nilai[nama], bobot) for nama, bobot in BOBOT_KOMUNIKASI_PUBLIK])
