"""Monev pages: a unit's calendar and early warning with the quarterly report, the entry
list of one unit and period (where the completeness board and the home page link), the
calendar settings, and one's own reminders and opt-out. Thin over `pemilih`/`layanan`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from kinerja.monev import laporan, layanan, pemilih
from kinerja.monev.models import AturanKalender, PekerjaanMonev, Pengingat, PreferensiPengingat
from kinerja.organisasi.izin import dapat_mengisi
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import ButirPK
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import Periode


def _unit(request, slug: str, tahun: int) -> Organisasi:
    if not 2000 <= tahun <= 2100:
        raise Http404("Tahun tidak dikenal.")
    org = get_object_or_404(Organisasi.objects.select_related("induk"), slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied("Anda tidak memiliki peran di unit ini.")
    return org


def _draf(request, units) -> set[int]:
    return {u.pk for u in units if request.user.has_perm("organisasi.lihat_draf", u)}


@login_required
def halaman(request, slug: str, tahun: int):
    """The unit's monev: calendar, early warning of the unit and the units below it that
    the user may read, and the quarterly report."""
    org = _unit(request, slug, tahun)
    hari_ini = timezone.localdate()
    units = [
        u
        for u in org.turunan().order_by("jalur")
        if u.pk == org.pk or request.user.has_perm("organisasi.lihat", u)
    ]
    draf = _draf(request, units)
    peringatan = pemilih.peringatan_dini(units, tahun, hari_ini, draf_ids=draf)
    return render(
        request,
        "monev/halaman.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "hari_ini": hari_ini,
            "kalender": pemilih.kalender([org], tahun, hari_ini, draf_ids=draf)[org.pk],
            "berisiko": [b for b in peringatan if b.hasil.berisiko],
            "aman": [b for b in peringatan if not b.hasil.berisiko],
            "pekerjaan": PekerjaanMonev.objects.filter(organisasi=org, tahun=tahun)[:8],
            "boleh_bangun": request.user.has_perm("monev.bangun", org),
            "boleh_atur": request.user.has_perm("monev.atur_kalender", org),
            "triwulan": range(1, 5),
        },
    )


@login_required
def isian(request, slug: str, tahun: int, jenis: str, ke: int):
    """The unit's PK indicators of one period: status and a link to each entry form."""
    org = _unit(request, slug, tahun)
    try:
        p = Periode(jenis, tahun, ke)
    except DataTidakValid as e:
        raise Http404(e.pesan) from None
    boleh_draf = request.user.has_perm("organisasi.lihat_draf", org)
    butir = ButirPK.objects.filter(
        pk_dokumen__organisasi=org, pk_dokumen__tahun=tahun, indikator__frekuensi=jenis
    ).select_related("indikator", "pk_dokumen")
    if not boleh_draf:
        butir = butir.filter(pk_dokumen__status="ditandatangani")
    butir = list(butir.order_by("indikator__sasaran__nomor", "urutan"))
    ada = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[b.indikator_id for b in butir], tahun=tahun, jenis_periode=jenis, ke=ke
        )
    }
    baris = []
    for b in butir:
        r = ada.get(b.indikator_id)
        if r is not None and not boleh_draf and r.status != "diverifikasi":
            r = None
        baris.append({"butir": b, "r": r})
    kal = pemilih.kalender([org], tahun, timezone.localdate())[org.pk]
    butir_kal = next((k for k in kal if k.jenis == "realisasi" and k.periode == p), None)
    return render(
        request,
        "monev/isian.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "periode": p,
            "baris": baris,
            "butir_kalender": butir_kal,
            "boleh_isi": dapat_mengisi(request.user, org),
        },
    )


@login_required
@require_POST
def bangun(request, slug: str, tahun: int):
    org = _unit(request, slug, tahun)
    if not request.user.has_perm("monev.bangun", org):
        raise PermissionDenied(
            "Laporan monev dibangun oleh operator unit, admin atau pimpinan; Anda dapat "
            "membaca dan mengunduhnya."
        )
    try:
        tw = int(request.POST.get("triwulan", ""))
    except ValueError:
        tw = 0
    try:
        laporan.mulai_pekerjaan(
            organisasi=org,
            tahun=tahun,
            triwulan=tw,
            format=request.POST.getlist("format"),
            aktor=request.user,
        )
    except ValueError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, "Pembangunan laporan monev masuk antrean.")
    return redirect("monev:halaman", slug, tahun)


