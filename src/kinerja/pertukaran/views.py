"""Pages for Excel export, templates and import (upload -> preview -> apply).

Between the preview and the apply the uploaded bytes wait in the user's session (database
sessions, so any web server can finish the apply), with their SHA-256: the apply form sends
the hash it previewed, and a different file in the session (another tab) is refused. The
apply re-validates the file against the data as it is then; nothing is kept after it.

A PK-target file that changes a signed PK is applied as one revision: the preview says so
and the apply form asks for its legal basis, reason and date (`KeteranganRevisiForm`).
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template import TemplateDoesNotExist, engines
from django.template.loader import get_template
from django.views.decorators.http import require_GET, require_POST

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.forms import KeteranganRevisiForm
from kinerja.pertukaran import ekspor as ek
from kinerja.pertukaran.berkas import MAKS_BYTE, baca_unggahan
from kinerja.pertukaran.impor import rencana_realisasi, rencana_target, rencana_target_periode
from kinerja.pertukaran.layanan import (
    boleh_impor_renstra,
    impor_realisasi,
    impor_renstra,
    impor_target,
    impor_target_periode,
)
from kinerja.pertukaran.renstra import rencana_renstra

TEMPLAT = "pertukaran/halaman.html"
KUNCI_SESI = "pertukaran_impor"
JENIS = {
    "realisasi": "Realisasi",
    "target": "Target PK",
    "target_periode": "Target per periode (triwulan/semester/bulan)",
    "renstra": "Renstra (admin)",
}
RENCANA = {
    "realisasi": rencana_realisasi,
    "target": rencana_target,
    "target_periode": rencana_target_periode,
    "renstra": rencana_renstra,
}
LAYANAN = {
    "realisasi": impor_realisasi,
    "target": impor_target,
    "target_periode": impor_target_periode,
    "renstra": impor_renstra,
}
# imports that change a signed PK through a revision (legal basis, reason, date)
JENIS_REVISI = ("target", "target_periode")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class FormUnggah(forms.Form):
    jenis = forms.ChoiceField(label="Isi berkas", choices=list(JENIS.items()))
    berkas = forms.FileField(
        label=f"Berkas Excel (.xlsx, maksimal {MAKS_BYTE // 1048576} MB)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx," + XLSX}),
    )


def _organisasi(request, slug: str, tahun: int, perm: str = "organisasi.lihat") -> Organisasi:
    if not 1000 <= tahun <= 9999:
        raise Http404("Tahun harus empat angka, mis. 2024.")
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm(perm, org):
        raise PermissionDenied(f"Anda tidak berwenang atas data {org}.")
    return org


def _unduh(isi: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp


def _halaman(
    request, org, tahun, *, form=None, rencana=None, sha=None, form_revisi=None, status=200
):
    if form_revisi is None and rencana is not None and rencana.revisi is not None:
        form_revisi = KeteranganRevisiForm()
    konteks = {
        "organisasi": org,
        "tahun": tahun,
        "boleh_impor": request.user.has_perm("organisasi.isi_realisasi", org),
        "boleh_renstra": boleh_impor_renstra(request.user, org),
        "dengan_draf": request.user.has_perm("organisasi.lihat_draf", org),
        "form": form or FormUnggah(),
        "rencana": rencana,
        "sha": sha,
        "form_revisi": form_revisi,
    }
    return HttpResponse(_templat_halaman().render(konteks, request), status=status)


def _templat_halaman():
    """The page template; read from this package when `kinerja.pertukaran` is not (yet) in
    INSTALLED_APPS, so the app directories loader cannot see it."""
    try:
        return get_template(TEMPLAT)
    except TemplateDoesNotExist:
        berkas = Path(__file__).parent / "templates" / TEMPLAT
        return engines["django"].from_string(berkas.read_text(encoding="utf-8"))


@login_required
@require_GET
def halaman(request, slug: str, tahun: int):
    return _halaman(request, _organisasi(request, slug, tahun), tahun)


@login_required
@require_GET
def ekspor(request, slug: str, tahun: int):
    org = _organisasi(request, slug, tahun)
    draf = request.user.has_perm("organisasi.lihat_draf", org)
    isi = ek.buku_ekspor(org, tahun, dengan_draf=draf)
    return _unduh(isi, f"kinerja-{org.slug}-{tahun}{'' if draf else '-terverifikasi'}.xlsx")


@login_required
@require_GET
def templat(request, slug: str, tahun: int, jenis: str):
    org = _organisasi(request, slug, tahun)
    if jenis == "realisasi":
        return _unduh(
            ek.templat_realisasi(org, tahun), f"templat-realisasi-{org.slug}-{tahun}.xlsx"
        )
    if jenis == "target":
        draf = request.user.has_perm("organisasi.lihat_draf", org)
        return _unduh(
            ek.templat_target(org, tahun, dengan_draf=draf),
            f"templat-target-pk-{org.slug}-{tahun}.xlsx",
        )
    if jenis == "target_periode":
        draf = request.user.has_perm("organisasi.lihat_draf", org)
        return _unduh(
            ek.templat_target_periode(org, tahun, dengan_draf=draf),
            f"templat-target-periode-{org.slug}-{tahun}.xlsx",
        )
    if jenis == "renstra":
        return _unduh(ek.templat_renstra(org, tahun), f"templat-renstra-{org.slug}-{tahun}.xlsx")
    raise Http404(
        "Templat tidak dikenal: pilih 'realisasi', 'target', 'target_periode' atau 'renstra'."
    )


@login_required
@require_POST
def unggah(request, slug: str, tahun: int):
    org = _organisasi(request, slug, tahun, "organisasi.isi_realisasi")
    form = FormUnggah(request.POST, request.FILES)
    if not form.is_valid():
        return _halaman(request, org, tahun, form=form, status=400)
    berkas = form.cleaned_data["berkas"]
    try:
        isi = baca_unggahan(berkas)
    except ValidationError as e:
        form.add_error("berkas", e)
        return _halaman(request, org, tahun, form=form, status=400)
    jenis = form.cleaned_data["jenis"]
    if jenis == "renstra" and not boleh_impor_renstra(request.user, org):
        form.add_error("jenis", f"Hanya admin {org} yang berwenang mengimpor Renstra.")
        return _halaman(request, org, tahun, form=form, status=403)
    rencana = RENCANA[jenis](organisasi=org, tahun=tahun, isi=isi, nama_berkas=berkas.name)
    sha = hashlib.sha256(isi).hexdigest()
    if rencana.sah and rencana.ada_perubahan:
        request.session[KUNCI_SESI] = {
            "organisasi": org.pk,
            "tahun": tahun,
            "jenis": jenis,
            "nama": berkas.name,
            "sha": sha,
            "isi": base64.b64encode(isi).decode("ascii"),
        }
    else:
        request.session.pop(KUNCI_SESI, None)
    return _halaman(request, org, tahun, rencana=rencana, sha=sha)


@login_required
@require_POST
def terapkan(request, slug: str, tahun: int):
    org = _organisasi(request, slug, tahun, "organisasi.isi_realisasi")
    simpanan = request.session.get(KUNCI_SESI)
    if (
        not simpanan
        or simpanan["sha"] != request.POST.get("sha")
        or (simpanan["organisasi"], simpanan["tahun"]) != (org.pk, tahun)
    ):
        messages.error(
            request,
            "Pratinjau impor tidak ditemukan atau berkasnya berubah (mis. diunggah di tab lain); "
            "unggah berkasnya lagi.",
        )
        return redirect("pertukaran", slug=org.slug, tahun=tahun)
    isi = base64.b64decode(simpanan["isi"])
    jenis, nama = simpanan["jenis"], simpanan["nama"]
    tambahan, form_revisi = {}, None
    if jenis in JENIS_REVISI:
        form_revisi = KeteranganRevisiForm(request.POST)
        if "revisi" in request.POST:  # the preview asked for the revision's basis and reason
            if not form_revisi.is_valid():
                rencana = RENCANA[jenis](organisasi=org, tahun=tahun, isi=isi, nama_berkas=nama)
                return _halaman(
                    request,
                    org,
                    tahun,
                    rencana=rencana,
                    sha=simpanan["sha"],
                    form_revisi=form_revisi,
                    status=400,
                )
            tambahan = form_revisi.keterangan()
    rencana, diterapkan = LAYANAN[jenis](
        organisasi=org, tahun=tahun, isi=isi, nama_berkas=nama, aktor=request.user, **tambahan
    )
    if not diterapkan:
        # Still previewable: the user sees what changed since the preview.
        status = 409
        if rencana.galat_revisi and tambahan:
            for bidang, pesan in rencana.galat_revisi.items():  # e.g. a date after today
                for m in pesan:
                    form_revisi.add_error(bidang, m)
            status = 400
        elif rencana.galat_revisi:  # signed after the preview: the form was not shown
            form_revisi = None
            messages.warning(
                request,
                f"Perjanjian Kinerja {tahun} sudah ditandatangani: perubahan target dicatat "
                "sebagai revisi. Isi dasar hukum dan alasannya, lalu terapkan lagi.",
            )
        return _halaman(
            request,
            org,
            tahun,
            rencana=rencana,
            sha=simpanan["sha"],
            form_revisi=form_revisi if rencana.revisi else None,
            status=status,
        )
    del request.session[KUNCI_SESI]
    r = rencana.ringkasan
    pesan = (
        f"Impor '{nama}' diterapkan: {r['baru']} baris baru, {r['ubah']} diubah, "
        f"{r['tanpa perubahan']} tanpa perubahan."
    )
    if rencana.revisi is not None:
        pesan += (
            f" Target yang berubah dicatat sebagai Revisi {rencana.revisi.nomor} "
            f"Perjanjian Kinerja {tahun}."
        )
    messages.success(request, pesan)
    return redirect("pertukaran", slug=org.slug, tahun=tahun)


@login_required
@require_POST
def batal(request, slug: str, tahun: int):
    org = _organisasi(request, slug, tahun)
    request.session.pop(KUNCI_SESI, None)
    messages.info(request, "Impor dibatalkan; tidak ada data yang diubah.")
    return redirect("pertukaran", slug=org.slug, tahun=tahun)
