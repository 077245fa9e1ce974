"""Batch LKIP (issue 15, keputusan 0059): one job builds every unit below a parent, with a
row per unit, a ZIP with a manifest whose sha256 match, one active batch per parent and year,
and the batch rights."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from django.urls import reverse

from kinerja.lkip import massal
from kinerja.lkip.models import PekerjaanLkip, PekerjaanMassal, StatusPekerjaan
from tests import pabrik


@pytest.fixture
def pohon(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    t = pabrik.pohon_kecil()
    t["admin"] = pabrik.pengguna("admin_kota", ("admin", t["kota"]))
    return t


@pytest.mark.django_db
def test_massal_membangun_setiap_unit_dan_zip_dengan_manifest(pohon, tmp_path):
    p = massal.mulai_massal(
        induk=pohon["kota"], tahun=2024, format=["xlsx"], aktor=pohon["admin"], latar=False
    )
    baris = list(PekerjaanLkip.objects.filter(massal=p).order_by("pk"))
    assert {b.organisasi for b in baris} == {pohon["kec"], pohon["kel_a"], pohon["kel_b"]}
    assert p.status == StatusPekerjaan.SELESAI, p.pesan
    for b in baris:
        assert b.status == StatusPekerjaan.SELESAI, b.pesan
        assert any(n.endswith(".xlsx") for n in b.berkas)

    zpath = massal.tulis_zip(p, tmp_path / "zip")
    with zipfile.ZipFile(zpath) as z:
        daftar = json.loads(z.read("manifest.json"))
        units = {u["unit"] for u in (daftar if isinstance(daftar, list) else daftar["unit"])}
        assert units == {pohon["kec"].slug, pohon["kel_a"].slug, pohon["kel_b"].slug}
        entri = [
            f for u in (daftar if isinstance(daftar, list) else daftar["unit"]) for f in u["berkas"]
        ]
        assert len(entri) >= 3
        for f in entri:
            assert hashlib.sha256(z.read(f["berkas"])).hexdigest() == f["sha256"]


@pytest.mark.django_db
def test_satu_massal_aktif_per_induk_dan_tahun(pohon):
    massal.mulai_massal(induk=pohon["kota"], tahun=2024, format=["xlsx"], aktor=pohon["admin"])
    with pytest.raises(massal.MassalBerjalan):
        massal.mulai_massal(induk=pohon["kota"], tahun=2024, format=["xlsx"], aktor=pohon["admin"])
    assert PekerjaanMassal.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("format_", [[], ["exe"]])
def test_format_salah_ditolak_dengan_pesan(pohon, format_):
    with pytest.raises(ValueError, match="format"):
        massal.mulai_massal(induk=pohon["kota"], tahun=2024, format=format_, aktor=pohon["admin"])
    assert not PekerjaanMassal.objects.exists()


@pytest.mark.django_db
def test_operator_kelurahan_tidak_memulai_massal_kota(pohon, client):
    url = reverse("lkip:massal", args=[pohon["kota"].slug, 2024])
    client.force_login(pohon["op_a"])
    r = client.post(url, {"format": ["xlsx"]})
    assert r.status_code == 403
    assert not PekerjaanMassal.objects.exists()


@pytest.mark.django_db
def test_admin_memulai_massal_dari_halaman(pohon, client):
    url = reverse("lkip:massal", args=[pohon["kota"].slug, 2024])
    client.force_login(pohon["admin"])
    assert client.get(url).status_code == 200
    r = client.post(url, {"format": ["xlsx"]})
    assert r.status_code == 302
    p = PekerjaanMassal.objects.get()
    assert PekerjaanLkip.objects.filter(massal=p).count() == 3
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_zip_tidak_dibaca_tanpa_hak(pohon, client):
    client.force_login(pohon["op_a"])
    r = client.get(reverse("lkip:massal_unduh", args=[pohon["kota"].slug, 2024]))
    assert r.status_code in (403, 404)


# transaction=True: the worker closes connections between tasks (see test_izin_dan_antrean)
@pytest.mark.django_db(transaction=True)
def test_pekerja_mati_massal_dilanjutkan_lalu_digagalkan(
    pohon, settings, django_capture_on_commit_callbacks
):
    """A worker killed mid-batch leaves the batch's task RUNNING: the next worker queues it
    once more and it finishes (units already done are kept); cut off twice, it is failed with
    the reason, and so are its unfinished units (massal.pulihkan_massal_terputus)."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "laporan"]}
    }
    with django_capture_on_commit_callbacks(execute=True):
        p = massal.mulai_massal(
            induk=pohon["kota"], tahun=2024, format=["xlsx"], aktor=pohon["admin"]
        )
    p.refresh_from_db()
    tugas = DBTaskResult.objects.get(id=p.id_tugas)
    tugas.claim("pekerja-yang-mati")  # what a worker does before it is SIGKILLed
    PekerjaanMassal.objects.filter(pk=p.pk).update(status=StatusPekerjaan.BERJALAN)
    call_command("pekerja", batch=True, verbosity=0)
    p.refresh_from_db()
    assert p.status == StatusPekerjaan.SELESAI and p.percobaan == 2, p.pesan
    assert DBTaskResult.objects.get(id=tugas.id).status == "FAILED"
    assert set(PekerjaanLkip.objects.filter(massal=p).values_list("status", flat=True)) == {
        StatusPekerjaan.SELESAI
    }

    # cut off a second time: failed with the reason, its units too
    with django_capture_on_commit_callbacks(execute=True):
        p2 = massal.mulai_massal(
            induk=pohon["kota"], tahun=2025, format=["xlsx"], aktor=pohon["admin"]
        )
    p2.refresh_from_db()
    DBTaskResult.objects.get(id=p2.id_tugas).claim("pekerja-yang-mati")
    PekerjaanMassal.objects.filter(pk=p2.pk).update(status=StatusPekerjaan.BERJALAN, percobaan=2)
    call_command("pekerja", batch=True, verbosity=0)
    p2.refresh_from_db()
    assert p2.status == StatusPekerjaan.GAGAL and "berhenti dua kali" in p2.pesan
    unit = PekerjaanLkip.objects.filter(massal=p2)
    assert unit.exists() and set(unit.values_list("status", flat=True)) == {StatusPekerjaan.GAGAL}
