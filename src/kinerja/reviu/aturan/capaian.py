"""Capaian, predikat and scale rules (PermenPAN-RB 6/2022, Permendagri 86/2017, PermenPAN-RB 14/2017)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from kinerja.reviu.aturan.dasar import (
    _TAHUN,
    SERATUS,
    Konteks,
    _selisih,
    _t,
    aturan,
    kelompok,
    peran,
    semester,
    trio,
)
from kinerja.reviu.bilangan import Angka, baca_angka, cocok
from kinerja.rumus import capaian as rc
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.skala import SKALA_CAPAIAN_DKI, SKALA_MUTU_IKM

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
