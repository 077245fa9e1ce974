"""The Jakarta Pusat 2024 example end to end: the figures and the reviu's findings.

One set of checks: the example is loaded into the database (`kinerja.contoh.muat`), its
published figures are AngkaTerbit rows, and the findings come from the selectors and the one
reviu package (`kinerja.lkip.reviu.temuan_data`, the list `kinerja demo` and the LKIP's reviu
document print). The checks of the published report's own tables and text are the rules of
`kinerja.reviu` (tests/reviu/test_seed.py runs them on the seed)."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from django.db import transaction

from kinerja.anggaran.pemilih import anggaran
from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.reviu import temuan_data
from kinerja.lkip.struktur import susun_lkip
from kinerja.organisasi.models import Organisasi

pytestmark = pytest.mark.django_db
DUA = Decimal("0.01")


def _angka(teks: str) -> Decimal:
    return Decimal(teks.replace(".", "").replace(",", "."))


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        org = Organisasi.objects.get(slug="jakarta-pusat")
        dok = susun_lkip(org, 2024)
        yield {
            "org": org,
            "dok": dok,
            "temuan": {(t.lokasi, t.uraian.split(" (")[0]): t for t in temuan_data(dok)},
            "anggaran": anggaran(org, 2024),
        }
        transaction.set_rollback(True)


def _temuan(contoh, lokasi, uraian):
    t = contoh["temuan"].get((lokasi, uraian))
    assert t is not None, f"tidak ada temuan {lokasi}: {uraian}; ada {sorted(contoh['temuan'])}"
    return t


def test_reviu_melaporkan_sasaran_2(contoh):
    """Tabel 18: sasaran 2 printed 104.08; the mean of 101.497 and 106.86 is 104.18."""
    t = _temuan(contoh, "LKIP 2024 Tabel 18", "Rata-rata capaian sasaran 2")
    assert _angka(t.terbit) == Decimal("104.08") and _angka(t.hitung) == Decimal("104.18")


def test_reviu_melaporkan_konsistensi_dan_nka(contoh):
    """Tabel 70/74: 73.14 -> 81.12 and NKA 94.51 -> 94.99 once December is filled in."""
    k = _temuan(contoh, "LKIP 2024 Tabel 70 dan 74", "Konsistensi penyerapan terhadap perencanaan")
    assert _angka(k.terbit) == Decimal("73.14") and _angka(k.hitung) == Decimal("81.12")
    n = _temuan(contoh, "LKIP 2024 Tabel 74", "Nilai Kinerja Anggaran")
    assert _angka(n.terbit) == Decimal("94.51") and _angka(n.hitung) == Decimal("94.99")


def test_reviu_melaporkan_perekonomian_semester_2(contoh):
    """Tabel 34: Perekonomian semester II printed 97.43; Tabel 36's items give 97.52."""
    t = _temuan(
        contoh,
        "LKIP 2024 Tabel 34",
        "Nilai efektivitas koordinasi bidang Perekonomian dan Pembangunan, semester II",
    )
    assert _angka(t.terbit) == Decimal("97.43") and _angka(t.hitung) == Decimal("97.52")


def test_reviu_tidak_melaporkan_angka_yang_benar(contoh):
    """Figures that are right (within rounding/truncation) are not findings."""
    lokasi = {lok for lok, _ in contoh["temuan"]}
    for tabel in ("Tabel 16", "Tabel 19", "Tabel 31", "Tabel 67", "Tabel 71 dan 74"):
        assert f"LKIP 2024 {tabel}" not in lokasi, tabel
    uraian = {u for _, u in contoh["temuan"]}
    assert "Nilai efisiensi" not in uraian
    assert not any("semester I" in u and "Pemerintahan" in u for u in uraian)


def test_rantai_nka_terkoreksi(contoh):
    h = contoh["anggaran"].nka
    assert h.penyerapan.quantize(DUA) == Decimal("95.69")
    assert h.konsistensi.quantize(DUA) == Decimal("81.12")
    assert h.capaian_output == 100
    assert h.nilai_implementasi.quantize(DUA) == Decimal("84.95")
    assert h.nilai_kinerja_anggaran.quantize(DUA) == Decimal("94.99")
    assert h.kategori == "Sangat Baik"


def test_semua_tabel_terisi(contoh):
    judul = [b.tabel.judul for b in contoh["dok"].tabel]
    for awal in (
        "Capaian Indikator Kinerja Utama",
        "Pencapaian indikator kinerja sasaran",
        "Pencapaian target sasaran",
        "IKM per kelurahan",
        "Survei Indeks Efektivitas Koordinasi",
        "Realisasi belanja",
        "Konsistensi penyerapan anggaran",
        "Efisiensi output program",
        "Nilai Kinerja Anggaran",
    ):
        assert any(j.startswith(awal) for j in judul), awal
    ikm = next(b.tabel for b in contoh["dok"].tabel if b.tabel.judul.startswith("IKM per kel"))
    assert len([b for b in ikm.baris if b[0]]) >= 44


def test_contoh_tanpa_modul_perhitungan():
    """The example package only loads data: the checks live in the reviu package."""
    import importlib.util

    assert importlib.util.find_spec("kinerja.contoh.perhitungan") is None


def test_demo_mencetak_tabel_dan_temuan(tmp_path):
    """`kinerja demo --no-serve` as a new user runs it: a fresh SQLite database, the example
    loaded, the engine tables and the reviu printed, exit 0."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["KINERJA_DATA_DIR"] = str(tmp_path)
    proses = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert proses.returncode == 0, proses.stderr[-2000:]
    out = proses.stdout
    assert "Tabel 16" in out and "DAFTAR TEMUAN REVIU" in out
    assert "104,18" in out and "81,12" in out and "94,99" in out and "97,52" in out
    assert "operator.cideng" in out
