"""Targets per period (issue 19): a PK line of a quarterly indicator carries targets per
triwulan beside the yearly one; capaian per period uses them; the dashboard says how the
yearly value is formed while it is not available. Figures made by hand:

yearly target 100, TW I target 80, TW I realisasi 74,856 (verified)
-> capaian TW I = 74,856 / 80 × 100 = 93,57 %; against the year it would be 74,86 %.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.pengukuran import pemilih as pp
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan import layanan
from kinerja.perencanaan.models import PerubahanTarget, RevisiPK, StatusPK, TargetPeriode
from kinerja.rumus.periode import (
    periksa_target_periode,
    target_untuk_periode,
    uraian_nilai_tahunan,
)
from tests import pabrik

TAHUN = 2025


# --- engine (Django-free) -----------------------------------------------------------------


def test_aturan_target_periode():
    per = {1: Decimal("80")}
    t = target_untuk_periode(
        jenis="triwulan", ke=1, cara="nilai_akhir", tahunan=100, per_periode=per
    )
    assert (t.nilai, t.asal) == (Decimal("80"), "periode")
    t = target_untuk_periode(
        jenis="triwulan", ke=2, cara="nilai_akhir", tahunan=100, per_periode=per
    )
    assert (t.nilai, t.asal) == (Decimal("100"), "tahun")
    # a part of a yearly sum has no target of its own unless the PK gives one
    t = target_untuk_periode(jenis="triwulan", ke=2, cara="kumulatif", tahunan=100, per_periode=per)
    assert (t.nilai, t.asal) == (None, "")
    t = target_untuk_periode(jenis="triwulan", ke=4, cara="kumulatif", tahunan=100, per_periode={})
    assert t.asal == "tahun"
    assert (
        uraian_nilai_tahunan("triwulan", "nilai_akhir")
        == "Nilai tahunan = triwulan terakhir (TW IV)"
    )
    assert (
        uraian_nilai_tahunan("semester", "kumulatif")
        == "Nilai tahunan = jumlah Semester I–Semester II"
    )
    semua = {1: 20, 2: 25, 3: 25, 4: 25}
    assert "jumlah TW I–TW IV = 95" in periksa_target_periode(
        jenis="triwulan", cara="kumulatif", tahunan=100, per_periode=semua
    )
    assert (
        periksa_target_periode(jenis="triwulan", cara="nilai_akhir", tahunan=25, per_periode=semua)
        == ""
    )


# --- service, page, dashboard -------------------------------------------------------------


@pytest.fixture
def tw(db):
    p = pabrik.pohon_kecil()
    p["ind"], p["butir"] = pabrik.indikator_pk(
        p["kel_a"], tahun=TAHUN, target="100", nama="Indeks triwulanan", frekuensi="triwulan"
    )
    p["butir"].pk_dokumen.status = StatusPK.DRAFT
    p["butir"].pk_dokumen.save()
    return p


def _realisasi(p, ke, nilai, status="diverifikasi"):
    return Realisasi.objects.create(
        indikator=p["ind"], organisasi=p["kel_a"], tahun=TAHUN, jenis_periode="triwulan",
        ke=ke, nilai=Decimal(nilai), status=status,
    )  # fmt: skip


def test_capaian_triwulan_terhadap_target_triwulan(tw):
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80", 2: "90"})
    r = _realisasi(tw, 1, "74.856")
    assert pp.capaian_realisasi(r).capaian == Decimal("93.57")
    baris = pp.baris_capaian(tw["kel_a"], TAHUN)[0]
    assert baris.realisasi is None and baris.hasil.capaian is None  # TW IV not there yet
    assert [p.label for p in baris.periode] == ["TW I", "TW II", "TW III", "TW IV"]
    tw1 = baris.periode[0]
    assert (tw1.target, tw1.asal_target, tw1.hasil.capaian) == (
        Decimal("80"),
        "periode",
        Decimal("93.57"),
    )
    assert baris.periode[2].asal_target == "tahun"
    assert baris.keterangan_tahunan == (
        "Nilai tahunan = triwulan terakhir (TW IV); baru TW I yang terverifikasi: "
        "93,57% dari target TW I."
    )


def test_dasbor_menampilkan_progres_dan_keterangan(client, tw):
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80"})
    _realisasi(tw, 1, "74.856")
    client.force_login(tw["op_a"])
    html = client.get(reverse("dasbor", args=[tw["kel_a"].slug, TAHUN])).content.decode()
    assert "baru TW I yang terverifikasi: 93,57% dari target TW I" in html
    assert "TW I: 74,856 / target 80 = 93,57%" in html
    assert "TW II: belum ada" in html


def test_draf_langsung_dengan_riwayat_lalu_hapus(tw):
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80"})
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "85,5"})
    t = TargetPeriode.objects.get(butir=tw["butir"], ke=1)
    assert t.target == Decimal("85.5")
    assert [h.target for h in t.history.order_by("history_date")] == [
        Decimal("80"),
        Decimal("85.5"),
    ]
    assert t.history.first().history_user == tw["op_a"]
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: ""})
    assert not TargetPeriode.objects.filter(butir=tw["butir"]).exists()
    assert RevisiPK.objects.count() == 0


def test_pk_ditandatangani_hanya_lewat_revisi(tw):
    pk = tw["butir"].pk_dokumen
    pk.status = StatusPK.DITANDATANGANI
    pk.save()
    with pytest.raises(ValidationError) as e:
        layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80"})
    assert "dasar_hukum" in e.value.message_dict and "alasan" in e.value.message_dict
    r = layanan.target_periode_simpan(
        butir=tw["butir"], aktor=tw["op_a"], target={1: "80"},
        dasar_hukum="Instruksi Sekda 19/2025", alasan="Target triwulan ditetapkan",
    )  # fmt: skip
    ubah = PerubahanTarget.objects.get(revisi=r)
    assert (ubah.jenis_periode, ubah.ke, ubah.target_lama, ubah.target_baru) == (
        "triwulan",
        1,
        None,
        Decimal("80"),
    )
    with pytest.raises(ValidationError, match="Tidak ada target periode yang berubah"):
        layanan.target_periode_simpan(
            butir=tw["butir"], aktor=tw["op_a"], target={1: "80"}, dasar_hukum="x", alasan="y"
        )


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({1: "-5"}, "tidak boleh negatif"),
        ({1: "1" + "0" * 20}, "terlalu besar"),
        ({1: "0,0000001"}, "6 angka di belakang koma"),
        ({1: "delapan puluh"}, "bukan angka"),
        ({5: "80"}, "ke-5 tidak ada"),
    ],
)
def test_isian_salah_ditolak_tanpa_menyimpan(tw, isian, pesan):
    with pytest.raises(ValidationError, match=pesan):
        layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target=isian)
    assert not TargetPeriode.objects.exists()


def test_peran_salah_dan_indikator_tahunan_ditolak(tw):
    for aktor in (tw["op_b"], tw["verif"], tw["pimpinan"]):
        with pytest.raises(PermissionDenied):
            layanan.target_periode_simpan(butir=tw["butir"], aktor=aktor, target={1: "80"})
    _, tahunan = pabrik.indikator_pk(tw["kel_a"], tahun=TAHUN, nama="Indeks tahunan")
    with pytest.raises(ValidationError, match="diukur tahunan"):
        layanan.target_periode_simpan(butir=tahunan, aktor=tw["op_a"], target={1: "80"})
    assert not TargetPeriode.objects.exists()


def test_halaman_pk_mengisi_target_periode(client, tw):
    url = reverse("perencanaan:target_periode", args=[tw["kel_a"].slug, TAHUN, tw["butir"].pk])
    client.force_login(tw["op_b"])
    assert client.post(url, {"periode_1": "80"}).status_code == 403
    client.force_login(tw["op_a"])
    pk_url = reverse("perencanaan:pk", args=[tw["kel_a"].slug, TAHUN])
    assert url in client.get(pk_url).content.decode()
    r = client.post(url, {"periode_1": "80", "periode_2": "abc"})
    assert r.status_code == 200 and "bukan angka" in r.content.decode()
    assert not TargetPeriode.objects.exists()
    r = client.post(url, {"periode_1": "80", "periode_2": "85,5"})
    assert r.status_code == 302
    assert sorted(TargetPeriode.objects.values_list("ke", "target")) == [
        (1, Decimal("80")), (2, Decimal("85.5")),
    ]  # fmt: skip
    assert "TW I: 80; TW II: 85,5" in client.get(pk_url).content.decode()


def test_api_dan_ekspor_membawa_target_periode(client, tw):
    import io

    from openpyxl import load_workbook

    from kinerja.pertukaran import ekspor

    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80"})
    _realisasi(tw, 1, "74.856")
    client.force_login(tw["op_a"])
    ind = client.get(f"/api/organisasi/{tw['kel_a'].slug}/{TAHUN}/indikator").json()[0]
    assert ind["target_periode"] == [{"jenis_periode": "triwulan", "ke": 1, "target": "80"}]
    cap = client.get(f"/api/organisasi/{tw['kel_a'].slug}/{TAHUN}/capaian").json()["indikator"][0]
    assert cap["periode"][0] | {} == {
        "jenis_periode": "triwulan", "ke": 1, "label": "TW I", "target": "80",
        "asal_target": "periode", "realisasi": "74.856", "capaian": "93.57",
        "status": "diverifikasi",
    }  # fmt: skip
    assert cap["keterangan_tahunan"].startswith("Nilai tahunan = triwulan terakhir (TW IV)")
    wb = load_workbook(io.BytesIO(ekspor.buku_ekspor(tw["kel_a"], TAHUN, dengan_draf=True)))
    baris = list(wb["Target periode"].iter_rows(min_row=4, values_only=True))
    assert baris == [(tw["ind"].pk, None, "Indeks triwulanan", TAHUN, "triwulan", 1, "TW I", 80)]
    assert wb["Target periode"].cell(row=4, column=8).data_type == "n"


def test_peringatan_bila_target_periode_tidak_membentuk_target_tahunan(tw):
    tw["ind"].cara_agregasi = "kumulatif"
    tw["ind"].save()
    layanan.target_periode_simpan(
        butir=tw["butir"], aktor=tw["op_a"], target={1: "20", 2: "25", 3: "25", 4: "25"}
    )
    peringatan = pp.dasbor(tw["kel_a"], TAHUN).peringatan
    assert (
        "Target per periode 'Indeks triwulanan' tidak membentuk target tahunan: Nilai tahunan = "
        "jumlah TW I–TW IV = 95, target tahunan 100." in peringatan
    )
    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={4: "30"})
    assert not [x for x in pp.dasbor(tw["kel_a"], TAHUN).peringatan if "per periode" in x]


def test_lkip_tabel_periode_memakai_target_periode(tw):
    from kinerja.lkip.struktur import susun_lkip

    layanan.target_periode_simpan(butir=tw["butir"], aktor=tw["op_a"], target={1: "80"})
    _realisasi(tw, 1, "74.856")
    _realisasi(tw, 2, "90")
    dok = susun_lkip(tw["kel_a"], TAHUN)
    t = next(b.tabel for b in dok.tabel if b.tabel.judul.startswith("Target dan realisasi Indeks"))
    baris = {r[0]: r for r in t.baris}
    assert baris["Triwulan I"][1:4] == ["80,00", "74,86", "93,57"]
    assert baris["Triwulan II"][1] == "100,00"  # no period target: the yearly one
    assert baris["Triwulan II"][3] == "90,00"
