"""Public form (no login), kiosk, invitations, QR/poster, and the staff pages (links,
invitations, kiosk activation, reviewer queue). Thin: writes go through `layanan`."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.middleware.csrf import rotate_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.organisasi.models import Organisasi
from kinerja.survei.layanan import respon_tinjau
from kinerja.survei.models import Jawaban, PutaranSurvei, Respon, StatusRespon
from kinerja.survei_publik import layanan, qr
from kinerja.survei_publik.forms import FormulirSurvei, struktur
from kinerja.survei_publik.models import TautanPublik, Undangan

KUKI_KIOS = "kinerja_kios"
GARAM_KIOS = "kinerja.survei_publik.kios"
DETIK_KIOS = 6  # the kiosk thank-you page returns to an empty form after this


def _tolak(request, e: layanan.TidakMenerima):
    return render(request, "survei_publik/tutup.html", {"pesan": e.pesan}, status=e.status)


def _pesan(e: ValidationError) -> list[str]:
    return [m for d in getattr(e, "message_dict", {"": e.messages}).values() for m in d]


def url_publik(request, nama: str, *args) -> str:
    """Absolute URL for links and QR codes: KINERJA_URL_PUBLIK when set (staff may be on an
    intranet host that respondents cannot reach), else the request's host."""
    jalur = reverse(nama, args=args)
    dasar = getattr(settings, "KINERJA_URL_PUBLIK", "").rstrip("/")
    return f"{dasar}{jalur}" if dasar else request.build_absolute_uri(jalur)


# ------------------------------------------------------------------------ public form


def _isi_formulir(request, *, tautan=None, undangan_token=None, putaran, kios=False, perangkat=""):
    """GET: an empty form; POST: store and redirect to the thank-you page (PRG), or show
    the errors with the respondent's own answers kept."""
    s = struktur(putaran.kuesioner_id)
    telepon = undangan_token is None
    form = FormulirSurvei(request.POST or None, struktur=s, telepon=telepon)
    if request.method == "POST" and form.is_valid():
        isian = form.isian()
        isian.alamat_klien = request.META.get("REMOTE_ADDR", "")
        isian.id_perangkat = perangkat
        try:
            if undangan_token is not None:
                layanan.respon_undangan_simpan(
                    token=undangan_token, isian=isian, jebakan=form.jebakan
                )
                return redirect("publik_undangan_selesai")
            layanan.respon_publik_simpan(
                tautan=tautan, isian=isian, kios=kios, jebakan=form.jebakan
            )
        except layanan.TidakMenerima as e:
            return _tolak(request, e)
        except ValidationError as e:
            for m in _pesan(e):
                form.add_error(None, m)
        else:
            if kios:
                rotate_token(request)  # the next respondent gets a fresh CSRF token
                return redirect("publik_kios_selesai", kode=tautan.kode)
            return redirect("publik_selesai", kode=tautan.kode)
    return render(
        request,
        "survei_publik/formulir.html",
        {"form": form, "putaran": putaran, "kuesioner": putaran.kuesioner, "kios": kios,
         "tautan": tautan, "undangan": undangan_token is not None},
    )  # fmt: skip


@never_cache
def formulir(request, kode):
    try:
        t = layanan.tautan_menerima(kode, lengkap=request.method != "POST")
    except layanan.TidakMenerima as e:
        return _tolak(request, e)
    return _isi_formulir(request, tautan=t, putaran=t.putaran)


def perangkat_kios(request) -> str:
    return request.get_signed_cookie(KUKI_KIOS, default="", salt=GARAM_KIOS)


@never_cache
def formulir_kios(request, kode):
    try:
        t = layanan.tautan_menerima(kode, lengkap=request.method != "POST")
    except layanan.TidakMenerima as e:
        return _tolak(request, e)
    perangkat = perangkat_kios(request)
    if not perangkat:
        return render(request, "survei_publik/kios_belum.html", {"tautan": t}, status=403)
    return _isi_formulir(request, tautan=t, putaran=t.putaran, kios=True, perangkat=perangkat)


