"""Writes of the organisation app: the open-data switch of a unit's year (keputusan 0060)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.organisasi.models import Organisasi, PublikasiData

TAHUN_MIN, TAHUN_MAKS = 2000, 2100


@transaction.atomic
def publikasi_atur(
    *, aktor, organisasi: Organisasi, tahun: int, terbit: bool, alasan: str = ""
) -> PublikasiData:
    """Publish (`terbit=True`) or withdraw a unit's year on /terbuka/. Only the unit's
    planners (operators) and admins at or above it (`organisasi.terbitkan_data`); every
    change is a simple-history row with who, when and why. Setting the state it already has
    writes nothing."""
    if not aktor.has_perm("organisasi.terbitkan_data", organisasi):
        raise PermissionDenied(
            f"Data terbuka {organisasi.nama} hanya dapat diterbitkan atau ditarik oleh "
            "perencana (operator) unit itu atau admin."
        )
    if not isinstance(tahun, int) or not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise ValidationError(
            {"tahun": f"Tahun harus bilangan bulat {TAHUN_MIN}-{TAHUN_MAKS}, bukan '{tahun}'."}
        )
    alasan = (alasan or "").strip()
    p = PublikasiData.objects.select_for_update().filter(organisasi=organisasi, tahun=tahun).first()
    if p is not None and p.terbit == terbit:
        return p
    if p is None:
        p = PublikasiData(organisasi=organisasi, tahun=tahun)
    p.terbit, p.diubah_oleh = terbit, aktor
    p._history_user = aktor
    p._change_reason = (
        ("diterbitkan" if terbit else "ditarik") + (f": {alasan}" if alasan else "")
    )[:100]
    p.save()
    return p
