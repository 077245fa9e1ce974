"""Tables copied from another year: within the report, and against the previous year's
report when the reviewer gives it (`kinerja reviu PATH --pembanding LKIP_LALU`)."""

from __future__ import annotations

from decimal import Decimal

from kinerja.reviu.aturan.dasar import Konteks, aturan
from kinerja.reviu.dokumen import Tabel

SUMBER = "PermenPAN-RB 53/2014 (reviu: data tahun berjalan, bukan salinan tahun sebelumnya)"


def sidik_angka(t: Tabel) -> tuple[Decimal, ...] | None:
    """The table's numbers in reading order, or None when too few or too uniform to say
    that two equal tables are a copy (fewer than 6 numbers, or fewer than 3 distinct)."""
    angka = tuple(b.angka(j).nilai for b in t.baris for j in range(len(b.sel)) if b.angka(j))
    if len(angka) < 6 or len(set(angka)) < 3:
        return None
    return angka


@aturan("tabel_salinan", "Tabel tahun lain yang tersalin utuh", SUMBER)
def periksa_salinan(k: Konteks) -> None:
    sidik = {}
    for t in k.dok.tabel:
        angka = sidik_angka(t) if t.tahun_judul is not None else None
        if angka is None:
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


@aturan("tabel_salinan_tahun_lalu", "Tabel yang sama persis dengan LKIP tahun lalu", SUMBER)
def periksa_salinan_tahun_lalu(k: Konteks) -> None:
    """A table titled with one year whose numbers equal, in order, a table of the previous
    report titled with another year: last year's table with this year's caption. Tables
    whose title names no single year (Renstra targets, stable statistics) are left alone:
    they may rightly repeat."""
    lama = k.dok.pembanding
    if lama is None:
        return
    sidik = {}
    for t in lama.tabel:
        angka = sidik_angka(t) if t.tahun_judul is not None else None
        if angka is not None:
            sidik.setdefault(angka, t)
    for t in k.dok.tabel:
        angka = sidik_angka(t) if t.tahun_judul is not None else None
        asal = sidik.get(angka) if angka is not None else None
        if asal is not None and asal.tahun_judul != t.tahun_judul:
            k.tambah(
                lokasi=t.nama,
                terbit=f"{t.nama} (tahun {t.tahun_judul})",
                hitung=(
                    f"sama persis dengan {asal.nama} (tahun {asal.tahun_judul}) "
                    f"pada {lama.sumber or 'LKIP pembanding'}"
                ),
                rumus=f"{len(angka)} angka identik pada urutan yang sama",
                tabel=t,
            )
