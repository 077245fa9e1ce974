"""The LKIP page: build with progress, download, edit narrative blocks, template up/download.

Every view needs login and `organisasi.lihat` on the unit (403 otherwise); building, editing
a narrative block and uploading the template also need `lkip.susun` (the unit's operators and
admins at or above it, keputusan 0021). Views are thin over `layanan` and `pemilih`.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kinerja.inti.larangan import tangani_larangan
from kinerja.lkip import layanan, pemilih
from kinerja.lkip.cek_templat import cek_templat
from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan, TemplatLkip
from kinerja.lkip.templat import templat_bawaan
from kinerja.organisasi.models import Organisasi

_tangani_larangan = tangani_larangan("lkip/terlarang.html")


def _unit(request, slug: str) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied("Anda tidak memiliki peran di unit ini.")
    return org


def _unit_susun(request, slug: str) -> Organisasi:
    org = _unit(request, slug)
    if not request.user.has_perm("lkip.susun", org):
        raise PermissionDenied(
            f"LKIP {org.nama} hanya dapat dibangun dan disunting oleh operator unit itu "
            "atau admin; Anda dapat membaca dan mengunduhnya."
        )
    return org


@login_required
@_tangani_larangan
def halaman(request, slug: str, tahun: int):
    org = _unit(request, slug)
    pekerjaan = pemilih.pekerjaan_terakhir(org, tahun)
    terakhir = next((p for p in pekerjaan if p.status == StatusPekerjaan.SELESAI), None)
    edit = pemilih.narasi_tersimpan(org, tahun)
    return render(
        request,
        "lkip/halaman.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "pekerjaan": pekerjaan,
            "aktif": any(p.aktif for p in pekerjaan),
            "narasi": terakhir.narasi if terakhir else [],
            "edit": edit,
            "templat": TemplatLkip.objects.filter(organisasi=org).first(),
            "format": layanan.FORMAT,
            "boleh_susun": request.user.has_perm("lkip.susun", org),
            "perubahan": pemilih.perubahan_sejak_bangun(terakhir),
        },
    )


@login_required
@require_POST
@_tangani_larangan
def bangun(request, slug: str, tahun: int):
    org = _unit_susun(request, slug)
    format_ = [f for f in request.POST.getlist("format") if f in layanan.FORMAT]
    if not format_:
        messages.error(request, "Pilih sedikitnya satu format: DOCX, PDF atau XLSX.")
        return redirect("lkip:halaman", slug, tahun)
    try:
        layanan.mulai_pekerjaan(organisasi=org, tahun=tahun, format=format_, aktor=request.user)
    except layanan.PembangunanBerjalan as e:
        messages.error(request, str(e))
        return redirect("lkip:halaman", slug, tahun)
    messages.success(request, "Pembangunan LKIP masuk antrean; kemajuannya tampil di bawah.")
    return redirect("lkip:halaman", slug, tahun)


@login_required
@_tangani_larangan
def unduh(request, pk: int, nama: str):
    p = get_object_or_404(PekerjaanLkip.objects.select_related("organisasi"), pk=pk)
    _unit(request, p.organisasi.slug)
    if nama not in p.berkas:
        raise Http404("Berkas tidak ada pada pembangunan ini.")
    path = Path(p.folder) / nama
    if not path.is_file():
        raise Http404("Berkas sudah tidak tersedia; bangun ulang.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=nama)


@login_required
@_tangani_larangan
def narasi(request, slug: str, tahun: int, kunci: str):
    from kinerja.lkip.struktur import susun_lkip

    org = _unit_susun(request, slug)
    dok = susun_lkip(org, tahun)
    blok = next((n for n in dok.narasi if n.kunci == kunci), None)
    if blok is None:
        raise Http404("Blok narasi tidak dikenal.")
    if request.method == "POST":
        if "kembalikan" in request.POST:
            layanan.narasi_kembalikan(organisasi=org, tahun=tahun, kunci=kunci, aktor=request.user)
            messages.success(request, "Narasi dikembalikan ke teks otomatis.")
            return redirect("lkip:halaman", slug, tahun)
        try:
            layanan.narasi_simpan(
                organisasi=org,
                tahun=tahun,
                kunci=kunci,
                teks=request.POST.get("teks", ""),
                hash_angka=blok.hash_angka,
                aktor=request.user,
            )
        except ValueError as e:
            messages.error(request, str(e))
        else:
            messages.success(request, "Narasi disimpan; dipakai pada pembangunan berikutnya.")
            return redirect("lkip:halaman", slug, tahun)
    return render(request, "lkip/narasi.html", {"organisasi": org, "tahun": tahun, "blok": blok})


@login_required
def templat_unduh(request):
    return FileResponse(
        templat_bawaan().open("rb"), as_attachment=True, filename="templat-lkip-kinerja.docx"
    )


@login_required
@require_POST
@_tangani_larangan
def templat_unggah(request, slug: str, tahun: int):
    org = _unit_susun(request, slug)
    berkas = request.FILES.get("berkas")
    if berkas is None or not berkas.name.lower().endswith(".docx"):
        messages.error(request, "Pilih berkas templat Word (.docx).")
        return redirect("lkip:halaman", slug, tahun)
    hasil = cek_templat(berkas)
    if not hasil.baik:
        for p in hasil.pesan():
            messages.error(request, p)
        return redirect("lkip:halaman", slug, tahun)
    berkas.seek(0)
    t, _ = TemplatLkip.objects.get_or_create(organisasi=org, defaults={"nama_asli": berkas.name})
    t.berkas.save(f"{org.slug}.docx", berkas, save=False)
    t.nama_asli, t.diunggah_oleh = berkas.name, request.user
    t.save()
    messages.success(request, "Templat diperiksa dan dipakai untuk pembangunan berikutnya.")
    return redirect("lkip:halaman", slug, tahun)


# --- batch build of every unit below (keputusan 0059) ----------------------------------


def _unit_massal(request, slug: str, tahun: int) -> Organisasi:
    if not 2000 <= tahun <= 2100:
        raise Http404("Tahun harus antara 2000 dan 2100.")
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("lkip.lihat_massal", org):
        raise PermissionDenied(
            f"LKIP massal {org.nama} hanya untuk operator dan admin {org.nama} serta pimpinan, "
            "verifikator dan evaluator di atasnya."
        )
    return org


@login_required
@_tangani_larangan
def massal(request, slug: str, tahun: int):
    from kinerja.lkip import massal as lm

    org = _unit_massal(request, slug, tahun)
    boleh = request.user.has_perm("lkip.bangun_massal", org)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied(
                f"LKIP massal {org.nama} dimulai oleh operator atau admin {org.nama}."
            )
        format_ = request.POST.getlist("format")
        jenis = request.POST.getlist("jenis")
        try:
            lm.mulai_massal(induk=org, tahun=tahun, format=format_, jenis=jenis, aktor=request.user)
        except (lm.MassalBerjalan, ValueError) as e:
            messages.error(request, str(e))
        else:
            messages.success(
                request, "LKIP massal masuk antrean; kemajuan per unit tampil di bawah."
            )
        return redirect("lkip:massal", slug, tahun)
    p = pemilih.massal_terakhir(org, tahun)
    return render(
        request,
        "lkip/massal.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "pekerjaan": p,
            "unit": pemilih.unit_massal(p) if p else [],
            "jenis": lm.jenis_bawahan(org),
            "format": layanan.FORMAT,
            "boleh": boleh,
            "aktif": bool(p and p.aktif),
        },
    )


@login_required
@_tangani_larangan
def massal_unduh(request, slug: str, tahun: int):
    org = _unit_massal(request, slug, tahun)
    p = pemilih.massal_terakhir(org, tahun, selesai=True)
    if p is None or not p.zip:
        raise Http404("Belum ada LKIP massal yang selesai untuk unit dan tahun ini.")
    path = Path(p.folder) / p.zip
    if not path.is_file():
        raise Http404("Berkas ZIP sudah tidak tersedia; mulai ulang LKIP massal.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=p.zip)
