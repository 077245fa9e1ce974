"""SKP pages: the unit's employees (and their Excel import), one employee's SKP (RHK,
realisasi with evidence, the atasan's assessment), the cascade tree and the distribution of
predikat beside the unit's capaian. Views are thin: selectors read, services write."""

from __future__ import annotations

import base64
import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from kinerja.inti.larangan import tangani_larangan
from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ButirPK
from kinerja.pertukaran.berkas import baca_unggahan
from kinerja.rumus import skp as rumus
from kinerja.skp import impor, izin, layanan, pemilih
from kinerja.skp.models import (
    RHK,
    SKP,
    AspekIndikator,
    BuktiRHK,
    IndikatorRHK,
    JenisJabatan,
    JenisRHK,
    Pegawai,
    PeriodeSKP,
    Rating,
)

TERLARANG = "skp/terlarang.html"
KUNCI_SESI = "skp_impor_pegawai"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _tahun(tahun: int) -> int:
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404("Tahun di luar batas.")
    return tahun


def _unit(request, slug: str) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not izin.dapat_melihat_skp_unit(request.user, org):
        raise PermissionDenied(f"Anda tidak berwenang melihat data pegawai {org.nama}.")
    return org


def _pesan(e: ValidationError) -> list[str]:
    if hasattr(e, "error_dict"):
        return [m for v in e.message_dict.values() for m in v]
    return e.messages


# --- unit -----------------------------------------------------------------------------------


@login_required
@require_GET
@tangani_larangan(TERLARANG)
def unit(request, slug: str, tahun: int):
    org, tahun = _unit(request, slug), _tahun(tahun)
    return render(
        request,
        "skp/unit.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "daftar": pemilih.daftar_pegawai(request.user, org),
            "boleh_kelola": izin.admin_sdm(request.user, org),
            "saya": izin.pegawai_pengguna(request.user),
        },
    )


# --- import ---------------------------------------------------------------------------------


def _halaman_impor(request, org, *, rencana=None, sha=None, galat=None, status=200):
    return render(
        request,
        "skp/impor.html",
        {"organisasi": org, "rencana": rencana, "sha": sha, "galat": galat or []},
        status=status,
    )


def _admin(request, slug) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not izin.admin_sdm(request.user, org):
        raise PermissionDenied(
            f"Hanya admin kepegawaian {org.nama} atau unit di atasnya yang dapat mengelola pegawai."
        )
    return org


@login_required
@tangani_larangan(TERLARANG)
def impor_halaman(request, slug: str):
    org = _admin(request, slug)
    if request.method != "POST":
        return _halaman_impor(request, org)
    berkas = request.FILES.get("berkas")
    if berkas is None:
        return _halaman_impor(request, org, galat=["Pilih berkas Excel (.xlsx)."], status=400)
    try:
        isi = baca_unggahan(berkas)
    except ValidationError as e:
        return _halaman_impor(request, org, galat=e.messages, status=400)
    rencana = impor.rencana_pegawai(
        organisasi=org, isi=isi, nama_berkas=berkas.name, aktor=request.user
    )
    sha = hashlib.sha256(isi).hexdigest()
    if rencana.sah and rencana.ada_perubahan:
        request.session[KUNCI_SESI] = {
            "organisasi": org.pk,
            "nama": berkas.name,
            "sha": sha,
            "isi": base64.b64encode(isi).decode("ascii"),
        }
    else:
        request.session.pop(KUNCI_SESI, None)
    return _halaman_impor(request, org, rencana=rencana, sha=sha)


