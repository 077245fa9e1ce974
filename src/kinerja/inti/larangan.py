"""A refusal as a page: views and the services they call raise PermissionDenied with an
Indonesian message; the user sees that message on a 403 page, not Django's bare one."""

from __future__ import annotations

import functools

from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def tangani_larangan(templat: str):
    """Decorator: PermissionDenied from the view becomes `templat` with {"pesan": ...}, 403."""

    def hias(view):
        @functools.wraps(view)
        def bungkus(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except PermissionDenied as e:
                pesan = str(e) or "Anda tidak berwenang membuka halaman ini."
                return render(request, templat, {"pesan": pesan}, status=403)

        return bungkus

    return hias
