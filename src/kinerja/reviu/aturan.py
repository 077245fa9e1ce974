"""The checks of a report, one small named rule each, every one naming its source.

A rule reads the `Dokumen` (tables with column roles, sentences with figures) through the
`Konteks`, recomputes what it can with the engine (`kinerja.rumus`: capaian, skala,
sasaran, NKA) and reports a `Temuan` for every printed figure that does not hold: where it
is, the printed and the recomputed value, the formula with its inputs. A value a rule has
recomputed is kept as a correction (`Konteks.koreksi`) so later rules that use it (a
semester mean, the NKA chain) show the effect downstream.

Sources: PermenPAN-RB 53/2014 (tata cara reviu atas LKIP: keandalan dan konsistensi data
kinerja), PermenPAN-RB 6/2022 Bab VI (capaian), PermenPAN-RB 14/2017 (IKM: rata-rata per
unsur), PMK 22/PMK.02/2021 (NKA), Permendagri 86/2017 (skala predikat), the formula spec
../shared/domain/formulas.md; matching and tolerances in docs/keputusan/0039-reviu-dokumen.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.reviu.bilangan import Angka, baca_angka, cocok, indonesia, setengah_satuan, tampil
from kinerja.reviu.dokumen import Baris, Dokumen, Kalimat, Tabel, Temuan, normal
from kinerja.rumus import capaian as rc
from kinerja.rumus import nka
from kinerja.rumus.bilangan import DataTidakValid, jumlah, rata_rata
from kinerja.rumus.sasaran import capaian_sasaran
from kinerja.rumus.skala import SKALA_CAPAIAN_DKI, SKALA_MUTU_IKM

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


# --- capaian and predikat --------------------------------------------------------------------


def _hitung_capaian(r: Angka, t: Angka):
    try:
        return rc.hitung_capaian(realisasi=r.nilai, target=t.nilai)
    except DataTidakValid:
        return None


@aturan(
    "capaian",
    "Capaian = realisasi / target",
    "PermenPAN-RB 6/2022 Bab VI (kondisi normal R/T × 100%, kondisi khusus (2T − R)/T); "
    "PermenPAN-RB 53/2014 (reviu keandalan angka)",
)
def periksa_capaian(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        for tr in trio(tabel):
            if tr.capaian is None:
                continue
            for b in tabel.baris:
                t, r, c = b.angka(tr.target), b.angka(tr.realisasi), b.angka(tr.capaian)
                if t is None or r is None or c is None or t.nilai == 0:
                    continue
                if t.persen != r.persen and (t.persen or r.persen) and b.teks(tr.target).strip():
                    if abs(t.nilai - r.nilai) > 50:  # one printed in percent, one not
                        continue
                h = _hitung_capaian(r, t)
                if h is None:
                    continue
                if cocok(c, h.capaian) or (c.nilai == SERATUS and h.capaian > SERATUS):
                    continue
                neg = rc.hitung_capaian(realisasi=r.nilai, target=t.nilai, polaritas="negatif")
                if cocok(c, neg.capaian):
                    continue
                k.tambah(
                    lokasi=tabel.lokasi(b, tr.capaian),
                    terbit=_t(c, persen=True),
                    hitung=_t(h.capaian, persen=True),
                    rumus=f"capaian = realisasi / target × 100% = {_t(r)} / {_t(t)} × 100%",
                    tabel=tabel,
                    selisih=_selisih(c, h.capaian),
                    uraian=f"Capaian '{b.label}' ({tr.kelompok or 'tahun laporan'}) tidak sama "
                    "dengan realisasi dibagi target.",
                )


_TANDA = {"√", "v", "✓", "✔", "x", "X", "V"}


@aturan(
    "predikat",
    "Predikat menurut skala capaian",
    "Permendagri 86/2017 Tabel T-E.1 dengan penyesuaian DKI (skala laporan, Tabel 15/17)",
)
def periksa_predikat(k: Konteks) -> None:
    pita = SKALA_CAPAIAN_DKI.labels()
    for tabel in k.dok.tabel:
        kolom_pita = {}
        for j, nama in enumerate(tabel.kolom):
            cocok_pita = [p for p in pita if p.casefold() in nama.casefold()]
            if cocok_pita:
                kolom_pita[j] = max(cocok_pita, key=len)
        if len(kolom_pita) < 3:
            continue
        jc = next(
            (
                j
                for j, n in enumerate(tabel.kolom)
                if "capaian" in n.casefold() and j not in kolom_pita
            ),
            None,
        )
        if jc is None:
            continue
        for b in tabel.baris:
            c = b.angka(jc)
            tanda = [kolom_pita[j] for j in kolom_pita if b.teks(j) in _TANDA]
            if c is None or len(tanda) != 1:
                continue
            benar = SKALA_CAPAIAN_DKI.label(c.nilai)
            if benar != tanda[0]:
                k.tambah(
                    lokasi=tabel.lokasi(b),
                    terbit=tanda[0],
                    hitung=benar,
                    rumus=f"predikat({_t(c, persen=True)}) pada skala {SKALA_CAPAIAN_DKI.kode}",
                    tabel=tabel,
                )


@aturan(
    "mutu_ikm",
    "Mutu pelayanan dari nilai IKM",
    "PermenPAN-RB 14/2017 Lampiran (interval konversi 25-100: A ≥ 88,31; B ≥ 76,61; C ≥ 65)",
)
def periksa_mutu(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        jm = next((j for j, n in enumerate(tabel.kolom) if n.casefold().startswith("mutu")), None)
        if jm is None:
            continue
        jn = next((j for j in range(jm - 1, -1, -1) if any(b.angka(j) for b in tabel.baris)), None)
        if jn is None:
            continue
        for b in tabel.baris:
            a, mutu = b.angka(jn), b.teks(jm)
            if a is None or mutu not in ("A", "B", "C", "D") or not 25 <= a.nilai <= 100:
                continue
            benar = SKALA_MUTU_IKM.label(a.nilai)
            if benar != mutu:
                k.tambah(
                    lokasi=tabel.lokasi(b, jm),
                    terbit=mutu,
                    hitung=benar,
                    rumus=f"mutu({_t(a)}) pada {SKALA_MUTU_IKM.sumber}",
                    tabel=tabel,
                )


@aturan(
    "skala",
    "Skala predikat tanpa celah",
    "Permendagri 86/2017 Tabel T-E.1 (pita nilai bersambung); skala laporan Tabel 15 vs 17",
)
def periksa_skala(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        ji = next((j for j, n in enumerate(tabel.kolom) if "interval" in n.casefold()), None)
        if ji is None or "ikm" in tabel.judul.casefold():
            continue
        pita = []
        for b in tabel.baris:
            s = b.teks(ji).replace("\\geq", "≥").replace("\\leq", "≤").replace("$", "")
            s = s.replace("\\%", "%").replace("\\", "")
            angka = [baca_angka(x) for x in re.findall(r"\d+(?:[.,]\d+)?", s)]
            angka = [a.nilai for a in angka if a]
            if not angka:
                continue
            if len(angka) >= 2:
                pita.append((min(angka), max(angka), b))
            elif "≥" in s or ">" in s:
                pita.append((angka[0], None, b))
            elif "≤" in s or "<" in s:
                pita.append((None, angka[0], b))
        if len(pita) < 3:
            continue
        urut = sorted(pita, key=lambda p: p[0] if p[0] is not None else Decimal(-1))
        for bawah, atas in zip(urut, urut[1:], strict=False):
            if bawah[1] is None or atas[0] is None:
                continue
            if atas[0] - bawah[1] > 1:
                k.tambah(
                    lokasi=tabel.lokasi(bawah[2], ji),
                    terbit=_bersih_latex(bawah[2].teks(ji)),
                    hitung=f"≤ {_t(atas[0] - Decimal('0.01'))}%",
                    rumus=f"pita berikutnya mulai {_t(atas[0])}: nilai antara {_t(bawah[1])} "
                    f"dan {_t(atas[0])} tidak masuk pita mana pun",
                    tabel=tabel,
                )


def _bersih_latex(s: str) -> str:
    s = s.replace("\\geq", "≥").replace("\\leq", "≤").replace("$", "")
    return " ".join(s.replace("\\%", "%").replace("\\", "").split())


@aturan(
    "kolom_ganda",
    "Judul kolom tahun dan peran",
    "PermenPAN-RB 53/2014 (reviu: penyajian tabel capaian target, realisasi, persen)",
)
def periksa_kolom(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        grup = defaultdict(list)
        for j, nama in enumerate(tabel.kolom):
            if peran(nama) and _TAHUN.search(nama):
                grup[kelompok(nama)].append((j, peran(nama), nama))
        for g, isi in grup.items():
            peran_isi = [p for _j, p, _n in isi]
            if len(isi) >= 3 and len(set(peran_isi)) == 1:
                k.tambah(
                    lokasi=f"{tabel.nama}, kolom '{isi[0][2]}'",
                    terbit=", ".join(n.split()[-1] for _j, _p, n in isi),
                    hitung="Target, Realisasi, %",
                    rumus=f"kelompok '{g}' berisi {len(isi)} kolom yang semuanya '{peran_isi[0]}'",
                    tabel=tabel,
                )
        tj = tabel.tahun_judul
        if tj is None:
            continue
        tahun_kepala = {int(y) for n in tabel.kolom for y in _TAHUN.findall(n)}
        semester_kolom = [n for n in tabel.kolom if semester(n)]
        if semester_kolom and len(tahun_kepala) == 1 and tj not in tahun_kepala:
            k.tambah(
                lokasi=f"{tabel.nama}, kolom '{semester_kolom[0]}'",
                terbit=f"Tahun {tahun_kepala.pop()}",
                hitung=f"Tahun {tj}",
                rumus="tahun pada judul kolom harus sama dengan tahun pada judul tabel",
                tabel=tabel,
            )


# --- means and sums ------------------------------------------------------------------------


def _kelompok_baris(tabel: Tabel) -> list[list[Baris]]:
    """Rows by number: a numbered row and the unnumbered rows after it (a sasaran with
    several indicators)."""
    hasil: list[list[Baris]] = []
    for b in tabel.baris:
        if b.nomor:
            hasil.append([b])
        elif hasil and not re.match(r"(sasaran|jumlah|total|rata)", b.label.casefold()):
            hasil[-1].append(b)
    return hasil


def _tabel_capaian(dok: Dokumen) -> list[tuple[Tabel, Trio]]:
    """Tables of numbered rows with capaian, the one with most such rows first (the PK
    capaian table, seed Tabel 16)."""
    hasil = []
    for t in dok.tabel:
        for tr in trio(t):
            n = sum(
                1 for b in t.baris if b.nomor and tr.capaian is not None and b.angka(tr.capaian)
            )
            if n >= 3:
                hasil.append((n, t.urutan, t, tr))
                break
    return [(t, tr) for _n, _u, t, tr in sorted(hasil, key=lambda x: (-x[0], x[1]))]


@aturan(
    "rata_sasaran",
    "Capaian sasaran = rata-rata capaian indikatornya",
    "PermenPAN-RB 53/2014; formulas.md §1.6 (rata-rata capaian indikator sasaran); "
    "rumus.sasaran.capaian_sasaran",
)
def periksa_rata_sasaran(k: Konteks) -> None:
    sumber = _tabel_capaian(k.dok)
    for tabel in k.dok.tabel:
        # (a) within the table: a "per SS" / "rata-rata" column on the first row of a group
        for tr in trio(tabel):
            if tr.capaian is None:
                continue
            for j, nama in enumerate(tabel.kolom):
                n = nama.casefold()
                if j == tr.capaian or "capaian" not in n or not ("per ss" in n or "rata" in n):
                    continue
                for grup in _kelompok_baris(tabel):
                    a = grup[0].angka(j)
                    nilai = [b.angka(tr.capaian) for b in grup]
                    if a is None or len(grup) < 2 or any(x is None for x in nilai):
                        continue
                    h = capaian_sasaran([x.nilai for x in nilai])
                    if not cocok(a, h.capaian):
                        k.tambah(
                            lokasi=tabel.lokasi(grup[0], j),
                            terbit=_t(a, persen=True),
                            hitung=_t(h.capaian, persen=True),
                            rumus=f"rata-rata capaian indikator = {h.rumus}",
                            tabel=tabel,
                            selisih=_selisih(a, h.capaian),
                        )
        # (b) a sasaran table (jumlah indikator, rata-rata capaian) against the capaian table
        jr = next(
            (
                j
                for j, n in enumerate(tabel.kolom)
                if "rata" in n.casefold() and "capaian" in n.casefold()
            ),
            None,
        )
        jn = next(
            (j for j, n in enumerate(tabel.kolom) if "jumlah indikator" in n.casefold()), None
        )
        if jr is None or jn is None:
            continue
        for st, tr in sumber:
            if st is tabel or tr.capaian is None:
                continue
            js = next(
                (
                    j
                    for j, n in enumerate(st.kolom)
                    if n.casefold().startswith("sasaran")
                    and sum(1 for x in st.baris if re.fullmatch(r"\d{1,2}", x.teks(j)))
                    >= len(st.baris) // 2
                ),
                None,
            )
            if js is not None:  # one row per indicator, the sasaran number in its own column
                grup: dict[str, list[Baris]] = {}
                for x in st.baris:
                    if re.fullmatch(r"\d{1,2}", x.teks(js)):
                        grup.setdefault(x.teks(js), []).append(x)
            else:
                grup = {g[0].nomor: g for g in _kelompok_baris(st)}
            for b in tabel.baris:
                g = grup.get(b.nomor)
                a = b.angka(jr)
                if g is None or a is None:
                    continue
                n = b.angka(jn)
                sama = sama_label(normal(b.label), normal(g[0].label))
                if not (sama or (js is not None and n is not None and n.nilai == len(g))):
                    continue
                nilai = [x.angka(tr.capaian) for x in g]
                if any(x is None for x in nilai):
                    continue
                h = capaian_sasaran([x.nilai for x in nilai])
                if not cocok(a, h.capaian):
                    k.tambah(
                        lokasi=tabel.lokasi(b, jr),
                        terbit=_t(a, persen=True),
                        hitung=_t(h.capaian, persen=True),
                        rumus=f"rata-rata capaian indikator sasaran {b.nomor} ({st.nama}) = {h.rumus}",
                        tabel=tabel,
                        selisih=_selisih(a, h.capaian),
                    )


@aturan(
    "rata_baris",
    "Baris rata-rata dan capaian kinerja sasaran",
    "PermenPAN-RB 53/2014; formulas.md §1.6 (rata-rata capaian indikator)",
)
def periksa_baris_rata(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        trios = trio(tabel)
        # "Rata-rata" rows: the mean of the capaian of the indicator rows above
        for tr in trios:
            if tr.capaian is None:
                continue
            awal = 0
            for i, b in enumerate(tabel.baris):
                lab = b.label.casefold()
                if _baris_program(b) or lab.startswith("sasaran"):
                    awal = i
                if not lab.startswith("rata"):
                    continue
                a = b.angka(tr.capaian)
                nilai = [
                    x.angka(tr.capaian)
                    for x in tabel.baris[awal:i]
                    if x.angka(tr.capaian) and x.angka(tr.realisasi)
                ]
                awal = i + 1
                if a is None or len(nilai) < 2:
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, tr.capaian),
                        terbit=_t(a, persen=True),
                        hitung=_t(h, persen=True),
                        rumus="rata-rata = ("
                        + " + ".join(_t(x) for x in nilai)
                        + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )
        # "Capaian Kinerja Sasaran" rows: per year group the mean of the capaian above
        for b in tabel.baris:
            if not b.label.casefold().startswith("capaian kinerja sasaran"):
                continue
            for tr in trios:
                if tr.capaian is None:
                    continue
                j_kel = [j for j in range(min(tr.target, tr.realisasi), tr.capaian + 1)]
                a = next((b.angka(j) for j in j_kel if b.angka(j)), None)
                nilai = [
                    x.angka(tr.capaian) for x in tabel.baris if x is not b and x.angka(tr.capaian)
                ]
                if a is None or not nilai:
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=f"{tabel.lokasi(b)}, {tr.kelompok}",
                        terbit=_t(a, persen=True),
                        hitung=_t(h, persen=True),
                        rumus="capaian sasaran = rata-rata capaian indikator = ("
                        + " + ".join(_t(x) for x in nilai)
                        + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


def _baris_program(b: Baris) -> bool:
    return any(s.strip().casefold().startswith("program ") for s in b.sel[:3])


def _baris_jumlah(tabel: Tabel) -> list[tuple[int, Baris]]:
    hasil = []
    for i, b in enumerate(tabel.baris):
        lab = b.label.casefold()
        if re.match(r"^(jumlah|total)\b", lab) and not re.match(r"^(jumlah|total) \w+ \w+", lab):
            hasil.append((i, b))
        elif (
            i == len(tabel.baris) - 1
            and i >= 2
            and not b.label
            and not b.nomor
            and tabel.baris[i - 1].label
            and not any(
                not x.label and any(x.angka(j) for j in range(len(x.sel))) for x in tabel.baris[:i]
            )
            and any(b.angka(j) for j in range(len(b.sel)))
            and any(tabel.baris[i - 1].angka(j) for j in range(len(b.sel)))
        ):
            hasil.append((i, b))
    return hasil


@aturan(
    "jumlah",
    "Jumlah kolom = jumlah baris di atasnya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran penjumlahan tabel)",
)
def periksa_jumlah(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        kolom_capaian = {tr.capaian for tr in trio(tabel) if tr.capaian is not None}
        awal = 0
        for i, b in _baris_jumlah(tabel):
            atas = [
                x
                for x in tabel.baris[awal:i]
                if not re.match(r"^(jumlah|total|sub)", x.label.casefold())
            ]
            awal = i + 1
            kata = b.label.casefold().split()
            if len(kata) == 2:  # "Jumlah program": the program rows of a program/kegiatan tree
                pilih = [x for x in atas if x.label.casefold().startswith(kata[1])]
                atas = pilih or atas
            for j in range(len(b.sel)):
                a = b.angka(j)
                if a is None or (j in kolom_capaian and b.label):
                    continue
                nilai = [x.angka(j) for x in atas if x.angka(j) is not None]
                if len(nilai) < 2:
                    continue
                if (
                    b.label
                    and a.nilai <= 100
                    and min(x.nilai for x in nilai) <= a.nilai <= max(x.nilai for x in nilai)
                ):
                    continue  # a ratio or mean on the total row (Realisasi %), not a sum
                h = jumlah(x.nilai for x in nilai)
                # printed parts with decimals may each be rounded; whole counts are exact
                tol = sum((setengah_satuan(x) for x in nilai if x.dp > 0), Decimal(0))
                if a.persen and abs(h - a.nilai) > tol + 1 and not b.label:
                    pass  # an unlabeled percent total is a sum too (Tabel 70 kolom 5)
                if not cocok(a, h, toleransi_masukan=tol):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h, max(x.dp for x in nilai), persen=a.persen),
                        rumus=f"jumlah {len(nilai)} baris di atasnya = "
                        + " + ".join(_t(x) for x in nilai[:14])
                        + (" + …" if len(nilai) > 14 else ""),
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


@aturan(
    "rata_kolom",
    "Kolom rata-rata = rata-rata kolom periodenya",
    "PermenPAN-RB 14/2017 (IKM tahunan dari pengukuran per periode); PermenPAN-RB 53/2014",
)
def periksa_rata_kolom(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            kata = nama.casefold().split()
            if not kata or not kata[-1].startswith("rata"):
                continue
            g = " ".join(nama.split()[:-1])
            periode = [
                i
                for i, n in enumerate(tabel.kolom)
                if i < j
                and (" ".join(n.split()[:-2]) == g or n.startswith(g))
                and re.search(r"(triwulan|semester|putaran|tw)\s*\w+$", n.casefold())
            ]
            if len(periode) < 2:
                continue
            for b in tabel.baris:
                a = b.angka(j)
                nilai = [b.angka(i) for i in periode]
                if a is None or any(x is None for x in nilai):
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h),
                        rumus="(" + " + ".join(_t(x) for x in nilai) + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


_OPERATOR = re.compile(r"\s*(x|×|\*|-|−|\+|/)\s*", re.IGNORECASE)


def _rujuk_kolom(tabel: Tabel, token: str, sampai: int) -> int | None:
    token = token.strip("() ").strip()
    if token.isdigit():
        j = int(token) - 1
        return j if 0 <= j < len(tabel.kolom) else None
    for j, nama in enumerate(tabel.kolom[:sampai]):
        kata = [w for w in re.split(r"\W+", nama) if w]
        inisial = "".join(w[0] for w in kata).upper()
        if nama.casefold() == token.casefold() or inisial == token.upper():
            return j
        if kata and kata[0].upper() == token.upper() and len(token) >= 2:
            return j
    return None


@aturan(
    "rumus_kolom",
    "Kolom berumus (A × B, A − B) sesuai kolom sumbernya",
    "PMK 22/PMK.02/2021 Lampiran (efisiensi: AA × COP − RA); PermenPAN-RB 53/2014",
)
def periksa_rumus_kolom(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            bagian = _OPERATOR.split(nama.strip())
            if len(bagian) != 3 or bagian[1] not in ("x", "X", "×", "*", "-", "−"):
                continue
            kiri, op, kanan = bagian
            if kiri.startswith("(") and not kiri.endswith(")"):
                continue
            ja, jb = _rujuk_kolom(tabel, kiri, j), _rujuk_kolom(tabel, kanan, j)
            if ja is None or jb is None or j in (ja, jb):
                continue
            for b in tabel.baris:
                x, y, z = b.angka(ja), b.angka(jb), b.angka(j)
                if x is None or y is None or z is None:
                    continue
                xv = x.nilai / SERATUS if x.persen else x.nilai
                yv = y.nilai / SERATUS if y.persen else y.nilai
                if op.lower() in ("x", "×", "*"):
                    h = xv * yv
                    tol = abs(xv) * setengah_satuan(y) / (SERATUS if y.persen else 1) + abs(
                        yv
                    ) * setengah_satuan(x) / (SERATUS if x.persen else 1)
                else:
                    h = xv - yv
                    tol = setengah_satuan(x) + setengah_satuan(y)
                zv = z.nilai / SERATUS if z.persen else z.nilai
                if z.persen:
                    tol_z = tol * SERATUS
                    ok = cocok(z, h * SERATUS, toleransi_masukan=tol_z)
                else:
                    ok = cocok(z, h, toleransi_masukan=tol)
                if not ok:
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(z),
                        hitung=_t(h * SERATUS if z.persen else h, z.dp, persen=z.persen),
                        rumus=f"{nama} = {_t(x)} {op} {_t(y)}",
                        tabel=tabel,
                        selisih=(h * SERATUS if z.persen else h) - z.nilai,
                    )
                del zv


@aturan(
    "jumlah_baris",
    "Kolom jumlah = jumlah kolom rinciannya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran penjumlahan tabel)",
)
def periksa_jumlah_baris(k: Konteks) -> None:
    """A 'Jumlah X' column whose value is, on most rows, the sum of the columns 'Jumlah X …'
    after it; rows where it is not are findings (the relation is learned from the table)."""
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            if not re.match(r"^(jumlah|total)\b", nama.casefold()):
                continue
            rinci = [
                i for i, n in enumerate(tabel.kolom) if i > j and n.startswith(nama) and n != nama
            ]
            if len(rinci) < 2:
                continue
            hasil = []
            for b in tabel.baris:
                a = b.angka(j)
                nilai = [b.angka(i) for i in rinci]
                if a is None or any(x is None for x in nilai):
                    continue
                h = jumlah(x.nilai for x in nilai)
                hasil.append((b, a, h, nilai))
            benar = [x for x in hasil if cocok(x[1], x[2])]
            if len(benar) * 2 < len(hasil):
                continue
            for b, a, h, nilai in hasil:
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h, a.dp),
                        rumus="jumlah rincian = " + " + ".join(_t(x) for x in nilai),
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


# --- semester, annual, aggregates ------------------------------------------------------------


@dataclass
class _Deret:
    """A row's semester values (s1, s2) with where they are."""

    label: str
    tabel: Tabel
    baris: Baris
    kolom: dict[int, int]  # semester -> column
    tahun: int | None


