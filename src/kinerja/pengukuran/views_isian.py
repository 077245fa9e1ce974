"""Pages for entering realisasi, verifying them, and downloading evidence.

Views stay thin: they check login and the object permission, parse the form, call the
services in `layanan.py` (which check permissions again and enforce the workflow), and put
the services' Indonesian messages next to the field they concern. Reads go through the
selectors in `pemilih.py`.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi, penugasan_aktif
from kinerja.organisasi.models import Peran
from kinerja.pengukuran import layanan, pemilih
from kinerja.pengukuran.forms import RealisasiForm
from kinerja.pengukuran.models import BuktiDukung, Realisasi, StatusRealisasi
from kinerja.perencanaan.models import Indikator, JenisTarget
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import Periode

S = StatusRealisasi


_tangani_larangan = tangani_larangan("pengukuran/isian/terlarang.html")


def _pesan(e: ValidationError) -> dict[str | None, list[str]]:
    """A service's ValidationError as {field or None: [messages]}."""
    if hasattr(e, "error_dict"):
        return {k: list(v) for k, v in e.message_dict.items()}
    return {None: list(e.messages)}


def _ke_form(form, e: ValidationError) -> None:
    for bidang, daftar in _pesan(e).items():
        tujuan = bidang if bidang in form.fields else None
        for m in daftar:
            form.add_error(tujuan, m)


def _tahun(request) -> int:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return timezone.localdate().year
    return tahun if 1000 <= tahun <= 9999 else timezone.localdate().year


def _boleh_verifikasi(user, r: Realisasi | None) -> bool:
    return (
        r is not None
        and dapat_memverifikasi(user, r.organisasi)
        and user.pk not in (r.dibuat_oleh_id, r.diajukan_oleh_id)
    )


def _tindakan_verifikator(request, r: Realisasi, aksi: str) -> dict | None:
    """Run a verifier action; returns the service's messages on a validation error."""
    alasan = request.POST.get("alasan", "")
    try:
        if aksi == "verifikasi":
            layanan.realisasi_verifikasi(realisasi=r, aktor=request.user, catatan=alasan)
            messages.success(request, f"Realisasi {r} diverifikasi.")
        elif aksi == "kembalikan":
            layanan.realisasi_kembalikan(realisasi=r, aktor=request.user, alasan=alasan)
            messages.success(request, f"Realisasi {r} dikembalikan ke operator.")
        else:
            layanan.realisasi_buka_kembali(realisasi=r, aktor=request.user, alasan=alasan)
            messages.success(request, f"Realisasi {r} dibuka kembali untuk dikoreksi.")
    except ValidationError as e:
        return {"aksi": aksi, "alasan": alasan, "pesan": _pesan(e)}
    return None


# --- Pages ---------------------------------------------------------------------------------


