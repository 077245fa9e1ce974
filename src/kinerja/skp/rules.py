"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from kinerja.skp import izin  # noqa: F401
