"""Builders for survey tests: a small Jakarta Pusat-like tree with kelurahan and asisten."""

import pytest

from kinerja.contoh.jakarta_pusat_2024 import TABEL_31
from kinerja.organisasi.models import Organisasi
from tests import pabrik


def pohon_jakarta_pusat(kelurahan=None):
    """kota jakarta-pusat > 2 kecamatan > kelurahan (by Tabel 31 name); sekretariat > 3 asisten."""
    kota = pabrik.organisasi(
        "Kota Administrasi Jakarta Pusat", "kota_administrasi", slug="jakarta-pusat"
    )
    kec = [
        pabrik.organisasi(f"Kecamatan Uji {i}", "kecamatan", kota, slug=f"jakarta-pusat-kec-{i}")
        for i in (1, 2)
    ]
    nama = kelurahan if kelurahan is not None else [r[0] for r in TABEL_31]
    kel = {}
    for i, n in enumerate(nama):
        slug = "jakarta-pusat-kel-" + n.lower().replace(" ", "-")
        kel[n] = pabrik.organisasi(n, "kelurahan", kec[i % 2], slug=slug)
    setda = pabrik.organisasi("Sekretariat Kota", "sekretariat", kota, slug="jakarta-pusat-setko")
    asisten = {
        a: pabrik.organisasi(f"Asisten {a}", "asisten", setda, slug=f"jakarta-pusat-asisten-{i}")
        for i, a in enumerate(
            [
                "Pemerintahan",
                "Perekonomian dan Pembangunan",
                "Administrasi dan Kesejahteraan Rakyat",
            ]
        )
    }
    return {"kota": kota, "kec": kec, "kel": kel, "asisten": asisten}


@pytest.fixture
def jp():
    return pohon_jakarta_pusat()


@pytest.fixture
def admin_kota(jp):
    return pabrik.pengguna("admin_kota", ("admin", jp["kota"]))


def organisasi_by_slug(slug):
    return Organisasi.objects.get(slug=slug)