@require_GET
@login_required
@_tangani_larangan
def daftar(request):
    """Isian: the operator's indicators of the year, one slot per expected period."""
    tahun = _tahun(request)
    pilihan = pemilih.unit_pengisi(request.user)
    slug = request.GET.get("unit", "")
    if slug:
        # one unit chosen in the picker: only among the units the user may fill
        units = [o for o in pilihan if o.slug == slug]
        if not units:
            raise PermissionDenied(
                f"Anda tidak berwenang mengisi realisasi unit '{slug}': pilih unit dari daftar."
            )
    else:
        units = pemilih.unit_operator(request.user)
    return render(
        request,
        "pengukuran/isian/daftar.html",
        {
            "tahun": tahun,
            "unit": pemilih.daftar_isian(units, tahun) if units else [],
            "unit_pilihan": pilihan if len(pilihan) > 1 else [],
            "unit_dipilih": slug,
            "tahun_pilihan": range(tahun - 2, tahun + 2),
            "verifikator": any(
                p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) for p in penugasan_aktif(request.user)
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def realisasi(request, indikator, tahun, jenis, ke):
    """Entry form of one realisasi plus its status, capaian, evidence and history."""
    ind = get_object_or_404(Indikator.objects.select_related("organisasi", "sasaran"), pk=indikator)
    try:
        periode = Periode(jenis=jenis, tahun=tahun, ke=ke)
    except DataTidakValid:
        raise Http404("Periode tidak dikenal.") from None

    def cari() -> Realisasi | None:  # read again after a failed write rolled back
        return pemilih.realisasi_periode(ind, tahun=tahun, jenis_periode=jenis, ke=ke)

    r = cari()
    if r is not None:
        if not request.user.has_perm("pengukuran.lihat_realisasi", r):
            raise PermissionDenied(f"Anda tidak berwenang melihat realisasi {ind.organisasi}.")
    elif not request.user.has_perm("organisasi.lihat_draf", ind.organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengisi realisasi {ind.organisasi}.")

    boleh_isi = dapat_mengisi(request.user, ind.organisasi) and (
        r is None or r.status in (S.DRAFT, S.DIKEMBALIKAN)
    )
    form = RealisasiForm(indikator=ind, realisasi=r) if boleh_isi else None
    galat_verifikator = None
    sini = request.path

    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        if aksi in ("simpan", "ajukan"):
            if not dapat_mengisi(request.user, ind.organisasi):
                raise PermissionDenied(f"Anda tidak berwenang mengisi realisasi {ind.organisasi}.")
            form = RealisasiForm(request.POST, request.FILES, indikator=ind, realisasi=r)
            if form.is_valid():
                try:
                    with transaction.atomic():  # value and evidence together, or neither
                        r = layanan.realisasi_simpan(
                            indikator=ind,
                            tahun=tahun,
                            jenis_periode=jenis,
                            ke=ke,
                            aktor=request.user,
                            **form.nilai_layanan(),
                        )
                        berkas = form.cleaned_data.get("berkas")
                        if berkas:
                            layanan.bukti_unggah(realisasi=r, berkas=berkas, aktor=request.user)
                except ValidationError as e:
                    _ke_form(form, e)
                    r = cari()
                else:
                    if aksi == "simpan":
                        messages.success(request, "Draf realisasi tersimpan.")
                        return redirect(sini)
                    try:
                        layanan.realisasi_ajukan(realisasi=r, aktor=request.user)
                    except ValidationError as e:
                        _ke_form(form, e)
                        messages.warning(
                            request, "Isian tersimpan sebagai draf, tetapi belum dapat diajukan."
                        )
                        r = cari()
                    else:
                        messages.success(request, "Realisasi diajukan untuk diverifikasi.")
                        return redirect(sini)
        elif aksi in ("verifikasi", "kembalikan", "buka_kembali"):
            if r is None:
                raise Http404("Realisasi belum ada.")
            galat_verifikator = _tindakan_verifikator(request, r, aksi)
            if galat_verifikator is None:
                return redirect(sini)
            r = cari()
        else:
            return HttpResponseBadRequest("Aksi tidak dikenal.")

    # A draft PK's target only for those who read drafts; labelled on the page.
    butir = pemilih.butir_pk_indikator(
        ind, tahun, dengan_draf=request.user.has_perm("organisasi.lihat_draf", ind.organisasi)
    )
    return render(
        request,
        "pengukuran/isian/realisasi.html",
        {
            "indikator": ind,
            "periode": periode,
            "realisasi": r,
            "butir": butir,
            "target_draf": butir is not None and butir.pk_dokumen.draf,
            "target": pemilih.uraian_target(ind, butir),
            "hasil": pemilih.capaian_terhadap_butir(r, butir) if r is not None else None,
            "form": form,
            "bukti": pemilih.bukti_realisasi(r) if r else [],
            "riwayat": pemilih.riwayat_realisasi(r) if r else [],
            "kembali": pemilih.alasan_kembali(r) if r else None,
            "boleh_verifikasi": _boleh_verifikasi(request.user, r),
            "galat_verifikator": galat_verifikator,
            "kualitatif": ind.jenis_target == JenisTarget.KUALITATIF,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def verifikasi(request):
    """The verifier's queue: submitted realisasi of their units, with verify/return actions."""
    galat = {}
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        if aksi not in ("verifikasi", "kembalikan"):
            return HttpResponseBadRequest("Aksi tidak dikenal.")
        r = get_object_or_404(
            Realisasi.objects.select_related("organisasi"), pk=request.POST.get("realisasi") or 0
        )
        if not request.user.has_perm("organisasi.verifikasi", r.organisasi):
            raise PermissionDenied(f"Anda bukan verifikator {r.organisasi}.")
        hasil = _tindakan_verifikator(request, r, aksi)
        if hasil is None:
            return redirect("verifikasi")
        galat[r.pk] = hasil
    antrean = pemilih.antrean_verifikator(request.user)
    if not antrean and not any(
        p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) for p in penugasan_aktif(request.user)
    ):
        raise PermissionDenied("Halaman ini untuk verifikator.")
    return render(
        request,
        "pengukuran/isian/verifikasi.html",
        {
            "antrean": [
                {
                    "realisasi": b.realisasi,
                    "hasil": b.hasil,
                    "target_draf": b.target_draf,
                    "butir": b.butir,
                    "galat": galat.get(b.realisasi.pk),
                }
                for b in antrean
            ],
        },
    )


@require_GET
@login_required
@_tangani_larangan
def bukti_unduh(request, pk):
    """Stream an evidence file to those who may see its realisasi; never inline."""
    bukti = get_object_or_404(BuktiDukung.objects.select_related("realisasi__organisasi"), pk=pk)
    if not request.user.has_perm("pengukuran.lihat_realisasi", bukti.realisasi):
        raise PermissionDenied("Anda tidak berwenang mengunduh bukti dukung ini.")
    try:
        berkas = bukti.berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas bukti dukung tidak ditemukan di penyimpanan.") from None
    respons = FileResponse(
        berkas, as_attachment=True, filename=bukti.nama_asli, content_type=bukti.jenis_mime
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "private, no-store"
    return respons
