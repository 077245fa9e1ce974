"""Bab III: "dibandingkan dengan kota administrasi lain" from the other kota's verified data
where the indicator kode matches, a plain "tidak tersedia" otherwise (keputusan 0058)."""

from __future__ import annotations

import pytest
from django.db import transaction

from kinerja.contoh.kota_lain import muat_kota_lain
from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.struktur import susun_lkip
from kinerja.organisasi.models import Organisasi

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def narasi(django_db_setup, django_db_blocker):
    """The Bab III blocks without and with the example kota."""
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        kota = Organisasi.objects.get(slug="jakarta-pusat")
        tanpa = {n.kunci: n.otomatis for n in susun_lkip(kota, 2024).narasi}
        muat_kota_lain()
        dengan = {n.kunci: n.otomatis for n in susun_lkip(kota, 2024).narasi}
        transaction.set_rollback(True)
    return tanpa, dengan


def test_perbandingan_kota_lain_dari_data(narasi):
    _, dengan = narasi
    teks = dengan["bab3.ILK.kota-lain"]
    assert teks.startswith(
        "Dibandingkan dengan 3 kota administrasi lain di Provinsi DKI Jakarta yang memakai "
        "indikator berkode ILK (realisasi terverifikasi), realisasi Kota Administrasi Jakarta "
        "Pusat sebesar 97,77 berada di urutan ke-1 dari 4"
    ), teks
    assert "Kota Administrasi Jakarta Timur (data contoh)" in teks
    assert "berkode SDI" in dengan["bab3.SDI.kota-lain"]


def test_tidak_tersedia_bila_kode_tidak_cocok(narasi):
    tanpa, dengan = narasi
    assert dengan["bab3.MANRISK.kota-lain"] == (
        "Perbandingan dengan kota administrasi lain tidak tersedia: belum ada kota "
        "administrasi lain di Provinsi DKI Jakarta dengan indikator berkode MANRISK yang "
        "realisasinya terverifikasi."
    )
    # without the example kota every indicator says so
    assert all("tidak tersedia" in t for k, t in tanpa.items() if k.endswith(".kota-lain"))
    assert sum(k.endswith(".kota-lain") for k in tanpa) == 15
