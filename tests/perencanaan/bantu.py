"""A builder the shared tests/pabrik.py does not have: an indicator that is in no PK yet."""

from __future__ import annotations

from kinerja.perencanaan.models import Indikator, Sasaran


def indikator(org, nama: str, *, nomor: int = 1, uraian: str | None = None, **lain) -> Indikator:
    """An indicator of `org` under sasaran `nomor` (created when missing), not in any PK."""
    sasaran, _ = Sasaran.objects.get_or_create(
        organisasi=org, nomor=nomor, defaults={"uraian": uraian or f"Sasaran {nomor}"}
    )
    return Indikator.objects.create(sasaran=sasaran, organisasi=org, nama=nama, **lain)
