"""Selectors: the yearly series (LKIP and indicator page) and capaian of many rows at once."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.pengukuran.pemilih import (
    capaian_per_realisasi,
    capaian_realisasi,
    riwayat_indikator,
)
from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja
from tests import pabrik

pytestmark = pytest.mark.django_db
S = StatusRealisasi


@pytest.fixture
def ind():
    """A half-yearly indicator (mean of its semesters) with PK targets 2023-2025: a yearly
    row in 2023, two semesters in 2024 (one only submitted), nothing yet in 2025."""
    org = pabrik.organisasi("Kelurahan A")
    ind, _ = pabrik.indikator_pk(
        org, tahun=2023, target="90", frekuensi="semester", cara_agregasi="rata_rata"
    )
    for tahun in (2024, 2025):
        pk = PerjanjianKinerja.objects.create(
            organisasi=org, tahun=tahun, pihak_pertama_jabatan="Lurah"
        )
        ButirPK.objects.create(pk_dokumen=pk, indikator=ind, target=Decimal("90"))
    for tahun, jenis, ke, nilai, status in (
        (2023, "tahun", 1, "81", S.DIVERIFIKASI),
        (2024, "semester", 1, "95", S.DIVERIFIKASI),
        (2024, "semester", 2, "97", S.DIAJUKAN),
    ):
        Realisasi.objects.create(
            indikator=ind,
            organisasi=org,
            tahun=tahun,
            jenis_periode=jenis,
            ke=ke,
            nilai=Decimal(nilai),
            status=status,
        )
    return ind


def test_riwayat_bawaan_hanya_baris_tahunan(ind):
    """The LKIP history: years with a 'tahun' row only."""
    seri = riwayat_indikator(ind)
    assert [(s["tahun"], s["realisasi"], s["target"]) for s in seri] == [(2023, 81, 90)]
    assert seri[0]["capaian"].capaian == Decimal("90")
    assert seri[0]["status"] == S.DIVERIFIKASI


def test_riwayat_dengan_periode_seperti_dasbor(ind):
    with CaptureQueriesContext(connection) as q:
        seri = riwayat_indikator(ind, sampai_tahun=2024, dengan_periode=True)
    assert len(q) == 2
    assert [(s["tahun"], s["realisasi"]) for s in seri] == [(2023, 81), (2024, 96)]
    ini = seri[-1]
    assert ini["status"] == S.DIAJUKAN  # the weakest of the year's rows
    assert set(ini["baris"]) == {("semester", 1), ("semester", 2)}
    # later years too, a year with a PK line only included
    seri = riwayat_indikator(ind, dengan_periode=True)
    assert [(s["tahun"], s["realisasi"], s["status"]) for s in seri][-1] == (2025, None, "")


def test_riwayat_terverifikasi_saja(ind):
    seri = riwayat_indikator(ind, hanya_terverifikasi=True, sampai_tahun=2024, dengan_periode=True)
    assert [(s["tahun"], s["realisasi"], s["status"]) for s in seri] == [
        (2023, 81, S.DIVERIFIKASI),
        (2024, 95, S.DIVERIFIKASI),
    ]


def test_capaian_banyak_sama_dengan_satu_per_satu(ind):
    lain, _ = pabrik.indikator_pk(ind.organisasi, tahun=2024, nama="Kumulatif",
                                  frekuensi="semester", cara_agregasi="kumulatif", target="50")  # fmt: skip
    Realisasi.objects.create(
        indikator=lain, organisasi=ind.organisasi, tahun=2024, jenis_periode="semester", ke=2,
        nilai=Decimal("40"),
    )  # fmt: skip
    Realisasi.objects.create(
        indikator=lain, organisasi=ind.organisasi, tahun=2024, jenis_periode="semester", ke=1,
        nilai=Decimal("20"),
    )  # fmt: skip
    daftar = list(Realisasi.objects.select_related("indikator").order_by("pk"))
    with CaptureQueriesContext(connection) as q:
        banyak = capaian_per_realisasi(daftar)
    assert len(q) == 2  # the PK lines, then their period targets (prefetch)
    assert banyak == [capaian_realisasi(r) for r in daftar]
    # the first semester of a cumulative figure has none; the last one counts
    assert banyak[-1] is None and banyak[-2].capaian == Decimal("80")
    assert capaian_per_realisasi([]) == []
