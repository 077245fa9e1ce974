"""Excel import of monthly RPD and realisasi: dry run, row errors, cross-checks, all or
nothing, and the seed's DATA PENDUKUNG table refused for 2024."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook, load_workbook

from kinerja.anggaran import ekspor, impor, layanan, pemilih
from kinerja.anggaran.contoh import bulanan_dari_kumulatif
from kinerja.anggaran.models import AnggaranBulanan
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.rumus.nka import NAMA_BULAN

RPD = bulanan_dari_kumulatif(jp.RPD_KUMULATIF)
RA = bulanan_dari_kumulatif(list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI])


def berkas(baris, kepala=("No", "Bulan", "RPD (Anggaran Kas)", "Realisasi"), tahun=2024):
    wb = Workbook()
    ws = wb.active
    ws.append(["ANGGARAN KAS DAN REALISASI"])
    ws.append([f"Tahun Anggaran {tahun}"])
    ws.append(list(kepala))
    for b in baris:
        ws.append(list(b))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def bulanan(rpd=RPD, ra=RA):
    return [
        (i, NAMA_BULAN[i - 1], r, a) for i, (r, a) in enumerate(zip(rpd, ra, strict=True), start=1)
    ]


def test_pratinjau_sah_tidak_menyimpan(jakpus):
    AnggaranBulanan.objects.all().delete()
    h = impor.pratinjau(jakpus, 2024, berkas(bulanan()))
    assert h.galat == [] and h.token and len(h.bulanan) == 12
    assert AnggaranBulanan.objects.count() == 0


def test_galat_baris_menyebut_baris_dan_kolom(jakpus):
    data = bulanan()
    data[3] = (4, "April", "sejuta", RA[3])
    data[6] = (7, "Juli", RPD[6], -5)
    h = impor.pratinjau(jakpus, 2024, berkas(data))
    assert [(g.baris, g.kolom) for g in h.galat] == [
        (7, "RPD (anggaran kas)"),
        (10, "Realisasi"),
    ]
    assert "'sejuta' bukan angka" in h.galat[0].pesan
    assert not h.token


def test_kumulatif_diterima_dan_dicocokkan(jakpus):
    kepala = ("Bulan", "RPD Kumulatif", "Realisasi Kumulatif", "Realisasi")
    ra_kum = list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI]
    data = [(NAMA_BULAN[i], jp.RPD_KUMULATIF[i], ra_kum[i], RA[i]) for i in range(12)]
    h = impor.pratinjau(jakpus, 2024, berkas(data, kepala))
    assert h.galat == []
    assert h.bulanan[3]["rpd"] == RPD[2]
    data[4] = (NAMA_BULAN[4], jp.RPD_KUMULATIF[4], ra_kum[4], RA[4] + 1)
    h = impor.pratinjau(jakpus, 2024, berkas(data, kepala))
    assert len(h.galat) == 1 and h.galat[0].baris == 8
    assert "tidak sama dengan selisih kumulatif" in h.galat[0].pesan


def test_data_pendukung_ditolak_untuk_2024(jakpus):
    dp = jp.DATA_PENDUKUNG_BULANAN
    h = impor.pratinjau(jakpus, 2024, berkas(bulanan(dp["rpd"], dp["realisasi"])))
    pesan = " ".join(g.pesan for g in h.galat)
    assert "Rp746.527.101.628" in pesan and "Rp779.977.900.621" in pesan
    assert "Rp721.173.597.795" in pesan and "bukan data 2024" in pesan
    assert not h.token


def test_tahun_lain_ditolak(jakpus):
    h = impor.pratinjau(jakpus, 2024, berkas(bulanan(), tahun=2023))
    assert "tahun 2023, bukan 2024" in h.galat[0].pesan


def test_bukan_excel_ditolak(jakpus):
    h = impor.pratinjau(jakpus, 2024, b"No;Bulan;RPD\n1;Januari;5\n")
    assert "bukan Excel" in h.galat[0].pesan


def test_terapkan_semua_atau_tidak_sama_sekali(jakpus, operator):
    AnggaranBulanan.objects.all().delete()
    h = impor.pratinjau(jakpus, 2024, berkas(bulanan()))
    impor.terapkan(organisasi=jakpus, tahun=2024, token=h.token, aktor=operator)
    assert AnggaranBulanan.objects.filter(organisasi=jakpus).count() == 12
    assert AnggaranBulanan.history.filter(history_user=operator).count() == 12
    assert pemilih.anggaran(jakpus, 2024).nka is not None


def test_terapkan_ditolak_tanpa_izin(jakpus, pimpinan):
    h = impor.pratinjau(jakpus, 2024, berkas(bulanan()))
    with pytest.raises(PermissionDenied):
        impor.terapkan(organisasi=jakpus, tahun=2024, token=h.token, aktor=pimpinan)


def test_layanan_bulanan_menolak_kumulatif_turun(jakpus, operator):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="tidak boleh turun"):
        layanan.bulanan_simpan(
            organisasi=jakpus,
            tahun=2024,
            baris=[{"bulan": 1, "rpd_kumulatif": "10"}, {"bulan": 2, "rpd_kumulatif": "5"}],
            aktor=operator,
        )


def test_ekspor_semua_tabel_dan_templat_dapat_diimpor_ulang(jakpus):
    h = pemilih.anggaran(jakpus, 2024)
    wb = load_workbook(io.BytesIO(ekspor.buku_anggaran(h)))
    assert [f"Tabel {k}" for k in ("67", "68", "69", "70", "71", "72", "73", "74")] == (
        wb.sheetnames[:8]
    )
    ws = wb["Tabel 67"]
    assert ws["B5"].value == Decimal(jp.PAGU) or ws["B5"].value == int(jp.PAGU)
    ulang = impor.pratinjau(jakpus, 2024, ekspor.templat_bulanan(h))
    assert ulang.galat == [] and ulang.jumlah["realisasi"] == Decimal(jp.REALISASI)
