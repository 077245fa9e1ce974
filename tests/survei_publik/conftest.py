"""Builders for the public-form tests: a kelurahan with an open SKM round and a short link."""

from __future__ import annotations

import re

import pytest

from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei_publik.layanan import tautan_buat
from tests import pabrik

DEMOGRAFI = {
    "d_jenis_kelamin": "P",
    "d_usia": "26-35",
    "d_pendidikan": "s1",
    "d_pekerjaan": "swasta",
}


@pytest.fixture
def dunia(db):
    kota = pabrik.organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    kel = pabrik.organisasi("Kelurahan Kebon Uji", "kelurahan", kota, slug="kel-uji")
    lain = pabrik.organisasi("Kelurahan Lain", "kelurahan", kota, slug="kel-lain")
    admin = pabrik.pengguna("admin_uji", ("admin", kota))
    k = kuesioner_baku("skm")
    p = putaran_buat(
        kuesioner=k, organisasi=kel, layanan=k.layanan.order_by("urutan").first(),
        jenis_periode="semester", tahun=2025, ke=1, populasi=500, aktor=admin, status="dibuka",
    )  # fmt: skip
    t = tautan_buat(putaran=p, aktor=admin, keterangan="Loket 1")
    return {
        "kota": kota,
        "kel": kel,
        "lain": lain,
        "admin": admin,
        "operator": pabrik.pengguna("op_kel", ("operator", kel)),
        "op_lain": pabrik.pengguna("op_lain", ("operator", lain)),
        "verif": pabrik.pengguna("verif_kota", ("verifikator", kota)),
        "pimpinan": pabrik.pengguna("pimpinan_kota", ("pimpinan", kota)),
        "k": k,
        "p": p,
        "t": t,
    }


def data_isian(nilai=4, **lain) -> dict:
    """A complete POST body for the 9-item SKM form."""
    d = {f"b_F{i}": str(nilai) for i in range(1, 10)}
    d.update(DEMOGRAFI)
    d.update({"saran": "", "telepon": "", "situs_web": ""})
    d.update(lain)
    return d


def csrf(client, url) -> str:
    r = client.get(url)
    m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.content.decode())
    assert m, "formulir tanpa token CSRF"
    return m.group(1)
