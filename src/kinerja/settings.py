"""Django settings, read from environment variables.

KINERJA_SECRET_KEY   secret key (required when KINERJA_DEBUG is off)
KINERJA_DEBUG        "1" for development
KINERJA_ALLOWED_HOSTS comma-separated host names
KINERJA_DATA_DIR     where the SQLite database and uploaded files live (default: ./var)
DATABASE_URL         e.g. postgres://postgres@127.0.0.1:5432/kinerja; SQLite (WAL) when unset
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "ya", "yes", "on"}


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("KINERJA_DATA_DIR", Path.cwd() / "var")).resolve()

DEBUG = _flag("KINERJA_DEBUG")
SECRET_KEY = os.environ.get("KINERJA_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and _flag("KINERJA_PRODUKSI"):
        raise ImproperlyConfigured("KINERJA_SECRET_KEY wajib diisi di lingkungan produksi")
    SECRET_KEY = "kinerja-dev-only-key-not-for-production"  # noqa: S105

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
    "kinerja.cadangan",
    "dbbackup",
    "kinerja.perencanaan",
    "kinerja.pengukuran",
    "kinerja.evaluasi",
    "kinerja.pertukaran",
    "kinerja.anggaran",
    "kinerja.lkip",
    "kinerja.reviu_unggah",
    "kinerja.survei",
    "kinerja.survei_publik",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
        umur = int(os.environ.get("KINERJA_CONN_MAX_AGE", "60"))
        return dj_database_url.parse(url, conn_max_age=umur, conn_health_checks=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "kinerja.sqlite3",
        "OPTIONS": {
            # WAL lets readers work while one writer writes; IMMEDIATE avoids
            # "database is locked" upgrades inside write transactions.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}

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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
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
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

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
if _flag("KINERJA_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
