"""Selectors: the budget data of a unit and year, its data errors, and Tabel 67-74 with
the Nilai Kinerja Anggaran computed by the engine (kinerja.rumus.nka, PMK 22/2021).

A fixed number of queries regardless of the number of programs, sub kegiatan or months:
sums per kelompok, per parent and per level are GROUP BY queries, cumulative RPD and
realisasi a window sum; the engine then computes every percentage. Data errors (a missing
month, December's cumulative realisasi not equal to the year's realisasi, programs not
adding up, realisasi above pagu...) stop the computation of the tables they feed and each
names the data to fix with a link.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum, Window
from django.urls import reverse

from kinerja import angka as fmt
from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, JenisBelanja, KelompokBelanja
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import AngkaTerbit
from kinerja.perencanaan.models import (
    IndikatorKeluaran,
    KelompokSasaran,
    ProgramAnggaran,
    TingkatAnggaran,
)
from kinerja.reviu.terbit import Pemeriksaan, Temuan, reviu
from kinerja.rumus import nka
from kinerja.rumus.bilangan import SERATUS, DataTidakValid, bagi

NOL = Decimal(0)
NAMA_BULAN = nka.NAMA_BULAN
TINGKAT_NAMA = dict(TingkatAnggaran.choices)


# --- Data ----------------------------------------------------------------------------------


@dataclass
class Bulan:
    bulan: int
    rpd: Decimal | None
    realisasi: Decimal | None
    rpd_kumulatif: Decimal | None
    realisasi_kumulatif: Decimal | None

    @property
    def nama(self) -> str:
        return NAMA_BULAN[self.bulan - 1]


@dataclass
class DataAnggaran:
    organisasi: Organisasi
    tahun: int
    belanja: list[BelanjaJenis]
    per_kelompok: dict[str, dict]  # kelompok -> {pagu, realisasi} (GROUP BY)
    total: dict  # {pagu, pagu_awal, realisasi} of belanja (aggregate)
    bulan: list[Bulan]  # twelve, missing months with None amounts
    program: list[ProgramAnggaran]  # every level, with .realisasi_nilai
    anak: dict[int, dict]  # parent id -> {n, pagu, realisasi, n_realisasi} (GROUP BY)
    total_program: dict  # sums over tingkat=program
    indikator: dict[int, list[IndikatorKeluaran]]  # program id -> IOP
    sasaran: list  # pengukuran BarisSasaran used for aspek manfaat (verified only)

    @property
    def program_utama(self) -> list[ProgramAnggaran]:
        return [p for p in self.program if p.tingkat == TingkatAnggaran.PROGRAM]


def _nilai(x) -> Decimal:
    return NOL if x is None else x


def data_anggaran(organisasi: Organisasi, tahun: int) -> DataAnggaran:
    """Everything the budget tables need, in a bounded number of queries."""
    belanja_qs = BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun)
    belanja = list(belanja_qs)
    per_kelompok = {
        r["kelompok"]: r
        for r in belanja_qs.order_by()
        .values("kelompok")
        .annotate(pagu=Sum("pagu"), realisasi=Sum("realisasi"))
    }
    total = belanja_qs.aggregate(
        pagu=Sum("pagu"), pagu_awal=Sum("pagu_awal"), realisasi=Sum("realisasi"), n=Count("pk")
    )
    baris_bulan = {
        b.bulan: b
        for b in AnggaranBulanan.objects.filter(organisasi=organisasi, tahun=tahun).annotate(
            rpd_kum=Window(Sum("rpd"), order_by=F("bulan").asc()),
            realisasi_kum=Window(Sum("realisasi"), order_by=F("bulan").asc()),
        )
    }
    bulan = []
    lengkap_rpd = lengkap_ra = True
    for i in range(1, 13):
        b = baris_bulan.get(i)
        rpd = b.rpd if b else None
        ra = b.realisasi if b else None
        # A cumulative figure exists only when every month up to it exists (never 0 for a gap).
        lengkap_rpd = lengkap_rpd and rpd is not None
        lengkap_ra = lengkap_ra and ra is not None
        bulan.append(
            Bulan(
                bulan=i,
                rpd=rpd,
                realisasi=ra,
                rpd_kumulatif=b.rpd_kum if b and lengkap_rpd else None,
                realisasi_kumulatif=b.realisasi_kum if b and lengkap_ra else None,
            )
        )
    prog_qs = ProgramAnggaran.objects.filter(organisasi=organisasi, tahun=tahun)
    program = list(
        prog_qs.annotate(realisasi_nilai=F("realisasi_anggaran__realisasi")).order_by(
            "urutan", "pk"
        )
    )
    anak = {
        r["induk"]: r
        for r in prog_qs.filter(induk__isnull=False)
        .order_by()
        .values("induk")
        .annotate(
            n=Count("pk"),
            pagu=Sum("pagu"),
            realisasi=Sum("realisasi_anggaran__realisasi"),
            n_realisasi=Count("realisasi_anggaran"),
        )
    }
    total_program = prog_qs.filter(tingkat=TingkatAnggaran.PROGRAM).aggregate(
        pagu=Sum("pagu"),
        pagu_awal=Sum("pagu_awal"),
        realisasi=Sum("realisasi_anggaran__realisasi"),
        n=Count("pk"),
    )
    indikator: dict[int, list] = defaultdict(list)
    for iop in IndikatorKeluaran.objects.filter(
        program__organisasi=organisasi,
        program__tahun=tahun,
        program__tingkat=TingkatAnggaran.PROGRAM,
    ).order_by("program", "urutan", "pk"):
        indikator[iop.program_id].append(iop)
    return DataAnggaran(
        organisasi=organisasi,
        tahun=tahun,
        belanja=belanja,
        per_kelompok=per_kelompok,
        total=total,
        bulan=bulan,
        program=program,
        anak=anak,
        total_program=total_program,
        indikator=dict(indikator),
        sasaran=sasaran_manfaat(organisasi, tahun),
    )


def sasaran_manfaat(organisasi: Organisasi, tahun: int) -> list:
    """Capaian per sasaran strategis from verified indicators (seed Tabel 73); all sasaran
    when the unit has no sasaran marked strategis."""
    from kinerja.pengukuran.pemilih import dasbor

    semua = [
        s for s in dasbor(organisasi, tahun, hanya_terverifikasi=True).sasaran if s.hasil.capaian
    ]
    strategis = [s for s in semua if s.sasaran.kelompok == KelompokSasaran.STRATEGIS]
    return strategis or semua


# --- Data errors ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GalatData:
    kode: str
    pesan: str
    tautan: str
    bagian: str  # the table it stops: "67", "69", "70", "72", "73"


def _rp(x) -> str:
    return fmt.rupiah(x)


def periksa(data: DataAnggaran) -> list[GalatData]:
    """Every data error, each with an Indonesian message and a link to the data to fix."""
    org, tahun = data.organisasi, data.tahun
    isian = reverse("anggaran:isian", args=[org.slug, tahun])
    impor = reverse("anggaran:impor", args=[org.slug, tahun])
    galat: list[GalatData] = []

    def tambah(kode, pesan, tautan, bagian):
        galat.append(GalatData(kode=kode, pesan=pesan, tautan=tautan, bagian=bagian))

    # Belanja (Tabel 67-68).
    if not data.belanja:
        tambah(
            "belanja/kosong",
            "Pagu dan realisasi belanja per jenis (pegawai, barang dan jasa, modal) belum diisi.",
            f"{isian}#belanja",
            "67",
        )
    for b in data.belanja:
        if b.realisasi > b.pagu:
            tambah(
                f"belanja/{b.jenis}/melebihi",
                f"{b.get_jenis_display()}: realisasi {_rp(b.realisasi)} melebihi pagu {_rp(b.pagu)}.",
                f"{isian}#belanja-{b.jenis}",
                "67",
            )
        if b.pagu <= 0:
            tambah(
                f"belanja/{b.jenis}/pagu",
                f"{b.get_jenis_display()}: pagu harus lebih dari 0.",
                f"{isian}#belanja-{b.jenis}",
                "67",
            )
    pagu, realisasi = data.total["pagu"], data.total["realisasi"]

    # Programs, kegiatan, sub kegiatan (Tabel 69, 71-72).
    utama = data.program_utama
    if not utama:
        tambah(
            "program/kosong",
            f"Belum ada program anggaran {tahun}.",
            reverse("admin:perencanaan_programanggaran_changelist"),
            "69",
        )
    for p in data.program:
        letak = f"{TINGKAT_NAMA[p.tingkat]} {p.nama}"
        tautan = f"{isian}#program-{p.pk}"
        if p.tingkat == TingkatAnggaran.PROGRAM and p.realisasi_nilai is None:
            tambah(f"program/{p.pk}/realisasi", f"{letak}: realisasi belum diisi.", tautan, "69")
        if p.realisasi_nilai is not None and p.realisasi_nilai > p.pagu:
            tambah(
                f"program/{p.pk}/melebihi",
                f"{letak}: realisasi {_rp(p.realisasi_nilai)} melebihi pagu {_rp(p.pagu)}.",
                tautan,
                "69",
            )
        a = data.anak.get(p.pk)
        if a:
            if a["pagu"] != p.pagu:
                tambah(
                    f"program/{p.pk}/jumlah-pagu",
                    f"{letak}: jumlah pagu {a['n']} rinciannya {_rp(a['pagu'])} tidak sama "
                    f"dengan pagunya {_rp(p.pagu)}.",
                    tautan,
                    "69",
                )
            if a["n_realisasi"] == a["n"] and p.realisasi_nilai is not None:
                if a["realisasi"] != p.realisasi_nilai:
                    tambah(
                        f"program/{p.pk}/jumlah-realisasi",
                        f"{letak}: jumlah realisasi rinciannya {_rp(a['realisasi'])} tidak sama "
                        f"dengan realisasinya {_rp(p.realisasi_nilai)}.",
                        tautan,
                        "69",
                    )
    tp = data.total_program
    if utama and pagu is not None and tp["pagu"] != pagu:
        tambah(
            "program/jumlah-pagu",
            f"Jumlah pagu {tp['n']} program {_rp(tp['pagu'])} tidak sama dengan jumlah pagu "
            f"belanja {_rp(pagu)}.",
            f"{isian}#program",
            "69",
        )
    if (
        utama
        and realisasi is not None
        and all(p.realisasi_nilai is not None for p in utama)
        and tp["realisasi"] != realisasi
    ):
        tambah(
            "program/jumlah-realisasi",
            f"Jumlah realisasi {tp['n']} program {_rp(tp['realisasi'])} tidak sama dengan "
            f"jumlah realisasi belanja {_rp(realisasi)}.",
            f"{isian}#program",
            "69",
        )

    # Monthly RPD and realisasi (Tabel 70).
    for b in data.bulan:
        for bidang, nilai, nama in (("rpd", b.rpd, "RPD"), ("realisasi", b.realisasi, "realisasi")):
            if nilai is None:
                tambah(
                    f"bulan/{b.bulan}/{bidang}",
                    f"{nama} bulan {b.nama} {tahun} belum diisi: bulan kosong tidak dihitung 0.",
                    f"{impor}#bulan-{b.bulan}",
                    "70",
                )
    des = data.bulan[11]
    if des.realisasi_kumulatif is not None and realisasi is not None:
        if des.realisasi_kumulatif != realisasi:
            tambah(
                "bulan/desember/realisasi",
                f"Realisasi kumulatif Desember {_rp(des.realisasi_kumulatif)} tidak sama dengan "
                f"realisasi setahun {_rp(realisasi)} (jumlah realisasi belanja).",
                f"{impor}#bulan-12",
                "70",
            )
    if des.rpd_kumulatif is not None and pagu is not None and des.rpd_kumulatif != pagu:
        tambah(
            "bulan/desember/rpd",
            f"RPD kumulatif Desember {_rp(des.rpd_kumulatif)} tidak sama dengan pagu {_rp(pagu)}.",
            f"{impor}#bulan-12",
            "70",
        )

    # Output indicators (Tabel 72).
    for p in utama:
        iop = data.indikator.get(p.pk, [])
        tautan = reverse("admin:perencanaan_programanggaran_change", args=[p.pk])
        if not iop:
            tambah(
                f"iop/{p.pk}/kosong",
                f"Program {p.nama}: belum ada indikator output program (IOP).",
                tautan,
                "72",
            )
        for i in iop:
            if i.target is None or i.target <= 0 or i.realisasi is None:
                tambah(
                    f"iop/{i.pk}",
                    f"IOP '{i.nama}' ({p.nama}): target (> 0) dan realisasi harus diisi.",
                    tautan,
                    "72",
                )

    # Aspek manfaat (Tabel 73).
    if not data.sasaran:
        tambah(
            "sasaran/kosong",
            f"Belum ada capaian sasaran {tahun} dari indikator yang diverifikasi (aspek manfaat).",
            f"/o/{org.slug}/{tahun}/",
            "73",
        )
    return galat


# --- Tables --------------------------------------------------------------------------------


def teks_sel(nilai, bentuk: str) -> str:
    """A TabelAngka cell as text (pages and LKIP alike): rupiah without decimals, persen
    with 2, angka as entered, anything else as is."""
    if nilai is None:
        return ""
    if bentuk == "rupiah":
        return fmt.angka(nilai, 0)
    if bentuk == "persen":
        return fmt.angka(nilai, 2)
    if bentuk == "angka":
        return fmt.angka(nilai, 2, tetap=False)
    return str(nilai)


@dataclass
class TabelAngka:
    """A table whose cells stay values (Decimal, str, None) until the page or the Excel
    file formats them; `format` per column: teks, rupiah, persen, angka (`teks_sel`)."""

    kode: str
    judul: str
    kolom: list[str]
    format: list[str]
    baris: list[list] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    tebal: set[int] = field(default_factory=set)  # indices of total rows

    def tambah(self, *sel, tebal: bool = False) -> None:
        if len(sel) != len(self.kolom):
            raise ValueError(f"{self.judul}: {len(sel)} sel, diharapkan {len(self.kolom)}")
        if tebal:
            self.tebal.add(len(self.baris))
        self.baris.append(list(sel))

    def sel(self):
        """Rows as (value, format, is_total) for templates."""
        return [
            [(v, f) for v, f in zip(b, self.format, strict=True)] + [i in self.tebal]
            for i, b in enumerate(self.baris)
        ]


@dataclass
class HasilAnggaran:
    data: DataAnggaran
    galat: list[GalatData]
    tabel: dict[str, TabelAngka]
    nka: nka.HasilNKA | None
    penyerapan_program: dict[int, Decimal]  # program id -> P (engine), for the chart
    temuan: list[Temuan] = field(default_factory=list)
    pemeriksaan: list[Pemeriksaan] = field(default_factory=list)

    @property
    def bagian_galat(self) -> set[str]:
        return {g.bagian for g in self.galat}


def _program_engine(data: DataAnggaran) -> list[dict]:
    """Programs in the shape kinerja.rumus.nka.capaian_output/efisiensi take."""
    hasil = []
    for p in data.program_utama:
        output: dict[str, list] = {}
        for i in data.indikator.get(p.pk, []):
            output.setdefault(i.output or p.nama, []).append(
                {"nama": i.nama, "target": i.target, "realisasi": i.realisasi}
            )
        hasil.append(
            {
                "nama": p.nama,
                "alokasi": p.pagu,
                "realisasi": p.realisasi_nilai,
                "output": [{"nama": k, "indikator": v} for k, v in output.items()],
            }
        )
    return hasil


def _tabel_67_69(data: DataAnggaran, t: dict) -> dict[int, Decimal]:
    t67 = TabelAngka(
        "67",
        "Tabel 67 - Realisasi belanja",
        ["Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Realisasi (%)"],
        ["teks", "rupiah", "rupiah", "persen"],
    )
    for kel, label in KelompokBelanja.choices:
        r = data.per_kelompok.get(kel)
        if r:
            t67.tambah(
                label,
                r["pagu"],
                r["realisasi"],
                nka.penyerapan(alokasi=r["pagu"], realisasi=r["realisasi"]),
            )
    tot = data.total
    t67.tambah(
        "Jumlah",
        tot["pagu"],
        tot["realisasi"],
        nka.penyerapan(alokasi=tot["pagu"], realisasi=tot["realisasi"]),
        tebal=True,
    )
    t["67"] = t67
    t68 = TabelAngka(
        "68",
        "Tabel 68 - Perincian belanja operasi",
        ["Uraian", "Pagu (Rp)", "Realisasi (Rp)", "Realisasi (%)"],
        ["teks", "rupiah", "rupiah", "persen"],
    )
    urutan = [j for j, _ in JenisBelanja.choices]
    for b in sorted(data.belanja, key=lambda b: urutan.index(b.jenis)):
        if b.kelompok == KelompokBelanja.OPERASI:
            t68.tambah(
                b.get_jenis_display(),
                b.pagu,
                b.realisasi,
                nka.penyerapan(alokasi=b.pagu, realisasi=b.realisasi),
            )
    op = data.per_kelompok.get(KelompokBelanja.OPERASI)
    if op:
        t68.tambah(
            "Jumlah",
            op["pagu"],
            op["realisasi"],
            nka.penyerapan(alokasi=op["pagu"], realisasi=op["realisasi"]),
            tebal=True,
        )
    t["68"] = t68
    t69 = TabelAngka(
        "69",
        "Tabel 69 - Anggaran berdasarkan program",
        [
            "Program",
            "Anggaran awal (Rp)",
            "Anggaran perubahan (Rp)",
            "Realisasi (Rp)",
            "Capaian (%)",
        ],
        ["teks", "rupiah", "rupiah", "rupiah", "persen"],
    )
    p_program = {}
    for p in data.program_utama:
        p_program[p.pk] = nka.penyerapan(alokasi=p.pagu, realisasi=p.realisasi_nilai)
        t69.tambah(p.nama, p.pagu_awal, p.pagu, p.realisasi_nilai, p_program[p.pk])
    tp = data.total_program
    t69.tambah(
        "Jumlah",
        tp["pagu_awal"],
        tp["pagu"],
        tp["realisasi"],
        nka.penyerapan(alokasi=tp["pagu"], realisasi=tp["realisasi"]),
        tebal=True,
    )
    t["69"] = t69
    return p_program


def _tabel_70(data: DataAnggaran, k: nka.HasilKonsistensi, t: dict) -> None:
    t70 = TabelAngka(
        "70",
        "Tabel 70 - Konsistensi penyerapan anggaran terhadap perencanaan",
        [
            "Bulan",
            "RPD kumulatif (Rp)",
            "Realisasi kumulatif (Rp)",
            "Konsistensi bulan (%)",
            "Konsistensi s.d. bulan (%)",
        ],
        ["teks", "rupiah", "rupiah", "persen", "persen"],
    )
    for b, suku, berjalan in zip(data.bulan, k.per_bulan, k.berjalan, strict=True):
        t70.tambah(b.nama, b.rpd_kumulatif, b.realisasi_kumulatif, suku, berjalan)
    t70.catatan.append(k.rumus)
    t["70"] = t70


def _tabel_71_72(data: DataAnggaran, hc, he, t: dict) -> None:
    t71 = TabelAngka(
        "71",
        "Tabel 71 - Efisiensi output program",
        [
            "Program",
            "COP (%)",
            "Alokasi (AA, Rp)",
            "Realisasi (RA, Rp)",
            "AA × COP (Rp)",
            "(AA × COP) − RA (Rp)",
        ],
        ["teks", "persen", "rupiah", "rupiah", "rupiah", "rupiah"],
    )
    for p, hp in zip(data.program_utama, hc.program, strict=True):
        aa_cop = bagi(p.pagu * hp.capaian, SERATUS)  # display column of the engine's Σ
        t71.tambah(
            p.nama, hp.capaian, p.pagu, p.realisasi_nilai, aa_cop, aa_cop - p.realisasi_nilai
        )
    if he is not None:
        t71.catatan.append(he.rumus)
    t["71"] = t71
    t72 = TabelAngka(
        "72",
        "Tabel 72 - Capaian output program",
        [
            "Program / indikator output",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Pagu (Rp)",
            "Realisasi anggaran (Rp)",
        ],
        ["teks", "angka", "angka", "persen", "rupiah", "rupiah"],
    )
    for p, hp in zip(data.program_utama, hc.program, strict=True):
        t72.tambah(p.nama, None, None, hp.capaian, p.pagu, p.realisasi_nilai, tebal=True)
        for i in data.indikator.get(p.pk, []):
            rasio = nka.rasio_indikator(i.target, i.realisasi, letak=i.nama)
            t72.tambah(f"  {i.nama}", i.target, i.realisasi, rasio * SERATUS, None, None)
    t72.tambah("Capaian output unit (sebelum dibatasi)", None, None, hc.mentah, None, None)
    t72.tambah("Capaian output unit (maksimal 100)", None, None, hc.nilai, None, None, tebal=True)
    t72.catatan.append(hc.rumus)
    t["72"] = t72


def _tabel_73(data: DataAnggaran, nilai_manfaat: Decimal, t: dict) -> None:
    t73 = TabelAngka(
        "73",
        "Tabel 73 - Capaian sasaran strategis",
        ["Sasaran / indikator", "Target", "Realisasi", "Capaian (%)"],
        ["teks", "angka", "angka", "persen"],
    )
    for s in data.sasaran:
        t73.tambah(
            f"{s.sasaran.nomor}. {s.sasaran.uraian}", None, None, s.hasil.capaian, tebal=True
        )
        for b in s.baris:
            t73.tambah(
                f"  {b.indikator.nama}", b.target, b.realisasi, b.hasil.capaian if b.hasil else None
            )
    t73.tambah("Nilai aspek manfaat (maksimal 100)", None, None, nilai_manfaat, tebal=True)
    t["73"] = t73


def _tabel_74(h: nka.HasilNKA, t: dict) -> None:
    t74 = TabelAngka(
        "74",
        "Tabel 74 - Nilai Kinerja Anggaran aspek manfaat dan implementasi",
        ["Komponen", "Nilai (%)", "Bobot (%)", "Nilai × bobot (%)"],
        ["teks", "persen", "persen", "persen"],
    )
    b = nka.BOBOT_IMPLEMENTASI
    for label, kunci in (
        ("Penyerapan anggaran", "penyerapan"),
        ("Konsistensi penyerapan terhadap perencanaan", "konsistensi"),
        ("Capaian output program", "capaian_output"),
        ("Nilai efisiensi", "nilai_efisiensi"),
    ):
        v = getattr(h, kunci)
        t74.tambah(label, v, b[kunci], bagi(v * b[kunci], SERATUS))
    a = nka.BOBOT_ASPEK
    t74.tambah(
        "Nilai kinerja aspek implementasi",
        h.nilai_implementasi,
        a["implementasi"],
        bagi(h.nilai_implementasi * a["implementasi"], SERATUS),
        tebal=True,
    )
    t74.tambah(
        "Nilai kinerja aspek manfaat",
        h.nilai_manfaat,
        a["manfaat"],
        bagi(h.nilai_manfaat * a["manfaat"], SERATUS),
        tebal=True,
    )
    t74.tambah("Nilai Kinerja Anggaran", h.nilai_kinerja_anggaran, None, None, tebal=True)
    t74.catatan.append(f"Kategori: {h.kategori}")
    t["74"] = t74


TERBIT_NKA = {  # AngkaTerbit kunci -> (uraian, HasilNKA attribute)
    "nka:penyerapan": ("Penyerapan anggaran", "penyerapan"),
    "nka:konsistensi": ("Konsistensi penyerapan terhadap perencanaan", "konsistensi"),
    "nka:capaian_output": ("Capaian output program", "capaian_output"),
    "nka:efisiensi": ("Efisiensi output program", "efisiensi"),
    "nka:nilai_efisiensi": ("Nilai efisiensi", "nilai_efisiensi"),
    "nka:nilai_implementasi": ("Nilai kinerja aspek implementasi", "nilai_implementasi"),
    "nka:nilai_manfaat": ("Nilai kinerja aspek manfaat", "nilai_manfaat"),
    "nka:nilai_kinerja_anggaran": ("Nilai Kinerja Anggaran", "nilai_kinerja_anggaran"),
    "nka:kategori": ("Kategori NKA", "kategori"),
}


def pemeriksaan_terbit(organisasi: Organisasi, tahun: int, h: nka.HasilNKA) -> list[Pemeriksaan]:
    """Published NKA figures (AngkaTerbit "nka:*") against the engine's values."""
    daftar = []
    for a in AngkaTerbit.objects.filter(
        organisasi=organisasi, tahun=tahun, kunci__startswith="nka:"
    ):
        if a.kunci not in TERBIT_NKA:
            continue
        uraian, atribut = TERBIT_NKA[a.kunci]
        daftar.append(
            Pemeriksaan(
                kode=a.kunci,
                uraian=uraian,
                sumber=a.sumber,
                terbit=format(a.nilai.normalize(), "f") if a.nilai is not None else a.nilai_teks,
                hitung=getattr(h, atribut),
                rumus=next((s for s in h.langkah if s.lower().startswith(uraian[:8].lower())), ""),
            )
        )
    return daftar


