"""What every chapter of the LKIP builds with: the document being written, its building
blocks (heading, paragraph, generated narrative, table, chart) and the shared readings of the
PK (sorted sasaran, the PK table, printed target and realisasi).

The chapters (`pendahuluan`, `perencanaan`, `akuntabilitas`, `penutup`, `lampiran`) are
mixins over `PenyusunDasar`; `kinerja.lkip.struktur.Penyusun` assembles them
(docs/keputusan/0033-struktur-lkip-per-bab.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip import narasi, pemilih
from kinerja.lkip.dokumen import (
    BlokGrafik,
    BlokNarasi,
    BlokTabel,
    Dokumen,
    Judul,
    Paragraf,
    hash_angka,
)
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran import pemilih as pp
from kinerja.perencanaan.models import KelompokSasaran

if TYPE_CHECKING:
    from kinerja.lkip.sumber import RingkasanAnggaran, SumberSurveiAnggaran

KANAN = "kanan"
KIRI = "kiri"
LABEL_PERIODE = {"semester": "semester", "triwulan": "triwulan", "bulan": "bulan"}


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


class PenyusunDasar:
    """The state shared by the chapters: set by `Penyusun.susun` before any chapter runs
    (`d` the dashboard of the year, `sumber` the survey/budget source, `anggaran` its
    summary, `riwayat` per indicator)."""

    org: Organisasi
    tahun: int
    dok: Dokumen
    d: pp.Dasbor
    sumber: SumberSurveiAnggaran
    anggaran: RingkasanAnggaran
    riwayat: dict[int, list[dict]]  # indicator id -> pp.riwayat_indikator

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

    def ringkasan_capaian(self) -> tuple[str, dict]:
        """The capaian summary the ringkasan eksekutif, Bab III and Bab IV all print."""
        d = self.d
        return narasi.ringkasan_eksekutif(
            self.org.nama,
            self.tahun,
            len(d.sasaran),
            len(d.baris),
            d.rekap,
            [(s.sasaran.nomor, s.hasil.capaian) for s in d.sasaran],
        )

    # --- shared readings of the PK ------------------------------------------------------

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
