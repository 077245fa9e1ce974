"""`/pengguna/`: an organisation's admin manages accounts and roles in their own tree.
Thin views over `layanan` (writes, audited) and `pemilih` (reads)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.models import Organisasi, Penugasan, Peran
from kinerja.pengguna import layanan, pemilih
from kinerja.pengguna.izin import mengelola_akun, unit_admin

User = get_user_model()
_tangani_larangan = tangani_larangan("lkip/terlarang.html")


class FormPeran(forms.Form):
    organisasi = forms.ModelChoiceField(
        queryset=Organisasi.objects.none(),
        label="Unit",
        error_messages={"required": "Pilih unit.", "invalid_choice": "Pilih unit dari daftar."},
    )
    peran = forms.ChoiceField(
        choices=Peran.choices,
        label="Peran",
        error_messages={"required": "Pilih peran.", "invalid_choice": "Pilih peran dari daftar."},
    )
    jabatan = forms.CharField(max_length=200, required=False, label="Jabatan")

    def __init__(self, *args, unit=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisasi"].queryset = Organisasi.objects.filter(
            pk__in=[u.pk for u in unit]
        ).order_by("jalur")
        self.fields["organisasi"].label_from_instance = lambda o: "\u2003" * o.kedalaman + o.nama


class FormAkun(FormPeran):
    username = forms.CharField(
        max_length=150, label="Nama pengguna", error_messages={"required": "Wajib diisi."}
    )
    nama = forms.CharField(max_length=150, required=False, label="Nama lengkap")
    email = forms.EmailField(
        required=False, label="Surel", error_messages={"invalid": "Alamat surel tidak sah."}
    )
    sandi = forms.CharField(
        widget=forms.PasswordInput,
        label="Kata sandi awal",
        error_messages={"required": "Wajib diisi."},
    )
    field_order = ["username", "nama", "email", "sandi", "organisasi", "peran", "jabatan"]


def _admin(request) -> list[Organisasi]:
    puncak = unit_admin(request.user)
    if not puncak:
        raise PermissionDenied("Halaman pengguna hanya untuk admin organisasi.")
    return puncak


def _galat_ke_form(form, e: ValidationError) -> None:
    for bidang, pesan in e.message_dict.items():
        form.add_error(bidang if bidang in form.fields else None, pesan)


@login_required
@_tangani_larangan
def daftar(request):
    _admin(request)
    cari = request.GET.get("cari", "").strip()[:100]
    return render(
        request,
        "pengguna/daftar.html",
        {"akun": pemilih.akun_kelola(request.user, cari), "cari": cari},
    )


@login_required
@_tangani_larangan
def baru(request):
    _admin(request)
    unit = pemilih.unit_kelola(request.user)
    form = FormAkun(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            akun = layanan.akun_buat(
                aktor=request.user,
                username=d["username"],
                nama=d["nama"],
                email=d["email"],
                sandi=d["sandi"],
                organisasi=d["organisasi"],
                peran=d["peran"],
                jabatan=d["jabatan"],
            )
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(
                request,
                f"Akun {akun.username} dibuat sebagai {Peran(d['peran']).label} di "
                f"{d['organisasi'].nama}.",
            )
            return redirect("pengguna:rincian", akun.pk)
    return render(request, "pengguna/baru.html", {"form": form})


@login_required
@_tangani_larangan
def rincian(request, pk: int):
    _admin(request)
    akun = get_object_or_404(User, pk=pk)
    if akun.pk != request.user.pk and not mengelola_akun(request.user, akun):
        # an account outside the tree: neither shown nor changed
        if not any(a.pk == akun.pk for a in pemilih.akun_kelola(request.user)):
            raise PermissionDenied("Akun ini tidak berada di unit yang Anda kelola.")
    unit = pemilih.unit_kelola(request.user)
    form_peran = FormPeran(unit=unit)
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        try:
            if aksi == "peran_beri":
                form_peran = FormPeran(request.POST, unit=unit)
                if form_peran.is_valid():
                    d = form_peran.cleaned_data
                    layanan.peran_beri(
                        aktor=request.user,
                        akun=akun,
                        organisasi=d["organisasi"],
                        peran=d["peran"],
                        jabatan=d["jabatan"],
                    )
                    messages.success(request, "Peran diberikan.")
                    return redirect("pengguna:rincian", akun.pk)
            elif aksi == "peran_cabut":
                p = get_object_or_404(
                    Penugasan.objects.select_related("organisasi", "pengguna"),
                    pk=request.POST.get("penugasan") or 0,
                    pengguna=akun,
                )
                layanan.peran_cabut(aktor=request.user, penugasan=p)
                messages.success(request, "Peran dicabut.")
                return redirect("pengguna:rincian", akun.pk)
            elif aksi == "sandi":
                layanan.sandi_atur_ulang(
                    aktor=request.user, akun=akun, sandi=request.POST.get("sandi", "")
                )
                messages.success(request, "Kata sandi diatur ulang; sampaikan kepada pemiliknya.")
                return redirect("pengguna:rincian", akun.pk)
            elif aksi == "dua_faktor_atur_ulang":
                layanan.dua_faktor_atur_ulang(
                    aktor=request.user, akun=akun, alasan=request.POST.get("alasan", "")
                )
                messages.success(
                    request,
                    "Verifikasi dua langkah diatur ulang: pemilik akun mendaftarkan aplikasi "
                    "autentikatornya lagi saat masuk berikutnya.",
                )
                return redirect("pengguna:rincian", akun.pk)
            elif aksi in ("nonaktifkan", "aktifkan"):
                layanan.akun_atur_aktif(aktor=request.user, akun=akun, aktif=aksi == "aktifkan")
                messages.success(
                    request, "Akun diaktifkan." if aksi == "aktifkan" else "Akun dinonaktifkan."
                )
                return redirect("pengguna:rincian", akun.pk)
            else:
                messages.error(request, "Tindakan tidak dikenal.")
        except ValidationError as e:
            if aksi == "peran_beri":
                _galat_ke_form(form_peran, e)
            else:
                for pesan in e.messages:
                    messages.error(request, pesan)
        except PermissionDenied as e:
            messages.error(request, str(e))
    return render(
        request,
        "pengguna/rincian.html",
        {
            "akun": akun,
            "peran": pemilih.semua_peran(akun),
            "riwayat": pemilih.riwayat_akun(akun),
            "form_peran": form_peran,
            "boleh_ubah_akun": mengelola_akun(request.user, akun) and akun.pk != request.user.pk,
            "dua_faktor": pemilih.memakai_dua_faktor(akun),
        },
    )
