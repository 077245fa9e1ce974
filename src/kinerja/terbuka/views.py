"""Open data pages (no login) and the switch page for planners (keputusan 0060). Thin: the
figures come from `terbuka.pemilih`, the switch from `organisasi.pemilih`/`layanan`.

Public views answer an unknown unit, an unknown year and an unpublished year with the same
Indonesian 404 page, and read nothing from the query string, so no parameter can reach data
that is not published."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kinerja import angka
from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.organisasi import pemilih as pemilih_organisasi
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.organisasi.models import Organisasi
from kinerja.terbuka import ekspor, kamus, laju, pemilih
from kinerja.terbuka.pemilih import BATAS_RESPONDEN_IKM, KOMPONEN_NKA

# Browsers and proxies keep a page this long: a withdrawal reaches them within a minute.
# The figures themselves are cached longer on the server (pemilih.DETIK_CACHE), under a key
# that changes with the switch.
DETIK_HTTP = 60


def tidak_ada(request):
    return render(
        request,
        "terbuka/tidak_ada.html",
        {"pesan": _("Unit atau tahun ini tidak dikenal, atau datanya belum diterbitkan.")},
        status=404,
    )


def terlalu_banyak(request, detik: int):
    pesan = _(
        "Terlalu banyak permintaan dari alamat Anda dalam waktu singkat. "
        "Tunggu sekitar %(detik)s detik lalu muat ulang halaman."
    ) % {"detik": angka.angka(detik, 0)}
    r = render(request, "terbuka/terlalu_banyak.html", {"pesan": pesan}, status=429)
    r["Retry-After"] = str(detik)
    return r


def publik(view):
    """No login; rate limited per address; cacheable for DETIK_HTTP seconds. Shared caches
    may keep only answers that set no cookie (the downloads): a page carries the footer's
    language form, whose CSRF cookie the middleware sets after this wrapper has run (it
    marks the request), and one visitor's cookie must never be handed to another."""

    @wraps(view)
    def bungkus(request, *args, **kwargs):
        tunggu = laju.sisa_tunggu(request)
        if tunggu is not None:
            return terlalu_banyak(request, tunggu)
        r = view(request, *args, **kwargs)
        if r.status_code == 200:
            if r.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
                patch_cache_control(r, private=True, max_age=DETIK_HTTP)
            else:
                patch_cache_control(r, public=True, max_age=DETIK_HTTP)
        return r

    return require_GET(bungkus)


def _terbit(slug: str, tahun: int):
    return pemilih_organisasi.publikasi_terbit(slug, tahun)


def tautan_unduhan(slug: str, tahun: int, pdf: bool) -> dict[str, str]:
    t = {f: reverse(f"terbuka:unduh_{f}", args=[slug, tahun]) for f in ("csv", "json", "xlsx")}
    if pdf:
        t["pdf"] = reverse("terbuka:lkip_pdf", args=[slug, tahun])
    t["kamus"] = reverse("terbuka:kamus")
    return t


@publik
def daftar(request):
    unit: dict[int, dict] = {}
    for p in pemilih_organisasi.daftar_terbit():
        u = unit.setdefault(p.organisasi_id, {"organisasi": p.organisasi, "tahun": []})
        u["tahun"].append(p.tahun)
    return render(request, "terbuka/daftar.html", {"unit": list(unit.values())})


@publik
def unit(request, slug: str, tahun: int):
    p = _terbit(slug, tahun)
    if p is None:
        return tidak_ada(request)
    from kinerja.pengukuran import grafik

    d = pemilih.data(p)
    org = p.organisasi
    grafik_capaian = grafik.batang_capaian(
        [(i["indikator"], i["capaian"], i["predikat"]) for i in d["indikator"]],
        _("Capaian indikator kinerja %(unit)s %(tahun)s (%%)") % {"unit": org.nama, "tahun": tahun},
    )
    grafik_predikat = (
        grafik.batang_predikat(d["predikat"], _("Jumlah indikator per predikat"))
        if d["predikat"]
        else ""
    )
    ada_pdf = pemilih.lkip_pdf(org, tahun) is not None
    lain = [x.tahun for x in pemilih_organisasi.daftar_terbit([org.slug]) if x.tahun != tahun]
    return render(
        request,
        "terbuka/unit.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "d": d,
            "grafik_capaian": grafik_capaian,
            "grafik_predikat": grafik_predikat,
            "tautan": tautan_unduhan(slug, tahun, ada_pdf),
            "tahun_lain": lain,
            "batas_responden": BATAS_RESPONDEN_IKM,
        },
    )


