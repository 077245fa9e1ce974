"""contoh.kota_lain: three example kota under the province (keputusan 0058): labelled,
deterministic, idempotent, with indicators that share Jakarta Pusat's kode and some that do
not; the LKIP's entered peer rows point to them and give way to their verified data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kinerja.contoh.kota_lain import KOTA, TERBIT, muat_kota_lain
from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import PeristiwaRealisasi, Realisasi
from kinerja.pengukuran.pemilih import dasbor, nilai_tahunan, pembanding, pembanding_kota_lain
from kinerja.perencanaan.models import Indikator
from kinerja.survei.models import Respon

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def hasil(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        yield muat_kota_lain()
        transaction.set_rollback(True)


def test_tiga_kota_berlabel_di_bawah_provinsi(hasil):
    for slug, _nama, _w in KOTA:
        kota = Organisasi.objects.get(slug=slug)
        assert kota.induk.slug == "dki-jakarta" and kota.jenis == "kota_administrasi"
        assert all("(data contoh)" in o.nama for o in kota.turunan())
        assert kota.turunan().filter(jenis="kelurahan").count() == 4
        d = dasbor(kota, 2024, hanya_terverifikasi=True)
        assert len(d.baris) == 8 and d.pk.status == "ditandatangani"
    assert hasil["baru"] > 0 and hasil["respon_baru"] > 0


def test_kode_cocok_dan_tidak_cocok(hasil):
    jp = set(
        Indikator.objects.filter(organisasi__slug="jakarta-pusat").values_list("kode", flat=True)
    )
    sel = set(
        Indikator.objects.filter(organisasi__slug="jakarta-selatan").values_list("kode", flat=True)
    )
    assert {"ILK", "IKM", "IEK", "SDI", "BMD", "PENGADUAN"} <= jp & sel
    assert sel - jp == {"CONTOH-RTH", "CONTOH-BANJIR"}
    assert "MANRISK" in jp - sel  # no peer: the LKIP says "tidak tersedia"


def test_nilai_tahunan_sama_dengan_pembanding_terbit(hasil):
    """ILK, IKM, IEK of the peers = the figures Jakarta Pusat's LKIP prints (Tabel 23/29/40)."""
    for slug, angka in TERBIT.items():
        for kode, nilai in angka.items():
            ind = Indikator.objects.get(organisasi__slug=slug, kode=kode)
            baris = {(r.jenis_periode, r.ke): r for r in Realisasi.objects.filter(indikator=ind)}
            assert nilai_tahunan(ind, baris)[0] == Decimal(nilai)
            assert all(r.status == "diverifikasi" for r in baris.values())


def test_pembanding_dari_data_tanpa_baris_ganda(hasil):
    ilk = Indikator.objects.get(organisasi__slug="jakarta-pusat", kode="ILK")
    pb = pembanding(ilk, 2024)
    assert [p.nama for p in pb] == [
        "Jakarta Barat", "Jakarta Selatan", "Jakarta Timur", "Jakarta Utara", "Kepulauan Seribu",
    ]  # fmt: skip
    assert [p.dari_data for p in pb] == [True, True, True, False, False]
    assert all(p.nilai_isian is None for p in pb)  # data = the printed figure
    kota = pembanding_kota_lain(ilk, 2024)
    assert [n for n, _ in kota] == [
        "Kota Administrasi Jakarta Selatan (data contoh)",
        "Kota Administrasi Jakarta Barat (data contoh)",
        "Kota Administrasi Jakarta Timur (data contoh)",
    ]
    irb = Indikator.objects.get(organisasi__slug="jakarta-pusat", kode="MANRISK")
    assert pembanding_kota_lain(irb, 2024) == []


def test_idempoten(hasil):
    sebelum = (
        Realisasi.history.count(),
        PeristiwaRealisasi.objects.count(),
        Respon.objects.count(),
        Organisasi.objects.count(),
    )
    with CaptureQueriesContext(connection):
        kedua = muat_kota_lain()
    assert kedua["baru"] == 0 and kedua["diubah"] == 0 and kedua["respon_baru"] == 0
    assert {k: v for k, v in kedua.items() if k not in ("baru", "diubah", "respon_baru")} == {
        k: v for k, v in hasil.items() if k not in ("baru", "diubah", "respon_baru")
    }
    assert sebelum == (
        Realisasi.history.count(),
        PeristiwaRealisasi.objects.count(),
        Respon.objects.count(),
        Organisasi.objects.count(),
    )
    # and the Jakarta Pusat example after it changes nothing either (the peer links hold)
    ulang = muat_contoh("jakarta-pusat")
    assert ulang["baru"] == 0 and ulang["diubah"] == 0
