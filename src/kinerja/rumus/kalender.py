"""The reporting calendar: due dates of realisasi, verification, PK, LKIP and LKE.

Sources: the PK is signed "paling lambat satu bulan setelah dokumen anggaran disahkan"
(PermenPAN-RB 53/2014, Lampiran I, Bab II); the LKIP is delivered "paling lambat 3 (tiga)
bulan setelah tahun anggaran berakhir" (Perpres 29/2014 Pasal 18 and PermenPAN-RB 53/2014);
the periodic realisasi, its verification and the internal LKE have no date in the
regulations: the defaults here are project decisions [D] (docs/keputusan/0051), each a
parameter of `AturanKalender`.

Dates only: no clock, no time zone. A day of month beyond the month's end falls on its last
day (day 31 in February is 28 or 29 February), so every rule gives a date in every year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode

JENIS_BUTIR = ("realisasi", "verifikasi", "pk", "lkip", "lke")
KEADAAN = ("selesai", "terlambat", "jatuh_tempo", "mendatang")


def tambah_bulan(tanggal: dt.date, bulan: int, *, hari: int | None = None) -> dt.date:
    """`tanggal` moved by `bulan` months, on day `hari` (default: the same day), clamped to
    the month's last day (31 Januari + 1 bulan = 28/29 Februari)."""
    indeks = tanggal.year * 12 + (tanggal.month - 1) + bulan
    tahun, b = divmod(indeks, 12)
    hari = tanggal.day if hari is None else hari
    return dt.date(tahun, b + 1, min(hari, calendar.monthrange(tahun, b + 1)[1]))


def awal_periode(p: Periode) -> dt.date:
    return dt.date(p.tahun, p.bulan()[0], 1)


def akhir_periode(p: Periode) -> dt.date:
    bulan = p.bulan()[-1]
    return dt.date(p.tahun, bulan, calendar.monthrange(p.tahun, bulan)[1])


def _bulat(nama: str, x, bawah: int, atas: int) -> int:
    if isinstance(x, bool) or not isinstance(x, int) or not bawah <= x <= atas:
        raise DataTidakValid(
            f"{nama}: harus bilangan bulat {bawah}-{atas}, diterima {x!r}", bidang=nama
        )
    return x


@dataclass(frozen=True)
class AturanKalender:
    """The settings of one organisation's calendar [D] (defaults: keputusan 0051).

    Realisasi of a period is due on day `hari_realisasi` of the `jeda_bulan`-th month after
    the period ends (10 = the 10th of the following month), the same rule for months,
    quarters, semesters and the year. Verification is due `hari_verifikasi` days after the
    realisasi. The PK is due `bulan_pk` months after the budget was set (PermenPAN-RB
    53/2014: one month); without a budget date, after 1 January. The LKIP is due on day
    `hari_lkip` of month `bulan_lkip` of the following year (Perpres 29/2014: 31 March);
    the LKE likewise (`bulan_lke`, `hari_lke`)."""

    hari_realisasi: int = 10
    jeda_bulan: int = 1
    hari_verifikasi: int = 10
    bulan_pk: int = 1
    bulan_lkip: int = 3
    hari_lkip: int = 31
    bulan_lke: int = 5
    hari_lke: int = 31
    # days before a due date when it counts as "jatuh tempo" (home page, first reminder)
    hari_peringatan: int = 5

    def __post_init__(self):
        _bulat("hari_realisasi", self.hari_realisasi, 1, 31)
        _bulat("jeda_bulan", self.jeda_bulan, 0, 6)
        _bulat("hari_verifikasi", self.hari_verifikasi, 0, 90)
        _bulat("bulan_pk", self.bulan_pk, 0, 6)
        _bulat("bulan_lkip", self.bulan_lkip, 1, 12)
        _bulat("hari_lkip", self.hari_lkip, 1, 31)
        _bulat("bulan_lke", self.bulan_lke, 1, 12)
        _bulat("hari_lke", self.hari_lke, 1, 31)
        _bulat("hari_peringatan", self.hari_peringatan, 0, 60)
        if self.jeda_bulan == 0 and self.hari_realisasi < 28:
            # a due date inside the period would be before the period ends for most months
            raise DataTidakValid(
                "hari_realisasi: dengan jeda 0 bulan batas jatuh di bulan terakhir periode; "
                "pakai hari 28-31 (akhir bulan) atau jeda 1 bulan",
                bidang="hari_realisasi",
            )


