"""Where the survey and budget chapters get their figures: a small adapter.

Every source answers the same questions (`SumberSurveiAnggaran`); `PENYEDIA` lists them in
order of preference and the first whose `cocok(organisasi, tahun)` holds is used:

1. `SumberBasisData`: the database apps, for any organisation with survey rounds
   (`kinerja.survei.pemilih.laporan`) or budget data (`kinerja.anggaran.pemilih.anggaran`)
   in the year. Values, roll-up rules and NKA steps come from those selectors; this module
   only turns them into text through `kinerja.angka`.
2. `SumberContohJakartaPusat`: the engine-only computation of the seed's tables
   (`kinerja.contoh.perhitungan`), kept as a fallback for the Jakarta Pusat 2024 example
   when its survey and budget data were not loaded.

The published figures of the seed's survey tables (Tabel 31-34) are not stored in the
database; for the example, `PEMBANDING_TERBIT` adds the seed's comparisons of those figures
to the reviu. The engine tables print the published figure beside the computed one
("Terbit" columns); the report prints only what the data gives, so those columns are
dropped (`bersihkan`) and the differences go to the reviu instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.rumus.ikm import ATURAN_GABUNG
from kinerja.rumus.reviu import Temuan


@dataclass
class DataGrafikAnggaran:
    """Series the budget charts draw (already computed; the chart only draws)."""

    belanja: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)  # uraian, pagu, real
    bulan: list[str] = field(default_factory=list)
    rpd_kumulatif: list[Decimal] = field(default_factory=list)
    realisasi_kumulatif: list[Decimal] = field(default_factory=list)
    program: list[tuple[str, Decimal]] = field(default_factory=list)  # nama, penyerapan (%)


@dataclass
class RingkasanAnggaran:
    """Key computed budget figures for sentences (None when the source has none)."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    penyerapan: Decimal | None = None
    konsistensi: Decimal | None = None
    capaian_output: Decimal | None = None
    nilai_efisiensi: Decimal | None = None
    nka: Decimal | None = None
    kategori_nka: str = ""


class SumberSurveiAnggaran(Protocol):
    nama: str

    def tabel_survei(self) -> list[Tabel]: ...
    def tabel_koordinasi(self) -> list[Tabel]: ...
    def tabel_riwayat(self) -> list[Tabel]: ...
    def tabel_anggaran(self) -> list[Tabel]: ...
    def grafik_anggaran(self) -> DataGrafikAnggaran: ...
    def ringkasan_anggaran(self) -> RingkasanAnggaran: ...
    def temuan(self) -> list[Temuan]: ...
    def narasi_survei(self) -> list[tuple[str, str, str, dict]]: ...  # kunci, judul, teks, angka


class SumberKosong:
    """No survey or budget data: the chapters say so instead of printing empty tables."""

    nama = "tidak ada"

    def tabel_survei(self):
        return []

    def tabel_koordinasi(self):
        return []

    def tabel_riwayat(self):
        return []

    def tabel_anggaran(self):
        return []

    def grafik_anggaran(self):
        return DataGrafikAnggaran()

    def ringkasan_anggaran(self):
        return RingkasanAnggaran()

    def temuan(self):
        return []

    def narasi_survei(self):
        return []


_AWALAN = re.compile(r"^Tabel [\d\-]+ - ")


def bersihkan(tabel: Tabel) -> Tabel:
    """The table without the published-figure columns and without its seed number (the
    report numbers its tables itself)."""
    buang = {i for i, k in enumerate(tabel.kolom) if "terbit" in k.lower()}
    pilih = [i for i in range(len(tabel.kolom)) if i not in buang]
    rata = tabel.rata or ["kiri"] + ["kanan"] * (len(tabel.kolom) - 1)
    baru = Tabel(
        judul=_AWALAN.sub("", tabel.judul),
        kolom=[tabel.kolom[i] for i in pilih],
        rata=[rata[i] for i in pilih],
    )
    for b in tabel.baris:
        sel = [b[i] for i in pilih]
        if any(s.strip() for s in sel[1:]) or not buang:
            baru.baris.append(sel)
    baru.catatan = [c for c in tabel.catatan if "terbit" not in c.lower()]
    return baru