@never_cache
def selesai(request, kode):
    t = get_object_or_404(TautanPublik.objects.select_related("putaran__organisasi"), kode=kode)
    return render(request, "survei_publik/terima_kasih.html", {"tautan": t, "kios": False})


@never_cache
def kios_selesai(request, kode):
    t = get_object_or_404(TautanPublik.objects.select_related("putaran__organisasi"), kode=kode)
    return render(
        request,
        "survei_publik/terima_kasih.html",
        {"tautan": t, "kios": True, "detik": DETIK_KIOS,
         "kembali": reverse("publik_kios", args=[kode])},
    )  # fmt: skip


@never_cache
def undangan(request, token):
    try:
        u = layanan.undangan_dari_token(token)
    except layanan.TidakMenerima as e:
        return _tolak(request, e)
    return _isi_formulir(request, undangan_token=token, putaran=u.putaran)


@never_cache
def undangan_selesai(request):
    return render(request, "survei_publik/terima_kasih.html", {"kios": False})


# ------------------------------------------------------------------- QR and poster


def _tautan_aktif(kode) -> TautanPublik:
    t = (
        TautanPublik.objects.select_related(
            "putaran__organisasi", "putaran__layanan", "putaran__kuesioner"
        )
        .filter(kode=kode, aktif=True)
        .first()
    )
    if t is None:
        raise Http404("Tautan tidak dikenal atau tidak aktif")
    return t


def qr_png(request, kode):
    t = _tautan_aktif(kode)
    r = HttpResponse(
        qr.png(url_publik(request, "publik_formulir", t.kode)), content_type="image/png"
    )
    r["Content-Disposition"] = f'inline; filename="survei-{t.kode}.png"'
    return r


def qr_svg(request, kode):
    t = _tautan_aktif(kode)
    isi = qr.svg(url_publik(request, "publik_formulir", t.kode))
    r = HttpResponse(isi, content_type="image/svg+xml")
    r["Content-Disposition"] = f'inline; filename="survei-{t.kode}.svg"'
    return r


def poster(request, kode):
    t = _tautan_aktif(kode)
    tautan = url_publik(request, "publik_formulir", t.kode)
    return render(
        request,
        "survei_publik/poster.html",
        {"t": t, "p": t.putaran, "tautan": tautan, "qr": qr.svg_sebaris(tautan),
         "tautan_pendek": tautan.split("://", 1)[-1]},
    )  # fmt: skip


# ------------------------------------------------------------------------- staff pages


def _putaran_kelola(request, pk) -> PutaranSurvei:
    p = get_object_or_404(
        PutaranSurvei.objects.select_related("organisasi", "layanan", "kuesioner"), pk=pk
    )
    if not dapat_mengisi(request.user, p.organisasi):
        raise PermissionDenied
    return p


@login_required
@never_cache
def kelola(request, pk):
    """Links, QR, poster, kiosk and invitations of one round (operator/admin of the unit)."""
    p = _putaran_kelola(request, pk)
    baru = []
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        try:
            if aksi == "tautan_buat":
                t = layanan.tautan_buat(
                    putaran=p, aktor=request.user, keterangan=request.POST.get("keterangan", "")
                )
                messages.success(request, f"Tautan /s/{t.kode}/ dibuat.")
            elif aksi in ("tautan_aktif", "tautan_nonaktif"):
                t = get_object_or_404(TautanPublik, putaran=p, pk=request.POST.get("tautan") or 0)
                layanan.tautan_atur(tautan=t, aktif=aksi == "tautan_aktif", aktor=request.user)
                messages.success(request, "Status tautan diperbarui.")
            elif aksi == "undangan":
                baru = _terbitkan(request, p)
            else:
                messages.error(request, "Aksi tidak dikenal.")
        except (ValueError, ValidationError) as e:
            messages.error(request, str(e.messages[0] if hasattr(e, "messages") else e))
        if not baru:
            return redirect("publik_kelola", pk=p.pk)
    undangan = Undangan.objects.filter(putaran=p)
    return render(
        request,
        "survei_publik/kelola.html",
        {"p": p, "tautan": [
            {"t": t, "url": url_publik(request, "publik_formulir", t.kode)}
            for t in p.tautan_publik.all()],
         "baru": [{"u": b.undangan, "url": url_publik(request, "publik_undangan", b.token)}
                  for b in baru],
         "jumlah_undangan": undangan.count(),
         "undangan_dipakai": undangan.filter(dipakai_pada__isnull=False).count(),
         "daftar_undangan": undangan.order_by("pk")[:500]},
    )  # fmt: skip


