"""Loaded by rules' autodiscovery so the budget permissions are registered at start-up."""

from kinerja.anggaran import izin  # noqa: F401
