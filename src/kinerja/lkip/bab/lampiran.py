"""Lampiran of the LKIP: 1. the Perjanjian Kinerja with its programmes, 2. Hasil Reviu Angka
Laporan: the figures the data contradicts (the dashboard's and the survey/budget source's
published-figure checks), a draft PK and the target warnings, each with formula and inputs
(`ButirReviu`, also the rows of the reviu document, `kinerja.lkip.reviu`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import pemilih
from kinerja.lkip.bab.dasar import KANAN, KIRI, PenyusunDasar, _t, target_cetak


@dataclass
class ButirReviu:
    """One figure the data contradicts, or a target rule the data breaks."""

    jenis: str
    sumber: str
    uraian: str
    terbit: str
    hitung: str
    selisih: str
    rumus: str
    masukan: dict[str, str] = field(default_factory=dict)
    catatan: str = ""


def _nilai_reviu(x) -> str:
    return fmt.desimal_atau_teks(x, 2)


class Lampiran(PenyusunDasar):
    def lampiran(self) -> None:
        d = self.d
        self.judul("LAMPIRAN", halaman_baru=True)
        self.judul("Lampiran 1. Perjanjian Kinerja", 2)
        if d.pk:
            pk = d.pk
            self.par(
                f"PERJANJIAN KINERJA TAHUN {self.tahun}. Dalam rangka mewujudkan manajemen "
                f"pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada "
                f"hasil, {pk.pihak_pertama_nama or 'yang bertanda tangan di bawah ini'}, "
                f"{pk.pihak_pertama_jabatan}, berjanji akan mewujudkan target kinerja tahunan "
                f"sesuai lampiran perjanjian ini"
                + (f" kepada {pk.pihak_kedua_jabatan}" if pk.pihak_kedua_jabatan else "")
                + "."
            )
            self.tabel(self._tabel_pk())
            program = [
                p for p in pemilih.program_anggaran(self.org, self.tahun) if p.induk_id is None
            ]
            if program:
                t = Tabel(
                    f"Program dan anggaran Perjanjian Kinerja tahun {self.tahun}",
                    ["No", "Program", "Anggaran (Rp)"],
                    rata=[KANAN, KIRI, KANAN],
                )
                for i, p in enumerate(program, start=1):
                    t.tambah(i, p.nama, fmt.angka(p.pagu, 0))
                t.tambah("", "Jumlah", fmt.angka(sum(p.pagu for p in program), 0))
                self.tabel(t)
        else:
            self.par("Perjanjian Kinerja belum tercatat di sistem.")
        self.judul("Lampiran 2. Hasil Reviu Angka Laporan", 2, halaman_baru=True)
        self.par(
            "Setiap angka yang dicetak dalam laporan sebelumnya atau dalam data pendukung "
            "dihitung ulang dari masukannya. Daftar berikut memuat angka yang berbeda dengan "
            "hasil perhitungan, beserta rumus dan masukannya, serta target yang melanggar "
            "aturan target tahun ini tidak lebih rendah daripada realisasi tahun lalu."
        )
        self.tabel(tabel_reviu(self.dok.temuan, self.tahun))

    def _temuan_reviu(self) -> list[ButirReviu]:
        """The dashboard's findings, the survey/budget source's findings and the target
        warnings, each with formula and inputs."""
        hasil: list[ButirReviu] = []
        if self.d.pk_draf:
            # the targets printed are not final yet (docs/keputusan/0019-penyusunan-pk.md)
            hasil.append(
                ButirReviu(
                    jenis="PK draf",
                    sumber=f"Perjanjian Kinerja {self.tahun}",
                    uraian=(
                        f"Perjanjian Kinerja {self.tahun} masih draf (belum ditandatangani): "
                        "target dan capaian dalam laporan ini belum final."
                    ),
                    terbit="-",
                    hitung="-",
                    selisih="-",
                    rumus="PK ditandatangani sebelum laporan diterbitkan",
                )
            )
        lihat = set()
        for t in list(self.d.temuan) + list(self.sumber.temuan()):
            kunci = t.uraian.casefold()
            if kunci in lihat:
                continue
            lihat.add(kunci)
            hasil.append(
                ButirReviu(
                    jenis="angka terbit",
                    sumber=t.sumber,
                    uraian=t.uraian,
                    terbit=_nilai_reviu(None if t.terbit == "(kosong)" else t.terbit),
                    hitung=_nilai_reviu(t.hitung),
                    selisih=fmt.angka(t.selisih) if t.selisih is not None else "-",
                    rumus=t.rumus,
                    masukan={k: _nilai_reviu(v) for k, v in t.masukan.items()},
                    catatan=t.catatan,
                )
            )
        for pesan in self.d.peringatan:
            b = next((b for b in self.d.baris if f"'{b.indikator.nama}'" in pesan), None)
            masukan = {}
            if b is not None:
                lalu = next(
                    (
                        x
                        for x in self.riwayat.get(b.indikator.pk, [])
                        if x["tahun"] == self.tahun - 1
                    ),
                    None,
                )
                masukan = {
                    f"target {self.tahun}": target_cetak(b),
                    f"realisasi {self.tahun - 1}": _t(lalu["realisasi"]) if lalu else "-",
                    "polaritas": b.indikator.polaritas,
                }
            hasil.append(
                ButirReviu(
                    jenis="peringatan target",
                    sumber=f"Perjanjian Kinerja {self.tahun}",
                    uraian=pesan,
                    terbit=masukan.get(f"target {self.tahun}", "-"),
                    hitung=masukan.get(f"realisasi {self.tahun - 1}", "-"),
                    selisih="-",
                    rumus=f"target {self.tahun} ≥ realisasi {self.tahun - 1} (indikator positif)",
                    masukan=masukan,
                )
            )
        return hasil


def tabel_reviu(temuan: list[ButirReviu], tahun: int) -> Tabel:
    t = Tabel(
        f"Hasil reviu angka laporan tahun {tahun}",
        ["No", "Sumber", "Uraian", "Terbit", "Seharusnya", "Selisih", "Rumus dan masukan"],
        rata=[KANAN, KIRI, KIRI, KANAN, KANAN, KANAN, KIRI],
    )
    for i, r in enumerate(temuan, start=1):
        masukan = "; ".join(f"{k} = {v}" for k, v in list(r.masukan.items())[:6])
        if len(r.masukan) > 6:
            masukan += f"; … ({len(r.masukan)} masukan)"
        teks = r.rumus if len(r.rumus) <= 160 else r.rumus[:157] + "…"
        t.tambah(
            i,
            r.sumber,
            r.uraian + (f" ({r.catatan})" if r.catatan else ""),
            r.terbit,
            r.hitung,
            r.selisih,
            teks + (f". Masukan: {masukan}" if masukan else ""),
        )
    if not temuan:
        t.tambah("", "", "Tidak ada angka yang berbeda.", "", "", "", "")
    return t
