"""The LKIP assembled from its chapters, built from the selectors (PermenPAN-RB 53/2014,
SE Sekda DKI 44/SE/2020; the seed report's order).

Nothing here computes capaian, predikat, IKM or NKA: those come from the selectors and the
engine (`kinerja.pengukuran.pemilih`, `kinerja.evaluasi.pemilih`, the survey/budget source
in `sumber.py`). The chapters arrange them as headings, tables, charts and generated
narrative blocks, one module each in `kinerja.lkip.bab` (pendahuluan, perencanaan,
akuntabilitas, penutup, lampiran; keputusan 0033); this module reads what every chapter
shares and runs them in the report's order. Edited narrative replaces the generated text
(`NarasiLkip`). The names other code imports from here stay importable from here.
"""

from __future__ import annotations

from kinerja.lkip.bab.akuntabilitas import BabAkuntabilitas
from kinerja.lkip.bab.dasar import (
    KANAN,
    KIRI,
    LABEL_PERIODE,
    PenyusunDasar,
    realisasi_cetak,
    target_cetak,
)
from kinerja.lkip.bab.lampiran import ButirReviu, Lampiran, tabel_reviu
from kinerja.lkip.bab.pendahuluan import BabPendahuluan
from kinerja.lkip.bab.penutup import BabPenutup
from kinerja.lkip.bab.perencanaan import BabPerencanaan
from kinerja.lkip.dokumen import Dokumen
from kinerja.lkip.sumber import sumber_untuk
from kinerja.pengukuran import pemilih as pp

__all__ = [
    "KANAN",
    "KIRI",
    "LABEL_PERIODE",
    "ButirReviu",
    "Penyusun",
    "PenyusunDasar",
    "realisasi_cetak",
    "susun_lkip",
    "tabel_reviu",
    "target_cetak",
]


class Penyusun(BabPendahuluan, BabPerencanaan, BabAkuntabilitas, BabPenutup, Lampiran):
    """The whole report: read what the chapters share, then each chapter in order."""

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
        # the reviu's findings first: the summary, Bab IV and Lampiran 2 all print them
        self.dok.temuan = self._temuan_reviu()
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


def susun_lkip(organisasi, tahun: int, *, kemajuan=None) -> Dokumen:
    return Penyusun(organisasi, tahun, kemajuan=kemajuan).susun()
