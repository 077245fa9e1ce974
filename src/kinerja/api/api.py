"""The JSON API (django-ninja): reads for organisations, indicators, realisasi and capaian,
and one write, a realisasi, through the same services as the pages.

Authentication is the Django session (log in at /masuk/); unsafe methods also need the CSRF
token in the `X-CSRFToken` header (the `csrftoken` cookie's value). Anonymous requests get
401. A unit the user may not see answers 404, exactly like a unit that does not exist, so
slugs cannot be probed.

Drafts are for users with `organisasi.lihat_draf` only, as on the pages: unverified
realisasi, and a Perjanjian Kinerja that is not yet signed (its lines and targets). For
everyone else a draft PK does not exist yet. `status_pk` says whether targets come from a
signed PK (`ditandatangani`) or a draft (`draft`), whose targets and capaian may still change.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as SkemaTidakValid
from ninja.security import django_auth

from kinerja.api import skema
from kinerja.api.galat import galat_skema
from kinerja.api.pemilih import organisasi_terlihat
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran import pemilih as pemilih_pengukuran
from kinerja.pengukuran.layanan import realisasi_ajukan, realisasi_simpan
from kinerja.pengukuran.models import Realisasi
from kinerja.pengukuran.pemilih import dasbor, pk_organisasi
from kinerja.perencanaan.models import Indikator
from kinerja.rumus.bilangan import bulat, teks
from kinerja.token_api.auth import TokenBearer

DESKRIPSI = """API JSON Kinerja: baca organisasi, indikator, realisasi dan capaian, serta satu
penulisan, realisasi, melalui layanan yang sama dengan halaman.

Autentikasi memakai sesi Django (masuk di /masuk/); metode yang mengubah data juga memerlukan
token CSRF di header `X-CSRFToken` (nilai cookie `csrftoken`). Sistem lain (SIPD, e-TPP, dasbor
provinsi) memakai **token layanan**: `Authorization: Bearer knj_…`, dibuat admin organisasi di
/token/, dengan cakupan unit, akses baca (hanya data terverifikasi) atau tulis (realisasi), masa
berlaku dan pencabutan; setiap panggilan dicatat. Permintaan tanpa masuk atau token mendapat
401. Unit yang tidak boleh dilihat pengguna menjawab 404, sama seperti unit yang tidak ada.

