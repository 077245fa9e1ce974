"""Bab II Perencanaan Kinerja: Renstra (tujuan, sasaran, target jangka menengah), IKU,
Perjanjian Kinerja with its revisions, program dan anggaran, rencana aksi."""

from __future__ import annotations

from decimal import Decimal

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import narasi, pemilih
from kinerja.lkip.bab.dasar import KANAN, KIRI, PenyusunDasar, _t, target_cetak
from kinerja.pengukuran import pemilih as pp


class BabPerencanaan(PenyusunDasar):
    def bab_2(self) -> None:
        org, tahun, d = self.org, self.tahun, self.d
        self.judul("BAB II PERENCANAAN KINERJA", halaman_baru=True)
        self.judul("A. Rencana Strategis", 2)
        renstra = pemilih.renstra_berlaku(org, tahun)
        sasaran = pemilih.sasaran_renstra(org)
        if renstra:
            self.par(
                f"{renstra.nama} periode {renstra.tahun_awal}-{renstra.tahun_akhir}"
                + (f" ({renstra.dasar_hukum})" if renstra.dasar_hukum else "")
                + " menjadi acuan perencanaan kinerja tahun ini."
            )
            if renstra.acuan_rpd:
                self.par(f"Acuan RPD/RPJMD: {renstra.acuan_rpd}")
            t = Tabel(
                f"Tujuan dan sasaran {renstra.nama} {renstra.tahun_awal}-{renstra.tahun_akhir}",
                ["Tujuan", "No", "Sasaran", "Kelompok"],
                rata=[KIRI, KANAN, KIRI, KIRI],
            )
            for s in sasaran:
                t.tambah(
                    s.tujuan.uraian if s.tujuan else "-",
                    s.nomor,
                    s.uraian,
                    s.get_kelompok_display(),
                )
            self.tabel(t)
        else:
            self.par("Rencana Strategis yang berlaku untuk tahun ini belum tercatat di sistem.")
        target = {b.indikator.pk: pp.target_renstra(b.indikator) for b in d.baris}
        ada = {k: v for k, v in target.items() if v}
        if ada:
            tahun_ = sorted({t.tahun for v in ada.values() for t in v})
            t = Tabel(
                "Target indikator dalam Renstra/RPD",
                ["Indikator", "Sumber", *[str(x) for x in tahun_]],
                rata=[KIRI, KIRI] + [KANAN] * len(tahun_),
            )
            nama = {b.indikator.pk: b.indikator.nama for b in d.baris}
            for ind, daftar in ada.items():
                for sumber in sorted({x.sumber for x in daftar}):
                    nilai = {x.tahun: x for x in daftar if x.sumber == sumber}
                    t.tambah(
                        nama[ind],
                        sumber.upper() if sumber == "rpd" else "Renstra",
                        *[
                            (nilai[x].nilai_teks or _t(nilai[x].nilai)) if x in nilai else "-"
                            for x in tahun_
                        ],
                    )
            self.tabel(t)
        self.judul("B. Indikator Kinerja Utama", 2)
        iku = [b for b in d.baris if b.indikator.iku]
        if iku:
            t = Tabel(
                f"Indikator Kinerja Utama tahun {tahun}",
                ["No", "Sasaran", "Indikator", "Satuan", "Target"],
                rata=[KANAN, KIRI, KIRI, KIRI, KANAN],
            )
            for i, b in enumerate(iku, start=1):
                t.tambah(i, b.sasaran.uraian, b.indikator.nama, b.indikator.satuan, target_cetak(b))
            self.narasi(
                "bab2.iku",
                "Bab II: IKU",
                f"Perjanjian Kinerja tahun {tahun} memuat {len(iku)} Indikator Kinerja Utama (IKU): "
                + narasi._daftar([b.indikator.nama for b in iku])
                + ".",
                {b.indikator.nama: target_cetak(b) for b in iku},
            )
            self.tabel(t)
        else:
            self.par("Belum ada indikator yang ditandai sebagai IKU.")
        self.judul("C. Perjanjian Kinerja", 2)
        if d.pk is None:
            self.par(f"Perjanjian Kinerja tahun {tahun} belum tercatat di sistem.")
        else:
            self.par(
                f"Perjanjian Kinerja tahun {tahun} ditetapkan oleh {d.pk.pihak_pertama_jabatan}"
                + (f" dengan {d.pk.pihak_kedua_jabatan}" if d.pk.pihak_kedua_jabatan else "")
                + f" dan memuat {len(d.baris)} indikator dari {len(d.sasaran)} sasaran."
            )
            self.tabel(self._tabel_pk())
            riwayat = pemilih.revisi_pk(d.pk)
            if riwayat:
                # the revision history with each one's legal basis (docs/keputusan/0050)
                t = Tabel(
                    f"Riwayat revisi Perjanjian Kinerja {tahun}",
                    ["Revisi", "Tanggal", "Dasar hukum", "Nomor dan tanggal surat", "Alasan",
                     "Target berubah"],
                    rata=[KANAN, KIRI, KIRI, KIRI, KIRI, KANAN],
                )  # fmt: skip
                for rev, perubahan in riwayat:
                    surat = rev.nomor_surat or "-"
                    if rev.tanggal_surat:
                        surat += f", {fmt.tanggal(rev.tanggal_surat)}"
                    t.tambah(
                        rev.nomor,
                        fmt.tanggal(rev.tanggal) if rev.tanggal else "-",
                        rev.dasar_hukum,
                        surat,
                        rev.alasan,
                        len(perubahan),
                    )
                self.tabel(t)
            for rev, perubahan in riwayat:
                self.par(
                    f"Perjanjian Kinerja direvisi (revisi {rev.nomor}) berdasarkan "
                    f"{rev.dasar_hukum}"
                    + (
                        f" ({rev.nomor_surat})"
                        if rev.nomor_surat and rev.nomor_surat != rev.dasar_hukum
                        else ""
                    )
                    + (f" tanggal {fmt.tanggal(rev.tanggal)}" if rev.tanggal else "")
                    + f". Alasan: {rev.alasan}"
                )
                if perubahan:
                    t = Tabel(
                        f"Perubahan target pada revisi {rev.nomor} Perjanjian Kinerja {tahun}",
                        ["Indikator", "Target semula", "Target revisi"],
                        rata=[KIRI, KANAN, KANAN],
                    )
                    for p in perubahan:
                        t.tambah(p.butir.indikator.nama, _t(p.target_lama), _t(p.target_baru))
                    self.tabel(t)
        self.judul("D. Rencana Kerja Tahunan: Program dan Anggaran", 2)
        program = pemilih.program_anggaran(org, tahun)
        if program:
            t = Tabel(
                f"Program dan kegiatan tahun anggaran {tahun}",
                ["Program / kegiatan", "Tingkat", "Pagu awal (Rp)", "Pagu (Rp)"],
                rata=[KIRI, KIRI, KANAN, KANAN],
            )
            jumlah = Decimal(0)
            for p in program:
                t.tambah(
                    p.nama,
                    p.get_tingkat_display(),
                    fmt.angka(p.pagu_awal, 0) if p.pagu_awal else "-",
                    fmt.angka(p.pagu, 0),
                )
                if p.induk_id is None:
                    jumlah += p.pagu
            t.tambah("Jumlah program", "", "", fmt.angka(jumlah, 0))
            self.tabel(t)
            keluaran = [(p, k) for p in program for k in p.indikator_keluaran.all()]
            if keluaran:
                t = Tabel(
                    f"Indikator keluaran program dan kegiatan tahun {tahun}",
                    ["Program / kegiatan", "Indikator keluaran", "Satuan", "Target", "Realisasi"],
                    rata=[KIRI, KIRI, KIRI, KANAN, KANAN],
                )
                for p, k in keluaran:
                    t.tambah(p.nama, k.nama, k.satuan, _t(k.target), _t(k.realisasi))
                self.tabel(t)
        else:
            self.par("Program dan kegiatan tahun ini belum tercatat di sistem.")
        self.judul("E. Rencana Aksi", 2)
        aksi = pemilih.rencana_aksi(org, tahun)
        if aksi:
            self.par(
                f"Rencana aksi pencapaian kinerja tahun {tahun} memuat {len(aksi)} kegiatan "
                "dengan penanggung jawab dan target masing-masing."
            )
            t = Tabel(
                f"Rencana aksi pencapaian kinerja tahun {tahun}",
                ["No", "Rencana aksi", "Penanggung jawab", "Target"],
                rata=[KANAN, KIRI, KIRI, KIRI],
            )
            for i, a in enumerate(aksi, start=1):
                pj = a.penanggung_jawab.nama if a.penanggung_jawab else a.instansi_terkait
                t.tambah(i, a.uraian, pj, a.target_teks)
            self.tabel(t)
        else:
            self.par("Rencana aksi tahun ini belum tercatat di sistem.")
