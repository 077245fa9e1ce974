"""The LKIP Bab III peer comparison seen from the province (issue 15, keputusan 0058): for
each PK line of a kota, the other kota of the province with an indicator of the same kode
are compared with the values their own dashboards show (verified yearly realisasi); without
such a peer the block says "tidak tersedia"."""

from __future__ import annotations

import pytest
from django.db import transaction

from kinerja import angka as fmt
from kinerja.contoh.kota_lain import muat_kota_lain
from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.struktur import susun_lkip
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.pemilih import dasbor
from kinerja.provinsi import pemilih

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    """Per kota of DKI: its dashboard's verified yearly value per indicator kode, and its
    LKIP's peer blocks."""
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        muat_kota_lain()
        prov = Organisasi.objects.get(slug="dki-jakarta")
        kota = pemilih.unit_anak(prov)
        nilai = {
            u.nama: {
                b.indikator.kode: b.realisasi
                for b in dasbor(u, TAHUN, hanya_terverifikasi=True).baris
            }
            for u in kota
        }
        blok = {
            u.nama: {
                n.kunci: n.otomatis
                for n in susun_lkip(u, TAHUN).narasi
                if n.kunci.endswith(".kota-lain")
            }
            for u in ("jakarta-pusat", "jakarta-selatan")
            for u in [Organisasi.objects.get(slug=u)]
        }
        transaction.set_rollback(True)
    return prov, nilai, blok


@pytest.mark.parametrize("unit", ["Kota Administrasi Jakarta Pusat", "Kota Administrasi Jakarta Selatan (data contoh)"])  # fmt: skip
def test_pembanding_dari_angka_dasbor_unit(data, unit):
    prov, nilai, blok = data
    sendiri = nilai[unit]
    diisi = tidak = 0
    for kode, realisasi in sendiri.items():
        if not kode:
            continue
        teks = blok[unit][f"bab3.{kode}.kota-lain"]
        rekan = {
            nama: v[kode] for nama, v in nilai.items() if nama != unit and v.get(kode) is not None
        }
        if not rekan:
            tidak += 1
            assert teks.startswith("Perbandingan dengan kota administrasi lain tidak tersedia")
            assert f"berkode {kode}" in teks and prov.nama in teks
            continue
        diisi += 1
        semua = sorted([*rekan.values(), realisasi], reverse=True)
        assert teks.startswith(
            f"Dibandingkan dengan {len(rekan)} kota administrasi lain di {prov.nama} yang "
            f"memakai indikator berkode {kode} (realisasi terverifikasi), realisasi {unit} "
            f"sebesar {fmt.angka(realisasi)} berada di urutan ke-{semua.index(realisasi) + 1} "
            f"dari {len(semua)}"
        ), teks
        # each peer named on its side: higher than it, lower than it
        atas, _, bawah = teks.partition("lebih rendah daripada")
        atas = atas.partition("lebih tinggi daripada")[2]
        for n, v in rekan.items():
            assert n in (atas if realisasi > v else bawah if realisasi < v else teks), (n, teks)
    assert diisi >= 3  # ILK, IKM, IEK at least
    if unit.endswith("Pusat"):
        assert tidak > 0  # Jakarta Pusat's own indicators (e.g. MANRISK) have no peer