def _terbitkan(request, p):
    penerima = []
    for baris in request.POST.get("penerima", "").splitlines():
        if baris.strip():
            nama, _, email = baris.partition(";")
            penerima.append((nama, email))
    try:
        jumlah = int(request.POST.get("jumlah") or 0)
    except ValueError:
        raise ValueError("Jumlah undangan harus bilangan bulat.") from None
    baru = layanan.undangan_terbitkan(
        putaran=p, aktor=request.user, jumlah=jumlah, penerima=penerima
    )
    messages.success(
        request, f"{len(baru)} undangan diterbitkan. Salin tautannya sekarang: tautan tidak "
        "dapat ditampilkan lagi (hanya sidiknya yang disimpan).",
    )  # fmt: skip
    return baru


@login_required
def kios_aktifkan(request, kode):
    """Staff turn this browser into a kiosk: a signed device-id cookie, then log out so
    respondents on the shared tablet never inherit a staff session."""
    t = get_object_or_404(TautanPublik.objects.select_related("putaran__organisasi"), kode=kode)
    if not dapat_mengisi(request.user, t.putaran.organisasi):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "survei_publik/kios_aktifkan.html", {"t": t})
    perangkat = "kios-" + secrets.token_hex(6)
    logout(request)
    r = redirect("publik_kios", kode=t.kode)
    r.set_signed_cookie(
        KUKI_KIOS, perangkat, salt=GARAM_KIOS, max_age=400 * 24 * 3600, httponly=True,
        samesite="Lax", secure=request.is_secure(),
    )  # fmt: skip
    return r


def _organisasi_tinjau(request, slug) -> Organisasi:
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat_draf", org):
        raise PermissionDenied
    return org


@login_required
@never_cache
def antrean(request, slug):
    """Reviewer queue: flagged responses of the unit and the units below it."""
    org = _organisasi_tinjau(request, slug)
    status = request.GET.get("status", StatusRespon.MERAGUKAN)
    if status not in StatusRespon.values:
        status = StatusRespon.MERAGUKAN
    respon = (
        Respon.objects.filter(putaran__organisasi__jalur__startswith=org.jalur, status=status)
        .select_related("putaran__organisasi", "putaran__layanan", "putaran__kuesioner")
        .prefetch_related(
            Prefetch(
                "jawaban",
                queryset=Jawaban.objects.select_related("butir").order_by("butir__urutan"),
            )
        )
        .order_by("-diterima_pada")[:200]
    )
    return render(
        request,
        "survei_publik/antrean.html",
        {"org": org, "respon": respon, "status": status, "status_pilihan": StatusRespon.choices,
         "boleh_tinjau": dapat_memverifikasi(request.user, org)},
    )  # fmt: skip


@login_required
@require_POST
def antrean_tinjau(request, pk):
    respon = get_object_or_404(Respon.objects.select_related("putaran__organisasi"), pk=pk)
    slug = request.POST.get("kembali") or respon.putaran.organisasi.slug
    org = _organisasi_tinjau(request, slug)
    if not respon.putaran.organisasi.jalur.startswith(org.jalur):
        raise PermissionDenied
    try:
        respon_tinjau(
            respon=respon, status=request.POST.get("status", ""),
            alasan=request.POST.get("alasan", ""), aktor=request.user,
        )  # fmt: skip
        messages.success(request, f"Respon {respon.pk}: status diperbarui.")
    except PermissionDenied:
        messages.error(request, "Hanya verifikator atau admin unit ini yang dapat meninjau respon.")
    except ValidationError as e:
        messages.error(request, "; ".join(_pesan(e)))
    return redirect(
        f"{reverse('publik_antrean', args=[org.slug])}?status={request.POST.get('dari', 'meragukan')}"
    )
