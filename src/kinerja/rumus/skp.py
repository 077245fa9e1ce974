"""Individual performance (SKP) of a civil servant, PermenPAN-RB 6/2022 (Pengelolaan Kinerja
Pegawai ASN).

- The atasan rates the two dimensions separately, each on the three-step scale of the
  lampiran: di atas ekspektasi, sesuai ekspektasi, di bawah ekspektasi.
- Perilaku kerja is measured against the seven core values BerAKHLAK (SE MenPAN-RB 20/2021,
  adopted by the regulation as the second dimension).
- The predikat kinerja pegawai follows from the two ratings through the matrix of the
  lampiran ("kuadran kinerja pegawai"): rows = rating hasil kerja, columns = rating
  perilaku kerja. Periodic and annual assessments use the same matrix.

Framework-free: plain strings in, plain strings out (docs/keputusan/0054-skp-pegawai.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus.bilangan import DataTidakValid, persen

DI_ATAS, SESUAI, DI_BAWAH = "di_atas", "sesuai", "di_bawah"
RATING = (DI_ATAS, SESUAI, DI_BAWAH)
LABEL_RATING = {
    DI_ATAS: "Di atas ekspektasi",
    SESUAI: "Sesuai ekspektasi",
    DI_BAWAH: "Di bawah ekspektasi",
}

SANGAT_BAIK = "sangat_baik"
BAIK = "baik"
BUTUH_PERBAIKAN = "butuh_perbaikan"
KURANG = "kurang"
SANGAT_KURANG = "sangat_kurang"
PREDIKAT = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)
LABEL_PREDIKAT = {
    SANGAT_BAIK: "Sangat Baik",
    BAIK: "Baik",
    BUTUH_PERBAIKAN: "Butuh Perbaikan",
    KURANG: "Kurang/Misconduct",
    SANGAT_KURANG: "Sangat Kurang",
}

# PermenPAN-RB 6/2022, lampiran (kuadran kinerja pegawai): (hasil kerja, perilaku kerja).
MATRIKS_PREDIKAT: Mapping[tuple[str, str], str] = {
    (DI_ATAS, DI_ATAS): SANGAT_BAIK,
    (DI_ATAS, SESUAI): BAIK,
    (DI_ATAS, DI_BAWAH): BUTUH_PERBAIKAN,
    (SESUAI, DI_ATAS): BAIK,
    (SESUAI, SESUAI): BAIK,
    (SESUAI, DI_BAWAH): BUTUH_PERBAIKAN,
    (DI_BAWAH, DI_ATAS): KURANG,
    (DI_BAWAH, SESUAI): KURANG,
    (DI_BAWAH, DI_BAWAH): SANGAT_KURANG,
}

# The seven core values of ASN (BerAKHLAK), the aspects of perilaku kerja.
BERAKHLAK = (
    ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
    ("akuntabel", "Akuntabel"),
    ("kompeten", "Kompeten"),
    ("harmonis", "Harmonis"),
    ("loyal", "Loyal"),
    ("adaptif", "Adaptif"),
    ("kolaboratif", "Kolaboratif"),
)
KODE_BERAKHLAK = tuple(k for k, _ in BERAKHLAK)

# Aspects of an RHK indicator (lampiran, form SKP: kuantitas, kualitas, waktu; biaya optional).
ASPEK = (("kuantitas", "Kuantitas"), ("kualitas", "Kualitas"), ("waktu", "Waktu"))


def periksa_rating(nilai: str, *, label: str) -> str:
    """The rating as stored, or DataTidakValid naming the scale."""
    if nilai not in RATING:
        pilihan = ", ".join(f"'{LABEL_RATING[r].lower()}'" for r in RATING)
        raise DataTidakValid(f"{label}: '{nilai}' di luar skala; pilih {pilihan}.")
    return nilai


def predikat_kinerja(rating_hasil: str, rating_perilaku: str) -> str:
    """Predikat kinerja pegawai from the two ratings (PermenPAN-RB 6/2022, lampiran,
    kuadran kinerja pegawai)."""
    h = periksa_rating(rating_hasil, label="Rating hasil kerja")
    p = periksa_rating(rating_perilaku, label="Rating perilaku kerja")
    return MATRIKS_PREDIKAT[(h, p)]


@dataclass(frozen=True)
class Distribusi:
    """Count of employees per predikat (every predikat present, 0 when none)."""

    jumlah: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.jumlah.values())

    def persen(self, predikat: str) -> Decimal | None:
        """Share of the predikat in percent, unrounded; None without employees."""
        if not self.total:
            return None
        return persen(Decimal(self.jumlah[predikat]), Decimal(self.total))


def distribusi(pasangan: Iterable[tuple[str, int]]) -> Distribusi:
    """From (predikat, count) pairs as a GROUP BY returns them; unknown predikat refused."""
    hasil = dict.fromkeys(PREDIKAT, 0)
    for predikat, n in pasangan:
        if predikat not in hasil:
            raise DataTidakValid(f"Predikat '{predikat}' tidak dikenal.")
        hasil[predikat] += int(n)
    return Distribusi(hasil)


def semua_di_atas(ratings_hasil: Iterable[str]) -> bool:
    """True when there is at least one rating and every rating of hasil kerja is di atas
    ekspektasi (the pattern evaluators look for when the unit itself misses its targets)."""
    daftar = list(ratings_hasil)
    return bool(daftar) and all(r == DI_ATAS for r in daftar)
