"""Where the survey and budget chapters get their figures: a small adapter.

Every source answers the same questions (`SumberSurveiAnggaran`); `PENYEDIA` lists them in
order of preference and the first whose `cocok(organisasi, tahun)` holds is used:

1. `SumberBasisData`: the database apps, for any organisation with survey rounds
   (`kinerja.survei.pemilih.laporan`) or budget data (`kinerja.anggaran.pemilih.anggaran`)
   in the year. Values, roll-up rules and NKA steps come from those selectors; this module
   only turns them into text through `kinerja.angka`.
2. `SumberKosong` otherwise: the chapters say there is no data.

The report prints only what the data gives. Published survey figures (AngkaTerbit
"survei:*", e.g. a previous report's IKM per kelurahan) go to the reviu instead, against the
same selectors' values (`pemeriksaan_survei_terbit`); the NKA's go through
`kinerja.anggaran.pemilih`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.reviu.terbit import Pemeriksaan, Temuan, reviu
from kinerja.rumus.ikm import ATURAN_GABUNG
from kinerja.rumus.komposit import rata_rata_indeks


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


# --- The database apps -----------------------------------------------------------------------


def _a(x, dp: int = 2) -> str:
    return "" if x is None else fmt.angka(x, dp)


def tabel_dari_angka(t) -> Tabel:
    """kinerja.anggaran.pemilih.TabelAngka -> report Tabel, cells as the budget pages show them."""
    from kinerja.anggaran.pemilih import teks_sel

    baru = Tabel(
        judul=_AWALAN.sub("", t.judul),
        kolom=list(t.kolom),
        rata=["kiri" if f == "teks" else "kanan" for f in t.format],
    )
    for b in t.baris:
        baru.tambah(*[teks_sel(v, f) for v, f in zip(b, t.format, strict=True)])
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

    def __init__(self, organisasi, tahun: int):
        from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis

        self.org, self.tahun = organisasi, tahun
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

        def baris(no, nama, u: dict, terlemah: str) -> None:
            th = u["tahun"]
            t.tambah(
                no,
                nama,
                *[
                    _a(u["per_periode"][p].konversi) if p in u["per_periode"] else ""
                    for p in periode
                ],
                _a(th.konversi),
                th.gabungan.mutu if th.gabungan else "",
                th.gabungan.kinerja if th.gabungan else "",
                fmt.angka(th.n, 0),
                terlemah,
            )

        for i, u in enumerate(unit, start=1):
            baris(
                i,
                u["organisasi"].nama,
                u,
                u["tahun"].pooled.unsur_terlemah if u["tahun"].pooled else "",
            )
        if len(unit) > 1:
            baris("", self.org.nama, lap.total, lap.unsur_terlemah or "")
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
        laporan = {k.kode: lap for k, lap in self.laporan_survei()}
        return hasil + reviu(pemeriksaan_survei_terbit(self.org, self.tahun, laporan))


# --- Published survey figures against the data ----------------------------------------------


def _tanpa_nol(x: Decimal | None) -> Decimal | None:
    """97.430000 as stored -> 97.43 (still a Decimal: no printed-precision slack)."""
    if x is None:
        return None
    return x.quantize(Decimal(1)) if x == x.to_integral_value() else x.normalize()


def _agregat_unit(lap, organisasi) -> dict | None:
    """{"per_periode", "tahun"} of `organisasi` in a Laporan: the whole scope, a wilayah
    (kecamatan) or a unit with rounds."""
    if organisasi.pk == lap.organisasi.pk:
        return lap.total
    for u in [*lap.wilayah, *lap.unit]:
        if u["organisasi"].pk == organisasi.pk:
            return u
    return None


def _agregat(lap, organisasi, periode: str):
    """The Agregat for "tahun" or "<jenis>-<ke>" (e.g. "semester-2"), None when missing."""
    blok = _agregat_unit(lap, organisasi)
    if blok is None:
        return None
    if periode == "tahun":
        return blok["tahun"]
    jenis, _, ke = periode.rpartition("-")
    return blok["per_periode"].get((lap.tahun, jenis, int(ke)))


def pemeriksaan_survei_terbit(organisasi, tahun: int, laporan: dict) -> list[Pemeriksaan]:
    """Published survey figures (AngkaTerbit "survei:<kuesioner>:<periode>" on the unit they
    describe, anywhere in the organisation's scope) against `laporan` (kuesioner kode ->
    kinerja.survei.pemilih.Laporan with its roll-up rules).

    "<a>+<b>" is a published mean of two indices (Indeks Kepuasan Layanan = mean of IKM and
    IEK): it is checked against its components as published for the same unit and period
    (each component is itself checked against the data), or as computed when a component
    was not published. Questionnaires without rounds in the year are not checked. Stored
    values keep no printed precision, so only the ±0.01 tolerance applies (keputusan 0013)."""
    from kinerja.pengukuran.models import AngkaTerbit

    daftar = list(
        AngkaTerbit.objects.filter(
            organisasi__jalur__startswith=organisasi.jalur, tahun=tahun, kunci__startswith="survei:"
        )
        .select_related("organisasi")
        .order_by("organisasi__jalur", "kunci")
    )
    terbit = {(a.organisasi_id, a.kunci): a.nilai for a in daftar}
    hasil = []
    for a in daftar:
        _, kode, periode = a.kunci.split(":", 2)
        komponen = kode.split("+")
        if not all(k in laporan for k in komponen):
            continue
        if len(komponen) == 1:
            lap = laporan[kode]
            g = _agregat(lap, a.organisasi, periode)
            isi = {
                "hitung": g.konversi if g else None,
                "rumus": g.gabungan.rumus if g and g.gabungan else "",
                "masukan": {"responden valid": str(g.n)} if g else {},
                "catatan": f"Dari respon survei; aturan gabungan: layanan {lap.aturan_layanan}, "
                f"unit {lap.aturan_unit}, periode {lap.aturan_periode}.",
            }
        else:
            nilai = {}
            for k in komponen:
                nilai[k] = terbit.get((a.organisasi_id, f"survei:{k}:{periode}"))
                if nilai[k] is None:
                    g = _agregat(laporan[k], a.organisasi, periode)
                    nilai[k] = g.konversi if g else None
            lengkap = None not in nilai.values()
            isi = {
                "hitung": rata_rata_indeks(list(nilai.values())) if lengkap else None,
                "rumus": "(" + " + ".join(komponen) + f") / {len(komponen)}",
                "masukan": {k: _a(v) for k, v in nilai.items()},
                "catatan": "Rata-rata komponennya sebagaimana terbit (dihitung bila tidak terbit).",
            }
        hasil.append(
            Pemeriksaan(
                kode=f"{a.kunci}@{a.organisasi.slug}",
                uraian=a.uraian,
                sumber=a.sumber,
                terbit=_tanpa_nol(a.nilai),
                **isi,
            )
        )
    return hasil


@dataclass(frozen=True)
class Penyedia:
    nama: str
    cocok: Callable[[object, int], bool]
    buat: Callable[[object, int], SumberSurveiAnggaran]


# In order of preference: the first provider whose `cocok` holds gives the chapters.
PENYEDIA: list[Penyedia] = [
    Penyedia("basis data", ada_data_basis, SumberBasisData),
]


def sumber_untuk(organisasi, tahun: int) -> SumberSurveiAnggaran:
    for p in PENYEDIA:
        if p.cocok(organisasi, tahun):
            return p.buat(organisasi, tahun)
    return SumberKosong()
