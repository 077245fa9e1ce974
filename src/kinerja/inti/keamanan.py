"""Request guards (docs/keputusan/0029): body size (413), rate limits (429), /api/docs login.

- `BatasUkuranMiddleware` refuses a body larger than the limit from its Content-Length,
  before anything reads it: DATA_UPLOAD_MAX_MEMORY_SIZE for forms and JSON,
  KINERJA_BATAS_UNGGAH_BYTE for multipart uploads. Django's own RequestDataTooBig (a body
  without Content-Length that grows too big) gets the same 413 page.
- `BatasLajuMiddleware` applies the rate limits to the public survey form (per client
  address; a kiosk per its signed device cookie, with a higher limit), the login form and
  API writes (per user), with an Indonesian 429 page or JSON and Retry-After. Windows and
  keys are django-ratelimit's; over the database cache a count is one upsert statement, and
  a survey submission's count joins the transaction that stores it (docs/keputusan/0061).
- `/api/docs` needs a login unless KINERJA_DOKUMEN_API_PUBLIK (KINERJA_DEBUG=1).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.exceptions import RequestDataTooBig
from django.db import connections, router
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit import core as _ratelimit
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


# ------------------------------------------------------------------- counters

# One in this many counts also deletes the expired rows of the cache table: the upsert never
# culls as Django's DatabaseCache.set does (a SELECT COUNT(*) per call).
SAPU_SETIAP = 200


class TerlaluBanyak(Ratelimited):
    """Over the limit (raised inside the submission's transaction, so nothing is stored)."""

    def __init__(self, detik: int):
        super().__init__(f"batas laju terlampaui; coba lagi {detik} detik lagi")
        self.detik = detik


@dataclass(frozen=True)
class Laju:
    """One request's counter: the row of its window and the limit."""

    kunci: str
    batas: int
    kedaluwarsa: dt.datetime
    sisa: int  # seconds to the end of the window (Retry-After)


def _cache_laju():
    return caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")]


def laju_untuk(request, group: str, kunci, laju: str) -> Laju:
    """django-ratelimit's window for this key (same period start per key, same clock, so a
    test freezing django_ratelimit.core.time freezes this too)."""
    batas, periode = _ratelimit._split_rate(laju)
    nilai = kunci(group, request)
    jendela = _ratelimit._get_window(nilai, periode)
    sidik = hashlib.sha256(f"{group}|{laju}|{nilai}|{jendela}".encode()).hexdigest()[:40]
    akhir = jendela + _ratelimit.EXPIRATION_FUDGE
    return Laju(
        kunci=f"laju:{sidik}",
        batas=batas,
        kedaluwarsa=dt.datetime.fromtimestamp(akhir, tz=dt.UTC).replace(microsecond=0),
        sisa=max(jendela - int(_ratelimit.time.time()), 1),
    )


def tambah(laju: Laju) -> int:
    """Count one request in the cache table with one statement and return the count: an
    INSERT ... ON CONFLICT DO UPDATE ... RETURNING (SQLite >= 3.35, PostgreSQL), where
    DatabaseCache.add/incr needed a transaction of its own and three to five statements.
    Atomic, so concurrent requests never lose a count (the read-then-write of incr could).
    Rows carry a plain integer instead of a pickle; their "laju:" keys are never read
    through the cache API, and cache.clear() and the cull remove them like any entry."""
    cache = _cache_laju()
    conn = connections[router.db_for_write(cache.cache_model_class)]
    tabel = conn.ops.quote_name(cache._table)
    with conn.cursor() as cur:
        if random.randrange(SAPU_SETIAP) == 0:
            sekarang = dt.datetime.fromtimestamp(int(_ratelimit.time.time()), tz=dt.UTC)
            cur.execute(
                f"DELETE FROM {tabel} WHERE expires < %s",
                [conn.ops.adapt_datetimefield_value(sekarang)],
            )
        cur.execute(
            f"INSERT INTO {tabel} (cache_key, value, expires) VALUES (%s, '1', %s) "
            f"ON CONFLICT (cache_key) DO UPDATE SET "
            f"value = CAST(CAST({tabel}.value AS INTEGER) + 1 AS TEXT) RETURNING value",
            [laju.kunci, conn.ops.adapt_datetimefield_value(laju.kedaluwarsa)],
        )
        return int(cur.fetchone()[0])


# A survey submission's count waits here for the transaction that stores the response
# (hitung_tertunda, called by survei.layanan.respon_simpan), so an accepted submission costs
# one commit, not two; on SQLite that is one writer lock taken per submission instead of two.
_tertunda: ContextVar[Laju | None] = ContextVar("kinerja_laju_tertunda", default=None)


def hitung_tertunda() -> None:
    """Count the pending survey submission of this request, inside the caller's
    transaction; over the limit raises TerlaluBanyak, which rolls that transaction back
    (so the refused response is not stored and the count not raised: the stored count
    stays at the limit until the window ends, so every further submission is refused)."""
    laju = _tertunda.get()
    if laju is None:
        return
    _tertunda.set(None)
    if tambah(laju) > laju.batas:
        raise TerlaluBanyak(laju.sisa)


class BatasLajuMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _tertunda.set(None)
        try:
            response = self.get_response(request)
            laju = _tertunda.get()
            if laju is not None:
                # the submission did not reach its storing transaction (invalid form,
                # closed round, used invitation): count it now, alone; a refusal replaces
                # the response unless it is a redirect (something was already done)
                _tertunda.set(None)
                if tambah(laju) > laju.batas and not 300 <= response.status_code < 400:
                    return terlalu_banyak(request, detik=laju.sisa)
            return response
        finally:
            _tertunda.reset(token)

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
        if not laju or not getattr(settings, "RATELIMIT_ENABLE", True):
            return None  # "" switches a limit off
        if not isinstance(_cache_laju(), DatabaseCache):  # Redis: its INCR is one call
            usage = get_usage(request, group=group, key=kunci, rate=laju, increment=True)
            if usage and usage["should_limit"]:
                return terlalu_banyak(request, detik=usage["time_left"])
            return None
        hitungan = laju_untuk(request, group, kunci, laju)
        if request.resolver_match.url_name in ATURAN_SURVEI:
            _tertunda.set(hitungan)
            return None
        if tambah(hitungan) > hitungan.batas:
            return terlalu_banyak(request, detik=hitungan.sisa)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, Ratelimited):
            return terlalu_banyak(request, detik=getattr(exception, "detik", 60))
        return None
