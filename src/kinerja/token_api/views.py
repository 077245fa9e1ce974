"""`/token/`: an organisation's admin creates, lists and revokes the API service tokens of
the systems that call Kinerja (docs/keputusan/0046-token-api-layanan.md). Thin views."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.models import Organisasi
from kinerja.pengguna.izin import mengelola_unit, unit_admin
from kinerja.pengguna.pemilih import unit_kelola
from kinerja.token_api import layanan, pemilih
from kinerja.token_api.models import Akses, TokenLayanan

_tangani_larangan = tangani_larangan("lkip/terlarang.html")


class FormToken(forms.Form):
    nama = forms.CharField(
        max_length=100, label="Sistem pemakai", help_text="mis. SIPD, e-TPP, dasbor provinsi",
        error_messages={"required": "Wajib diisi: nama sistem yang memakai token."},
    )  # fmt: skip
    keterangan = forms.CharField(max_length=300, required=False, label="Keterangan")
    organisasi = forms.ModelChoiceField(
        queryset=Organisasi.objects.none(), label="Organisasi penerbit",
        error_messages={"required": "Pilih organisasi.", "invalid_choice": "Pilih dari daftar."},
    )  # fmt: skip
    akses = forms.ChoiceField(choices=Akses.choices, label="Akses")
    unit = forms.ModelMultipleChoiceField(
        queryset=Organisasi.objects.none(), label="Cakupan unit",
        error_messages={"required": "Pilih sedikitnya satu unit.",
                        "invalid_choice": "Pilih unit dari daftar."},
    )  # fmt: skip
    termasuk_bawahan = forms.BooleanField(
        required=False, initial=True, label="Termasuk unit di bawah unit yang dipilih"
    )
    berlaku_sampai = forms.DateField(
        label="Berlaku sampai", widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Wajib diisi (TTTT-BB-HH).",
                        "invalid": "Tanggal harus berformat TTTT-BB-HH."},
    )  # fmt: skip

    def __init__(self, *args, unit=(), **kwargs):
        super().__init__(*args, **kwargs)
        qs = Organisasi.objects.filter(pk__in=[u.pk for u in unit]).order_by("jalur")
        for f in ("organisasi", "unit"):
            self.fields[f].queryset = qs
            self.fields[f].label_from_instance = lambda o: "\u2003" * o.kedalaman + o.nama


def _admin(request):
    if not unit_admin(request.user):
        raise PermissionDenied("Halaman token API hanya untuk admin organisasi.")


@login_required
@_tangani_larangan
@require_http_methods(["GET", "POST"])
def daftar(request):
    _admin(request)
    unit = unit_kelola(request.user)
    awal = {"berlaku_sampai": timezone.localdate() + dt.timedelta(days=90), "akses": Akses.BACA}
    form = FormToken(request.POST or None, unit=unit, initial=awal)
    rahasia, baru = None, None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                baru, rahasia = layanan.token_buat(
                    aktor=request.user, organisasi=d["organisasi"], nama=d["nama"],
                    akses=d["akses"], unit=list(d["unit"]), berlaku_sampai=d["berlaku_sampai"],
                    termasuk_bawahan=d["termasuk_bawahan"], keterangan=d["keterangan"],
                )  # fmt: skip
            except ValidationError as e:
                for bidang, pesan in e.message_dict.items():
                    form.add_error(bidang if bidang in form.fields else None, pesan)
        if rahasia is None:
            status = 400
        else:
            form = FormToken(unit=unit, initial=awal)
    return render(
        request,
        "token_api/daftar.html",
        {"token": pemilih.token_dikelola(request.user), "form": form, "baru": baru,
         "rahasia": rahasia, "hari_ini": timezone.localdate()},
        status=status,
    )  # fmt: skip


def _token(request, pk) -> TokenLayanan:
    t = get_object_or_404(TokenLayanan.objects.select_related("organisasi"), pk=pk)
    if not mengelola_unit(request.user, t.organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengelola token {t.organisasi}.")
    return t


@login_required
@_tangani_larangan
def rincian(request, pk):
    t = _token(request, pk)
    return render(
        request,
        "token_api/rincian.html",
        {"t": t, "panggilan": pemilih.panggilan_terakhir(t), "riwayat": t.history.all()[:20]},
    )


@login_required
@_tangani_larangan
@require_POST
def cabut(request, pk):
    t = _token(request, pk)
    try:
        layanan.token_cabut(aktor=request.user, token=t, alasan=request.POST.get("alasan", ""))
        messages.success(request, f"Token {t} dicabut: panggilan berikutnya ditolak (401).")
    except ValidationError as e:
        messages.error(
            request,
            " ".join(m for v in e.message_dict.values() for m in v)
            if hasattr(e, "error_dict")
            else " ".join(e.messages),
        )
    return redirect("token_api:rincian", pk=t.pk)
