"""Deploy checks of the operations settings (`kinerja check --deploy`)."""

from __future__ import annotations

import os

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def kunci_dari_lingkungan(app_configs, **kwargs):
    """A key read from the demo's key file is random and private, but a production server
    should take its keys from the environment (KINERJA_PRODUKSI=1 enforces it)."""
    if getattr(settings, "PRODUKSI", False):
        return []
    berkas = [v for v in ("KINERJA_SECRET_KEY", "KINERJA_KUNCI_SIDIK") if not os.environ.get(v)]
    if not berkas:
        return []
    return [
        checks.Warning(
            f"{' dan '.join(berkas)} dibaca dari berkas kunci di folder data (dibuat "
            "`kinerja demo`), bukan dari lingkungan.",
            hint="Untuk produksi isi kunci di lingkungan dan pasang KINERJA_PRODUKSI=1 "
            "(keputusan 0027).",
            id="kinerja.W001",
        )
    ]
