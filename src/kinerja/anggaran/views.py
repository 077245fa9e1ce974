"""Budget pages: dashboard with charts, NKA breakdown, data errors, entry, Excel import and
export. Thin: permissions, then selectors (pemilih), services (layanan) or import (impor)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from kinerja.anggaran import ekspor as ek
from kinerja.anggaran import grafik, layanan, pemilih
from kinerja.anggaran import impor as im
from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, JenisBelanja
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ProgramAnggaran
from kinerja.rumus.bilangan import DataTidakValid

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _org(request, slug: str, perm: str = "anggaran.lihat") -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm(perm, org):
        raise PermissionDenied("Anda tidak berwenang membuka data anggaran unit ini.")
    return org


def _konteks(request, org, tahun, h=None, **lain):
    return {
        "org": org,
        "tahun": tahun,
        "h": h,
        "boleh_isi": request.user.has_perm("anggaran.isi", org),
        **lain,
    }


@login_required
def dasbor(request, slug: str, tahun: int):
    org = _org(request, slug)
    h = pemilih.anggaran(org, tahun)
    d = h.data
    bagan = {
        "rpd": grafik.rpd_realisasi(d.bulan) if any(b.rpd for b in d.bulan) else "",
        "belanja": grafik.komposisi_belanja(d.belanja) if d.belanja else "",
        "program": grafik.penyerapan_program(d.program_utama, h.penyerapan_program)
        if h.penyerapan_program
        else "",
    }
    return render(request, "anggaran/dasbor.html", _konteks(request, org, tahun, h, grafik=bagan))


@login_required
def rincian_nka(request, slug: str, tahun: int):
    org = _org(request, slug)
    h = pemilih.anggaran(org, tahun)
    return render(request, "anggaran/nka.html", _konteks(request, org, tahun, h))


@login_required
def galat(request, slug: str, tahun: int):
    org = _org(request, slug)
    h = pemilih.anggaran(org, tahun)
    return render(request, "anggaran/galat.html", _konteks(request, org, tahun, h))


@login_required
@require_http_methods(["GET", "POST"])
def isian(request, slug: str, tahun: int):
    """Entry of belanja per type, realisasi per program/kegiatan/sub kegiatan and months."""
    org = _org(request, slug)
    programs = list(pemilih.ringkasan_program(org, tahun))
    belanja = {b.jenis: b for b in BelanjaJenis.objects.filter(organisasi=org, tahun=tahun)}
    bulan = {b.bulan: b for b in AnggaranBulanan.objects.filter(organisasi=org, tahun=tahun)}
    if request.method == "POST":
        if not request.user.has_perm("anggaran.isi", org):
            raise PermissionDenied("Anda tidak berwenang mengisi data anggaran unit ini.")
        bagian = request.POST.get("bagian")
        try:
            # one section is saved whole or not at all
            with transaction.atomic():
                _simpan_bagian(request, org, tahun, bagian, programs, belanja, bulan)
        except ValidationError as e:
            for pesan in e.messages:
                messages.error(request, pesan)
            return redirect(request.path)
        messages.success(request, "Data anggaran disimpan.")
        return redirect(reverse("anggaran:dasbor", args=[slug, tahun]))
    baris_bulan = [(i, pemilih.NAMA_BULAN[i - 1], bulan.get(i)) for i in range(1, 13)]
    baris_belanja = [(j, label, belanja.get(j)) for j, label in JenisBelanja.choices]
    return render(
        request,
        "anggaran/isian.html",
        _konteks(
            request,
            org,
            tahun,
            program=programs,
            bulan=baris_bulan,
            belanja=baris_belanja,
        ),
    )


def _simpan_bagian(request, org, tahun, bagian, programs, belanja, bulan) -> None:
    """One section of the entry page through the services; errors name the row."""
    if bagian == "belanja":
        for jenis, label in JenisBelanja.choices:
            pagu = request.POST.get(f"{jenis}-pagu", "").strip()
            if pagu or jenis in belanja:
                try:
                    layanan.belanja_simpan(
                        organisasi=org,
                        tahun=tahun,
                        jenis=jenis,
                        pagu=pagu,
                        pagu_awal=request.POST.get(f"{jenis}-pagu_awal", "").strip(),
                        realisasi=request.POST.get(f"{jenis}-realisasi", "").strip() or "0",
                        aktor=request.user,
                    )
                except ValidationError as e:
                    raise ValidationError([f"{label}: {m}" for m in e.messages]) from None
    elif bagian == "program":
        per_id = {p.pk: p for p in programs}
        for p in ProgramAnggaran.objects.filter(pk__in=per_id).select_related("organisasi"):
            baru = request.POST.get(f"program-{p.pk}", "").strip()
            lama = per_id[p.pk].realisasi_nilai
            if baru != ("" if lama is None else str(lama)):
                try:
                    layanan.realisasi_program_simpan(program=p, realisasi=baru, aktor=request.user)
                except ValidationError as e:
                    raise ValidationError([f"{p.nama}: {m}" for m in e.messages]) from None
    elif bagian == "bulan":
        mode = request.POST.get("mode", "bulanan")
        akhiran = "_kumulatif" if mode == "kumulatif" else ""
        baris = []
        for i in range(1, 13):
            rpd = request.POST.get(f"bulan-{i}-rpd", "").strip()
            ra = request.POST.get(f"bulan-{i}-realisasi", "").strip()
            if rpd or ra or i in bulan:
                baris.append({"bulan": i, f"rpd{akhiran}": rpd, f"realisasi{akhiran}": ra})
        layanan.bulanan_simpan(
            organisasi=org, tahun=tahun, baris=baris, aktor=request.user, ganti_semua=True
        )


@login_required
@require_http_methods(["GET", "POST"])
def impor(request, slug: str, tahun: int):
    """Upload (dry run with row errors), then apply the checked data all or nothing."""
    org = _org(request, slug, "anggaran.isi")
    hasil = None
    if request.method == "POST" and request.POST.get("token"):
        try:
            im.terapkan(
                organisasi=org,
                tahun=tahun,
                token=request.POST["token"],
                aktor=request.user,
                nama_berkas=request.POST.get("nama_berkas", ""),
            )
        except (DataTidakValid, ValidationError) as e:
            messages.error(request, getattr(e, "pesan", None) or "; ".join(e.messages))
            return redirect(request.path)
        messages.success(request, "Impor diterapkan: RPD dan realisasi bulanan diperbarui.")
        return redirect(reverse("anggaran:dasbor", args=[slug, tahun]))
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas .xlsx terlebih dahulu.")
            return redirect(request.path)
        if berkas.size > im.UKURAN_MAKS:
            messages.error(request, "Berkas lebih dari 5 MB.")
            return redirect(request.path)
        hasil = im.pratinjau(org, tahun, berkas.read())
        hasil.nama_berkas = berkas.name
    return render(
        request,
        "anggaran/impor.html",
        _konteks(request, org, tahun, hasil=hasil, nama_bulan=pemilih.NAMA_BULAN),
    )


@login_required
def ekspor(request, slug: str, tahun: int):
    org = _org(request, slug)
    isi = ek.buku_anggaran(pemilih.anggaran(org, tahun))
    resp = HttpResponse(isi, content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="anggaran-{org.slug}-{tahun}.xlsx"'
    return resp


@login_required
def templat(request, slug: str, tahun: int):
    org = _org(request, slug)
    isi = ek.templat_bulanan(pemilih.anggaran(org, tahun))
    resp = HttpResponse(isi, content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="rpd-realisasi-{org.slug}-{tahun}.xlsx"'
    return resp
