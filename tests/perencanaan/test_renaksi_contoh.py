"""The Jakarta Pusat example (data contoh): the rencana aksi 2024 reconciled with the RKT as
the reviu would (the seed's kegiatan Peningkatan Penyelenggaraan Kota Administrasi: 32 steps
summing to Rp2.415.968.591 against a pagu of Rp2.419.568.591), the example shortfalls behind
schedule, the board page, the API; and the PK revision with its legal basis on the PK page
and in the LKIP."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse

from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.dokumen import BlokTabel
from kinerja.lkip.struktur import susun_lkip
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.pemilih_renaksi import langkah_terlambat, rekonsiliasi
from tests import pabrik

TAHUN = 2024


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        hasil = muat_contoh("jakarta-pusat")
        yield Organisasi.objects.get(slug="jakarta-pusat"), hasil
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_rekonsiliasi_contoh_seperti_reviu(contoh):
    org, hasil = contoh
    assert hasil["rencanaaksi"] >= 34 and hasil["targetlangkah"] > 0
    rek = {r.kegiatan.nama: r for r in rekonsiliasi(org, TAHUN)}
    kota = rek["Peningkatan Penyelenggaraan Kota Administrasi"]
    assert kota.jumlah_langkah == 32
    assert kota.hasil.pagu == Decimal("2419568591")
    assert kota.hasil.jumlah_langkah == Decimal("2415968591")
    assert kota.hasil.selisih == Decimal("3600000") and not kota.hasil.cocok
    lembaga = rek["Pemberdayaan Lembaga Kemasyarakatan Tingkat Kecamatan"]
    assert lembaga.hasil.cocok and lembaga.hasil.jumlah_langkah == Decimal("13319875052")


@pytest.mark.django_db
def test_langkah_terlambat_contoh(contoh):
    org, _ = contoh
    akhir = {x.uraian[:40]: x.kekurangan for x in langkah_terlambat(org, TAHUN, 12)}
    assert akhir == {
        "Pembinaan Administrasi Kepegawaian Kota ": Decimal(1),
        "Penyusunan dan Evaluasi Standar Operasio": Decimal(1),
    }


@pytest.mark.django_db
def test_halaman_dan_api_contoh(contoh, client):
    org, _ = contoh
    pimpinan = pabrik.pengguna("pimpinan_jp", ("pimpinan", org))
    client.force_login(pimpinan)
    isi = client.get(reverse("perencanaan:renaksi", args=[org.slug, TAHUN]) + "?bulan=12")
    teks = isi.content.decode()
    assert isi.status_code == 200 and "Tidak sesuai" in teks
    assert "2.419.568.591" in teks and "2.415.968.591" in teks and "3.600.000" in teks
    assert "Tambah langkah" not in teks  # pimpinan reads only
    api = client.get(f"/api/organisasi/{org.slug}/{TAHUN}/rencana-aksi?bulan=12").json()
    kota = next(r for r in api["rekonsiliasi"] if r["kegiatan"].startswith("Peningkatan Peny"))
    assert (kota["pagu"], kota["jumlah_langkah"], kota["selisih"], kota["cocok"]) == (
        "2419568591",
        "2415968591",
        "3600000",
        False,
    )
    assert sum(1 for x in api["langkah"] if x["terlambat"]) == 2
    assert client.get(f"/api/organisasi/{org.slug}/{TAHUN}/rencana-aksi?bulan=13").status_code == (
        422
    )


@pytest.mark.django_db
def test_riwayat_revisi_di_halaman_pk_dan_lkip(contoh, client):
    org, _ = contoh
    dok = susun_lkip(org, TAHUN)
    tabel = [b.tabel for b in dok.blok if isinstance(b, BlokTabel)]
    riwayat = next(t for t in tabel if t.judul.startswith("Riwayat revisi Perjanjian Kinerja"))
    assert riwayat.kolom[3] == "Nomor dan tanggal surat"
    (baris,) = riwayat.baris
    assert baris[0] == "1" and baris[2] == "Instruksi Sekda Nomor 19 Tahun 2024"
    assert "Nomor 19 Tahun 2024" in baris[3] and baris[5] == "3"
    ubah = next(t for t in tabel if t.judul.startswith("Perubahan target pada revisi 1"))
    assert ["93,93", "97,52", "90,35"] == [b[2] for b in ubah.baris]
    client.force_login(pabrik.pengguna("pimpinan_jp2", ("pimpinan", org)))
    teks = client.get(reverse("perencanaan:pk", args=[org.slug, TAHUN])).content.decode()
    assert 'id="riwayat-revisi"' in teks and "Instruksi Sekretaris Daerah" in teks
    assert "87,3 → 93,93" in teks
