"""API of the evaluation: the LKE worksheet's scores and the follow-up register (a ninja
Router mounted by kinerja.api.api). Same permission rules as the pages: a unit the user may
not see, and a worksheet the user may not see (not final, not theirs, not assigned), answer
404 like a missing one, so slugs cannot be probed. Decimals are strings ("85.75")."""

from __future__ import annotations

from datetime import date

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from kinerja.api import skema
from kinerja.api.skema import Galat
from kinerja.evaluasi import izin, pemilih
from kinerja.evaluasi.models import LembarKerja
from kinerja.organisasi.models import Organisasi
from kinerja.rumus.bilangan import bulat

router = Router(tags=["evaluasi"])

Slug = skema.Slug
Tahun = skema.Tahun


class SubKomponenOut(Schema):
    kode: str
    nama: str
    bobot: str
    nilai_usulan: str
    nilai_penetapan: str


class KomponenOut(Schema):
    kode: str
    nama: str
    bobot: str
    nilai_usulan: str
    nilai_penetapan: str
    sub_komponen: list[SubKomponenOut]


class LkeOut(Schema):
    versi: str = Field(description="Kode versi LKE, mis. 88-2021")
    status: str = Field(description="draf, diajukan, dikembalikan, ditinjau, final")
    komponen: list[KomponenOut]
    nilai_usulan: str
    nilai_penetapan: str
    lengkap: bool = Field(description="true bila setiap kriteria sudah ditinjau (penetapan)")
    predikat: str | None = Field(
        description="AA/A/BB/B/CC/C/D dari nilai penetapan; null bila belum lengkap"
    )


class TindakLanjutOut(Schema):
    id: int
    unit: str
    sumber: str
    tahun: int
    referensi: str
    komponen: str
    temuan: str
    rekomendasi: str
    batas_waktu: date | None
    status: str
    terlambat: bool
    uraian_tindak_lanjut: str
    alasan_tidak_dapat: str
    ditutup_oleh: str | None
    ditutup_pada: str | None


def _d(x) -> str:
    return format(bulat(x, 2), "f")


def _org(request, slug: str) -> Organisasi | None:
    org = Organisasi.objects.filter(slug=slug).first()
    if org is None or not request.user.has_perm("organisasi.lihat", org):
        return None
    return org


@router.get(
    "/organisasi/{slug}/{tahun}/lke",
    response={200: LkeOut, 401: Galat, 404: Galat, 422: Galat},
    summary="Nilai LKE unit per komponen dan sub komponen",
)
def lke(request, slug: Slug, tahun: Tahun):
    """Nilai usulan (penilaian mandiri) dan nilai penetapan (evaluator) per komponen dan sub
    komponen, total dan predikat (PermenPAN-RB 88/2021, dihitung mesin `rumus.lke`).

    - 200: lembar kerja ditemukan dan boleh dilihat;
    - 401: belum masuk;
    - 404: unit tidak ada/tidak boleh dilihat, atau lembar kerja tidak ada atau belum boleh
      dilihat (belum final dan bukan unit sendiri, atasan, atau evaluator yang ditugaskan);
    - 422: slug atau tahun di luar batas (tahun 2000–2100)."""
    org = _org(request, slug)
    lembar = (
        LembarKerja.objects.filter(organisasi=org, tahun=tahun)
        .select_related("organisasi", "versi")
        .first()
        if org
        else None
    )
    if lembar is None or not izin.dapat_melihat_lembar(request.user, lembar):
        raise HttpError(404, f"Lembar kerja evaluasi '{slug}' tahun {tahun} tidak ditemukan.")
    rinci = pemilih.lembar_rinci(lembar, dengan_saran=False)
    p = rinci["penetapan"]
    return {
        "versi": lembar.versi.kode,
        "status": lembar.status,
        "komponen": [
            {
                "kode": k["kode"],
                "nama": k["nama"],
                "bobot": _d(k["bobot"]),
                "nilai_usulan": _d(k["nilai_usulan"]),
                "nilai_penetapan": _d(k["nilai_penetapan"]),
                "sub_komponen": [
                    {
                        "kode": s["kode"],
                        "nama": s["nama"],
                        "bobot": _d(s["bobot"]),
                        "nilai_usulan": _d(s["nilai_usulan"]),
                        "nilai_penetapan": _d(s["nilai_penetapan"]),
                    }
                    for s in k["sub"]
                ],
            }
            for k in rinci["komponen"]
        ],
        "nilai_usulan": _d(rinci["usulan"].total),
        "nilai_penetapan": _d(p.total),
        "lengkap": p.lengkap,
        "predikat": p.predikat if p.lengkap else None,
    }


@router.get(
    "/organisasi/{slug}/tindak-lanjut",
    response={200: list[TindakLanjutOut], 401: Galat, 404: Galat, 422: Galat},
    summary="Register tindak lanjut unit dan unit di bawahnya",
)
def tindak_lanjut(request, slug: Slug):
    """Setiap rekomendasi LHE, temuan BPK, arahan pimpinan dan pengaduan yang dicatat di
    register, dengan status dan tanda terlambat (terbuka dan melewati batas waktu).
    Paling banyak 1.000 entri terbaru.

    - 200: daftar (boleh kosong); 401: belum masuk; 404: unit tidak ada/tidak boleh dilihat;
    - 422: slug tidak valid."""
    org = _org(request, slug)
    if org is None:
        raise HttpError(404, f"Organisasi '{slug}' tidak ditemukan.")
    hari_ini = date.today()
    return [
        {
            "id": e.pk,
            "unit": e.organisasi.slug,
            "sumber": e.sumber,
            "tahun": e.tahun,
            "referensi": e.referensi,
            "komponen": e.komponen,
            "temuan": e.temuan,
            "rekomendasi": e.rekomendasi,
            "batas_waktu": e.batas_waktu,
            "status": e.status,
            "terlambat": e.status in pemilih.TERBUKA
            and e.batas_waktu is not None
            and e.batas_waktu < hari_ini,
            "uraian_tindak_lanjut": e.uraian_tindak_lanjut,
            "alasan_tidak_dapat": e.alasan_tidak_dapat,
            "ditutup_oleh": str(e.ditutup_oleh) if e.ditutup_oleh else None,
            "ditutup_pada": e.ditutup_pada.isoformat() if e.ditutup_pada else None,
        }
        for e in pemilih.register_terlihat(request.user, pemilih.register(org, bawahan=True)[:1000])
    ]
