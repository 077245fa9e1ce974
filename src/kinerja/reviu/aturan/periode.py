"""Semester, annual and aggregate figures (units, unsur, composite indices)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kinerja.reviu.aturan.dasar import (
    Konteks,
    _selisih,
    _t,
    aturan,
    peran,
    sama_label,
    semester,
    tahun_kolom,
)
from kinerja.reviu.bilangan import cocok, tampil
from kinerja.reviu.dokumen import Baris, Dokumen, Tabel, normal
from kinerja.rumus.bilangan import rata_rata

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
