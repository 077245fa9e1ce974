"""LKE worksheet pages: the worksheet (self-assessment, review, sign-off, evidence), the
recap of the units below, the follow-up register, and the LHE/worksheet downloads.
Thin views: permission per action in the services, reads in pemilih."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from kinerja.evaluasi import grafik, izin, pemilih
from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi.bukti import kandidat
from kinerja.evaluasi.models import (
    BuktiJawaban,
    Jawaban,
    LembarKerja,
    StatusLembar,
    StatusRegister,
    SumberTindakLanjut,
    TindakLanjut,
)
from kinerja.evaluasi.views import _pesan_galat
from kinerja.inti.larangan import tangani_larangan
from kinerja.organisasi.izin import dapat_melihat_organisasi
from kinerja.organisasi.models import Organisasi

_larangan = tangani_larangan("evaluasi/terlarang.html")


def _lembar(request, slug, tahun) -> LembarKerja:
    lembar = get_object_or_404(
        LembarKerja.objects.select_related("organisasi", "versi"),
        organisasi__slug=slug,
        tahun=tahun,
    )
    if not izin.dapat_melihat_lembar(request.user, lembar):
        raise PermissionDenied(
            f"Lembar kerja evaluasi {lembar.organisasi.nama} {tahun} belum final dan bukan "
            "untuk unit atau evaluator Anda."
        )
    return lembar


def _tanggal(teks: str, label: str):
    teks = (teks or "").strip()
    if not teks:
        return None
    try:
        return date.fromisoformat(teks)
    except ValueError:
        raise ValidationError(
            {"tanggal": f"{label} '{teks}' bukan tanggal (format TTTT-BB-HH)."}
        ) from None


def _kembali(request, lembar, anchor: str = ""):
    url = f"/evaluasi/{lembar.organisasi.slug}/lke/{lembar.tahun}/"
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _jalankan(request, fungsi, sukses: str) -> bool:
    try:
        fungsi()
    except ValidationError as e:
        messages.error(request, _pesan_galat(e))
        return False
    messages.success(request, sukses)
    return True


@require_GET
@login_required
@_larangan
def lembar(request, slug, tahun):
    try:
        lembar = _lembar(request, slug, tahun)
    except Http404:
        org = get_object_or_404(Organisasi, slug=slug)
        if not dapat_melihat_organisasi(request.user, org):
            raise PermissionDenied("Anda tidak berwenang melihat unit ini.") from None
        boleh_buka = izin.dapat_mengisi(request.user, org) or izin.evaluator_ditugaskan(
            request.user, org, tahun
        )
        return render(
            request,
            "evaluasi/lembar_kosong.html",
            {"organisasi": org, "tahun": tahun, "boleh_buka": boleh_buka},
        )
    u = request.user
    rinci = pemilih.lembar_rinci(lembar)
    riwayat = pemilih.riwayat_nilai(lembar.organisasi)
    isi = izin.dapat_mengisi_lembar(u, lembar) and lembar.status in layanan.BOLEH_DIISI
    tinjau = izin.dapat_meninjau_lembar(u, lembar) and lembar.status == StatusLembar.DIAJUKAN
    tetapkan = izin.dapat_menetapkan_lembar(u, lembar) and lembar.status == StatusLembar.DITINJAU
    return render(
        request,
        "evaluasi/lembar.html",
        {
            "organisasi": lembar.organisasi,
            "lembar": lembar,
            **rinci,
            "riwayat": riwayat,
            "grafik": grafik.riwayat(tuple((t, n) for t, n, _p, _s in riwayat)) if riwayat else "",
            "boleh_isi": isi,
            "boleh_tinjau": tinjau,
            "boleh_tetapkan": tetapkan,
            "boleh_kembalikan": (
                (izin.dapat_meninjau_lembar(u, lembar) or izin.dapat_menetapkan_lembar(u, lembar))
                and lembar.status in (StatusLembar.DIAJUKAN, StatusLembar.DITINJAU)
            ),
            "kandidat": kandidat(lembar.organisasi, lembar.tahun) if (isi or tinjau) else [],
            "transisi": lembar.transisi.select_related("aktor"),
            "rekomendasi": lembar.rekomendasi.order_by("urutan", "id"),
        },
    )


@require_POST
@login_required
@_larangan
def buka(request, slug, tahun):
    org = get_object_or_404(Organisasi, slug=slug)
    try:
        layanan.lembar_buka(organisasi=org, tahun=tahun, aktor=request.user)
    except ValidationError as e:
        messages.error(request, _pesan_galat(e))
    return redirect(f"/evaluasi/{slug}/lke/{tahun}/")


def _jawaban(lembar, pk) -> Jawaban:
    return get_object_or_404(Jawaban, pk=pk, lembar=lembar)


@require_POST
@login_required
@_larangan
def jawab(request, slug, tahun, pk):
    lembar = _lembar(request, slug, tahun)
    j = _jawaban(lembar, pk)
    _jalankan(
        request,
        lambda: layanan.jawaban_isi(
            jawaban=j,
            nilai_usulan=request.POST.get("nilai_usulan", ""),
            catatan=request.POST.get("catatan", ""),
            aktor=request.user,
        ),
        f"Nilai usulan kriteria {j.kode} disimpan.",
    )
    return _kembali(request, lembar, f"k-{j.kode}")


@require_POST
@login_required
@_larangan
def tinjau(request, slug, tahun, pk):
    lembar = _lembar(request, slug, tahun)
    j = _jawaban(lembar, pk)
    setuju = request.POST.get("keputusan") == "setuju"
    _jalankan(
        request,
        lambda: layanan.jawaban_tinjau(
            jawaban=j,
            setuju=setuju,
            nilai_penetapan=request.POST.get("nilai_penetapan", ""),
            alasan=request.POST.get("alasan", ""),
            aktor=request.user,
        ),
        f"Tinjauan kriteria {j.kode} disimpan.",
    )
    return _kembali(request, lembar, f"k-{j.kode}")


@require_POST
@login_required
@_larangan
def bukti(request, slug, tahun, pk):
    lembar = _lembar(request, slug, tahun)
    j = _jawaban(lembar, pk)
    if request.FILES.get("berkas"):
        f = lambda: layanan.bukti_unggah(  # noqa: E731
            jawaban=j, berkas=request.FILES["berkas"], aktor=request.user
        )
    elif request.POST.get("tautan", "").strip():
        jenis, _, objek = request.POST["tautan"].strip().partition(":")
        f = lambda: layanan.bukti_tautkan(  # noqa: E731
            jawaban=j, jenis=jenis, objek_id=objek, aktor=request.user
        )
    else:

        def f():
            raise ValidationError(
                {"bukti": f"Pilih data Kinerja yang ditautkan atau unggah berkas untuk {j.kode}."}
            )

    _jalankan(request, f, f"Bukti kriteria {j.kode} ditambahkan.")
    return _kembali(request, lembar, f"k-{j.kode}")


@require_GET
@login_required
@_larangan
def bukti_unduh(request, pk):
    b = get_object_or_404(
        BuktiJawaban.objects.select_related("jawaban__lembar__organisasi"), pk=pk, jenis="berkas"
    )
    if not izin.dapat_melihat_lembar(request.user, b.jawaban.lembar):
        raise PermissionDenied("Anda tidak berwenang membuka bukti ini.")
    return FileResponse(
        b.berkas.open("rb"), as_attachment=False, filename=b.label, content_type=b.jenis_mime
    )


TRANSISI = {
    "ajukan": (layanan.lembar_ajukan, "Lembar kerja diajukan ke evaluator."),
    "selesai_tinjau": (
        layanan.lembar_selesai_tinjau,
        "Tinjauan selesai; menunggu pengendali mutu.",
    ),
    "kembalikan": (layanan.lembar_kembalikan, "Lembar kerja dikembalikan ke unit."),
    "finalkan": (layanan.lembar_finalkan, "Hasil evaluasi ditetapkan final."),
}


@require_POST
@login_required
@_larangan
def transisi(request, slug, tahun, aksi):
    lembar = _lembar(request, slug, tahun)
    if aksi not in TRANSISI:
        raise Http404("Tindakan tidak dikenal.")
    fungsi, sukses = TRANSISI[aksi]
    catatan = request.POST.get("catatan", "")

    def jalan():
        if aksi == "finalkan":
            fungsi(
                lembar=lembar,
                aktor=request.user,
                catatan=catatan,
                nomor_lhe=request.POST.get("nomor_lhe", ""),
                tanggal_lhe=_tanggal(request.POST.get("tanggal_lhe", ""), "Tanggal LHE"),
            )
        else:
            fungsi(lembar=lembar, aktor=request.user, catatan=catatan)

    _jalankan(request, jalan, sukses)
    return _kembali(request, lembar)


@require_POST
@login_required
@_larangan
def rekomendasi(request, slug, tahun):
    lembar = _lembar(request, slug, tahun)
    _jalankan(
        request,
        lambda: layanan.rekomendasi_catat(
            lembar=lembar,
            komponen=request.POST.get("komponen", ""),
            temuan=request.POST.get("temuan", ""),
            rekomendasi=request.POST.get("rekomendasi", ""),
            batas_waktu=_tanggal(request.POST.get("batas_waktu", ""), "Batas waktu"),
            aktor=request.user,
        ),
        "Rekomendasi dicatat di register tindak lanjut.",
    )
    return _kembali(request, lembar, "rekomendasi")


@require_GET
@login_required
@_larangan
def rekap(request, slug, tahun):
    """Worksheets of the unit and the units below it that the user may see."""
    org = get_object_or_404(Organisasi, slug=slug)
    if not dapat_melihat_organisasi(request.user, org):
        raise PermissionDenied("Anda tidak berwenang melihat unit ini.")
    qs = LembarKerja.objects.filter(organisasi__jalur__startswith=org.jalur, tahun=tahun).order_by(
        "organisasi__jalur"
    )
    baris = [
        r for r in pemilih.rekap_lembar(qs) if izin.dapat_melihat_lembar(request.user, r["lembar"])
    ]
    return render(
        request, "evaluasi/rekap.html", {"organisasi": org, "tahun": tahun, "baris": baris}
    )


# --- register -----------------------------------------------------------------------------


@require_GET
@login_required
@_larangan
def register(request, slug):
    org = get_object_or_404(Organisasi, slug=slug)
    if not dapat_melihat_organisasi(request.user, org):
        raise PermissionDenied("Anda tidak berwenang melihat register unit ini.")
    hari_ini = date.today()
    daftar = pemilih.register_terlihat(request.user, pemilih.register(org, bawahan=True)[:500])
    for e in daftar:
        e.terlambat = (
            e.status in pemilih.TERBUKA and e.batas_waktu is not None and e.batas_waktu < hari_ini
        )
        e.boleh_ubah = izin.dapat_menindaklanjuti(request.user, e.organisasi)
    return render(
        request,
        "evaluasi/register.html",
        {
            "organisasi": org,
            "daftar": daftar,
            "ringkasan": pemilih.ringkasan_register(org, hari_ini=hari_ini, user=request.user),
            "status_pilihan": StatusRegister.choices,
            "sumber_pilihan": SumberTindakLanjut.choices,
            "boleh_catat": izin.dapat_mengelola_register(request.user, org),
        },
    )


@require_POST
@login_required
@_larangan
def register_catat(request, slug):
    org = get_object_or_404(Organisasi, slug=slug)

    def jalan():
        tahun = request.POST.get("tahun", "")
        if not tahun.isdigit():
            raise ValidationError({"tahun": f"Tahun '{tahun}' bukan bilangan tahun."})
        layanan.tindak_lanjut_catat(
            organisasi=org,
            sumber=request.POST.get("sumber", ""),
            tahun=int(tahun),
            referensi=request.POST.get("referensi", ""),
            temuan=request.POST.get("temuan", ""),
            rekomendasi=request.POST.get("rekomendasi", ""),
            batas_waktu=_tanggal(request.POST.get("batas_waktu", ""), "Batas waktu"),
            aktor=request.user,
        )

    _jalankan(request, jalan, "Entri register dicatat.")
    return redirect("evaluasi_register", slug=slug)


@require_POST
@login_required
@_larangan
def register_ubah(request, slug, pk):
    org = get_object_or_404(Organisasi, slug=slug)
    entri = get_object_or_404(TindakLanjut, pk=pk, organisasi__jalur__startswith=org.jalur)
    _jalankan(
        request,
        lambda: layanan.tindak_lanjut_ubah(
            entri=entri,
            status=request.POST.get("status", ""),
            uraian=request.POST.get("uraian", ""),
            bukti=request.POST.get("bukti", ""),
            alasan=request.POST.get("alasan", ""),
            aktor=request.user,
        ),
        "Tindak lanjut disimpan.",
    )
    return redirect("evaluasi_register", slug=slug)


# --- downloads ----------------------------------------------------------------------------


@require_GET
@login_required
@_larangan
def unduh(request, slug, tahun, format):
    from kinerja.evaluasi import lhe

    lembar = _lembar(request, slug, tahun)
    nama = f"LHE-{slug}-{tahun}"
    if format == "xlsx":
        isi = lhe.lembar_xlsx(lembar)
        jenis = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        nama = f"LKE-{slug}-{tahun}.xlsx"
    elif format == "docx":
        isi = lhe.lhe_docx(lembar)
        jenis = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        nama += ".docx"
    elif format == "pdf":
        try:
            isi = lhe.lhe_pdf(lembar)
        except lhe.PdfGagal as e:
            messages.error(request, f"PDF LHE tidak dapat dibuat: {e}")
            return _kembali(request, lembar)
        jenis = "application/pdf"
        nama += ".pdf"
    else:
        raise Http404("Format tidak dikenal.")
    resp = HttpResponse(isi, content_type=jenis)
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp
