"""Planning pages for the Perjanjian Kinerja: list, create, lines, signing, revisions.

Views stay thin: login, the object permission (`perencanaan.lihat_pk`, `perencanaan.ubah_pk`,
see `izin.py`), the form, then a service of `layanan.py` (which checks permission and state
again) whose Indonesian messages are put next to the field they concern. Reads go through
`pemilih.py`. The printed PK stays the existing page `pk` (o/<slug>/<tahun>/pk/); these
pages link to it rather than repeat it. Every form works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan import layanan, pemilih
from kinerja.perencanaan.forms import (
    BuatPKForm,
    ButirBaruForm,
    ButirUbahForm,
    KepalaPKForm,
    RevisiForm,
    TandatanganiForm,
    TargetPeriodeForm,
)
from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja, RevisiPK, StatusPK

_tangani_larangan = tangani_larangan("perencanaan/terlarang.html")


def _ke_form(form, e: ValidationError) -> None:
    """A service's ValidationError onto the form: per field where the form has it."""
    daftar = e.message_dict.items() if hasattr(e, "error_dict") else [(None, e.messages)]
    for bidang, pesan in daftar:
        tujuan = bidang if bidang in form.fields else None
        for m in pesan:
            form.add_error(tujuan, m)


def _tahun_url(tahun: int) -> None:
    if not layanan.TAHUN_MIN <= tahun <= layanan.TAHUN_MAKS:
        raise Http404("Tahun tidak dikenal.")


def _pk(request, slug: str, tahun: int, *, ubah: bool = False) -> PerjanjianKinerja:
    """The PK of the URL; 404 when there is none, 403 when the user may not read (or, with
    `ubah`, change) it."""
    _tahun_url(tahun)
    org = get_object_or_404(Organisasi, slug=slug)
    pk = pemilih.pk_unit(org, tahun)
    if pk is None or not request.user.has_perm("perencanaan.lihat_pk", pk):
        if not request.user.has_perm("organisasi.lihat", org):
            raise PermissionDenied(f"Anda tidak memiliki peran di {org}.")
        raise Http404(f"Belum ada Perjanjian Kinerja {org} tahun {tahun}.")
    if ubah and not request.user.has_perm("perencanaan.ubah_pk", org):
        raise PermissionDenied(f"Anda tidak berwenang menyusun Perjanjian Kinerja {org}.")
    return pk


def _ke_pk(pk: PerjanjianKinerja):
    return redirect("perencanaan:pk", pk.organisasi.slug, pk.tahun)


def _wajib_draf(request, pk: PerjanjianKinerja):
    """Pages that only make sense for a draft send a signed PK back with the reason."""
    if pk.status != StatusPK.DRAFT:
        messages.error(
            request,
            "PK ini sudah ditandatangani: isinya tidak diubah lagi. Ubah target melalui revisi PK.",
        )
        return _ke_pk(pk)
    return None


def _tahun_get(request) -> int:
    try:
        tahun = int(request.GET.get("tahun", ""))
    except ValueError:
        return timezone.localdate().year
    return tahun if layanan.TAHUN_MIN <= tahun <= layanan.TAHUN_MAKS else timezone.localdate().year


# --- pages --------------------------------------------------------------------------------


@require_GET
@login_required
@_tangani_larangan
def daftar(request):
    """The PKs of one year of every unit the user may see, with what they may do."""
    tahun = _tahun_get(request)
    semua = pemilih.daftar_pk(request.user, tahun)
    rekap = {k: 0 for k in SARING}
    for b in semua:
        rekap[_status_baris(b)] += 1
    saring = request.GET.get("status", "")
    saring = saring if saring in SARING else ""
    ini = timezone.localdate().year
    return render(
        request,
        "perencanaan/daftar.html",
        {
            "tahun": tahun,
            "baris": [b for b in semua if not saring or _status_baris(b) == saring],
            "jumlah_unit": len(semua),
            "rekap": [
                (k, label, label[0].lower() + label[1:], rekap[k]) for k, label in SARING.items()
            ],
            "saring": saring,
            "tahun_pilihan": sorted({*range(ini - 3, ini + 2), tahun}),
            "boleh_buat": any(b.boleh_ubah for b in semua),
        },
    )


SARING = {
    "belum": "Belum ada PK",
    StatusPK.DRAFT: "Draf",
    StatusPK.DITANDATANGANI: "Ditandatangani",
}


