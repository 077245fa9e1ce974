"""The same figure printed in two places."""

from __future__ import annotations

import re
from collections import defaultdict

from kinerja.reviu.aturan.dasar import (
    Konteks,
    _tahun_laporan,
    aturan,
    sama_label,
    tahun_kolom,
    trio,
)
from kinerja.reviu.aturan.hitung import _kelompok_baris, _tabel_capaian
from kinerja.reviu.bilangan import baca_angka, cocok, setengah_satuan
from kinerja.reviu.dokumen import Baris, Dokumen, normal

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
