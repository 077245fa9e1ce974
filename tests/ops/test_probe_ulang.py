"""bench/probe_ulang.py (issue 14's findings tried again as the probe did) keeps working: its
core runs two findings (LKIP permissions, API parity) on the demo data and every row is
handled; the table marks a mishandled row and a 500 so they cannot be missed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse, JsonResponse

JALUR = Path(__file__).resolve().parents[2] / "bench" / "probe_ulang.py"


@pytest.fixture(scope="module")
def probe():
    spec = importlib.util.spec_from_file_location("probe_ulang", JALUR)
    modul = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modul  # dataclasses look their module up while it loads
    spec.loader.exec_module(modul)
    yield modul
    sys.modules.pop(spec.name, None)


@pytest.fixture
def antrean_db(settings):
    """As deployed: a build request queues a row (the immediate test backend would run the
    whole build at once, so a second request would never meet a running one)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "laporan"]}
    }


@pytest.mark.django_db
def test_probe_ulang_izin_lkip_dan_paritas_api(probe, antrean_db):
    data = probe.siapkan_data()
    baris = probe.jalankan(data, ["a", "c"])
    teks = probe.tabel_markdown(baris)
    assert {b.butir for b in baris} == {"a", "c"}
    assert len(baris) >= 12
    assert all(b.baik for b in baris), teks
    assert all(b.sebelum and b.sekarang for b in baris)
    narasi = next(b for b in baris if "POST /lkip/jakarta-pusat/2024/narasi/" in b.masukan)
    assert narasi.sekarang.startswith("403 «") and "hanya dapat dibangun" in narasi.sekarang
    tahun = next(b for b in baris if b.masukan.startswith("tahun 9999"))
    assert tahun.sebelum == "200 (diterima)" and "Tahun paling besar 2100" in tahun.sekarang
    assert "MASIH SALAH" not in teks and f"{len(baris)} masukan dicoba" in teks


def test_tabel_menandai_yang_masih_salah(probe):
    baris = [
        probe.Baris("b", "Angka", "nilai=1|2", "500", "200 «tersimpan»", True),
        probe.Baris("b", "Angka", "nilai=1e309", "500", "500", False),
    ]
    teks = probe.tabel_markdown(baris)
    judul, garis, baik, salah = teks.splitlines()[:4]
    assert judul.startswith("| butir | temuan | masukan | sebelum (issue 14) | sekarang |")
    assert "nilai=1\\|2" in baik and baik.endswith("| ditangani |")
    assert salah.endswith("| **MASIH SALAH** |")
    assert teks.splitlines()[-1] == "2 masukan dicoba, 1 ditangani, 1 masih salah."


def test_ringkas_status_dan_pesan(probe):
    galat = JsonResponse({"detail": "x", "galat": {"nilai": ["Realisasi paling banyak 18 digit"]}})
    galat.status_code = 422
    assert probe.ringkas(galat, "18 digit") == "422 «Realisasi paling banyak 18 digit»"
    halaman = HttpResponse(
        '<h1>Akses ditolak</h1><p class="galat" role="alert">Anda tidak berwenang.</p>', status=403
    )
    assert probe.ringkas(halaman) == "403 «Anda tidak berwenang.»"
    assert probe.ringkas(HttpResponse("", status=500)) == "500"
