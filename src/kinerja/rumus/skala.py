"""Category scales as data: predikat capaian, IKM mutu, NKA kategori, LKE predikat.

A scale is a list of bands over a value; each band states its bounds and whether each
bound is inclusive, so the tables the regulations print with gaps (90-91, 64,99-65,00)
become half-open bands that cover every value. Which side a gap falls on is recorded in
docs/keputusan/0003-skala-predikat.md and 0005-ikm-bobot-dan-mutu.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja.rumus.bilangan import D, DataTidakValid, bulat

TIDAK_ADA_DATA = "N/A"


@dataclass(frozen=True)
class Pita:
    """One band: bawah <(=) x <(=) atas; None means unbounded on that side."""

    label: str
    bawah: Decimal | None
    atas: Decimal | None
    bawah_inklusif: bool = True
    atas_inklusif: bool = False
    keterangan: str = ""

    def memuat(self, x: Decimal) -> bool:
        if self.bawah is not None:
            if x < self.bawah or (x == self.bawah and not self.bawah_inklusif):
                return False
        if self.atas is not None:
            if x > self.atas or (x == self.atas and not self.atas_inklusif):
                return False
        return True

    def uraian(self) -> str:
        """The band as readable text, e.g. '75,01 <= x <= 90' is shown as '> 75 s.d. <= 90'."""
        bagian = []
        if self.bawah is not None:
            bagian.append(f"{'≥' if self.bawah_inklusif else '>'} {self.bawah}")
        if self.atas is not None:
            bagian.append(f"{'≤' if self.atas_inklusif else '<'} {self.atas}")
        return " dan ".join(bagian) or "semua nilai"


@dataclass(frozen=True)
class Skala:
    kode: str
    nama: str
    sumber: str
    pita: tuple[Pita, ...]
    # Classify on the value rounded to this many decimals (None: on the raw value).
    dp_klasifikasi: int | None = 2

    def pita_untuk(self, nilai) -> Pita:
        x = D(nilai, bidang=self.nama)
        if self.dp_klasifikasi is not None:
            x = bulat(x, self.dp_klasifikasi)
        for pita in self.pita:
            if pita.memuat(x):
                return pita
        raise DataTidakValid(f"{self.nama}: nilai {x} berada di luar skala {self.kode}")

    def label(self, nilai) -> str:
        """Label for a value; N/A when there is no value (no realisasi)."""
        if nilai is None:
            return TIDAK_ADA_DATA
        return self.pita_untuk(nilai).label

    def labels(self) -> list[str]:
        return [p.label for p in self.pita]


def _d(x: str) -> Decimal:
    return Decimal(x)


# Seed Tabel 15 and 17 ("Permendagri 86/2017 dengan penyesuaian"): >= 90.01 Sangat Tinggi,
# 75.01-90 Tinggi, 65.01-75 Sedang, 50.01-65 Rendah, <= 50 Sangat Rendah. Tabel 15 prints
# "<= 5%" for the last band; Tabel 17 prints "<= 50%", which is the intended bound.
# Implemented as x > 90 etc. on the value rounded to 2 dp (formulas.md §1.6).
SKALA_CAPAIAN_DKI = Skala(
    kode="dki",
    nama="predikat capaian (DKI)",
    sumber="Permendagri 86/2017 Tabel T-E.1 dengan penyesuaian DKI (LKIP Jakarta Pusat 2024, Tabel 15 dan 17)",
    pita=(
        Pita("Sangat Tinggi", _d("90"), None, bawah_inklusif=False),
        Pita("Tinggi", _d("75"), _d("90"), bawah_inklusif=False, atas_inklusif=True),
        Pita("Sedang", _d("65"), _d("75"), bawah_inklusif=False, atas_inklusif=True),
        Pita("Rendah", _d("50"), _d("65"), bawah_inklusif=False, atas_inklusif=True),
        Pita("Sangat Rendah", None, _d("50"), atas_inklusif=True),
    ),
)

# Permendagri 86/2017 as printed: 91-100 Sangat Tinggi, 76-90 Tinggi, 66-75 Sedang,
# 51-65 Rendah, <= 50 Sangat Rendah. The printed table leaves gaps (90-91, 75-76, 65-66,
# 50-51) and stops at 100; here each lower bound is kept and a gap value falls in the band
# below, and values above 100 stay Sangat Tinggi (docs/keputusan/0003-skala-predikat.md).
SKALA_CAPAIAN_PERMENDAGRI = Skala(
    kode="permendagri-86-2017",
    nama="predikat capaian (Permendagri 86/2017)",
    sumber="Permendagri 86/2017, Kriteria Penilaian Realisasi Kinerja",
    pita=(
        Pita("Sangat Tinggi", _d("91"), None),
        Pita("Tinggi", _d("76"), _d("91")),
        Pita("Sedang", _d("66"), _d("76")),
        Pita("Rendah", _d("51"), _d("66")),
        Pita("Sangat Rendah", None, _d("51")),
    ),
)

# PermenPAN-RB 14/2017 interval table on the konversi value (IKM x 25), half-open:
# D < 65.00 <= C < 76.61 <= B < 88.31 <= A, classified on konversi rounded to 2 dp.
SKALA_MUTU_IKM = Skala(
    kode="mutu-ikm-14-2017",
    nama="mutu pelayanan IKM",
    sumber="PermenPAN-RB 14/2017 Lampiran, tabel nilai persepsi; seed Tabel 28",
    pita=(
        Pita("A", _d("88.31"), None, keterangan="Sangat Baik"),
        Pita("B", _d("76.61"), _d("88.31"), keterangan="Baik"),
        Pita("C", _d("65.00"), _d("76.61"), keterangan="Kurang Baik"),
        Pita("D", None, _d("65.00"), keterangan="Tidak Baik"),
    ),
)

# PMK 22/PMK.02/2021 kategori NKA (bands not yet verified against the Lampiran, see
# formulas.md §2.7): >= 90 Sangat Baik, 80-<90 Baik, 60-<80 Cukup, 50-<60 Kurang, < 50.
SKALA_NKA = Skala(
    kode="nka-pmk-22-2021",
    nama="kategori Nilai Kinerja Anggaran",
    sumber="PMK 22/PMK.02/2021 Lampiran (kategori nilai kinerja)",
    pita=(
        Pita("Sangat Baik", _d("90"), None),
        Pita("Baik", _d("80"), _d("90")),
        Pita("Cukup", _d("60"), _d("80")),
        Pita("Kurang", _d("50"), _d("60")),
        Pita("Sangat Kurang", None, _d("50")),
    ),
)

# PermenPAN-RB 88/2021 predikat AKIP, lower bounds exclusive ("> 80-90" is A, so 80.00 is BB).
SKALA_LKE = Skala(
    kode="lke-88-2021",
    nama="predikat evaluasi AKIP",
    sumber="PermenPAN-RB 88/2021 Lampiran (sama dengan PermenPAN-RB 12/2015)",
    pita=(
        Pita("AA", _d("90"), None, bawah_inklusif=False, keterangan="Sangat Memuaskan"),
        Pita(
            "A",
            _d("80"),
            _d("90"),
            bawah_inklusif=False,
            atas_inklusif=True,
            keterangan="Memuaskan",
        ),
        Pita(
            "BB",
            _d("70"),
            _d("80"),
            bawah_inklusif=False,
            atas_inklusif=True,
            keterangan="Sangat Baik",
        ),
        Pita("B", _d("60"), _d("70"), bawah_inklusif=False, atas_inklusif=True, keterangan="Baik"),
        Pita(
            "CC",
            _d("50"),
            _d("60"),
            bawah_inklusif=False,
            atas_inklusif=True,
            keterangan="Cukup (Memadai)",
        ),
        Pita(
            "C", _d("30"), _d("50"), bawah_inklusif=False, atas_inklusif=True, keterangan="Kurang"
        ),
        Pita("D", None, _d("30"), atas_inklusif=True, keterangan="Sangat Kurang"),
    ),
)

SKALA = {
    s.kode: s
    for s in (SKALA_CAPAIAN_DKI, SKALA_CAPAIAN_PERMENDAGRI, SKALA_MUTU_IKM, SKALA_NKA, SKALA_LKE)
}
SKALA_CAPAIAN = {"dki": SKALA_CAPAIAN_DKI, "permendagri-86-2017": SKALA_CAPAIAN_PERMENDAGRI}


def skala_capaian(kode: str) -> Skala:
    try:
        return SKALA_CAPAIAN[kode]
    except KeyError:
        pilihan = ", ".join(SKALA_CAPAIAN)
        raise DataTidakValid(
            f"skala: '{kode}' tidak dikenal (pilihan: {pilihan})", bidang="skala"
        ) from None


def predikat(capaian, skala: str = "dki") -> str:
    """Predikat of a capaian percentage; N/A when there is no capaian (Tabel 17 row 6)."""
    return skala_capaian(skala).label(capaian)
