"""Pages for entering realisasi, verifying them, and downloading evidence.

Views stay thin: they check login and the object permission, parse the form, call the
services in `layanan.py` (which check permissions again and enforce the workflow), and put
the services' Indonesian messages next to the field they concern.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kinerja import angka as fmt
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi, penugasan_aktif
from kinerja.organisasi.models import Organisasi, Peran
from kinerja.pengukuran import layanan
from kinerja.pengukuran.forms import RealisasiForm
from kinerja.pengukuran.models import (
    AksiRealisasi,
    BuktiDukung,
    PeristiwaRealisasi,
    Realisasi,
    StatusRealisasi,
)
from kinerja.pengukuran.pemilih import antrean_verifikasi, capaian_realisasi
from kinerja.perencanaan.models import ButirPK, Indikator, JenisTarget
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import Periode, periode_dalam_tahun

S = StatusRealisasi
LABEL_BIDANG = {
    "nilai": "Nilai",
    "pembilang": "Pembilang",
    "penyebut": "Penyebut",
    "nilai_teks": "Nilai (kualitatif)",
    "penjelasan": "Penjelasan",
    "bukti": "Bukti dukung",
}
BIDANG_ANGKA = {"nilai", "pembilang", "penyebut"}


def _tangani_larangan(view):
    """Show the reason of a refusal (the service's message) on a 403 page in Indonesian."""

    @functools.wraps(view)
    def bungkus(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as e:
            pesan = str(e) or "Anda tidak berwenang membuka halaman ini."
            return render(request, "pengukuran/isian/terlarang.html", {"pesan": pesan}, status=403)

    return bungkus


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


# --- Reads used only by these pages (candidates for pemilih.py) --------------------------


@dataclass
class BarisIsian:
    indikator: Indikator
    butir: ButirPK
    target: str
    periode: list[tuple[Periode, Realisasi | None]]


@dataclass
class UnitIsian:
    organisasi: Organisasi
    baris: list[BarisIsian] = field(default_factory=list)


def _unit_operator(user) -> list[Organisasi]:
    """Units where the user enters data: operator there, or admin of the unit itself."""
    unit = {
        p.organisasi_id: p.organisasi
        for p in penugasan_aktif(user)
        if p.peran in (Peran.OPERATOR, Peran.ADMIN)
    }
    return sorted(unit.values(), key=lambda o: o.jalur)


def _daftar_isian(units: list[Organisasi], tahun: int) -> list[UnitIsian]:
    """The PK indicators of each unit for the year with a slot per expected period
    (from `Indikator.frekuensi`); two queries whatever the number of indicators."""
    butir = (
        ButirPK.objects.filter(pk_dokumen__organisasi__in=units, pk_dokumen__tahun=tahun)
        .select_related("indikator__sasaran", "pk_dokumen")
        .order_by("indikator__sasaran__nomor", "urutan")
    )
    ada = {
        (r.indikator_id, r.jenis_periode, r.ke): r
        for r in Realisasi.objects.filter(
            indikator__in=[b.indikator_id for b in butir], tahun=tahun
        )
    }
    hasil = {o.pk: UnitIsian(organisasi=o) for o in units}
    for b in butir:
        ind = b.indikator
        periode = list(periode_dalam_tahun(ind.frekuensi, tahun))
        if ind.frekuensi != "tahun" and (ind.pk, "tahun", 1) in ada:
            periode.append(Periode("tahun", tahun, 1))  # a yearly figure entered besides
        hasil[b.pk_dokumen.organisasi_id].baris.append(
            BarisIsian(
                indikator=ind,
                butir=b,
                target=_target_teks(ind, b),
                periode=[(p, ada.get((ind.pk, p.jenis, p.ke))) for p in periode],
            )
        )
    return list(hasil.values())


def _butir(indikator: Indikator, tahun: int) -> ButirPK | None:
    return ButirPK.objects.filter(indikator=indikator, pk_dokumen__tahun=tahun).first()


def _target_teks(indikator: Indikator, butir: ButirPK | None) -> str:
    if butir is None:
        return "belum ada di Perjanjian Kinerja tahun ini"
    if indikator.jenis_target == JenisTarget.KUALITATIF:
        return butir.target_teks or "-"
    if indikator.jenis_target == JenisTarget.RENTANG:
        bawah = fmt.angka(butir.target_bawah, 6, tetap=False)
        return f"{bawah} – {fmt.angka(butir.target_atas, 6, tetap=False)}"
    return fmt.angka(butir.target, 6, tetap=False)


def _nilai_riwayat(bidang: str, isi) -> str:
    if isi is None or isi == "":
        return "(kosong)"
    if bidang in BIDANG_ANGKA:
        try:
            return fmt.angka(isi, 6, tetap=False)
        except (ValueError, DataTidakValid):
            return str(isi)
    return str(isi)


def _riwayat(realisasi: Realisasi) -> list[dict]:
    """The append-only workflow events with old → new values ready to show."""
    status = dict(S.choices)
    daftar = []
    for e in realisasi.peristiwa.select_related("aktor"):
        perubahan = [
            (
                LABEL_BIDANG.get(bidang, bidang.capitalize()),
                _nilai_riwayat(bidang, lama_baru[0]),
                _nilai_riwayat(bidang, lama_baru[1]),
            )
            for bidang, lama_baru in (e.perubahan or {}).items()
            if lama_baru[0] != lama_baru[1]  # a new row lists empty ratio fields too
        ]
        daftar.append(
            {
                "peristiwa": e,
                "aktor": (e.aktor.get_full_name() or e.aktor.get_username()) if e.aktor else "-",
                "dari": status.get(e.dari_status, e.dari_status),
                "ke": status.get(e.ke_status, e.ke_status),
                "perubahan": perubahan,
            }
        )
    return daftar


def _alasan_kembali(realisasi: Realisasi) -> PeristiwaRealisasi | None:
    if realisasi.status != S.DIKEMBALIKAN:
        return None
    return (
        realisasi.peristiwa.filter(aksi__in=[AksiRealisasi.KEMBALIKAN, AksiRealisasi.BUKA_KEMBALI])
        .select_related("aktor")
        .last()
    )


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
    units = _unit_operator(request.user)
    return render(
        request,
        "pengukuran/isian/daftar.html",
        {
            "tahun": tahun,
            "unit": _daftar_isian(units, tahun) if units else [],
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
    cari = Realisasi.objects.select_related("organisasi", "indikator").filter(
        indikator=ind, tahun=tahun, jenis_periode=jenis, ke=ke
    )
    r = cari.first()
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
                    r = cari.first()
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
                        r = cari.first()
                    else:
                        messages.success(request, "Realisasi diajukan untuk diverifikasi.")
                        return redirect(sini)
        elif aksi in ("verifikasi", "kembalikan", "buka_kembali"):
            if r is None:
                raise Http404("Realisasi belum ada.")
            galat_verifikator = _tindakan_verifikator(request, r, aksi)
            if galat_verifikator is None:
                return redirect(sini)
            r = cari.first()
        else:
            return HttpResponseBadRequest("Aksi tidak dikenal.")

    butir = _butir(ind, tahun)
    return render(
        request,
        "pengukuran/isian/realisasi.html",
        {
            "indikator": ind,
            "periode": periode,
            "realisasi": r,
            "butir": butir,
            "target": _target_teks(ind, butir),
            "hasil": capaian_realisasi(r) if r is not None else None,
            "form": form,
            "bukti": list(r.bukti.order_by("diunggah_pada")) if r else [],
            "riwayat": _riwayat(r) if r else [],
            "kembali": _alasan_kembali(r) if r else None,
            "boleh_verifikasi": _boleh_verifikasi(request.user, r),
            "galat_verifikator": galat_verifikator,
            "kualitatif": ind.jenis_target == JenisTarget.KUALITATIF,
        },
    )


def _antrean(user) -> list[Realisasi]:
    units = [
        p.organisasi for p in penugasan_aktif(user) if p.peran in (Peran.VERIFIKATOR, Peran.ADMIN)
    ]
    # A unit below another of the user's units is already covered by the upper one.
    atas = [o for o in units if not any(o.pk != u.pk and o.di_bawah(u) for u in units)]
    baris: dict[int, Realisasi] = {}
    for org in atas:
        for r in antrean_verifikasi(user, org).prefetch_related("bukti"):
            baris.setdefault(r.pk, r)
    return list(baris.values())


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
    antrean = _antrean(request.user)
    if not antrean and not any(
        p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) for p in penugasan_aktif(request.user)
    ):
        raise PermissionDenied("Halaman ini untuk verifikator.")
    return render(
        request,
        "pengukuran/isian/verifikasi.html",
        {
            "antrean": [
                {"realisasi": r, "hasil": capaian_realisasi(r), "galat": galat.get(r.pk)}
                for r in antrean
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
