"""Django settings, read from environment variables.

KINERJA_SECRET_KEY   secret key (required when KINERJA_DEBUG is off)
KINERJA_DEBUG        "1" for development
KINERJA_ALLOWED_HOSTS comma-separated host names
KINERJA_DATA_DIR     where the SQLite database and uploaded files live (default: ./var)
DATABASE_URL         e.g. postgres://postgres@127.0.0.1:5432/kinerja; SQLite (WAL) when unset
DATABASE_REPLICA_URL a read replica of DATABASE_URL: alias `replika` for reads (kinerja.inti.replika)
"""

import base64
import hashlib
import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from kinerja import rahasia


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "ya", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("KINERJA_DATA_DIR", Path.cwd() / "var")).resolve()

DEBUG = _flag("KINERJA_DEBUG")

# --- Secrets (issue 14, h14-ops; docs/keputusan/0027) ---------------------------------------
# No public fallback key: KINERJA_SECRET_KEY, else the random key file `kinerja demo` writes
# to DATA_DIR/rahasia (KINERJA_DEBUG=1 creates it too). KINERJA_PRODUKSI=1 accepts only the
# environment. Personal-data fingerprints use their own HMAC key, never SECRET_KEY.
PRODUKSI = _flag("KINERJA_PRODUKSI")
if PRODUKSI and DEBUG:
    raise ImproperlyConfigured("KINERJA_DEBUG=1 tidak boleh dipakai bersama KINERJA_PRODUKSI=1.")
try:
    SECRET_KEY = rahasia.kunci(
        "KINERJA_SECRET_KEY", DATA_DIR, "secret_key", buat=DEBUG, berkas_boleh=not PRODUKSI
    )
    KINERJA_KUNCI_SIDIK = rahasia.kunci(
        "KINERJA_KUNCI_SIDIK", DATA_DIR, "kunci_sidik", buat=DEBUG, berkas_boleh=not PRODUKSI
    )
except rahasia.KunciTidakAda as e:
    raise ImproperlyConfigured(str(e)) from None
if KINERJA_KUNCI_SIDIK == SECRET_KEY:
    raise ImproperlyConfigured(
        "KINERJA_KUNCI_SIDIK tidak boleh sama dengan KINERJA_SECRET_KEY: pakai dua kunci acak."
    )
