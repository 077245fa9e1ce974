"""The open-data JSON API (django-ninja), its own NinjaAPI at /terbuka/api/ with its own
OpenAPI schema (/terbuka/api/openapi.json, page /terbuka/api/docs). No login, read only,
rate limited per address like the pages. Stable: fields are only ever added (version 1).

Bad input is a 400 with an Indonesian message naming the parameter and the form expected:
a parameter longer than `PANJANG_MAKS`, a year that is not a number or outside 2000-2100,
more than `UNIT_MAKS` units, an invalid slug. A unit that is unknown or whose year is not
published is a 404 with the same message either way, so nothing about unpublished data leaks.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.errors import ValidationError as SkemaTidakValid

from kinerja.organisasi import pemilih as pemilih_organisasi
from kinerja.terbuka import laju, pemilih
from kinerja.terbuka.ekspor import ke_mesin

PANJANG_MAKS = 400
UNIT_MAKS = 10
TAHUN_MIN, TAHUN_MAKS = 2000, 2100
_SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")

DESKRIPSI = f"""API data terbuka Kinerja: angka kinerja terverifikasi unit dan tahun yang
diterbitkan organisasinya (capaian indikator, predikat, IKM dengan unsur dan jumlah responden,
NKA). Tanpa masuk, hanya baca, dibatasi per alamat (bawaan 120 permintaan per menit; 429 dengan
`Retry-After` bila lewat). Tidak pernah memuat data responden.

Status: 200 berhasil; 400 parameter salah bentuk (pesan menyebut parameternya: tahun bukan
angka, lebih dari {UNIT_MAKS} unit, parameter lebih dari {PANJANG_MAKS} karakter); 404 unit tidak
dikenal atau tahunnya tidak diterbitkan (pesan sama untuk keduanya); 429 terlalu banyak
permintaan. Angka desimal dikirim sebagai teks JSON bertitik desimal ("104.09"). Kamus data:
/terbuka/kamus/.
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


@api.exception_handler(PermintaanSalah)
def _salah(request, exc: PermintaanSalah):
    return api.create_response(request, {"detail": exc.pesan}, status=exc.status)


@api.exception_handler(SkemaTidakValid)
def _skema(request, exc):
    return api.create_response(
        request, {"detail": "Parameter permintaan tidak sah: periksa unit dan tahun."}, status=400
    )


@api.exception_handler(TerlaluBanyak)
def _banyak(request, exc: TerlaluBanyak):
    r = api.create_response(
        request,
        {
            "detail": "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat. "
            f"Tunggu sekitar {exc.detik} detik lalu coba lagi."
        },
        status=429,
    )
    r["Retry-After"] = str(exc.detik)
    return r


def _batas(request: HttpRequest) -> None:
    tunggu = laju.sisa_tunggu(request)
    if tunggu is not None:
        raise TerlaluBanyak(tunggu)


def _cek_panjang(request: HttpRequest) -> None:
    for nama, nilai in request.GET.items():
        if len(nilai) > PANJANG_MAKS or len(nama) > 40:
            raise PermintaanSalah(
                f"Parameter '{nama[:40]}' terlalu panjang: paling banyak {PANJANG_MAKS} karakter."
            )


# --- schemas ------------------------------------------------------------------------------


class Galat(Schema):
    detail: str


class UnitTerbit(Schema):
    slug: str
    nama: str
    jenis: str
    tahun: list[int]


class DaftarUnit(Schema):
    unit: list[UnitTerbit]


class UnitRingkas(Schema):
    slug: str
    nama: str
    jenis: str


class IndikatorTerbit(Schema):
    kode: str
    indikator: str
    iku: bool
    sasaran: int
    satuan: str
    target: str | None
    realisasi: str | None
    capaian: str | None
    predikat: str


class SasaranTerbit(Schema):
    nomor: int
    uraian: str
    capaian: str | None
    predikat: str
    jumlah_indikator: int


class UnsurTerbit(Schema):
    kode: str
    nama: str
    nrr: str | None