Draf hanya untuk pengguna dengan hak `organisasi.lihat_draf`, seperti di halaman: realisasi
yang belum diverifikasi dan Perjanjian Kinerja yang belum ditandatangani. `status_pk` menyatakan
apakah target berasal dari PK yang ditandatangani (`ditandatangani`) atau draf (`draft`).
"""

api = NinjaAPI(
    title="API Kinerja",
    version="1",
    urls_namespace="api",
    auth=[TokenBearer(), django_auth],  # a Bearer header first: no session, no CSRF
    description=DESKRIPSI,
)


# --- errors -------------------------------------------------------------------------------


@api.exception_handler(AuthenticationError)
def _belum_masuk(request, exc):
    return api.create_response(
        request,
        {
            "detail": "Belum masuk: masuk lewat /masuk/ (sesi Django) atau kirim "
            "'Authorization: Bearer <token layanan>'."
        },
        status=401,
    )


@api.exception_handler(PermissionDenied)
def _ditolak(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Anda tidak berwenang."}, status=403)


def _galat_422(request, galat: dict[str, list[str]]):
    detail = "; ".join(
        f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v) for k, v in galat.items()
    )
    return api.create_response(request, {"detail": detail, "galat": galat}, status=422)


@api.exception_handler(ValidationError)
def _tidak_valid(request, exc):
    galat = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return _galat_422(request, galat)


@api.exception_handler(SkemaTidakValid)
def _skema_tidak_valid(request, exc):
    """A request outside the schema (pydantic): the same 422 body, in Indonesian."""
    return _galat_422(request, galat_skema(exc.errors))


@api.exception_handler(HttpError)
def _http_galat(request, exc):
    detail = str(exc)
    if exc.status_code == 400:  # django-ninja: a body that is not JSON
        detail = "Badan permintaan bukan JSON yang sah (kirim Content-Type: application/json)."
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


# Every operation answers these besides its own (documented with their body).
_BACA = {401: skema.Galat, 404: skema.Galat, 422: skema.Galat}


# --- helpers ------------------------------------------------------------------------------


def _d(x: Decimal | None, dp: int | None = None) -> str | None:
    if x is None:
        return None
    return format(bulat(x, dp), "f") if dp is not None else teks(x)


def _organisasi(request, slug: str) -> Organisasi:
    org = Organisasi.objects.filter(slug=slug).select_related("induk").first()
    if org is None or not request.user.has_perm("organisasi.lihat", org):
        raise HttpError(404, f"Organisasi '{slug}' tidak ditemukan.")
    return org


def _org_out(o: Organisasi) -> dict:
    return {
        "slug": o.slug,
        "nama": o.nama,
        "jenis": o.jenis,
        "kode": o.kode,
        "induk": o.induk.slug if o.induk_id else None,
    }


def _realisasi_out(r: Realisasi) -> dict:
    return {
        "id": r.pk,
        "indikator_id": r.indikator_id,
        "tahun": r.tahun,
        "jenis_periode": r.jenis_periode,
        "ke": r.ke,
        "periode": r.label_periode,
        "nilai": _d(r.nilai),
        "nilai_teks": r.nilai_teks,
        "pembilang": _d(r.pembilang),
        "penyebut": _d(r.penyebut),
        "penjelasan": r.penjelasan,
        "status": r.status,
    }


# --- endpoints ----------------------------------------------------------------------------


@api.get(
    "/organisasi", response={200: list[skema.OrganisasiOut], 401: skema.Galat}, tags=["organisasi"]
)
def daftar_organisasi(request):
    """Units the user may see."""
    return [_org_out(o) for o in organisasi_terlihat(request.user)]


@api.get(
    "/organisasi/{slug}",
    response={200: skema.OrganisasiOut, **_BACA},
    tags=["organisasi"],
)
def rincian_organisasi(request, slug: skema.Slug):
    return _org_out(_organisasi(request, slug))


@api.get(
    "/organisasi/{slug}/{tahun}/indikator",
    response={200: list[skema.IndikatorOut], **_BACA},
    tags=["perencanaan"],
)
def indikator(request, slug: skema.Slug, tahun: skema.Tahun):
    """Every indicator of the unit with its target in that year's PK (null when not in the PK).
    A draft PK's targets only with `organisasi.lihat_draf`, marked `status_pk: "draft"`."""
    org = _organisasi(request, slug)
    pk = pk_organisasi(org, tahun, dengan_draf=request.user.has_perm("organisasi.lihat_draf", org))
    hasil = []
    for i, b in pemilih_pengukuran.indikator_dan_butir(org, pk):
        hasil.append(
            {
                "id": i.pk,
                "kode": i.kode,
                "nama": i.nama,
                "sasaran_nomor": i.sasaran.nomor,
                "sasaran": i.sasaran.uraian,
                "satuan": i.satuan,
                "polaritas": i.polaritas,
                "frekuensi": i.frekuensi,
                "cara_agregasi": i.cara_agregasi,
                "jenis_target": i.jenis_target,
                "rasio": i.rasio,
                "iku": i.iku,
                "definisi_operasional": i.definisi_operasional,
                "dalam_pk": b is not None,
                "target": _d(b.target) if b else None,
                "target_bawah": _d(b.target_bawah) if b else None,
                "target_atas": _d(b.target_atas) if b else None,
                "target_teks": b.target_teks if b else "",
                "target_periode": [
                    {"jenis_periode": t.jenis_periode, "ke": t.ke, "target": _d(t.target)}
                    for t in b.target_periode.all()
                    if t.jenis_periode == i.frekuensi
                ]
                if b
                else [],
                "status_pk": pk.status if b else None,
            }
        )
    return hasil


@api.get(
    "/organisasi/{slug}/{tahun}/realisasi",
    response={200: list[skema.RealisasiOut], **_BACA},
    tags=["pengukuran"],
)
def daftar_realisasi(request, slug: skema.Slug, tahun: skema.Tahun):
    """Realisasi rows of the year; drafts and submitted rows only with `organisasi.lihat_draf`."""
    org = _organisasi(request, slug)
    qs = pemilih_pengukuran.realisasi_tahun(
        org, tahun, hanya_terverifikasi=not request.user.has_perm("organisasi.lihat_draf", org)
    )
    return [_realisasi_out(r) for r in qs]


