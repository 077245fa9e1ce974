"""Results pages (login, `organisasi.lihat`), review, import and exports; thin views over
pemilih (reads) and layanan/impor (writes)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.organisasi.models import Organisasi
from kinerja.rumus.ikm import ATURAN_GABUNG
from kinerja.survei import ekspor, grafik, layanan, pemilih
from kinerja.survei.impor import impor_respon
from kinerja.survei.models import Kuesioner, PutaranSurvei, Respon, StatusRespon, StatusRTL

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _organisasi(request, slug) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied
    return org


def _aturan(request, nama, bawaan):
    nilai = request.GET.get(nama, bawaan)
    return nilai if nilai in ATURAN_GABUNG else bawaan


def _laporan(request, org, kode, tahun):
    return pemilih.laporan(
        org, kode, tahun,
        aturan_layanan=_aturan(request, "aturan_layanan", "gabung_responden"),
        aturan_unit=_aturan(request, "aturan_unit", "rata_rata_unit"),
        aturan_periode=_aturan(request, "aturan_periode", "rata_rata_unit"),
    )  # fmt: skip


def _pesan(e: ValidationError) -> str:
    return "; ".join(m for d in getattr(e, "message_dict", {"": e.messages}).values() for m in d)


@login_required
def hasil(request, slug, kode, tahun):
    org = _organisasi(request, slug)
    kuesioner = Kuesioner.objects.filter(kode=kode).order_by("-versi").first()
    if kuesioner is None:
        raise PermissionDenied
    lap = _laporan(request, org, kode, tahun)
    tren = pemilih.tren(org, kode, aturan_unit=lap.aturan_unit)
    kunci_unsur = {u.kode: u for u in kuesioner.unsur.all()}
    terlemah = kunci_unsur.get(lap.unsur_terlemah)
    grafik_unsur = grafik.batang(
        [u["kode"] for u in lap.unsur],
        [u["tahun"] * 25 if u["tahun"] is not None else None for u in lap.unsur],
        sorot=lap.unsur_terlemah, judul="Nilai per unsur (konversi)",
    )  # fmt: skip
    grafik_unit = grafik.batang(
        [u["organisasi"].nama for u in lap.unit], [u["tahun"].konversi for u in lap.unit],
        judul=f"IKM per unit, tahun {tahun}",
    )  # fmt: skip
    grafik_tren = grafik.garis([t[0] for t in tren], [t[1].konversi for t in tren], judul="Tren")
    return render(
        request,
        "survei/hasil.html",
        {
            "organisasi": org,
            "kuesioner": kuesioner,
            "lap": lap,
            "aturan": lap.uraian_aturan(),
            "pilihan_aturan": ATURAN_GABUNG,
            "tren": tren,
            "demografi": pemilih.demografi(org, kode, tahun),
            "terlemah": terlemah,
            "grafik_unsur": grafik_unsur,
            "grafik_unit": grafik_unit,
            "grafik_tren": grafik_tren,
            "boleh_rtl": dapat_mengisi(request.user, org)
            or request.user.has_perm("organisasi.lihat_draf", org),
            "unsur_pilihan": list(kuesioner.unsur.all()),
            "status_rtl": StatusRTL.choices,
            "batas_sampel_kecil": pemilih.BATAS_SAMPEL_KECIL,
        },
    )


@login_required
def ekspor_hasil(request, slug, kode, tahun):
    org = _organisasi(request, slug)
    isi = ekspor.buku_hasil(_laporan(request, org, kode, tahun))
    r = HttpResponse(isi, content_type=XLSX)
    r["Content-Disposition"] = f'attachment; filename="survei-{kode}-{org.slug}-{tahun}.xlsx"'
    return r


@login_required
@require_POST
def rtl(request, slug, kode, tahun):
    org = _organisasi(request, slug)
    kuesioner = Kuesioner.objects.filter(kode=kode).order_by("-versi").first()
    unsur = get_object_or_404(kuesioner.unsur, pk=request.POST.get("unsur") or 0)
    try:
        tanggal = request.POST.get("fkp_tanggal") or None
        layanan.rtl_simpan(
            organisasi=org, kuesioner=kuesioner, tahun=tahun, unsur=unsur,
            tindakan=request.POST.get("tindakan", ""), program=request.POST.get("program", ""),
            waktu=request.POST.get("waktu", ""), penanggung_jawab=request.POST.get("penanggung_jawab", ""),
            status=request.POST.get("status", StatusRTL.RENCANA),
            fkp_tanggal=dt.date.fromisoformat(tanggal) if tanggal else None,
            fkp_peserta=request.POST.get("fkp_peserta", ""), aktor=request.user,
        )  # fmt: skip
        messages.success(request, "Rencana tindak lanjut disimpan.")
    except ValueError:
        messages.error(request, "Tanggal FKP harus berformat TTTT-BB-HH.")
    except ValidationError as e:
        messages.error(request, _pesan(e))
    return redirect("survei_hasil", slug=slug, kode=kode, tahun=tahun)


def _putaran(request, pk) -> PutaranSurvei:
    p = get_object_or_404(
        PutaranSurvei.objects.select_related("organisasi", "layanan", "kuesioner"), pk=pk
    )
    _organisasi(request, p.organisasi.slug)
    return p


@login_required
def putaran(request, pk):
    p = _putaran(request, pk)
    boleh_tinjau = dapat_memverifikasi(request.user, p.organisasi)
    return render(
        request,
        "survei/putaran.html",
        {
            "p": p,
            "grid": pemilih.grid_responden(p),
            "boleh_tinjau": boleh_tinjau,
            "boleh_impor": dapat_mengisi(request.user, p.organisasi),
            "ditinjau": Respon.objects.filter(putaran=p).exclude(status=StatusRespon.VALID)
            if boleh_tinjau
            else [],
            "respon": Respon.objects.filter(putaran=p).order_by("-diterima_pada")[:50]
            if boleh_tinjau
            else [],
            "status_pilihan": StatusRespon.choices,
        },
    )


@login_required
def ekspor_grid(request, pk):
    p = _putaran(request, pk)
    r = HttpResponse(ekspor.buku_grid(pemilih.grid_responden(p)), content_type=XLSX)
    r["Content-Disposition"] = f'attachment; filename="survei-putaran-{p.pk}-per-responden.xlsx"'
    return r


@login_required
@require_POST
def tinjau(request, pk):
    respon = get_object_or_404(Respon.objects.select_related("putaran__organisasi"), pk=pk)
    _organisasi(request, respon.putaran.organisasi.slug)
    try:
        layanan.respon_tinjau(
            respon=respon, status=request.POST.get("status", ""),
            alasan=request.POST.get("alasan", ""), aktor=request.user,
        )  # fmt: skip
        messages.success(request, "Status respon diperbarui; indeks dihitung ulang.")
    except ValidationError as e:
        messages.error(request, _pesan(e))
    return redirect("survei_putaran", pk=respon.putaran_id)


@login_required
def impor(request, pk):
    p = _putaran(request, pk)
    hasil = None
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas CSV atau XLSX.")
        else:
            pemetaan = {}
            for baris in request.POST.get("pemetaan", "").splitlines():
                if "=" in baris:
                    a, b = baris.split("=", 1)
                    pemetaan[a.strip()] = b.strip()
            try:
                hasil = impor_respon(
                    putaran=p, isi=berkas.read(), nama_berkas=berkas.name, aktor=request.user,
                    pemetaan=pemetaan, jalankan=request.POST.get("jalankan") == "1",
                )  # fmt: skip
            except ValidationError as e:
                messages.error(request, _pesan(e))
    return render(request, "survei/impor.html", {"p": p, "hasil": hasil})