@login_required
def unduh(request, pk: int, nama: str):
    p = get_object_or_404(PekerjaanMonev.objects.select_related("organisasi"), pk=pk)
    _unit(request, p.organisasi.slug, p.tahun)
    if nama not in p.berkas:
        raise Http404("Berkas tidak ada pada pembangunan ini.")
    path = Path(p.folder) / nama
    if not path.is_file():
        raise Http404("Berkas sudah tidak tersedia; bangun ulang.")
    return FileResponse(path.open("rb"), as_attachment=True, filename=nama)


def _tanggal(teks: str, label: str) -> dt.date:
    try:
        return dt.date.fromisoformat(teks)
    except ValueError:
        raise ValidationError(
            {"tanggal": [f"{label}: '{teks}' bukan tanggal (TTTT-BB-HH)."]}
        ) from None


@login_required
@require_http_methods(["GET", "POST"])
def kalender(request, slug: str, tahun: int):
    """Calendar settings of the unit (rules, budget date, due dates by hand): admins."""
    org = _unit(request, slug, tahun)
    if not request.user.has_perm("monev.atur_kalender", org):
        raise PermissionDenied("Kalender pelaporan diatur oleh admin unit ini atau di atasnya.")
    galat: dict = {}
    if request.method == "POST":
        try:
            aksi = request.POST.get("aksi")
            if aksi == "aturan":
                nilai = {}
                for b in AturanKalender.BIDANG:
                    try:
                        nilai[b] = int(request.POST.get(b, ""))
                    except ValueError:
                        raise ValidationError({b: ["Isi dengan bilangan bulat."]}) from None
                layanan.aturan_simpan(organisasi=org, aktor=request.user, **nilai)
                messages.success(request, "Aturan kalender disimpan.")
            elif aksi == "batas":
                try:
                    p = Periode(
                        request.POST.get("jenis", ""), tahun, int(request.POST.get("ke", "0"))
                    )
                except (DataTidakValid, ValueError) as e:
                    raise ValidationError(
                        {"ke": [getattr(e, "pesan", "Periode tidak sah.")]}
                    ) from None
                layanan.batas_simpan(
                    organisasi=org,
                    periode=p,
                    tanggal=_tanggal(request.POST.get("tanggal", ""), "Batas waktu"),
                    aktor=request.user,
                )
                messages.success(request, f"Batas waktu {p.label} disimpan.")
            elif aksi == "anggaran":
                layanan.tanggal_anggaran_simpan(
                    organisasi=org,
                    tahun=tahun,
                    tanggal=_tanggal(request.POST.get("tanggal", ""), "Tanggal anggaran"),
                    aktor=request.user,
                )
                messages.success(request, "Tanggal anggaran disimpan.")
            return redirect("monev:kalender", slug, tahun)
        except ValidationError as e:
            galat = e.message_dict
    aturan = pemilih.aturan_unit([org])[org.pk]
    return render(
        request,
        "monev/kalender.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "aturan": aturan,
            "bidang": [(b, getattr(aturan, b)) for b in AturanKalender.BIDANG],
            "galat": galat,
            "kalender": pemilih.kalender([org], tahun, timezone.localdate())[org.pk],
        },
        status=422 if galat else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pengingat(request):
    """One's reminders (the in-app notifications) and the opt-out."""
    galat: dict = {}
    pref = PreferensiPengingat.objects.filter(pengguna=request.user).first()
    if request.method == "POST":
        if request.POST.get("aksi") == "dibaca":
            layanan.tandai_dibaca(pengguna=request.user)
            return redirect("monev:pengingat")
        try:
            layanan.preferensi_simpan(
                pengguna=request.user,
                aktif=request.POST.get("aktif") == "1",
                surel=request.POST.get("surel", ""),
            )
            messages.success(request, "Pilihan pengingat disimpan.")
            return redirect("monev:pengingat")
        except ValidationError as e:
            galat = e.message_dict
    return render(
        request,
        "monev/pengingat.html",
        {
            "daftar": Pengingat.objects.filter(pengguna=request.user).select_related("organisasi")[
                :100
            ],
            "pref": pref,
            "aktif": pref.aktif if pref else True,
            "surel": request.POST.get("surel", "") if galat else (pref.surel if pref else ""),
            "galat": galat,
        },
        status=422 if galat else 200,
    )