class SumberContohJakartaPusat:
    """The engine-only computation of the seed's survey and budget tables."""

    nama = "perhitungan contoh Jakarta Pusat 2024 (kinerja.contoh.perhitungan)"

    def __init__(self):
        from kinerja.contoh import perhitungan

        self._p = perhitungan
        self._bagian = {b.judul.split(" (")[0]: b for b in perhitungan.semua_bagian()}
        self._semua = list(self._bagian.values())

    def _tabel(self, awalan: str) -> list[Tabel]:
        for judul, b in self._bagian.items():
            if judul.startswith(awalan):
                return [bersihkan(t) for t in b.tabel]
        return []

    def tabel_survei(self):
        return self._tabel("Survei Kepuasan Masyarakat")

    def tabel_koordinasi(self):
        return self._tabel("Indeks Efektivitas Koordinasi")

    def tabel_riwayat(self):
        return []  # the database holds the history (riwayat_indikator); nothing extra here

    def tabel_anggaran(self):
        return self._tabel("Realisasi anggaran")

    def grafik_anggaran(self):
        from kinerja.contoh import jakarta_pusat_2024 as jp
        from kinerja.rumus.periode import NAMA_BULAN

        return DataGrafikAnggaran(
            belanja=[(u, Decimal(p), Decimal(r)) for u, p, r, _ in jp.BELANJA]
            + [(u, Decimal(p), Decimal(r)) for u, p, r, _ in jp.BELANJA_OPERASI],
            bulan=list(NAMA_BULAN),
            rpd_kumulatif=[Decimal(x) for x in jp.RPD_KUMULATIF],
            realisasi_kumulatif=[Decimal(x) for x in self._p.realisasi_kumulatif_lengkap()],
        )

    def ringkasan_anggaran(self):
        from kinerja.contoh import jakarta_pusat_2024 as jp

        h = self._p.hitung_nka_terkoreksi()
        return RingkasanAnggaran(
            pagu=Decimal(jp.PAGU),
            realisasi=Decimal(jp.REALISASI),
            penyerapan=h.penyerapan,
            konsistensi=h.konsistensi,
            capaian_output=h.capaian_output,
            nilai_efisiensi=h.nilai_efisiensi,
            nka=h.nilai_kinerja_anggaran,
            kategori_nka=h.kategori,
        )

    def temuan(self):
        return self._p.temuan_reviu(self._semua)

    def narasi_survei(self):
        return []


# --- The database apps -----------------------------------------------------------------------


def _a(x, dp: int = 2) -> str:
    return "" if x is None else fmt.angka(x, dp)


def _sel_anggaran(nilai, bentuk: str) -> str:
    """A TabelAngka cell as text, as the budget pages show it (anggaran_tabel.sel)."""
    if nilai is None:
        return ""
    if bentuk == "rupiah":
        return fmt.angka(nilai, 0)
    if bentuk == "persen":
        return fmt.angka(nilai, 2)
    if bentuk == "angka":
        return fmt.angka(nilai, 2, tetap=False)
    return str(nilai)


def tabel_dari_angka(t) -> Tabel:
    """kinerja.anggaran.pemilih.TabelAngka -> report Tabel (numbers through kinerja.angka)."""
    baru = Tabel(
        judul=_AWALAN.sub("", t.judul),
        kolom=list(t.kolom),
        rata=["kiri" if f == "teks" else "kanan" for f in t.format],
    )
    for b in t.baris:
        baru.tambah(*[_sel_anggaran(v, f) for v, f in zip(b, t.format, strict=True)])
    baru.catatan = list(t.catatan)
    return baru


def _kuesioner_survei(organisasi, tahun: int) -> list:
    """Questionnaires with rounds in the organisation's scope and year, SKM first."""
    from kinerja.survei.models import Kuesioner, PutaranSurvei

    kode = set(
        PutaranSurvei.objects.filter(organisasi__jalur__startswith=organisasi.jalur, tahun=tahun)
        .values_list("kuesioner__kode", flat=True)
        .distinct()
    )
    daftar = []
    for k in sorted(kode):
        daftar.append(Kuesioner.objects.filter(kode=k).order_by("-versi").first())
    return sorted(daftar, key=lambda k: (k.jenis != "skm", k.kode))


def ada_data_basis(organisasi, tahun: int) -> bool:
    from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis
    from kinerja.survei.models import PutaranSurvei

    # Programs alone (the PK's budget) are not budget data for Bab III.
    return (
        PutaranSurvei.objects.filter(
            organisasi__jalur__startswith=organisasi.jalur, tahun=tahun
        ).exists()
        or BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun).exists()
        or AnggaranBulanan.objects.filter(organisasi=organisasi, tahun=tahun).exists()
    )


