"""The chapters of the LKIP, built from the selectors (PermenPAN-RB 53/2014, SE Sekda DKI
44/SE/2020; the seed report's order).

Nothing here computes capaian, predikat, IKM or NKA: those come from the selectors and the
engine (`kinerja.pengukuran.pemilih`, `kinerja.evaluasi.pemilih`, the survey/budget source
in `sumber.py`). This module arranges them as headings, tables, charts and generated
narrative blocks; edited narrative replaces the generated text (`NarasiLkip`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from kinerja import angka as fmt
from kinerja.evaluasi.pemilih import evaluasi_organisasi, tindak_lanjut_bpk, tindak_lanjut_lkip
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import grafik, narasi, pemilih
from kinerja.lkip.dokumen import (
    BlokGrafik,
    BlokNarasi,
    BlokTabel,
    DaftarIsi,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    hash_angka,
)
from kinerja.lkip.sumber import sumber_untuk
from kinerja.organisasi.models import JenisOrganisasi, Organisasi
from kinerja.pengukuran import pemilih as pp
from kinerja.perencanaan.models import KelompokSasaran
from kinerja.rumus.skala import SKALA_CAPAIAN_DKI, SKALA_MUTU_IKM

KANAN = "kanan"
KIRI = "kiri"
LABEL_PERIODE = {"semester": "semester", "triwulan": "triwulan", "bulan": "bulan"}


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


def _t(x) -> str:
    return fmt.angka(x, 2)


def target_cetak(b: pp.BarisCapaian) -> str:
    if b.target_teks:
        return b.target_teks
    if b.butir.target_bawah is not None and b.butir.target_atas is not None:
        return f"{_t(b.butir.target_bawah)}–{_t(b.butir.target_atas)}"
    return _t(b.target)


def realisasi_cetak(b: pp.BarisCapaian) -> str:
    return b.realisasi_teks or _t(b.realisasi)


def _nilai_reviu(x) -> str:
    return fmt.desimal_atau_teks(x, 2)


class Penyusun:
    def __init__(
        self,
        organisasi: Organisasi,
        tahun: int,
        *,
        kemajuan: Callable[[int, str], None] | None = None,
    ):
        self.org = organisasi
        self.tahun = tahun
        self.kemajuan = kemajuan or (lambda _p, _l: None)
        self.dok = Dokumen(organisasi=organisasi, tahun=tahun)
        self.edit = pemilih.narasi_tersimpan(organisasi, tahun)

    # --- building blocks -------------------------------------------------------------------

    def judul(self, teks: str, tingkat: int = 1, *, halaman_baru: bool = False) -> None:
        self.dok.blok.append(Judul(teks, tingkat, halaman_baru))

    def par(self, teks: str) -> None:
        if teks:
            self.dok.blok.append(Paragraf(teks))

    def narasi(self, kunci: str, judul: str, teks: str, angka: dict | None = None) -> None:
        """A generated block, or its stored edit (flagged when its numbers changed)."""
        h = hash_angka({"angka": angka or {}, "teks": teks if not angka else ""})
        e = self.edit.get(kunci)
        blok = BlokNarasi(kunci=kunci, judul=judul, otomatis=teks, hash_angka=h, teks=teks)
        if e is not None:
            blok.teks, blok.diedit, blok.perlu_ditinjau = e.teks, True, e.hash_angka != h
        self.dok.narasi.append(blok)
        for bagian in blok.teks.split("\n\n"):
            if bagian.strip():
                self.dok.blok.append(Paragraf(bagian.strip(), kunci=kunci))

    def tabel(self, tabel: Tabel) -> None:
        self.dok.blok.append(BlokTabel(tabel))

    def grafik(self, judul: str, png: bytes, lebar_cm: float = 15.5) -> None:
        self.dok.blok.append(BlokGrafik(judul, png, lebar_cm))

    # --- the whole report ------------------------------------------------------------------

    def susun(self) -> Dokumen:
        self.kemajuan(5, "Membaca data capaian")
        # A published report: verified realisasi only (a draft or returned row never prints).
        self.d = pp.dasbor(self.org, self.tahun, realisasi_terverifikasi=True)
        self.sumber = sumber_untuk(self.org, self.tahun)
        self.anggaran = self.sumber.ringkasan_anggaran()
        self.riwayat = {
            b.indikator.pk: pp.riwayat_indikator(b.indikator, hanya_terverifikasi=True)
            for b in self.d.baris
        }
        self._konteks()
        self.ringkasan_eksekutif()
        self.daftar()
        self.kemajuan(10, "Bab I Pendahuluan")
        self.bab_1()
        self.kemajuan(15, "Bab II Perencanaan Kinerja")
        self.bab_2()
        self.kemajuan(20, "Bab III Akuntabilitas Kinerja")
        self.bab_3()
        self.kemajuan(35, "Bab IV Penutup dan lampiran")
        self.bab_4()
        self.lampiran()
        self.dok.beri_nomor()
        return self.dok

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
        d = self.d
        teks, angka = narasi.ringkasan_eksekutif(
            self.org.nama,
            self.tahun,
            len(d.sasaran),
            len(d.baris),
            d.rekap,
            [(s.sasaran.nomor, s.hasil.capaian) for s in d.sasaran],
        )
        self.narasi("ringkasan.capaian", "Ringkasan eksekutif: capaian", teks, angka)
        teks, angka = narasi.kalimat_anggaran(self.anggaran)
        self.narasi("ringkasan.anggaran", "Ringkasan eksekutif: anggaran", teks, angka)
        n = len(self.dok.temuan) if self.dok.temuan else None
        if n is None:
            self.dok.temuan = self._temuan_reviu()
        jumlah = len(self.dok.temuan)
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

    # --- Bab II ----------------------------------------------------------------------------

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

    def _tabel_pk(self) -> Tabel:
        t = Tabel(
            f"Perjanjian Kinerja {self.d.pk.pihak_pertama_jabatan} tahun {self.tahun}",
            ["No", "Kelompok", "Sasaran", "Indikator", "Target"],
            rata=[KANAN, KIRI, KIRI, KIRI, KANAN],
        )
        for s in self._urut_sasaran():
            for b in s.baris:
                t.tambah(
                    s.sasaran.nomor,
                    s.sasaran.get_kelompok_display().replace("Sasaran ", ""),
                    s.sasaran.uraian,
                    b.indikator.nama,
                    target_cetak(b),
                )
        return t

    def _urut_sasaran(self):
        urutan = {k: i for i, k in enumerate(KelompokSasaran.values)}
        return sorted(
            self.d.sasaran, key=lambda s: (urutan.get(s.sasaran.kelompok, 9), s.sasaran.nomor)
        )

    # --- Bab III ---------------------------------------------------------------------------

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
        teks, angka = narasi.ringkasan_eksekutif(
            self.org.nama,
            tahun,
            len(d.sasaran),
            len(d.baris),
            d.rekap,
            [(s.sasaran.nomor, s.hasil.capaian) for s in d.sasaran],
        )
        self.narasi("bab3.capaian", "Bab III: capaian keseluruhan", teks, angka)
        self.grafik(
            f"Capaian seluruh indikator kinerja tahun {tahun}",
            grafik.batang_capaian(
                [b.indikator.nama for b in baris_urut],
                [b.hasil.capaian if b.hasil else None for b in baris_urut],
                [b.hasil.predikat if b.hasil else "N/A" for b in baris_urut],
            ),
        )
        iku = [b for b in baris_urut if b.indikator.iku]
        if iku:
            self.grafik(
                f"Capaian Indikator Kinerja Utama tahun {tahun}",
                grafik.batang_capaian(
                    [b.indikator.nama for b in iku],
                    [b.hasil.capaian if b.hasil else None for b in iku],
                    [b.hasil.predikat if b.hasil else "N/A" for b in iku],
                ),
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

    # --- Bab IV and lampiran ---------------------------------------------------------------

    def bab_4(self) -> None:
        d, tahun = self.d, self.tahun
        self.judul("BAB IV PENUTUP", halaman_baru=True)
        self.judul("A. Kesimpulan", 2)
        teks, angka = narasi.ringkasan_eksekutif(
            self.org.nama,
            tahun,
            len(d.sasaran),
            len(d.baris),
            d.rekap,
            [(s.sasaran.nomor, s.hasil.capaian) for s in d.sasaran],
        )
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


def susun_lkip(organisasi, tahun: int, *, kemajuan=None) -> Dokumen:
    return Penyusun(organisasi, tahun, kemajuan=kemajuan).susun()
