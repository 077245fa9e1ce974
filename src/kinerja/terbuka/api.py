"""The open-data JSON API (django-ninja), its own NinjaAPI at /terbuka/api/ (no login, read
only, rate limited per address like the pages). Its operations are documented in its own
schema (/terbuka/api/openapi.json, page /terbuka/api/docs) and, through `gabung_skema`, in the
project's schema /api/openapi.json, so schemathesis' contract test covers them too. Stable:
version 1, fields are only ever added (keputusan 0060; a test pins them).

Every limit is in the schema: `unit` is 1-10 slugs separated by commas (at most
`PANJANG_MAKS` characters), `tahun` an integer 2000-2100. A request outside it is a 400 with
an Indonesian message naming the parameter and the form expected, as is any parameter longer
than `PANJANG_MAKS`. A unit that is unknown or whose year is not published is a 404 with the
same message either way, so nothing about unpublished data leaks.
"""

from __future__ import annotations

from typing import Annotated

from django.http import HttpRequest
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError as SkemaTidakValid

from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.organisasi import pemilih as pemilih_organisasi
from kinerja.terbuka import laju, pemilih
from kinerja.terbuka.ekspor import ke_mesin

PANJANG_MAKS = 400
PARAMETER_MAKS = 20
UNIT_MAKS = 10
SLUG = r"[-a-zA-Z0-9_]{1,120}"
POLA_UNIT = rf"^{SLUG}(,{SLUG}){{0,{UNIT_MAKS - 1}}}$"
AWALAN = "/terbuka/api"
TAG = "data terbuka"

DESKRIPSI = f"""API data terbuka Kinerja: angka kinerja terverifikasi unit dan tahun yang
diterbitkan organisasinya (capaian indikator, predikat, IKM dengan unsur dan jumlah responden,
NKA). Tanpa masuk, hanya baca, dibatasi per alamat (bawaan 120 permintaan per menit; 429 dengan
`Retry-After` bila lewat). Tidak pernah memuat data responden.

Status: 200 berhasil; 400 parameter salah bentuk (pesan menyebut parameternya: tahun bukan
angka atau di luar {TAHUN_MIN}-{TAHUN_MAKS}, lebih dari {UNIT_MAKS} unit, slug tidak sah,
parameter lebih dari {PANJANG_MAKS} karakter); 404 unit tidak dikenal atau tahunnya tidak
diterbitkan (pesan sama untuk keduanya); 429 terlalu banyak permintaan. Angka desimal dikirim
sebagai teks JSON bertitik desimal ("104.09"). Versi 1: bidang hanya ditambah, tidak pernah
diubah artinya atau dihapus. Kamus data: /terbuka/kamus/.
"""

api = NinjaAPI(
    title="API Data Terbuka Kinerja",
    version="1",
    urls_namespace="terbuka_api",
    description=DESKRIPSI,
    auth=None,
)


class PermintaanSalah(Exception):
    def __init__(self, pesan: str, status: int = 400):
        super().__init__(pesan)
        self.pesan, self.status = pesan, status


class TerlaluBanyak(Exception):
    def __init__(self, detik: int):
        self.detik = detik


def _jawab_terlalu_banyak(request, detik: int):
    r = api.create_response(
        request,
        {
            "detail": "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat. "
            f"Tunggu sekitar {detik} detik lalu coba lagi."
        },
        status=429,
    )
    r["Retry-After"] = str(detik)
    return r


@api.exception_handler(PermintaanSalah)
def _salah(request, exc: PermintaanSalah):
    return api.create_response(request, {"detail": exc.pesan}, status=exc.status)