def _deret_semester(dok: Dokumen) -> list[_Deret]:
    hasil = []
    for t in dok.tabel:
        kolom = {}
        for j, n in enumerate(t.kolom):
            s = semester(n)
            if s and s not in kolom:
                kolom[s] = j
        if set(kolom) != {1, 2}:
            continue
        for b in t.baris:
            if b.label and b.angka(kolom[1]) and b.angka(kolom[2]):
                hasil.append(_Deret(normal(b.label), t, b, kolom, t.tahun_judul))
    return hasil


_TAHUNAN: dict = {}


def _tahunan(dok: Dokumen, label: str, tahun: int | None, kecuali: Tabel):
    """(tabel, baris, kolom, Angka) of the annual realisasi printed for a label (memoised
    per document)."""
    kunci = (id(dok), label, tahun, id(kecuali))
    if kunci not in _TAHUNAN:
        if len(_TAHUNAN) > 50_000:
            _TAHUNAN.clear()
        _TAHUNAN[kunci] = _cari_tahunan(dok, label, tahun, kecuali)
    return _TAHUNAN[kunci]


def _cari_tahunan(dok: Dokumen, label: str, tahun: int | None, kecuali: Tabel):
    hasil = []
    for t in dok.tabel:
        if t is kecuali:
            continue
        for j, n in enumerate(t.kolom):
            if peran(n) != "realisasi" or semester(n):
                continue
            tj = tahun_kolom(t, j)
            if tahun is not None and tj is not None and tj != tahun:
                continue
            for b in t.baris:
                if sama_label(normal(b.label), label) and b.angka(j):
                    hasil.append((t, b, j, b.angka(j)))
    return hasil


