"""Response and request schemas. Decimals travel as strings in plain decimal form ("96.55"),
as the `kinerja rumus` calculator prints them, so no client reads them through a float.

Every range and enumeration the API enforces is in these schemas (and so in the OpenAPI
document): years, period types and numbers, digits and decimals of a realisasi value (the
column's precision, `kinerja.inti.nilai`), text lengths. Request bodies are strict: "2024" is
not a year and 1.5 is not a string. What depends on the indicator (its scale, its period type,
its workflow state) is checked by the same service the pages use and answered with 422.
"""

from __future__ import annotations

from typing import Annotated, Literal

from ninja import Field, Path, Schema
from pydantic import BeforeValidator, Strict, StrictBool, StrictStr, StringConstraints

from kinerja.api.galat import POLA_TANPA_NUL
from kinerja.inti.nilai import batas_kolom
from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.pengukuran.layanan import NILAI_TEKS_MAKS, PENJELASAN_MAKS
from kinerja.pengukuran.models import Realisasi

Desimal = str | None


def _bulat_json(x):
    # JSON Schema counts 2024.0 as an integer; a string or true does not become one.
    return int(x) if isinstance(x, float) and x.is_integer() else x


Bulat = Annotated[int, BeforeValidator(_bulat_json), Strict()]
JenisPeriode = Literal["bulan", "triwulan", "semester", "tahun"]
ID_MAKS = 2**63 - 1

_BATAS = batas_kolom(Realisasi, "nilai")
# A decimal the realisasi columns can hold: sign, at most 18 digits before the separator
# (dot, or an Indonesian comma) and at most 6 after it.
POLA_DESIMAL = rf"^[+-]?[0-9]{{1,{_BATAS.digit_bulat}}}([.,][0-9]{{1,{_BATAS.desimal}}})?$"
AngkaTeks = Annotated[
    StrictStr, StringConstraints(pattern=POLA_DESIMAL, max_length=_BATAS.digit + 2)
]

# Free text from a client: PostgreSQL cannot store a NUL character (the forms refuse it with
# Django's ProhibitNullCharactersValidator); the schema says so, the same 422 answers it
Teks = Annotated[StrictStr, StringConstraints(pattern=POLA_TANPA_NUL)]

# Path parameters, with the same limits as the pages.

Slug = Annotated[str, Path(description="slug unit", pattern=r"^[-a-zA-Z0-9_]+$", max_length=120)]
Tahun = Annotated[int, Path(description="tahun", ge=TAHUN_MIN, le=TAHUN_MAKS)]


class Galat(Schema):
    detail: str
    galat: dict[str, list[str]] = Field(
        default_factory=dict, description="Pesan per bidang (mis. 'nilai', 'penjelasan')."
    )


class OrganisasiOut(Schema):
    slug: str
    nama: str
    jenis: str
    kode: str
    induk: str | None = Field(description="slug unit induk")


class TargetPeriodeOut(Schema):
    jenis_periode: str = Field(description="frekuensi indikator: 'triwulan', 'semester', 'bulan'")
    ke: int
    target: Desimal


class CapaianPeriodeOut(Schema):
    jenis_periode: str
    ke: int
    label: str = Field(description="mis. 'TW I', 'Semester II'")
    target: Desimal
    asal_target: str = Field(
        description="'periode' (target periode di PK), 'tahun' (target tahunan) atau '' (tidak "
        "dinilai: bagian dari jumlah kumulatif)"
    )
    realisasi: Desimal
    capaian: Desimal
    status: str


class IndikatorOut(Schema):
    id: int
    kode: str
    nama: str
    sasaran_nomor: int
    sasaran: str
    satuan: str
    polaritas: str
    frekuensi: str
    cara_agregasi: str
    jenis_target: str
    rasio: bool
    iku: bool
    definisi_operasional: str
    dalam_pk: bool = Field(description="indikator ini ada di PK tahun tersebut")
    target: Desimal
    target_bawah: Desimal
    target_atas: Desimal
    target_teks: str
    target_periode: list[TargetPeriodeOut] = Field(
        description="target per periode di PK (docs/keputusan/0037); kosong bila hanya tahunan"
    )
    status_pk: str | None = Field(
        description="'ditandatangani', atau 'draft' (PK belum ditandatangani: target masih "
        "dapat berubah; hanya untuk pengguna yang berhak melihat draf); null bila tidak di PK"
    )


class RealisasiOut(Schema):
    id: int
    indikator_id: int
    tahun: int
    jenis_periode: str
    ke: int
    periode: str
    nilai: Desimal
    nilai_teks: str
    pembilang: Desimal
    penyebut: Desimal
    penjelasan: str
    status: str


