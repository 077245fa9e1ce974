"""Bab III Akuntabilitas Kinerja: capaian kinerja organisasi (scale, indicators, predikat,
sasaran), the analysis per sasaran and indicator (periods, earlier years, Renstra, peers,
causes, programmes), the survey tables and the budget (Tabel 67-75 of the example) from the
survey/budget source (`kinerja.lkip.sumber`)."""

from __future__ import annotations

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import grafik, narasi, pemilih
from kinerja.lkip.bab.dasar import (
    KANAN,
    KIRI,
    LABEL_PERIODE,
    PenyusunDasar,
    _t,
    realisasi_cetak,
    target_cetak,
)
from kinerja.pengukuran import pemilih as pp
from kinerja.perencanaan.models import KelompokSasaran
from kinerja.rumus.skala import SKALA_CAPAIAN_DKI, SKALA_MUTU_IKM


def _grafik_capaian(baris: list[pp.BarisCapaian]) -> bytes:
    """Bar chart of the indicators' capaian, coloured by predikat."""
    return grafik.batang_capaian(
        [b.indikator.nama for b in baris],
        [b.hasil.capaian if b.hasil else None for b in baris],
        [b.hasil.predikat if b.hasil else "N/A" for b in baris],
    )


class BabAkuntabilitas(PenyusunDasar):
    def bab_3(self) -> None:
        d, tahun = self.d, self.tahun
        self.judul("BAB III AKUNTABILITAS KINERJA", halaman_baru=True)
        self.judul("A. Capaian Kinerja Organisasi", 2)
        self.par(
            "Capaian kinerja dihitung dengan membandingkan realisasi terhadap target setiap "
            "indikator: untuk indikator positif capaian = realisasi / target × 100%, untuk "
            "indikator negatif sesuai metode yang ditetapkan pada indikatornya. Predikat "
            "ditetapkan menurut skala berikut."
        )
        t = Tabel(
            f"Skala nilai peringkat kinerja ({SKALA_CAPAIAN_DKI.sumber})",
            ["Rentang capaian", "Predikat"],
        )
        for p in SKALA_CAPAIAN_DKI.pita:
            t.tambah(p.uraian().replace(".", ","), p.label)
        self.tabel(t)
        if not d.baris:
            self.par(f"Belum ada Perjanjian Kinerja tahun {tahun}; capaian tidak dapat diukur.")
            return
        t = Tabel(
            f"Rincian sasaran dan indikator kinerja tahun {tahun}",
            ["Kelompok", "Jumlah sasaran", "Jumlah indikator"],
            rata=[KIRI, KANAN, KANAN],
        )
        for k in KelompokSasaran:
            ss = [s for s in d.sasaran if s.sasaran.kelompok == k.value]
            if ss:
                t.tambah(k.label, len(ss), sum(len(s.baris) for s in ss))
        t.tambah("Jumlah", len(d.sasaran), len(d.baris))
        self.tabel(t)
        t = Tabel(
            f"Capaian Indikator Kinerja Utama dan tambahan {self.org.nama} tahun {tahun}",
            ["No", "Sasaran", "Indikator", "Target", "Realisasi", "Capaian (%)", "Predikat"],
            rata=[KANAN, KANAN, KIRI, KANAN, KANAN, KANAN, KIRI],
        )
        baris_urut = [b for s in self._urut_sasaran() for b in s.baris]
        for i, b in enumerate(baris_urut, start=1):
            t.tambah(
                i,
                b.sasaran.nomor,
                b.indikator.nama,
                target_cetak(b),
                realisasi_cetak(b),
                _t(b.hasil.capaian) if b.hasil else "-",
                b.hasil.predikat if b.hasil else "N/A",
            )
        self.tabel(t)
        self.grafik(
            f"Jumlah indikator kinerja per predikat tahun {tahun}", grafik.batang_predikat(d.rekap)
        )
        t = Tabel(
            f"Pencapaian indikator kinerja sasaran tahun {tahun} per predikat",
            ["Predikat", "Jumlah indikator"],
            rata=[KIRI, KANAN],
        )
        for k, n in d.rekap.items():
            t.tambah(k, n)
        t.tambah("Jumlah", sum(d.rekap.values()))
        self.tabel(t)
        t = Tabel(
            f"Pencapaian target sasaran tahun {tahun}",
            ["No", "Sasaran", "Jumlah indikator", "Rata-rata capaian (%)", "Predikat"],
            rata=[KANAN, KIRI, KANAN, KANAN, KIRI],
        )
        for s in self._urut_sasaran():
            t.tambah(
                s.sasaran.nomor,
                s.sasaran.uraian,
                s.hasil.jumlah_indikator,
                _t(s.hasil.capaian),
                s.hasil.predikat,
            )
        self.tabel(t)
        teks, angka = self.ringkasan_capaian()
        self.narasi("bab3.capaian", "Bab III: capaian keseluruhan", teks, angka)
        self.grafik(
            f"Capaian seluruh indikator kinerja tahun {tahun}",
            _grafik_capaian(baris_urut),
        )
        iku = [b for b in baris_urut if b.indikator.iku]
        if iku:
            self.grafik(
                f"Capaian Indikator Kinerja Utama tahun {tahun}",
                _grafik_capaian(iku),
            )
        huruf = iter("BCDEFGH")
        program = pemilih.program_anggaran(self.org, tahun)
        for i, k in enumerate(KelompokSasaran):
            ss = [s for s in self._urut_sasaran() if s.sasaran.kelompok == k.value]
            if not ss:
                continue
            self.judul(f"{next(huruf)}. Analisis Capaian {k.label}", 2)
            for j, s in enumerate(ss):
                self.kemajuan(20 + (i * 5) + j // 4, f"Bab III: sasaran {s.sasaran.nomor}")
                self._sasaran(s, program)
        self.judul(f"{next(huruf)}. Hasil Survei Kepuasan dan Efektivitas Koordinasi", 2)
        self._survei()
        self.judul(f"{next(huruf)}. Realisasi Anggaran", 2)
        self._anggaran()

    def _sasaran(self, s: pp.BarisSasaran, program) -> None:
        tahun = self.tahun
        self.judul(f"Sasaran {s.sasaran.nomor}: {s.sasaran.uraian}", 3)
        self.par(
            f"Sasaran ini diukur dengan {len(s.baris)} indikator; rata-rata capaiannya "
            f"{fmt.persen(s.hasil.capaian)} dengan predikat {s.hasil.predikat}."
        )
        for b in s.baris:
            ind = b.indikator
            kunci = f"bab3.{ind.kode or ind.pk}"
            self.judul(f"Indikator: {ind.nama}", 4)
            # 1. target vs realisasi, per period
            t = Tabel(
                f"Target dan realisasi {ind.nama} tahun {tahun}",
                ["Periode", "Target", "Realisasi", "Capaian (%)", "Predikat"],
                rata=[KIRI, KANAN, KANAN, KANAN, KIRI],
            )
            periode = sorted(
                (k for k in b.per_periode if k[0] != "tahun"), key=lambda k: (k[0], k[1])
            )
            target_periode = {(x.jenis, x.ke): x for x in b.periode if x.asal_target == "periode"}
            for jenis, ke in periode:
                r = b.per_periode[(jenis, ke)]
                if (jenis, ke) in target_periode:  # the PK's period target (keputusan 0037)
                    tp = target_periode[(jenis, ke)]
                    h, target_teks = tp.hasil, _t(tp.target)
                else:
                    h = pp.hitung_capaian_butir(ind, b.butir, r.nilai, r.nilai_teks)
                    target_teks = target_cetak(b)
                t.tambah(
                    f"{jenis.capitalize()} {narasi.ROMAWI[ke - 1]}",
                    target_teks,
                    r.nilai_teks or _t(r.nilai),
                    _t(h.capaian) if h else "-",
                    h.predikat if h else "N/A",
                )
            t.tambah(
                f"Tahun {tahun}",
                target_cetak(b),
                realisasi_cetak(b),
                _t(b.hasil.capaian) if b.hasil else "-",
                b.hasil.predikat if b.hasil else "N/A",
            )
            teks, angka = narasi.kalimat_capaian(
                ind.nama,
                target_cetak(b),
                realisasi_cetak(b),
                b.hasil.capaian if b.hasil else None,
                b.hasil.predikat if b.hasil else "N/A",
            )
            if periode:
                jenis = periode[0][0]
                t2, a2 = narasi.kalimat_periode(
                    LABEL_PERIODE.get(jenis, jenis),
                    [(ke, b.per_periode[(j, ke)].nilai) for j, ke in periode if j == jenis],
                )
                teks, angka = f"{teks} {t2}", {**angka, **a2}
            self.narasi(f"{kunci}.capaian", f"{ind.nama}: target dan realisasi", teks, angka)
            self.tabel(t)
            # 2. earlier years
            seri = self.riwayat.get(ind.pk, [])
            teks, angka = narasi.kalimat_riwayat(seri, tahun)
            self.narasi(f"{kunci}.riwayat", f"{ind.nama}: tahun-tahun sebelumnya", teks, angka)
            if len([x for x in seri if x["tahun"] != tahun]) >= 1:
                t = Tabel(
                    f"Perbandingan capaian {ind.nama} dengan tahun-tahun sebelumnya",
                    ["Tahun", "Target", "Realisasi", "Capaian (%)"],
                )
                for x in seri:
                    t.tambah(
                        x["tahun"],
                        _t(x["target"]),
                        _t(x["realisasi"]),
                        _t(x["capaian"].capaian) if x["capaian"] else "-",
                    )
                self.tabel(t)
                self.grafik(
                    f"Tren realisasi {ind.nama} tahun {seri[0]['tahun']}-{seri[-1]['tahun']}",
                    grafik.garis_tren(
                        [x["tahun"] for x in seri],
                        [x["realisasi"] for x in seri],
                        [x["target"] for x in seri],
                        ind.satuan,
                    ),
                    lebar_cm=14,
                )
            # 3. Renstra
            tr = pp.target_renstra(ind)
            teks, angka = narasi.kalimat_renstra(
                b.realisasi,
                [(x.tahun, "Renstra" if x.sumber == "renstra" else "RPD", x.nilai) for x in tr],
                tahun,
            )
            self.narasi(f"{kunci}.renstra", f"{ind.nama}: target jangka menengah", teks, angka)
            if tr:
                t = Tabel(
                    f"Perbandingan realisasi {ind.nama} dengan target jangka menengah",
                    ["Tahun", "Sumber", "Target", "Realisasi"],
                    rata=[KANAN, KIRI, KANAN, KANAN],
                )
                real = {x["tahun"]: x["realisasi"] for x in seri}
                for x in tr:
                    t.tambah(
                        x.tahun,
                        x.get_sumber_display(),
                        x.nilai_teks or _t(x.nilai),
                        _t(real.get(x.tahun)),
                    )
                self.tabel(t)
            # 4. peers and national standard
            pb = pp.pembanding(ind, tahun)
            teks, angka = narasi.kalimat_pembanding(
                self.org.nama, b.realisasi, [(p.nama, p.nilai, p.standar_nasional) for p in pb]
            )
            self.narasi(f"{kunci}.pembanding", f"{ind.nama}: pembanding", teks, angka)
            if pb:
                t = Tabel(
                    f"Perbandingan {ind.nama} dengan daerah lain dan standar nasional tahun {tahun}",
                    ["Pembanding", "Nilai", "Keterangan"],
                    rata=[KIRI, KANAN, KIRI],
                )
                t.tambah(self.org.nama, _t(b.realisasi), "realisasi")
                for p in pb:
                    t.tambah(p.nama, _t(p.nilai), "standar nasional" if p.standar_nasional else "")
                self.tabel(t)
                if b.realisasi is not None:
                    self.grafik(
                        f"Perbandingan {ind.nama} dengan daerah lain tahun {tahun}",
                        grafik.batang_pembanding(
                            [self.org.nama] + [p.nama for p in pb],
                            [b.realisasi] + [p.nilai for p in pb],
                            [True] + [False] * len(pb),
                        ),
                        lebar_cm=14,
                    )
            # 4b. the other kota administrasi of the province (same kode, verified data)
            if self.org.jenis in pp.JENIS_KOTA:
                teks, angka = narasi.kalimat_kota_lain(
                    self.org.nama,
                    ind.kode,
                    b.realisasi,
                    pp.pembanding_kota_lain(ind, tahun),
                    self.org.induk.nama if self.org.induk_id else "provinsi",
                )
                self.narasi(
                    f"{kunci}.kota-lain", f"{ind.nama}: kota administrasi lain", teks, angka
                )
            # 5. causes, as written with the realisasi
            urut = sorted(b.per_periode.items(), key=lambda kv: (kv[0][0] == "tahun", kv[0][1]))
            teks, angka = narasi.kalimat_penjelasan(
                [
                    (
                        "tahun" if k[0] == "tahun" else f"{k[0]} {narasi.ROMAWI[k[1] - 1]}",
                        r.penjelasan,
                    )
                    for k, r in urut
                ]
            )
            self.narasi(f"{kunci}.penyebab", f"{ind.nama}: penyebab", teks, angka)
        # 6. supporting programmes (per sasaran)
        pr = [p for p in program if any(x.pk == s.sasaran.pk for x in p.sasaran.all())]
        teks, angka = narasi.kalimat_program([(p.nama, p.pagu) for p in pr])
        self.narasi(
            f"bab3.sasaran-{s.sasaran.nomor}.program",
            f"Sasaran {s.sasaran.nomor}: program pendukung",
            teks,
            angka,
        )
        if pr:
            t = Tabel(
                f"Program pendukung sasaran {s.sasaran.nomor} tahun {tahun}",
                ["Program", "Pagu (Rp)"],
                rata=[KIRI, KANAN],
            )
            for p in pr:
                t.tambah(p.nama, fmt.angka(p.pagu, 0))
            self.tabel(t)

    def _survei(self) -> None:
        t = Tabel(
            f"Nilai persepsi, interval konversi dan mutu pelayanan ({SKALA_MUTU_IKM.sumber.split(',')[0]})",
            ["Nilai interval konversi", "Mutu pelayanan", "Kinerja unit pelayanan"],
            rata=[KIRI, KIRI, KIRI],
        )
        for p in SKALA_MUTU_IKM.pita:
            t.tambah(p.uraian().replace(".", ","), p.label, p.keterangan)
        self.tabel(t)
        survei = self.sumber.tabel_survei() + self.sumber.tabel_koordinasi()
        if not survei:
            self.par("Hasil survei kepuasan masyarakat dan efektivitas koordinasi belum tersedia.")
            return
        self.par(
            "Tabel-tabel berikut dihitung oleh mesin rumus dari nilai unit dan butir survei "
            f"(sumber: {self.sumber.nama}); aturan gabungan setiap nilai disebut pada catatan "
            "tabelnya."
        )
        for kunci, judul, teks, angka in self.sumber.narasi_survei():
            self.narasi(kunci, judul, teks, angka)
        for t in survei:
            self.tabel(t)

    def _anggaran(self) -> None:
        teks, angka = narasi.kalimat_anggaran(self.anggaran)
        self.narasi("bab3.anggaran", "Bab III: realisasi anggaran", teks, angka)
        g = self.sumber.grafik_anggaran()
        grafik_ = [  # (words of the table title it follows, chart)
            (
                ("belanja",),
                bool(g.belanja),
                lambda: self.grafik(
                    f"Pagu dan realisasi belanja per jenis tahun anggaran {self.tahun}",
                    grafik.batang_belanja(g.belanja),
                ),
            ),
            (
                ("program",),
                bool(g.program),
                lambda: self.grafik(
                    f"Penyerapan anggaran per program tahun {self.tahun}",
                    grafik.batang_penyerapan_program(
                        [n for n, _ in g.program], [v for _, v in g.program]
                    ),
                ),
            ),
            (
                ("konsistensi",),
                any(v is not None for v in g.rpd_kumulatif),
                lambda: self.grafik(
                    "Konsistensi penyerapan anggaran terhadap perencanaan (kumulatif per bulan)",
                    grafik.garis_konsistensi(g.bulan, g.rpd_kumulatif, g.realisasi_kumulatif),
                ),
            ),
        ]
        for t in self.sumber.tabel_anggaran():
            self.tabel(t)
            judul = t.judul.lower()
            for i, (kata, ada, gambar) in enumerate(grafik_):
                if ada and all(k in judul for k in kata):
                    gambar()
                    grafik_[i] = (kata, False, gambar)
        for _kata, ada, gambar in grafik_:  # tables withheld by data errors: charts at the end
            if ada:
                gambar()
