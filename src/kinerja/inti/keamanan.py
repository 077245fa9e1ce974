"""Request guards (docs/keputusan/0029): body size (413), rate limits (429), /api/docs login.

- `BatasUkuranMiddleware` refuses a body larger than the limit from its Content-Length,
  before anything reads it: DATA_UPLOAD_MAX_MEMORY_SIZE for forms and JSON,
  KINERJA_BATAS_UNGGAH_BYTE for multipart uploads. Django's own RequestDataTooBig (a body
  without Content-Length that grows too big) gets the same 413 page.
- `BatasLajuMiddleware` applies django-ratelimit to the public survey form (per client
  address; a kiosk per its signed device cookie, with a higher limit), the login form and
  API writes (per user), with an Indonesian 429 page or JSON and Retry-After.
- `/api/docs` needs a login unless KINERJA_DOKUMEN_API_PUBLIK (KINERJA_DEBUG=1).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage
from django_ratelimit.exceptions import Ratelimited

from kinerja import angka

METODE_TULIS = {"POST", "PUT", "PATCH", "DELETE"}


def _api(request) -> bool:
    return request.path.startswith("/api/")


def _ukuran(n: int) -> str:
    """12 MB, 2,5 MB, 900 KB: the limit as people read it."""
    if n < 2**20:
        return f"{angka.angka(Decimal(n) / 1024, 0)} KB"
    mb = Decimal(n) / 2**20
    return f"{angka.angka(mb, 0 if mb == mb.to_integral_value() else 1)} MB"


# ------------------------------------------------------------------------------- 413


def terlalu_besar(request, batas: int, unggah: bool):
    jenis = "berkas unggahan" if unggah else "isian formulir"
    pesan = f"Kiriman terlalu besar: {jenis} paling banyak {_ukuran(batas)}. " + (
        "Perkecil atau pisahkan berkasnya lalu unggah lagi."
        if unggah
        else "Kurangi isian atau pecah menjadi beberapa kiriman."
    )
    if _api(request):
        return JsonResponse({"detail": pesan}, status=413)
    return render(request, "inti/terlalu_besar.html", {"pesan": pesan}, status=413)


class BatasUkuranMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unggah = request.content_type == "multipart/form-data"
        batas = (
            settings.KINERJA_BATAS_UNGGAH_BYTE if unggah else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        )
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        if batas is not None and panjang > batas:
            return terlalu_besar(request, batas, unggah)
        response = self.get_response(request)
        return response

    def process_exception(self, request, exception):  # raised inside a view
        if isinstance(exception, RequestDataTooBig):
            return terlalu_besar(request, settings.DATA_UPLOAD_MAX_MEMORY_SIZE, False)
        return None


# ------------------------------------------------------------------------------- 429


def alamat_klien(request) -> str:
    """The client address: REMOTE_ADDR, or behind a trusted proxy (KINERJA_ALAMAT_DARI_PROXY)
    the last X-Forwarded-For hop, which the proxy itself appended."""
    if getattr(settings, "KINERJA_ALAMAT_DARI_PROXY", False):
        terusan = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if terusan.strip():
            return terusan.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "tanpa-alamat"


def _kunci_alamat(group, request) -> str:
    return alamat_klien(request)


def _kunci_kios(group, request) -> str:
    from kinerja.survei_publik.views import perangkat_kios

    # a kiosk without a valid signed cookie is limited by its address like any browser
    return perangkat_kios(request) or "alamat:" + alamat_klien(request)


def _kunci_pengguna(group, request) -> str:
    # A service token is checked by the API after this middleware runs, so its calls are
    # counted per token (its digest), not per address: each system has its own limit.
    otorisasi = request.META.get("HTTP_AUTHORIZATION", "")
    if otorisasi[:7].lower() == "bearer " and otorisasi[7:].strip():
        return "token:" + hashlib.sha256(otorisasi[7:].strip().encode()).hexdigest()[:32]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"pengguna:{user.pk}"
    return "alamat:" + alamat_klien(request)


# url name → (group, key function, setting with the rate)
ATURAN = {
    "publik_formulir": ("survei", _kunci_alamat, "KINERJA_BATAS_SURVEI"),
    "publik_undangan": ("survei", _kunci_alamat, "KINERJA_BATAS_SURVEI"),
    "publik_kios": ("survei_kios", _kunci_kios, "KINERJA_BATAS_SURVEI_KIOS"),
    "masuk": ("masuk", _kunci_alamat, "KINERJA_BATAS_MASUK"),
}
ATURAN_SURVEI = {"publik_formulir", "publik_undangan", "publik_kios"}
ATURAN_API = ("api_tulis", _kunci_pengguna, "KINERJA_BATAS_API_TULIS")


def aturan_untuk(request):
    if request.method not in METODE_TULIS:
        return None
    if _api(request):
        return ATURAN_API
    cocok = getattr(request, "resolver_match", None)
    return ATURAN.get(cocok.url_name) if cocok else None


def terlalu_banyak(request, exception=None, detik: int = 60):
    """The 429 page (also RATELIMIT_VIEW for a @ratelimit decorator elsewhere)."""
    nama = getattr(getattr(request, "resolver_match", None), "url_name", "")
    kios = nama == "publik_kios"
    pesan = (
        "Terlalu banyak kiriman dari perangkat atau alamat Anda dalam waktu singkat. "
        f"Tunggu sekitar {angka.angka(max(detik, 1), 0)} detik lalu kirim lagi."
    )
    if _api(request):
        r = JsonResponse({"detail": pesan}, status=429)
    else:
        konteks = {"pesan": pesan, "kios": kios, "detik": max(detik, 1)}
        # respondents see the survey's own layout; signed-in pages the site layout
        templat = (
            "survei_publik/terlalu_banyak.html"
            if nama in ATURAN_SURVEI
            else "inti/terlalu_banyak.html"
        )
        r = render(request, templat, konteks, status=429)
    r["Retry-After"] = str(max(detik, 1))
    return r


class BatasLajuMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.path.rstrip("/") == "/api/docs"
            and not getattr(settings, "KINERJA_DOKUMEN_API_PUBLIK", False)
            and not request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path())
        aturan = aturan_untuk(request)
        if aturan is None:
            return None
        group, kunci, nama = aturan
        laju = getattr(settings, nama, "")
        if not laju:
            return None  # "" switches a limit off
        usage = get_usage(request, group=group, key=kunci, rate=laju, increment=True)
        if usage and usage["should_limit"]:
            return terlalu_banyak(request, detik=usage["time_left"])
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, Ratelimited):
            return terlalu_banyak(request)
        return None