def anggaran(
    organisasi: Organisasi,
    tahun: int,
    *,
    penyebut_efisiensi: str = "aa_x_cop",
    batasi_cop_efisiensi: bool = False,
) -> HasilAnggaran:
    """Tabel 67-74 and the NKA of a unit's year, as far as its data allows.

    penyebut_efisiensi "aa_x_cop" follows the regulation's text; "aa" reproduces the seed's
    printed formula (formulas.md §2.4)."""
    data = data_anggaran(organisasi, tahun)
    galat = periksa(data)
    bagian = {g.bagian for g in galat}
    t: dict[str, TabelAngka] = {}
    p_program: dict[int, Decimal] = {}
    hasil_nka = None
    try:
        if not bagian & {"67", "69"}:
            p_program = _tabel_67_69(data, t)
        k = None
        if not bagian & {"67", "70"}:
            k = nka.konsistensi(
                rpd_kumulatif=[b.rpd_kumulatif for b in data.bulan],
                realisasi_kumulatif=[b.realisasi_kumulatif for b in data.bulan],
            )
            _tabel_70(data, k, t)
        hc = he = None
        if not bagian & {"69", "72"}:
            program = _program_engine(data)
            hc = nka.capaian_output(program)
            he = nka.efisiensi(
                [
                    {**p, "capaian_output": hp.capaian}
                    for p, hp in zip(program, hc.program, strict=True)
                ],
                penyebut=penyebut_efisiensi,
                batasi_cop=batasi_cop_efisiensi,
            )
            _tabel_71_72(data, hc, he, t)
        nm = None
        if "73" not in bagian:
            nm = nka.nilai_manfaat([s.hasil.capaian for s in data.sasaran])
            _tabel_73(data, nm, t)
        if not galat:
            hasil_nka = nka.hitung_nka(
                alokasi=data.total["pagu"],
                realisasi=data.total["realisasi"],
                rpd_kumulatif=[b.rpd_kumulatif for b in data.bulan],
                realisasi_kumulatif=[b.realisasi_kumulatif for b in data.bulan],
                program=_program_engine(data),
                capaian_sasaran=[s.hasil.capaian for s in data.sasaran],
                penyebut_efisiensi=penyebut_efisiensi,
                batasi_cop_efisiensi=batasi_cop_efisiensi,
            )
            _tabel_74(hasil_nka, t)
    except DataTidakValid as e:  # anything the checks above did not foresee
        galat.append(
            GalatData(
                kode="rumus",
                pesan=e.pesan,
                tautan=reverse("anggaran:isian", args=[organisasi.slug, tahun]),
                bagian="74",
            )
        )
        hasil_nka = None
        t.pop("74", None)
    pemeriksaan = pemeriksaan_terbit(organisasi, tahun, hasil_nka) if hasil_nka else []
    return HasilAnggaran(
        data=data,
        galat=galat,
        tabel=t,
        nka=hasil_nka,
        penyerapan_program=p_program,
        temuan=reviu(pemeriksaan),
        pemeriksaan=pemeriksaan,
    )


def ringkasan_program(organisasi: Organisasi, tahun: int):
    """Programs with their kegiatan and sub kegiatan counts (for the entry page)."""
    return (
        ProgramAnggaran.objects.filter(organisasi=organisasi, tahun=tahun)
        .annotate(realisasi_nilai=F("realisasi_anggaran__realisasi"))
        .annotate(jumlah_anak=Count("anak", filter=Q(anak__tahun=tahun)))
        .order_by("urutan", "pk")
    )