def _berkas(isi: bytes, jenis: str, nama: str) -> HttpResponse:
    r = HttpResponse(isi, content_type=jenis)
    r["Content-Disposition"] = f'attachment; filename="{nama}"'
    return r


def _nama(p, ext: str) -> str:
    return f"kinerja-{p.organisasi.slug}-{p.tahun}.{ext}"


@publik
def unduh_csv(request, slug: str, tahun: int):
    p = _terbit(slug, tahun)
    if p is None:
        return tidak_ada(request)
    return _berkas(ekspor.csv_bytes(pemilih.data(p)), "text/csv; charset=utf-8", _nama(p, "csv"))


@publik
def unduh_json(request, slug: str, tahun: int):
    p = _terbit(slug, tahun)
    if p is None:
        return tidak_ada(request)
    ada_pdf = pemilih.lkip_pdf(p.organisasi, tahun) is not None
    isi = ekspor.json_bytes(pemilih.data(p), tautan_unduhan(slug, tahun, ada_pdf))
    return _berkas(isi, "application/json; charset=utf-8", _nama(p, "json"))


@publik
def unduh_xlsx(request, slug: str, tahun: int):
    p = _terbit(slug, tahun)
    if p is None:
        return tidak_ada(request)
    return _berkas(
        ekspor.xlsx_bytes(pemilih.data(p)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _nama(p, "xlsx"),
    )


@publik
def lkip_pdf(request, slug: str, tahun: int):
    p = _terbit(slug, tahun)
    path = pemilih.lkip_pdf(p.organisasi, tahun) if p is not None else None
    if path is None:
        return tidak_ada(request)
    return FileResponse(
        path.open("rb"),
        as_attachment=False,
        filename=f"LKIP-{slug}-{tahun}.pdf",
        content_type="application/pdf",
    )


@publik
def kamus_data(request):
    return render(
        request,
        "terbuka/kamus.html",
        {
            "kolom": kamus.KOLOM,
            "kelompok": kamus.KELOMPOK,
            "format": kamus.FORMAT,
            "komponen_nka": [(k, _(label)) for k, label in KOMPONEN_NKA],
            "batas_responden": BATAS_RESPONDEN_IKM,
        },
    )


# ------------------------------------------------------------------ the switch (staff)


@login_required
@require_http_methods(["GET", "POST"])
def kelola(request, slug: str, tahun: int):
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404(_("Tahun di luar %(min)s-%(maks)s.") % {"min": TAHUN_MIN, "maks": TAHUN_MAKS})
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied(_("Anda tidak memiliki peran di unit ini."))
    boleh = request.user.has_perm("organisasi.terbitkan_data", org)
    if request.method == "POST":
        aksi = request.POST.get("aksi", "")
        if aksi not in ("terbit", "tarik"):
            messages.error(request, _("Pilih tindakan: terbitkan atau tarik."))
            return redirect("terbuka:kelola", slug, tahun)
        try:
            publikasi_atur(
                aktor=request.user,
                organisasi=org,
                tahun=tahun,
                terbit=aksi == "terbit",
                alasan=request.POST.get("alasan", "")[:80],
            )
        except ValidationError as e:
            for m in e.messages:
                messages.error(request, m)
        else:
            messages.success(
                request,
                _("Data %(unit)s %(tahun)s diterbitkan di /terbuka/.")
                % {"unit": org.nama, "tahun": tahun}
                if aksi == "terbit"
                else _("Data %(unit)s %(tahun)s ditarik dari /terbuka/.")
                % {"unit": org.nama, "tahun": tahun},
            )
        return redirect("terbuka:kelola", slug, tahun)
    p = pemilih_organisasi.publikasi(org, tahun)
    return render(
        request,
        "terbuka/kelola.html",
        {
            "organisasi": org,
            "tahun": tahun,
            "publikasi": p,
            "terbit": bool(p and p.terbit),
            "boleh": boleh,
            "riwayat": pemilih_organisasi.riwayat_publikasi(org, tahun),
        },
    )