class IkmTerbit(Schema):
    kode: str
    nama: str
    jenis: str
    jumlah_responden: int
    diterbitkan: bool
    nilai: str | None
    mutu: str
    kinerja: str
    unsur: list[UnsurTerbit]


class NkaTerbit(Schema):
    nilai_kinerja_anggaran: str | None
    nilai_implementasi: str | None
    nilai_manfaat: str | None
    penyerapan: str | None
    konsistensi: str | None
    capaian_output: str | None
    efisiensi: str | None
    nilai_efisiensi: str | None
    kategori: str


class DataUnit(Schema):
    unit: UnitRingkas
    tahun: int
    diterbitkan_pada: str
    indikator: list[IndikatorTerbit]
    sasaran: list[SasaranTerbit]
    predikat: dict[str, int]
    ikm: list[IkmTerbit]
    nka: NkaTerbit | None
    unduhan: dict[str, str]


class DataTerbuka(Schema):
    data: list[DataUnit]


_GALAT = {400: Galat, 429: Galat}


# --- operations ---------------------------------------------------------------------------


@api.get("/unit", response={200: DaftarUnit, **_GALAT}, summary="Unit dan tahun yang terbit")
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


def _tahun(nilai: str | None) -> int:
    if nilai is None or not nilai.strip():
        raise PermintaanSalah("Parameter 'tahun' wajib diisi, mis. tahun=2024.")
    nilai = nilai.strip()
    if not nilai.isdigit() or not nilai.isascii():
        raise PermintaanSalah(
            f"Parameter 'tahun' harus angka tahun, mis. 2024, bukan '{nilai[:20]}'."
        )
    t = int(nilai)
    if not TAHUN_MIN <= t <= TAHUN_MAKS:
        raise PermintaanSalah(f"Parameter 'tahun' harus antara {TAHUN_MIN} dan {TAHUN_MAKS}.")
    return t


def _unit(nilai: str | None) -> list[str]:
    if nilai is None or not nilai.strip():
        raise PermintaanSalah(
            "Parameter 'unit' wajib diisi: slug unit dari /terbuka/api/unit, "
            f"paling banyak {UNIT_MAKS} dipisah koma."
        )
    daftar = [s.strip() for s in nilai.split(",") if s.strip()]
    if len(daftar) > UNIT_MAKS:
        raise PermintaanSalah(
            f"Terlalu banyak unit: {len(daftar)} diminta, paling banyak {UNIT_MAKS} per permintaan."
        )
    salah = [s for s in daftar if not _SLUG.match(s)]
    if salah:
        raise PermintaanSalah(
            "Parameter 'unit' berisi slug yang tidak sah (hanya huruf, angka, '-' dan '_')."
        )
    return list(dict.fromkeys(daftar))


@api.get(
    "/data",
    response={200: DataTerbuka, 404: Galat, **_GALAT},
    summary="Angka terbit unit dan tahun",
)
def data(request, unit: str | None = None, tahun: str | None = None):
    """Angka terverifikasi yang diterbitkan untuk `unit` (slug, paling banyak 10 dipisah koma)
    pada `tahun`. Semua unit yang diminta harus terbit; bila satu saja tidak dikenal atau tidak
    terbit, jawabannya 404 tanpa angka apa pun."""
    from kinerja.terbuka.views import tautan_unduhan

    _batas(request)
    _cek_panjang(request)
    slug = _unit(unit)
    th = _tahun(tahun)
    terbit = {p.organisasi.slug: p for p in pemilih_organisasi.daftar_terbit(slug) if p.tahun == th}
    hilang = [s for s in slug if s not in terbit]
    if hilang:
        raise PermintaanSalah(
            f"Tidak ada data terbuka untuk {', '.join(hilang)} tahun {th}: unit tidak dikenal "
            "atau datanya belum diterbitkan.",
            status=404,
        )
    hasil = []
    for s in slug:
        p = terbit[s]
        d = ke_mesin(pemilih.data(p))
        d["unduhan"] = tautan_unduhan(s, th, pemilih.lkip_pdf(p.organisasi, th) is not None)
        hasil.append(d)
    return {"data": hasil}
