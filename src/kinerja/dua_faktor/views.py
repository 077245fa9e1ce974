"""`/2fa/`: enrol an authenticator app, enter the login's code, and (admins) switch the
obligation on for an organisation. Thin views over `layanan`."""

from __future__ import annotations

import base64
import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.dua_faktor import layanan
from kinerja.dua_faktor.izin import wajib_dua_faktor
from kinerja.dua_faktor.models import WajibDuaFaktor
from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.models import Organisasi
from kinerja.pengguna.izin import unit_admin

_tangani_larangan = tangani_larangan("lkip/terlarang.html")


def _lanjut(request) -> str:
    nxt = request.POST.get("next") or request.GET.get("next") or "/"
    ok = url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()})
    return nxt if ok and nxt.startswith("/") else "/"


def _pesan(e: ValidationError) -> str:
    return " ".join(m for v in e.message_dict.values() for m in v)


@login_required
@require_http_methods(["GET", "POST"])
def daftar(request):
    """Enrolment: scan the QR (or type the key), confirm with the first code."""
    d = layanan.perangkat_baru(request.user)
    galat, cadangan = None, None
    if request.method == "POST":
        try:
            cadangan = layanan.konfirmasi_perangkat(request=request, kode=request.POST.get("kode"))
        except ValidationError as e:
            galat = _pesan(e)
    # the key for typing by hand, in the base32 the apps expect
    kunci = base64.b32encode(d.bin_key).decode().rstrip("=") if cadangan is None else ""
    return render(
        request,
        "dua_faktor/daftar.html",
        {
            "kunci": kunci,
            "galat": galat, "cadangan": cadangan, "lanjut": _lanjut(request),
            "wajib": wajib_dua_faktor(request.user),
        },
        status=400 if galat else 200,
    )  # fmt: skip


@login_required
def qr(request):
    """The pending device's otpauth:// URL as an SVG QR code (same origin, no inline data)."""
    d = layanan.perangkat_baru(request.user)
    keluar = io.BytesIO()
    segno.make(d.config_url, error="m").save(keluar, kind="svg", scale=5)
    return HttpResponse(
        keluar.getvalue(), content_type="image/svg+xml", headers={"Cache-Control": "no-store"}
    )


@login_required
@require_http_methods(["GET", "POST"])
def verifikasi(request):
    """The login's second step: a code from the app or a recovery code."""
    galat = None
    if request.method == "POST":
        try:
            layanan.verifikasi_masuk(request=request, kode=request.POST.get("kode"))
            return redirect(_lanjut(request))
        except ValidationError as e:
            galat = _pesan(e)
    return render(
        request,
        "dua_faktor/verifikasi.html",
        {"galat": galat, "lanjut": _lanjut(request)},
        status=400 if galat else 200,
    )


@login_required
@require_POST
def cadangan_baru(request):
    if not request.user.is_verified():
        raise PermissionDenied("Masukkan kode verifikasi dulu.")
    kode = layanan.buat_kode_cadangan(request.user)
    return render(request, "dua_faktor/daftar.html", {"cadangan": kode, "lanjut": "/"})


@login_required
@_tangani_larangan
@require_http_methods(["GET", "POST"])
def kebijakan(request):
    """An admin switches the obligation on or off for the organisations they administer."""
    puncak = unit_admin(request.user)
    if not puncak:
        raise PermissionDenied("Pengaturan verifikasi dua langkah hanya untuk admin organisasi.")
    if request.method == "POST":
        org = get_object_or_404(Organisasi, pk=request.POST.get("organisasi") or 0)
        w = layanan.atur_wajib(
            aktor=request.user, organisasi=org, wajib=request.POST.get("wajib") == "1"
        )
        messages.success(
            request,
            f"Verifikasi dua langkah untuk admin, verifikator dan evaluator {org}: "
            f"{'wajib' if w.wajib else 'tidak wajib'}.",
        )
        return redirect("dua_faktor:kebijakan")
    status = dict(
        WajibDuaFaktor.objects.filter(organisasi__in=puncak).values_list("organisasi", "wajib")
    )
    return render(
        request,
        "dua_faktor/kebijakan.html",
        {"baris": [(o, status.get(o.pk, False)) for o in puncak]},
    )