def _status_baris(b: pemilih.BarisDaftarPK) -> str:
    return b.pk.status if b.pk is not None else "belum"


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def buat(request):
    """A new PK (draft) for a unit and year; ?organisasi=<slug>&tahun=<n> fills them in,
    and the parties of the unit's previous PK are offered."""
    units = pemilih.unit_dapat_diubah(request.user)
    if not units:
        raise PermissionDenied("Anda tidak berwenang menyusun Perjanjian Kinerja unit mana pun.")
    per_slug = {u.slug: u for u in units}
    if request.method == "POST":
        form = BuatPKForm(request.POST, units=units)
        if form.is_valid():
            org = per_slug[form.cleaned_data["organisasi"]]
            nilai = form.nilai_layanan()
            try:
                pk = layanan.pk_buat(
                    organisasi=org, tahun=form.cleaned_data["tahun"], aktor=request.user, **nilai
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(
                    request,
                    f"Perjanjian Kinerja {org} tahun {pk.tahun} dibuat sebagai draf. "
                    "Tambahkan butirnya.",
                )
                return _ke_pk(pk)
        sebelumnya = None
    else:
        awal = {"tahun": _tahun_get(request)}
        org = per_slug.get(request.GET.get("organisasi", ""))
        sebelumnya = None
        if org is not None:
            awal["organisasi"] = org.slug
            sebelumnya = pemilih.pk_sebelumnya(org, awal["tahun"])
            if sebelumnya is not None:
                awal |= {k: getattr(sebelumnya, k) for k in KepalaPKForm.base_fields}
        form = BuatPKForm(initial=awal, units=units)
    return render(
        request, "perencanaan/buat.html", {"form": form, "sebelumnya": sebelumnya, "pk": None}
    )


@require_GET
@login_required
@_tangani_larangan
def pk(request, slug: str, tahun: int):
    """One PK to maintain: parties, lines with their targets, what can be done next given
    its status, its revisions and its audit trail."""
    _tahun_url(tahun)
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied(f"Anda tidak memiliki peran di {org}.")
    dokumen = pemilih.pk_unit(org, tahun)
    if dokumen is not None and not request.user.has_perm("perencanaan.lihat_pk", dokumen):
        dokumen = None  # a draft of a unit whose drafts this user may not read
    boleh_ubah = request.user.has_perm("perencanaan.ubah_pk", org)
    konteks = {"organisasi": org, "tahun": tahun, "pk": dokumen, "boleh_ubah": boleh_ubah}
    if dokumen is not None:
        konteks |= {
            "butir": pemilih.butir_pk(dokumen),
            "revisi": pemilih.revisi_pk(dokumen),
            "riwayat": pemilih.riwayat_pk(dokumen),
        }
    return render(request, "perencanaan/pk.html", konteks)


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def ubah(request, slug: str, tahun: int):
    """The parties and place of a draft PK."""
    dokumen = _pk(request, slug, tahun, ubah=True)
    if (kembali := _wajib_draf(request, dokumen)) is not None:
        return kembali
    if request.method == "POST":
        form = KepalaPKForm(request.POST)
        if form.is_valid():
            try:
                layanan.pk_ubah(pk=dokumen, aktor=request.user, **form.nilai_layanan())
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(request, "Kepala PK tersimpan.")
                return _ke_pk(dokumen)
    else:
        form = KepalaPKForm(initial={k: getattr(dokumen, k) for k in KepalaPKForm.base_fields})
    return render(request, "perencanaan/buat.html", {"form": form, "pk": dokumen})


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def butir_tambah(request, slug: str, tahun: int):
    dokumen = _pk(request, slug, tahun, ubah=True)
    if (kembali := _wajib_draf(request, dokumen)) is not None:
        return kembali
    org = dokumen.organisasi
    pilihan = {
        "grup_indikator": pemilih.pilihan_indikator(org, tahun, kecuali=dokumen),
        "sasaran": pemilih.pilihan_sasaran(org, tahun),
    }
    if request.method == "POST":
        form = ButirBaruForm(request.POST, **pilihan)
        if form.is_valid():
            try:
                butir = layanan.butir_tambah(pk=dokumen, aktor=request.user, **form.nilai_layanan())
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(request, f"Butir '{butir.indikator.nama[:80]}' ditambahkan.")
                if request.POST.get("lanjut"):
                    return redirect("perencanaan:butir_tambah", org.slug, tahun)
                return _ke_pk(dokumen)
    else:
        form = ButirBaruForm(**pilihan)
    return render(request, "perencanaan/butir.html", {"form": form, "pk": dokumen, "butir": None})


def _butir(dokumen: PerjanjianKinerja, butir_id: int) -> ButirPK:
    return get_object_or_404(
        ButirPK.objects.select_related("indikator__sasaran"), pk=butir_id, pk_dokumen=dokumen
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def butir_ubah(request, slug: str, tahun: int, butir: int):
    dokumen = _pk(request, slug, tahun, ubah=True)
    if (kembali := _wajib_draf(request, dokumen)) is not None:
        return kembali
    b = _butir(dokumen, butir)
    if request.method == "POST":
        form = ButirUbahForm(request.POST, butir=b)
        if form.is_valid():
            try:
                layanan.butir_ubah(butir=b, aktor=request.user, **form.nilai_layanan())
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(request, f"Butir '{b.indikator.nama[:80]}' tersimpan.")
                return _ke_pk(dokumen)
    else:
        form = ButirUbahForm(butir=b)
    return render(request, "perencanaan/butir.html", {"form": form, "pk": dokumen, "butir": b})


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def butir_hapus(request, slug: str, tahun: int, butir: int):
    """Confirmation page, then removal of a line of a draft PK."""
    dokumen = _pk(request, slug, tahun, ubah=True)
    if (kembali := _wajib_draf(request, dokumen)) is not None:
        return kembali
    b = _butir(dokumen, butir)
    if request.method == "POST":
        try:
            layanan.butir_hapus(butir=b, aktor=request.user)
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
        else:
            messages.success(request, f"Butir '{b.indikator.nama[:80]}' dihapus dari PK.")
        return _ke_pk(dokumen)
    b.uraian = pemilih.uraian_target(b)
    return render(request, "perencanaan/hapus.html", {"pk": dokumen, "butir": b})


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def tandatangani(request, slug: str, tahun: int):
    """Record that the draft PK was signed; from then on only revisions change targets."""
    dokumen = _pk(request, slug, tahun, ubah=True)
    if (kembali := _wajib_draf(request, dokumen)) is not None:
        return kembali
    if request.method == "POST":
        form = TandatanganiForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                layanan.pk_tandatangani(
                    pk=dokumen, aktor=request.user, tanggal=d["tanggal"], tempat=d["tempat"]
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                messages.success(request, "Penandatanganan PK tercatat; PK kini final.")
                return _ke_pk(dokumen)
    else:
        form = TandatanganiForm(initial={"tempat": dokumen.tempat})
    return render(
        request,
        "perencanaan/tandatangani.html",
        {"form": form, "pk": dokumen, "butir": pemilih.butir_pk(dokumen)},
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def target_periode(request, slug: str, tahun: int, butir: int):
    """Targets per triwulan/semester of one line: changed directly on a draft PK, as a
    numbered revision (legal basis, reason) on a signed one."""
    dokumen = _pk(request, slug, tahun, ubah=True)
    b = _butir(dokumen, butir)
    if b.indikator.frekuensi == "tahun":
        messages.error(
            request,
            f"Indikator '{b.indikator.nama[:80]}' diukur tahunan: tidak ada target periode.",
        )
        return _ke_pk(dokumen)
    ditandatangani = dokumen.status == StatusPK.DITANDATANGANI
    if request.method == "POST":
        form = TargetPeriodeForm(request.POST, butir=b, ditandatangani=ditandatangani)
        if form.is_valid():
            try:
                r = layanan.target_periode_simpan(
                    butir=b, aktor=request.user, **form.nilai_layanan()
                )
            except ValidationError as e:
                _ke_form(form, e)
            else:
                pesan = f"Target per periode '{b.indikator.nama[:80]}' tersimpan"
                messages.success(request, pesan + (f" (revisi {r.nomor})." if r else "."))
                return _ke_pk(dokumen)
    else:
        form = TargetPeriodeForm(butir=b, ditandatangani=ditandatangani)
    return render(
        request, "perencanaan/target_periode.html", {"form": form, "pk": dokumen, "butir": b}
    )


@require_http_methods(["GET", "POST"])
@login_required
@_tangani_larangan
def revisi(request, slug: str, tahun: int):
    """A numbered revision of the targets of a signed PK, with legal basis and reason."""
    dokumen = _pk(request, slug, tahun, ubah=True)
    if dokumen.status != StatusPK.DITANDATANGANI:
        messages.error(request, "PK ini masih draf: ubah targetnya langsung pada butir.")
        return _ke_pk(dokumen)
    butir = pemilih.butir_pk(dokumen)
    if request.method == "POST":
        form = RevisiForm(request.POST, request.FILES, butir=butir)
        if form.is_valid():
            try:
                r = layanan.pk_revisi(pk=dokumen, aktor=request.user, **form.nilai_layanan())
            except ValidationError as e:
                _ke_form(form, e)
            else:
                n = r.perubahan.count()
                messages.success(request, f"Revisi {r.nomor} tercatat ({n} target berubah).")
                return _ke_pk(dokumen)
    else:
        form = RevisiForm(butir=butir)
    return render(
        request,
        "perencanaan/revisi.html",
        {
            "form": form,
            "pk": dokumen,
            "nomor": max((r.nomor for r in pemilih.revisi_pk(dokumen)), default=0) + 1,
        },
    )


@require_GET
@login_required
@_tangani_larangan
def revisi_dokumen(request, slug: str, tahun: int, nomor: int):
    """The decree or letter (PDF) of a revision, for those who may read the PK; never inline."""
    from django.http import FileResponse

    dokumen = _pk(request, slug, tahun)
    r = get_object_or_404(RevisiPK, pk_dokumen=dokumen, nomor=nomor)
    if not r.dokumen:
        raise Http404("Revisi ini tidak memiliki dokumen surat/keputusan.")
    try:
        berkas = r.dokumen.open("rb")
    except FileNotFoundError:
        raise Http404("Dokumen revisi tidak ditemukan di penyimpanan.") from None
    respons = FileResponse(
        berkas, as_attachment=True, filename=r.dokumen_nama, content_type="application/pdf"
    )
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Cache-Control"] = "private, no-store"
    return respons
