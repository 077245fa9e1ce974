"""Who may change a unit's LKIP (keputusan 0021).

Reading follows `organisasi.lihat`. Changing it (edit a narrative block, upload the Word
template, start a build) belongs to the unit's own planners (its operators) and to admins at
or above it; pimpinan and evaluators read, and a kelurahan operator never changes the
city's report.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import operator_di, peran_atas
from kinerja.organisasi.models import Peran


@rules.predicate
def dapat_menyusun_lkip(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return operator_di(user, organisasi) or Peran.ADMIN in peran_atas(user, organisasi)


rules.add_perm("lkip.susun", dapat_menyusun_lkip)
