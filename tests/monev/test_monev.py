"""Monev (keputusan 0051-0053): calendar, completeness board, early warning, reminders,
API and permissions, on a small tree built by tests.pabrik."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.monev import layanan, pemilih
from kinerja.monev.models import Pengingat
from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.rumus.periode import Periode
from tests import pabrik

pytestmark = pytest.mark.django_db
S = StatusRealisasi
d = dt.date


def _r(ind, ke, nilai, status=S.DRAFT, jenis="bulan", tahun=2025):
    return Realisasi.objects.create(
        indikator=ind, organisasi=ind.organisasi, tahun=tahun, jenis_periode=jenis, ke=ke,
        nilai=Decimal(nilai), status=status,
    )  # fmt: skip


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    for kel in ("kel_a", "kel_b"):
        ind, butir = pabrik.indikator_pk(
            p[kel], tahun=2025, target="120", frekuensi="bulan", cara_agregasi="kumulatif",
            nama=f"Pelayanan {kel}",
        )  # fmt: skip
        p[f"ind_{kel}"] = ind
    p["op_a"].email = "op.a@jakarta.go.id"
    p["op_a"].save()
    return p


def test_kalender_bawaan_dan_terlambat(pohon):
    kel = pohon["kel_a"]
    _r(pohon["ind_kel_a"], 1, "10", S.DIAJUKAN)
    kal = pemilih.kalender([kel], 2025, d(2025, 3, 11))[kel.pk]
    per = {b.kunci: b for b in kal}
    jan = per[f"realisasi:{kel.pk}:2025:bulan:1"]
    feb = per[f"realisasi:{kel.pk}:2025:bulan:2"]
    assert jan.batas == d(2025, 2, 10) and jan.keadaan == "selesai"
    assert feb.batas == d(2025, 3, 10) and feb.keadaan == "terlambat" and feb.hari_terlambat == 1
    assert per[f"realisasi:{kel.pk}:2025:bulan:3"].keadaan == "mendatang"
    assert per[f"verifikasi:{kel.pk}:2025:bulan:1"].batas == d(2025, 2, 20)
    assert per[f"pk:{kel.pk}:2025"].batas == d(2025, 2, 1)
    assert per[f"lkip:{kel.pk}:2025"].batas == d(2026, 3, 31)


def test_aturan_induk_diwarisi_dan_batas_manual(pohon):
    """A rule set at the kota applies below it; a date set by hand at the kecamatan wins."""
    admin = pabrik.pengguna("adm", ("admin", pohon["kota"]))
    layanan.aturan_simpan(organisasi=pohon["kota"], aktor=admin, hari_realisasi=31)
    layanan.batas_simpan(
        organisasi=pohon["kec"], periode=Periode("bulan", 2025, 3), tanggal=d(2025, 4, 5),
        aktor=admin,
    )  # fmt: skip
    kal = {
        b.kunci: b
        for b in pemilih.kalender([pohon["kel_a"]], 2025, d(2025, 1, 1))[pohon["kel_a"].pk]
    }
    k = pohon["kel_a"].pk
    assert kal[f"realisasi:{k}:2025:bulan:1"].batas == d(2025, 2, 28)  # day 31 of February
    assert kal[f"realisasi:{k}:2025:bulan:3"].batas == d(2025, 4, 5)
    assert kal[f"realisasi:{k}:2025:bulan:3"].manual


def test_batas_sebelum_periode_dimulai_ditolak(pohon):
    with pytest.raises(ValidationError) as e:
        layanan.batas_simpan(
            organisasi=pohon["kel_a"], periode=Periode("bulan", 2025, 3), tanggal=d(2025, 2, 27),
            aktor=None,
        )  # fmt: skip
    assert "sebelum Maret 2025 dimulai" in str(e.value)
    with pytest.raises(ValidationError, match="hari_realisasi"):
        layanan.aturan_simpan(organisasi=pohon["kel_a"], aktor=None, hari_realisasi=40)


def test_papan_keadaan(pohon):
    """kosong / draf / diajukan / terverifikasi / terlambat, per unit and month."""
    ind = pohon["ind_kel_a"]
    _r(ind, 1, "10", S.DIVERIFIKASI)
    _r(ind, 2, "10", S.DIAJUKAN)
    _r(ind, 3, "10", S.DRAFT)
    _r(ind, 5, "10", S.DRAFT)
    units = [pohon["kel_a"], pohon["kel_b"]]
    papan = pemilih.papan(units, 2025, "bulan", d(2025, 5, 20))
    a = [s.keadaan for s in papan[0].sel]
    assert a[:6] == ["terverifikasi", "diajukan", "terlambat", "terlambat", "draf", "kosong"]
    b = [s.keadaan for s in papan[1].sel]
    assert b[:5] == ["terlambat"] * 4 + ["kosong"]
    assert papan[0].sel[0].tautan == reverse("monev:isian", args=["kelurahan-a", 2025, "bulan", 1])
    # a reader without drafts sees only verified rows
    tanpa = pemilih.papan(units, 2025, "bulan", d(2025, 5, 20), draf_ids=set())
    assert [s.keadaan for s in tanpa[0].sel][:2] == ["terverifikasi", "terlambat"]


def test_papan_kueri_terbatas(pohon):
    """The same number of queries for 2 units as for 12 with more data."""
    units = [pohon["kel_a"], pohon["kel_b"]]
    with CaptureQueriesContext(connection) as sedikit:
        pemilih.papan(units, 2025, "bulan", d(2025, 5, 20))
        pemilih.peringatan_dini(units, 2025, d(2025, 5, 20))
    for i in range(10):
        o = pabrik.organisasi(f"Kel {i}", induk=pohon["kec"])
        ind, _ = pabrik.indikator_pk(o, tahun=2025, frekuensi="bulan", cara_agregasi="kumulatif")
        for ke in (1, 2, 3):
            _r(ind, ke, "5", S.DIAJUKAN)
        units.append(o)
    with CaptureQueriesContext(connection) as banyak:
        pemilih.papan(units, 2025, "bulan", d(2025, 5, 20))
        pemilih.peringatan_dini(units, 2025, d(2025, 5, 20))
    assert len(banyak) == len(sedikit)


def test_peringatan_dini_kumulatif(pohon):
    ind = pohon["ind_kel_a"]
    for ke, v in ((1, "10"), (2, "12"), (3, "8")):
        _r(ind, ke, v, S.DIVERIFIKASI)
    (b,) = [x for x in pemilih.peringatan_dini([pohon["kel_a"]], 2025, d(2025, 4, 2))]
    assert b.hasil.proyeksi.nilai == Decimal(120) and b.hasil.capaian == Decimal(100)
    assert b.kalimat == (
        "jika laju ini berlanjut, capaian akhir tahun diperkirakan 100 % (rentang 87-113 %)"
    )
    assert not b.hasil.berisiko


def test_pengingat_sekali_sehari_dan_berhenti(pohon):
    """Overdue February: op_a gets one notification and one mail; a second run the same day
    sends nothing; op_b opted out and gets nothing; the verifikator is not reminded of
    entry."""
    layanan.preferensi_simpan(pengguna=pohon["op_b"], aktif=False)
    hari = d(2025, 3, 11)
    h1 = layanan.kirim_pengingat(hari_ini=hari)
    kepada = [m.to for m in mail.outbox]
    assert ["op.a@jakarta.go.id"] in kepada
    n_mail = len(mail.outbox)
    assert h1.dibuat >= 1 and h1.berhenti >= 1
    assert not Pengingat.objects.filter(pengguna=pohon["op_b"]).exists()
    kunci = f"realisasi:{pohon['kel_a'].pk}:2025:bulan:2"
    assert Pengingat.objects.filter(pengguna=pohon["op_a"], kunci=kunci).count() == 1
    h2 = layanan.kirim_pengingat(hari_ini=hari)
    assert h2.dibuat == 0 and len(mail.outbox) == n_mail
    # the database itself refuses a second row the same day
    p = Pengingat.objects.filter(pengguna=pohon["op_a"], kunci=kunci).get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pengingat.objects.create(
            pengguna=p.pengguna, organisasi=p.organisasi, kunci=p.kunci, tanggal=p.tanggal,
            arah=p.arah, batas=p.batas, judul="x", pesan="x", status_surel="terkirim",
        )  # fmt: skip
    # a week later the overdue item is reminded again
    layanan.kirim_pengingat(hari_ini=hari + dt.timedelta(days=7))
    assert Pengingat.objects.filter(pengguna=pohon["op_a"], kunci=kunci).count() == 2


def test_pengingat_sebelum_batas_sekali(pohon):
    hari = d(2025, 2, 6)  # January due 10 February: within 5 days
    layanan.kirim_pengingat(hari_ini=hari)
    layanan.kirim_pengingat(hari_ini=hari + dt.timedelta(days=1))
    kunci = f"realisasi:{pohon['kel_a'].pk}:2025:bulan:1"
    r = Pengingat.objects.filter(pengguna=pohon["op_a"], kunci=kunci)
    assert [x.arah for x in r] == ["sebelum"]
    assert "jatuh tempo pada 10 Februari 2025" in r[0].pesan


def test_alamat_surel_tidak_sah(pohon):
    with pytest.raises(ValidationError, match="tidak sah"):
        layanan.preferensi_simpan(pengguna=pohon["op_a"], aktif=True, surel="bukan-alamat")
    pohon["op_b"].email = "salah@@contoh"
    pohon["op_b"].save()
    layanan.kirim_pengingat(hari_ini=d(2025, 3, 11))
    p = Pengingat.objects.filter(pengguna=pohon["op_b"]).first()
    assert p.status_surel == "alamat_salah" and "tidak sah" in p.galat
    assert ["salah@@contoh"] not in [m.to for m in mail.outbox]


def test_perintah_pengingat(pohon, capsys):
    call_command("pengingat", "--tanggal", "2025-03-11")
    assert "dibuat" in capsys.readouterr().out
    with pytest.raises(Exception, match="bukan tanggal"):
        call_command("pengingat", "--tanggal", "11-03-2025")


def test_halaman_pengingat_menolak_surel_salah(client, pohon):
    client.force_login(pohon["op_a"])
    r = client.post(reverse("monev:pengingat"), {"aktif": "1", "surel": "x@"})
    assert r.status_code == 422 and "tidak sah" in r.content.decode()
    r = client.post(reverse("monev:pengingat"), {"surel": ""})
    assert r.status_code == 302
    assert not pohon["op_a"].preferensi_pengingat.aktif


def test_beranda_menampilkan_terlambat(client, pohon, settings, monkeypatch):
    from kinerja.monev.templatetags import monev_tenggat

    monkeypatch.setattr(monev_tenggat.timezone, "localdate", lambda: d(2025, 3, 11))
    client.force_login(pohon["op_a"])
    isi = client.get(reverse("beranda") + "?tahun=2025").content.decode()
    assert "Terlambat 1 hari" in isi and "Realisasi Februari 2025" in isi
    assert "Kelurahan B" not in isi.split("h-tenggat")[1].split("</section>")[0]


def test_kelengkapan_menampilkan_papan(client, pohon):
    client.force_login(pohon["pimpinan"])
    r = client.get(reverse("kelengkapan", args=["kota-uji", 2025]))
    isi = r.content.decode()
    assert r.status_code == 200 and "Papan kelengkapan" in isi
    assert reverse("monev:isian", args=["kelurahan-a", 2025, "bulan", 1]) in isi


def test_api_kelengkapan_dan_peringatan(client, pohon):
    _r(pohon["ind_kel_a"], 1, "10", S.DIVERIFIKASI)
    _r(pohon["ind_kel_a"], 2, "14", S.DIVERIFIKASI)
    client.force_login(pohon["pimpinan"])
    r = client.get("/api/organisasi/kota-uji/2025/kelengkapan")
    assert r.status_code == 200
    baris = r.json()
    assert {x["unit"] for x in baris} == {"kelurahan-a", "kelurahan-b"}
    jan = next(x for x in baris if x["unit"] == "kelurahan-a" and x["ke"] == 1)
    assert jan["status"] == "terverifikasi" and jan["batas_waktu"] == "2025-02-10"
    r = client.get("/api/organisasi/kota-uji/2025/peringatan-dini")
    assert r.status_code == 200
    x = next(b for b in r.json() if b["indikator_id"] == pohon["ind_kel_a"].pk)
    assert set(x) >= {"indikator_id", "proyeksi_capaian", "rentang", "metode", "berisiko"}
    assert x["rentang"] is None or set(x["rentang"]) == {"bawah", "atas"}


def test_api_unit_lain_404(client, pohon):
    """An operator of Kelurahan A cannot read Kelurahan B through the API."""
    client.force_login(pohon["op_a"])
    for akhir in ("kelengkapan", "peringatan-dini"):
        assert client.get(f"/api/organisasi/kelurahan-b/2025/{akhir}").status_code == 404
        assert client.get(f"/api/organisasi/kelurahan-a/2025/{akhir}").status_code == 200
    client.logout()
    assert client.get("/api/organisasi/kelurahan-a/2025/kelengkapan").status_code == 401


def test_izin_halaman(client, pohon):
    client.force_login(pohon["op_a"])
    assert client.get(reverse("monev:halaman", args=["kelurahan-b", 2025])).status_code == 403
    assert client.get(reverse("monev:kalender", args=["kelurahan-a", 2025])).status_code == 403
    r = client.post(reverse("monev:bangun", args=["kelurahan-b", 2025]), {"triwulan": "1"})
    assert r.status_code == 403
    client.force_login(pohon["evaluator"])
    r = client.post(reverse("monev:bangun", args=["kelurahan-a", 2025]), {"triwulan": "1"})
    assert r.status_code == 403  # evaluators read, never build


def test_laporan_monev_docx_xlsx(client, pohon, django_capture_on_commit_callbacks):
    from docx import Document
    from openpyxl import load_workbook

    from kinerja.monev.models import PekerjaanMonev

    for ke, v in ((1, "5"), (2, "6"), (3, "4")):
        _r(pohon["ind_kel_a"], ke, v, S.DIVERIFIKASI)
    client.force_login(pohon["op_a"])
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            reverse("monev:bangun", args=["kelurahan-a", 2025]),
            {"triwulan": "1", "format": ["docx", "xlsx"]},
        )
    assert r.status_code == 302
    p = PekerjaanMonev.objects.get()
    assert p.status == "selesai", p.pesan
    assert sorted(p.berkas) == [
        "Monev-kelurahan-a-2025-TW1.docx",
        "Monev-kelurahan-a-2025-TW1.xlsx",
    ]
    r = client.get(reverse("monev:unduh", args=[p.pk, p.berkas[0]]))
    assert r.status_code == 200
    teks = "\n".join(x.text for x in Document(f"{p.folder}/{p.berkas[0]}").paragraphs)
    assert "Triwulan I 2025" in teks
    assert "Langkah Rencana Aksi Terlambat" in teks  # the steps behind schedule (rencana aksi)
    wb = load_workbook(f"{p.folder}/{p.berkas[1]}")
    ws = wb.worksheets[0]
    angka = [
        c.value for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, (int, float))
    ]
    assert 60 in angka  # projection 5+6+4 = 15, mean 5 × 12 = 60, a numeric cell
    client.force_login(pohon["op_b"])
    assert client.get(reverse("monev:unduh", args=[p.pk, p.berkas[0]])).status_code == 403


def test_pk_belum_dibuat_terlambat():
    """A unit with a PK last year and none this year: the PK is overdue after 1 February
    (PermenPAN-RB 53/2014: a month after the budget), or a month after the budget date."""
    kel = pabrik.organisasi("Kelurahan PK")
    pabrik.indikator_pk(kel, tahun=2024)
    kal = {b.jenis: b for b in pemilih.kalender([kel], 2025, d(2025, 2, 2))[kel.pk]}
    assert kal["pk"].keadaan == "terlambat" and kal["pk"].batas == d(2025, 2, 1)
    layanan.tanggal_anggaran_simpan(organisasi=kel, tahun=2025, tanggal=d(2025, 1, 31), aktor=None)
    kal = {b.jenis: b for b in pemilih.kalender([kel], 2025, d(2025, 2, 2))[kel.pk]}
    assert kal["pk"].batas == d(2025, 2, 28) and kal["pk"].keadaan == "mendatang"
