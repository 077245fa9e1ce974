"""Shared pieces of the rules: the registry, column roles, the context findings go into."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.reviu.bilangan import Angka, indonesia, tampil
from kinerja.reviu.dokumen import Baris, Dokumen, Kalimat, Tabel, Temuan, normal

SERATUS = Decimal(100)


@dataclass(frozen=True)
class Aturan:
    kode: str
    nama: str
    sumber: str
    fungsi: Callable


ATURAN: list[Aturan] = []


def aturan(kode: str, nama: str, sumber: str):
    def daftar(fungsi):
        ATURAN.append(Aturan(kode, nama, sumber, fungsi))
        return fungsi

    return daftar


def _t(a: Angka | Decimal | None, dp: int | None = None, persen: bool = False) -> str:
    if a is None:
        return "(kosong)"
    if isinstance(a, Angka):
        return tampil(a.nilai, a.dp if dp is None else dp, persen=a.persen or persen)
    return tampil(a, 2 if dp is None else dp, persen=persen)


# --- column roles ---------------------------------------------------------------------------

_TAHUN = re.compile(r"\b(20\d\d)\b")
_SEMESTER = re.compile(r"\b(?:semester|smt|putaran)\s*(ii|2|i|1)\b", re.IGNORECASE)


def peran(nama: str) -> str | None:
    """'target', 'realisasi' or 'capaian' from a column name ('Tahun 2024 %', 'T', 'R')."""
    n = nama.casefold()
    kata = n.split()
    akhir = kata[-1] if kata else ""
    if "capaian" in n:
        return "capaian"
    if re.search(r"\btarget\b|\bpagu\b|\balokasi\b|\banggaran\b", n) or akhir == "t":
        return "target"
    if akhir in ("%", "(%)") or n.strip() == "%":
        return "capaian" if not re.search(r"\btarget\b", n) else "target"
    if re.search(r"\brealisasi\b", n) and "%" in n:
        return "capaian"
    if re.search(r"\brealisasi\b", n) or akhir == "r":
        return "realisasi"
    return None


def kelompok(nama: str) -> str:
    n = re.sub(r"\b(target|realisasi|capaian|t|r)\b|%|\(rp\)|\(%\)|\brp\b", " ", nama.casefold())
    n = re.sub(r"\b(anggaran|awal|perubahan|pagu|alokasi)\b", " ", n)
    return " ".join(n.split())


def tahun_kolom(tabel: Tabel, j: int) -> int | None:
    tahun = set(_TAHUN.findall(tabel.kolom[j] if j < len(tabel.kolom) else ""))
    if len(tahun) == 1:
        return int(tahun.pop())
    if len(tahun) > 1:
        return None
    return tabel.tahun_judul


def semester(nama: str) -> int | None:
    m = _SEMESTER.search(nama)
    if not m:
        return None
    return 2 if m.group(1).lower() in ("ii", "2") else 1


@dataclass
class Trio:
    kelompok: str
    target: int
    realisasi: int
    capaian: int | None


def trio(tabel: Tabel) -> list[Trio]:
    """(target, realisasi, capaian) column triples, one per column group (year, aspect);
    computed once per table."""
    simpan = tabel.__dict__.get("_trio")
    if simpan is None:
        simpan = tabel.__dict__["_trio"] = _trio(tabel)
    return simpan


def _trio(tabel: Tabel) -> list[Trio]:
    grup: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    urut = []
    for j, nama in enumerate(tabel.kolom):
        p = peran(nama)
        if p and semester(nama) is None:
            g = kelompok(nama)
            if g not in grup:
                urut.append(g)
            grup[g][p].append(j)
    hasil = []
    for g in urut:
        d = grup[g]
        if not d["target"] or not d["realisasi"]:
            continue
        if len(d["realisasi"]) > 1:
            continue  # ambiguous ("T T T" headers are reported by kolom_ganda)
        jr = d["realisasi"][0]
        jt = max((j for j in d["target"] if j < jr), default=d["target"][-1])
        jc = min((j for j in d["capaian"] if j > jr), default=None)
        hasil.append(Trio(g, jt, jr, jc))
    return hasil


def sama_label(a: str, b: str) -> bool:
    """Two normalised labels name the same thing: equal, one contains the other (4+ words),
    or long labels sharing 85% of their words (a report writes 'respon' and 'respons')."""
    if not a or not b:
        return False
    if a == b:
        return True
    pendek, panjang = (a, b) if len(a) <= len(b) else (b, a)
    if len(pendek.split()) >= 4 and f" {pendek} " in f" {panjang} ":
        return True
    ka, kb = set(a.split()), set(b.split())
    return min(len(ka), len(kb)) >= 8 and len(ka & kb) / len(ka | kb) >= 0.85


# --- context -------------------------------------------------------------------------------


@dataclass
class Konteks:
    dok: Dokumen
    temuan: list[Temuan] = field(default_factory=list)
    koreksi: dict[tuple[int, int, int], Decimal] = field(default_factory=dict)
    _aturan: Aturan | None = None

    def tambah(
        self,
        *,
        lokasi: str,
        terbit: str,
        hitung: str,
        rumus: str,
        tabel: Tabel | None = None,
        kalimat: Kalimat | None = None,
        uraian: str = "",
        selisih: Decimal | None = None,
    ) -> None:
        a = self._aturan
        terbit, hitung, rumus = indonesia(terbit), indonesia(hitung), indonesia(rumus)
        bab = tabel.bab if tabel else (kalimat.bab if kalimat else "")
        halaman = tabel.halaman if tabel else (kalimat.halaman if kalimat else None)
        self.temuan.append(
            Temuan(
                aturan=a.kode if a else "",
                nama_aturan=a.nama if a else "",
                lokasi=lokasi,
                bab=bab,
                halaman=halaman,
                terbit=terbit,
                hitung=hitung,
                rumus=rumus,
                uraian=uraian,
                sumber_aturan=a.sumber if a else "",
                selisih=selisih,
            )
        )

    def nilai(self, tabel: Tabel, baris: Baris, j: int) -> Decimal | None:
        """The cell's value, or the value an earlier rule recomputed for it."""
        k = self.koreksi.get((tabel.urutan, baris.indeks, j))
        if k is not None:
            return k
        a = baris.angka(j)
        return a.nilai if a else None

    def baris_berlabel(self) -> list[tuple[str, Tabel, Baris]]:
        if not hasattr(self, "_indeks"):
            self._indeks = [
                (normal(b.label), t, b) for t in self.dok.tabel for b in t.baris if b.label
            ]
        return self._indeks


def _selisih(terbit: Angka | None, hitung: Decimal | None) -> Decimal | None:
    if terbit is None or hitung is None:
        return None
    return hitung - terbit.nilai


def _tahun_laporan(dok: Dokumen) -> int | None:
    """The report's year: the most frequent single year in the table captions."""
    hitung = defaultdict(int)
    for t in dok.tabel:
        if t.tahun_judul:
            hitung[t.tahun_judul] += 1
    return max(hitung, key=lambda y: (hitung[y], y)) if hitung else None
