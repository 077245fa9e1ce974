"""The reviu page: upload an LKIP (any logged-in role), follow its status, read the findings
by chapter, download them as XLSX. Thin over `layanan` and `pemilih`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from kinerja.reviu import keluaran
from kinerja.reviu.ekstrak import UKURAN_MAKS
from kinerja.reviu_unggah import layanan, pemilih


@login_required
def halaman(request):
    if request.method == "POST":
        panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        if panjang > UKURAN_MAKS + 1024 * 1024:
            messages.error(
                request,
                f"Berkas melebihi batas {UKURAN_MAKS // (1024 * 1024)} MB; kecilkan gambar atau "
                "unggah DOCX/teksnya.",
            )
            return redirect("reviu_unggah:halaman")
        berkas = request.FILES.get("berkas")
        if berkas is None:
            messages.error(request, "Pilih berkas LKIP (PDF, DOCX atau teks) untuk direviu.")
            return redirect("reviu_unggah:halaman")
        try:
            r = layanan.unggah_reviu(
                berkas=berkas, aktor=request.user, pembanding=request.FILES.get("pembanding")
            )
        except layanan.UnggahanDitolak as e:
            messages.error(request, str(e))
            return redirect("reviu_unggah:halaman")
        return redirect("reviu_unggah:detail", r.pk)
    return render(
        request,
        "reviu_unggah/halaman.html",
        {"daftar": pemilih.reviu_pengguna(request.user), "batas_mb": UKURAN_MAKS // (1024 * 1024)},
    )


@login_required
def detail(request, pk: int):
    r = pemilih.reviu_milik(request.user, pk)
    return render(
        request,
        "reviu_unggah/detail.html",
        {"r": r, "per_bab": pemilih.temuan_per_bab(r)},
    )


@login_required
def unduh_xlsx(request, pk: int):
    r = pemilih.reviu_milik(request.user, pk)
    isi = keluaran.xlsx_bytes(pemilih.temuan(r), judul=f"Reviu angka LKIP: {r.nama_asli}")
    nama = r.nama_asli.rsplit(".", 1)[0][:80] + "-reviu.xlsx"
    respons = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    respons["Content-Disposition"] = f'attachment; filename="{nama.replace(chr(34), "")}"'
    return respons