def _kecukupan(kc, n: int) -> str:
    from kinerja.survei.pemilih import BATAS_SAMPEL_KECIL

    if kc is None:
        teks = "populasi belum diisi untuk semua putaran"
    else:
        teks = kc.status
    if n < BATAS_SAMPEL_KECIL:
        teks += "; sampel kecil"
    return teks


class SumberBasisData:
    """Survey and budget chapters from the database selectors, for any organisation."""

    nama = "basis data Kinerja (survei: kinerja.survei.pemilih; anggaran: kinerja.anggaran.pemilih)"

    def __init__(self, organisasi, tahun: int, *, pembanding=None):
        from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis

        self.org, self.tahun = organisasi, tahun
        self._pembanding = pembanding  # extra reviu findings (published seed figures)
        self._survei = None
        self._anggaran = None
        self._ada_anggaran = (
            BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun).exists()
            or AnggaranBulanan.objects.filter(organisasi=organisasi, tahun=tahun).exists()
        )

    # --- survey --------------------------------------------------------------------------

    def laporan_survei(self) -> list:
        """[(Kuesioner, Laporan)] with the default roll-up rules (docs/survei.md)."""
        if self._survei is None:
            from kinerja.survei.pemilih import laporan

            self._survei = [
                (k, laporan(self.org, k.kode, self.tahun))
                for k in _kuesioner_survei(self.org, self.tahun)
            ]
        return self._survei

    def _tabel_unit(self, k, lap) -> Tabel:
        from kinerja.survei.pemilih import label_periode

        koordinasi = k.jenis != "skm"
        unit = lap.unit
        jenis = {u["organisasi"].get_jenis_display() for u in unit}
        nama_unit = jenis.pop() if len(jenis) == 1 else "Unit"
        periode = lap.periode
        t = Tabel(
            (
                f"{k.nama}: nilai per {nama_unit.lower()} dan periode tahun {self.tahun}"
                if koordinasi
                else f"IKM per {nama_unit.lower()} tahun {self.tahun} ({k.nama})"
            ),
            [
                "No",
                nama_unit,
                *[label_periode(p) for p in periode],
                "Rata-rata",
                "Mutu",
                "Kinerja",
                "Responden",
                "Unsur terendah",
            ],
            rata=[
                "kanan",
                "kiri",
                *["kanan"] * (len(periode) + 1),
                "kiri",
                "kiri",
                "kanan",
                "kiri",
            ],
        )
        for i, u in enumerate(unit, start=1):
            th = u["tahun"]
            t.tambah(
                i,
                u["organisasi"].nama,
                *[
                    _a(u["per_periode"][p].konversi) if p in u["per_periode"] else ""
                    for p in periode
                ],
                _a(th.konversi),
                th.gabungan.mutu if th.gabungan else "",
                th.gabungan.kinerja if th.gabungan else "",
                fmt.angka(th.n, 0),
                th.pooled.unsur_terlemah if th.pooled else "",
            )
        tot = lap.total
        if len(unit) > 1:
            th = tot["tahun"]
            t.tambah(
                "",
                self.org.nama,
                *[
                    _a(tot["per_periode"][p].konversi) if p in tot["per_periode"] else ""
                    for p in periode
                ],
                _a(th.konversi),
                th.gabungan.mutu if th.gabungan else "",
                th.gabungan.kinerja if th.gabungan else "",
                fmt.angka(th.n, 0),
                lap.unsur_terlemah or "",
            )
        aturan = lap.uraian_aturan()
        t.catatan.append(
            f"Aturan gabungan: putaran (layanan) dalam satu {nama_unit.lower()} dan periode — "
            f"{aturan['layanan']}; antarperiode (kolom Rata-rata) — {aturan['periode']}"
            + (
                f"; baris {self.org.nama} antar{nama_unit.lower()} — {aturan['unit']}"
                if len(unit) > 1
                else ""
            )
            + "."
        )
        t.catatan.append(
            "Unsur terendah: unsur dengan NRR terendah dari seluruh responden yang digabung "
            "(gabung_responden)."
        )
        return t

    def _tabel_unsur(self, k, lap) -> Tabel | None:
        from kinerja.survei.pemilih import label_periode

        if not lap.unsur:
            return None
        t = Tabel(
            f"Nilai rata-rata per unsur (NRR) tahun {self.tahun} ({k.nama})",
            ["Kode", "Unsur", *[f"NRR {label_periode(p)}" for p in lap.periode], "NRR tahun"],
            rata=["kiri", "kiri", *["kanan"] * (len(lap.periode) + 1)],
        )
        for u in lap.unsur:
            nama = u["nama"] + (" (terendah)" if u["kode"] == lap.unsur_terlemah else "")
            t.tambah(
                u["kode"], nama, *[_a(u["per_periode"].get(p)) for p in lap.periode], _a(u["tahun"])
            )
        t.catatan.append(
            "NRR per unsur dari seluruh responden valid yang digabung (aturan gabung_responden: "
            f"{ATURAN_GABUNG['gabung_responden']}); skala 1-4."
        )
        return t

    def _tabel_sampel(self, k, lap) -> Tabel:
        from kinerja.survei.pemilih import BATAS_SAMPEL_KECIL, label_periode

        t = Tabel(
            f"Jumlah responden dan kecukupan sampel tahun {self.tahun} ({k.nama})",
            ["Periode", "Responden valid", "Populasi", "Sampel minimum", "Kecukupan"],
            rata=["kiri", "kanan", "kanan", "kanan", "kiri"],
        )
        tot = lap.total
        baris = [
            (label_periode(p), tot["per_periode"][p])
            for p in lap.periode
            if p in tot["per_periode"]
        ]
        baris.append((f"Tahun {self.tahun}", tot["tahun"]))
        for label, a in baris:
            kc = a.kecukupan
            t.tambah(
                label,
                fmt.angka(a.n, 0),
                fmt.angka(a.populasi, 0) if a.populasi else "-",
                fmt.angka(kc.minimum, 0) if kc else "-",
                _kecukupan(kc, a.n),
            )
        t.catatan.append(
            "Sampel minimum menurut Krejcie-Morgan untuk populasi yang tercatat pada putaran; "
            f"indeks dengan kurang dari {BATAS_SAMPEL_KECIL} responden valid ditandai sampel kecil."
        )
        return t

    def _tabel_untuk(self, jenis_koordinasi: bool) -> list[Tabel]:
        hasil = []
        for k, lap in self.laporan_survei():
            if (k.jenis != "skm") != jenis_koordinasi or not lap.putaran:
                continue
            hasil.append(self._tabel_unit(k, lap))
            tu = self._tabel_unsur(k, lap)
            if tu is not None:
                hasil.append(tu)
            hasil.append(self._tabel_sampel(k, lap))
        return hasil

    def tabel_survei(self):
        return self._tabel_untuk(False)

    def tabel_koordinasi(self):
        return self._tabel_untuk(True)

    def narasi_survei(self):
        hasil = []
        for k, lap in self.laporan_survei():
            th = lap.total["tahun"]
            if th.gabungan is None:
                continue
            nama_unsur = {u["kode"]: u["nama"] for u in lap.unsur}
            nrr = {u["kode"]: u["tahun"] for u in lap.unsur}
            lemah = lap.unsur_terlemah
            teks = (
                f"{k.nama} tahun {self.tahun} bernilai {fmt.angka(th.konversi, 2)} "
                f"(mutu {th.gabungan.mutu}, {th.gabungan.kinerja}) dari {fmt.angka(th.n, 0)} "
                f"responden valid pada {len(lap.unit)} unit; nilai tahun dihitung dengan aturan "
                f"{lap.aturan_periode} antarperiode."
            )
            if lemah:
                teks += (
                    f" Unsur dengan nilai terendah adalah {lemah} ({nama_unsur.get(lemah, lemah)}) "
                    f"dengan NRR {fmt.angka(nrr.get(lemah), 2)}; unsur ini menjadi prioritas "
                    "rencana tindak lanjut."
                )
            hasil.append(
                (
                    f"bab3.survei.{k.kode}",
                    f"Bab III: {k.nama}",
                    teks,
                    {"nilai": th.konversi, "n": th.n, "terlemah": lemah, "nrr": nrr.get(lemah)},
                )
            )
        return hasil

    def tabel_riwayat(self):
        return []

    # --- budget --------------------------------------------------------------------------

    def hasil_anggaran(self):
        if self._anggaran is None and self._ada_anggaran:
            from kinerja.anggaran.pemilih import anggaran

            self._anggaran = anggaran(self.org, self.tahun)
        return self._anggaran

    def tabel_anggaran(self):
        h = self.hasil_anggaran()
        if h is None:
            return []
        hasil = []
        if h.galat:
            t = Tabel(
                f"Data anggaran {self.tahun} yang belum lengkap atau tidak konsisten",
                ["No", "Tabel yang tertahan", "Data yang perlu diperbaiki"],
                rata=["kanan", "kiri", "kiri"],
            )
            for i, g in enumerate(h.galat, start=1):
                t.tambah(i, f"Tabel {g.bagian}", g.pesan)
            t.catatan.append(
                "Tabel yang bergantung pada data ini tidak dihitung; bulan atau isian kosong "
                "tidak dianggap 0."
            )
            hasil.append(t)
        for kode in sorted(h.tabel, key=int):
            hasil.append(tabel_dari_angka(h.tabel[kode]))
        if h.nka is not None and h.nka.langkah:
            t = Tabel(
                "Langkah perhitungan Nilai Kinerja Anggaran (PMK 22/PMK.02/2021)",
                ["No", "Langkah"],
                rata=["kanan", "kiri"],
            )
            for i, s in enumerate(h.nka.langkah, start=1):
                t.tambah(i, s)
            hasil.append(t)
        return hasil

    def grafik_anggaran(self):
        h = self.hasil_anggaran()
        if h is None:
            return DataGrafikAnggaran()
        d = h.data
        urut = {j: i for i, j in enumerate(x.jenis for x in d.belanja)}
        return DataGrafikAnggaran(
            belanja=[
                (b.get_jenis_display(), b.pagu, b.realisasi)
                for b in sorted(d.belanja, key=lambda b: urut[b.jenis])
            ],
            bulan=[b.nama for b in d.bulan],
            rpd_kumulatif=[b.rpd_kumulatif for b in d.bulan],
            realisasi_kumulatif=[b.realisasi_kumulatif for b in d.bulan],
            program=[
                (p.nama, h.penyerapan_program[p.pk])
                for p in d.program_utama
                if p.pk in h.penyerapan_program
            ],
        )

    def ringkasan_anggaran(self):
        h = self.hasil_anggaran()
        if h is None or h.data.total["pagu"] is None:
            return RingkasanAnggaran()
        n = h.nka
        return RingkasanAnggaran(
            pagu=h.data.total["pagu"],
            realisasi=h.data.total["realisasi"],
            penyerapan=n.penyerapan if n else None,
            konsistensi=n.konsistensi if n else None,
            capaian_output=n.capaian_output if n else None,
            nilai_efisiensi=n.nilai_efisiensi if n else None,
            nka=n.nilai_kinerja_anggaran if n else None,
            kategori_nka=(n.kategori or "") if n else "",
        )

    def temuan(self):
        h = self.hasil_anggaran()
        hasil = list(h.temuan) if h is not None else []
        if self._pembanding is not None:
            hasil += self._pembanding()
        return hasil


