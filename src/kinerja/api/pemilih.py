"""Reads for the API: which units a user may see, and the rows behind each endpoint."""

from __future__ import annotations

from django.db.models import Q

from kinerja.organisasi.izin import PERAN_LAYANAN_BAWAH, PERAN_PEMBACA_BAWAHAN, penugasan_aktif
from kinerja.organisasi.models import Organisasi


def organisasi_terlihat(user) -> list[Organisasi]:
    """Units `organisasi.lihat` allows, found with one query (the same rule as the predicate:
    own unit, units below for reading roles, and the units above)."""
    qs = Organisasi.objects.select_related("induk").order_by("jalur")
    if not getattr(user, "is_superuser", False):
        syarat = Q(pk__in=[])
        for p in penugasan_aktif(user):
            unit = p.organisasi
            if p.peran in PERAN_PEMBACA_BAWAHAN or p.peran == PERAN_LAYANAN_BAWAH:
                syarat |= Q(jalur__startswith=unit.jalur)
            atas = [int(x) for x in unit.jalur.strip("/").split("/") if x]
            syarat |= Q(pk__in=atas)
        qs = qs.filter(syarat)
    # The predicate stays the authority; it needs no further queries (roles are cached).
    return [o for o in qs if user.has_perm("organisasi.lihat", o)]
