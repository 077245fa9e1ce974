"""Front matter and Bab I Pendahuluan of the LKIP: kata pengantar (the document context),
ringkasan eksekutif, the lists of contents/tables/charts, then latar belakang, susunan
organisasi, SDM, sarana dan prasarana, tindak lanjut hasil evaluasi and sistematika."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from kinerja import angka as fmt
from kinerja.evaluasi.pemilih import evaluasi_organisasi, tindak_lanjut_bpk, tindak_lanjut_lkip
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import grafik, narasi, pemilih
from kinerja.lkip.bab.dasar import KANAN, KIRI, PenyusunDasar, _t
from kinerja.lkip.dokumen import BlokNarasi, DaftarIsi, HalamanBaru, hash_angka
from kinerja.organisasi.models import JenisOrganisasi
from kinerja.rumus import skp as rumus_skp
from kinerja.skp.pemilih import distribusi_predikat


class BabPendahuluan(PenyusunDasar):
    def _konteks(self) -> None:
        pk = self.d.pk
        induk = self.org.induk.nama if self.org.induk_id else ""
        teks, angka = (
            f"Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa sehingga Laporan Kinerja "
            f"Instansi Pemerintah (LKIP) {self.org.nama} Tahun {self.tahun} dapat disusun. "
            f"LKIP ini disusun sebagai pertanggungjawaban atas pelaksanaan Perjanjian Kinerja "
            f"Tahun {self.tahun}, sesuai dengan Peraturan Presiden Nomor 29 Tahun 2014 tentang "
            f"Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PAN-RB "
            f"Nomor 53 Tahun 2014.\n\nSeluruh angka dalam laporan ini dihitung dari data yang "
            f"tercatat di sistem Kinerja. Kami berharap laporan ini bermanfaat sebagai bahan "
            f"evaluasi dan perbaikan kinerja pada tahun berikutnya.",
            {},
        )
        blok = BlokNarasi("kata_pengantar", "Kata pengantar", teks, hash_angka(angka), teks)
        e = self.edit.get("kata_pengantar")
        if e:
            blok.teks, blok.diedit = e.teks, True
            blok.perlu_ditinjau = e.hash_angka != blok.hash_angka
        self.dok.narasi.append(blok)
        self.dok.konteks = {
            "judul": "LAPORAN KINERJA INSTANSI PEMERINTAH",
            "singkatan": "LKIP",
            "organisasi": self.org.nama,
            "induk": induk,
            "tahun": str(self.tahun),
            "alamat": self.org.alamat,
            "kata_pengantar": blok.teks,
            "tempat": (pk.tempat if pk else "") or "",
            "tanggal": fmt.tanggal(timezone.localdate()),
            "penandatangan_jabatan": pk.pihak_pertama_jabatan if pk else "",
            "penandatangan_nama": (pk.pihak_pertama_nama if pk else "") or "",
        }

    def ringkasan_eksekutif(self) -> None:
        self.judul("RINGKASAN EKSEKUTIF", halaman_baru=True)
        teks, angka = self.ringkasan_capaian()
        self.narasi("ringkasan.capaian", "Ringkasan eksekutif: capaian", teks, angka)
        teks, angka = narasi.kalimat_anggaran(self.anggaran)
        self.narasi("ringkasan.anggaran", "Ringkasan eksekutif: anggaran", teks, angka)
        jumlah = len(self.dok.temuan)  # computed by Penyusun.susun (Lampiran._temuan_reviu)
        self.narasi(
            "ringkasan.reviu",
            "Ringkasan eksekutif: reviu",
            f"Pemeriksaan ulang atas angka-angka laporan menemukan {jumlah} angka yang berbeda "
            f"dengan hasil perhitungan dari datanya; seluruhnya dicantumkan beserta rumus dan "
            f"masukannya pada lampiran Hasil Reviu Angka Laporan."
            if jumlah
            else "Pemeriksaan ulang atas angka-angka laporan tidak menemukan perbedaan.",
            {"temuan": jumlah},
        )

    def daftar(self) -> None:
        self.dok.blok += [
            HalamanBaru(),
            DaftarIsi("isi"),
            HalamanBaru(),
            DaftarIsi("tabel"),
            HalamanBaru(),
            DaftarIsi("grafik"),
        ]

    # --- Bab I -----------------------------------------------------------------------------

    def bab_1(self) -> None:
        org, tahun = self.org, self.tahun
        self.judul("BAB I PENDAHULUAN", halaman_baru=True)
        self.judul("A. Latar Belakang", 2)
        self.narasi(
            "bab1.latar_belakang",
            "Bab I: latar belakang",
            f"Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) menurut Peraturan Presiden "
            f"Nomor 29 Tahun 2014 mewajibkan setiap instansi pemerintah menyusun laporan kinerja "
            f"tahunan. LKIP {org.nama} Tahun {tahun} menyajikan perencanaan kinerja, pengukuran "
            f"capaian kinerja dan realisasi anggaran tahun {tahun}.",
        )
        self.judul("B. Susunan Organisasi", 2)
        per_jenis = pemilih.susunan(org)
        t = Tabel(f"Susunan organisasi {org.nama}", ["Jenis unit", "Jumlah"], rata=[KIRI, KANAN])
        for jenis in JenisOrganisasi:
            if per_jenis.get(jenis.value):
                t.tambah(jenis.label, fmt.angka(len(per_jenis[jenis.value]), 0))
        if t.baris:
            bagian = [f"{b[1]} {b[0].lower()}" for b in t.baris]
            self.narasi(
                "bab1.susunan",
                "Bab I: susunan organisasi",
                f"Di bawah {org.nama} tercatat " + narasi._daftar(bagian) + ".",
                {b[0]: b[1] for b in t.baris},
            )
            self.tabel(t)
        else:
            self.par("Unit di bawah organisasi ini belum tercatat di sistem.")
        stat = pemilih.statistik(org, tahun)
        self.judul("C. Sumber Daya Manusia", 2)
        self._sdm(stat)
        self.judul("D. Sarana dan Prasarana", 2)
        self._sarana(stat)
        self.judul("E. Tindak Lanjut Hasil Evaluasi", 2)
        self._evaluasi()
        self.judul("F. Sistematika Penyajian", 2)
        self.par(
            "Laporan ini disusun dengan sistematika: Bab I Pendahuluan; Bab II Perencanaan "
            "Kinerja; Bab III Akuntabilitas Kinerja, yang memuat capaian kinerja organisasi, "
            "analisis capaian per sasaran dan realisasi anggaran; Bab IV Penutup; serta lampiran "
            "Perjanjian Kinerja dan hasil reviu angka laporan."
        )

    def _sdm(self, stat) -> None:
        kelompok = [
            ("pegawai_pendidikan", "Sekretariat"),
            ("pegawai_pendidikan_kecamatan", "Kecamatan"),
            ("pegawai_pendidikan_kelurahan", "Kelurahan"),
        ]
        ada = [(k, label) for k, label in kelompok if stat.get(k)]
        if ada:
            butir = []
            for k, _ in ada:
                for s in stat[k]:
                    if s.butir != "jumlah" and s.butir not in butir:
                        butir.append(s.butir)
            t = Tabel(
                f"Jumlah pegawai menurut pendidikan tahun {self.tahun}",
                ["Unit", *butir, "Jumlah"],
                rata=[KIRI] + [KANAN] * (len(butir) + 1),
            )
            total = {b: Decimal(0) for b in butir}
            for k, label in ada:
                nilai = {s.butir: s.nilai for s in stat[k]}
                for b in butir:
                    total[b] += nilai.get(b) or 0
                t.tambah(
                    label,
                    *[fmt.angka(nilai.get(b), 0) for b in butir],
                    fmt.angka(nilai.get("jumlah", sum(nilai.get(b) or 0 for b in butir)), 0),
                )
            t.tambah(
                "Jumlah",
                *[fmt.angka(total[b], 0) for b in butir],
                fmt.angka(sum(total.values()), 0),
            )
            sumber = stat[ada[0][0]][0].sumber
            if sumber:
                t.catatan.append(f"Sumber: {sumber}.")
            self.narasi(
                "bab1.sdm",
                "Bab I: pegawai",
                f"Jumlah pegawai yang tercatat pada {narasi._daftar([lbl.lower() for _, lbl in ada])} "
                f"adalah {fmt.angka(sum(total.values()), 0)} orang; terbanyak berpendidikan "
                f"{max(total, key=total.get)} ({fmt.angka(max(total.values()), 0)} orang).",
                {k: v for k, v in total.items()},
            )
            self.tabel(t)
            self.grafik(
                f"Jumlah pegawai menurut pendidikan tahun {self.tahun}",
                grafik.batang_kelompok(list(total), list(total.values()), "Orang"),
            )
        else:
            self.par("Data pegawai menurut pendidikan belum tercatat di sistem.")
        self._predikat_pegawai()
        ukpd = pemilih.ukpd_per_asisten(self.org)
        pegawai = {s.organisasi_id: s.nilai for s in stat.get("pegawai", []) if s.butir == "jumlah"}
        for asisten, daftar in ukpd.items():
            t = Tabel(
                f"Jumlah pegawai unit kerja di bawah koordinasi {asisten.nama} tahun {self.tahun}",
                ["No", "Unit kerja", "Jumlah pegawai"],
                rata=[KANAN, KIRI, KANAN],
            )
            for i, u in enumerate(daftar, start=1):
                t.tambah(i, u.nama, fmt.angka(pegawai.get(u.pk), 0))
            t.tambah("", "Jumlah", fmt.angka(sum(pegawai.get(u.pk) or 0 for u in daftar), 0))
            self.tabel(t)

    def _predikat_pegawai(self) -> None:
        """The distribution of the annual predikat kinerja pegawai (SKP, PermenPAN-RB 6/2022)
        from the SKP app's selector; printed only when SKP are recorded for the year."""
        d = distribusi_predikat(self.org, self.tahun, dengan_capaian=False)
        if not d.total.jumlah_skp:
            return
        judul = [rumus_skp.LABEL_PREDIKAT[k] for k in rumus_skp.PREDIKAT]
        t = Tabel(
            f"Distribusi predikat kinerja pegawai tahun {self.tahun}",
            ["Unit", *judul, "Dinilai", "Belum dinilai"],
            rata=[KIRI] + [KANAN] * (len(judul) + 2),
        )
        for u in [*d.per_unit, d.total]:
            label = "Jumlah" if u is d.total else u.organisasi.nama
            t.tambah(
                label,
                *[fmt.angka(u.distribusi.jumlah[k], 0) for k in rumus_skp.PREDIKAT],
                fmt.angka(u.distribusi.total, 0),
                fmt.angka(u.belum_dinilai, 0),
            )
        t.catatan.append(
            "Sumber: penilaian kinerja pegawai tahunan yang ditandatangani atasan (SKP, "
            "PermenPAN-RB 6/2022)."
        )
        self.narasi(
            "bab1.sdm_predikat",
            "Bab I: predikat kinerja pegawai",
            f"Dari {fmt.angka(d.total.jumlah_skp, 0)} SKP pegawai tahun {self.tahun}, "
            f"{fmt.angka(d.total.distribusi.total, 0)} telah dinilai dan ditandatangani atasan; "
            f"{fmt.angka(d.total.distribusi.jumlah[rumus_skp.SANGAT_BAIK], 0)} berpredikat "
            f"Sangat Baik dan {fmt.angka(d.total.distribusi.jumlah[rumus_skp.BAIK], 0)} Baik.",
            {k: d.total.distribusi.jumlah[k] for k in rumus_skp.PREDIKAT},
        )
        self.tabel(t)

    def _sarana(self, stat) -> None:
        daftar = [
            ("bangunan_kantor", "Jumlah bangunan kantor", "Bangunan"),
            ("rumah_dinas", "Jumlah rumah dinas", "Rumah dinas"),
            ("rptra", "Jumlah RPTRA per kelurahan", "RPTRA"),
            ("ppsu", "Jumlah petugas PPSU per kelurahan", "Petugas PPSU"),
        ]
        ringkas = []
        for kategori, judul, kolom in daftar:
            baris = [s for s in stat.get(kategori, []) if s.butir != "rata_rata_terbit"]
            if not baris:
                continue
            t = Tabel(
                f"{judul} tahun {self.tahun}",
                ["No", "Unit", "Kecamatan", kolom],
                rata=[KANAN, KIRI, KIRI, KANAN],
            )
            total = Decimal(0)
            for i, s in enumerate(baris, start=1):
                o = s.organisasi
                kec = o.induk.nama if o.jenis == JenisOrganisasi.KELURAHAN and o.induk_id else ""
                label = o.nama if s.butir == "jumlah" else f"{o.nama} ({s.butir.replace('_', ' ')})"
                t.tambah(i, label, kec.replace("Kecamatan ", ""), fmt.angka(s.nilai, 0))
                total += s.nilai
            t.tambah("", "Jumlah", "", fmt.angka(total, 0))
            if baris[0].sumber:
                t.catatan.append(f"Sumber: {baris[0].sumber.split(' (')[0]}.")
            ringkas.append(f"{fmt.angka(total, 0)} {kolom.lower()}")
            self.tabel(t)
        if ringkas:
            self.narasi(
                "bab1.sarana",
                "Bab I: sarana dan prasarana",
                "Sarana dan prasarana yang tercatat: " + narasi._daftar(ringkas) + ".",
                {"ringkas": ringkas},
            )
        else:
            self.par("Data sarana dan prasarana belum tercatat di sistem.")

    def _evaluasi(self) -> None:
        daftar = evaluasi_organisasi(self.org)
        daftar = [e for e in daftar if e["evaluasi"].tahun_dievaluasi < self.tahun]
        if not daftar:
            self.par("Hasil evaluasi akuntabilitas kinerja tahun sebelumnya belum tercatat.")
        else:
            e = daftar[0]
            ev, h = e["evaluasi"], e["hasil"]
            t = Tabel(
                f"Nilai evaluasi akuntabilitas kinerja tahun {ev.tahun_dievaluasi}",
                ["Komponen", "Bobot", "Nilai"],
                rata=[KIRI, KANAN, KANAN],
            )
            if h:
                for _kode, nama, nilai, bobot in h.komponen:
                    t.tambah(nama, _t(bobot), _t(nilai))
                t.tambah("Jumlah", "100,00", _t(h.nilai))
                teks = (
                    f"Evaluasi akuntabilitas kinerja tahun {ev.tahun_dievaluasi} oleh "
                    f"{ev.evaluator or 'evaluator'}"
                    + (f" (surat {ev.nomor_surat}" if ev.nomor_surat else "")
                    + (
                        f", {fmt.tanggal(ev.tanggal_surat)})"
                        if ev.tanggal_surat
                        else ")"
                        if ev.nomor_surat
                        else ""
                    )
                    + f" memberikan nilai {_t(h.nilai)} dengan predikat {h.predikat} "
                    f"({h.interpretasi}). Terdapat {len(e['temuan'])} catatan rekomendasi yang "
                    f"tindak lanjutnya disajikan pada tabel berikut."
                )
                self.narasi("bab1.evaluasi", "Bab I: hasil evaluasi", teks, {"nilai": h.nilai})
            self.tabel(t)
            register = tindak_lanjut_lkip(self.org, self.tahun)  # the follow-up register
            if register:
                t = Tabel(
                    f"Tindak lanjut hasil evaluasi internal tahun {self.tahun}",
                    ["No", "Komponen", "Rekomendasi", "Tindak lanjut", "Status"],
                    rata=[KANAN, KIRI, KIRI, KIRI, KIRI],
                )
                for i, tm in enumerate(register, start=1):
                    t.tambah(
                        i,
                        tm.komponen,
                        tm.rekomendasi or tm.temuan,
                        tm.uraian_tindak_lanjut,
                        tm.get_status_display(),
                    )
                self.tabel(t)
        bpk = tindak_lanjut_bpk(self.org)
        if bpk:
            t = Tabel(
                "Tindak lanjut rekomendasi hasil pemeriksaan BPK",
                ["Tahun", "Temuan", "Selesai", "Proses", "Belum", "Tidak dapat ditindaklanjuti"],
            )
            for r in bpk:
                t.tambah(
                    r.tahun_pemeriksaan,
                    *[
                        fmt.angka(x, 0)
                        for x in (
                            r.jumlah_temuan,
                            r.selesai,
                            r.proses,
                            r.belum,
                            r.tidak_dapat_ditindaklanjuti,
                        )
                    ],
                )
            self.tabel(t)