def _pembanding_contoh_survei() -> list[Temuan]:
    """The seed's published survey figures (Tabel 19, 24-25, 31-34, 72) against the engine:
    those figures are not stored in the database."""
    from kinerja.contoh import perhitungan
    from kinerja.rumus.reviu import reviu

    bagian = [perhitungan.bagian_skm(), perhitungan.bagian_koordinasi()]
    return reviu(p for b in bagian for p in b.pemeriksaan)


# (organisation slug, year) -> extra reviu findings for published figures not in the database.
PEMBANDING_TERBIT: dict[tuple[str, int], Callable[[], list[Temuan]]] = {
    ("jakarta-pusat", 2024): _pembanding_contoh_survei,
}


@dataclass(frozen=True)
class Penyedia:
    nama: str
    cocok: Callable[[object, int], bool]
    buat: Callable[[object, int], SumberSurveiAnggaran]


def _buat_basis_data(organisasi, tahun: int) -> SumberBasisData:
    return SumberBasisData(
        organisasi, tahun, pembanding=PEMBANDING_TERBIT.get((organisasi.slug, tahun))
    )


# In order of preference: the first provider whose `cocok` holds gives the chapters.
PENYEDIA: list[Penyedia] = [
    Penyedia("basis data", ada_data_basis, _buat_basis_data),
    Penyedia(
        "contoh Jakarta Pusat 2024 (cadangan)",
        lambda org, tahun: (org.slug, tahun) == ("jakarta-pusat", 2024),
        lambda org, tahun: SumberContohJakartaPusat(),
    ),
]


def sumber_untuk(organisasi, tahun: int) -> SumberSurveiAnggaran:
    for p in PENYEDIA:
        if p.cocok(organisasi, tahun):
            return p.buat(organisasi, tahun)
    return SumberKosong()
