"""The province page /provinsi/<slug>/<tahun>/ and its API (keputusan 0057), on the demo data
(Jakarta Pusat + the three example kota of `contoh.kota_lain`): every figure equals the
figure of the unit's own selector; who may read it; unknown province or year."""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.test import Client

from kinerja import angka as fmt
from kinerja.anggaran.pemilih import anggaran
from kinerja.contoh.kota_lain import muat_kota_lain
from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.pemilih import dasbor, kelengkapan_unit
from kinerja.provinsi import pemilih
from kinerja.rumus.sasaran import capaian_sasaran
from kinerja.survei.pemilih import laporan
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024
SLUG_UNIT = ["jakarta-pusat", "jakarta-selatan", "jakarta-barat", "jakarta-timur"]


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        muat_kota_lain()
        yield Organisasi.objects.get(slug="dki-jakarta")
        transaction.set_rollback(True)


def _klien(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def pimpinan_dki(contoh):
    return pabrik.pengguna("pimpinan.dki", ("pimpinan", contoh))


def test_unit_anak_provinsi(contoh):
    assert [u.slug for u in pemilih.unit_anak(contoh)] == SLUG_UNIT
    for u in pemilih.unit_anak(contoh)[1:]:
        assert "(data contoh)" in u.nama


def test_angka_halaman_sama_dengan_mesin_per_unit(contoh):
    """Each unit's row = what its own dashboard, survey report, budget page and completeness
    selector compute, called here directly (not through the province selector)."""
    units = pemilih.unit_anak(contoh)
    h = pemilih.halaman(contoh, TAHUN, draf_ids={u.pk for u in units})
    lengkap = kelengkapan_unit(units, TAHUN, {u.pk for u in units})
    for b, u in zip(h.unit, units, strict=True):
        d = dasbor(u, TAHUN, hanya_terverifikasi=True)
        assert b.rekap == d.rekap
        iku = [x.hasil.capaian if x.hasil else None for x in d.baris if x.indikator.iku]
        assert b.jumlah_iku == len(iku) > 0
        assert b.iku == capaian_sasaran(iku)
        lap = laporan(u, "skm-kelurahan-dki", TAHUN).total["tahun"]
        assert b.ikm == lap.konversi and b.ikm is not None
        assert b.ikm_responden == lap.n > 0
        nka = anggaran(u, TAHUN).nka
        if nka is None:
            assert b.nka is None and b.nka_keterangan
        else:
            assert b.nka == nka.nilai_kinerja_anggaran
        # completeness: the same totals as the unit's kelengkapan page
        assert b.harapan == lengkap[u.pk]["harapan"]
        assert b.terverifikasi == lengkap[u.pk]["status"][-1]
        assert b.diisi == sum(lengkap[u.pk]["status"][1:])  # entered: every status but "belum"
    jp = h.unit[0]
    assert jp.nka is not None  # Jakarta Pusat has its budget (Tabel 74)
    assert all(b.nka is None for b in h.unit[1:])  # the example kota have none
    # Jakarta Barat leaves two periods empty (contoh.kota_lain.KOSONG)
    barat = h.unit[2]
    assert barat.terverifikasi == barat.harapan - 2
    # ranking by the IKU mean, highest first
    urut = sorted(h.unit, key=lambda b: -b.capaian_iku)
    assert [b.peringkat for b in urut] == [1, 2, 3, 4]
    assert h.rekap == {k: sum(b.rekap[k] for b in h.unit) for k in h.rekap}
    assert h.rata_rata_iku == capaian_sasaran([b.capaian_iku for b in h.unit])


def test_halaman_menampilkan_angka_mesin(contoh, pimpinan_dki):
    r = _klien(pimpinan_dki).get(f"/provinsi/dki-jakarta/{TAHUN}/")
    assert r.status_code == 200
    html = r.content.decode()
    h = r.context["h"]
    for b in h.unit:
        assert f'href="/o/{b.organisasi.slug}/{TAHUN}/"' in html  # drill down
        baris = html.split(f'id="unit-{b.organisasi.slug}"', 1)[1].split("</tr>", 1)[0]
        assert fmt.angka(b.capaian_iku) in baris
        assert fmt.angka(b.ikm) in baris
        assert (fmt.angka(b.nka) if b.nka is not None else "tidak tersedia") in baris
    assert "<svg" in html and "<script" not in html  # the chart, no inline script (CSP)
    assert "Semester II" in html  # completeness per period


def test_api_sama_dengan_halaman(contoh, pimpinan_dki):
    c = _klien(pimpinan_dki)
    r = c.get(f"/api/provinsi/dki-jakarta/{TAHUN}")
    assert r.status_code == 200, r.content
    data = json.loads(r.content)
    h = c.get(f"/provinsi/dki-jakarta/{TAHUN}/").context["h"]
    assert [u["slug"] for u in data["unit"]] == SLUG_UNIT
    for u, b in zip(data["unit"], h.unit, strict=True):
        assert u["capaian_iku"] == format(b.capaian_iku.normalize(), "f") or u[
            "capaian_iku"
        ].startswith(fmt.angka(b.capaian_iku).replace(",", ".")[:5])
        assert {p["predikat"]: p["jumlah"] for p in u["predikat"]} == b.rekap
        assert u["peringkat"] == b.peringkat
        assert u["ikm_responden"] == b.ikm_responden
        assert sum(k["terverifikasi"] for k in u["kelengkapan"]) == b.terverifikasi
        assert u["dasbor"] == f"/o/{b.organisasi.slug}/{TAHUN}/"
    assert data["unit"][1]["nka"] is None and data["unit"][1]["nka_keterangan"]


@pytest.mark.parametrize("peran,slug,boleh", [
    ("pimpinan", "dki-jakarta", True),
    ("evaluator", "dki-jakarta", True),
    ("admin", "dki-jakarta", True),
    ("operator", "jakarta-pusat-kel-cideng", False),
    ("pimpinan", "jakarta-pusat", False),
    ("verifikator", "dki-jakarta", False),
])  # fmt: skip
def test_izin_halaman_dan_api(contoh, peran, slug, boleh):
    user = pabrik.pengguna(f"{peran}-{slug}", (peran, Organisasi.objects.get(slug=slug)))
    c = _klien(user)
    halaman = c.get(f"/provinsi/dki-jakarta/{TAHUN}/")
    api = c.get(f"/api/provinsi/dki-jakarta/{TAHUN}")
    beranda = c.get("/").content.decode()
    if boleh:
        assert halaman.status_code == 200 and api.status_code == 200
        assert f'href="/provinsi/dki-jakarta/{TAHUN}/"' in beranda
    else:
        assert halaman.status_code == 403 and api.status_code == 403
        assert "pimpinan, evaluator dan admin provinsi" in json.loads(api.content)["detail"]
        assert "/provinsi/dki-jakarta/" not in beranda


def test_tanpa_masuk(contoh):
    assert Client().get(f"/provinsi/dki-jakarta/{TAHUN}/").status_code == 302
    assert Client().get(f"/api/provinsi/dki-jakarta/{TAHUN}").status_code == 401


@pytest.mark.parametrize("alamat,pesan", [
    ("tidak-ada/2024", "Provinsi 'tidak-ada' tidak ditemukan."),
    ("jakarta-pusat/2024", "Provinsi 'jakarta-pusat' tidak ditemukan."),
    ("dki-jakarta/2031", "Tahun 2031 tidak dikenal untuk Provinsi DKI Jakarta"),
])  # fmt: skip
def test_unit_atau_tahun_tak_dikenal_404(contoh, pimpinan_dki, alamat, pesan):
    c = _klien(pimpinan_dki)
    r = c.get(f"/provinsi/{alamat}/")
    assert r.status_code == 404
    assert "unit/tahun yang diminta tidak dikenal" in r.content.decode()  # the site's 404 page
    r = c.get(f"/api/provinsi/{alamat}")
    assert r.status_code == 404
    assert pesan in json.loads(r.content)["detail"]


def test_tahun_di_luar_rentang(contoh, pimpinan_dki):
    c = _klien(pimpinan_dki)
    assert c.get("/provinsi/dki-jakarta/1999/").status_code == 404
    assert c.get("/api/provinsi/dki-jakarta/1999").status_code == 422


def test_akun_demo_pimpinan_dki():
    from kinerja.cli.demo import AKUN_DEMO

    assert ("pimpinan.dki", "pimpinan", "dki-jakarta") in [a[:3] for a in AKUN_DEMO]
