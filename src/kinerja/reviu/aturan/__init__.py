"""The checks of a report, one small named rule each, every one naming its source.

A rule reads the `Dokumen` (tables with column roles, sentences with figures) through the
`Konteks`, recomputes what it can with the engine (`kinerja.rumus`: capaian, skala,
sasaran, NKA) and reports a `Temuan` for every printed figure that does not hold: where it
is, the printed and the recomputed value, the formula with its inputs. A value a rule has
recomputed is kept as a correction (`Konteks.koreksi`) so later rules that use it (a
semester mean, the NKA chain) show the effect downstream.

The rules sit in modules by theme (capaian, hitung, periode, ganda, narasi, target,
anggaran, salinan) and register themselves with `@aturan`; they run in that order. Sources:
PermenPAN-RB 53/2014 (tata cara reviu atas LKIP: keandalan dan konsistensi data kinerja),
PermenPAN-RB 6/2022 Bab VI (capaian), PermenPAN-RB 14/2017 (IKM: rata-rata per unsur),
PMK 22/PMK.02/2021 (NKA), Permendagri 86/2017 (skala predikat), the formula spec
../shared/domain/formulas.md; matching and tolerances in docs/keputusan/0039-reviu-dokumen.md.
"""

from __future__ import annotations

from kinerja.reviu.aturan import (  # noqa: F401  (importing a module registers its rules)
    anggaran,
    capaian,
    ganda,
    hitung,
    narasi,
    periode,
    salinan,
    target,
)
from kinerja.reviu.aturan.dasar import ATURAN, Aturan, Konteks, aturan, trio
from kinerja.reviu.dokumen import Dokumen, Temuan
from kinerja.rumus.bilangan import DataTidakValid

__all__ = ["ATURAN", "Aturan", "Konteks", "aturan", "jalankan", "trio"]

# Rules run module by module in this order (a recomputed value feeds later rules), and in
# their order of definition within a module.
URUTAN = ("capaian", "hitung", "periode", "ganda", "narasi", "target", "anggaran", "salinan")


def urutan() -> list[Aturan]:
    return sorted(ATURAN, key=lambda a: URUTAN.index(a.fungsi.__module__.rsplit(".", 1)[-1]))


def jalankan(dok: Dokumen) -> list[Temuan]:
    """Every rule on the document, in order; a rule that fails on odd input is skipped with a
    note instead of stopping the reviu. A table of reviu findings (a report's own reviu
    annex) is not itself checked."""
    dok.tabel = [t for t in dok.tabel if not t.judul.casefold().startswith("hasil reviu")]
    k = Konteks(dok)
    for a in urutan():
        k._aturan = a
        try:
            a.fungsi(k)
        except DataTidakValid as e:
            dok.catatan.append(f"Aturan '{a.nama}' dilewati: {e}")
        except Exception as e:  # an odd layout must not stop the other checks
            dok.catatan.append(
                f"Aturan '{a.nama}' dilewati: susunan tabel tidak terbaca ({type(e).__name__})."
            )
    return k.temuan
