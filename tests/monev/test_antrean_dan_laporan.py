"""The daily reminder job on the database queue (keputusan 0053), the calendar settings
page, and the monev report's PDF read back."""

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja.monev import layanan
from kinerja.monev.models import AturanKalender
from kinerja.pengukuran.models import Realisasi
from tests import pabrik

pytestmark = pytest.mark.django_db


def pabrik_artefak():
    from tests.e2e.test_alur_realisasi import ARTEFAK

    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


ANTREAN_DB = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "laporan"]}
}


def test_pekerja_menjadwalkan_pengingat_harian_sekali(settings):
    """The worker's start queues one daily job; a run queues tomorrow's at JAM_PENGINGAT.
    (The task body runs here with .call(): `db_worker` inside a test transaction loses its
    PostgreSQL connection, the same for the LKIP queue tests.)"""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = ANTREAN_DB
    jalur = layanan.tugas_pengingat_harian.module_path
    layanan.jadwalkan_pengingat_harian()
    layanan.jadwalkan_pengingat_harian()  # a second start: still one waiting
    siap = DBTaskResult.objects.filter(task_path=jalur, status="READY")
    assert siap.count() == 1
    sekarang = timezone.now()
    hasil = layanan.tugas_pengingat_harian.call()
    assert hasil["tanggal"] == timezone.localdate().isoformat()
    # tomorrow's run (a job queued without run_after carries the far-future sentinel)
    besok = siap.filter(run_after__gt=sekarang, run_after__lt=sekarang + dt.timedelta(days=2))
    besok = besok.get()
    lokal = timezone.localtime(besok.run_after)
    assert lokal.date() == timezone.localdate() + dt.timedelta(days=1)
    assert lokal.hour == layanan.JAM_PENGINGAT


def test_tugas_harian_tanpa_antrean_tertunda_tidak_berantai():
    """The immediate backend (tests, KINERJA_ANTREAN=langsung) cannot defer: one run only."""
    hasil = layanan.tugas_pengingat_harian.enqueue()
    assert hasil.return_value["dibuat"] == 0


def test_halaman_kalender_admin(client):
    p = pabrik.pohon_kecil()
    admin = pabrik.pengguna("adm", ("admin", p["kota"]))
    client.force_login(admin)
    url = reverse("monev:kalender", args=["kelurahan-a", 2025])
    from kinerja.rumus.kalender import AturanKalender as Aturan

    data = {"aksi": "aturan", **{b: getattr(Aturan(), b) for b in AturanKalender.BIDANG}}
    data["hari_realisasi"] = 15
    assert client.post(url, data).status_code == 302
    assert AturanKalender.objects.get(organisasi=p["kel_a"]).hari_realisasi == 15
    r = client.post(url, {**data, "hari_realisasi": 32})
    assert r.status_code == 422 and "hari_realisasi" in r.content.decode()
    r = client.post(url, {"aksi": "batas", "jenis": "bulan", "ke": "3", "tanggal": "2025-02-01"})
    assert r.status_code == 422 and "sebelum Maret 2025 dimulai" in r.content.decode()
    r = client.post(url, {"aksi": "batas", "jenis": "bulan", "ke": "13", "tanggal": "2025-02-01"})
    assert r.status_code == 422


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice tidak terpasang")
def test_laporan_monev_pdf_dibaca_kembali(tmp_path):
    from kinerja.monev.laporan import bangun_monev

    kel = pabrik.organisasi("Kelurahan Uji")
    ind, _ = pabrik.indikator_pk(
        kel, tahun=2025, target="120", frekuensi="bulan", cara_agregasi="kumulatif",
        nama="Jumlah layanan uji",
    )  # fmt: skip
    for ke, v in ((1, "10"), (2, "12"), (3, "8")):
        Realisasi.objects.create(
            indikator=ind, organisasi=kel, tahun=2025, jenis_periode="bulan", ke=ke,
            nilai=Decimal(v), status="diverifikasi",
        )  # fmt: skip
    berkas, catatan = bangun_monev(kel, 2025, 1, format=["pdf"], keluar=tmp_path)
    assert [b.name for b in berkas] == ["Monev-kelurahan-uji-2025-TW1.pdf"], catatan
    teks = subprocess.run(
        ["pdftotext", str(berkas[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    teks = " ".join(teks.split())  # table cells wrap
    shutil.copy(berkas[0], pabrik_artefak() / berkas[0].name)
    assert "Triwulan I 2025" in teks and "Jumlah layanan uji" in teks
    assert "120,00" in teks  # projection 10 + 12 + 8 + 10 × 9
    assert "Proyeksi Capaian Akhir Tahun" in teks  # the chart's caption
