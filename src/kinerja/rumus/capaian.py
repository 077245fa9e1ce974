"""Capaian kinerja of one indicator (LKIP chapter III).

Sources (see ../shared/domain/formulas.md §1): PermenPAN-RB 6/2022 Bab VI for the
"kondisi normal" (R/T) and "kondisi khusus" ((2T-R)/T) formulas and target ranges; seed
Tabel 16 for the practice of an uncapped capaian. Zero, exact and qualitative targets have
no regulatory formula: the rules here are project decisions [D], each a keyword parameter.
All arithmetic is on unrounded Decimal; rounding is for display only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.bilangan import NOL, SERATUS, D, DataTidakValid, persen, teks
from kinerja.rumus.skala import skala_capaian

POLARITAS = ("positif", "negatif")
METODE_NEGATIF = ("2T-R", "T/R")
JENIS_TARGET = ("biasa", "tepat")


@dataclass(frozen=True)
class HasilCapaian:
    capaian: Decimal | None
    capaian_terbatas: Decimal | None
    predikat: str
    rumus: str
    metode: str
    catatan: str = ""


def pilih(nilai, *, bidang: str, pilihan: tuple[str, ...]) -> str:
    """Check a setting against its allowed values; the error lists the choices."""
    if nilai not in pilihan:
        daftar = ", ".join(f'"{p}"' for p in pilihan)
        raise DataTidakValid(
            f"{bidang}: '{nilai}' tidak dikenal (pilihan: {daftar})", bidang=bidang
        )
    return nilai


def _target(nilai, bidang: str) -> Decimal:
    t = D(nilai, bidang=bidang)
    if t < 0:
        raise DataTidakValid(f"{bidang}: tidak boleh negatif (diterima {teks(t)})", bidang=bidang)
    return t


def _hasil(capaian, rumus, metode, *, skala, batas_atas, catatan="") -> HasilCapaian:
    terbatas = None
    if batas_atas is not None and capaian is not None:
        terbatas = min(capaian, D(batas_atas, bidang="batas_atas"))
    return HasilCapaian(
        capaian=capaian,
        capaian_terbatas=terbatas,
        predikat=skala_capaian(skala).label(capaian),
        rumus=rumus,
        metode=metode,
        catatan=catatan,
    )


def _lantai_nol(nilai: Decimal, rumus: str) -> tuple[Decimal, str]:
    if nilai < 0:
        return NOL, f"{rumus} bernilai negatif ({teks(nilai)}%), dibatasi menjadi 0%"
    return nilai, ""


def _positif(r: Decimal, t: Decimal) -> tuple[Decimal, str, str, str]:
    """R/T×100 (PermenPAN-RB 6/2022 Bab VI, kondisi normal); a negative result floors at 0 [D]."""
    rumus = f"{teks(r)} / {teks(t)} × 100%"
    nilai, catatan = _lantai_nol(persen(r, t), rumus)
    return nilai, rumus, "R/T", catatan


def _negatif(r: Decimal, t: Decimal, metode: str) -> tuple[Decimal, str, str, str]:
    """(2T−R)/T×100 (PermenPAN-RB 6/2022, kondisi khusus) or T/R×100, floored at 0 [D]."""
    catatan = ""
    if metode == "T/R":
        if r > 0:
            return persen(t, r), f"{teks(t)} / {teks(r)} × 100%", "T/R", ""
        catatan = (
            f"realisasi {teks(r)}: T/R tidak terdefinisi untuk realisasi <= 0, "
            "dihitung dengan (2T − R) / T"
        )
    rumus = f"(2 × {teks(t)} − {teks(r)}) / {teks(t)} × 100%"
    nilai, lantai = _lantai_nol(persen(2 * t - r, t), rumus)
    return nilai, rumus, "(2T-R)/T", "; ".join(c for c in (catatan, lantai) if c)


def _nol(r: Decimal, polaritas: str) -> tuple[Decimal, str]:
    """Zero target [D] (formulas.md §1.5): negatif R<=0 → 100 else 0; positif R>=0 → 100 else 0."""
    tercapai = r <= 0 if polaritas == "negatif" else r >= 0
    nilai = SERATUS if tercapai else NOL
    return nilai, f"target 0, polaritas {polaritas}, realisasi {teks(r)} → {teks(nilai)}%"


def _biasa(r, t, polaritas, metode_negatif):
    if t == 0:
        nilai, rumus = _nol(r, polaritas)
        return nilai, rumus, "nol", ""
    if polaritas == "positif":
        return _positif(r, t)
    return _negatif(r, t, metode_negatif)


def _rentang(r, bawah, atas, polaritas, metode_negatif):
    """Target range (PermenPAN-RB 6/2022): compare with the bound crossed; inside → 100% [D]."""
    uraian = f"rentang target {teks(bawah)}–{teks(atas)}"
    if bawah <= r <= atas:
        return SERATUS, f"{teks(bawah)} ≤ {teks(r)} ≤ {teks(atas)} ({uraian}) → 100%", ""
    batas = atas if r > atas else bawah
    posisi = "di atas batas atas" if r > atas else "di bawah batas bawah"
    nilai, rumus, _, catatan = _biasa(r, batas, polaritas, metode_negatif)
    return nilai, f"{rumus} (realisasi {posisi} {uraian})", catatan


def _tepat(r: Decimal, t: Decimal) -> tuple[Decimal, str, str]:
    """Exact/stabilising target [D] (formulas.md §1.4): (1 − |R−T|/T)×100, floored at 0."""
    if t == 0:
        nilai = SERATUS if r == 0 else NOL
        return nilai, f"target tepat 0, realisasi {teks(r)} → {teks(nilai)}%", ""
    rumus = f"(1 − |{teks(r)} − {teks(t)}| / {teks(t)}) × 100%"
    nilai, catatan = _lantai_nol(SERATUS - persen(abs(r - t), t), rumus)
    return nilai, rumus, catatan


def hitung_capaian(
    *,
    realisasi,
    target=None,
    target_bawah=None,
    target_atas=None,
    polaritas: str = "positif",
    metode_negatif: str = "2T-R",
    jenis_target: str = "biasa",
    skala: str = "dki",
    batas_atas=None,
) -> HasilCapaian:
    """Capaian of one indicator, percent, unrounded and never capped.

    Sources: positif R/T×100 (PermenPAN-RB 6/2022 Bab VI "kondisi normal"; seed Tabel 16);
    negatif "2T-R" = (2T−R)/T×100 (PermenPAN-RB 6/2022 "kondisi khusus"), or "T/R" where the
    indicator manual says so (no regulatory source; R <= 0 falls back to 2T-R). Target range
    [target_bawah, target_atas] per PermenPAN-RB 6/2022 (inside the range → 100% [D]; the
    chosen metode_negatif applies at the crossed bound). Project decisions [D]: results
    below 0 floor at 0; zero target (metode "nol"); jenis_target="tepat" uses
    (1 − |R−T|/T)×100. `batas_atas` only fills `capaian_terbatas`; predikat uses the raw
    capaian on `skala` (skala.py).
    """
    pilih(polaritas, bidang="polaritas", pilihan=POLARITAS)
    pilih(metode_negatif, bidang="metode_negatif", pilihan=METODE_NEGATIF)
    pilih(jenis_target, bidang="jenis_target", pilihan=JENIS_TARGET)
    skala_capaian(skala)
    if batas_atas is not None:
        D(batas_atas, bidang="batas_atas")

    rentang = target_bawah is not None or target_atas is not None
    if rentang:
        if target is not None:
            raise DataTidakValid(
                "target: isi target tunggal atau rentang target_bawah/target_atas, bukan keduanya",
                bidang="target",
            )
        for nama, nilai in (("target_bawah", target_bawah), ("target_atas", target_atas)):
            if nilai is None:
                raise DataTidakValid(
                    f"{nama}: tidak boleh kosong untuk rentang target", bidang=nama
                )
        if jenis_target == "tepat":
            raise DataTidakValid(
                "jenis_target: target tepat tidak dapat dipakai dengan rentang target",
                bidang="jenis_target",
            )
        bawah, atas = _target(target_bawah, "target_bawah"), _target(target_atas, "target_atas")
        if bawah > atas:
            raise DataTidakValid(
                f"target_bawah: {teks(bawah)} lebih besar dari target_atas {teks(atas)}",
                bidang="target_bawah",
            )
    elif target is None:
        raise DataTidakValid(
            f"target: tidak boleh kosong untuk polaritas {polaritas}", bidang="target"
        )
    else:
        t = _target(target, "target")

    if rentang:
        metode = "rentang"
    elif jenis_target == "tepat":
        metode = "tepat"
    elif t == 0:
        metode = "nol"
    elif polaritas == "positif":
        metode = "R/T"
    else:
        metode = "(2T-R)/T" if metode_negatif == "2T-R" else "T/R"

    if realisasi is None:
        return _hasil(None, "realisasi belum ada", metode, skala=skala, batas_atas=batas_atas)
    r = D(realisasi, bidang="realisasi")

    if rentang:
        nilai, rumus, catatan = _rentang(r, bawah, atas, polaritas, metode_negatif)
    elif jenis_target == "tepat":
        nilai, rumus, catatan = _tepat(r, t)
    else:
        nilai, rumus, metode, catatan = _biasa(r, t, polaritas, metode_negatif)
    return _hasil(nilai, rumus, metode, skala=skala, batas_atas=batas_atas, catatan=catatan)


# --- Qualitative (ordinal) targets [D], formulas.md §1.5 ---------------------------------


@dataclass(frozen=True)
class SkalaOrdinal:
    kode: str
    nama: str
    peringkat: dict[str, int] = field(hash=False)
    sumber: str

    def peringkat_untuk(self, label, *, bidang: str) -> tuple[str, int]:
        """Rank of a label, case-insensitive, ignoring parenthesised notes ("WTP (3)")."""
        if not isinstance(label, str) or not label.strip():
            raise DataTidakValid(f"{bidang}: tidak boleh kosong untuk {self.nama}", bidang=bidang)
        bersih = " ".join(re.sub(r"\([^)]*\)", " ", label).split()).upper()
        for kunci, nilai in self.peringkat.items():
            if kunci.upper() == bersih:
                return kunci, nilai
        daftar = ", ".join(self.peringkat)
        raise DataTidakValid(
            f"{bidang}: '{label}' bukan label {self.nama} (pilihan: {daftar})", bidang=bidang
        )


SKALA_OPINI = SkalaOrdinal(
    kode="opini",
    nama="opini BPK",
    peringkat={"WTP": 4, "WDP": 3, "TW": 2, "TMP": 1},
    sumber="UU 15/2004 Penjelasan Pasal 16 ayat (1) (jenis opini BPK); peringkat 4..1 keputusan proyek [D]",
)

SKALA_PREDIKAT_SAKIP = SkalaOrdinal(
    kode="predikat-sakip",
    nama="predikat SAKIP",
    peringkat={"AA": 7, "A": 6, "BB": 5, "B": 4, "CC": 3, "C": 2, "D": 1},
    sumber="PermenPAN-RB 88/2021 Lampiran (predikat AA..D); peringkat 7..1 keputusan proyek [D]",
)

SKALA_ORDINAL = {s.kode: s for s in (SKALA_OPINI, SKALA_PREDIKAT_SAKIP)}


def skala_ordinal_untuk(kode) -> SkalaOrdinal:
    """An ordinal scale by kode, or the SkalaOrdinal itself (custom mapping)."""
    if isinstance(kode, SkalaOrdinal):
        return kode
    try:
        return SKALA_ORDINAL[kode]
    except (KeyError, TypeError):
        daftar = ", ".join(f'"{k}"' for k in SKALA_ORDINAL)
        raise DataTidakValid(
            f"skala_ordinal: '{kode}' tidak dikenal (pilihan: {daftar})", bidang="skala_ordinal"
        ) from None


def hitung_capaian_kualitatif(
    *, realisasi: str | None, target: str, skala_ordinal="opini", skala: str = "dki"
) -> HasilCapaian:
    """Capaian of a qualitative indicator (opini BPK, predikat SAKIP) on an ordinal scale.

    No regulatory formula exists [D] (formulas.md §1.5): 100% when rank(R) >= rank(T),
    otherwise rank(R)/rank(T)×100. Seed Tabel 16 sasaran 3 prints "WTP (3)" → 100%.
    `skala_ordinal` is a kode from SKALA_ORDINAL or a SkalaOrdinal (configurable mapping).
    """
    so = skala_ordinal_untuk(skala_ordinal)
    skala_capaian(skala)
    label_t, rank_t = so.peringkat_untuk(target, bidang="target")
    if realisasi is None:
        return _hasil(None, "realisasi belum ada", "ordinal", skala=skala, batas_atas=None)
    label_r, rank_r = so.peringkat_untuk(realisasi, bidang="realisasi")
    if rank_r >= rank_t:
        nilai = SERATUS
        rumus = f"peringkat {label_r} ({rank_r}) ≥ peringkat {label_t} ({rank_t}) → 100%"
    else:
        nilai = persen(Decimal(rank_r), Decimal(rank_t))
        rumus = f"peringkat {label_r} ({rank_r}) / peringkat {label_t} ({rank_t}) × 100%"
    pemetaan = ", ".join(f"{k}={v}" for k, v in so.peringkat.items())
    catatan = f"pemetaan peringkat {so.nama}: {pemetaan} ({so.sumber})"
    return _hasil(nilai, rumus, "ordinal", skala=skala, batas_atas=None, catatan=catatan)
