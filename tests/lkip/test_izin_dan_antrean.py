"""Findings of the probe (issue 14) on the LKIP: who may change it, one build at a time,
verified data only, and builds on the real database queue (keputusan 0021)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kinerja.lkip import layanan
from kinerja.lkip.models import NarasiLkip, PekerjaanLkip, StatusPekerjaan, TemplatLkip
from kinerja.lkip.struktur import susun_lkip
from kinerja.lkip.templat import templat_bawaan
from kinerja.pengukuran.models import Realisasi
from tests import pabrik

ANTREAN_DB = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "laporan"]}
}


@pytest.fixture
def kota():
    t = pabrik.pohon_kecil()
    ind, _ = pabrik.indikator_pk(t["kota"], target="80", nama="Indeks kepuasan kota")
    Realisasi.objects.create(
        indikator=ind,
        organisasi=t["kota"],
        tahun=2024,
        jenis_periode="tahun",
        ke=1,
        nilai=Decimal("84.25"),
        status="diverifikasi",
    )
    t["indikator"] = ind
    t["admin"] = pabrik.pengguna("admin_kota", ("admin", t["kota"]))
    t["op_kota"] = pabrik.pengguna("op_kota", ("operator", t["kota"]))
    return t


def _url(nama, org, *lain):
    return reverse(f"lkip:{nama}", args=[org.slug, 2024, *lain])


@pytest.mark.django_db
def test_operator_kelurahan_tidak_dapat_mengubah_lkip_kota(kota, client):
    """Finding: operator.cideng could rewrite the city's narrative, upload its template and
    start unlimited builds; now it reads only."""
    client.force_login(kota["op_a"])
    halaman = client.get(_url("halaman", kota["kota"]))
    assert halaman.status_code == 200
    isi = halaman.content.decode()
    assert "Bangun LKIP</button>" not in isi and 'name="berkas"' not in isi
    assert client.post(_url("bangun", kota["kota"]), {"format": ["xlsx"]}).status_code == 403
    assert client.get(_url("narasi", kota["kota"], "ringkasan.capaian")).status_code == 403
    assert (
        client.post(
            _url("narasi", kota["kota"], "ringkasan.capaian"), {"teks": "Teks palsu"}
        ).status_code
        == 403
    )
    berkas = io.BytesIO(templat_bawaan().read_bytes())
    berkas.name = "templat.docx"
    assert client.post(_url("templat_unggah", kota["kota"]), {"berkas": berkas}).status_code == 403
    assert not PekerjaanLkip.objects.exists()
    assert not NarasiLkip.objects.exists() and not TemplatLkip.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ["pimpinan", "evaluator", "verif"])
def test_pembaca_lkip_tidak_membangun(kota, client, peran):
    client.force_login(kota[peran])
    assert "Bangun LKIP</button>" not in client.get(_url("halaman", kota["kota"])).content.decode()
    assert client.post(_url("bangun", kota["kota"]), {"format": ["xlsx"]}).status_code == 403
    assert not PekerjaanLkip.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("penyusun", ["admin", "op_kota"])
def test_penyusun_unit_membangun_dan_menyunting(
    kota, client, penyusun, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.DATA_DIR = tmp_path
    client.force_login(kota[penyusun])
    assert "Bangun LKIP</button>" in client.get(_url("halaman", kota["kota"])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(_url("bangun", kota["kota"]), {"format": ["xlsx"]})
    assert r.status_code == 302
    p = PekerjaanLkip.objects.get()
    assert p.status == StatusPekerjaan.SELESAI  # immediate backend in tests
    assert client.get(_url("narasi", kota["kota"], "ringkasan.capaian")).status_code == 200


@pytest.mark.django_db
def test_satu_pembangunan_aktif_per_organisasi_dan_tahun(kota, client):
    """Finding: unlimited builds. A second request while one is queued is refused with a
    message; the database refuses a second active row even without the service."""
    client.force_login(kota["admin"])
    layanan.mulai_pekerjaan(organisasi=kota["kota"], tahun=2024, format=["xlsx"], aktor=None)
    r = client.post(_url("bangun", kota["kota"]), {"format": ["xlsx"]}, follow=True)
    assert "sedang dibangun atau menunggu antrean" in r.content.decode()
    assert PekerjaanLkip.objects.count() == 1
    with pytest.raises(layanan.PembangunanBerjalan):
        layanan.mulai_pekerjaan(organisasi=kota["kota"], tahun=2024, format=["docx"], aktor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        PekerjaanLkip.objects.create(organisasi=kota["kota"], tahun=2024, status="berjalan")
    # another year or organisation is not blocked
    layanan.mulai_pekerjaan(organisasi=kota["kota"], tahun=2025, format=["xlsx"], aktor=None)
    layanan.mulai_pekerjaan(organisasi=kota["kec"], tahun=2024, format=["xlsx"], aktor=None)


@pytest.mark.django_db
def test_pembangunan_terhenti_tidak_menghalangi(kota):
    import datetime as dt

    from django.utils import timezone

    from kinerja.lkip.models import BATAS_DIAM

    lama = PekerjaanLkip.objects.create(organisasi=kota["kota"], tahun=2024, status="berjalan")
    PekerjaanLkip.objects.filter(pk=lama.pk).update(
        diperbarui_pada=timezone.now() - BATAS_DIAM - dt.timedelta(minutes=1)
    )
    baru = layanan.mulai_pekerjaan(organisasi=kota["kota"], tahun=2024, format=["xlsx"], aktor=None)
    lama.refresh_from_db()
    assert lama.status == StatusPekerjaan.GAGAL and "Terhenti" in lama.pesan
    assert baru.status == StatusPekerjaan.ANTRE


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["draft", "diajukan", "dikembalikan"])
def test_lkip_hanya_memakai_realisasi_terverifikasi(kota, status, tmp_path):
    """Finding: the LKIP's XLSX and reviu included draft and returned realisasi."""
    ind2, _ = pabrik.indikator_pk(kota["kota"], target="90", nama="Indeks belum final")
    Realisasi.objects.create(
        indikator=ind2,
        organisasi=kota["kota"],
        tahun=2024,
        jenis_periode="tahun",
        ke=1,
        nilai=Decimal("55.55"),
        status=status,
    )
    dok = susun_lkip(kota["kota"], 2024)
    sel = [c for b in dok.blok if hasattr(b, "tabel") for r in b.tabel.baris for c in r]
    assert any("84,25" in str(c) for c in sel)  # the verified one prints
    assert not any("55,55" in str(c) for c in sel)
    hasil = layanan.bangun_lkip(kota["kota"], 2024, format=["xlsx"], keluar=tmp_path)
    from openpyxl import load_workbook

    for berkas in hasil.berkas:
        if berkas.suffix == ".xlsx":
            wb = load_workbook(berkas, read_only=True)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    assert not any(v is not None and "55,55" in str(v) for v in row)
                    assert not any(v == Decimal("55.55") or v == 55.55 for v in row)
        else:  # the reviu document
            from docx import Document

            d = Document(berkas)
            teks = "\n".join(p.text for p in d.paragraphs) + "".join(
                c.text for t in d.tables for r in t.rows for c in r.cells
            )
            assert "55,55" not in teks


