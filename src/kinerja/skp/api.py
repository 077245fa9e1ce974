"""API of the SKP app (a ninja Router mounted at /api/skp by kinerja.api.api), with the same
rules as the pages and the same services:

- employees of a unit: names and jabatan for whoever may see the unit's SKP; `nip` and
  `golongan` are null unless the user may see that employee's personal data (the employee,
  their superiors, HR admins);
- an employee's SKP (RHK, indicators, realisasi, assessments): only with the personal-data
  right; anyone else gets 404, as for an employee that does not exist;
- writes: the logged-in employee's own RHK and realisasi (`/skp/saya/...`), the direct
  atasan's assessment (`/skp/penilaian`). Bad input answers 422 with the service's
  Indonesian message, a permission failure 403; nothing is half-saved.
"""

from __future__ import annotations

from typing import Annotated, Literal

from django.db import transaction
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator, Strict, StrictBool
from pydantic import Field as PField

from kinerja.api import skema
from kinerja.api.skema import ID_MAKS, AngkaTeks, Bulat, Galat
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ButirPK
from kinerja.rumus.bilangan import teks
from kinerja.skp import izin, layanan, pemilih
from kinerja.skp.models import RHK, SKP, IndikatorRHK, Pegawai

router = Router(tags=["skp"])

Id = Annotated[int, Path(description="id", ge=1, le=ID_MAKS)]
# ge/le before the validators, so they reach the JSON schema of an optional id
IdBody = Annotated[int, PField(ge=1, le=ID_MAKS), BeforeValidator(skema._bulat_json), Strict()]
Rating = Literal["di_atas", "sesuai", "di_bawah"]
PeriodePenilaian = Literal["bulan", "triwulan", "tahun"]
PeriodeRealisasi = Literal["bulan", "triwulan"]
_BACA = {401: Galat, 404: Galat, 422: Galat}
_TULIS = {400: Galat, 401: Galat, 403: Galat, 404: Galat, 422: Galat}


class PegawaiOut(Schema):
    id: int
    nama: str
    jabatan: str
    jenis_jabatan: str = Field(
        description="pimpinan_tinggi, administrator, pengawas, pelaksana, fungsional"
    )
    unit: str = Field(description="slug unit kerja")
    atasan_id: int | None
    nip: str | None = Field(
        description="null bila pengguna tidak berhak melihat data pribadi pegawai ini"
    )
    golongan: str | None = Field(description="null seperti nip")


class IndikatorRHKOut(Schema):
    id: int
    aspek: str = Field(description="kuantitas, kualitas atau waktu")
    uraian: str
    target: str
    satuan: str


class RHKOut(Schema):
    id: int
    nomor: int
    jenis: str
    uraian: str
    rhk_atasan_id: int | None = Field(description="RHK atasan yang diintervensi")
    butir_pk_id: int | None = Field(description="baris PK (indikator kinerja unit) yang didukung")
    indikator: list[IndikatorRHKOut]


class PenilaianOut(Schema):
    id: int
    pegawai_id: int
    tahun: int
    jenis_periode: str
    ke: int
    rating_hasil: str
    rating_perilaku: str
    predikat: str = Field(
        description="sangat_baik, baik, butuh_perbaikan, kurang (Kurang/Misconduct), "
        "sangat_kurang: matriks PermenPAN-RB 6/2022"
    )
    status: str = Field(description="draf atau ditandatangani (terkunci)")


class SKPOut(Schema):
    pegawai_id: int
    tahun: int
    unit: str
    jabatan: str
    rhk: list[RHKOut]
    penilaian: list[PenilaianOut]


class IndikatorRHKIn(Schema):
    aspek: Literal["kuantitas", "kualitas", "waktu"]
    uraian: skema.Teks = Field(min_length=1, max_length=300)
    target: AngkaTeks = Field(description='angka desimal sebagai teks, mis. "12"')
    satuan: skema.Teks = Field("", max_length=60)


class RHKIn(Schema):
    uraian: skema.Teks = Field(min_length=1, max_length=layanan.URAIAN_MAKS)
    jenis: Literal["utama", "tambahan"] = "utama"
    rhk_atasan_id: IdBody | None = Field(None, description="RHK atasan langsung yang diintervensi")
    butir_pk_id: IdBody | None = Field(
        None, description="baris PK unit (atau unit di atasnya) yang didukung"
    )
    indikator: list[IndikatorRHKIn] = Field(min_length=1, max_length=10)


