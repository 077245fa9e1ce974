"""Rate limit of the open data (pages, downloads, API): django-ratelimit over Django's cache,
per client address like the public survey form (`inti.keamanan.alamat_klien`), the rate in
KINERJA_BATAS_TERBUKA (default 120/m, "" switches it off)."""

from __future__ import annotations

from django.conf import settings
from django_ratelimit.core import get_usage

GRUP = "terbuka"


def _kunci(group, request) -> str:
    from kinerja.inti.keamanan import alamat_klien

    return alamat_klien(request)


def sisa_tunggu(request) -> int | None:
    """Seconds to wait when this request is over the limit, else None (counts the request)."""
    laju = getattr(settings, "KINERJA_BATAS_TERBUKA", "120/m")
    if not laju:
        return None
    usage = get_usage(request, group=GRUP, key=_kunci, rate=laju, increment=True)
    if usage and usage["should_limit"]:
        return max(int(usage["time_left"]), 1)
    return None
