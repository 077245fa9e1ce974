"""Each data error stops the computation with an Indonesian message and a link to fix."""

from decimal import Decimal

from kinerja.anggaran import pemilih
from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, RealisasiProgram
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.perencanaan.models import ProgramAnggaran


def _kode(h):
    return {g.kode: g for g in h.galat}


def test_bulan_kosong_dihentikan_bukan_nol(jakpus):
    AnggaranBulanan.objects.filter(organisasi=jakpus, bulan=12).update(realisasi=None)
    h = pemilih.anggaran(jakpus, 2024)
    g = _kode(h)["bulan/12/realisasi"]
    assert "Desember" in g.pesan and "tidak dihitung 0" in g.pesan
    assert g.tautan == "/anggaran/jakarta-pusat/2024/impor/#bulan-12"
    assert h.nka is None and "70" not in h.tabel and "74" not in h.tabel
    assert "67" in h.tabel  # tables that do not need the months are still computed


def test_bulan_tidak_ada_barisnya(jakpus):
    AnggaranBulanan.objects.filter(organisasi=jakpus, bulan=5).delete()
    g = _kode(pemilih.anggaran(jakpus, 2024))
    assert "bulan/5/rpd" in g and "bulan/5/realisasi" in g


def test_realisasi_kumulatif_desember_beda_dengan_setahun(jakpus):
    AnggaranBulanan.objects.filter(organisasi=jakpus, bulan=12).update(realisasi=Decimal(1))
    h = pemilih.anggaran(jakpus, 2024)
    g = _kode(h)["bulan/desember/realisasi"]
    assert "Rp746.367.815.588" in g.pesan and "realisasi setahun" in g.pesan
    assert h.nka is None


def test_jumlah_program_tidak_sama_dengan_total(jakpus):
    p = ProgramAnggaran.objects.get(organisasi=jakpus, nama=jp.PROGRAM[1]["nama"])
    RealisasiProgram.objects.filter(program=p).update(realisasi=Decimal("2000000000"))
    h = pemilih.anggaran(jakpus, 2024)
    g = _kode(h)
    assert "program/jumlah-realisasi" in g
    assert "tidak sama dengan jumlah realisasi belanja" in g["program/jumlah-realisasi"].pesan
    assert h.nka is None and "69" not in h.tabel


def test_jumlah_kegiatan_tidak_sama_dengan_pagu_program(jakpus):
    k = ProgramAnggaran.objects.filter(organisasi=jakpus, tingkat="kegiatan").first()
    ProgramAnggaran.objects.filter(pk=k.pk).update(pagu=k.pagu + 1)
    g = _kode(pemilih.anggaran(jakpus, 2024))
    assert f"program/{k.induk_id}/jumlah-pagu" in g


def test_realisasi_melebihi_pagu(jakpus):
    BelanjaJenis.objects.filter(organisasi=jakpus, jenis="modal").update(
        realisasi=Decimal("9000000000")
    )
    g = _kode(pemilih.anggaran(jakpus, 2024))
    assert "belanja/modal/melebihi" in g
    assert "melebihi pagu Rp8.052.731.877" in g["belanja/modal/melebihi"].pesan
    p = ProgramAnggaran.objects.get(organisasi=jakpus, nama=jp.PROGRAM[4]["nama"])
    RealisasiProgram.objects.filter(program=p).update(realisasi=p.pagu + 1)
    assert f"program/{p.pk}/melebihi" in _kode(pemilih.anggaran(jakpus, 2024))


def test_tanpa_sasaran_terverifikasi(db):
    from kinerja.anggaran.contoh import muat_anggaran
    from tests import pabrik

    org = pabrik.organisasi("JP", "kota_administrasi", slug="jakarta-pusat")
    muat_anggaran(org)
    h = pemilih.anggaran(org, 2024)
    assert set(_kode(h)) == {"sasaran/kosong"}
    assert h.nka is None and "72" in h.tabel and "73" not in h.tabel