class RealisasiRHKIn(Schema):
    indikator_rhk_id: Bulat = Field(ge=1, le=ID_MAKS)
    jenis_periode: PeriodeRealisasi
    ke: Bulat = Field(ge=1, le=12, description="bulan 1-12 atau triwulan 1-4")
    nilai: AngkaTeks
    keterangan: skema.Teks = Field("", max_length=layanan.URAIAN_MAKS)


class RealisasiRHKOut(Schema):
    id: int
    indikator_rhk_id: int
    jenis_periode: str
    ke: int
    nilai: str
    keterangan: str


class PenilaianIn(Schema):
    pegawai_id: Bulat = Field(ge=1, le=ID_MAKS)
    tahun: Bulat = Field(ge=skema.TAHUN_MIN, le=skema.TAHUN_MAKS)
    jenis_periode: PeriodePenilaian
    ke: Bulat = Field(1, ge=1, le=12, description="bulan 1-12, triwulan 1-4, tahun 1")
    rating_hasil: Rating
    rating_perilaku: Rating
    catatan: skema.Teks = Field("", max_length=layanan.URAIAN_MAKS)
    tandatangani: StrictBool = Field(False, description="tandatangani: penilaian terkunci")


class JumlahPredikatOut(Schema):
    predikat: str
    jumlah: int


class DistribusiUnitOut(Schema):
    unit: str
    jumlah_skp: int
    dinilai: int
    distribusi: list[JumlahPredikatOut]


class DistribusiOut(Schema):
    unit: str
    tahun: int
    jenis_periode: str
    ke: int
    total: DistribusiUnitOut
    per_unit: list[DistribusiUnitOut]
    indikator_tidak_tercapai: int
    peringatan: list[str]


class CelahOut(Schema):
    unit: str
    tahun: int
    jumlah_rhk: int
    jumlah_pegawai: int
    pk_tanpa_rhk: list[int] = Field(description="id baris PK yang belum didukung RHK siapa pun")
    rhk_tanpa_induk: list[int] = Field(description="id RHK yang tidak mendukung apa pun")


def _unit(request, slug: str) -> Organisasi:
    org = Organisasi.objects.filter(slug=slug).first()
    if org is None or not izin.dapat_melihat_skp_unit(request.user, org):
        raise HttpError(404, f"Organisasi '{slug}' tidak ditemukan.")
    return org


def _rhk_out(r: RHK) -> dict:
    return {
        "id": r.pk,
        "nomor": r.nomor,
        "jenis": r.jenis,
        "uraian": r.uraian,
        "rhk_atasan_id": r.rhk_atasan_id,
        "butir_pk_id": r.butir_pk_id,
        "indikator": [
            {
                "id": i.pk,
                "aspek": i.aspek,
                "uraian": i.uraian,
                "target": teks(i.target),
                "satuan": i.satuan,
            }
            for i in r.indikator.all()
        ],
    }


def _penilaian_out(p) -> dict:
    return {
        "id": p.pk,
        "pegawai_id": p.skp.pegawai_id,
        "tahun": p.skp.tahun,
        "jenis_periode": p.jenis_periode,
        "ke": p.ke,
        "rating_hasil": p.rating_hasil,
        "rating_perilaku": p.rating_perilaku,
        "predikat": p.predikat,
        "status": p.status,
    }


def _distribusi_unit_out(u) -> dict:
    return {
        "unit": u.organisasi.slug,
        "jumlah_skp": u.jumlah_skp,
        "dinilai": u.distribusi.total,
        "distribusi": [{"predikat": k, "jumlah": n} for k, n in u.distribusi.jumlah.items()],
    }


def _saya(request):
    saya = izin.pegawai_pengguna(request.user)
    if saya is None:
        raise HttpError(403, "Akun Anda tidak terhubung dengan data pegawai.")
    return saya