def _antrekan_db(settings, kota, django_capture_on_commit_callbacks):
    settings.TASKS = ANTREAN_DB
    with django_capture_on_commit_callbacks(execute=True):
        p = layanan.mulai_pekerjaan(
            organisasi=kota["kota"], tahun=2024, format=["xlsx"], aktor=None
        )
    p.refresh_from_db()
    return p


# transaction=True: the worker closes connections between tasks (close_old_connections),
# which on PostgreSQL would end a test's wrapping transaction; in production it runs in autocommit
@pytest.mark.django_db(transaction=True)
def test_pembangunan_lewat_antrean_basis_data_dan_pekerja(
    kota, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Finding: builds ran in threads, lost on restart. Now a row of the database queue,
    taken by the worker process (`kinerja pekerja`)."""
    settings.DATA_DIR = tmp_path
    p = _antrekan_db(settings, kota, django_capture_on_commit_callbacks)
    assert p.status == StatusPekerjaan.ANTRE and p.id_tugas
    tugas = DBTaskResult.objects.get(id=p.id_tugas)
    assert tugas.status == "READY" and tugas.queue_name == "laporan"
    call_command("pekerja", batch=True, verbosity=0)
    p.refresh_from_db()
    assert p.status == StatusPekerjaan.SELESAI, p.pesan
    assert "LKIP-kota-uji-2024.xlsx" in p.berkas
    assert DBTaskResult.objects.get(id=p.id_tugas).status == "SUCCESSFUL"


# transaction=True: the worker closes connections between tasks (close_old_connections),
# which on PostgreSQL would end a test's wrapping transaction; in production it runs in autocommit
@pytest.mark.django_db(transaction=True)
def test_pekerja_mati_pembangunan_diulang_lalu_digagalkan(
    kota, settings, tmp_path, django_capture_on_commit_callbacks
):
    """A worker killed mid-build leaves its task RUNNING: the next worker queues the build
    once more; a build cut off twice is failed with the reason."""
    settings.DATA_DIR = tmp_path
    p = _antrekan_db(settings, kota, django_capture_on_commit_callbacks)
    tugas = DBTaskResult.objects.get(id=p.id_tugas)
    tugas.claim("pekerja-yang-mati")  # what a worker does before it is SIGKILLed
    layanan._perbarui(p.pk, status=StatusPekerjaan.BERJALAN, progres=40, langkah="Bab III")
    call_command("pekerja", batch=True, verbosity=0)
    p.refresh_from_db()
    assert p.status == StatusPekerjaan.SELESAI and p.percobaan == 2
    assert DBTaskResult.objects.get(id=tugas.id).status == "FAILED"

    # twice cut off: failed, with the reason on the page
    p2 = PekerjaanLkip.objects.create(
        organisasi=kota["kota"], tahun=2025, status="berjalan", percobaan=2
    )
    t2 = layanan.tugas_bangun_lkip.enqueue(p2.pk)
    DBTaskResult.objects.get(id=t2.id).claim("pekerja-yang-mati")
    PekerjaanLkip.objects.filter(pk=p2.pk).update(id_tugas=str(t2.id))
    call_command("pekerja", batch=True, verbosity=0)
    p2.refresh_from_db()
    assert p2.status == StatusPekerjaan.GAGAL and "berhenti dua kali" in p2.pesan


@pytest.mark.django_db
def test_lkip_usang_ditandai_perlu_dibangun_ulang(kota, client, settings, tmp_path):
    """Issue 19: a built LKIP whose data changed since is marked, with what changed."""
    settings.DATA_DIR = tmp_path
    client.force_login(kota["admin"])
    layanan.mulai_pekerjaan(
        organisasi=kota["kota"], tahun=2024, format=["xlsx"], aktor=None, latar=False
    )
    url = _url("halaman", kota["kota"])
    assert "Perlu dibangun ulang" not in client.get(url).content.decode()
    r = Realisasi.objects.get(indikator=kota["indikator"])
    r.nilai = Decimal("85.00")
    r.save()
    layanan.narasi_simpan(
        organisasi=kota["kota"],
        tahun=2024,
        kunci="ringkasan.capaian",
        teks="Teks baru.",
        hash_angka="x",
        aktor=kota["admin"],
    )
    isi = client.get(url).content.decode()
    assert "Perlu dibangun ulang" in isi
    assert "1 realisasi diverifikasi atau diubah sesudah pembangunan terakhir" in isi
    judul = next(
        n["judul"]
        for n in PekerjaanLkip.objects.first().narasi
        if n["kunci"] == "ringkasan.capaian"
    )
    assert f"1 blok narasi disunting: {judul}" in isi
    # a new build clears the notice
    layanan.mulai_pekerjaan(
        organisasi=kota["kota"], tahun=2024, format=["xlsx"], aktor=None, latar=False
    )
    assert "Perlu dibangun ulang" not in client.get(url).content.decode()
