"""Reads of the organisation app: which units' years are published as open data."""

from __future__ import annotations

from kinerja.organisasi.models import Organisasi, PublikasiData


def publikasi(organisasi: Organisasi, tahun: int) -> PublikasiData | None:
    return PublikasiData.objects.filter(organisasi=organisasi, tahun=tahun).first()


def publikasi_terbit(slug: str, tahun: int) -> PublikasiData | None:
    """The published switch of a unit's year (with its organisation), or None: unknown unit,
    unknown year and unpublished year are the same to the public."""
    if not 1 <= tahun <= 32767:  # outside the column: no such year (never a database error)
        return None
    return (
        PublikasiData.objects.select_related("organisasi")
        .filter(organisasi__slug=slug, tahun=tahun, terbit=True)
        .first()
    )


def daftar_terbit(slug: list[str] | None = None, tahun: int | None = None) -> list[PublikasiData]:
    """Every published unit-year (one query), in tree order, latest year first; only the
    units in `slug` and the year `tahun` when given."""
    qs = PublikasiData.objects.select_related("organisasi").filter(terbit=True)
    if slug is not None:
        qs = qs.filter(organisasi__slug__in=slug)
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return list(qs.order_by("organisasi__jalur", "-tahun"))


def riwayat_publikasi(organisasi: Organisasi, tahun: int, n: int = 20) -> list:
    """The switch's audit rows (simple-history), newest first."""
    return list(
        PublikasiData.history.filter(organisasi_id=organisasi.pk, tahun=tahun)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:n]
    )
