"""The demo's 2025 year in progress (contoh/monev_2025.py, example data): the early warning
and the calendar show something real, and a second run changes nothing."""

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from django.db import transaction

        from kinerja.cli.demo import buat_akun_demo
        from kinerja.contoh.monev_2025 import siapkan_monev_2025

        with transaction.atomic():
            muat_contoh()
            buat_akun_demo()
            hasil = siapkan_monev_2025()
            yield hasil
            transaction.set_rollback(True)


def test_peringatan_dini_jakarta_pusat_2025(contoh):
    from kinerja.monev.pemilih import peringatan_dini

    kota = Organisasi.objects.get(slug="jakarta-pusat")
    baris = {b.indikator.kode: b for b in peringatan_dini([kota], 2025, dt.date(2025, 10, 15))}
    p = baris["CONTOH-PENGADUAN-BULAN"].hasil
    # 9 months summing 811, mean 90.11 -> 811 + 3 × 90.11 = 1081.33 of 1200: 90.11 %
    assert round(p.proyeksi.nilai, 2) == Decimal("1081.33") and p.berisiko
    assert "(data contoh)" in baris["CONTOH-PENGADUAN-BULAN"].indikator.nama
    assert not baris["CONTOH-ARAHAN-BULAN"].hasil.berisiko
    assert baris["CONTOH-SDI-TRIWULAN"].hasil.metode == "tren garis lurus"
    assert {"ILK", "IKM", "IEK"} <= set(baris)


def test_kalender_cideng_terlambat(contoh):
    from kinerja.monev.pemilih import kalender

    cideng = contoh["kelurahan"]
    kal = {b.kunci: b for b in kalender([cideng], 2025, dt.date(2025, 10, 15))[cideng.pk]}
    assert kal[f"realisasi:{cideng.pk}:2025:bulan:8"].keadaan == "selesai"
    assert kal[f"realisasi:{cideng.pk}:2025:bulan:9"].keadaan == "terlambat"  # a draft
    assert kal[f"realisasi:{cideng.pk}:2025:bulan:10"].keadaan == "mendatang"


def test_idempoten(contoh):
    from kinerja.contoh.monev_2025 import siapkan_monev_2025

    n = Realisasi.objects.filter(tahun=2025).count()
    assert siapkan_monev_2025()["baru"] == 0
    assert Realisasi.objects.filter(tahun=2025).count() == n
