"""Cost of choosing the language per request: kinerja.inti.bahasa.BahasaMiddleware (cookie)
against Django's LocaleMiddleware (Accept-Language) it replaced, on the same request with an
empty view. Prints microseconds per request. Run: .venv/bin/python bench/bahasa_middleware.py"""

import os
import secrets
import timeit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings_uji")
# a throw-away key per run: the settings have no public default (issue 14)
os.environ.setdefault("KINERJA_SECRET_KEY", "bench-" + secrets.token_hex(24))
os.environ.setdefault("KINERJA_KUNCI_SIDIK", "sidik-" + secrets.token_hex(24))

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.middleware.locale import LocaleMiddleware  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from kinerja.inti.bahasa import BahasaMiddleware  # noqa: E402


def kosong(request):
    return HttpResponse("ok")


def ukur(nama, mw, **header):
    rf = RequestFactory()
    request = rf.get("/s/kode/", **header)
    n = 20000
    detik = min(timeit.repeat(lambda: mw(request), number=n, repeat=5))
    print(f"{nama:55} {detik / n * 1e6:8.1f} µs/permintaan")


ukur("LocaleMiddleware, Accept-Language en-US", LocaleMiddleware(kosong),
     HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9,id;q=0.8")  # fmt: skip
ukur("BahasaMiddleware, tanpa kuki", BahasaMiddleware(kosong))
rf_kuki = {"HTTP_COOKIE": "kinerja_bahasa=en; csrftoken=x"}
ukur("BahasaMiddleware, kuki en", BahasaMiddleware(kosong), **rf_kuki)
