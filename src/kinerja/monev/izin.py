"""Who may do what in the monev (keputusan 0053).

Reading the calendar, board, early warning and reports follows `organisasi.lihat` (drafts
as `organisasi.lihat_draf`). Building the quarterly report belongs to the unit's planners
(its operators) and to admins and pimpinan at or above it; setting the calendar's rules and
due dates to admins at or above the unit. Reminders and their opt-out are one's own.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import operator_di, peran_atas
from kinerja.organisasi.models import Peran


@rules.predicate
def dapat_membangun_laporan_monev(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return operator_di(user, organisasi) or bool(
        peran_atas(user, organisasi) & {Peran.ADMIN, Peran.PIMPINAN}
    )


@rules.predicate
def dapat_mengatur_kalender(user, organisasi) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return Peran.ADMIN in peran_atas(user, organisasi)


rules.add_perm("monev.bangun", dapat_membangun_laporan_monev)
rules.add_perm("monev.atur_kalender", dapat_mengatur_kalender)
