"""Fixtures: the Jakarta Pusat 2024 budget loaded into an organisation with verified
sasaran strategis (Tabel 73), and users with roles."""

from decimal import Decimal

import pytest

from kinerja.anggaran.contoh import muat_anggaran
from kinerja.pengukuran.models import Realisasi
from tests import pabrik

# Tabel 73: sasaran strategis 1 and 2 with their verified indicators (target, realisasi).
SASARAN_STRATEGIS = (
    (1, "Indeks Kepuasan Layanan Kota Administrasi", "93.93", "97.77"),
    (2, "IKM layanan kegiatan kemasyarakatan di kecamatan dan kelurahan", "97.52", "98.98"),
    (2, "Indeks Efektivitas Koordinasi Kota Administrasi", "90.35", "96.55"),
)


def sasaran_terverifikasi(org, tahun=2024):
    for nomor, nama, target, realisasi in SASARAN_STRATEGIS:
        ind, _ = pabrik.indikator_pk(org, tahun=tahun, target=target, nama=nama, nomor=nomor)
        Realisasi.objects.create(
            indikator=ind,
            organisasi=org,
            tahun=tahun,
            jenis_periode="tahun",
            nilai=Decimal(realisasi),
            status="diverifikasi",
        )


@pytest.fixture
def jakpus(db):
    org = pabrik.organisasi(
        "Kota Administrasi Jakarta Pusat", "kota_administrasi", slug="jakarta-pusat"
    )
    sasaran_terverifikasi(org)
    muat_anggaran(org)
    return org


@pytest.fixture
def operator(jakpus):
    return pabrik.pengguna("op_anggaran", ("operator", jakpus))


@pytest.fixture
def pimpinan(jakpus):
    return pabrik.pengguna("pimpinan_anggaran", ("pimpinan", jakpus))
