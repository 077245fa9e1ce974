"""The interface language (docs/keputusan/0064-bahasa-antarmuka.md).

Indonesian is the source language and the default. The language changes only when the
user chooses one in the footer of every page (a POST to `atur_bahasa`), which stores it in
the cookie `kinerja_bahasa`; the browser's Accept-Language is never read, so nobody sees
English because of how their laptop was set up. Numbers and dates stay Indonesian in every
language (kinerja.angka, Babel id_ID).
"""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

KUKI_BAHASA = "kinerja_bahasa"
UMUR_KUKI = 365 * 24 * 60 * 60  # a year


def kode_bahasa() -> set[str]:
    return {kode for kode, _nama in settings.LANGUAGES}


def bahasa_permintaan(request) -> str:
    """The cookie's language when it is one of settings.LANGUAGES, else LANGUAGE_CODE."""
    nilai = request.COOKIES.get(KUKI_BAHASA, "")
    return nilai if nilai in kode_bahasa() else settings.LANGUAGE_CODE


class BahasaMiddleware:
    """In place of Django's LocaleMiddleware: the language from the cookie only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bahasa = bahasa_permintaan(request)
        translation.activate(bahasa)
        request.LANGUAGE_CODE = bahasa
        try:
            response = self.get_response(request)
        finally:
            # The page is rendered by now; work after the request (tasks, documents, the
            # next request on this thread) starts again from Indonesian.
            translation.deactivate()
        # A shared cache must not hand one user's language to another.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", bahasa)
        return response


def tujuan_kembali(request, kembali: str) -> str:
    """Where to return after choosing: a path of this site, without query or fragment;
    anything else (another host, //host, a scheme, a relative path, control characters that
    would break the Location header) goes to the start page."""
    jalur = (kembali or "").split("?", 1)[0].split("#", 1)[0]
    if (
        jalur.startswith("/")
        and url_has_allowed_host_and_scheme(
            jalur, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        and not jalur.startswith(("//", "/\\"))
        and not any(unicodedata.category(c)[0] in "CZ" and c != " " for c in jalur)
    ):
        return jalur
    return reverse("beranda")


@require_POST
def atur_bahasa(request):
    """The footer's language buttons (POST with CSRF): store the choice, back to the page."""
    bahasa = request.POST.get("bahasa", "")
    tujuan = tujuan_kembali(request, request.POST.get("kembali", ""))
    response = HttpResponseRedirect(tujuan)
    if bahasa in kode_bahasa():
        response.set_cookie(
            KUKI_BAHASA,
            bahasa,
            max_age=UMUR_KUKI,
            samesite="Lax",
            httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