_KATA_UMUM = {
    "indeks",
    "nilai",
    "tahun",
    "kota",
    "administrasi",
    "jakarta",
    "pusat",
    "realisasi",
    "dan",
    "di",
    "per",
    "terhadap",
    "hasil",
    "dengan",
    "yang",
    "pada",
    "dari",
    "untuk",
    "semester",
    "indikator",
    "kinerja",
    "sumber",
    "ii",
    "i",
    "the",
    "bidang",
    "variabel",
    "2024",
    "2023",
}


def _kata(teks: str) -> set[str]:
    return {
        w for w in normal(teks).split() if w not in _KATA_UMUM and not w.isdigit() and len(w) > 2
    }


def _kunci_variabel(teks: str) -> str:
    return " ".join(normal(teks).split()[:4])


def _struktur_unsur(dok: Dokumen) -> dict[str, str]:
    """Variable -> unsur from the tables where every row holds its figures (a table split
    over pages may print an unsur label on a continuation line, seed Tabel 37)."""
    peta: dict[str, str] = {}
    for t in dok.tabel:
        if len(t.kolom) < 3 or not all(
            any(b.angka(j) for j in range(2, len(b.sel))) for b in t.baris
        ):
            continue
        unsur = ""
        for b in t.baris:
            if b.teks(0):
                unsur = normal(b.teks(0))
            if unsur and b.teks(1):
                peta.setdefault(_kunci_variabel(b.teks(1)), unsur)
    return peta


def _rata_unsur(tabel: Tabel, j: int, struktur: dict[str, str]) -> tuple[Decimal, str] | None:
    """Mean of the unsur means: rows grouped by the first column (an unsur and the
    variables under it), PermenPAN-RB 14/2017 (NRR per unsur, IKM = rata-rata unsur)."""
    baris = [b for b in tabel.baris if b.angka(j) is not None]
    kunci = [_kunci_variabel(b.teks(1)) for b in baris]
    grup: dict[str, list[Decimal]] = {}
    if kunci and all(x in struktur for x in kunci):
        for b, x in zip(baris, kunci, strict=True):
            grup.setdefault(struktur[x], []).append(b.angka(j).nilai)
    else:
        unsur = ""
        for b in tabel.baris:
            if b.teks(0):
                unsur = normal(b.teks(0))
            if b.angka(j) is not None:
                grup.setdefault(unsur, []).append(b.angka(j).nilai)
    if len(grup) < 3:
        return None
    rata_unsur = [rata_rata(g) for g in grup.values()]
    h = rata_rata(rata_unsur)
    rumus = (
        f"rata-rata {len(grup)} unsur (nilai unsur = rata-rata variabelnya) = ("
        + " + ".join(tampil(x, 2) for x in rata_unsur)
        + f") / {len(grup)}"
    )
    return h, rumus


