"""Target plausibility."""

from __future__ import annotations

import re

from kinerja.reviu.aturan.dasar import Konteks, _t, _tahun_laporan, aturan, tahun_kolom, trio
from kinerja.reviu.bilangan import cocok
from kinerja.reviu.dokumen import normal

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
