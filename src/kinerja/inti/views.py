from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kinerja.inti import pemilih, siklus
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.skp.izin import pegawai_pengguna


def sehat(request):
    """Health check for load balancers: answers only when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "sehat", "basis_data": connection.vendor})


def _tahun(request) -> int:
    """?tahun= chooses the working year and keeps it in the session for the navigation."""
    tahun = siklus.tahun_valid(request.GET.get("tahun"))
    if tahun is not None:
        if request.session.get(siklus.KUNCI_TAHUN) != tahun:
            request.session[siklus.KUNCI_TAHUN] = tahun
        return tahun
    return siklus.tahun_kerja(request)


def _konteks(request, tahap: list[str] | None = None) -> dict:
    tahun = _tahun(request)
    units = pemilih.unit_pengguna(request.user)
    ringkasan = siklus.Ringkasan.baca(request.user, units, tahun)
    return {
        "tahun": tahun,
        "tahun_pilihan": siklus.pilihan_tahun(ringkasan, tahun),
        "unit": siklus.kartu_unit(request.user, units, ringkasan, tahap),
    }


@require_GET
@login_required
def beranda(request):
    """Start page: per unit where the user holds a role, one card per SAKIP stage with the
    links of that role and a status line (bounded queries, see pemilih.py)."""
    from kinerja.pengguna.izin import unit_admin
    from kinerja.provinsi.pemilih import provinsi_pengguna

    konteks = _konteks(request)
    konteks["kelola_pengguna"] = bool(unit_admin(request.user))
    konteks["pegawai_saya"] = pegawai_pengguna(request.user)  # SKP (issue 16)
    konteks["provinsi"] = provinsi_pengguna(request.user)  # province page (issue 15)
    return render(request, "inti/beranda.html", konteks)


def _putaran_survei(request, unit: list[siklus.KartuUnit], tahun: int) -> None:
    """The survey stage page's rounds: each of the user's units lists its own rounds and
    the units below it that have some; ?unit=<slug> opens one of those (bounded queries)."""
    org = [ku.unit.organisasi for ku in unit]
    bawahan = pemilih.unit_berputaran(org, tahun)
    pilih = next((b for b in bawahan if b.slug == request.GET.get("unit")), None)
    tampil = {o.pk for o in org} | ({pilih.pk} if pilih else set())
    baris: dict[int, list] = {}
    for p in pemilih.putaran_unit(tampil, tahun):
        baris.setdefault(p.organisasi_id, []).append(
            {
                "p": p,
                "kelola": dapat_mengisi(request.user, p.organisasi),
                "tinjau": dapat_memverifikasi(request.user, p.organisasi),
            }
        )
    sendiri = {o.pk for o in org}
    for b in bawahan:
        if b.pk in sendiri:
            continue
        # listed under the nearest of the user's units above it
        ku = next(k for k in reversed(unit) if b.jalur.startswith(k.unit.organisasi.jalur))
        b.putaran = baris.get(b.pk, []) if b is pilih else []
        ku.bawahan.append(b)
    for ku in unit:
        ku.putaran = baris.get(ku.unit.organisasi.pk, [])
        for k in ku.kartu:  # the card's link to this very page
            k.tautan = [t for t in k.tautan if not t.url.startswith(request.path)]


@require_GET
@login_required
def tahap(request, tahap: str):
    """One stage for all the user's units: where the navigation sends a user with several
    units, and the survey stage's list of rounds (import, public links, QR)."""
    if tahap not in siklus.TAHAP_PER_KODE:
        raise Http404("Tahap tidak dikenal.")
    konteks = _konteks(request, [tahap])
    if tahap == "survei":
        _putaran_survei(request, konteks["unit"], konteks["tahun"])
    return render(request, "inti/tahap.html", {**konteks, "tahap": siklus.TAHAP_PER_KODE[tahap]})


@require_GET
@login_required
def pindah_unit(request):
    """The unit and year picker: the same page for another unit or year. Only internal URLs
    come out of `reverse`, so no open redirect; the target view checks the permission. The
    choice is remembered in the session (the navigation's working year)."""
    from django.shortcuts import redirect
    from django.urls import NoReverseMatch, reverse

    halaman = request.GET.get("halaman", "")
    kwargs = {"slug": request.GET.get("slug", "")[:120]}
    tahun = siklus.tahun_valid(request.GET.get("tahun"))
    if tahun is not None:
        kwargs["tahun"] = tahun
        request.session[siklus.KUNCI_TAHUN] = tahun
    if request.GET.get("kode"):  # the questionnaire of a survey results page
        kwargs["kode"] = request.GET["kode"][:80]
    request.session["kinerja_unit"] = kwargs["slug"]
    try:
        return redirect(reverse(halaman, kwargs=kwargs))
    except NoReverseMatch:
        raise Http404("Halaman untuk unit itu tidak dikenal.") from None


# --- error pages (urls.handler400/403/404/500), in the site layout, Indonesian by default ---


def _galat(request, status: int, judul: str, pesan: str):
    return render(
        request,
        "inti/galat.html",
        {"status": status, "judul": judul, "pesan": pesan},
        status=status,
    )


def galat_400(request, exception=None):
    return _galat(request, 400, _("Permintaan tidak dapat diproses"), _("Permintaan tidak sah."))


def galat_403(request, exception=None):
    pesan = str(exception) if exception and str(exception) else ""
    return _galat(
        request,
        403,
        _("Akses ditolak"),
        pesan or _("Anda tidak berwenang membuka halaman ini dengan peran Anda."),
    )


def galat_404(request, exception=None):
    return _galat(
        request,
        404,
        _("Halaman tidak ditemukan"),
        _("Alamat ini tidak ada atau unit/tahun yang diminta tidak dikenal."),
    )


def galat_500(request):
    """No context processors or database reads: the page must render when things broke."""
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("inti/galat_500.html").render())