@aturan(
    "agregat_unit",
    "Nilai agregat = rata-rata rinciannya (unit, unsur)",
    "PermenPAN-RB 14/2017 Lampiran (IKM unit = rata-rata NRR unsur; IKM kota dari unit); "
    "PermenPAN-RB 53/2014",
)
def periksa_agregat_unit(k: Konteks) -> None:
    deret = _deret_semester(k.dok)
    struktur = _struktur_unsur(k.dok)
    for u in k.dok.tabel:
        # a table of units or variables with period columns
        kolom = {}
        for j, n in enumerate(u.kolom):
            s = semester(n) or (
                {"i": 1, "1": 1, "ii": 2, "2": 2}.get(m.group(1).lower())
                if (m := re.search(r"triwulan\s*(ii|i|1|2)\b", n, re.IGNORECASE))
                else None
            )
            if s and s not in kolom:
                kolom[s] = j
        data = [b for b in u.baris if b.angka(kolom.get(1, -1)) and b.angka(kolom.get(2, -1))]
        if set(kolom) != {1, 2} or len(data) < 8:
            continue
        kata_u = _kata(u.judul)
        calon = [d for d in deret if d.tabel is not u and d.tabel.urutan < u.urutan]
        skor = [(len(kata_u & _kata(d.baris.label)), d) for d in calon]
        skor = [s for s in skor if s[0] >= 2]
        if not skor:
            continue
        terbaik = max(s for s, _d in skor)
        pilih = [d for s, d in skor if s == terbaik]
        if len(pilih) != 1:
            continue
        d = pilih[0]
        dikelompokkan = sum(1 for b in u.baris if not b.teks(0)) >= 2
        for s in (1, 2):
            if dikelompokkan:
                r = _rata_unsur(u, kolom[s], struktur)
                if r is None:
                    continue
                h, rumus = r
            else:
                nilai = [b.angka(kolom[s]).nilai for b in data]
                h = rata_rata(nilai)
                rumus = f"rata-rata {len(nilai)} baris {u.nama} kolom '{u.kolom[kolom[s]]}'"
            a = d.baris.angka(d.kolom[s])
            if not cocok(a, h):
                if dikelompokkan:  # an unsur mean feeds the means built on it (Tabel 33)
                    k.koreksi[(d.tabel.urutan, d.baris.indeks, d.kolom[s])] = h
                k.tambah(
                    lokasi=d.tabel.lokasi(d.baris, d.kolom[s]),
                    terbit=_t(a),
                    hitung=_t(h),
                    rumus=f"{rumus} = {tampil(h, 2)}",
                    tabel=d.tabel,
                    selisih=_selisih(a, h),
                    uraian=f"Nilai semester {'I' * s} tidak sama dengan rata-rata rinciannya di {u.nama}.",
                )
        # the yearly figure against the mean of the table's average column
        jr = next(
            (j for j, n in enumerate(u.kolom) if n.casefold().split()[-1:] == ["rata-rata"]), None
        )
        if jr is None or dikelompokkan:
            continue
        nilai = [b.angka(jr).nilai for b in u.baris if b.angka(jr)]
        h = rata_rata(nilai)
        beda = [x for x in _tahunan(k.dok, d.label, d.tahun, d.tabel) if not cocok(x[3], h)]
        if beda:
            t, b, j, a = beda[0]
            k.tambah(
                lokasi="; ".join(x[0].lokasi(x[1], x[2]) for x in beda),
                terbit=_t(a),
                hitung=_t(h),
                rumus=f"rata-rata {len(nilai)} baris {u.nama} kolom '{u.kolom[jr]}' = {tampil(h, 2)}",
                tabel=t,
                selisih=_selisih(a, h),
                uraian="Nilai tahunan tidak sama dengan rata-rata nilai unit yang dicetak.",
            )


@aturan(
    "agregat_semester",
    "Indeks gabungan per semester = rata-rata komponennya",
    "Definisi operasional indikator (rata-rata komponen); rumus.komposit.rata_rata_indeks",
)
def periksa_agregat_semester(k: Konteks) -> None:
    deret = _deret_semester(k.dok)
    per_tabel = defaultdict(list)
    for d in deret:
        per_tabel[d.tabel.urutan].append(d)
    tunggal = [d for d in deret if len(per_tabel[d.tabel.urutan]) == 1]
    # (a) a single row = mean of all rows of another semester table (IEK = mean of asisten)
    for d in tunggal:
        for urut, isi in per_tabel.items():
            if len(isi) < 2 or urut == d.tabel.urutan:
                continue
            cocok_semua = all(
                cocok(
                    d.baris.angka(d.kolom[s]),
                    rata_rata([x.baris.angka(x.kolom[s]).nilai for x in isi]),
                )
                for s in (1, 2)
            )
            if not cocok_semua:
                continue
            for s in (1, 2):
                nilai = [k.nilai(x.tabel, x.baris, x.kolom[s]) for x in isi]
                h = rata_rata(nilai)
                a = d.baris.angka(d.kolom[s])
                if not cocok(a, h):
                    k.koreksi[(d.tabel.urutan, d.baris.indeks, d.kolom[s])] = h
                    k.tambah(
                        lokasi=d.tabel.lokasi(d.baris, d.kolom[s]),
                        terbit=_t(a),
                        hitung=_t(h),
                        rumus=f"rata-rata {len(isi)} baris {isi[0].tabel.nama} (dengan nilai hasil "
                        "hitung ulang) = ("
                        + " + ".join(tampil(x, 2) for x in nilai)
                        + f") / {len(isi)}",
                        tabel=d.tabel,
                        selisih=_selisih(a, h),
                    )
    # (b) a composite defined in the narrative as a mean of two other indicators
    rata_kalimat = [normal(p) for p in k.dok.paragraf if "rata-rata" in p.casefold()]
    for d in tunggal:
        if not any(d.label and d.label in s for s in rata_kalimat):
            continue
        tahun_d = _tahunan(k.dok, d.label, d.tahun, d.tabel)
        if not tahun_d:
            continue
        a_tahun = tahun_d[0][3]
        lain = [x for x in tunggal if x is not d]
        pasangan = []
        for i, x in enumerate(lain):
            for y in lain[i + 1 :]:
                tx, ty = (
                    _tahunan(k.dok, x.label, x.tahun, x.tabel),
                    _tahunan(k.dok, y.label, y.tahun, y.tabel),
                )
                if tx and ty and cocok(a_tahun, rata_rata([tx[0][3].nilai, ty[0][3].nilai])):
                    pasangan.append((x, y))
        if len(pasangan) != 1:
            continue
        x, y = pasangan[0]
        for s in (1, 2):
            # printed values: the composite must agree with the components as printed
            nilai = [x.baris.angka(x.kolom[s]).nilai, y.baris.angka(y.kolom[s]).nilai]
            h = rata_rata(nilai)
            a = d.baris.angka(d.kolom[s])
            if not cocok(a, h):
                k.tambah(
                    lokasi=d.tabel.lokasi(d.baris, d.kolom[s]),
                    terbit=_t(a),
                    hitung=_t(h),
                    rumus=f"rata-rata komponen semester {'I' * s}: ({tampil(nilai[0], 2)} "
                    f"[{x.tabel.nama}] + {tampil(nilai[1], 2)} [{y.tabel.nama}]) / 2; "
                    f"hubungan yang sama berlaku untuk nilai tahunan {_t(a_tahun)}",
                    tabel=d.tabel,
                    selisih=_selisih(a, h),
                )


@aturan(
    "semester_tahunan",
    "Nilai tahunan sesuai nilai semesternya",
    "PermenPAN-RB 53/2014; cara agregasi indikator (rata-rata atau nilai akhir periode), "
    "formulas.md §3",
)
def periksa_semester_tahunan(k: Konteks) -> None:
    kelompok_temuan: dict[tuple, list] = defaultdict(list)
    for d in _deret_semester(k.dok):
        p1, p2 = (d.baris.angka(d.kolom[s]).nilai for s in (1, 2))
        s1, s2 = (k.nilai(d.tabel, d.baris, d.kolom[s]) for s in (1, 2))
        m = rata_rata([s1, s2])
        for t, b, j, a in _tahunan(k.dok, d.label, d.tahun, d.tabel):
            # the method (mean, last, sum) is the one the printed figures follow; a
            # recomputed semester value is then carried through the same method
            if cocok(a, rata_rata([p1, p2])):
                if cocok(a, m):
                    continue
            elif cocok(a, p2):
                if cocok(a, s2):
                    continue
            elif cocok(a, p1 + p2):
                if cocok(a, s1 + s2):
                    continue
            kelompok_temuan[(d.label, a.nilai)].append((d, t, b, j, a, m, s1, s2))
    for isi in kelompok_temuan.values():
        d, t, b, j, a, m, s1, s2 = isi[0]
        lokasi = "; ".join(sorted({x[1].lokasi(x[2], x[3]) for x in isi}))
        k.tambah(
            lokasi=lokasi,
            terbit=_t(a),
            hitung=_t(m),
            rumus=f"rata-rata semester ({tampil(s1, 2)} + {tampil(s2, 2)}) / 2 = {tampil(m, 2)}; "
            f"nilai semester II = {tampil(s2, 2)} ({d.tabel.nama})",
            tabel=t,
            selisih=_selisih(a, m),
            uraian=f"Nilai tahunan '{b.label}' tidak sama dengan rata-rata maupun nilai akhir semesternya.",
        )


# --- the same figure in two places -----------------------------------------------------------


def _peta_sasaran(dok: Dokumen) -> dict[str, str]:
    """Indicator label -> sasaran number, from sentences "Sasaran N: ..., Indikatornya adalah X"."""
    peta = {}
    for par in dok.paragraf:
        m = re.search(r"Sasaran\s+(\d+)\s*:.*?Indikatornya adalah:?\s*(.+?)\.?$", par)
        if m:
            peta[normal(m.group(2))] = m.group(1)
    return peta