# --- end secrets ------------------------------------------------------------------------------

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("KINERJA_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "ninja",  # serves its Swagger UI files locally (no CDN)
    "django_tasks",
    "django_tasks_db",
    "kinerja.inti",
    "kinerja.organisasi",
    "kinerja.pengguna",
    "kinerja.token_api",  # service tokens for other systems calling the API
    "django_otp",  # second factor (TOTP + recovery codes) for admin/verifikator/evaluator
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "kinerja.dua_faktor",
    "kinerja.cadangan",
    "dbbackup",
    "kinerja.perencanaan",
    "kinerja.skp",  # SKP pegawai (PermenPAN-RB 6/2022), beside perencanaan
    "kinerja.pengukuran",
    "kinerja.evaluasi",
    "kinerja.pertukaran",
    "kinerja.anggaran",
    "kinerja.lkip",
    "kinerja.monev",
    "kinerja.provinsi",  # province page: comparison of its units (issue 15)
    "kinerja.reviu_unggah",
    "kinerja.survei",
    "kinerja.survei_publik",
    "kinerja.terbuka",  # open data /terbuka/ (no models; keputusan 0060)
    # --- operations (issue 14, h14-ops) ---
    "pgtrigger",  # append-only audit on PostgreSQL (kinerja.audit installs the triggers)
    "csp",  # Content-Security-Policy header
    "django_ratelimit",
    "kinerja.audit",  # database triggers: audit tables refuse UPDATE/DELETE
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kinerja.inti.replika.ReplikaMiddleware",  # only with DATABASE_REPLICA_URL (keputusan 0063)
    # h14-ops: 413 before anything reads the body, then CSP, rate limits, /api/docs login
    "kinerja.inti.keamanan.BatasUkuranMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.inti.bahasa.BahasaMiddleware",  # language from the footer's cookie only (0064)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # user.is_verified() after the second factor
    "kinerja.dua_faktor.middleware.WajibDuaFaktorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "kinerja.token_api.middleware.CatatPanggilanTokenMiddleware",  # log of token calls
    "kinerja.inti.keamanan.BatasLajuMiddleware",  # h14-ops: 429 on floods (after auth)
    # Last, as django-axes asks: it turns lock-outs into a response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # lock-out after repeated failures (django-axes)
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("KINERJA_BATAS_GAGAL_MASUK", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "inti/terkunci.html"
LOGIN_URL = "masuk"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "masuk"

ROOT_URLCONF = "kinerja.urls"
WSGI_APPLICATION = "kinerja.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return _dari_url(url)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "kinerja.sqlite3",
        # Persistent as on PostgreSQL (keputusan 0061): a new connection per request paid the
        # pragmas, the schema load and, when the last one closed, a WAL checkpoint (~29 ms).
        # `./kinerja test` sets KINERJA_CONN_MAX_AGE=0 for the live-server tests.
        "CONN_MAX_AGE": int(os.environ.get("KINERJA_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE avoids
            # "database is locked" upgrades inside write transactions; timeout is SQLite's
            # busy_timeout: a writer waits up to 20 s for the lock instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


def _database_replika() -> dict | None:
    """The read replica (docs/keputusan/0063): alias `replika` when DATABASE_REPLICA_URL is
    set, read by kinerja.inti.replika's router; never migrated (it copies the primary)."""
    url = os.environ.get("DATABASE_REPLICA_URL", "").strip()
    if not url:
        return None
    return _dari_url(url)


def _dari_url(url: str) -> dict:
    """A database from a URL; PostgreSQL through kinerja.inti.postgresql, whose health check
    of a persistent connection costs no round trip (docs/keputusan/0065)."""
    umur = int(os.environ.get("KINERJA_CONN_MAX_AGE", "60"))
    konfigurasi = dj_database_url.parse(url, conn_max_age=umur, conn_health_checks=True)
    if konfigurasi["ENGINE"] == "django.db.backends.postgresql":
        konfigurasi["ENGINE"] = "kinerja.inti.postgresql"
    return konfigurasi


DATABASES = {"default": _database()}
# django-dbbackup chooses pg_dump by ENGINE name; ours is Django's PostgreSQL backend.
DBBACKUP_CONNECTOR_MAPPING = {
    "kinerja.inti.postgresql": "dbbackup.db.postgresql.PgDumpBinaryConnector"
}
DATABASE_ROUTERS: list[str] = []
if (_replika := _database_replika()) is not None:
    DATABASES["replika"] = _replika
    DATABASE_ROUTERS = ["kinerja.inti.replika.RouterReplika"]
# After a browser wrote, its reads stay on the primary this long (replication lag).
KINERJA_REPLIKA_JEDA_DETIK = int(os.environ.get("KINERJA_REPLIKA_JEDA_DETIK", "10"))

# --- Job queue (keputusan 0021) ------------------------------------------------------------
# django-tasks on the database (django-tasks-db); `kinerja pekerja` runs the tasks.
# KINERJA_ANTREAN=langsung runs each task at once in the caller (tests set this themselves).
ANTREAN_TUGAS = ["default", "laporan"]  # default: reviu, reminders; laporan: LKIP builds
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("KINERJA_ANTREAN", "").strip() == "langsung"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ANTREAN_TUGAS,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- E-mail (reminders, keputusan 0053) ----------------------------------------------------
# SMTP when KINERJA_SMTP_HOST is set (production); otherwise each message is written as a
# file under KINERJA_DATA_DIR/surel (demo: readable without a mail server).
DEFAULT_FROM_EMAIL = os.environ.get("KINERJA_SUREL_DARI", "Kinerja <kinerja@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("KINERJA_SMTP_HOST", "").strip():
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ.get("KINERJA_SMTP_HOST", "").strip()
    EMAIL_PORT = int(os.environ.get("KINERJA_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("KINERJA_SMTP_PENGGUNA", "")
    EMAIL_HOST_PASSWORD = os.environ.get("KINERJA_SMTP_SANDI", "")
    EMAIL_USE_SSL = _flag("KINERJA_SMTP_SSL")
    EMAIL_USE_TLS = not EMAIL_USE_SSL and _flag("KINERJA_SMTP_TLS", "1")
    EMAIL_TIMEOUT = 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "surel"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Indonesian is the source language of every string; English from src/kinerja/locale
# (`kinerja terjemahan`), chosen only in the footer (kinerja.inti.bahasa; keputusan 0064).
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("KINERJA_TIME_ZONE", "Asia/Jakarta")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it; collectstatic fills it
WHITENOISE_USE_FINDERS = DEBUG  # development serves app static files without collectstatic
MEDIA_ROOT = DATA_DIR / "berkas"  # outside the web root; served only through checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Evidence uploads (bukti dukung): size limit and the content types accepted.
KINERJA_BUKTI_MAKS_BYTE = int(os.environ.get("KINERJA_BUKTI_MAKS_MB", "10")) * 1024 * 1024

# Public survey form (kinerja.survei_publik): duplicate/burst rules and fingerprint retention.
KINERJA_URL_PUBLIK = os.environ.get("KINERJA_URL_PUBLIK", "")  # base URL printed on posters/QR
KINERJA_SURVEI_RETENSI_HARI = int(os.environ.get("KINERJA_SURVEI_RETENSI_HARI", "180"))
KINERJA_SURVEI_JENDELA_TELEPON_JAM = int(os.environ.get("KINERJA_SURVEI_JENDELA_TELEPON_JAM", "24"))
KINERJA_SURVEI_BATAS_PERANGKAT_MENIT = int(
    os.environ.get("KINERJA_SURVEI_BATAS_PERANGKAT_MENIT", "6")
)
KINERJA_SURVEI_BATAS_ALAMAT_MENIT = int(os.environ.get("KINERJA_SURVEI_BATAS_ALAMAT_MENIT", "10"))

SESSION_COOKIE_AGE = int(os.environ.get("KINERJA_SESSION_DETIK", "28800"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# --- Production settings (issue 14, h14-ops; docs/keputusan/0029) ---------------------------
# HTTPS: secure cookies, HSTS and the redirect; behind a TLS proxy also KINERJA_PROXY_HTTPS=1.
HTTPS = _flag("KINERJA_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("KINERJA_HSTS_DETIK", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if _flag("KINERJA_PROXY_HTTPS"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("KINERJA_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# Content-Security-Policy (django-csp 4): no inline or foreign script. Charts are inline SVG
# from matplotlib: style attributes, plus one fixed <style> element allowed by its hash.
_GAYA_SVG = "*{stroke-linejoin: round; stroke-linecap: butt}"  # what matplotlib writes
GAYA_SVG_MATPLOTLIB = (
    "'sha256-" + base64.b64encode(hashlib.sha256(_GAYA_SVG.encode()).digest()).decode() + "'"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-elem": ["'self'", GAYA_SVG_MATPLOTLIB],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Request size: form/JSON bodies (Django's limit) and uploads (multipart), refused with 413
# and an Indonesian message before the body is read (kinerja.inti.keamanan).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(float(os.environ.get("KINERJA_BATAS_ISIAN_MB", "12")) * 2**20)
KINERJA_BATAS_UNGGAH_BYTE = int(float(os.environ.get("KINERJA_BATAS_UNGGAH_MB", "60")) * 2**20)

# Cache (rate-limit counters): KINERJA_CACHE_URL (redis://...) or a database cache table,
# created by migrate (kinerja.audit post_migrate), `kinerja serve` and the test database.
_CACHE_URL = os.environ.get("KINERJA_CACHE_URL", "").strip()
if _CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _CACHE_URL,
        }
    }
elif _CACHE_URL:
    raise ImproperlyConfigured(
        f"KINERJA_CACHE_URL '{_CACHE_URL}' tidak dikenal: pakai redis://host:6379/0 atau kosongkan "
        "(cache di basis data)."
    )
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kinerja_cache",
        }
    }
    # The database cache increments with read-then-write: under concurrency a limit may let
    # a few extra requests through, which is acceptable for flood control (keputusan 0029).
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Rate limits (django-ratelimit), "N/period" with period s, m, h, d (e.g. "30/m", "200/h").
# Public survey form per client address; a kiosk per device (its signed cookie), higher.
RATELIMIT_VIEW = "kinerja.inti.keamanan.terlalu_banyak"


def _laju(nama: str, bawaan: str) -> str:
    """A rate "N/period" (period s, m, h, d, optionally with a count: "100/5m"); "" = off."""
    nilai = os.environ.get(nama, bawaan).strip().replace(" ", "")
    if nilai and not re.fullmatch(r"[1-9]\d*/\d*[smhd]", nilai):
        raise ImproperlyConfigured(
            f"{nama}='{nilai}' tidak dikenal: tulis banyaknya per periode, mis. 30/m (per menit), "
            "200/h (per jam), 100/5m (per 5 menit), atau kosongkan untuk mematikan."
        )
    return nilai


KINERJA_BATAS_SURVEI = _laju("KINERJA_BATAS_SURVEI", "30/m")
KINERJA_BATAS_SURVEI_KIOS = _laju("KINERJA_BATAS_SURVEI_KIOS", "120/m")
KINERJA_BATAS_MASUK = _laju("KINERJA_BATAS_MASUK", "20/m")
KINERJA_BATAS_API_TULIS = _laju("KINERJA_BATAS_API_TULIS", "120/m")
KINERJA_BATAS_TERBUKA = _laju("KINERJA_BATAS_TERBUKA", "120/m")  # /terbuka/ per address
KINERJA_ALAMAT_DARI_PROXY = _flag("KINERJA_ALAMAT_DARI_PROXY")  # X-Forwarded-For (last hop)

# Audit triggers (kinerja.audit): pgtrigger triggers are installed by kinerja.audit's own
# post_migrate handler, not by migrations of other apps.
PGTRIGGER_MIGRATIONS = False
PGTRIGGER_INSTALL_ON_MIGRATE = False
# Only the test settings (kinerja.settings_uji) may let Django's test flush empty the SQLite
# audit tables; never read from the environment.
KINERJA_AUDIT_BOLEH_KOSONGKAN_UJI = False

# /api/docs: the Swagger page only for logged-in users unless KINERJA_DEBUG=1.
KINERJA_DOKUMEN_API_PUBLIK = DEBUG
# --- end production settings -----------------------------------------------------------------

# django-otp: the name authenticator apps show beside the code
OTP_TOTP_ISSUER = "Kinerja"
