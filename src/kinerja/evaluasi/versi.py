"""LKE versions as data: the file evaluasi/data/lke_<kode>.json is loaded once into VersiLKE
(its content and SHA-256 kept), and every worksheet scores with the version it was opened
with. A changed regulation is a new file with a new kode; a file whose content changed under
an existing kode is refused, so old evaluations keep their criteria (docs/keputusan/0042)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError

from kinerja.evaluasi.models import VersiLKE
from kinerja.rumus import lke

DATA = Path(__file__).parent / "data"
VERSI_BAKU = "88-2021"


def muat_versi(kode: str = VERSI_BAKU) -> VersiLKE:
    """The stored version `kode`, loaded from its data file on first use."""
    berkas = DATA / f"lke_{kode.replace('-', '_')}.json"
    mentah = berkas.read_bytes()
    sha = hashlib.sha256(mentah).hexdigest()
    ada = VersiLKE.objects.filter(kode=kode).first()
    if ada is not None:
        if ada.sha256 != sha:
            raise ValidationError(
                f"Berkas LKE versi {kode} berubah sejak dimuat; simpan sebagai versi baru "
                "(kode lain) agar evaluasi lama tetap memakai kriterianya."
            )
        return ada
    data = json.loads(mentah)
    lke.versi_dari_data(data)  # validates weights, scales and the answer map
    return VersiLKE.objects.create(kode=kode, nama=data["nama"], data=data, sha256=sha)


@lru_cache(maxsize=16)
def _struktur(pk: int, sha: str) -> lke.VersiLKE:
    return lke.versi_dari_data(VersiLKE.objects.get(pk=pk).data)


def struktur(versi: VersiLKE) -> lke.VersiLKE:
    """The engine's view of a stored version (cached per content)."""
    return _struktur(versi.pk, versi.sha256)
