"""Renstra import from the export's sheets: round trip, row errors, all-or-nothing, creation."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.perencanaan.models import Indikator, Renstra, Sasaran, TargetRenstra, Tujuan
from kinerja.pertukaran import ekspor
from kinerja.pertukaran.layanan import impor_renstra
from kinerja.pertukaran.renstra import rencana_renstra
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    org = p["kel_a"]
    p["admin"] = pabrik.pengguna("admin_kec", ("admin", p["kec"]))
    renstra = Renstra.objects.create(
        organisasi=org, nama="Renstra Kelurahan A", tahun_awal=2023, tahun_akhir=2026
    )
    p["t1"] = Tujuan.objects.create(renstra=renstra, kode="T1", uraian="Tujuan satu", urutan=1)
    p["tw"], _ = pabrik.indikator_pk(
        org, target="90", nama="Indeks triwulanan", frekuensi="triwulan", kode="1.1"
    )
    p["th"], _ = pabrik.indikator_pk(org, target="80.5", nama="Indeks tahunan", kode="1.2")
    Sasaran.objects.filter(organisasi=org).update(tujuan=p["t1"], renstra=renstra)
    for ind, nilai in ((p["tw"], ["88", "90", "92.5"]), (p["th"], ["80.5", "81", "81.25"])):
        for tahun, n in zip((2024, 2025, 2026), nilai, strict=True):
            TargetRenstra.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(n))
    return p


def _baca(xlsx: bytes):
    return openpyxl.load_workbook(io.BytesIO(xlsx))


def _simpan(wb) -> bytes:
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _isi(xlsx: bytes, lembar: str, baris: dict[int, dict]) -> bytes:
    wb = _baca(xlsx)
    ws = wb[lembar]
    kolom = {str(c.value): c.column for c in ws[3] if c.value is not None}
    for nomor, isi in baris.items():
        for k, v in isi.items():
            ws.cell(row=nomor, column=kolom[k], value=v)
    return _simpan(wb)


def _rencana(p, isi):
    return rencana_renstra(organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="r.xlsx")


def _jumlah():
    return (
        Tujuan.objects.count(),
        Sasaran.objects.count(),
        Indikator.objects.count(),
        TargetRenstra.objects.count(),
    )


def test_ekspor_lalu_impor_tanpa_perubahan(client, p):
    client.force_login(p["admin"])
    for isi in (
        client.get(reverse("pertukaran_ekspor", args=[p["kel_a"].slug, TAHUN])).content,
        client.get(reverse("pertukaran_templat", args=[p["kel_a"].slug, TAHUN, "renstra"])).content,
    ):
        r = _rencana(p, isi)
        assert r.sah, [str(g) for g in r.galat]
        # 1 tujuan, 1 sasaran, 2 indikator, 2 x 3 targets
        assert r.ringkasan == {"baru": 0, "ubah": 0, "tanpa perubahan": 10}
    assert set(_baca(isi).sheetnames) == {"Tujuan", "Sasaran", "Indikator", "Target Renstra"}
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    resp = client.post(url, {"jenis": "renstra", "berkas": SimpleUploadedFile("renstra.xlsx", isi)})
    assert resp.status_code == 200
    assert "Tidak ada yang perlu diterapkan" in resp.content.decode()


def test_satu_baris_salah_menggagalkan_semua(p):
    templat = ekspor.templat_renstra(p["kel_a"], TAHUN)
    isi = _isi(templat, "Indikator", {4: {"Satuan": "persen"}, 5: {"Polaritas": "naik"}})
    isi = _isi(isi, "Sasaran", {5: {"Nomor": 2, "Uraian": "Sasaran baru", "Kode Tujuan": "T9"}})
    isi = _isi(isi, "Target Renstra", {4: {"2025": "sembilan puluh"}})
    isi = _isi(isi, "Tujuan", {5: {"Kode": "T2", "Uraian": "Tujuan dua"}})
    r = _rencana(p, isi)
    pesan = [str(g) for g in r.galat]
    assert len(pesan) == 3, pesan
    assert pesan[0].startswith("Lembar 'Sasaran', baris 5, kolom 'Kode Tujuan': tujuan 'T9'")
    assert pesan[1].startswith(
        "Lembar 'Indikator', baris 5, kolom 'Polaritas': 'naik' tidak dikenal"
    )
    assert "positif, negatif" in pesan[1]
    assert pesan[2].startswith(
        "Lembar 'Target Renstra', baris 4, kolom '2025': target 2025: 'sembilan puluh' bukan angka"
    )
    sebelum = _jumlah()
    with pytest.raises(PermissionDenied):
        impor_renstra(
            organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="r.xlsx", aktor=p["op_a"]
        )
    rencana, diterapkan = impor_renstra(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="r.xlsx", aktor=p["admin"]
    )
    assert not diterapkan and len(rencana.galat) == 3
    assert _jumlah() == sebelum
    p["tw"].refresh_from_db()
    assert p["tw"].satuan == "" and not Tujuan.objects.filter(kode="T2").exists()


def test_indikator_baru_dengan_target_dibuat(client, p):
    templat = ekspor.templat_renstra(p["kel_a"], TAHUN)
    isi = _isi(templat, "Tujuan", {5: {"Kode": "T2", "Uraian": "Tujuan dua"}})
    isi = _isi(
        isi, "Sasaran", {5: {"Nomor": 2, "Kelompok": "Sasaran Strategis", "Kode Tujuan": "T2",
                             "Uraian": "Meningkatnya layanan"}},
    )  # fmt: skip
    isi = _isi(
        isi,
        "Indikator",
        {
            4: {"Definisi Operasional": "Rata-rata triwulan", "IKU": "ya"},
            6: {"kode_indikator": "2.1", "Nama Indikator": "Waktu layanan", "Nomor Sasaran": 2,
                "Satuan": "hari", "Polaritas": "negatif", "Frekuensi": "tahun",
                "Cara Agregasi": "nilai_akhir", "IKU": "ya"},
        },
    )  # fmt: skip
    isi = _isi(
        isi,
        "Target Renstra",
        {
            4: {"2025": "91,5"},
            10: {"kode_indikator": "2.1", "Sumber": "renstra", "2024": 5, "2025": "4,5",
                 "2026": 4},
        },
    )  # fmt: skip
    r = _rencana(p, isi)
    assert r.sah, [str(g) for g in r.galat]
    assert r.ringkasan == {"baru": 6, "ubah": 2, "tanpa perubahan": 8}

    client.force_login(p["op_a"])  # an operator may not import Renstra
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    resp = client.post(url, {"jenis": "renstra", "berkas": SimpleUploadedFile("r.xlsx", isi)})
    assert resp.status_code == 403
    client.force_login(p["admin"])
    resp = client.post(url, {"jenis": "renstra", "berkas": SimpleUploadedFile("r.xlsx", isi)})
    assert resp.status_code == 200 and "Terapkan semua perubahan" in resp.content.decode()
    resp = client.post(
        reverse("pertukaran_terapkan", args=[p["kel_a"].slug, TAHUN]),
        {"sha": resp.context["sha"]},
    )
    assert resp.status_code == 302

    t2 = Tujuan.objects.get(kode="T2")
    assert t2.renstra == p["t1"].renstra
    s2 = Sasaran.objects.get(organisasi=p["kel_a"], nomor=2)
    assert s2.tujuan == t2 and s2.renstra == t2.renstra and s2.kelompok == "strategis"
    baru = Indikator.objects.get(organisasi=p["kel_a"], kode="2.1")
    assert (baru.sasaran, baru.satuan, baru.polaritas, baru.iku) == (s2, "hari", "negatif", True)
    assert baru.history.first().history_change_reason == "impor Excel r.xlsx"
    assert {t.tahun: t.nilai for t in baru.target_renstra.all()} == {
        2024: Decimal("5"),
        2025: Decimal("4.5"),
        2026: Decimal("4"),
    }
    p["tw"].refresh_from_db()
    assert p["tw"].iku and p["tw"].definisi_operasional == "Rata-rata triwulan"
    assert TargetRenstra.objects.get(indikator=p["tw"], tahun=2025).nilai == Decimal("91.5")
    # importing the same file again changes nothing
    r = _rencana(p, isi)
    assert r.sah and not r.ada_perubahan


@pytest.mark.parametrize(
    ("sel_nilai", "pesan"),
    [
        (1e18, "terlalu besar (paling banyak 18 digit sebelum koma)"),
        (1e300, "terlalu besar"),
        (0.0000001, "lebih dari 6 angka di belakang koma"),
        ("99999999999999999999", "terlalu besar"),
    ],
)
def test_angka_impor_renstra_galat_baris(p, sel_nilai, pesan):
    """Issue 14, "Numbers": a target cell the column cannot hold is a row error naming the
    row and the year's column; nothing is applied."""
    isi = _isi(
        ekspor.templat_renstra(p["kel_a"], TAHUN), "Target Renstra", {4: {"2025": sel_nilai}}
    )
    sebelum = _jumlah()
    rencana, diterapkan = impor_renstra(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="r.xlsx", aktor=p["admin"]
    )
    assert not diterapkan and _jumlah() == sebelum
    assert [(g.baris, g.kolom) for g in rencana.galat] == [(4, "2025")]
    assert pesan in rencana.galat[0].pesan
