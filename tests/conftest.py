from decimal import Decimal

import pytest


def dekat(a, b, toleransi="0.01") -> bool:
    """Seed figures are printed at 2 dp, sometimes truncated: compare within ±0.01."""
    return abs(Decimal(a) - Decimal(b)) <= Decimal(toleransi)


@pytest.fixture
def D():
    return Decimal


@pytest.fixture(autouse=True)
def _hasher_cepat(settings):
    """Tests only: a fast password hasher (production keeps Django's strong default)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _antrean_langsung(settings):
    """Tests run queued tasks at once in the caller; the queue's own tests switch back to the
    database backend and run the worker (tests/lkip/test_antrean.py)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": settings.ANTREAN_TUGAS,
        }
    }


@pytest.fixture(autouse=True)
def _struktur_kuesioner_baru():
    """The questionnaire structure is cached per process (a version is frozen); rolled-back
    test data can reuse ids on SQLite, so every test starts with an empty cache."""
    from kinerja.survei import pemilih

    pemilih.lupakan_struktur()
    yield
    pemilih.lupakan_struktur()
