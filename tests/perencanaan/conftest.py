"""A small tree (tests/pabrik.pohon_kecil) plus an admin at the kota, and the Kelurahan A
indicators a planning officer picks from when building a PK."""

from __future__ import annotations

import pytest

from tests import pabrik
from tests.perencanaan.bantu import indikator


@pytest.fixture
def p(db):
    p = pabrik.pohon_kecil()
    p["admin"] = pabrik.pengguna("admin_kota", ("admin", p["kota"]))
    kel = p["kel_a"]
    p["ikm"] = indikator(
        kel, "Indeks Kepuasan Masyarakat", uraian="Meningkatnya kualitas pelayanan", satuan="Nilai"
    )
    p["sampah"] = indikator(
        kel, "Persentase sampah terkelola", nomor=2, uraian="Lingkungan bersih", satuan="%"
    )
    p["opini"] = indikator(
        kel, "Opini BPK", nomor=2, satuan="Opini", jenis_target="kualitatif", skala_ordinal="opini"
    )
    p["inflasi"] = indikator(kel, "Tingkat inflasi", nomor=2, satuan="%", jenis_target="rentang")
    return p