@aturan(
    "angka_ganda",
    "Angka yang sama dicetak di dua tempat",
    "PermenPAN-RB 53/2014 (reviu: konsistensi data antarbagian laporan)",
)
def periksa_angka_ganda(k: Konteks) -> None:
    entri: dict[tuple[str, int | None], list] = defaultdict(list)
    peta = _peta_sasaran(k.dok)
    capaian_utama = _tabel_capaian(k.dok)
    utama = capaian_utama[0] if capaian_utama else None
    for t in k.dok.tabel:
        for tr in trio(t):
            tahun = tahun_kolom(t, tr.realisasi)
            for b in t.baris:
                if not b.label:
                    continue
                isi = {"target": tr.target, "realisasi": tr.realisasi}
                if tr.capaian is not None:
                    isi["capaian"] = tr.capaian
                nilai = {p: b.teks(j) for p, j in isi.items()}
                if not any(baca_angka(v) for v in nilai.values()):
                    continue
                ar, at = b.angka(tr.realisasi), b.angka(tr.target)
                if (
                    tr.capaian is not None
                    and not b.teks(tr.capaian)
                    and ar
                    and at
                    and ar.persen
                    and not at.persen
                ):
                    continue  # a row printed one column to the left: not this row's figures
                skala = bool(at and abs(at.nilai) >= 10**6)
                entri[(_label_kunci(b), tahun)].append((t, b, nilai | {"_skala": skala}))
    # PK table rows name the sasaran; the indicator tables name the indicator
    if utama:
        t0, tr0 = utama
        tahun0 = tahun_kolom(t0, tr0.realisasi)
        per_nomor = {g[0].nomor: g[0] for g in _kelompok_baris(t0) if len(g) == 1}
        for label, nomor in peta.items():
            b = per_nomor.get(nomor)
            if b is None:
                continue
            nilai = {"target": b.teks(tr0.target), "realisasi": b.teks(tr0.realisasi)}
            if tr0.capaian is not None:
                nilai["capaian"] = b.teks(tr0.capaian)
            entri[(label, tahun0)].append((t0, b, nilai))
    # one cluster per indicator and year (labels that contain each other join)
    kunci = sorted(entri, key=lambda x: -len(x[0]))
    tahun_laporan = _tahun_laporan(k.dok)
    dipakai = set()
    for key in kunci:
        if key in dipakai:
            continue
        label, tahun = key
        if len(label.split()) < 3:
            continue
        kumpulan = []
        for key2 in kunci:
            if len(key2[0].split()) * 2 < len(label.split()):
                continue  # a short label inside a long compound one is another thing
            sama_tahun = key2[1] == tahun or (
                tahun_laporan is not None
                and None in (key2[1], tahun)
                and tahun_laporan in (key2[1], tahun)
            )
            if sama_tahun and key2 not in dipakai and sama_label(label, key2[0]):
                kumpulan += entri[key2]
                dipakai.add(key2)
        per_tabel = {}
        for t, b, nilai in kumpulan:
            per_tabel.setdefault(t.urutan, (t, b, nilai))
        # rows measured in Rupiah and rows measured as an index are different quantities
        skala = [n.get("_skala", False) for _t, _b, n in per_tabel.values()]
        utama_skala = max(set(skala), key=skala.count) if skala else False
        isi = [x for x in per_tabel.values() if x[2].get("_skala", False) == utama_skala]
        if len(isi) < 2:
            continue
        beda: dict[tuple[int, int], list] = {}
        for p in ("target", "realisasi", "capaian"):
            nilai = [
                (t, b, n.get(p, "")) for t, b, n in isi if n.get(p, "").strip() not in ("", "-")
            ]
            if len(nilai) < 2:
                continue
            kelompok_nilai: list[list] = []
            for t, b, v in nilai:
                for kel in kelompok_nilai:
                    if _nilai_sama(kel[0][2], v):
                        kel.append((t, b, v))
                        break
                else:
                    kelompok_nilai.append([(t, b, v)])
            if len(kelompok_nilai) < 2:
                continue
            kelompok_nilai.sort(key=lambda kel: (-len(kel), kel[0][0].urutan))
            acuan = kelompok_nilai[0]
            for kel in kelompok_nilai[1:]:
                for t, b, v in kel:
                    beda.setdefault((t.urutan, b.indeks), [t, b, []])[2].append((p, v, acuan))
        for t, b, daftar in beda.values():
            k.tambah(
                lokasi=t.lokasi(b),
                terbit="; ".join(f"{p} {v}" for p, v, _a in daftar),
                hitung="; ".join(
                    f"{p} {a[0][2]} (" + ", ".join(x[0].nama for x in a) + ")"
                    for p, _v, a in daftar
                ),
                rumus=f"'{label[:80]}'"
                + (f" tahun {tahun}" if tahun else "")
                + ": angka yang sama harus dicetak sama di semua tabel",
                tabel=t,
            )


def _label_kunci(b: Baris) -> str:
    """The most specific name of a row: its last text cell when that is a name (3+ words),
    e.g. the indicator after the program and output in a DATA PENDUKUNG row."""
    teks = []
    for j, sel in enumerate(b.sel):
        sel = sel.strip()
        if not sel or (j == 0 and sel == b.nomor):
            continue
        if baca_angka(sel) is not None:
            break
        teks.append(sel)
    if teks and len(normal(teks[-1]).split()) >= 3:
        return normal(teks[-1])
    return normal(b.label)


def _nilai_sama(x: str, y: str) -> bool:
    ax, ay = baca_angka(x), baca_angka(y)
    if ax and ay and (abs(ax.nilai) >= 10**6) != (abs(ay.nilai) >= 10**6):
        return True  # an amount in Rupiah and an index: different quantities, not a clash
    if ax and ay:
        return cocok(ax, ay.nilai, toleransi_masukan=setengah_satuan(ay)) or cocok(
            ay, ax.nilai, toleransi_masukan=setengah_satuan(ax)
        )
    if ax is None and ay is None:
        return normal(x) == normal(y)
    return False


# --- narrative against the tables ------------------------------------------------------------


def _nilai_label(k: Konteks, label_kalimat: str):
    """Rows whose label appears in the sentence (longest labels first)."""
    if not hasattr(k, "_per_kata"):
        k._per_kata = defaultdict(list)
        for lab, t, b in k.baris_berlabel():
            if len(lab.split()) >= 3:
                k._per_kata[lab.split()[0]].append((lab, t, b))
    hasil = []
    kalimat = f" {label_kalimat} "
    for kata in set(label_kalimat.split()):
        for lab, t, b in k._per_kata.get(kata, ()):
            if f" {lab} " in kalimat:
                hasil.append((lab, t, b))
    if not hasil:
        return []
    panjang = max(len(x[0]) for x in hasil)
    return [x for x in hasil if len(x[0]) == panjang]


