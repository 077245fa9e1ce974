"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from kinerja.lkip import izin  # noqa: F401