@login_required
@require_POST
@tangani_larangan(TERLARANG)
def impor_terapkan(request, slug: str):
    org = _admin(request, slug)
    simpanan = request.session.get(KUNCI_SESI)
    if (
        not simpanan
        or simpanan["sha"] != request.POST.get("sha")
        or simpanan["organisasi"] != org.pk
    ):
        messages.error(
            request, "Pratinjau impor tidak ditemukan atau berkasnya berubah; unggah lagi."
        )
        return redirect("skp:impor", slug=org.slug)
    rencana = impor.impor_pegawai(
        organisasi=org,
        isi=base64.b64decode(simpanan["isi"]),
        nama_berkas=simpanan["nama"],
        aktor=request.user,
    )
    request.session.pop(KUNCI_SESI, None)
    if not rencana.sah:
        return _halaman_impor(request, org, rencana=rencana, status=400)
    r = rencana.ringkasan
    messages.success(
        request,
        f"Impor pegawai diterapkan: {r[impor.BARU]} baru, {r[impor.UBAH]} diubah, "
        f"{r[impor.TETAP]} tanpa perubahan.",
    )
    return redirect("skp:impor", slug=org.slug)


@login_required
@require_GET
@tangani_larangan(TERLARANG)
def impor_templat(request, slug: str):
    org = _admin(request, slug)
    resp = HttpResponse(impor.templat_pegawai(org), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="pegawai-{org.slug}.xlsx"'
    return resp


# --- one employee ---------------------------------------------------------------------------


def _pegawai(request, pk: int) -> Pegawai:
    p = get_object_or_404(Pegawai.objects.select_related("organisasi", "atasan", "pengguna"), pk=pk)
    if not izin.dapat_melihat_pribadi(request.user, p):
        raise PermissionDenied(
            f"Data dan SKP {p.nama} hanya untuk pegawai itu, atasannya dan admin kepegawaian."
        )
    return p


@login_required
@tangani_larangan(TERLARANG)
def pegawai_baru(request, slug: str):
    return _form_pegawai(request, None, _admin(request, slug))


@login_required
@tangani_larangan(TERLARANG)
def pegawai_ubah(request, pk: int):
    p = get_object_or_404(Pegawai.objects.select_related("organisasi", "atasan", "pengguna"), pk=pk)
    return _form_pegawai(request, p, _admin(request, p.organisasi.slug))


def _form_pegawai(request, p: Pegawai | None, unit: Organisasi):
    galat: dict = {}
    isian = {
        "nip": p.nip if p else "",
        "nama": p.nama if p else "",
        "golongan": p.golongan if p else "",
        "jabatan": p.jabatan if p else "",
        "jenis_jabatan": p.jenis_jabatan if p else JenisJabatan.PELAKSANA,
        "unit": p.organisasi.slug if p else unit.slug,
        "nip_atasan": p.atasan.nip if p and p.atasan_id else "",
        "akun": p.pengguna.username if p and p.pengguna_id else "",
    }
    if request.method == "POST":
        isian = {k: request.POST.get(k, "").strip() for k in isian}
        org = Organisasi.objects.filter(slug=isian["unit"]).first()
        atasan = (
            Pegawai.objects.filter(nip=isian["nip_atasan"]).select_related("organisasi").first()
            if isian["nip_atasan"]
            else None
        )
        try:
            if isian["nip_atasan"] and atasan is None:
                raise ValidationError(
                    {"atasan": f"Atasan dengan NIP {isian['nip_atasan']} tidak ada."}
                )
            p = layanan.pegawai_simpan(
                pegawai=p,
                aktor=request.user,
                data=layanan.DataPegawai(
                    nip=isian["nip"],
                    nama=isian["nama"],
                    golongan=isian["golongan"],
                    jabatan=isian["jabatan"],
                    jenis_jabatan=isian["jenis_jabatan"],
                    organisasi=org,
                    atasan=atasan,
                    pengguna=layanan.cari_pengguna(isian["akun"]),
                ),
            )
            messages.success(request, f"Data pegawai {isian['nama']} disimpan.")
            return redirect("skp:pegawai_ubah", pk=p.pk)
        except ValidationError as e:
            galat = e.message_dict if hasattr(e, "error_dict") else {"__all__": e.messages}
    return render(
        request,
        "skp/pegawai_ubah.html",
        {
            "pegawai": p,
            "unit": unit,
            "isian": isian,
            "galat": galat,
            "jenis_pilihan": JenisJabatan.choices,
        },
        status=400 if galat else 200,
    )


def _konteks_skp(request, p: Pegawai, tahun: int, skp: SKP | None) -> dict:
    rinci = pemilih.skp_rinci(skp) if skp else {"rhk": [], "penilaian": [], "riwayat": []}
    return {
        "pegawai": p,
        "tahun": tahun,
        "skp": skp,
        "rhk": rinci["rhk"],
        "penilaian": rinci["penilaian"],
        "riwayat": rinci["riwayat"],
        "boleh_isi": izin.dapat_mengisi_skp(request.user, p),
        "boleh_nilai": izin.dapat_menilai(request.user, p),
        "bawahan": pemilih.bawahan_langsung(p),
        "pilihan_atasan": pemilih.pilihan_rhk_atasan(skp) if skp else [],
        "pilihan_butir": pemilih.pilihan_butir_pk(skp) if skp else [],
        "aspek_pilihan": AspekIndikator.choices,
        "jenis_rhk": JenisRHK.choices,
        "rating_pilihan": Rating.choices,
        "periode_pilihan": PeriodeSKP.choices,
        "berakhlak": rumus.BERAKHLAK,
        "matriks": [
            (
                rumus.LABEL_RATING[h],
                [rumus.LABEL_PREDIKAT[rumus.MATRIKS_PREDIKAT[(h, q)]] for q in rumus.RATING],
            )
            for h in rumus.RATING
        ],
        "label_rating": [rumus.LABEL_RATING[q] for q in rumus.RATING],
    }


@login_required
@tangani_larangan(TERLARANG)
def skp_halaman(request, pk: int, tahun: int):
    p, tahun = _pegawai(request, pk), _tahun(tahun)
    skp = SKP.objects.filter(pegawai=p, tahun=tahun).select_related("organisasi").first()
    return render(request, "skp/skp.html", _konteks_skp(request, p, tahun, skp))


def _kembali(p, tahun):
    return redirect("skp:skp", pk=p.pk, tahun=tahun)


def _salah(request, e: ValidationError) -> None:
    for m in _pesan(e):
        messages.error(request, m)


@login_required
@require_POST
@tangani_larangan(TERLARANG)
def rhk_tambah(request, pk: int, tahun: int):
    p, tahun = _pegawai(request, pk), _tahun(tahun)
    try:
        skp = layanan.skp_buat(pegawai=p, tahun=tahun, aktor=request.user)
        atasan_id = request.POST.get("rhk_atasan") or ""
        butir_id = request.POST.get("butir_pk") or ""
        indikator = [
            layanan.IsianIndikator(
                aspek=aspek,
                uraian=request.POST.get(f"uraian_{aspek}", ""),
                target=request.POST.get(f"target_{aspek}", ""),
                satuan=request.POST.get(f"satuan_{aspek}", ""),
            )
            for aspek in AspekIndikator.values
            if request.POST.get(f"uraian_{aspek}", "").strip()
            or request.POST.get(f"target_{aspek}", "").strip()
        ]
        layanan.rhk_simpan(
            skp=skp,
            aktor=request.user,
            uraian=request.POST.get("uraian", ""),
            jenis=request.POST.get("jenis", JenisRHK.UTAMA),
            rhk_atasan=RHK.objects.filter(pk=atasan_id).select_related("skp__pegawai").first()
            if atasan_id.isdigit()
            else None,
            butir_pk=ButirPK.objects.filter(pk=butir_id)
            .select_related("pk_dokumen__organisasi")
            .first()
            if butir_id.isdigit()
            else None,
            indikator=indikator,
        )
        messages.success(request, "RHK disimpan.")
    except ValidationError as e:
        _salah(request, e)
    return _kembali(p, tahun)


@login_required
@require_POST
@tangani_larangan(TERLARANG)
def realisasi_isi(request, pk: int, tahun: int, indikator: int):
    p, tahun = _pegawai(request, pk), _tahun(tahun)
    ind = get_object_or_404(IndikatorRHK, pk=indikator, rhk__skp__pegawai=p, rhk__skp__tahun=tahun)
    try:
        ke = request.POST.get("ke", "")
        with transaction.atomic():  # the value and its evidence, or neither
            r = layanan.realisasi_rhk_simpan(
                indikator=ind,
                jenis_periode=request.POST.get("jenis_periode", ""),
                ke=int(ke) if ke.isdigit() else -1,
                nilai=request.POST.get("nilai", ""),
                keterangan=request.POST.get("keterangan", ""),
                aktor=request.user,
            )
            if request.FILES.get("bukti"):
                layanan.bukti_rhk_unggah(
                    realisasi=r, berkas=request.FILES["bukti"], aktor=request.user
                )
        messages.success(request, "Realisasi disimpan.")
    except ValidationError as e:
        _salah(request, e)
    return _kembali(p, tahun)


@login_required
@require_POST
@tangani_larangan(TERLARANG)
def nilai(request, pk: int, tahun: int):
    p, tahun = _pegawai(request, pk), _tahun(tahun)
    skp = SKP.objects.filter(pegawai=p, tahun=tahun).first()
    if skp is None:
        messages.error(request, f"{p.nama} belum menyusun SKP {tahun}; belum ada yang dinilai.")
        return _kembali(p, tahun)
    try:
        ke = request.POST.get("ke", "")
        pn = layanan.penilaian_simpan(
            skp=skp,
            jenis_periode=request.POST.get("jenis_periode", ""),
            ke=int(ke) if ke.isdigit() else -1,
            rating_hasil=request.POST.get("rating_hasil", ""),
            rating_perilaku=request.POST.get("rating_perilaku", ""),
            umpan_balik={k: request.POST.get(f"umpan_{k}", "") for k in rumus.KODE_BERAKHLAK},
            catatan=request.POST.get("catatan", ""),
            tandatangani=request.POST.get("tandatangani") == "1",
            aktor=request.user,
        )
        status = "ditandatangani" if pn.ditandatangani else "disimpan sebagai draf"
        messages.success(
            request, f"Penilaian {status}: predikat {rumus.LABEL_PREDIKAT[pn.predikat]}."
        )
    except ValidationError as e:
        _salah(request, e)
    return _kembali(p, tahun)


@login_required
@require_GET
@tangani_larangan(TERLARANG)
def bukti_unduh(request, pk: int):
    b = get_object_or_404(
        BuktiRHK.objects.select_related("realisasi__indikator__rhk__skp__pegawai__organisasi"),
        pk=pk,
    )
    if not izin.dapat_melihat_pribadi(request.user, b.realisasi.indikator.rhk.skp.pegawai):
        raise Http404("Bukti tidak ditemukan.")
    return FileResponse(b.berkas.open("rb"), as_attachment=True, filename=b.nama_asli)


# --- cascade and distribution ---------------------------------------------------------------


@login_required
@require_GET
@tangani_larangan(TERLARANG)
def cascade(request, slug: str, tahun: int):
    org, tahun = _unit(request, slug), _tahun(tahun)
    return render(
        request,
        "skp/cascade.html",
        {"organisasi": org, "tahun": tahun, "pohon": pemilih.pohon_cascade(org, tahun)},
    )


@login_required
@require_GET
@tangani_larangan(TERLARANG)
def distribusi(request, slug: str, tahun: int):
    org, tahun = _unit(request, slug), _tahun(tahun)
    jenis = request.GET.get("periode", PeriodeSKP.TAHUN)
    ke_teks = request.GET.get("ke", "1")
    ke = int(ke_teks) if ke_teks.isdigit() else 0
    galat = layanan.periksa_periode(jenis, ke, tahunan_boleh=True)
    if galat:
        for m in galat.values():
            messages.error(request, m)
        jenis, ke = PeriodeSKP.TAHUN, 1
    d = pemilih.distribusi_predikat(
        org,
        tahun,
        jenis,
        ke,
        hanya_terverifikasi=not request.user.has_perm("organisasi.lihat_draf", org),
    )
    return render(
        request,
        "skp/distribusi.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "d": d,
            "predikat": [(k, rumus.LABEL_PREDIKAT[k]) for k in rumus.PREDIKAT],
            "periode_pilihan": PeriodeSKP.choices,
        },
    )