@aturan(
    "narasi_capaian",
    "Narasi 'capaian X%' sesuai tabel",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_capaian(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        n = normal(kal.teks)
        baris = _nilai_label(k, n)
        if not baris:
            continue
        for x in kal.angka:
            sebelum = kal.teks[max(0, x.awal - 25) : x.awal].casefold()
            if "capaian" not in sebelum or not x.angka.persen:
                continue
            nilai_tabel = []
            for _lab, t, b in baris:
                for tr in trio(t):
                    if tr.capaian is not None and b.angka(tr.capaian):
                        nilai_tabel.append((t, b, tr.capaian, b.angka(tr.capaian)))
            if not nilai_tabel or any(
                cocok(x.angka, v.nilai) or cocok(v, x.angka.nilai) for *_r, v in nilai_tabel
            ):
                continue
            t, b, j, v = nilai_tabel[0]
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(x.angka),
                hitung=_t(v, persen=True),
                rumus=f"capaian '{b.label[:70]}' di {t.lokasi(b, j)}",
                kalimat=kal,
                selisih=v.nilai - x.angka.nilai,
            )


@aturan(
    "narasi_tercapai",
    "Narasi 'mencapai target' sedangkan capaian < 100%",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_tercapai(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if not re.search(r"\b(mencapai target|tercapai)\b", teks) or re.search(
            r"\b(belum|tidak)\b", teks
        ):
            continue
        tahun = [int(y) for y in _TAHUN.findall(kal.teks)]
        for _lab, t, b in _nilai_label(k, normal(kal.teks)):
            for tr in trio(t):
                if tr.capaian is None:
                    continue
                ty = tahun_kolom(t, tr.realisasi)
                if tahun and ty not in tahun:
                    continue
                c = b.angka(tr.capaian)
                if c is not None and c.nilai < SERATUS:
                    k.tambah(
                        lokasi=kal.lokasi(),
                        terbit="mencapai target",
                        hitung=f"capaian {_t(c, persen=True)}",
                        rumus=f"{t.lokasi(b, tr.capaian)}: realisasi {b.teks(tr.realisasi)} < "
                        f"target {b.teks(tr.target)}",
                        kalimat=kal,
                    )
                    break
            else:
                continue
            break


def _sufiks_pembeda(tabel: Tabel) -> dict[int, str]:
    """Per row the distinctive end of its label among rows sharing a prefix
    ("Nilai Efektivitas Koordinasi Bidang [Perekonomian dan Pembangunan]")."""
    label = [normal(b.label).split() for b in tabel.baris]
    if len(label) < 2 or not all(label):
        return {}
    awal = 0
    while all(len(x) > awal + 1 for x in label) and len({x[awal] for x in label}) == 1:
        awal += 1
    if awal < 2:
        return {}
    return {
        b.indeks: " ".join(label[i][awal:])
        for i, b in enumerate(tabel.baris)
        if len(label[i][awal:]) >= 1
    }


@aturan(
    "narasi_semester",
    "Narasi nilai semester sesuai tabel",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_semester(k: Konteks) -> None:
    deret = _deret_semester(k.dok)
    per_tabel = defaultdict(list)
    for d in deret:
        per_tabel[d.tabel.urutan].append(d)
    for kal in k.dok.kalimat:
        sm = _SEMESTER.findall(kal.teks)
        if len(sm) != 1 or len(kal.angka) != 1:
            continue
        s = 2 if sm[0].lower() in ("ii", "2") else 1
        n = f" {normal(kal.teks)} "
        x = kal.angka[0].angka
        for isi in per_tabel.values():
            suf = _sufiks_pembeda(isi[0].tabel)
            kena = [d for d in isi if suf.get(d.baris.indeks) and f" {suf[d.baris.indeks]} " in n]
            if len(kena) != 1:
                continue
            d = kena[0]
            a = d.baris.angka(d.kolom[s])
            if cocok(a, x.nilai) or cocok(x, a.nilai):
                continue
            lain = d.baris.angka(d.kolom[3 - s])
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(x),
                hitung=_t(a),
                rumus=f"{d.tabel.lokasi(d.baris, d.kolom[s])} = {_t(a)}"
                + (
                    f" ({_t(x)} adalah nilai semester {'I' * (3 - s)})"
                    if lain and cocok(lain, x.nilai)
                    else ""
                ),
                kalimat=kal,
                selisih=a.nilai - x.nilai,
            )


_NAIK = r"(meningkat|peningkatan|kenaikan|naik)"
_TURUN = r"(menurun|penurunan|turun)"


@aturan(
    "narasi_tren",
    "Narasi 'meningkat'/'menurun' sesuai angka",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_tren(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        naik, turun = re.search(_NAIK, teks), re.search(_TURUN, teks)
        if bool(naik) == bool(turun):
            continue
        # (a) "setiap tahun" with a per-year table holding both printed values
        if re.search(r"setiap tahun|tiap tahun|terus (meningkat|menurun)|selalu", teks):
            tahun = [int(y) for y in _TAHUN.findall(kal.teks)]
            nilai = [x.angka for x in kal.angka]
            if len(tahun) >= 2 and len(nilai) >= 2:
                deret = _cari_deret(k.dok, tahun[0], nilai[0], tahun[-1], nilai[-1])
                if deret:
                    t, lab, seri = deret
                    salah = [
                        (y1, v1, y2, v2)
                        for (y1, v1), (y2, v2) in zip(seri, seri[1:], strict=False)
                        if (naik and v2 <= v1) or (turun and v2 >= v1)
                    ]
                    if salah:
                        # the plainest contradiction first: a fall where a rise is claimed
                        balik = [
                            x for x in salah if (naik and x[3] < x[1]) or (turun and x[3] > x[1])
                        ]
                        y1, v1, y2, v2 = (balik or salah)[0]
                        k.tambah(
                            lokasi=kal.lokasi(),
                            terbit=("meningkat" if naik else "menurun") + " setiap tahun",
                            hitung=f"{y1}: {tampil(v1, 2)} → {y2}: {tampil(v2, 2)}",
                            rumus=f"deret '{lab}' di {t.nama}: "
                            + ", ".join(f"{y} {tampil(v, 2)}" for y, v in seri),
                            kalimat=kal,
                        )
                    continue
        # (b) two semester values in order
        sm = _SEMESTER.findall(kal.teks)
        if (
            len(sm) == 2
            and len(kal.angka) == 2
            and sm[0].lower() in ("i", "1")
            and sm[1].lower() in ("ii", "2")
        ):
            a, b = kal.angka[0].angka, kal.angka[1].angka
            if (naik and b.nilai < a.nilai) or (turun and b.nilai > a.nilai):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit="meningkat" if naik else "menurun",
                    hitung=f"semester I {_t(a)} → semester II {_t(b)}",
                    rumus="arah perubahan dari semester I ke semester II",
                    kalimat=kal,
                )


def _cari_deret(dok: Dokumen, y1: int, v1: Angka, y2: int, v2: Angka):
    for t in dok.tabel:
        tahun_baris = {}
        for b in t.baris:
            if re.fullmatch(r"(19|20)\d\d", b.label.strip()):
                tahun_baris[int(b.label)] = b
        if y1 in tahun_baris and y2 in tahun_baris:
            for j in range(1, len(t.kolom)):
                a1, a2 = tahun_baris[y1].angka(j), tahun_baris[y2].angka(j)
                if a1 and a2 and cocok(v1, a1.nilai) and cocok(v2, a2.nilai):
                    seri = [
                        (y, b.angka(j).nilai)
                        for y, b in sorted(tahun_baris.items())
                        if b.angka(j) and y1 <= y <= y2
                    ]
                    return t, t.kolom[j], seri
    return None


@aturan(
    "pertumbuhan",
    "Persentase kenaikan/penurunan = (baru − lama) / lama",
    "PermenPAN-RB 53/2014 (reviu: kebenaran perhitungan dalam narasi)",
)
def periksa_pertumbuhan(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if not (re.search(_NAIK, teks) or re.search(_TURUN, teks)):
            continue
        jml = []  # counts with a unit word, not the change itself ("sebanyak 6 orang")
        persen = []
        for x in kal.angka:
            if x.angka.persen:
                persen.append(x)
            elif x.satuan and x.satuan not in ("%",) and x.angka.dp == 0:
                sebelum = kal.teks[max(0, x.awal - 20) : x.awal].casefold()
                if re.search(r"(sebanyak|sebesar)\s*$", sebelum) and re.search(
                    r"(turun|naik|bertambah|berkurang)\s+\w*\s*$", sebelum
                ):
                    continue
                jml.append(x)
        if len(jml) < 2 or not persen:
            continue
        satuan = {x.satuan for x in jml}
        if len(satuan) != 1:
            continue
        for p in persen:
            lama = next((x for x in jml if x.awal > p.akhir), None)
            baru = next((x for x in reversed(jml) if x.akhir < p.awal), None)
            if lama is None or baru is None or lama.angka.nilai == 0:
                continue
            h = (baru.angka.nilai - lama.angka.nilai) / lama.angka.nilai * SERATUS
            terbit = p.angka.nilai
            if terbit > 0 and h < 0 and re.search(_TURUN, teks):
                terbit = -terbit
            if not cocok(Angka(terbit, p.angka.dp, True), h) and not cocok(
                Angka(-terbit, p.angka.dp, True), h
            ):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=_t(p.angka),
                    hitung=_t(h, p.angka.dp, persen=True),
                    rumus=f"({_t(baru.angka)} − {_t(lama.angka)}) / {_t(lama.angka)} × 100%",
                    kalimat=kal,
                    selisih=h - terbit,
                )


@aturan(
    "kepadatan",
    "Kepadatan penduduk = jumlah penduduk / luas wilayah",
    "Definisi BPS kepadatan penduduk (jiwa/km²); PermenPAN-RB 53/2014",
)
def periksa_kepadatan(k: Konteks) -> None:
    luas = None
    penduduk: list[tuple[str, Angka]] = []
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if luas is None and "luas" in teks:
            luas = next((x.angka for x in kal.angka if x.satuan.startswith("km")), None)
        if "penduduk" in teks and "kepadatan" not in teks:
            for x in kal.angka:
                if x.satuan == "jiwa" and x.angka.nilai > 1000:
                    konteks = kal.teks[max(0, x.awal - 160) : x.awal]
                    kelompok_p = (
                        "wna"
                        if "WNA" in konteks[-90:]
                        else (
                            "total"
                            if "total" in konteks[-60:].casefold() or "+" in konteks[-40:]
                            else "wni"
                        )
                    )
                    penduduk.append((kelompok_p, x.angka))
    if luas is None or not penduduk:
        return
    for kal in k.dok.kalimat:
        if "kepadatan" not in kal.teks.casefold():
            continue
        for x in kal.angka:
            if not x.satuan.startswith("jiwa/km"):
                continue
            konteks = kal.teks[max(0, x.awal - 90) : x.awal]
            if re.search(r"kecamatan|kelurahan", konteks[-60:], re.IGNORECASE):
                continue
            kel = (
                "wna"
                if "WNA" in konteks and "WNI+WNA" not in konteks.replace(" ", "")
                else (
                    "total"
                    if "total" in konteks.casefold() or "WNI+WNA" in konteks.replace(" ", "")
                    else "wni"
                )
            )
            if _TAHUN.search(konteks[-25:]) and "2023" in konteks[-25:]:
                continue
            p = next((a for g, a in penduduk if g == kel), None)
            if p is None:
                continue
            h = p.nilai / luas.nilai
            tol = h * setengah_satuan(luas) / luas.nilai + Decimal("0.5")
            if not cocok(x.angka, h, toleransi_masukan=tol):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=f"{_t(x.angka)} jiwa/km²",
                    hitung=f"{tampil(h, 0)} jiwa/km²",
                    rumus=f"penduduk {kel.upper()} {_t(p)} jiwa / luas {_t(luas)} km²",
                    kalimat=kal,
                    selisih=h - x.angka.nilai,
                )


@aturan(
    "jumlah_narasi",
    "Jumlah di narasi = jumlah rinciannya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran perhitungan dalam narasi)",
)
def periksa_jumlah_narasi(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        m = re.search(r"terdiri (dari|atas)", kal.teks)
        if not m:
            continue
        sebelum = [x for x in kal.angka if x.akhir <= m.start() and not x.angka.persen]
        sesudah = [x for x in kal.angka if x.awal >= m.end() and not x.angka.persen]
        if not sebelum or len(sesudah) < 2:
            continue
        total = sebelum[-1]
        bagian = sesudah[:6]
        if len(bagian) < 2 or any(x.angka.nilai >= total.angka.nilai for x in bagian):
            continue
        h = jumlah(x.angka.nilai for x in bagian)
        if not cocok(total.angka, h):
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(total.angka),
                hitung=_t(h, total.angka.dp),
                rumus=" + ".join(_t(x.angka) for x in bagian),
                kalimat=kal,
                selisih=h - total.angka.nilai,
            )


@aturan(
    "sebaran_indikator",
    "Persentase dan jumlah indikator/sasaran di narasi sesuai tabel capaian",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_sebaran(k: Konteks) -> None:
    utama = _tabel_capaian(k.dok)
    if not utama:
        return
    t, tr = utama[0]
    capaian = [
        b.angka(tr.capaian).nilai for b in t.baris if tr.capaian is not None and b.angka(tr.capaian)
    ]
    if not capaian:
        return
    n = len(capaian)
    lebih = sum(1 for c in capaian if c > SERATUS)
    tepat = sum(1 for c in capaian if c == SERATUS)
    kurang = n - lebih - tepat
    js = next((j for j, n in enumerate(t.kolom) if n.casefold().startswith("sasaran")), None)
    ji = next((j for j, n in enumerate(t.kolom) if n.casefold().startswith("indikator")), None)
    if js is not None and ji is not None:  # one row per indicator, the sasaran named in a column
        nama, terakhir = set(), ""
        for b in t.baris:
            terakhir = b.teks(js) or terakhir
            if terakhir:
                nama.add(normal(terakhir))
        sasaran = len(nama)
    else:
        sasaran = len({b.nomor for b in t.baris if b.nomor})
    for kal in k.dok.kalimat:
        teks = kal.teks
        m = re.search(r"(\d+(?:[.,]\d+)?)\s?%\s+indikator[^.]*?melampaui target", teks)
        if m:
            terbit = baca_angka(m.group(1) + "%")
            h = Decimal(lebih) / n * SERATUS
            m2 = re.search(r"(\d+(?:[.,]\d+)?)\s?%\s+mencapai target", teks)
            if not cocok(terbit, h, toleransi_masukan=Decimal("0.5")):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=_t(terbit),
                    hitung=tampil(h, 2, persen=True),
                    rumus=f"{lebih} dari {n} indikator di {t.nama} bercapaian > 100%; {tepat} tepat "
                    f"100%"
                    + (
                        f" ({tampil(Decimal(tepat) / n * SERATUS, 2, persen=True)}, narasi: {m2.group(1)}%)"
                        if m2
                        else ""
                    )
                    + f"; {kurang} di bawah 100%",
                    kalimat=kal,
                )
        m = re.search(r"dari\s+(\d+)\s+sasaran", teks)
        if m and int(m.group(1)) != sasaran:
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=f"{m.group(1)} sasaran",
                hitung=f"{sasaran} sasaran",
                rumus=f"jumlah sasaran bernomor di {t.nama}"
                + (f"; {kurang} indikator bercapaian di bawah 100%" if kurang else ""),
                kalimat=kal,
            )


# --- targets ---------------------------------------------------------------------------------


@aturan(
    "target_wajar",
    "Target tidak lebih rendah daripada realisasi tahun sebelumnya; target PK ≥ target Renstra",
    "PermenPAN-RB 53/2014 (reviu: target kinerja menantang); PermenPAN-RB 88/2021 (LKE: "
    "target ≥ realisasi tahun lalu); Instruksi Sekda DKI 19/2024 (seed, Lampiran)",
)
def periksa_target(k: Konteks) -> None:
    tahun_laporan = _tahun_laporan(k.dok)
    sudah = set()
    for t in k.dok.tabel:
        trios = trio(t)
        per_tahun = {}
        for tr in trios:
            y = tahun_kolom(t, tr.realisasi)
            if (
                y
                and re.fullmatch(r".*\b20\d\d\b.*", tr.kelompok)
                and not re.search(r"20\d\d\s*-\s*20\d\d", tr.kelompok)
            ):
                per_tahun[y] = tr
        for y, tr in per_tahun.items():
            lalu = per_tahun.get(y - 1)
            if lalu is None or (tahun_laporan and y != tahun_laporan):
                continue
            for b in t.baris:
                target, real = b.angka(tr.target), b.angka(lalu.realisasi)
                if target is None or real is None or not b.label:
                    continue
                if target.nilai < real.nilai and not cocok(target, real.nilai):
                    kunci = (normal(b.label)[:60], y, target.nilai, real.nilai)
                    if kunci in sudah:
                        continue
                    sudah.add(kunci)
                    k.tambah(
                        lokasi=t.lokasi(b, tr.target),
                        terbit=f"target {y}: {_t(target)}",
                        hitung=f"realisasi {y - 1}: {_t(real)}",
                        rumus=f"target {y} ≥ realisasi {y - 1} (indikator positif)",
                        tabel=t,
                        uraian="Peringatan: target lebih rendah daripada realisasi tahun sebelumnya.",
                    )
        # Renstra vs PK targets in one row
        jr = [
            j
            for j, n in enumerate(t.kolom)
            if "renstra" in n.casefold() and "target" in n.casefold()
        ]
        jp = [
            j
            for j, n in enumerate(t.kolom)
            if re.search(r"\b(perkin|perjanjian kinerja|pk)\b", n.casefold())
            and "target" in n.casefold()
        ]
        if len(jr) == 1 and len(jp) == 1:
            for b in t.baris:
                a, p = b.angka(jr[0]), b.angka(jp[0])
                if a and p and p.nilai < a.nilai:
                    k.tambah(
                        lokasi=t.lokasi(b, jp[0]),
                        terbit=f"target PK {_t(p)}",
                        hitung=f"target Renstra {_t(a)}",
                        rumus="target Perjanjian Kinerja ≥ target Renstra tahun yang sama",
                        tabel=t,
                    )


def _tahun_laporan(dok: Dokumen) -> int | None:
    """The report's year: the most frequent single year in the table captions."""
    hitung = defaultdict(int)
    for t in dok.tabel:
        if t.tahun_judul:
            hitung[t.tahun_judul] += 1
    return max(hitung, key=lambda y: (hitung[y], y)) if hitung else None


# --- budgets ---------------------------------------------------------------------------------

_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember")  # fmt: skip


def _baris_bulan(t: Tabel) -> list[Baris]:
    baris = [b for b in t.baris if b.label.casefold() in _BULAN]
    return baris if len(baris) >= 6 else []


def _total_anggaran(k: Konteks):
    """(peran, nilai, tabel, baris, kolom) of every budget total printed (≥ Rp 1 miliar)."""
    hasil = []
    for t in k.dok.tabel:
        for _i, b in _baris_jumlah(t):
            for j in range(len(b.sel)):
                a = b.angka(j)
                if a is None or a.persen or a.nilai < 10**9:
                    continue
                n = t.kolom[j].casefold() if j < len(t.kolom) else ""
                if re.search(r"\s[x×]\s|\)\s*[-−]", n):
                    continue  # a computed column (AA x COP, (AA x COP)-RA)
                if re.search(r"realisasi|\bra\b", n):
                    hasil.append(("realisasi", a, t, b, j))
                elif re.search(r"target|anggaran|pagu|alokasi|rpd", n) and not re.search(
                    r"\bawal\b", n
                ):
                    hasil.append(("pagu", a, t, b, j))
    return hasil


@aturan(
    "anggaran_total",
    "Total anggaran dan realisasinya sama di semua tabel",
    "PermenPAN-RB 53/2014 (reviu: konsistensi data anggaran); PMK 22/2021 (RPD dan realisasi)",
)
def periksa_anggaran(k: Konteks) -> None:
    semua = _total_anggaran(k)
    sel_lain = set()
    for t in k.dok.tabel:
        for b in t.baris:
            if (
                not re.match(r"^(jumlah|total)", b.label.casefold())
                and b.label.casefold() not in _BULAN
                and b.label
            ):
                for j in range(len(b.sel)):
                    a = b.angka(j)
                    if a and a.nilai >= 10**9:
                        sel_lain.add(a.nilai)
    for p in ("pagu", "realisasi"):
        isi = [x for x in semua if x[0] == p and x[1].nilai not in sel_lain]
        hitung = defaultdict(list)
        for x in isi:
            hitung[x[1].nilai].append(x)
        if len(hitung) < 2:
            continue
        acuan = max(hitung, key=lambda v: (len(hitung[v]), v))
        if len(hitung[acuan]) < 2:
            continue
        for nilai, daftar in hitung.items():
            if nilai == acuan:
                continue
            for _p, a, t, b, j in daftar:
                k.tambah(
                    lokasi=t.lokasi(b, j),
                    terbit=_t(a),
                    hitung=tampil(acuan, 0),
                    rumus=f"total {p} anggaran di "
                    + ", ".join(sorted({x[2].nama for x in hitung[acuan]}))
                    + f" = {tampil(acuan, 0)}",
                    tabel=t,
                    selisih=acuan - a.nilai,
                )
    # monthly figures against the cumulative table
    kumulatif = [
        t
        for t in k.dok.tabel
        if any("kumulatif" in n.casefold() for n in t.kolom) and _baris_bulan(t)
    ]
    bulanan = [
        t
        for t in k.dok.tabel
        if _baris_bulan(t) and not any("kumulatif" in n.casefold() for n in t.kolom)
    ]
    for tk in kumulatif:
        for tb in bulanan:
            for jk, nk in enumerate(tk.kolom):
                if "kumulatif" not in nk.casefold():
                    continue
                jenis = (
                    "rpd"
                    if "rpd" in nk.casefold()
                    else ("realisasi" if re.search(r"\bra\b|realisasi", nk.casefold()) else None)
                )
                jb = next(
                    (j for j, n in enumerate(tb.kolom) if jenis and (jenis in n.casefold())), None
                )
                if jenis is None or jb is None:
                    continue
                kum = Decimal(0)
                beda = []
                bk = {b.label.casefold(): b for b in _baris_bulan(tk)}
                for b in _baris_bulan(tb):
                    a = b.angka(jb)
                    if a is None:
                        break
                    kum += a.nilai
                    x = bk.get(b.label.casefold())
                    if x is not None and x.angka(jk) is not None and x.angka(jk).nilai != kum:
                        beda.append((b.label, x.angka(jk), kum))
                if beda:
                    bulan, a, h = beda[0]
                    k.tambah(
                        lokasi=f"{tk.lokasi(None, jk)} vs {tb.nama}",
                        terbit=f"{bulan}: {_t(a)}",
                        hitung=f"{bulan}: {tampil(h, 0)}",
                        rumus=f"kumulatif dari angka bulanan {tb.nama} kolom '{tb.kolom[jb]}'; "
                        f"{len(beda)} bulan berbeda",
                        tabel=tk,
                        selisih=h - a.nilai,
                    )


@aturan(
    "nka",
    "Nilai Kinerja Anggaran (konsistensi, capaian output, NKI, NKA)",
    "PMK 22/PMK.02/2021 Lampiran (K, COP, NKI = 9,7%P + 18,2%K + 43,5%COP + 28,6%NE; "
    "NKA = 33,3%NKI + 66,7% manfaat); rumus.nka",
)
def periksa_nka(k: Konteks) -> None:
    koreksi: dict[str, tuple[Decimal, str]] = {}
    realisasi_total = next((a.nilai for p, a, *_r in _total_anggaran(k) if p == "realisasi"), None)
    # konsistensi from a cumulative RPD / RA table
    for t in k.dok.tabel:
        jp = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if "rpd" in n.casefold() and "kumulatif" in n.casefold()
            ),
            None,
        )
        ja = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if re.search(r"\bra\b|realisasi", n.casefold()) and "kumulatif" in n.casefold()
            ),
            None,
        )
        bulan = _baris_bulan(t)
        if jp is None or ja is None or len(bulan) != 12:
            continue
        js = jp + 2 if jp + 2 < len(t.kolom) else None
        rpd = [b.angka(jp) for b in bulan]
        ra = [b.angka(ja) for b in bulan]
        if ra[-1] is None and realisasi_total is not None:
            k.tambah(
                lokasi=t.lokasi(bulan[-1], ja),
                terbit="(kosong)",
                hitung=tampil(realisasi_total, 0),
                rumus="realisasi kumulatif Desember = realisasi anggaran setahun (total realisasi tabel anggaran)",
                tabel=t,
            )
            ra[-1] = Angka(realisasi_total, 0)
        if any(x is None for x in rpd + ra):
            continue
        try:
            h = nka.konsistensi(
                rpd_kumulatif=[x.nilai for x in rpd], realisasi_kumulatif=[x.nilai for x in ra]
            )
        except DataTidakValid:
            continue
        if js is not None:
            for b, suku in zip(bulan, h.per_bulan, strict=True):
                a = b.angka(js)
                if a is not None and not cocok(a, suku):
                    k.tambah(
                        lokasi=t.lokasi(b, js),
                        terbit=_t(a),
                        hitung=tampil(suku, 2, persen=True),
                        rumus=f"(RPDK − |RPDK − RAK|) / RPDK × 100% dengan RPDK {_t(b.angka(jp))}, "
                        f"RAK {tampil(ra[bulan.index(b)].nilai, 0)}",
                        tabel=t,
                        selisih=suku - a.nilai,
                    )
        jk = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if "konsistensi" in n.casefold() and j != js and j > ja
            ),
            None,
        )
        akhir = bulan[-1].angka(jk) if jk is not None else None
        if akhir is not None and not cocok(akhir, h.nilai):
            k.tambah(
                lokasi=t.lokasi(bulan[-1], jk),
                terbit=_t(akhir),
                hitung=tampil(h.nilai, 2, persen=True),
                rumus=h.rumus,
                tabel=t,
                selisih=h.nilai - akhir.nilai,
            )
            koreksi["konsistensi"] = (h.nilai, f"{t.nama}")
    # COP from an output table: programs with indicator rows (target, realisasi)
    for t in k.dok.tabel:
        trios = trio(t)
        if not trios:
            continue
        tr = trios[0]
        program = []
        if tr.capaian is None or not any(_baris_program(b) for b in t.baris):
            continue
        jcop = next((j for j, n in enumerate(t.kolom) if "capaian output" in n.casefold()), None)
        for b in t.baris:
            lab = b.label.casefold()
            if _baris_program(b):
                program.append({"nama": b.label, "baris": b, "indikator": []})
            elif program and not lab.startswith("rata"):
                geser = 0
                if (
                    b.angka(tr.capaian) is None
                    and b.angka(tr.capaian - 1)
                    and b.angka(tr.target - 1)
                    and b.teks(0)
                ):
                    geser = 1  # a row printed one column to the left (label in the first column)
                t_, r_ = b.angka(tr.target - geser), b.angka(tr.realisasi - geser)
                if t_ and r_ and b.angka(tr.capaian - geser):
                    program[-1]["indikator"].append({"target": t_.nilai, "realisasi": r_.nilai})
        program = [p for p in program if p["indikator"]]
        if len(program) < 2:
            continue
        try:
            cop = nka.capaian_output(
                [{"nama": p["nama"], "output": [{"indikator": p["indikator"]}]} for p in program]
            )
        except DataTidakValid:
            continue
        if jcop is not None:
            for p, hp in zip(program, cop.program, strict=True):
                a = p["baris"].angka(jcop)
                tercapai = min(hp.capaian, SERATUS) if a and a.nilai <= SERATUS else hp.capaian
                if a is not None and not cocok(a, hp.capaian) and not cocok(a, tercapai):
                    k.tambah(
                        lokasi=t.lokasi(p["baris"], jcop),
                        terbit=_t(a, persen=True),
                        hitung=tampil(hp.capaian, 2, persen=True),
                        rumus="capaian output program = rata-rata geometrik R/T indikatornya: "
                        + ", ".join(
                            f"{tampil(i['realisasi'], 2)}/{tampil(i['target'], 2)}"
                            for i in p["indikator"]
                        ),
                        tabel=t,
                        selisih=hp.capaian - a.nilai,
                    )
        for kal in k.dok.kalimat:
            m = re.search(
                r"capaian output program keseluruhan\s+([\d.,]+)\s?%", kal.teks, re.IGNORECASE
            )
            if m:
                a = baca_angka(m.group(1) + "%")
                if a and not cocok(a, cop.mentah):
                    k.tambah(
                        lokasi=kal.lokasi(),
                        terbit=_t(a),
                        hitung=tampil(cop.mentah, 2, persen=True),
                        rumus=cop.rumus,
                        kalimat=kal,
                        selisih=cop.mentah - a.nilai,
                    )
        break
    # NKI and NKA from the summary table, with corrected components when known
    for t in k.dok.tabel:
        label = {normal(b.label): b for b in t.baris}

        def cari(awal, label=label):
            return next((b for lab, b in label.items() if lab.startswith(awal)), None)

        bp, bk, bc, be = (
            cari("penyerapan"),
            cari("konsistensi"),
            cari("capaian output"),
            cari("nilai efisiensi"),
        )
        bi, bm = (
            cari("nilai kinerja atas aspek implementasi"),
            cari("nilai kinerja atas aspek manfaat"),
        )
        ba = cari("nilai kinerja anggaran")
        if None in (bp, bk, bc, be, bi, bm, ba):
            continue

        def pertama(b):
            return next(
                (b.angka(j) for j in range(1 if b.nomor else 0, len(b.sel)) if b.angka(j)), None
            )

        def terakhir(b):
            return [b.angka(j) for j in range(len(b.sel)) if b.angka(j)]

        p, kk, c, e = (pertama(b) for b in (bp, bk, bc, be))
        nki_cetak = terakhir(bi)[0] if terakhir(bi) else None
        manfaat = terakhir(bm)[0] if terakhir(bm) else None
        nka_cetak = terakhir(ba)[0] if terakhir(ba) else None
        if None in (p, kk, c, e, nki_cetak, manfaat, nka_cetak):
            continue
        nilai_k = koreksi.get("konsistensi", (kk.nilai, ""))[0]
        try:
            nki = nka.nilai_implementasi(
                penyerapan=p.nilai,
                konsistensi=nilai_k,
                capaian_output=c.nilai,
                nilai_efisiensi=e.nilai,
            )
            nilai = nka.nilai_kinerja_anggaran(nilai_implementasi=nki, nilai_manfaat=manfaat.nilai)
        except DataTidakValid:
            continue
        catatan = (
            f" (konsistensi {tampil(nilai_k, 2)}% hasil hitung ulang {koreksi['konsistensi'][1]})"
            if "konsistensi" in koreksi
            else ""
        )
        if not cocok(nki_cetak, nki):
            k.tambah(
                lokasi=t.lokasi(bi),
                terbit=_t(nki_cetak),
                hitung=tampil(nki, 2, persen=True),
                rumus=f"NKI = 9,7% × {_t(p)} + 18,2% × {tampil(nilai_k, 2)} + 43,5% × {_t(c)} + "
                f"28,6% × {_t(e)}{catatan}",
                tabel=t,
                selisih=nki - nki_cetak.nilai,
            )
        if not cocok(nka_cetak, nilai):
            k.tambah(
                lokasi=t.lokasi(ba),
                terbit=_t(nka_cetak),
                hitung=tampil(nilai, 2, persen=True),
                rumus=f"NKA = 33,3% × NKI {tampil(nki, 2)} + 66,7% × manfaat {_t(manfaat)}{catatan}",
                tabel=t,
                selisih=nilai - nka_cetak.nilai,
            )
        break