@router.get(
    "/skp/organisasi/{slug}/pegawai",
    response={200: list[PegawaiOut], **_BACA},
    summary="Pegawai unit dan unit di bawahnya",
)
def daftar_pegawai(request, slug: skema.Slug):
    """Nama, jabatan dan atasan setiap pegawai; `nip` dan `golongan` hanya bila pengguna berhak
    melihat data pribadinya (pegawai itu, atasannya, admin kepegawaian), selain itu null.
    404: unit tidak ada atau tidak boleh dilihat."""
    return [
        {
            "id": b.pegawai.pk,
            "nama": b.pegawai.nama,
            "jabatan": b.pegawai.jabatan,
            "jenis_jabatan": b.pegawai.jenis_jabatan,
            "unit": b.pegawai.organisasi.slug,
            "atasan_id": b.pegawai.atasan_id,
            "nip": b.pegawai.nip if b.pribadi else None,
            "golongan": b.pegawai.golongan if b.pribadi else None,
        }
        for b in pemilih.daftar_pegawai(request.user, _unit(request, slug))
    ]


@router.get(
    "/skp/pegawai/{id}/{tahun}",
    response={200: SKPOut, **_BACA},
    summary="SKP pegawai satu tahun: RHK, indikator dan penilaian",
)
def skp_pegawai(request, id: Id, tahun: skema.Tahun):
    """404 bila pegawai atau SKP-nya tidak ada, atau pengguna tidak berhak melihat data
    pribadinya."""
    p = Pegawai.objects.select_related("organisasi").filter(pk=id).first()
    if p is None or not izin.dapat_melihat_pribadi(request.user, p):
        raise HttpError(404, f"Pegawai {id} tidak ditemukan.")
    skp = SKP.objects.filter(pegawai=p, tahun=tahun).select_related("organisasi").first()
    if skp is None:
        raise HttpError(404, f"SKP {tahun} pegawai {id} belum ada.")
    rinci = pemilih.skp_rinci(skp)
    return {
        "pegawai_id": p.pk,
        "tahun": tahun,
        "unit": skp.organisasi.slug,
        "jabatan": skp.jabatan,
        "rhk": [_rhk_out(r) for r in rinci["rhk"]],
        "penilaian": [_penilaian_out(x) for x in rinci["penilaian"]],
    }


@router.post(
    "/skp/saya/{tahun}/rhk",
    response={200: RHKOut, **_TULIS},
    summary="Tambah RHK pada SKP pengguna sendiri",
)
def rhk_tambah(request, tahun: skema.Tahun, data: RHKIn):
    """RHK baru dengan indikatornya pada SKP tahun itu milik pegawai yang terhubung dengan akun
    pengguna (SKP dibuat bila belum ada). `rhk_atasan_id` harus RHK atasan langsung tahun yang
    sama, `butir_pk_id` baris PK unitnya atau unit di atasnya; selain itu 422.
    403: akun tidak terhubung dengan pegawai."""
    saya = _saya(request)
    atasan = (
        RHK.objects.select_related("skp__pegawai").filter(pk=data.rhk_atasan_id).first()
        if data.rhk_atasan_id
        else None
    )
    if data.rhk_atasan_id and atasan is None:
        raise HttpError(422, f"RHK atasan {data.rhk_atasan_id} tidak ditemukan.")
    butir = (
        ButirPK.objects.select_related("pk_dokumen__organisasi").filter(pk=data.butir_pk_id).first()
        if data.butir_pk_id
        else None
    )
    if data.butir_pk_id and butir is None:
        raise HttpError(422, f"Baris PK {data.butir_pk_id} tidak ditemukan.")
    with transaction.atomic():
        skp = layanan.skp_buat(pegawai=saya, tahun=tahun, aktor=request.user)
        r = layanan.rhk_simpan(
            skp=skp,
            aktor=request.user,
            uraian=data.uraian,
            jenis=data.jenis,
            rhk_atasan=atasan,
            butir_pk=butir,
            indikator=[
                layanan.IsianIndikator(
                    aspek=i.aspek, uraian=i.uraian, target=i.target, satuan=i.satuan
                )
                for i in data.indikator
            ],
        )
    return _rhk_out(r)


