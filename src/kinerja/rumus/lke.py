"""Evaluasi AKIP (Lembar Kerja Evaluasi, LKE), PermenPAN-RB 88/2021.

Four components (Perencanaan 30, Pengukuran 30, Pelaporan 15, Evaluasi Akuntabilitas
Kinerja Internal 25), each split Pemenuhan 20% / Kualitas 30% / Pemanfaatan 50%. The
structure is data (KOMPONEN_LKE_88_2021); the criteria lists are empty placeholders until
the official LKE is loaded (lengkapi_kriteria). Spec: shared/domain/formulas.md §3.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from kinerja.rumus.bilangan import NOL, SERATUS, D, DataTidakValid, jumlah, rata_rata, teks
from kinerja.rumus.skala import SKALA_LKE


@dataclass(frozen=True)
class Kriteria:
    kode: str  # e.g. "1.a.1"
    uraian: str
    skala: tuple[str, ...] = ()  # allowed answers, e.g. ("Y", "T"); empty = any key of the map


@dataclass(frozen=True)
class SubKomponen:
    kode: str  # e.g. "1.a"
    nama: str
    bobot: Decimal
    kriteria: tuple[Kriteria, ...]


@dataclass(frozen=True)
class Komponen:
    kode: str  # "1".."4"
    nama: str
    bobot: Decimal
    sub: tuple[SubKomponen, ...]
    alias: tuple[str, ...] = ()  # other names reports use, e.g. "Evaluasi Internal"


def _komponen(kode: str, nama: str, bobot: str, sub: tuple[str, str, str], *alias: str) -> Komponen:
    nama_sub = ("Pemenuhan", "Kualitas", "Pemanfaatan")
    return Komponen(
        kode=kode,
        nama=nama,
        bobot=Decimal(bobot),
        sub=tuple(
            SubKomponen(kode=f"{kode}.{huruf}", nama=n, bobot=Decimal(b), kriteria=())
            for huruf, n, b in zip("abc", nama_sub, sub, strict=True)
        ),
        alias=alias,
    )


# PermenPAN-RB 88/2021 Lampiran (formulas.md §3.1): component weights and the Pemenuhan 20% /
# Kualitas 30% / Pemanfaatan 50% split. The evaluasi-internal split 5/7.5/12.5 is assumed to
# follow the same 20/30/50 [M]. Criteria are empty until the official list is loaded.
KOMPONEN_LKE_88_2021: tuple[Komponen, ...] = (
    _komponen("1", "Perencanaan Kinerja", "30", ("6", "9", "15"), "Perencanaan"),
    _komponen("2", "Pengukuran Kinerja", "30", ("6", "9", "15"), "Pengukuran"),
    _komponen("3", "Pelaporan Kinerja", "15", ("3", "4.5", "7.5"), "Pelaporan"),
    _komponen(
        "4",
        "Evaluasi Akuntabilitas Kinerja Internal",
        "25",
        ("5", "7.5", "12.5"),
        "Evaluasi Internal",
        "Evaluasi Kinerja Internal",
    ),
)

# Answer values. UNVERIFIED: the official LKE answer scale was not retrievable (formulas.md
# §3.2). Y/T for pemenuhan criteria and a graded A-E letter scale are assumed; pass the
# official map as `peta` once known. (Trenggalek's local implementation uses
# A/B/C/D = 1/0.66/0.33/0.)
PETA_JAWABAN_BAKU: dict[str, Decimal] = {
    "Y": Decimal(1),
    "T": Decimal(0),
    "A": Decimal(1),
    "B": Decimal("0.75"),
    "C": Decimal("0.5"),
    "D": Decimal("0.25"),
    "E": Decimal(0),
}


@dataclass(frozen=True)
class HasilLKE:
    nilai: Decimal
    predikat: str
    interpretasi: str
    komponen: tuple[
        tuple[str | None, str, Decimal, Decimal | None], ...
    ]  # (kode, nama, nilai, bobot)
    rumus: str
    sub: tuple[tuple[str, str, Decimal, Decimal], ...] = ()  # per sub-komponen, from answers


def _kunci(nama: str) -> str:
    return " ".join(str(nama).split()).casefold()


def cari_komponen(
    nama: str, struktur: Sequence[Komponen] = KOMPONEN_LKE_88_2021
) -> Komponen | None:
    """The component whose kode, nama or alias matches (case and spacing ignored)."""
    k = _kunci(nama)
    for komp in struktur:
        if k in {_kunci(komp.kode), _kunci(komp.nama), *(_kunci(a) for a in komp.alias)}:
            return komp
    return None


def _hasil(nilai: Decimal, komponen: tuple, rumus: str, sub: tuple = ()) -> HasilLKE:
    if not 0 <= nilai <= SERATUS:
        raise DataTidakValid(
            f"nilai LKE: diharapkan 0 sampai 100, diterima {teks(nilai)}", bidang="nilai"
        )
    pita = SKALA_LKE.pita_untuk(nilai)
    return HasilLKE(
        nilai=nilai,
        predikat=pita.label,
        interpretasi=pita.keterangan,
        komponen=komponen,
        rumus=rumus,
        sub=sub,
    )


def nilai_lke_total(nilai) -> HasilLKE:
    """Predikat AKIP from a total score alone (PermenPAN-RB 88/2021 Lampiran; SKALA_LKE,
    lower bounds exclusive: 80.00 is BB)."""
    x = D(nilai, bidang="nilai LKE")
    return _hasil(x, (), f"nilai = {teks(x)}")


def nilai_lke(komponen: Sequence[Mapping | tuple]) -> HasilLKE:
    """Total = Σ component scores (PermenPAN-RB 88/2021; seed lines 918-926: 25.50 + 25.50 +
    12.75 + 22.00 = 85.75). Items are {"nama", "nilai"} or (nama, nilai); a score of a known
    component must lie within 0..its weight, and each component may appear once."""
    if not komponen:
        raise DataTidakValid("komponen LKE: kosong; diharapkan minimal satu", bidang="komponen")
    baris, terlihat = [], set()
    for i, item in enumerate(komponen, start=1):
        if isinstance(item, Mapping):
            nama, nilai = item.get("nama"), item.get("nilai")
        elif isinstance(item, (tuple, list)) and len(item) == 2:
            nama, nilai = item
        else:
            raise DataTidakValid(
                f"komponen LKE ke-{i}: diharapkan {{'nama', 'nilai'}} atau (nama, nilai)",
                bidang="komponen",
            )
        nama = str(nama or f"komponen ke-{i}")
        x = D(nilai, bidang=f"nilai komponen {nama}")
        komp = cari_komponen(nama)
        batas = komp.bobot if komp else None
        if x < 0 or (batas is not None and x > batas):
            rentang = f"0 sampai {teks(batas)} (bobotnya)" if batas is not None else "tidak negatif"
            raise DataTidakValid(
                f"nilai komponen {nama}: diharapkan {rentang}, diterima {teks(x)}", bidang="nilai"
            )
        if komp is not None:
            if komp.kode in terlihat:
                raise DataTidakValid(
                    f"komponen LKE {komp.nama}: muncul lebih dari sekali", bidang="komponen"
                )
            terlihat.add(komp.kode)
        baris.append((komp.kode if komp else None, komp.nama if komp else nama, x, batas))
    total = jumlah(b[2] for b in baris)
    rumus = " + ".join(teks(b[2]) for b in baris) + f" = {teks(total)}"
    return _hasil(total, tuple(baris), rumus)


def lengkapi_kriteria(
    kriteria: Mapping[str, Sequence[tuple[str, str] | Kriteria]],
    struktur: Sequence[Komponen] = KOMPONEN_LKE_88_2021,
) -> tuple[Komponen, ...]:
    """A copy of `struktur` with criteria filled per sub-komponen kode ({"1.a": [(kode, uraian)]})."""
    dikenal = {s.kode for k in struktur for s in k.sub}
    asing = set(kriteria) - dikenal
    if asing:
        raise DataTidakValid(
            f"sub-komponen {', '.join(sorted(asing))} tidak dikenal", bidang="kriteria"
        )

    def isi(s: SubKomponen) -> SubKomponen:
        daftar = kriteria.get(s.kode)
        if daftar is None:
            return s
        return replace(
            s, kriteria=tuple(k if isinstance(k, Kriteria) else Kriteria(*k) for k in daftar)
        )

    return tuple(replace(k, sub=tuple(isi(s) for s in k.sub)) for k in struktur)


def nilai_lke_dari_jawaban(
    jawaban: Mapping[str, str],
    *,
    struktur: Sequence[Komponen] = KOMPONEN_LKE_88_2021,
    peta: Mapping[str, Decimal] = PETA_JAWABAN_BAKU,
) -> HasilLKE:
    """Score from criterion answers (formulas.md §3.2, as implemented by wp-eval-sakip):
    sub-komponen = mean(answer values) × sub weight; komponen = Σ sub; total = Σ komponen.
    Every criterion must be answered (a missing answer is an error, not 0); a sub-komponen
    without criteria means the official LKE list has not been loaded."""
    peta = {str(k).strip().upper(): D(v, bidang=f"peta jawaban {k}") for k, v in peta.items()}
    sisa = dict(jawaban)
    baris_komponen, baris_sub = [], []
    for komp in struktur:
        nilai_sub = []
        for s in komp.sub:
            if not s.kriteria:
                raise DataTidakValid(
                    f"sub-komponen {s.kode} {komp.nama} - {s.nama}: belum memiliki kriteria; "
                    "muat daftar kriteria LKE resmi (lengkapi_kriteria)",
                    bidang="kriteria",
                )
            nilai_jawaban = [_nilai_jawaban(k, sisa, peta) for k in s.kriteria]
            nilai = rata_rata(nilai_jawaban) * s.bobot
            nilai_sub.append(nilai)
            baris_sub.append((s.kode, f"{komp.nama} - {s.nama}", nilai, s.bobot))
        baris_komponen.append((komp.kode, komp.nama, jumlah(nilai_sub), komp.bobot))
    if sisa:
        raise DataTidakValid(
            f"jawaban untuk kriteria {', '.join(sorted(sisa))} tidak dikenal dalam struktur LKE",
            bidang="jawaban",
        )
    total = jumlah(b[2] for b in baris_komponen)
    rumus = (
        "sub = rata-rata nilai jawaban × bobot sub; komponen = Σ sub; nilai = "
        + " + ".join(teks(b[2]) for b in baris_komponen)
        + f" = {teks(total)}"
    )
    return _hasil(total, tuple(baris_komponen), rumus, tuple(baris_sub))


def _nilai_jawaban(kriteria: Kriteria, sisa: dict, peta: Mapping[str, Decimal]) -> Decimal:
    if kriteria.kode not in sisa:
        raise DataTidakValid(
            f"jawaban kriteria {kriteria.kode} ({kriteria.uraian}): kosong", bidang="jawaban"
        )
    mentah = sisa.pop(kriteria.kode)
    kunci = str(mentah).strip().upper()
    if kriteria.skala and kunci not in kriteria.skala:
        raise DataTidakValid(
            f"jawaban kriteria {kriteria.kode}: '{mentah}' di luar skalanya "
            f"(pilihan: {'/'.join(kriteria.skala)})",
            bidang="jawaban",
        )
    if kunci not in peta:
        raise DataTidakValid(
            f"jawaban kriteria {kriteria.kode}: '{mentah}' tidak dikenal (pilihan: {', '.join(peta)})",
            bidang="jawaban",
        )
    nilai = peta[kunci]
    if not NOL <= nilai <= 1:
        raise DataTidakValid(
            f"peta jawaban {kunci}: nilai harus 0 sampai 1, diterima {nilai}", bidang="peta"
        )
    return nilai


@dataclass(frozen=True)
class VersiLKE:
    """One LKE version loaded from data (a regulation's Lampiran): structure, scales, map."""

    kode: str
    nama: str
    dasar_hukum: str
    struktur: tuple[Komponen, ...]
    peta: dict[str, Decimal]

    def kriteria(self) -> dict[str, Kriteria]:
        return {kr.kode: kr for k in self.struktur for s in k.sub for kr in s.kriteria}


def versi_dari_data(data: Mapping) -> VersiLKE:
    """Build a version from its data file (evaluasi/data/lke_*.json): komponen → sub →
    kriteria [kode, skala, uraian]; component weight = Σ sub weights is checked, and so is
    the total of 100 (PermenPAN-RB 88/2021 Lampiran; formulas.md §3.1)."""
    try:
        skala = {
            nama: tuple(str(j).upper() for j in daftar) for nama, daftar in data["skala"].items()
        }
        peta = {str(k).upper(): D(v, bidang=f"peta jawaban {k}") for k, v in data["peta"].items()}
        komponen = []
        for k in data["komponen"]:
            sub = []
            for s in k["sub"]:
                kriteria = []
                for kode, nama_skala, uraian in s["kriteria"]:
                    if nama_skala not in skala:
                        raise DataTidakValid(
                            f"kriteria {kode}: skala '{nama_skala}' tidak dikenal", bidang="skala"
                        )
                    if not set(skala[nama_skala]) <= set(peta):
                        raise DataTidakValid(
                            f"skala {nama_skala}: jawaban tanpa nilai di peta", bidang="peta"
                        )
                    kriteria.append(Kriteria(kode, uraian, skala[nama_skala]))
                sub.append(
                    SubKomponen(
                        s["kode"], s["nama"], D(s["bobot"], bidang="bobot"), tuple(kriteria)
                    )
                )
            bobot = D(k["bobot"], bidang="bobot")
            if jumlah(x.bobot for x in sub) != bobot:
                raise DataTidakValid(
                    f"komponen {k['nama']}: jumlah bobot sub komponen ≠ {teks(bobot)}",
                    bidang="bobot",
                )
            komponen.append(
                Komponen(k["kode"], k["nama"], bobot, tuple(sub), tuple(k.get("alias", ())))
            )
    except (KeyError, TypeError, ValueError) as e:
        raise DataTidakValid(f"data LKE tidak lengkap: {e}", bidang="data") from e
    if jumlah(k.bobot for k in komponen) != SERATUS:
        raise DataTidakValid("jumlah bobot komponen LKE harus 100", bidang="bobot")
    return VersiLKE(data["kode"], data["nama"], data.get("dasar_hukum", ""), tuple(komponen), peta)


def nilai_sebagian(
    jawaban: Mapping[str, str], versi: VersiLKE
) -> tuple[dict[str, Decimal], dict[str, Decimal], Decimal]:
    """Scores of a worksheet still being filled: unanswered criteria count 0 (shown as such,
    never as a final score). Returns (per sub kode, per komponen kode, total)."""
    sub, komp = {}, {}
    for k in versi.struktur:
        for s in k.sub:
            nilai = [
                versi.peta[str(jawaban[kr.kode]).upper()] if jawaban.get(kr.kode) else NOL
                for kr in s.kriteria
            ]
            sub[s.kode] = rata_rata(nilai) * s.bobot if nilai else NOL
        komp[k.kode] = jumlah(sub[s.kode] for s in k.sub)
    return sub, komp, jumlah(komp.values())
