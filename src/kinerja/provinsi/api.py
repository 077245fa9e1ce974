"""API of the province page (a ninja Router mounted by kinerja.api.api): the same figures as
`/provinsi/<slug>/<tahun>/`, with the same rule (`provinsi.lihat`). Decimals are strings."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from kinerja.api import skema
from kinerja.api.skema import Galat
from kinerja.provinsi import views
from kinerja.rumus.bilangan import teks

router = Router(tags=["provinsi"])


class PredikatOut(Schema):
    predikat: str
    jumlah: int


class KelengkapanPeriodeOut(Schema):
    jenis_periode: str = Field(description="bulan, triwulan, semester, tahun")
    ke: int
    periode: str = Field(description="label periode, mis. 'Semester I'")
    harapan: int = Field(description="butir PK dengan frekuensi periode ini")
    diisi: int = Field(description="realisasi yang ada (semua status yang boleh dilihat)")
    terverifikasi: int


class UnitProvinsiOut(Schema):
    slug: str
    nama: str
    jenis: str
    peringkat: int | None = Field(description="menurut rata-rata capaian IKU; null tanpa IKU")
    jumlah_butir: int = Field(description="butir PK yang ditandatangani")
    jumlah_iku: int
    capaian_iku: str | None = Field(description="rata-rata capaian IKU (%), belum dibulatkan")
    predikat_iku: str | None
    rumus_iku: str | None
    predikat: list[PredikatOut] = Field(description="sebaran predikat seluruh butir PK")
    ikm: str | None = Field(description="IKM tahunan survei SKM unit; null bila tidak ada")
    ikm_responden: int
    nka: str | None = Field(description="Nilai Kinerja Anggaran; null bila tidak tersedia")
    nka_kategori: str
    nka_keterangan: str = Field(description="alasan NKA tidak tersedia")
    kelengkapan: list[KelengkapanPeriodeOut]
    dasbor: str = Field(description="alamat dasbor unit")


class ProvinsiOut(Schema):
    provinsi: str = Field(description="slug provinsi")
    nama: str
    tahun: int
    rata_rata_iku: str | None = Field(description="rata-rata tak berbobot rata-rata IKU unit")
    predikat: list[PredikatOut]
    unit: list[UnitProvinsiOut]


def _d(x) -> str | None:
    return None if x is None else teks(x)


def _predikat(rekap: dict[str, int]) -> list[dict]:
    return [{"predikat": k, "jumlah": v} for k, v in rekap.items()]


@router.get(
    "/provinsi/{slug}/{tahun}",
    response={200: ProvinsiOut, 401: Galat, 403: Galat, 404: Galat, 422: Galat},
    summary="Perbandingan unit sebuah provinsi: capaian IKU, predikat, IKM, NKA, kelengkapan",
    url_name="provinsi",
)
def provinsi(request, slug: skema.Slug, tahun: skema.Tahun):
    """Per kota/kabupaten administrasi dan perangkat daerah di bawah provinsi: angka dasbor
    unit itu sendiri (PK ditandatangani, realisasi terverifikasi), IKM survei SKM, NKA,
    kelengkapan per periode dan peringkat (keputusan 0057). Hanya untuk pimpinan, evaluator
    dan admin provinsi (`provinsi.lihat`, 403 bagi yang lain); provinsi atau tahun yang tidak
    dikenal: 404."""
    try:
        h = views.muat(request.user, slug, tahun)
    except PermissionDenied as e:
        raise HttpError(403, str(e)) from e
    except Http404 as e:
        raise HttpError(404, str(e)) from e
    return {
        "provinsi": h.provinsi.slug,
        "nama": h.provinsi.nama,
        "tahun": h.tahun,
        "rata_rata_iku": _d(h.rata_rata_iku.capaian) if h.rata_rata_iku else None,
        "predikat": _predikat(h.rekap),
        "unit": [
            {
                "slug": b.organisasi.slug,
                "nama": b.organisasi.nama,
                "jenis": b.organisasi.jenis,
                "peringkat": b.peringkat,
                "jumlah_butir": b.jumlah_butir,
                "jumlah_iku": b.jumlah_iku,
                "capaian_iku": _d(b.capaian_iku),
                "predikat_iku": b.iku.predikat if b.iku else None,
                "rumus_iku": b.iku.rumus if b.iku else None,
                "predikat": _predikat(b.rekap),
                "ikm": _d(b.ikm),
                "ikm_responden": b.ikm_responden,
                "nka": _d(b.nka),
                "nka_kategori": b.nka_kategori,
                "nka_keterangan": b.nka_keterangan,
                "kelengkapan": [
                    {
                        "jenis_periode": s.jenis,
                        "ke": s.ke,
                        "periode": s.label,
                        "harapan": s.harapan,
                        "diisi": s.diisi,
                        "terverifikasi": s.terverifikasi,
                    }
                    for s in b.kelengkapan
                ],
                "dasbor": reverse("dasbor", args=[b.organisasi.slug, h.tahun]),
            }
            for b in h.unit
        ],
    }
