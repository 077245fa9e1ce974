"""Who may read and maintain a Perjanjian Kinerja, reusing the unit predicates of
`organisasi/izin.py` (docs/keputusan/0019-penyusunan-pk.md):

- a signed PK is read like the unit's verified figures (`organisasi.lihat`);
- a draft PK is read like a draft realisasi (`organisasi.lihat_draf`: the unit and its
  superiors);
- creating and changing a PK (lines, signing, revisions) is for the unit's own operator and
  for admins at or above it (`organisasi.isi_realisasi`), the same rule as the PK-target
  Excel import in `pertukaran`.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import dapat_melihat_draf, dapat_melihat_organisasi, dapat_mengisi
from kinerja.perencanaan.models import StatusPK


@rules.predicate
def dapat_melihat_pk(user, pk) -> bool:
    if pk.status == StatusPK.DRAFT:
        return dapat_melihat_draf(user, pk.organisasi)
    return dapat_melihat_organisasi(user, pk.organisasi)


dapat_mengubah_pk = dapat_mengisi  # on the unit (organisasi), as the PK-target import

# Rencana aksi (docs/keputusan/0049): read like the unit's signed figures (verifikator and
# pimpinan above read, never edit); kept by the unit's operator (its planner) and admins.
dapat_melihat_renaksi = dapat_melihat_organisasi
dapat_mengubah_renaksi = dapat_mengisi

rules.add_perm("perencanaan.lihat_renaksi", dapat_melihat_renaksi)
rules.add_perm("perencanaan.ubah_renaksi", dapat_mengubah_renaksi)
rules.add_perm("perencanaan.lihat_pk", dapat_melihat_pk)
rules.add_perm("perencanaan.ubah_pk", dapat_mengubah_pk)
