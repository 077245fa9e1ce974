"""Evaluation records page: the SAKIP evaluation (LKE score, findings, follow-up) and BPK
follow-ups of a unit; evaluators add findings, the unit records follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kinerja.evaluasi import layanan, pemilih
from kinerja.evaluasi.models import EvaluasiSakip, StatusTindakLanjut, TemuanEvaluasi
from kinerja.organisasi.izin import dapat_mencatat_temuan
from kinerja.organisasi.models import Organisasi


def _organisasi(request, slug) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied
    return org


def _pesan_galat(e: ValidationError) -> str:
    return "; ".join(
        m for daftar in getattr(e, "message_dict", {"": e.messages}).values() for m in daftar
    )


def _tahun_lke(org) -> list[int]:
    from datetime import date

    from kinerja.evaluasi.models import LembarKerja

    ada = set(LembarKerja.objects.filter(organisasi=org).values_list("tahun", flat=True))
    return sorted(ada | {date.today().year - 1})


@login_required
def daftar(request, slug):
    org = _organisasi(request, slug)
    return render(
        request,
        "evaluasi/daftar.html",
        {
            "organisasi": org,
            "evaluasi": pemilih.evaluasi_organisasi(org),
            "bpk": pemilih.tindak_lanjut_bpk(org),
            "boleh_catat": dapat_mencatat_temuan(request.user, org),
            "status_pilihan": StatusTindakLanjut.choices,
            "tahun_lke": _tahun_lke(org),
        },
    )


@login_required
@require_POST
def catat_temuan(request, slug, pk):
    org = _organisasi(request, slug)
    evaluasi = get_object_or_404(EvaluasiSakip, pk=pk, organisasi=org)
    try:
        layanan.temuan_catat(
            evaluasi=evaluasi,
            komponen=request.POST.get("komponen", ""),
            temuan=request.POST.get("temuan", ""),
            rekomendasi=request.POST.get("rekomendasi", ""),
            aktor=request.user,
        )
        messages.success(request, "Temuan dicatat.")
    except ValidationError as e:
        messages.error(request, _pesan_galat(e))
    return redirect("evaluasi", slug=slug)


@login_required
@require_POST
def tindak_lanjut(request, slug, pk):
    org = _organisasi(request, slug)
    temuan = get_object_or_404(TemuanEvaluasi, pk=pk, evaluasi__organisasi=org)
    try:
        layanan.temuan_tindak_lanjut(
            temuan=temuan,
            tindak_lanjut=request.POST.get("tindak_lanjut", ""),
            status=request.POST.get("status", ""),
            aktor=request.user,
        )
        messages.success(request, "Tindak lanjut disimpan.")
    except ValidationError as e:
        messages.error(request, _pesan_galat(e))
    return redirect("evaluasi", slug=slug)
