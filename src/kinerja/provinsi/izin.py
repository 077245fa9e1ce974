"""Who may read the province page (keputusan 0057).

The comparison of a province's units is for its pimpinan and its evaluators (inspektorat),
and for admins: a role of those kinds at the province (or above it). `organisasi.lihat` is not
enough: it lets every operator read the verified figures of the units above theirs, but a
ranking of all kota is not for a kelurahan operator.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import peran_atas
from kinerja.organisasi.models import JenisOrganisasi, Peran

PERAN_PROVINSI = {Peran.PIMPINAN, Peran.EVALUATOR, Peran.ADMIN}


@rules.predicate
def dapat_melihat_provinsi(user, organisasi) -> bool:
    if organisasi is None or organisasi.jenis != JenisOrganisasi.PROVINSI:
        return False
    if getattr(user, "is_superuser", False):
        return True
    return bool(peran_atas(user, organisasi) & PERAN_PROVINSI)


rules.add_perm("provinsi.lihat", dapat_melihat_provinsi)