@api.get(
    "/organisasi/{slug}/{tahun}/capaian",
    response={200: skema.CapaianOut, **_BACA},
    tags=["pengukuran"],
)
def capaian(
    request,
    slug: skema.Slug,
    tahun: skema.Tahun,
    dp: Annotated[
        int | None, Query(None, ge=0, le=10, description="angka di belakang koma (0-10)")
    ] = None,
):
    """Capaian, predikat, sasaran means, predikat counts and reviu findings, as computed by the
    engine (`dasbor`). Values are unrounded unless `dp` asks for rounding half up. Without
    `organisasi.lihat_draf` only verified realisasi count and a draft PK is left out (no
    indicators); with it, `status_pk: "draft"` marks targets that may still change."""
    org = _organisasi(request, slug)
    terverifikasi = not request.user.has_perm("organisasi.lihat_draf", org)
    d = dasbor(org, tahun, hanya_terverifikasi=terverifikasi)
    return {
        "organisasi": org.slug,
        "tahun": tahun,
        "hanya_terverifikasi": terverifikasi,
        "status_pk": d.pk.status if d.pk else None,
        "indikator": [
            {
                "indikator_id": b.indikator.pk,
                "kode": b.indikator.kode,
                "nama": b.indikator.nama,
                "sasaran_nomor": b.sasaran.nomor,
                "satuan": b.indikator.satuan,
                "target": _d(b.target),
                "target_teks": b.target_teks,
                "realisasi": _d(b.realisasi),
                "realisasi_teks": b.realisasi_teks,
                "capaian": _d(b.hasil.capaian, dp) if b.hasil else None,
                "capaian_terbatas": _d(b.hasil.capaian_terbatas, dp) if b.hasil else None,
                "predikat": b.hasil.predikat if b.hasil else "",
                "rumus": b.hasil.rumus if b.hasil else "",
                "status": b.status,
                "periode": [
                    {
                        "jenis_periode": p.jenis,
                        "ke": p.ke,
                        "label": p.label,
                        "target": _d(p.target),
                        "asal_target": p.asal_target,
                        "realisasi": _d(p.realisasi.nilai) if p.realisasi else None,
                        "capaian": _d(p.hasil.capaian, dp) if p.hasil else None,
                        "status": p.realisasi.status if p.realisasi else "",
                    }
                    for p in b.periode
                ],
                "keterangan_tahunan": b.keterangan_tahunan,
            }
            for b in d.baris
        ],
        "sasaran": [
            {
                "nomor": s.sasaran.nomor,
                "uraian": s.sasaran.uraian,
                "capaian": _d(s.hasil.capaian, dp),
                "predikat": s.hasil.predikat,
                "jumlah_indikator": s.hasil.jumlah_indikator,
                "indikator_tanpa_data": s.hasil.indikator_tanpa_data,
                "rumus": s.hasil.rumus,
            }
            for s in d.sasaran
        ],
        "rekap_predikat": d.rekap,
        "temuan": [
            {
                "kode": t.kode,
                "uraian": t.uraian,
                "sumber": t.sumber,
                "terbit": t.terbit,
                "hitung": t.hitung,
                "selisih": _d(t.selisih),
                "rumus": t.rumus,
                "catatan": t.catatan,
            }
            for t in d.temuan
        ],
        "peringatan": d.peringatan,
    }


@api.post(
    "/realisasi",
    response={
        200: skema.RealisasiOut,
        400: skema.Galat,
        401: skema.Galat,
        403: skema.Galat,
        404: skema.Galat,
        422: skema.Galat,
    },  # fmt: skip
    tags=["pengukuran"],
)
def simpan_realisasi(request, data: skema.RealisasiIn):
    """Create or change a realisasi (draft or returned only), optionally submit it; both or
    neither happen. Needs `organisasi.isi_realisasi`; a verified row is locked (422)."""
    ind = Indikator.objects.select_related("organisasi").filter(pk=data.indikator_id).first()
    if ind is None or not request.user.has_perm("organisasi.lihat", ind.organisasi):
        raise HttpError(404, f"Indikator {data.indikator_id} tidak ditemukan.")
    with transaction.atomic():
        r = realisasi_simpan(
            indikator=ind,
            tahun=data.tahun,
            jenis_periode=data.jenis_periode,
            ke=data.ke,
            aktor=request.user,
            nilai=data.nilai,
            nilai_teks=data.nilai_teks,
            pembilang=data.pembilang,
            penyebut=data.penyebut,
            penjelasan=data.penjelasan,
            alasan="API",
        )
        if data.ajukan:
            r = realisasi_ajukan(realisasi=r, aktor=request.user)
    return _realisasi_out(r)


