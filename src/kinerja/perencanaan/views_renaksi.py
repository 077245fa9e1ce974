"""Rencana aksi pages (docs/keputusan/0049-rencana-aksi-bulanan.md): the board of a unit and
month (planned vs done per step, Gantt-like, CSS only) with the budget reconciliation, the
step form, the monthly realisasi with evidence, the Excel import and the evidence download.

Reading needs `perencanaan.lihat_renaksi` (the unit and the roles above it: verifikator and
pimpinan read only); every change `perencanaan.ubah_renaksi` (the unit's operator, admins),
checked here and again by the service.
"""

from __future__ import annotations

import io

import openpyxl
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan import impor_renaksi, layanan, layanan_renaksi, pemilih_renaksi
from kinerja.perencanaan.forms import ImporRenaksiForm, LangkahForm, RealisasiLangkahForm
from kinerja.perencanaan.models import (
    ButirPK,
    ProgramAnggaran,
    RealisasiLangkah,
    RencanaAksi,
    TingkatAnggaran,
)
from kinerja.perencanaan.views import _ke_form
from kinerja.pertukaran.sel import isi_sel

_tangani_larangan = tangani_larangan("perencanaan/terlarang.html")


def _unit(request, slug: str, tahun: int, *, ubah: bool = False) -> Organisasi:
    if not layanan.TAHUN_MIN <= tahun <= layanan.TAHUN_MAKS:
        raise Http404("Tahun tidak dikenal.")
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("perencanaan.lihat_renaksi", org):
        raise PermissionDenied(f"Anda tidak memiliki peran di {org}.")
    if ubah and not request.user.has_perm("perencanaan.ubah_renaksi", org):
        raise PermissionDenied(
            f"Rencana aksi {org} hanya diubah oleh operator unit itu; peran Anda hanya membaca."
        )
    return org


def _bulan_kini(tahun: int) -> int:
    hari = timezone.localdate()
    return hari.month if hari.year == tahun else (12 if hari.year > tahun else 1)


def _ke_papan(org: Organisasi, tahun: int):
    return redirect("perencanaan:renaksi", org.slug, tahun)


@require_GET
@login_required
@_tangani_larangan
def papan(request, slug: str, tahun: int):
    """The board: steps × months (planned, done, behind), and the budget reconciliation."""
    org = _unit(request, slug, tahun)
    try:
        bulan = int(request.GET.get("bulan") or _bulan_kini(tahun))
    except ValueError:
        bulan = _bulan_kini(tahun)
    if not 1 <= bulan <= 12:
        messages.error(request, f"Bulan {bulan} di luar tahun {tahun}; ditampilkan Desember.")
        bulan = 12
    baris = pemilih_renaksi.papan(org, tahun, bulan)
    return render(
        request,
        "perencanaan/renaksi.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "bulan": bulan,
            "nama_bulan": layanan_renaksi.NAMA_BULAN[bulan - 1],
            "daftar_bulan": list(enumerate(layanan_renaksi.NAMA_BULAN, start=1)),
            "baris": baris,
            "terlambat": sum(1 for b in baris if b.terlambat),
            "rekonsiliasi": pemilih_renaksi.rekonsiliasi(org, tahun),
            "boleh_ubah": request.user.has_perm("perencanaan.ubah_renaksi", org),
        },
    )


