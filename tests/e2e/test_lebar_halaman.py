"""No page scrolls sideways: Debian's Chromium (Playwright, no download) at a 390 px phone and a
1280 px desktop, with realistic tables: the 44 kelurahan SKM example (Tabel 31, 616 rounds),
the IEK example (Tabel 35-37), the Jakarta Pusat 2024 budget, a long RTL and flagged
responses. Checks `document.documentElement.scrollWidth <= window.innerWidth` on the survey
results, the round pages, the unit's round list and create form, and the budget entry page.
Wide tables may scroll inside their own `.gulir` box; the page itself may not. Screenshots
go to var/artefak/. Without /usr/bin/chromium the test FAILS (``./kinerja test`` installs it).
"""

from __future__ import annotations

import pytest
from django.db.models import Count

from kinerja.anggaran.contoh import muat_anggaran
from kinerja.survei import contoh, layanan
from kinerja.survei.models import PutaranSurvei, Respon
from tests import pabrik
from tests.anggaran.conftest import sasaran_terverifikasi
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk
from tests.survei.conftest import pohon_jakarta_pusat

pytestmark = pytest.mark.django_db(transaction=True)
LEBAR = {"ponsel": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
TAHUN = 2024


def _data():
    jp = pohon_jakarta_pusat()
    contoh.muat_skm(jp["kota"], TAHUN)
    contoh.muat_iek(jp["kota"], TAHUN)
    sasaran_terverifikasi(jp["kota"])
    muat_anggaran(jp["kota"])
    admin = pabrik.pengguna("admin_kota", ("admin", jp["kota"]))
    # the round with the most responses, a few of them flagged for the review table
    terbesar = (
        PutaranSurvei.objects.filter(kuesioner__kode="skm-kelurahan-dki")
        .annotate(n=Count("respon"))
        .order_by("-n")
        .first()
    )
    for r in Respon.objects.filter(putaran=terbesar)[:3]:
        layanan.respon_tinjau(
            respon=r, status="meragukan", aktor=admin,
            alasan="nomor HP sama dengan respon sebelumnya dalam 24 jam; periksa kuesioner kertas",
        )  # fmt: skip
    kel = terbesar.organisasi
    k = terbesar.kuesioner
    unsur = k.unsur.order_by("urutan").first()
    layanan.rtl_simpan(
        organisasi=jp["kota"], kuesioner=k, tahun=TAHUN, unsur=unsur, aktor=admin,
        tindakan="Menyederhanakan persyaratan pelayanan administrasi kependudukan dan "
        "mengumumkannya di papan informasi, laman kelurahan dan media sosial resmi;"
        "https://jakarta-pusat.example.go.id/layanan/persyaratan-administrasi-kependudukan-terbaru",
        waktu="Triwulan I 2025", penanggung_jawab="Sekretaris Kelurahan bersama Kasi Pemerintahan",
        program="Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
    )  # fmt: skip
    iek = PutaranSurvei.objects.filter(kuesioner__kode="iek-asisten-dki").first()
    return {
        "hasil-skm": f"/survei/jakarta-pusat/skm-kelurahan-dki/{TAHUN}/",
        "hasil-iek": f"/survei/jakarta-pusat/iek-asisten-dki/{TAHUN}/",
        "putaran-skm": f"/survei/putaran/{terbesar.pk}/",
        "putaran-iek": f"/survei/putaran/{iek.pk}/",
        "daftar-putaran-kelurahan": f"/survei/{kel.slug}/{TAHUN}/putaran/",
        "daftar-putaran-kota": f"/survei/jakarta-pusat/{TAHUN}/putaran/",
        "buat-putaran": f"/survei/{kel.slug}/{TAHUN}/putaran/?kuesioner={k.pk}",
        "anggaran-isian": f"/anggaran/jakarta-pusat/{TAHUN}/isian/",
    }


def test_halaman_tidak_bergulir_ke_samping(live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread (see test_alur_realisasi).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    halaman = _data()
    lebar_terukur = {}
    with _chromium() as peramban:
        for layar, ukuran in LEBAR.items():
            page = _masuk(peramban, live_server, "admin_kota", viewport=ukuran)
            for nama, jalur in halaman.items():
                r = page.goto(live_server.url + jalur)
                assert r.status == 200, f"{nama}: HTTP {r.status}"
                lebar = page.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]"
                )
                lebar_terukur[(nama, layar)] = lebar
                _foto(page, f"lebar-{nama}-{layar}")
            page.context.close()
    terlalu_lebar = {k: v for k, v in lebar_terukur.items() if v[0] > v[1]}
    assert not terlalu_lebar, (
        f"halaman bergulir ke samping (scrollWidth, innerWidth): {terlalu_lebar}"
    )