def _pesan_parameter(request, e: dict) -> str:
    """One Indonesian sentence for a pydantic error on a query parameter."""
    nama = str(e.get("loc", ("", "?"))[-1])
    jenis = e.get("type", "")
    nilai = request.GET.get(nama, "")
    if jenis == "missing":
        if nama == "unit":
            return (
                "Parameter 'unit' wajib diisi: slug unit dari /terbuka/api/unit, "
                f"paling banyak {UNIT_MAKS} dipisah koma."
            )
        return f"Parameter '{nama}' wajib diisi, mis. {nama}=2024."
    if nama == "tahun":
        if jenis.startswith("int_"):
            return f"Parameter 'tahun' harus angka tahun, mis. 2024, bukan '{nilai[:20]}'."
        return f"Parameter 'tahun' harus antara {TAHUN_MIN} dan {TAHUN_MAKS}."
    if nama == "unit":
        if jenis == "string_too_long":
            return f"Parameter 'unit' terlalu panjang: paling banyak {PANJANG_MAKS} karakter."
        jumlah = len(nilai.split(","))
        if jumlah > UNIT_MAKS:
            return (
                f"Terlalu banyak unit: {jumlah} diminta, paling banyak {UNIT_MAKS} per permintaan."
            )
        return (
            "Parameter 'unit' berisi slug yang tidak sah: hanya huruf, angka, '-' dan '_', "
            f"paling banyak {UNIT_MAKS} slug dipisah koma tanpa spasi."
        )
    return f"Parameter '{nama[:40]}' tidak sah."


@api.exception_handler(SkemaTidakValid)
def _skema(request, exc):
    # a request refused by the schema counts against the limit like any other
    tunggu = laju.sisa_tunggu(request)
    if tunggu is not None:
        return _jawab_terlalu_banyak(request, tunggu)
    pesan = list(dict.fromkeys(_pesan_parameter(request, e) for e in exc.errors))
    detail = " ".join(pesan) or "Parameter permintaan tidak sah: periksa unit dan tahun."
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(TerlaluBanyak)
def _banyak(request, exc: TerlaluBanyak):
    return _jawab_terlalu_banyak(request, exc.detik)


def _batas(request: HttpRequest) -> None:
    tunggu = laju.sisa_tunggu(request)
    if tunggu is not None:
        raise TerlaluBanyak(tunggu)


def _cek_panjang(request: HttpRequest) -> None:
    if len(request.GET) > PARAMETER_MAKS:
        raise PermintaanSalah(
            f"Terlalu banyak parameter: {len(request.GET)}, paling banyak {PARAMETER_MAKS}."
        )
    for nama, nilai in request.GET.items():
        if len(nilai) > PANJANG_MAKS or len(nama) > 40:
            raise PermintaanSalah(
                f"Parameter '{nama[:40]}' terlalu panjang: paling banyak {PANJANG_MAKS} karakter."
            )


def gabung_skema(utama: NinjaAPI) -> None:
    """Document this API's operations in the schema of `utama` (the project's /api/), under
    their real paths /terbuka/api/...; called where kinerja.api.api assembles its routers.
    `"security": []` says they need no login."""
    asli = utama.get_openapi_schema

    def get_openapi_schema(*, path_prefix=None, path_params=None):
        skema = asli(path_prefix=path_prefix, path_params=path_params)
        milik = api.get_openapi_schema(path_prefix=AWALAN)
        for path, operasi in milik["paths"].items():
            for op in operasi.values():
                op["security"] = []
            skema["paths"][path] = operasi
        komponen = skema.setdefault("components", {}).setdefault("schemas", {})
        for nama, definisi in milik.get("components", {}).get("schemas", {}).items():
            if komponen.get(nama, definisi) != definisi:
                raise RuntimeError(f"skema OpenAPI '{nama}' ganda dengan isi berbeda")
            komponen[nama] = definisi
        return skema

    utama.get_openapi_schema = get_openapi_schema


# --- schemas (names end in "Terbuka": they share /api/openapi.json with the main API) ----


class GalatTerbuka(Schema):
    detail: str


class UnitTerbuka(Schema):
    slug: str
    nama: str
    jenis: str
    tahun: list[int]


class DaftarUnitTerbuka(Schema):
    unit: list[UnitTerbuka]


class UnitRingkasTerbuka(Schema):
    slug: str
    nama: str
    jenis: str


class IndikatorTerbuka(Schema):
    kode: str
    indikator: str
    iku: bool
    sasaran: int
    satuan: str
    target: str | None
    realisasi: str | None
    capaian: str | None
    predikat: str


