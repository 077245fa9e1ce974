"""Pages: permissions, content, and a bounded number of queries for a unit with 50
programs, 500 sub kegiatan and 12 months."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.anggaran import pemilih
from tests import pabrik
from tests.anggaran.bangun import unit_besar

HALAMAN = ("dasbor", "nka", "galat", "isian", "ekspor")


def _url(org, nama):
    from django.urls import reverse

    return reverse(f"anggaran:{nama}", args=[org.slug, 2024])


def test_dasbor_dan_nka_menampilkan_angka(client, jakpus, pimpinan):
    client.force_login(pimpinan)
    r = client.get(_url(jakpus, "dasbor"))
    isi = r.content.decode()
    assert r.status_code == 200
    assert 'id="nka">94,99%' in isi and 'id="konsistensi">81,12%' in isi
    assert 'id="grafik-rpd"' in isi and 'id="grafik-belanja"' in isi
    assert 'id="grafik-program"' in isi and "Rp779.977.900.621" in isi
    r = client.get(_url(jakpus, "nka"))
    isi = r.content.decode()
    assert "K = Σ (RPDK − |RPDK − RAK|) / RPDK × 100 / n" in isi
    assert "Tabel 74" in isi and "Reviu" in isi and "73,14" in isi and "94,51" in isi
    assert "Isian" not in client.get(_url(jakpus, "dasbor")).content.decode()


def test_halaman_galat_menautkan_data(client, jakpus, operator):
    from kinerja.anggaran.models import AnggaranBulanan

    AnggaranBulanan.objects.filter(organisasi=jakpus, bulan=3).update(rpd=None)
    client.force_login(operator)
    isi = client.get(_url(jakpus, "galat")).content.decode()
    assert "RPD bulan Maret 2024 belum diisi" in isi
    assert 'href="/anggaran/jakarta-pusat/2024/impor/#bulan-3"' in isi


def test_izin(client, jakpus, pimpinan):
    luar = pabrik.organisasi("Kota Lain", "kota_administrasi")
    orang_luar = pabrik.pengguna("luar", ("operator", luar))
    client.force_login(orang_luar)
    assert client.get(_url(jakpus, "dasbor")).status_code == 403
    client.force_login(pimpinan)
    assert client.get(_url(jakpus, "impor")).status_code == 403
    r = client.post(_url(jakpus, "isian"), {"bagian": "belanja", "modal-pagu": "1"})
    assert r.status_code == 403


def test_isian_bulanan_kumulatif(client, jakpus, operator):
    from kinerja.contoh import jakarta_pusat_2024 as jp

    client.force_login(operator)
    data = {"bagian": "bulan", "mode": "kumulatif"}
    ra = list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI]
    for i in range(12):
        data[f"bulan-{i + 1}-rpd"] = jp.RPD_KUMULATIF[i]
        data[f"bulan-{i + 1}-realisasi"] = ra[i]
    r = client.post(_url(jakpus, "isian"), data)
    assert r.status_code == 302
    assert pemilih.anggaran(jakpus, 2024).galat == []


@pytest.mark.parametrize("nama", HALAMAN)
def test_jumlah_kueri_terbatas(client, db, nama):
    kecil = unit_besar(
        pabrik.organisasi("Kecil", "kota_administrasi"), program=2, kegiatan=1, sub=1
    )
    besar = unit_besar(pabrik.organisasi("Besar", "kota_administrasi"))
    admin = pabrik.pengguna("adm", ("admin", kecil), ("admin", besar))
    client.force_login(admin)
    hitung = {}
    for org in (kecil, besar):
        with CaptureQueriesContext(connection) as q:
            r = client.get(_url(org, nama))
        assert r.status_code == 200
        hitung[org.slug] = len(q)
    assert hitung["besar"] == hitung["kecil"], hitung
    assert hitung["besar"] <= 25, hitung
    if nama != "isian":
        assert pemilih.anggaran(besar, 2024).galat == []
