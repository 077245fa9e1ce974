"""Reporting periods and the aggregation of an indicator's periodic realisasi into one figure.

The regulations ask for periodic monitoring (Permendagri 86/2017: evaluasi triwulanan;
PermenPAN-RB 53/2014: capaian tahunan) but do not say how the periodic realisasi of an
indicator become the annual one; that depends on the indicator's definisi operasional,
so the `cara` is set per indicator [D]. The seed shows two of them: Tabel 33 (Indeks
Efektivitas Koordinasi, semester 96.29 and 96.81, tahunan 96.55 = rata_rata) and Tabel 25
(IKM, semester 98.63 and 98.98, tahunan 98.98 = nilai_akhir).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus.bilangan import D, DataTidakValid, jumlah, rata_rata, teks
from kinerja.rumus.capaian import pilih

CARA_AGREGASI = ("kumulatif", "nilai_akhir", "rata_rata")


@dataclass(frozen=True)
class HasilAgregasi:
    nilai: Decimal | None
    cara: str
    lengkap: bool
    periode_kosong: tuple[int, ...]
    rumus: str


def agregasi_periode(
    nilai: Sequence[Decimal | str | None], *, cara: str, wajib_lengkap: bool = False
) -> HasilAgregasi:
    """Aggregate the realisasi of consecutive periods (seed Tabel 20, 25, 33) [D].

    kumulatif = sum, nilai_akhir = the last period's value, rata_rata = mean of the periods.
    A missing period (None) is never read as 0: it is listed (1-based) in `periode_kosong`
    and the result is not `lengkap`; sum and mean use the periods present, nilai_akhir with
    the last period missing gives None. `wajib_lengkap=True` rejects any missing period.
    """
    pilih(cara, bidang="cara", pilihan=CARA_AGREGASI)
    if not nilai:
        raise DataTidakValid("nilai: daftar periode tidak boleh kosong", bidang="nilai")
    terisi: list[tuple[int, Decimal]] = []
    kosong: list[int] = []
    for ke, x in enumerate(nilai, start=1):
        if x is None:
            kosong.append(ke)
        else:
            terisi.append((ke, D(x, bidang=f"nilai periode {ke}")))
    if kosong and wajib_lengkap:
        daftar = ", ".join(str(k) for k in kosong)
        raise DataTidakValid(
            f"nilai: periode {daftar} belum terisi; agregasi {cara} mewajibkan semua "
            f"{len(nilai)} periode lengkap",
            bidang="nilai",
        )
    angka = [x for _, x in terisi]
    suku = " + ".join(teks(x) for x in angka)
    if not angka:
        hasil, rumus = None, "semua periode kosong"
    elif cara == "kumulatif":
        hasil, rumus = jumlah(angka), suku
    elif cara == "rata_rata":
        hasil, rumus = rata_rata(angka), f"({suku}) / {len(angka)}"
    elif kosong and kosong[-1] == len(nilai):
        hasil, rumus = None, f"periode akhir ({len(nilai)}) kosong"
    else:
        hasil, rumus = angka[-1], f"nilai periode {len(nilai)} = {teks(angka[-1])}"
    if kosong:
        rumus += f" (periode kosong: {', '.join(str(k) for k in kosong)})"
    return HasilAgregasi(
        nilai=hasil, cara=cara, lengkap=not kosong, periode_kosong=tuple(kosong), rumus=rumus
    )


# --- Periods ------------------------------------------------------------------------------

JUMLAH_PERIODE = {"bulan": 12, "triwulan": 4, "semester": 2, "tahun": 1}
NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_ROMAWI = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Periode:
    """A reporting period within a year: bulan 1-12, triwulan 1-4, semester 1-2, tahun 1."""

    jenis: str
    tahun: int
    ke: int = 1

    def __post_init__(self):
        pilih(self.jenis, bidang="jenis", pilihan=tuple(JUMLAH_PERIODE))
        for nama in ("tahun", "ke"):
            x = getattr(self, nama)
            if isinstance(x, bool) or not isinstance(x, int):
                raise DataTidakValid(
                    f"{nama}: diharapkan bilangan bulat, diterima {x!r}", bidang=nama
                )
        if not 1000 <= self.tahun <= 9999:
            raise DataTidakValid(f"tahun: {self.tahun} di luar 1000-9999", bidang="tahun")
        batas = JUMLAH_PERIODE[self.jenis]
        if not 1 <= self.ke <= batas:
            rentang = "1" if batas == 1 else f"1-{batas}"
            raise DataTidakValid(
                f"ke: {self.jenis} ke-{self.ke} tidak ada (harus {rentang})", bidang="ke"
            )

    @property
    def label(self) -> str:
        """Indonesian label: "Januari 2024", "Triwulan II 2024", "Semester I 2024", "Tahun 2024"."""
        if self.jenis == "bulan":
            return f"{NAMA_BULAN[self.ke - 1]} {self.tahun}"
        if self.jenis == "tahun":
            return f"Tahun {self.tahun}"
        return f"{self.jenis.capitalize()} {_ROMAWI[self.ke - 1]} {self.tahun}"

    def bulan(self) -> tuple[int, ...]:
        """The months (1-12) the period covers."""
        panjang = 12 // JUMLAH_PERIODE[self.jenis]
        awal = (self.ke - 1) * panjang + 1
        return tuple(range(awal, awal + panjang))

    def __str__(self) -> str:
        return self.label


def periode_dalam_tahun(jenis: str, tahun: int) -> tuple[Periode, ...]:
    """All periods of one kind in a year, in order (e.g. Semester I and II)."""
    pilih(jenis, bidang="jenis", pilihan=tuple(JUMLAH_PERIODE))
    return tuple(Periode(jenis, tahun, ke) for ke in range(1, JUMLAH_PERIODE[jenis] + 1))


# --- Targets per period (docs/keputusan/0037-target-periode.md) ---------------------------

LABEL_PENDEK = {"triwulan": "TW", "semester": "Semester"}


def label_pendek(jenis: str, ke: int) -> str:
    """ "TW I", "Semester II", "Maret", "Tahun"."""
    pilih(jenis, bidang="jenis", pilihan=tuple(JUMLAH_PERIODE))
    if jenis == "bulan":
        return NAMA_BULAN[ke - 1]
    if jenis == "tahun":
        return "Tahun"
    return f"{LABEL_PENDEK[jenis]} {_ROMAWI[ke - 1]}"


@dataclass(frozen=True)
class TargetPeriode:
    nilai: Decimal | None
    asal: str  # "periode" (the period's own target), "tahun" (the yearly one) or "" (none)


def target_untuk_periode(
    *, jenis: str, ke: int, cara: str, tahunan, per_periode: dict[int, object]
) -> TargetPeriode:
    """The target a period's realisasi is measured against [D]:

    - the period's own target when the PK sets one;
    - otherwise, for `kumulatif` indicators, none before the last period (a part of a yearly
      sum says nothing against the yearly target), and the yearly target for the last one;
    - otherwise (`nilai_akhir`, `rata_rata`: each period is on the yearly scale) the yearly
      target."""
    pilih(cara, bidang="cara", pilihan=CARA_AGREGASI)
    n = JUMLAH_PERIODE[jenis]
    if ke in per_periode and per_periode[ke] is not None:
        return TargetPeriode(D(per_periode[ke], bidang=f"target periode {ke}"), "periode")
    if cara == "kumulatif" and ke < n:
        return TargetPeriode(None, "")
    if tahunan is None:
        return TargetPeriode(None, "")
    return TargetPeriode(D(tahunan, bidang="target"), "tahun")


def uraian_nilai_tahunan(jenis: str, cara: str) -> str:
    """How the yearly value is formed, in words: 'Nilai tahunan = triwulan terakhir (TW IV)'."""
    pilih(cara, bidang="cara", pilihan=CARA_AGREGASI)
    n = JUMLAH_PERIODE[jenis]
    nama = {"bulan": "bulan", "triwulan": "triwulan", "semester": "semester"}.get(jenis, jenis)
    awal, akhir = label_pendek(jenis, 1), label_pendek(jenis, n)
    if cara == "nilai_akhir":
        return f"Nilai tahunan = {nama} terakhir ({akhir})"
    if cara == "kumulatif":
        return f"Nilai tahunan = jumlah {awal}–{akhir}"
    return f"Nilai tahunan = rata-rata {awal}–{akhir}"


def periksa_target_periode(
    *, jenis: str, cara: str, tahunan, per_periode: dict[int, object]
) -> str:
    """A warning when the period targets do not add up to the yearly one (empty when they do
    or when not all periods have a target): kumulatif = sum, nilai_akhir = last period,
    rata_rata = mean."""
    n = JUMLAH_PERIODE[jenis]
    if tahunan is None or any(per_periode.get(k) is None for k in range(1, n + 1)):
        return ""
    deret = [D(per_periode[k]) for k in range(1, n + 1)]
    hasil = agregasi_periode(deret, cara=cara).nilai
    if hasil == D(tahunan):
        return ""
    return f"{uraian_nilai_tahunan(jenis, cara)} = {teks(hasil)}, target tahunan {teks(D(tahunan))}"
