"""Response and request schemas. Decimals travel as strings in plain decimal form ("96.55"),
as the `kinerja rumus` calculator prints them, so no client reads them through a float."""

from __future__ import annotations

from ninja import Field, Schema

Desimal = str | None


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
    indikator_id: int
    tahun: int = Field(ge=1000, le=9999)
    jenis_periode: str = Field(description="bulan, triwulan, semester atau tahun")
    ke: int = Field(1, description="nomor bulan/triwulan/semester; 1 untuk tahun")
    nilai: str | None = Field(None, description='angka desimal sebagai teks, mis. "96.55"')
    pembilang: str | None = Field(None, description="indikator rasio: bersama penyebut")
    penyebut: str | None = None
    nilai_teks: str = Field("", description='realisasi kualitatif, mis. "WTP"')
    penjelasan: str = ""
    ajukan: bool = Field(False, description="langsung ajukan untuk diverifikasi")


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