def _pilihan(org: Organisasi, tahun: int):
    butir = list(
        ButirPK.objects.filter(pk_dokumen__organisasi=org, pk_dokumen__tahun=tahun)
        .select_related("indikator")
        .order_by("urutan")
    )
    kegiatan = list(
        ProgramAnggaran.objects.filter(organisasi=org, tahun=tahun)
        .exclude(tingkat=TingkatAnggaran.PROGRAM)
        .order_by("urutan", "pk")
    )
    return {"butir": butir, "kegiatan": kegiatan}


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def langkah(request, slug: str, tahun: int, pk: int | None = None):
    """Create (pk None) or change a step with its targets and budget."""
    org = _unit(request, slug, tahun, ubah=True)
    obj = get_object_or_404(RencanaAksi, pk=pk, organisasi=org, tahun=tahun) if pk else None
    if request.method == "POST":
        form = LangkahForm(request.POST, **_pilihan(org, tahun))
        if form.is_valid():
            try:
                obj = layanan_renaksi.langkah_simpan(
                    organisasi=org, tahun=tahun, aktor=request.user, isian=form.isian(), langkah=obj
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(request, f"Langkah '{obj.uraian[:60]}' tersimpan.")
                return _ke_papan(org, tahun)
    else:
        awal = {}
        if obj:
            awal = {
                "uraian": obj.uraian,
                "butir": obj.butir_id,
                "kegiatan": obj.kegiatan_id,
                "jenis": obj.jenis,
                "jenis_periode": obj.jenis_periode,
                "satuan": obj.satuan,
                "anggaran": obj.anggaran,
                "urutan": obj.urutan,
            } | {f"target_{t.ke}": t.target for t in obj.target.all()}
        form = LangkahForm(initial=awal, **_pilihan(org, tahun))
    return render(
        request,
        "perencanaan/renaksi_langkah.html",
        {"organisasi": org, "tahun": tahun, "form": form, "langkah": obj},
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def realisasi(request, slug: str, tahun: int, pk: int):
    """The realisasi of one month of a step, with an evidence file."""
    org = _unit(request, slug, tahun, ubah=True)
    obj = get_object_or_404(RencanaAksi, pk=pk, organisasi=org, tahun=tahun)
    if request.method == "POST":
        form = RealisasiLangkahForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            try:
                r = layanan_renaksi.realisasi_langkah_simpan(
                    langkah=obj,
                    aktor=request.user,
                    bulan=d["bulan"],
                    nilai=d["nilai"],
                    anggaran_terpakai=d.get("anggaran_terpakai"),
                    catatan=d.get("catatan", ""),
                    berkas=d.get("berkas"),
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(
                    request,
                    f"Realisasi {layanan_renaksi.NAMA_BULAN[r.bulan - 1]} untuk "
                    f"'{obj.uraian[:60]}' tersimpan.",
                )
                return redirect(f"{request.path}")
    else:
        form = RealisasiLangkahForm(initial={"bulan": _bulan_kini(tahun)})
    return render(
        request,
        "perencanaan/renaksi_realisasi.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "form": form,
            "langkah": obj,
            "realisasi": list(obj.realisasi.order_by("bulan")),
            "target": list(obj.target.order_by("ke")),
        },
    )


@require_GET
@login_required
@_tangani_larangan
def bukti(request, slug: str, tahun: int, pk: int):
    """Download the evidence of a step's month; never inline."""
    org = _unit(request, slug, tahun)
    r = get_object_or_404(
        RealisasiLangkah, pk=pk, rencana_aksi__organisasi=org, rencana_aksi__tahun=tahun
    )
    if not r.bukti:
        raise Http404("Realisasi ini tidak memiliki bukti dukung.")
    try:
        berkas = r.bukti.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti dukung tidak ditemukan di penyimpanan.") from None
    respons = FileResponse(
        berkas, as_attachment=True, filename=r.bukti_nama, content_type=r.bukti_mime
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "private, no-store"
    return respons


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def impor(request, slug: str, tahun: int):
    """Upload a workbook: without 'terapkan' a dry run; with it, all rows or none."""
    org = _unit(request, slug, tahun, ubah=True)
    hasil = None
    if request.method == "POST":
        form = ImporRenaksiForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                hasil = impor_renaksi.terapkan(
                    organisasi=org,
                    tahun=tahun,
                    berkas=form.cleaned_data["berkas"],
                    aktor=request.user,
                    uji=not form.cleaned_data["terapkan"],
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                if hasil.diterapkan:
                    messages.success(
                        request, f"{len(hasil.baris)} langkah rencana aksi diimpor dari Excel."
                    )
                    return _ke_papan(org, tahun)
    else:
        form = ImporRenaksiForm()
    return render(
        request,
        "perencanaan/renaksi_impor.html",
        {"organisasi": org, "tahun": tahun, "form": form, "hasil": hasil},
    )


@require_GET
@login_required
@_tangani_larangan
def templat(request, slug: str, tahun: int):
    """The import template, filled with the unit's current steps (cells through isi_sel)."""
    org = _unit(request, slug, tahun)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = impor_renaksi.LEMBAR
    for i, k in enumerate(impor_renaksi.KOLOM, start=1):
        isi_sel(ws.cell(1, i), k)
    for r, b in enumerate(pemilih_renaksi.papan(org, tahun, 12), start=2):
        x = b.langkah
        target = {t.ke: t.target for t in x.target.all()}
        nilai = [
            x.uraian,
            x.butir.indikator.kode if x.butir_id else "",
            x.kegiatan.nama if x.kegiatan_id else "",
            x.jenis,
            x.jenis_periode,
            x.satuan,
            x.anggaran,
            x.urutan,
            *[target.get(ke) for ke in range(1, 13)],
        ]
        for i, v in enumerate(nilai, start=1):
            isi_sel(ws.cell(r, i), v)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    respons = HttpResponse(
        keluaran.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    respons["Content-Disposition"] = f'attachment; filename="rencana-aksi-{org.slug}-{tahun}.xlsx"'
    return respons
