"""The demo's SKP example: loads on the Jakarta Pusat example, idempotent, linked to its PK."""

from __future__ import annotations

import pytest

from kinerja.cli.demo import buat_akun_demo
from kinerja.contoh.kerja_demo import siapkan_kerja_demo
from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.models import Organisasi
from kinerja.skp.contoh import siapkan_skp_demo
from kinerja.skp.models import RHK, Pegawai
from kinerja.skp.pemilih import distribusi_predikat, pohon_cascade

pytestmark = pytest.mark.django_db


def test_contoh_skp_gambir():
    muat_contoh("jakarta-pusat")
    buat_akun_demo()
    siapkan_kerja_demo("jakarta-pusat")
    hasil = siapkan_skp_demo("jakarta-pusat")
    assert hasil == siapkan_skp_demo("jakarta-pusat")  # idempotent
    assert Pegawai.objects.count() == 12 and RHK.objects.count() == 14
    assert all("(data contoh)" in p.nama and len(p.nip) == 18 for p in Pegawai.objects.all())
    kec = Organisasi.objects.get(slug="jakarta-pusat-kec-gambir")
    t = pohon_cascade(kec, 2024)
    assert not t.pk_tanpa_rhk  # both PK lines (Gambir, Cideng) are served
    assert [r.uraian for r in t.rhk_tanpa_induk] == ["Kegiatan rutin seksi"]
    d = distribusi_predikat(kec, 2024, hanya_terverifikasi=False)
    assert d.total.distribusi.total == 11 and d.total.jumlah_skp == 12
    assert d.total.distribusi.jumlah == {
        "sangat_baik": 3, "baik": 6, "butuh_perbaikan": 1, "kurang": 1, "sangat_kurang": 0,
    }  # fmt: skip
    gambir = Organisasi.objects.get(slug="jakarta-pusat-kel-gambir")
    dg = distribusi_predikat(gambir, 2024)  # verified realisasi only: 75 of 100
    assert dg.peringatan and "di atas ekspektasi" in dg.peringatan[0]
    # at the kecamatan not everyone is "di atas"; the kelurahan below it is flagged there too
    assert [x.split(" tidak")[0] for x in distribusi_predikat(kec, 2024).peringatan] == [
        "1 indikator kinerja Kelurahan Gambir"
    ]
