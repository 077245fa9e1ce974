"""Rencana aksi arithmetic: planned output to date of a step, behind-schedule test, and the
reconciliation of the steps' budgets with the RKT pagu of their kegiatan.

Sources: PermenPAN-RB 53/2014 (Pasal 16 and lampiran: rencana aksi as the monitoring tool of
the PK, monitored per triwulan) and Permendagri 86/2017 (pengendalian: realisasi per
triwulan); the LKIP's Renaksi tables (seed Bab II) plan steps per month with a budget per
step whose sum belongs to the kegiatan of the RKT. How a quarterly target counts in a month
is not regulated [D]: a quarter's target is due when the quarter has ended (month 3, 6, 9,
12), never pro rata (docs/keputusan/0049-rencana-aksi-bulanan.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus.bilangan import NOL, DataTidakValid

JUMLAH_KE = {"bulan": 12, "triwulan": 4}


def _bulan_sah(bulan: int) -> None:
    if not isinstance(bulan, int) or isinstance(bulan, bool) or not 1 <= bulan <= 12:
        raise DataTidakValid(f"bulan: harus 1-12 (diisi {bulan!r})", bidang="bulan")


def ke_jatuh_tempo(jenis_periode: str, bulan: int) -> int:
    """How many periods of `jenis_periode` have ended by the end of `bulan` [D]."""
    _bulan_sah(bulan)
    if jenis_periode == "bulan":
        return bulan
    if jenis_periode == "triwulan":
        return bulan // 3
    raise DataTidakValid(
        f"jenis_periode: '{jenis_periode}' bukan 'bulan' atau 'triwulan'", bidang="jenis_periode"
    )


def target_sampai(jenis_periode: str, target: Mapping[int, Decimal], bulan: int) -> Decimal:
    """Planned output up to and including `bulan`: the sum of the targets of the periods
    ended by then (cumulative; a period without a target plans nothing)."""
    n = ke_jatuh_tempo(jenis_periode, bulan)
    return sum((x for ke, x in target.items() if ke <= n and x is not None), NOL)


def realisasi_sampai(realisasi: Mapping[int, Decimal], bulan: int) -> Decimal:
    """Output achieved up to and including `bulan` (monthly values, summed)."""
    _bulan_sah(bulan)
    return sum((x for b, x in realisasi.items() if b <= bulan and x is not None), NOL)


def terlambat(rencana: Decimal, capai: Decimal) -> bool:
    """Behind schedule: something was planned to date and less was achieved."""
    return rencana > 0 and capai < rencana


@dataclass(frozen=True)
class Rekonsiliasi:
    """Steps' budgets of one kegiatan against its RKT pagu (as the reviu prints a finding:
    the published figure, the recomputed one and the difference)."""

    pagu: Decimal
    jumlah_langkah: Decimal
    selisih: Decimal  # pagu - jumlah langkah: > 0 unplanned budget, < 0 over-planned
    cocok: bool
    rumus: str


def rekonsiliasi(pagu: Decimal, anggaran_langkah: Iterable[Decimal | None]) -> Rekonsiliasi:
    """Σ anggaran langkah = pagu kegiatan (RKT), exactly to the Rupiah sen."""
    suku = [x for x in anggaran_langkah if x is not None]
    jumlah = sum(suku, NOL)
    selisih = pagu - jumlah
    return Rekonsiliasi(
        pagu=pagu,
        jumlah_langkah=jumlah,
        selisih=selisih,
        cocok=selisih == 0,
        rumus=f"selisih = pagu {pagu} − Σ anggaran {len(suku)} langkah {jumlah} = {selisih}",
    )
