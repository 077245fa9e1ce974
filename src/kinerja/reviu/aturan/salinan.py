"""Tables copied from another year."""

from __future__ import annotations

from kinerja.reviu.aturan.dasar import Konteks, aturan

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