def batas_realisasi(p: Periode, aturan: AturanKalender = AturanKalender()) -> dt.date:
    """Due date of a period's realisasi [D]: day `hari_realisasi` of the month `jeda_bulan`
    after the period's last month (Maret 2025 -> 10 April 2025; TW IV 2024 -> 10 Januari
    2025)."""
    akhir = akhir_periode(p)
    tanggal = tambah_bulan(akhir, aturan.jeda_bulan, hari=aturan.hari_realisasi)
    return max(tanggal, akhir)  # jeda 0: never before the period has ended


def batas_verifikasi(p: Periode, aturan: AturanKalender = AturanKalender()) -> dt.date:
    """Due date of the verification [D]: `hari_verifikasi` days after the realisasi's."""
    return batas_realisasi(p, aturan) + dt.timedelta(days=aturan.hari_verifikasi)


def batas_pk(
    tahun: int,
    aturan: AturanKalender = AturanKalender(),
    *,
    tanggal_anggaran: dt.date | None = None,
) -> dt.date:
    """Due date of the year's PK: `bulan_pk` months after the budget was set (PermenPAN-RB
    53/2014: "paling lambat satu bulan setelah dokumen anggaran disahkan"); without a date,
    after 1 January of the year [D]."""
    dasar = tanggal_anggaran or dt.date(tahun, 1, 1)
    return tambah_bulan(dasar, aturan.bulan_pk)


def batas_lkip(tahun: int, aturan: AturanKalender = AturanKalender()) -> dt.date:
    """Due date of the LKIP of `tahun`: in the following year, month `bulan_lkip`, day
    `hari_lkip` (Perpres 29/2014 Pasal 18: three months after the budget year, 31 March)."""
    return tambah_bulan(dt.date(tahun + 1, 1, 1), aturan.bulan_lkip - 1, hari=aturan.hari_lkip)


def batas_lke(tahun: int, aturan: AturanKalender = AturanKalender()) -> dt.date:
    """Due date of the internal LKE of `tahun` [D] (PermenPAN-RB 88/2021 leaves the schedule
    to the evaluator): month `bulan_lke`, day `hari_lke` of the following year."""
    return tambah_bulan(dt.date(tahun + 1, 1, 1), aturan.bulan_lke - 1, hari=aturan.hari_lke)


def periksa_batas(p: Periode, tanggal: dt.date, *, bidang: str = "tanggal") -> dt.date:
    """A due date set by hand for a period's realisasi: not before the period starts (a
    report cannot be due before there is anything to report), and within two years after."""
    if not isinstance(tanggal, dt.date):
        raise DataTidakValid(f"{bidang}: diharapkan tanggal, diterima {tanggal!r}", bidang=bidang)
    awal = awal_periode(p)
    if tanggal < awal:
        raise DataTidakValid(
            f"{bidang}: batas waktu {tanggal.isoformat()} sebelum {p.label} dimulai "
            f"({awal.isoformat()}); batas waktu harus sesudah awal periode",
            bidang=bidang,
        )
    if tanggal > dt.date(p.tahun + 2, 12, 31):
        raise DataTidakValid(
            f"{bidang}: batas waktu {tanggal.isoformat()} lebih dari dua tahun sesudah {p.label}",
            bidang=bidang,
        )
    return tanggal


def keadaan(batas: dt.date, hari_ini: dt.date, *, selesai: bool, hari_peringatan: int = 5) -> str:
    """ "selesai" when done; otherwise "terlambat" the day after the due date (the due date
    itself is still on time), "jatuh_tempo" within `hari_peringatan` days before it, else
    "mendatang"."""
    if selesai:
        return "selesai"
    if hari_ini > batas:
        return "terlambat"
    if (batas - hari_ini).days <= hari_peringatan:
        return "jatuh_tempo"
    return "mendatang"


def hari_terlambat(batas: dt.date, hari_ini: dt.date) -> int:
    return max((hari_ini - batas).days, 0)


def periode_berjalan(jenis: str, tahun: int, hari_ini: dt.date) -> int:
    """How many periods of `jenis` in `tahun` have ended by `hari_ini` (0-n)."""
    n = JUMLAH_PERIODE[jenis]
    return sum(1 for ke in range(1, n + 1) if akhir_periode(Periode(jenis, tahun, ke)) < hari_ini)
