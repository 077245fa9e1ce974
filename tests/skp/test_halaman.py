"""The SKP pages per role: what each sees, the atasan's rating through the form, refusals as
Indonesian 403 pages, evidence checked by content, bounded queries on the cascade page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.skp.models import BuktiRHK, Penilaian, RealisasiRHK
from tests import pabrik
from tests.skp.bantu import pegawai, rhk, staf
from tests.skp.test_impor import buku

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% bukti uji\n%%EOF\n"


@pytest.fixture
def p(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    p = staf()
    _, p["butir"] = pabrik.indikator_pk(p["kec"], nama="Indeks pelayanan")
    p["r_camat"] = rhk(p["camat"], "RHK Camat", butir=p["butir"])
    p["r_lurah"] = rhk(p["lurah_a"], "RHK Lurah A", atasan=p["r_camat"])
    p["r_staf"] = rhk(p["staf_a"], "RHK Staf A", atasan=p["r_lurah"])
    return p


def _skp(p, kunci="staf_a"):
    return reverse("skp:skp", args=[p[kunci].pk, 2024])


def test_halaman_unit_menyembunyikan_nip(client, p):
    client.force_login(p["lurah_b"].pengguna)
    h = client.get(reverse("skp:unit", args=["kecamatan-uji", 2024])).content.decode()
    assert "Staf A" in h and p["staf_a"].nip not in h and p["lurah_b"].nip in h
    client.force_login(p["admin_kec"])
    h = client.get(reverse("skp:unit", args=["kecamatan-uji", 2024])).content.decode()
    assert p["staf_a"].nip in h and "Impor pegawai" in h


def test_skp_per_peran(client, p):
    client.force_login(p["lurah_b"].pengguna)
    r = client.get(_skp(p))
    assert r.status_code == 403 and "hanya untuk pegawai itu" in r.content.decode()
    client.force_login(p["staf_a"].pengguna)
    h = client.get(_skp(p)).content.decode()
    assert 'id="form-rhk"' in h and 'id="form-nilai"' not in h
    client.force_login(p["lurah_a"].pengguna)
    h = client.get(_skp(p)).content.decode()
    assert 'id="form-nilai"' in h and 'id="form-rhk"' not in h and "RHK Lurah A" in h


def test_atasan_menilai_lewat_formulir(client, p):
    data = {
        "jenis_periode": "tahun",
        "ke": "1",
        "rating_hasil": "di_atas",
        "rating_perilaku": "di_bawah",
        "umpan_kolaboratif": "Perlu lebih terbuka",
        "tandatangani": "1",
    }
    client.force_login(p["camat"].pengguna)  # the atasan's atasan
    r = client.post(reverse("skp:nilai", args=[p["staf_a"].pk, 2024]), data)
    assert r.status_code == 403 and "atasan langsung" in r.content.decode()
    client.force_login(p["lurah_a"].pengguna)
    r = client.post(reverse("skp:nilai", args=[p["staf_a"].pk, 2024]), data, follow=True)
    assert "predikat Butuh Perbaikan" in r.content.decode()
    pn = Penilaian.objects.get()
    assert pn.umpan_balik == {"kolaboratif": "Perlu lebih terbuka"} and pn.ditandatangani
    r = client.post(reverse("skp:nilai", args=[p["staf_a"].pk, 2024]), data, follow=True)
    assert "terkunci" in r.content.decode()


def test_realisasi_dengan_bukti(client, p):
    ind = p["r_staf"].indikator.get()
    url = reverse("skp:realisasi", args=[p["staf_a"].pk, 2024, ind.pk])
    client.force_login(p["staf_a"].pengguna)
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    r = client.post(
        url, {"jenis_periode": "triwulan", "ke": "1", "nilai": "3", "bukti": exe}, follow=True
    )
    assert "tidak diterima" in r.content.decode()
    assert not BuktiRHK.objects.exists() and not RealisasiRHK.objects.exists()  # all or nothing
    pdf = SimpleUploadedFile("laporan.pdf", PDF, "application/pdf")
    client.post(url, {"jenis_periode": "triwulan", "ke": "1", "nilai": "3", "bukti": pdf})
    b = BuktiRHK.objects.get()
    assert b.jenis_mime == "application/pdf"
    assert client.get(reverse("skp:bukti", args=[b.pk])).status_code == 200
    client.force_login(p["lurah_b"].pengguna)
    assert client.get(reverse("skp:bukti", args=[b.pk])).status_code == 404


def test_cascade_dan_distribusi_per_peran(client, p):
    for url in (
        reverse("skp:cascade", args=["kelurahan-a", 2024]),
        reverse("skp:distribusi", args=["kelurahan-a", 2024]),
    ):
        client.force_login(p["op_b"])
        assert client.get(url).status_code == 403
        client.force_login(p["op_a"])
        assert client.get(url).status_code == 200
    client.force_login(p["verif"])
    h = client.get(reverse("skp:cascade", args=["kecamatan-uji", 2024])).content.decode()
    assert "RHK Staf A" in h and "Indeks pelayanan" in h


def test_cascade_kueri_tetap(client, p):
    client.force_login(p["admin_kec"])
    url = reverse("skp:cascade", args=["kecamatan-uji", 2024])
    client.get(url)
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    for i in range(25):
        x = pegawai(
            f"staf_tambahan_{i}", "pelaksana", p["kel_a"], p["lurah_a"], n=200 + i, akun=False
        )
        rhk(x, f"RHK tambahan {i}", atasan=p["r_lurah"])
    with CaptureQueriesContext(connection) as banyak:
        h = client.get(url).content.decode()
    assert "RHK tambahan 24" in h
    assert len(banyak) == len(sedikit)


def test_impor_lewat_halaman(client, p):
    client.force_login(p["admin_kec"])
    url = reverse("skp:impor", args=["kecamatan-uji"])
    isi = buku(
        (
            "198001012005011234",
            "Pegawai Impor",
            "II/a",
            "Staf",
            "pelaksana",
            "kelurahan-a",
            p["lurah_a"].nip,
            "",
        )
    )
    r = client.post(url, {"berkas": SimpleUploadedFile("p.xlsx", isi)})
    h = r.content.decode()
    assert r.status_code == 200 and "Pegawai Impor" in h and "Terapkan impor" in h
    sha = r.context["sha"]
    r = client.post(
        reverse("skp:impor_terapkan", args=["kecamatan-uji"]), {"sha": sha}, follow=True
    )
    assert "1 baru" in r.content.decode()
    client.force_login(p["op_a"])
    assert client.get(url).status_code == 403


def test_lkip_bab_sdm_mencetak_distribusi(p):
    from kinerja.lkip.dokumen import BlokTabel
    from kinerja.lkip.struktur import susun_lkip
    from kinerja.skp import layanan

    for peg in ("lurah_a", "lurah_b"):
        skp = p["r_lurah"].skp if peg == "lurah_a" else rhk(p["lurah_b"], "RHK B").skp
        layanan.penilaian_simpan(
            skp=skp,
            jenis_periode="tahun",
            ke=1,
            rating_hasil="di_atas",
            rating_perilaku="di_atas" if peg == "lurah_a" else "sesuai",
            aktor=p["camat"].pengguna,
            tandatangani=True,
        )
    dok = susun_lkip(p["kec"], 2024)
    tabel = [b.tabel for b in dok.blok if isinstance(b, BlokTabel)]
    t = next(t for t in tabel if t.judul == "Distribusi predikat kinerja pegawai tahun 2024")
    assert t.kolom[1:6] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    assert t.baris[-1] == ["Jumlah", "1", "1", "0", "0", "0", "2", "2"]  # 4 SKP, 2 signed


def test_tambah_pegawai_lewat_formulir_dan_riwayat(client, p):
    client.force_login(p["admin_kec"])
    url = reverse("skp:pegawai_baru", args=["kelurahan-a"])
    data = {
        "nip": "1980",
        "nama": "Baru",
        "jabatan": "Staf",
        "jenis_jabatan": "pelaksana",
        "unit": "kelurahan-a",
        "nip_atasan": p["lurah_a"].nip,
        "akun": "",
        "golongan": "",
    }
    r = client.post(url, data)
    assert r.status_code == 400 and "harus tepat 18 digit" in r.content.decode()
    r = client.post(url, {**data, "nip": "198001012005019999"}, follow=True)
    assert "Data pegawai Baru disimpan" in r.content.decode()
    client.force_login(p["op_a"])
    assert client.get(url).status_code == 403
    # the assessment's audit on the SKP page
    from kinerja.skp import layanan

    layanan.penilaian_simpan(
        skp=p["r_staf"].skp,
        jenis_periode="triwulan",
        ke=2,
        rating_hasil="sesuai",
        rating_perilaku="sesuai",
        aktor=p["lurah_a"].pengguna,
    )
    client.force_login(p["staf_a"].pengguna)
    h = client.get(_skp(p)).content.decode()
    assert "Riwayat penilaian" in h and "u_lurah_a" in h
