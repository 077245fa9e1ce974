"""`kinerja lkip-massal <induk> <tahun>` (issue 15, keputusan 0059): runs the batch in the
process or through the `laporan` queue, one progress line per unit, the ZIP's path on stdout
(copied to --keluar), clear errors for wrong arguments."""

from __future__ import annotations

import json
import zipfile

import pytest

from kinerja.cli.utama import main
from kinerja.lkip.models import PekerjaanLkip, PekerjaanMassal, StatusPekerjaan
from tests import pabrik


@pytest.fixture
def pohon(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    return pabrik.pohon_kecil()


def _jalan(capsys, argv):
    kode = main(argv)
    k = capsys.readouterr()
    return kode, k.out, k.err


def _unit_dari_zip(path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        return {u["unit"] for u in json.loads(z.read("manifest.json"))["unit"]}


@pytest.mark.django_db
def test_menjalankan_massal_dan_menyalin_zip(pohon, tmp_path, capsys):
    tujuan = tmp_path / "keluar" / "lkip-kota.zip"
    kode, out, err = _jalan(
        capsys, ["lkip-massal", "kota-uji", "2024", "--format", "xlsx", "--keluar", str(tujuan)]
    )
    assert kode == 0, err
    assert out.strip() == str(tujuan) and tujuan.is_file()
    slug = {pohon["kec"].slug, pohon["kel_a"].slug, pohon["kel_b"].slug}
    assert _unit_dari_zip(tujuan) == slug
    # one line per unit as it ends, numbered, with its seconds per phase
    baris = [b for b in err.splitlines() if b.startswith("[")]
    assert [b.split("]")[0] for b in baris] == ["[1/3", "[2/3", "[3/3"]
    assert {b.split("] ")[1].split(":")[0] for b in baris} == slug
    assert all(": selesai " in b and "susun" in b and "xlsx" in b for b in baris), err
    assert "LKIP massal Kota Uji 2024: 3 unit" in err
    p = PekerjaanMassal.objects.get()
    assert p.status == StatusPekerjaan.SELESAI and p.dibuat_oleh is None
    assert p.zip and (tmp_path / "data").is_dir()  # the job's own ZIP stays in DATA_DIR


@pytest.mark.django_db
def test_tanpa_keluar_mencetak_zip_di_data_dir(pohon, tmp_path, capsys):
    kode, out, _ = _jalan(
        capsys, ["lkip-massal", "kota-uji", "2024", "--format", "xlsx", "--jenis", "kelurahan"]
    )
    assert kode == 0
    zip_path = out.strip()
    assert zip_path.startswith(str(tmp_path / "data")) and zip_path.endswith(".zip")
    assert _unit_dari_zip(zip_path) == {pohon["kel_a"].slug, pohon["kel_b"].slug}


ANTREAN_DB = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "laporan"]}
}


@pytest.mark.django_db
def test_antre_tanpa_tunggu_memasukkan_tugas_laporan(
    pohon, settings, capsys, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = ANTREAN_DB
    with django_capture_on_commit_callbacks(execute=True):
        kode, out, err = _jalan(
            capsys,
            ["lkip-massal", "kota-uji", "2024", "--format", "xlsx", "--antre", "--tanpa-tunggu"],
        )
    assert kode == 0 and out == ""
    assert "kinerja pekerja" in err
    p = PekerjaanMassal.objects.get()
    assert p.status == StatusPekerjaan.ANTRE
    tugas = DBTaskResult.objects.get(id=p.id_tugas)
    assert tugas.queue_name == "laporan" and tugas.status == "READY"
    assert PekerjaanLkip.objects.filter(massal=p, status=StatusPekerjaan.ANTRE).count() == 3


@pytest.mark.django_db(transaction=True)
def test_antre_dipantau_sampai_pekerja_selesai(pohon, settings, capsys, monkeypatch):
    """Through the database queue: while the command follows the job, the real worker
    (`kinerja pekerja --batch`) takes the task; the command prints every unit and the ZIP."""
    from django.core.management import call_command

    from kinerja.cli import lkip_massal

    settings.TASKS = ANTREAN_DB
    pantau = []

    def pekerja(_detik):
        pantau.append(PekerjaanMassal.objects.get().status)
        call_command("pekerja", batch=True, interval=0.1, verbosity=0)

    monkeypatch.setattr(lkip_massal, "_tunggu", pekerja)
    kode, out, err = _jalan(
        capsys, ["lkip-massal", "kota-uji", "2024", "--format", "xlsx", "--antre"]
    )
    assert kode == 0, err
    assert pantau == [StatusPekerjaan.ANTRE]  # queued, then built by the worker
    assert out.strip().endswith("LKIP-massal-kota-uji-2024.zip")
    assert sum(b.startswith("[") and ": selesai " in b for b in err.splitlines()) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("argv", "pesan"),
    [
        (["tidak-ada", "2024"], "tidak ada unit dengan slug 'tidak-ada'"),
        (["kota-uji", "2024", "--keluar", "hasil.tar"], "harus berakhiran .zip"),
        (["kota-uji", "2024", "--tanpa-tunggu"], "hanya bersama --antre"),
        (["kota-uji", "2024", "--format", "exe"], "format"),
        (["kota-uji", "2024", "--jenis", "planet"], "Jenis unit tidak dikenal: planet"),
    ],
)
def test_argumen_salah(pohon, capsys, argv, pesan):
    kode, out, err = _jalan(capsys, ["lkip-massal", *argv])
    assert kode == 2 and out == ""
    assert pesan in err
    assert not PekerjaanMassal.objects.exists()


@pytest.mark.django_db
def test_massal_berjalan_ditolak(pohon, capsys):
    from kinerja.lkip import massal

    massal.mulai_massal(induk=pohon["kota"], tahun=2024, format=["xlsx"], aktor=None)
    kode, _, err = _jalan(capsys, ["lkip-massal", "kota-uji", "2024", "--format", "xlsx"])
    assert kode == 1 and "sedang berjalan" in err
