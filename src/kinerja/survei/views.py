"""Results pages (login, `organisasi.lihat`), review, import, exports and the rounds of a
unit (create, open, close); thin views over pemilih (reads) and layanan/impor (writes)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from kinerja import angka
from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.organisasi.models import Organisasi
from kinerja.rumus.ikm import ATURAN_GABUNG
from kinerja.survei import ekspor, grafik, layanan, pemilih
from kinerja.survei.forms import PutaranBaruForm, PutaranUbahForm
from kinerja.survei.impor import impor_respon
from kinerja.survei.models import (
    Kuesioner,
    PutaranSurvei,
    Respon,
    StatusPutaran,
    StatusRespon,
    StatusRTL,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_tangani_larangan = tangani_larangan("survei/terlarang.html")


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
        raise Http404(f"Kuesioner '{kode}' tidak dikenal.")
    lap = _laporan(request, org, kode, tahun)
    tren = pemilih.tren(org, kode, aturan_unit=lap.aturan_unit, aturan_layanan=lap.aturan_layanan)
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
            "boleh_kelola": dapat_mengisi(request.user, p.organisasi),
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
@_tangani_larangan
def impor(request, pk):
    p = _putaran(request, pk)
    if not dapat_mengisi(request.user, p.organisasi):
        raise PermissionDenied(
            f"Anda tidak berwenang mengimpor respon survei {p.organisasi}: hanya operator "
            "unit ini atau admin yang dapat mengisi data."
        )
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


# ------------------------------------------------------------------ rounds of a unit


def _kuesioner_dipilih(nilai) -> Kuesioner | None:
    try:
        return Kuesioner.objects.filter(pk=int(nilai)).first()
    except (TypeError, ValueError):
        return None


def _galat_ke_form(form, e: ValidationError) -> None:
    for bidang, daftar in getattr(e, "message_dict", {None: e.messages}).items():
        form.add_error(bidang if bidang in form.fields else None, daftar)


@login_required
@_tangani_larangan
@require_http_methods(["GET", "POST"])
def daftar_putaran(request, slug, tahun):
    """The unit's rounds of a year (status, valid responses, links) and, for whoever may
    enter its data, the form to create one and the buttons to open and close them. The
    create form comes in two steps without JavaScript: choose the questionnaire version
    (GET ?kuesioner=), then its services and the period."""
    org = _organisasi(request, slug)
    boleh_kelola = dapat_mengisi(request.user, org)
    kuesioner = _kuesioner_dipilih(request.POST.get("kuesioner") or request.GET.get("kuesioner"))
    form = None
    if request.method == "POST":
        if not boleh_kelola:
            raise PermissionDenied(
                f"Anda tidak berwenang membuat putaran survei {org}: hanya operator unit ini "
                "atau admin yang dapat melakukannya."
            )
        if kuesioner is None:
            messages.error(request, "Kuesioner: pilih salah satu kuesioner.")
            return redirect("survei_daftar_putaran", slug=slug, tahun=tahun)
        form = PutaranBaruForm(request.POST, kuesioner=kuesioner)
        if form.is_valid():
            d = form.cleaned_data
            try:
                p = layanan.putaran_buat(
                    kuesioner=kuesioner, organisasi=org, layanan=d.get("layanan"),
                    jenis_periode=d["jenis_periode"], tahun=d["tahun"], ke=d["ke"],
                    populasi=d["populasi"], pelaksana=d["pelaksana"], aktor=request.user,
                )  # fmt: skip
            except ValidationError as e:
                _galat_ke_form(form, e)
            else:
                messages.success(
                    request, f"Putaran {p} dibuat sebagai draf; buka untuk menerima respon."
                )
                return redirect("survei_daftar_putaran", slug=slug, tahun=p.tahun)
    elif boleh_kelola and kuesioner is not None:
        form = PutaranBaruForm(kuesioner=kuesioner, initial={"tahun": tahun})
    return render(
        request,
        "survei/daftar_putaran.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "baris": pemilih.putaran_unit(org, tahun),
            "bawahan": pemilih.unit_bawahan(org, tahun),
            "boleh_kelola": boleh_kelola,
            "boleh_antrean": request.user.has_perm("organisasi.lihat_draf", org),
            "kuesioner_pilihan": pemilih.kuesioner_pilihan(org) if boleh_kelola else [],
            "kuesioner": kuesioner,
            "form": form,
            "status": StatusPutaran,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _putaran_kelola(request, pk) -> PutaranSurvei:
    p = _putaran(request, pk)
    if not dapat_mengisi(request.user, p.organisasi):
        raise PermissionDenied(
            f"Anda tidak berwenang mengatur putaran survei {p.organisasi}: hanya operator unit "
            "ini atau admin yang dapat melakukannya."
        )
    return p


def _kembali(request, p: PutaranSurvei):
    if request.POST.get("kembali") == "putaran":
        return redirect("survei_putaran", pk=p.pk)
    return redirect("survei_daftar_putaran", slug=p.organisasi.slug, tahun=p.tahun)


@login_required
@_tangani_larangan
@require_POST
def putaran_status(request, pk):
    """Open, close or reopen a round (POST from the buttons of the round pages)."""
    p = _putaran_kelola(request, pk)
    try:
        layanan.putaran_atur_status(
            putaran=p, status=request.POST.get("status", ""),
            alasan=request.POST.get("alasan", ""), aktor=request.user,
        )  # fmt: skip
        pesan = {
            StatusPutaran.DIBUKA: "dibuka: formulir publik menerima respon",
            StatusPutaran.DITUTUP: "ditutup: formulir publik tidak menerima respon lagi",
        }
        messages.success(request, f"Putaran {p} {pesan[p.status]}.")
        if p.status == StatusPutaran.DIBUKA:
            akhir = pemilih.akhir_periode_putaran(p)
            if akhir < timezone.localdate():
                messages.warning(
                    request,
                    f"Periode putaran ini ({p.label_periode}) sudah berakhir pada "
                    f"{angka.tanggal(akhir)}: respon yang masuk sekarang tetap dihitung untuk "
                    "periode itu. Bila survei ini untuk periode berjalan, tutup putaran ini dan "
                    "buat putaran baru.",
                )
    except ValidationError as e:
        messages.error(request, f"Putaran {p}: {_pesan(e)}")
    return _kembali(request, p)


@login_required
@_tangani_larangan
@require_http_methods(["GET", "POST"])
def putaran_ubah(request, pk):
    """Population, executor and notes of a round."""
    p = _putaran_kelola(request, pk)
    awal = {"populasi": p.populasi, "pelaksana": p.pelaksana, "keterangan": p.keterangan}
    form = PutaranUbahForm(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        try:
            layanan.putaran_ubah(putaran=p, aktor=request.user, **form.cleaned_data)
        except ValidationError as e:
            _galat_ke_form(form, e)
        else:
            messages.success(request, f"Putaran {p} disimpan.")
            return redirect("survei_putaran", pk=p.pk)
    return render(
        request,
        "survei/putaran_ubah.html",
        {"p": p, "form": form},
        status=400 if form.errors else 200,
    )
