"""Who may change a unit's LKIP (keputusan 0021).

Reading follows `organisasi.lihat`. Changing it (edit a narrative block, upload the Word
template, start a build) belongs to the unit's own planners (its operators) and to admins at
or above it; pimpinan and evaluators read, and a kelurahan operator never changes the
city's report.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import dapat_melihat_draf, operator_di, peran_atas
from kinerja.organisasi.models import Peran


@rules.predicate
def dapat_menyusun_lkip(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return operator_di(user, organisasi) or Peran.ADMIN in peran_atas(user, organisasi)


rules.add_perm("lkip.susun", dapat_menyusun_lkip)


@rules.predicate
def dapat_membangun_massal(user, organisasi) -> bool:
    """Batch LKIP of every unit below (keputusan 0059): the parent unit's planners (its
    operators) and admins at or above it; a unit without units below has nothing to batch."""
    if not dapat_menyusun_lkip(user, organisasi):
        return False
    return organisasi.anak.exists()


@rules.predicate
def dapat_melihat_massal(user, organisasi) -> bool:
    """Follow and download a batch: those who may start one, and the roles that read every
    unit below (pimpinan, verifikator, evaluator, admin at or above)."""
    return dapat_menyusun_lkip(user, organisasi) or dapat_melihat_draf(user, organisasi)


rules.add_perm("lkip.bangun_massal", dapat_membangun_massal)
rules.add_perm("lkip.lihat_massal", dapat_melihat_massal)