# --- copies ---------------------------------------------------------------------------------


@aturan(
    "tabel_salinan",
    "Tabel tahun lain yang tersalin utuh",
    "PermenPAN-RB 53/2014 (reviu: data tahun berjalan, bukan salinan tahun sebelumnya)",
)
def periksa_salinan(k: Konteks) -> None:
    sidik = {}
    for t in k.dok.tabel:
        if t.tahun_judul is None:
            continue
        angka = tuple(b.angka(j).nilai for b in t.baris for j in range(len(b.sel)) if b.angka(j))
        if len(angka) < 6 or len(set(angka)) < 3:
            continue
        lain = sidik.get(angka)
        if lain is not None and lain.tahun_judul != t.tahun_judul:
            k.tambah(
                lokasi=f"{t.nama}; {lain.nama}",
                terbit=f"{t.nama} (tahun {t.tahun_judul})",
                hitung=f"sama persis dengan {lain.nama} (tahun {lain.tahun_judul})",
                rumus=f"{len(angka)} angka identik pada urutan yang sama",
                tabel=t,
            )
        sidik.setdefault(angka, t)


def jalankan(dok: Dokumen) -> list[Temuan]:
    """Every rule on the document, in order; a rule that fails on odd input is skipped with a
    note instead of stopping the reviu. A table of reviu findings (a report's own reviu
    annex) is not itself checked."""
    dok.tabel = [t for t in dok.tabel if not t.judul.casefold().startswith("hasil reviu")]
    k = Konteks(dok)
    for a in ATURAN:
        k._aturan = a
        try:
            a.fungsi(k)
        except (DataTidakValid, ArithmeticError, IndexError, ValueError) as e:
            dok.catatan.append(f"Aturan '{a.nama}' dilewati: {e}")
    return k.temuan