@router.post(
    "/skp/saya/realisasi",
    response={200: RealisasiRHKOut, **_TULIS},
    summary="Realisasi bulanan/triwulanan indikator RHK sendiri",
)
def realisasi(request, data: RealisasiRHKIn):
    """404: indikator RHK tidak ada atau bukan milik pengguna; 422: periode, nilai, atau periode
    yang penilaiannya sudah ditandatangani."""
    saya = _saya(request)
    ind = IndikatorRHK.objects.filter(pk=data.indikator_rhk_id, rhk__skp__pegawai=saya).first()
    if ind is None:
        raise HttpError(404, f"Indikator RHK {data.indikator_rhk_id} tidak ditemukan.")
    r = layanan.realisasi_rhk_simpan(
        indikator=ind,
        jenis_periode=data.jenis_periode,
        ke=data.ke,
        nilai=data.nilai,
        keterangan=data.keterangan,
        aktor=request.user,
    )
    return {
        "id": r.pk,
        "indikator_rhk_id": ind.pk,
        "jenis_periode": r.jenis_periode,
        "ke": r.ke,
        "nilai": teks(r.nilai),
        "keterangan": r.keterangan,
    }


@router.post(
    "/skp/penilaian",
    response={200: PenilaianOut, **_TULIS},
    summary="Penilaian atasan langsung atas hasil kerja dan perilaku kerja",
)
def penilaian(request, data: PenilaianIn):
    """Hanya atasan langsung (akun yang terhubung dengan pegawai atasan) yang menilai; pegawai
    tidak menilai dirinya sendiri (403). Predikat dihitung mesin `rumus.skp`. Penilaian yang
    sudah ditandatangani terkunci (422). 404: pegawai atau SKP tahun itu tidak ada atau tidak
    boleh dilihat."""
    p = Pegawai.objects.select_related("organisasi", "atasan").filter(pk=data.pegawai_id).first()
    if p is None or not izin.dapat_melihat_pribadi(request.user, p):
        raise HttpError(404, f"Pegawai {data.pegawai_id} tidak ditemukan.")
    skp = SKP.objects.filter(pegawai=p, tahun=data.tahun).first()
    if skp is None:
        raise HttpError(404, f"SKP {data.tahun} pegawai {data.pegawai_id} belum ada.")
    pn = layanan.penilaian_simpan(
        skp=skp,
        jenis_periode=data.jenis_periode,
        ke=data.ke,
        rating_hasil=data.rating_hasil,
        rating_perilaku=data.rating_perilaku,
        catatan=data.catatan,
        tandatangani=data.tandatangani,
        aktor=request.user,
    )
    return _penilaian_out(pn)


@router.get(
    "/skp/organisasi/{slug}/{tahun}/distribusi",
    response={200: DistribusiOut, **_BACA},
    summary="Distribusi predikat pegawai tahunan di samping capaian unit",
)
def distribusi(request, slug: skema.Slug, tahun: skema.Tahun):
    """Jumlah penilaian tahunan yang ditandatangani per predikat untuk unit (pegawainya
    sendiri) dan setiap unit langsung di bawahnya, serta peringatan bila indikator unit tidak
    mencapai target sementara semua pegawai dinilai hasil kerjanya di atas ekspektasi."""
    org = _unit(request, slug)
    d = pemilih.distribusi_predikat(
        org, tahun, hanya_terverifikasi=not request.user.has_perm("organisasi.lihat_draf", org)
    )
    return {
        "unit": org.slug,
        "tahun": tahun,
        "jenis_periode": d.jenis_periode,
        "ke": d.ke,
        "total": _distribusi_unit_out(d.total),
        "per_unit": [_distribusi_unit_out(u) for u in d.per_unit],
        "indikator_tidak_tercapai": sum(1 for c in d.capaian if c.tidak_tercapai),
        "peringatan": d.peringatan,
    }


@router.get(
    "/skp/organisasi/{slug}/{tahun}/cascade",
    response={200: CelahOut, **_BACA},
    summary="Celah cascade PK ke RHK",
)
def celah(request, slug: skema.Slug, tahun: skema.Tahun):
    """Baris PK yang belum didukung RHK siapa pun dan RHK yang tidak mendukung apa pun."""
    org = _unit(request, slug)
    t = pemilih.pohon_cascade(org, tahun)
    return {
        "unit": org.slug,
        "tahun": tahun,
        "jumlah_rhk": t.jumlah_rhk,
        "jumlah_pegawai": t.jumlah_pegawai,
        "pk_tanpa_rhk": [b.pk for b in t.pk_tanpa_rhk],
        "rhk_tanpa_induk": [r.pk for r in t.rhk_tanpa_induk],
    }
