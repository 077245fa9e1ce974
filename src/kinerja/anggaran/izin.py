"""Who may read and write budget data (seed Tabel 67-74).

Reading follows `organisasi.lihat` (anyone who may see the unit's figures). Writing and
importing pagu, belanja, RPD and realisasi is for the unit's own operator (the budget
administrator of that unit) and for admins at or above it, as `organisasi.isi_realisasi`.
"""

from __future__ import annotations

import rules

from kinerja.organisasi.izin import dapat_melihat_organisasi, dapat_mengisi

rules.add_perm("anggaran.lihat", dapat_melihat_organisasi)
rules.add_perm("anggaran.isi", dapat_mengisi)