from kinerja.evaluasi.api import router as _router_evaluasi  # noqa: E402

api.add_router("", _router_evaluasi)  # /organisasi/{slug}/{tahun}/lke, /tindak-lanjut


@api.get(
    "/organisasi/{slug}/{tahun}/rencana-aksi",
    response={200: skema.RencanaAksiOut, **_BACA},
    tags=["perencanaan"],
)
def rencana_aksi(
    request,
    slug: skema.Slug,
    tahun: skema.Tahun,
    bulan: Annotated[
        int | None,
        Query(None, ge=1, le=12, description="keadaan s.d. akhir bulan ini (1-12; bawaan 12)"),
    ] = None,
):
    """The rencana aksi of the unit and year as on the board: every step with its targets
    per month or quarter, budget, monthly realisasi, planned vs done up to `bulan`, and the
    reconciliation of the steps' budgets with the RKT pagu of their kegiatan. Same rule as the
    page: `perencanaan.lihat_renaksi` (the unit and the roles above it)."""
    from kinerja.perencanaan import pemilih_renaksi

    org = _organisasi(request, slug)
    if not request.user.has_perm("perencanaan.lihat_renaksi", org):
        raise HttpError(404, f"Organisasi '{slug}' tidak ditemukan.")
    bulan = bulan or 12
    langkah = []
    for b in pemilih_renaksi.papan(org, tahun, bulan):
        x = b.langkah
        langkah.append(
            {
                "id": x.pk,
                "uraian": x.uraian,
                "jenis": x.jenis,
                "jenis_periode": x.jenis_periode,
                "satuan": x.satuan,
                "butir_id": x.butir_id,
                "indikator_id": x.butir.indikator_id if x.butir_id else x.indikator_id,
                "kegiatan_id": x.kegiatan_id,
                "kegiatan": x.kegiatan.nama if x.kegiatan_id else "",
                "anggaran": _d(x.anggaran),
                "target": [{"ke": t.ke, "target": _d(t.target)} for t in x.target.all()],
                "realisasi": [
                    {
                        "bulan": r.bulan,
                        "nilai": _d(r.nilai),
                        "anggaran_terpakai": _d(r.anggaran_terpakai),
                        "ada_bukti": bool(r.bukti_sha256),
                    }
                    for r in x.realisasi.all()
                ],
                "rencana_sampai": _d(b.rencana_sampai),
                "realisasi_sampai": _d(b.capai_sampai),
                "terlambat": b.terlambat,
            }
        )
    return {
        "organisasi": org.slug,
        "tahun": tahun,
        "bulan": bulan,
        "langkah": langkah,
        "rekonsiliasi": [
            {
                "kegiatan_id": r.kegiatan.pk,
                "kegiatan": r.kegiatan.nama,
                "program": r.program.nama if r.program else "",
                "pagu": _d(r.hasil.pagu),
                "jumlah_langkah": _d(r.hasil.jumlah_langkah),
                "selisih": _d(r.hasil.selisih),
                "cocok": r.hasil.cocok,
            }
            for r in pemilih_renaksi.rekonsiliasi(org, tahun)
        ],
    }


from kinerja.skp.api import router as _router_skp  # noqa: E402

api.add_router("", _router_skp)  # /skp/...: pegawai, SKP, RHK, penilaian (issue 16)

from kinerja.monev.api import router as _router_monev  # noqa: E402

api.add_router("", _router_monev)  # /organisasi/{slug}/{tahun}/kelengkapan, /peringatan-dini

from kinerja.provinsi.api import router as _router_provinsi  # noqa: E402

api.add_router("", _router_provinsi)  # /provinsi/{slug}/{tahun}: perbandingan unit (issue 15)

from kinerja.terbuka.api import gabung_skema as _gabung_terbuka  # noqa: E402

# The open-data API is its own NinjaAPI at /terbuka/api/ (no login, keputusan 0060); its
# operations are documented here too, so this schema lists every endpoint.
_gabung_terbuka(api)
