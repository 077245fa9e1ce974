"""Loaded by rules' autodiscovery so the permissions are registered at start-up."""

from kinerja.provinsi import izin  # noqa: F401
