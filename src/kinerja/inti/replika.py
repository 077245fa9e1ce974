"""Read replica: reads go to the `replika` alias, writes and migrations to `default`.

Active only when `DATABASE_REPLICA_URL` is set (kinerja.settings adds the alias and this router;
without it there is one database and nothing here runs). A replica lags its primary a little,
so a read goes to `default` instead when reading stale data would be wrong
(docs/keputusan/0063-di-luar-satu-postgresql.md):

- inside a transaction on `default` (services read, then write: `transaction.atomic`);
- during a request that is not a safe method (POST and the like), and for the rest of any
  request once it has written;
- for `KINERJA_REPLIKA_JEDA_DETIK` seconds after a request of that browser wrote something: the
  middleware leaves a cookie with the time of the write, and the next requests read from
  `default` until it is that old (the user sees what they just saved, never an older copy);
- always for the apps whose rows decide who may do what or must not be read stale: sessions,
  the cache table (rate limits), login lock-outs, the job queue, second factors and API tokens.

Outside a request (commands, the job worker) only the transaction rule applies.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections

ALIAS = "replika"
KUKI = "kinerja_tulis"  # time of the last write of this browser (not a secret: it only
# makes its own reads go to the primary)

# Rows read on every request to decide access, or that must never be stale.
SELALU_UTAMA = frozenset(
    {
        "sessions",
        "django_cache",  # DatabaseCache's model: rate-limit counters
        "axes",
        "django_tasks_db",
        "otp_totp",
        "otp_static",
        "django_otp",
        "dua_faktor",
        "token_api",
    }
)


class _Keadaan:
    __slots__ = ("utama", "menulis")

    def __init__(self, utama: bool = False):
        self.utama = utama  # read from default for the whole request
        self.menulis = False  # the request wrote something


_keadaan: ContextVar[_Keadaan | None] = ContextVar("kinerja_replika", default=None)


def ada_replika() -> bool:
    return ALIAS in settings.DATABASES


def jeda_detik() -> int:
    return max(0, int(getattr(settings, "KINERJA_REPLIKA_JEDA_DETIK", 0)))


class RouterReplika:
    """Django database router (settings.DATABASE_ROUTERS)."""

    def db_for_read(self, model, **hints):
        if not ada_replika() or model._meta.app_label in SELALU_UTAMA:
            return DEFAULT_DB_ALIAS
        k = _keadaan.get()
        if k is not None and (k.utama or k.menulis):
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return ALIAS

    def db_for_write(self, model, **hints):
        k = _keadaan.get()
        if k is not None:
            k.menulis = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # the replica holds the same rows as the primary: objects of both may be related
        basis = {DEFAULT_DB_ALIAS, ALIAS}
        if obj1._state.db in basis and obj2._state.db in basis:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplikaMiddleware:
    """Keeps a browser's reads on the primary for KINERJA_REPLIKA_JEDA_DETIK after it wrote."""

    AMAN = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response):
        if not ada_replika():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        jeda = jeda_detik()
        utama = request.method not in self.AMAN
        try:
            ditulis = int(request.COOKIES.get(KUKI, ""))
        except ValueError:
            ditulis = None
        if ditulis is not None and 0 <= time.time() - ditulis < jeda:
            utama = True
        k = _Keadaan(utama)
        token = _keadaan.set(k)
        try:
            response = self.get_response(request)
        finally:
            _keadaan.reset(token)
        if k.menulis and jeda:
            response.set_cookie(
                KUKI,
                str(int(time.time())),
                max_age=jeda,
                httponly=True,
                samesite="Lax",
                secure=getattr(settings, "SESSION_COOKIE_SECURE", False),
            )
        return response
