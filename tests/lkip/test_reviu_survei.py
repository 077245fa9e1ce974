"""The LKIP reviu of the published survey figures (seed Tabel 19-20, 24-25, 31-34, 72): read
from AngkaTerbit and compared with the survey selectors, without the engine-only
kinerja.contoh.perhitungan."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest
from django.db import transaction

import kinerja.contoh
from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.struktur import susun_lkip
from kinerja.lkip.sumber import SumberBasisData, sumber_untuk
from kinerja.organisasi.models import Organisasi
from kinerja.rumus.bilangan import bulat

pytestmark = pytest.mark.django_db

# (sumber, uraian) -> (published, computed from the example's responses at 2 dp)
TEMUAN_SURVEI = {
    ("LKIP 2024 Tabel 24", "IKM kota, tahun 2024"): ("98.98", "98.85"),
    ("LKIP 2024 Tabel 25", "IKM kota, semester I"): ("98.63", "98.47"),
    ("LKIP 2024 Tabel 25", "IKM kota, semester II"): ("98.98", "99.22"),
    ("LKIP 2024 Tabel 32", "Indeks efektivitas koordinasi kota, tahun 2024"): ("96.55", "96.56"),
    ("LKIP 2024 Tabel 33", "Indeks efektivitas koordinasi kota, semester II"): ("96.81", "96.84"),
    (
        "LKIP 2024 Tabel 34",
        "Nilai efektivitas koordinasi bidang Perekonomian dan Pembangunan, semester II",
    ): ("97.43", "97.52"),
    (
        "LKIP 2024 Tabel 72",
        "Nilai efektivitas koordinasi bidang Pemerintahan, tahun 2024",
    ): ("95.62", "95.80"),
    (
        "LKIP 2024 Tabel 72",
        "Nilai efektivitas koordinasi bidang Perekonomian dan Pembangunan, tahun 2024",
    ): ("97.52", "97.56"),
    # (IKM 98.98 + IEK 96.81) / 2 as published in Tabel 25 and 33
    ("LKIP 2024 Tabel 20", "Indeks Kepuasan Layanan Kota Administrasi, semester II"): (
        "98.07",
        "97.90",
    ),
}


@pytest.fixture(scope="module")
def kota(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        yield Organisasi.objects.get(slug="jakarta-pusat")
        transaction.set_rollback(True)


@pytest.fixture
def tanpa_perhitungan(monkeypatch):
    """Importing the engine-only seed computation fails from here on."""
    monkeypatch.setitem(sys.modules, "kinerja.contoh.perhitungan", None)
    monkeypatch.delattr(kinerja.contoh, "perhitungan", raising=False)


def _temuan_survei(kota):
    sumber = sumber_untuk(kota, 2024)
    assert isinstance(sumber, SumberBasisData)
    return {(t.sumber, t.uraian): t for t in sumber.temuan() if t.kode.startswith("survei:")}


def test_temuan_survei_terbit_lawan_data(kota, tanpa_perhitungan):
    temuan = _temuan_survei(kota)
    assert set(temuan) == set(TEMUAN_SURVEI)
    for kunci, (terbit, hitung) in TEMUAN_SURVEI.items():
        t = temuan[kunci]
        assert Decimal(t.terbit) == Decimal(terbit), kunci
        assert bulat(Decimal(t.hitung)) == Decimal(hitung), kunci
    # Tabel 20 against Tabel 25 and 33 as published: (98.98 + 96.81) / 2
    ilk = temuan[("LKIP 2024 Tabel 20", "Indeks Kepuasan Layanan Kota Administrasi, semester II")]
    assert ilk.masukan == {"skm-kelurahan-dki": "98,98", "iek-asisten-dki": "96,81"}


def test_angka_terbit_yang_diubah_menjadi_temuan(kota, tanpa_perhitungan):
    """A wrong published kelurahan figure shows up; the rest of Tabel 31 agrees with the data."""
    from kinerja.pengukuran.models import AngkaTerbit

    with transaction.atomic():
        AngkaTerbit.objects.filter(
            organisasi__slug="jakarta-pusat-kel-cideng", kunci="survei:skm-kelurahan-dki:tahun"
        ).update(nilai=Decimal("97.86"))
        temuan = _temuan_survei(kota)
        transaction.set_rollback(True)
    t = temuan[("LKIP 2024 Tabel 31", "IKM Kelurahan Cideng, rata-rata 2024")]
    assert Decimal(t.terbit) == Decimal("97.86") and bulat(Decimal(t.hitung)) == Decimal("98.87")
    assert "rata_rata_unit" in t.catatan
    assert len(temuan) == len(TEMUAN_SURVEI) + 1


def test_lkip_reviu_tanpa_perhitungan_contoh(kota, tanpa_perhitungan):
    dok = susun_lkip(kota, 2024)
    uraian = {b.uraian for b in dok.temuan}
    assert {u for _, u in TEMUAN_SURVEI} <= uraian
    assert "Rata-rata capaian sasaran 2" in uraian  # the dashboard's finding
    assert "Konsistensi penyerapan terhadap perencanaan" in uraian  # the budget's
