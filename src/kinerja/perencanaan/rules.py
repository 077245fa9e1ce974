"""Loaded by rules' autodiscovery so the planning permissions are registered at start-up."""

from kinerja.perencanaan import izin  # noqa: F401
