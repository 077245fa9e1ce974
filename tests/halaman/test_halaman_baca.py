"""Read pages (dasbor, indikator, PK, pohon, kelengkapan): engine figures in Indonesian
format, permissions, drafts hidden from readers of verified data, bounded query counts.

The Indeks Efektivitas Koordinasi reproduces seed Tabel 33 and Tabel 16: semester 96,29
and 96,81, yearly mean 96,55 against target 90,35 gives capaian 106,86%.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pengukuran import layanan
from kinerja.pengukuran.models import (
    AngkaTerbit,
    BatasWaktu,
    NilaiPembanding,
    Realisasi,
    StatusRealisasi,
)
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    PerjanjianKinerja,
    PerubahanTarget,
    ProgramAnggaran,
    Renstra,
    RevisiPK,
    Sasaran,
    TargetRenstra,
    Tujuan,
)
from tests import pabrik

pytestmark = pytest.mark.django_db


def _simpan_verifikasi(ind, tahun, jenis, ke, nilai, op, verif, penjelasan=""):
    r = layanan.realisasi_simpan(
        indikator=ind,
        tahun=tahun,
        jenis_periode=jenis,
        ke=ke,
        nilai=nilai,
        penjelasan=penjelasan,
        aktor=op,
    )
    layanan.realisasi_ajukan(realisasi=r, aktor=op)
    return layanan.realisasi_verifikasi(realisasi=r, aktor=verif)


@pytest.fixture
def data():
    """The kecamatan of pohon_kecil with a 2023 and 2024 PK, one verified semester
    indicator (IEK), one draft yearly indicator, Renstra targets, a PK revision, peers,
    a program, a published figure that differs and a past deadline."""
    p = pabrik.pohon_kecil()
    kec, kota = p["kec"], p["kota"]
    p["op_kec"] = pabrik.pengguna("op_kec", ("operator", kec))
    p["verif_kota"] = pabrik.pengguna("verif_kota", ("verifikator", kota))
    lain = pabrik.organisasi("Kota Lain", "kota_administrasi", slug="kota-lain")
    p["orang_lain"] = pabrik.pengguna("orang_lain", ("pimpinan", lain))

    renstra = Renstra.objects.create(
        organisasi=kec, nama="Renstra Kecamatan", tahun_awal=2023, tahun_akhir=2026
    )
    tujuan = Tujuan.objects.create(renstra=renstra, kode="T1", uraian="Tujuan koordinasi wilayah")
    iek, butir = pabrik.indikator_pk(
        kec,
        tahun=2024,
        target="90.35",
        nama="Indeks Efektivitas Koordinasi",
        frekuensi="semester",
        cara_agregasi="rata_rata",
        satuan="Nilai",
        definisi_operasional="Efektivitas koordinasi menurut survei",
        rumus="rata-rata nilai semester",
        sumber_data="Survei IEK",
    )
    Sasaran.objects.filter(pk=iek.sasaran_id).update(
        tujuan=tujuan, renstra=renstra, uraian="Meningkatnya koordinasi"
    )
    draf, _ = pabrik.indikator_pk(
        kec, tahun=2024, target="80", nama="Persentase layanan tuntas", nomor=2, satuan="%"
    )
    Sasaran.objects.filter(pk=draf.sasaran_id).update(kelompok="khusus")
    # Child sasaran in a kelurahan cascading from the kecamatan's sasaran 1.
    s_kel = Sasaran.objects.create(
        organisasi=p["kel_a"], nomor=1, uraian="Koordinasi RW tertib", induk_id=iek.sasaran_id
    )
    Indikator.objects.create(sasaran=s_kel, organisasi=p["kel_a"], nama="Rapat RW terlaksana")

    # 2023: PK target 90, verified yearly realisasi 95,10
    pk23 = PerjanjianKinerja.objects.create(
        organisasi=kec, tahun=2023, pihak_pertama_jabatan="Camat"
    )
    ButirPK.objects.create(pk_dokumen=pk23, indikator=iek, target=Decimal("90"))
    _simpan_verifikasi(iek, 2023, "tahun", 1, "95.10", p["op_kec"], p["verif_kota"])
    # 2024 semesters (seed Tabel 33)
    _simpan_verifikasi(
        iek, 2024, "semester", 1, "96.29", p["op_kec"], p["verif_kota"], "Rapat koordinasi rutin."
    )
    _simpan_verifikasi(iek, 2024, "semester", 2, "96.81", p["op_kec"], p["verif_kota"])
    # a draft nobody verified yet
    layanan.realisasi_simpan(
        indikator=draf, tahun=2024, jenis_periode="tahun", nilai="73.21", aktor=p["op_kec"]
    )

    pk24 = butir.pk_dokumen
    pk24.pihak_pertama_nama = "Budi Camat"
    pk24.pihak_kedua_jabatan = "Wali Kota Uji"
    pk24.save()
    rev = RevisiPK.objects.create(
        pk_dokumen=pk24, nomor=1, dasar_hukum="Instruksi Sekda 19/2024", alasan="Penyesuaian RPD"
    )
    PerubahanTarget.objects.create(
        revisi=rev, butir=butir, target_lama=Decimal("90"), target_baru=Decimal("90.35")
    )
    TargetRenstra.objects.create(indikator=iek, tahun=2024, nilai=Decimal("90.35"))
    TargetRenstra.objects.create(indikator=iek, tahun=2026, nilai=Decimal("92"))
    NilaiPembanding.objects.create(
        indikator=iek, tahun=2024, nama="Kota Pembanding", nilai=Decimal("94.2")
    )
    NilaiPembanding.objects.create(
        indikator=iek,
        tahun=2024,
        nama="Rata-rata nasional",
        standar_nasional=True,
        nilai=Decimal("85"),
    )
    prog = ProgramAnggaran.objects.create(
        organisasi=kec,
        tahun=2024,
        tingkat="program",
        nama="Program Penyelenggaraan Pemerintahan",
        pagu=Decimal("746367815588"),
    )
    prog.sasaran.add(iek.sasaran)
    AngkaTerbit.objects.create(
        organisasi=kec,
        tahun=2024,
        kunci=f"capaian_indikator:{iek.pk}",
        uraian="Capaian IEK",
        sumber="LKIP 2024 Tabel 16",
        nilai=Decimal("104.08"),
    )
    BatasWaktu.objects.create(
        organisasi=kota, tahun=2024, jenis_periode="tahun", ke=1, tanggal=dt.date(2025, 1, 15)
    )
    p.update(iek=iek, draf=draf, pk24=pk24)
    return p


def _get(client, user, nama, *args):
    client.force_login(user)
    return client.get(reverse(nama, args=args))


# --- dasbor -------------------------------------------------------------------------------


def test_dasbor_angka_mesin_format_indonesia(client, data):
    r = _get(client, data["pimpinan"], "dasbor", "kecamatan-uji", 2024)
    assert r.status_code == 200
    html = r.content.decode()
    assert "106,86" in html  # capaian IEK (Tabel 16)
    assert "96,55" in html and "90,35" in html
    assert "Sasaran Strategis" in html and "Sasaran Khusus" in html
    assert "Sangat Tinggi" in html
    assert "<svg" in html  # predikat chart
    # issue 19: the capaian chart comes first, before the table
    grafik = html.index('id="grafik-capaian"')
    assert grafik < html.index('id="h-capaian"')
    assert 'aria-label="Capaian indikator kinerja Kecamatan Uji 2024 (%)"' in html
    assert "106,86%" in html[grafik : html.index('id="h-capaian"')]
    assert reverse("indikator", args=["kecamatan-uji", 2024, data["iek"].pk]) in html
    # reviu finding: published 104,08 vs computed 106,86, with the formula
    assert "104,08" in html and "96,55 / 90,35 × 100%" in html
    # the draft is visible to the pimpinan: 73,21 / 80 = 91,51%
    assert "73,21" in html and "91,51" in html and "Draf" in html


def test_dasbor_pembaca_terverifikasi_tidak_melihat_draf(client, data):
    # op_a works in a kelurahan below: reads the kecamatan's verified figures only
    r = _get(client, data["op_a"], "dasbor", "kecamatan-uji", 2024)
    assert r.status_code == 200
    html = r.content.decode()
    assert "106,86" in html
    assert "73,21" not in html and "91,51" not in html
    assert "data yang sudah diverifikasi saja" in html


@pytest.mark.parametrize("nama", ["dasbor", "pk", "pohon", "kelengkapan"])
def test_tanpa_peran_403(client, data, nama):
    assert _get(client, data["orang_lain"], nama, "kecamatan-uji", 2024).status_code == 403
    # operator of a sibling kelurahan may not read kel_a at all
    assert _get(client, data["op_b"], nama, "kelurahan-a", 2024).status_code == 403


def test_perlu_masuk(client, data):
    r = client.get(reverse("dasbor", args=["kecamatan-uji", 2024]))
    assert r.status_code == 302 and reverse("masuk") in r["Location"]


# --- indikator ----------------------------------------------------------------------------


def test_indikator_enam_perbandingan(client, data):
    r = _get(client, data["pimpinan"], "indikator", "kecamatan-uji", 2024, data["iek"].pk)
    assert r.status_code == 200
    html = r.content.decode()
    assert "106,86%" in html
    # (1) period sentence from the data
    assert (
        "Realisasi semester I sebesar 96,29 dan semester II sebesar 96,81, menunjukkan peningkatan."
        in html
    )
    # (2) previous year: 95,1 against 90 -> 105,67
    assert "95,1" in html and "105,67" in html and "<svg" in html
    # (3) Renstra and revision
    assert "Instruksi Sekda 19/2024" in html and "Penyesuaian RPD" in html
    assert "92" in html and "104,95%" in html  # 96,55 / 92
    # (4) peers
    assert "Kota Pembanding" in html and "94,2" in html and "Standar nasional" in html
    # (5) explanation, (6) budget
    assert "Rapat koordinasi rutin." in html
    assert "Rp746.367.815.588" in html
    # definitions
    assert "Efektivitas koordinasi menurut survei" in html and "Survei IEK" in html
    assert "Positif (makin tinggi makin baik)" in html


def test_indikator_draf_tersembunyi(client, data):
    url_args = ("kecamatan-uji", 2024, data["draf"].pk)
    assert "73,21" in _get(client, data["pimpinan"], "indikator", *url_args).content.decode()
    html = _get(client, data["op_a"], "indikator", *url_args).content.decode()
    assert "73,21" not in html


def test_indikator_unit_lain_404(client, data):
    r = _get(client, data["pimpinan"], "indikator", "kelurahan-a", 2024, data["iek"].pk)
    assert r.status_code == 404


def test_kalimat_periode_hanya_fakta(data):
    from kinerja.pengukuran.views_dasbor import kalimat_periode

    iek = data["iek"]
    baris = {
        (r.jenis_periode, r.ke): r
        for r in Realisasi.objects.filter(indikator=iek, tahun=2024, ke=1)
    }
    assert kalimat_periode(iek, 2024, baris) == (
        "Realisasi semester I sebesar 96,29. Realisasi semester II belum tersedia."
    )


# --- PK, pohon, kelengkapan ---------------------------------------------------------------


def test_pk(client, data):
    r = _get(client, data["op_a"], "pk", "kecamatan-uji", 2024)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Budi Camat" in html and "Wali Kota Uji" in html
    assert "90,35" in html and "Sasaran Strategis" in html
    assert "Rp746.367.815.588" in html
    assert "Revisi 1" in html and "Instruksi Sekda 19/2024" in html


def test_pohon(client, data):
    r = _get(client, data["pimpinan"], "pohon", "kecamatan-uji", 2024)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Tujuan T1: Tujuan koordinasi wilayah" in html
    assert "Indeks Efektivitas Koordinasi" in html
    assert "Koordinasi RW tertib" in html and "Rapat RW terlaksana" in html
    assert html.index("Meningkatnya koordinasi") < html.index("Koordinasi RW tertib")


def test_kelengkapan(client, data):
    r = _get(client, data["pimpinan"], "kelengkapan", "kecamatan-uji", 2024)
    assert r.status_code == 200
    ctx = r.context
    (baris,) = [b for b in ctx["baris_unit"] if b["unit"] == data["kec"]]
    # expected: IEK 2 semesters + 1 yearly = 3; status order belum, draft, diajukan,
    # dikembalikan, diverifikasi
    assert baris["harapan"] == 3
    assert baris["status"] == [0, 1, 0, 0, 2]
    (batas,) = ctx["batas"]
    assert batas["kurang"] == 1 and batas["terlambat"]
    html = r.content.decode()
    assert "15 Januari 2025" in html and "Terlambat" in html
    # a reader of verified data only sees the draft as missing
    r = _get(client, data["op_a"], "kelengkapan", "kecamatan-uji", 2024)
    (baris,) = [b for b in r.context["baris_unit"] if b["unit"] == data["kec"]]
    assert baris["status"] == [1, 0, 0, 0, 2]


def test_beranda_menautkan_dasbor(client, data):
    from kinerja.inti.siklus import tahun_terakhir_data

    client.force_login(data["op_kec"])
    # the latest year with a PK in the user's units (issue 19), else the current year
    tahun = tahun_terakhir_data(data["op_kec"]) or dt.date.today().year
    html = client.get(reverse("beranda")).content.decode()
    assert reverse("dasbor", args=["kecamatan-uji", tahun]) in html


# --- query counts -------------------------------------------------------------------------


def _organisasi_besar(n: int):
    """A unit with n indicators × 2 verified semesters (built directly: a test builder)."""
    org = pabrik.organisasi(f"Unit {n}", "kecamatan", slug=f"unit-{n}")
    user = pabrik.pengguna(f"pimpinan{n}", ("pimpinan", org))
    realisasi = []
    for i in range(n):
        ind, butir = pabrik.indikator_pk(
            org,
            nama=f"Indikator {i}",
            target="90",
            frekuensi="semester",
            cara_agregasi="rata_rata",
            nomor=i % 4 + 1,
        )
        AngkaTerbit.objects.create(
            organisasi=org,
            tahun=2024,
            kunci=f"capaian_indikator:{ind.pk}",
            uraian="x",
            sumber="uji",
            nilai=Decimal("100"),
        )
        for ke, nilai in ((1, "95"), (2, "97")):
            realisasi.append(
                Realisasi(
                    indikator=ind,
                    organisasi=org,
                    tahun=2024,
                    jenis_periode="semester",
                    ke=ke,
                    nilai=Decimal(nilai),
                    status=StatusRealisasi.DIVERIFIKASI,
                )
            )
        realisasi.append(
            Realisasi(
                indikator=ind,
                organisasi=org,
                tahun=2023,
                jenis_periode="tahun",
                ke=1,
                nilai=Decimal("99"),
                status=StatusRealisasi.DIVERIFIKASI,
            )
        )
    Realisasi.objects.bulk_create(realisasi)
    return org, user, ind


MAKS_QUERY = 15
# kelengkapan: the board units × periods reads PK lines, realisasi per status, calendar rules
# and due dates set by hand (kinerja.monev, keputusan 0051), one more than the others
BATAS_HALAMAN = {"kelengkapan": 16}


@pytest.mark.parametrize("nama", ["dasbor", "indikator", "kelengkapan", "pk", "pohon"])
def test_jumlah_query_tidak_tumbuh(client, django_assert_max_num_queries, nama):
    jumlah = []
    for n in (5, 30):
        org, user, ind = _organisasi_besar(n)
        client.force_login(user)
        args = [org.slug, 2024] + ([ind.pk] if nama == "indikator" else [])
        url = reverse(nama, args=args)
        with django_assert_max_num_queries(BATAS_HALAMAN.get(nama, MAKS_QUERY)):
            with CaptureQueriesContext(connection) as q:
                r = client.get(url)
        assert r.status_code == 200
        if nama == "dasbor":
            assert "106,67" in r.content.decode()  # (95 + 97) / 2 / 90
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1], jumlah