class SasaranTerbuka(Schema):
    nomor: int
    uraian: str
    capaian: str | None
    predikat: str
    jumlah_indikator: int


class UnsurTerbuka(Schema):
    kode: str
    nama: str
    nrr: str | None


class IkmTerbuka(Schema):
    kode: str
    nama: str
    jenis: str
    jumlah_responden: int
    diterbitkan: bool
    nilai: str | None
    mutu: str
    kinerja: str
    unsur: list[UnsurTerbuka]


class NkaTerbuka(Schema):
    nilai_kinerja_anggaran: str | None
    nilai_implementasi: str | None
    nilai_manfaat: str | None
    penyerapan: str | None
    konsistensi: str | None
    capaian_output: str | None
    efisiensi: str | None
    nilai_efisiensi: str | None
    kategori: str


class DataUnitTerbuka(Schema):
    unit: UnitRingkasTerbuka
    tahun: int
    diterbitkan_pada: str
    indikator: list[IndikatorTerbuka]
    sasaran: list[SasaranTerbuka]
    predikat: dict[str, int]
    ikm: list[IkmTerbuka]
    nka: NkaTerbuka | None
    unduhan: dict[str, str]


class DataTerbuka(Schema):
    data: list[DataUnitTerbuka]


_GALAT = {400: GalatTerbuka, 429: GalatTerbuka}

ParamUnit = Annotated[
    str,
    Query(
        ...,
        description=f"Slug unit dari /terbuka/api/unit, 1-{UNIT_MAKS} dipisah koma tanpa spasi.",
        max_length=PANJANG_MAKS,
        pattern=POLA_UNIT,
        example="jakarta-pusat",
    ),
]
ParamTahun = Annotated[
    int, Query(..., description="Tahun kinerja.", ge=TAHUN_MIN, le=TAHUN_MAKS, example=2024)
]


# --- operations ---------------------------------------------------------------------------


@api.get(
    "/unit",
    response={200: DaftarUnitTerbuka, **_GALAT},
    summary="Unit dan tahun yang terbit",
    tags=[TAG],
)
def daftar_unit(request):
    """Setiap unit yang menerbitkan data terbuka, dengan tahun-tahunnya (terbaru dulu)."""
    _batas(request)
    _cek_panjang(request)
    unit: dict[int, dict] = {}
    for p in pemilih_organisasi.daftar_terbit():
        o = p.organisasi
        u = unit.setdefault(o.pk, {"slug": o.slug, "nama": o.nama, "jenis": o.jenis, "tahun": []})
        u["tahun"].append(p.tahun)
    return {"unit": list(unit.values())}


@api.get(
    "/data",
    response={200: DataTerbuka, 404: GalatTerbuka, **_GALAT},
    summary="Angka terbit unit dan tahun",
    tags=[TAG],
)
def data(request, unit: ParamUnit, tahun: ParamTahun):
    """Angka terverifikasi yang diterbitkan untuk `unit` (slug, paling banyak 10 dipisah koma)
    pada `tahun`. Semua unit yang diminta harus terbit; bila satu saja tidak dikenal atau tidak
    terbit, jawabannya 404 tanpa angka apa pun."""
    from kinerja.terbuka.views import tautan_unduhan

    _batas(request)
    _cek_panjang(request)
    slug = list(dict.fromkeys(unit.split(",")))
    terbit = {p.organisasi.slug: p for p in pemilih_organisasi.daftar_terbit(slug, tahun)}
    hilang = [s for s in slug if s not in terbit]
    if hilang:
        raise PermintaanSalah(
            f"Tidak ada data terbuka untuk {', '.join(hilang)} tahun {tahun}: unit tidak dikenal "
            "atau datanya belum diterbitkan.",
            status=404,
        )
    hasil = []
    for s in slug:
        p = terbit[s]
        d = ke_mesin(pemilih.data(p))
        d["unduhan"] = tautan_unduhan(s, tahun, pemilih.lkip_pdf(p.organisasi, tahun) is not None)
        hasil.append(d)
    return {"data": hasil}
