"""The province page's queries for 2 and 4 units (keputusan 0057): the completeness counts
and the survey lookup are one set of queries for all units; the dashboard, survey report and
budget of each unit are its selectors' own queries, so the count grows by the same fixed
number per unit (linear, not more)."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.provinsi import pemilih
from kinerja.survei.contoh import jawaban_skm
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import IsianRespon, respon_simpan_banyak
from kinerja.survei.models import PutaranSurvei, Saluran
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


def _provinsi(n: int):
    prov = pabrik.organisasi(f"Provinsi Uji {n}", "provinsi", slug=f"provinsi-uji-{n}")
    k = kuesioner_baku("skm")
    demografi = {f.kunci: str(f.pilihan[0][0]) for f in k.demografi.all() if f.pilihan}
    for i in range(n):
        kota = pabrik.organisasi(f"Kota {n}-{i}", "kota_administrasi", prov, slug=f"kota-{n}-{i}")
        for kode in ("ILK", "SDI"):
            ind, _ = pabrik.indikator_pk(kota, target="90", kode=kode, iku=kode == "ILK")
            Realisasi.objects.create(
                indikator=ind,
                organisasi=kota,
                tahun=TAHUN,
                jenis_periode="tahun",
                ke=1,
                nilai=Decimal("91") + i,
                status=StatusRealisasi.DIVERIFIKASI,
            )
        p = PutaranSurvei.objects.create(
            kuesioner=k, organisasi=kota, jenis_periode="semester", tahun=TAHUN, ke=1
        )
        respon_simpan_banyak(
            putaran=p,
            daftar=[
                IsianRespon(
                    jawaban={f"F{j}": v for j, v in enumerate(r, start=1)}, demografi=demografi
                )
                for r in jawaban_skm(Decimal("88"), random.Random(i))
            ],
            saluran=Saluran.WEB,
        )
    return prov


def _hitung(prov) -> int:
    units = pemilih.unit_anak(prov)
    with CaptureQueriesContext(connection) as q:
        h = pemilih.halaman(prov, TAHUN, draf_ids={u.pk for u in units})
    assert all(b.iku is not None and b.ikm is not None for b in h.unit)
    return len(q.captured_queries)


def test_kueri_2_dan_4_unit():
    dua, empat = _hitung(_provinsi(2)), _hitung(_provinsi(4))
    per_unit = (empat - dua) // 2
    assert empat - dua == 2 * per_unit  # exactly linear in the units
    assert per_unit <= 40, per_unit  # a unit's dashboard + survey report + budget
    assert dua - 2 * per_unit <= 8, dua  # the set-based part: units, year, survey, counts


def test_tautan_beranda_tanpa_kueri(django_assert_num_queries):
    """The start page's province link is read from the user's cached role assignments: no
    query for a user with roles (at a province or elsewhere); one for a superuser (every
    province) and for a role at a tree top that is not a province (provinces below it)."""
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.izin import penugasan_aktif

    prov = pabrik.organisasi("Provinsi Tautan", "provinsi", slug="provinsi-tautan")
    kota = pabrik.organisasi("Kota Tautan", "kota_administrasi", prov, slug="kota-tautan")
    lain = pabrik.organisasi("Provinsi Lain", "provinsi", slug="provinsi-lain")
    negara = pabrik.organisasi("Pusat", "perangkat_daerah", slug="pusat-tautan")
    bawah = pabrik.organisasi("Provinsi Bawah", "provinsi", negara, slug="provinsi-bawah")
    kasus = [
        (pabrik.pengguna("pimpinan-prov", ("pimpinan", prov)), [prov], 0),
        (pabrik.pengguna("evaluator-dua", ("evaluator", prov), ("admin", lain)), [lain, prov], 0),
        (pabrik.pengguna("operator-prov", ("operator", prov)), [], 0),
        (pabrik.pengguna("pimpinan-kota", ("pimpinan", kota)), [], 0),
        (pabrik.pengguna("admin-pusat", ("admin", negara)), [bawah], 1),
        (get_user_model().objects.create_superuser("super-tautan"), [bawah, lain, prov], 1),
    ]
    for user, harap, n in kasus:
        penugasan_aktif(user)  # loaded once per request by the start page before this
        with django_assert_num_queries(n):
            assert pemilih.provinsi_pengguna(user) == harap, user.username