class RealisasiIn(Schema):
    indikator_id: Bulat = Field(ge=1, le=ID_MAKS)
    tahun: Bulat = Field(ge=TAHUN_MIN, le=TAHUN_MAKS)
    jenis_periode: JenisPeriode = Field(
        description="bulan, triwulan, semester atau tahun; harus frekuensi indikator atau tahun"
    )
    ke: int = Field(
        1,
        ge=1,
        le=12,
        description="nomor bulan (1-12)/triwulan (1-4)/semester (1-2); 1 untuk tahun",
    )
    nilai: AngkaTeks | None = Field(
        None,
        description=f'angka desimal sebagai teks, mis. "96.55"; {_BATAS.uraian} '
        "(tidak dibulatkan: lebih dari itu ditolak)",
    )
    pembilang: AngkaTeks | None = Field(None, description="indikator rasio: bersama penyebut")
    penyebut: AngkaTeks | None = None
    nilai_teks: Teks = Field(
        "",
        max_length=NILAI_TEKS_MAKS,
        description='realisasi kualitatif: label skala indikator, mis. "WTP"',
    )
    penjelasan: Teks = Field("", max_length=PENJELASAN_MAKS)
    ajukan: StrictBool = Field(False, description="langsung ajukan untuk diverifikasi")


class CapaianIndikatorOut(Schema):
    indikator_id: int
    kode: str
    nama: str
    sasaran_nomor: int
    satuan: str
    target: Desimal
    target_teks: str
    realisasi: Desimal
    realisasi_teks: str
    capaian: Desimal
    capaian_terbatas: Desimal
    predikat: str
    rumus: str
    status: str = Field(description="status terlemah baris realisasi yang dipakai; '' bila kosong")
    periode: list[CapaianPeriodeOut] = Field(description="progres per periode frekuensi indikator")
    keterangan_tahunan: str = Field(
        description="cara nilai tahunan dibentuk, bila nilai tahunan belum tersedia"
    )


class CapaianSasaranOut(Schema):
    nomor: int
    uraian: str
    capaian: Desimal
    predikat: str
    jumlah_indikator: int
    indikator_tanpa_data: int
    rumus: str


class TemuanOut(Schema):
    kode: str
    uraian: str
    sumber: str
    terbit: str
    hitung: str
    selisih: Desimal
    rumus: str
    catatan: str


class CapaianOut(Schema):
    organisasi: str
    tahun: int
    hanya_terverifikasi: bool
    status_pk: str | None = Field(
        description="'ditandatangani', atau 'draft' (target dan capaian sementara); null bila "
        "belum ada PK yang boleh dibaca pengguna"
    )
    indikator: list[CapaianIndikatorOut]
    sasaran: list[CapaianSasaranOut]
    rekap_predikat: dict[str, int]
    temuan: list[TemuanOut]
    peringatan: list[str]


# --- rencana aksi (docs/keputusan/0049-rencana-aksi-bulanan.md) ---------------------------


class TargetLangkahOut(Schema):
    ke: int = Field(description="bulan 1-12 atau triwulan 1-4, menurut jenis_periode langkah")
    target: Desimal


class RealisasiLangkahOut(Schema):
    bulan: int = Field(ge=1, le=12)
    nilai: Desimal
    anggaran_terpakai: Desimal
    ada_bukti: bool = Field(description="bukti dukung terunggah")


class LangkahOut(Schema):
    id: int
    uraian: str
    jenis: str = Field(description="'kegiatan' atau 'tonggak'")
    jenis_periode: str = Field(description="'bulan' atau 'triwulan'")
    satuan: str
    butir_id: int | None = Field(description="butir PK yang didukung langkah ini")
    indikator_id: int | None
    kegiatan_id: int | None = Field(description="kegiatan/sub kegiatan anggaran (RKT)")
    kegiatan: str
    anggaran: Desimal = Field(description="anggaran langkah (Rp)")
    target: list[TargetLangkahOut]
    realisasi: list[RealisasiLangkahOut]
    rencana_sampai: Desimal = Field(description="jumlah target periode yang berakhir s.d. bulan")
    realisasi_sampai: Desimal = Field(description="jumlah realisasi bulanan s.d. bulan")
    terlambat: bool = Field(description="rencana s.d. bulan belum tercapai")


class RekonsiliasiOut(Schema):
    kegiatan_id: int
    kegiatan: str
    program: str
    pagu: Desimal = Field(description="pagu kegiatan dalam RKT (Rp)")
    jumlah_langkah: Desimal = Field(description="jumlah anggaran langkah (Rp)")
    selisih: Desimal = Field(description="pagu − jumlah anggaran langkah (Rp)")
    cocok: bool


class RencanaAksiOut(Schema):
    organisasi: str
    tahun: int
    bulan: int = Field(description="keadaan s.d. akhir bulan ini")
    langkah: list[LangkahOut]
    rekonsiliasi: list[RekonsiliasiOut]
