"""Bab IV Penutup: kesimpulan (capaian and budget) and saran drawn from the data (missing
realisasi, indicators under target, a draft PK, target warnings, the reviu's findings)."""

from __future__ import annotations

from kinerja import angka as fmt
from kinerja.lkip import narasi
from kinerja.lkip.bab.dasar import PenyusunDasar


class BabPenutup(PenyusunDasar):
    def bab_4(self) -> None:
        d = self.d
        self.judul("BAB IV PENUTUP", halaman_baru=True)
        self.judul("A. Kesimpulan", 2)
        teks, angka = self.ringkasan_capaian()
        t2, a2 = narasi.kalimat_anggaran(self.anggaran)
        self.narasi("bab4.kesimpulan", "Bab IV: kesimpulan", f"{teks}\n\n{t2}", {**angka, **a2})
        self.judul("B. Saran", 2)
        saran = []
        belum = [b for b in d.baris if b.hasil is None or b.hasil.capaian is None]
        if belum:
            saran.append(
                "Melengkapi realisasi indikator yang belum tercatat: "
                + narasi._daftar([b.indikator.nama for b in belum])
                + "."
            )
        lemah = [
            b for b in d.baris if b.hasil and b.hasil.capaian is not None and b.hasil.capaian < 100
        ]
        if lemah:
            saran.append(
                "Meningkatkan capaian indikator yang belum mencapai target: "
                + narasi._daftar(
                    [f"{b.indikator.nama} ({fmt.persen(b.hasil.capaian)})" for b in lemah]
                )
                + "."
            )
        if d.pk_draf:
            saran.append(
                f"Menandatangani Perjanjian Kinerja {self.tahun} yang masih draf sebelum "
                "laporan diterbitkan: target dan capaian di atas belum final."
            )
        if d.peringatan:
            saran.append(
                "Meninjau kembali target yang lebih rendah daripada realisasi tahun sebelumnya: "
                + " ".join(d.peringatan)
            )
        if self.dok.temuan:
            saran.append(
                f"Memperbaiki {len(self.dok.temuan)} angka yang berbeda dengan hasil perhitungan "
                "dari datanya sebelum laporan diterbitkan (lihat lampiran Hasil Reviu)."
            )
        if not saran:
            saran.append("Mempertahankan capaian kinerja pada tahun berikutnya.")
        self.narasi(
            "bab4.saran",
            "Bab IV: saran",
            "\n\n".join(f"{i}. {s}" for i, s in enumerate(saran, start=1)),
            {"saran": saran},
        )
