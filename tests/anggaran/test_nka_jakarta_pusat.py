"""Seed Tabel 67-74 (Jakarta Pusat 2024) reproduced from the database through the engine,
with December's cumulative realisasi = the year's realisasi (formulas.md §2.8)."""

from decimal import Decimal

from kinerja.anggaran import pemilih
from kinerja.anggaran.contoh import muat_anggaran
from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, RealisasiProgram
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.perencanaan.models import ProgramAnggaran
from kinerja.rumus.bilangan import bulat
from tests.conftest import dekat


def _kolom(t, uraian, i):
    return next(b[i] for b in t.baris if b[0] == uraian)


def test_tabel_67_68_69_penyerapan(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    assert h.galat == []
    t67 = h.tabel["67"]
    assert _kolom(t67, "Jumlah", 1) == Decimal(jp.PAGU)
    assert _kolom(t67, "Jumlah", 2) == Decimal(jp.REALISASI)
    assert bulat(_kolom(t67, "Jumlah", 3)) == Decimal("95.69")
    assert bulat(_kolom(t67, "Belanja Operasi", 3)) == Decimal("95.70")
    assert bulat(_kolom(t67, "Belanja Modal", 3)) == Decimal("94.39")
    t68 = h.tabel["68"]
    assert bulat(_kolom(t68, "Belanja Pegawai", 3)) == Decimal("93.80")
    assert bulat(_kolom(t68, "Belanja Barang dan Jasa", 3)) == Decimal("96.68")
    assert _kolom(t68, "Jumlah", 2) == Decimal("738766664773")
    t69 = h.tabel["69"]
    for p in jp.PROGRAM:
        assert bulat(_kolom(t69, p["nama"], 4)) == Decimal(p["persen_terbit"]), p["nama"]
        assert _kolom(t69, p["nama"], 1) == Decimal(p["awal"])
    assert _kolom(t69, "Jumlah", 2) == Decimal(jp.PAGU)


def test_tabel_70_konsistensi_desember_dilengkapi(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    t70 = h.tabel["70"]
    terbit = jp.TABEL_70_TERBIT
    for i, baris in enumerate(t70.baris):
        assert baris[1] == Decimal(jp.RPD_KUMULATIF[i])
        if i < 11:  # the published months
            assert baris[2] == Decimal(jp.REALISASI_KUMULATIF_TERBIT[i])
            assert dekat(baris[3], terbit["per_bulan"][i])
            assert dekat(baris[4], terbit["berjalan"][i])
    assert t70.baris[11][2] == Decimal(jp.REALISASI)
    assert bulat(t70.baris[11][3]) == Decimal("95.69")
    assert bulat(h.nka.konsistensi) == Decimal("81.12")


def test_tabel_71_72_capaian_output_dan_efisiensi(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    t72 = h.tabel["72"]
    assert dekat(_kolom(t72, "Program Pengelolaan Kota Administrasi", 3), "112.19")
    assert bulat(_kolom(t72, "Capaian output unit (sebelum dibatasi)", 3)) == Decimal("102.33")
    assert h.nka.capaian_output == 100
    ef = h.nka.rincian["efisiensi"]
    assert bulat(ef.efisiensi) == Decimal("4.35")
    assert bulat(ef.nilai_efisiensi) == Decimal("60.86")  # Σ(AA × COP) per the regulation
    t71 = h.tabel["71"]
    assert _kolom(t71, "Program Pengelolaan Kecamatan", 5) == Decimal("6145062732")
    # The seed's printed formula (÷ Σ AA) gives its 60.87.
    h_aa = pemilih.anggaran(jakpus, 2024, penyebut_efisiensi="aa")
    assert bulat(h_aa.nka.nilai_efisiensi) == Decimal("60.87")


def test_tabel_73_manfaat_dibatasi_100(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    t73 = h.tabel["73"]
    capaian = [b[3] for b in t73.baris if b[0][:2] in ("1.", "2.")]
    assert dekat(capaian[0], "104.08")
    assert dekat(capaian[1], "104.18")  # arithmetic mean of 101.50 and 106.86
    assert h.nka.nilai_manfaat == 100


def test_tabel_74_nka_dan_reviu(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    n = h.nka
    assert bulat(n.penyerapan) == Decimal("95.69")
    assert bulat(n.nilai_implementasi) == Decimal("84.95")
    assert bulat(n.nilai_kinerja_anggaran) == Decimal("94.99")
    assert n.kategori == "Sangat Baik"
    temuan = {t.kode: t for t in h.temuan}
    assert Decimal(temuan["nka:konsistensi"].terbit) == Decimal("73.14")
    assert Decimal(temuan["nka:nilai_kinerja_anggaran"].terbit) == Decimal("94.51")
    assert Decimal(temuan["nka:nilai_implementasi"].terbit) == Decimal("83.50")
    assert "nka:penyerapan" not in temuan and "nka:capaian_output" not in temuan


def test_muat_anggaran_idempoten_dan_memakai_program_yang_ada(jakpus):
    muat_anggaran(jakpus)
    assert ProgramAnggaran.objects.filter(organisasi=jakpus, tingkat="program").count() == 5
    assert ProgramAnggaran.objects.filter(organisasi=jakpus, tingkat="kegiatan").count() == 14
    assert AnggaranBulanan.objects.filter(organisasi=jakpus).count() == 12
    assert BelanjaJenis.objects.filter(organisasi=jakpus).count() == 3
    assert RealisasiProgram.objects.count() == 5
    assert pemilih.anggaran(jakpus, 2024).galat == []


def test_muat_anggaran_setelah_program_dibuat_loader_lain(db):
    from tests import pabrik

    org = pabrik.organisasi("Jakarta Pusat", "kota_administrasi", slug="jakarta-pusat")
    lain = ProgramAnggaran.objects.create(
        organisasi=org, tahun=2024, tingkat="program", nama=jp.PROGRAM[0]["nama"], pagu=1
    )
    muat_anggaran()
    lain.refresh_from_db()
    assert lain.pagu == Decimal(jp.PROGRAM[0]["alokasi"])
    assert ProgramAnggaran.objects.filter(tingkat="program").count() == 5
