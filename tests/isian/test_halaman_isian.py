"""Entry, verification and evidence pages: permissions, messages next to fields, audit trail."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.pengukuran import layanan
from kinerja.pengukuran.forms import RealisasiForm
from kinerja.pengukuran.models import BuktiDukung, PeristiwaRealisasi, Realisasi
from tests import pabrik

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "berkas"


@pytest.fixture
def pohon():
    p = pabrik.pohon_kecil()
    p["ind"], p["butir"] = pabrik.indikator_pk(p["kel_a"], target="90.35")
    return p


def url_isian(ind, tahun=2024, jenis="tahun", ke=1):
    return reverse("isian_realisasi", args=[ind.pk, tahun, jenis, ke])


def masuk(client, user):
    client.force_login(user)
    return client


def pdf(nama="laporan.pdf", isi=PDF):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def isi_dan_ajukan(p, nilai="95", aktor=None):
    aktor = aktor or p["op_a"]
    r = layanan.realisasi_simpan(
        indikator=p["ind"], tahun=2024, jenis_periode="tahun", nilai=nilai, aktor=aktor
    )
    layanan.bukti_unggah(realisasi=r, berkas=pdf(), aktor=aktor)
    return layanan.realisasi_ajukan(realisasi=r, aktor=aktor)


def test_halaman_wajib_masuk(client, pohon):
    for url in (reverse("isian"), reverse("verifikasi"), url_isian(pohon["ind"])):
        resp = client.get(url)
        assert resp.status_code == 302 and resp["Location"].startswith("/masuk/")


def test_operator_kelurahan_lain_ditolak_halaman_kirim_dan_bukti(client, pohon):
    r = isi_dan_ajukan(pohon)
    bukti = BuktiDukung.objects.get(realisasi=r)
    masuk(client, pohon["op_b"])
    assert client.get(url_isian(pohon["ind"])).status_code == 403
    # a period not yet entered: still another unit's page
    assert client.get(url_isian(pohon["ind"], tahun=2025)).status_code == 403
    resp = client.post(url_isian(pohon["ind"], tahun=2025), {"nilai": "99", "aksi": "simpan"})
    assert resp.status_code == 403
    assert not Realisasi.objects.filter(tahun=2025).exists()
    assert client.get(reverse("bukti_unduh", args=[bukti.pk])).status_code == 403
    # nor may they act as verifier
    assert client.get(reverse("verifikasi")).status_code == 403
    resp = client.post(reverse("verifikasi"), {"realisasi": r.pk, "aksi": "verifikasi"})
    assert resp.status_code == 403
    r.refresh_from_db()
    assert r.status == "diajukan"


def test_daftar_isian_menurut_frekuensi(client, pohon):
    ind_tw, _ = pabrik.indikator_pk(
        pohon["kel_a"], nama="Indeks triwulanan", frekuensi="triwulan", target="80"
    )
    layanan.realisasi_simpan(
        indikator=ind_tw, tahun=2024, jenis_periode="triwulan", ke=2, nilai="81.5",
        aktor=pohon["op_a"],
    )  # fmt: skip
    resp = masuk(client, pohon["op_a"]).get(reverse("isian") + "?tahun=2024")
    html = resp.content.decode()
    assert resp.status_code == 200
    for label in ("Triwulan I 2024", "Triwulan IV 2024", "Tahun 2024"):
        assert label in html
    assert "81,5" in html and "Draf" in html
    assert url_isian(ind_tw, jenis="triwulan", ke=4) in html
    # operator B sees only their own unit (which has no PK)
    html_b = masuk(client, pohon["op_b"]).get(reverse("isian") + "?tahun=2024").content.decode()
    assert "Indeks uji" not in html_b and "Kelurahan B" in html_b


def test_desimal_indonesia_disimpan_sebagai_desimal(client, pohon):
    masuk(client, pohon["op_a"])
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "97,46", "aksi": "simpan"})
    assert resp.status_code == 302
    r = Realisasi.objects.get(indikator=pohon["ind"])
    assert r.nilai == Decimal("97.46") and r.status == "draft"
    html = client.get(url_isian(pohon["ind"])).content.decode()
    assert 'value="97,46"' in html  # shown back the Indonesian way
    assert "107,87%" in html and "Sangat Tinggi" in html  # 97.46 / 90.35


@pytest.mark.parametrize(
    ("masukan", "hasil"),
    [("97,46", "97.46"), ("97.46", "97.46"), (" 1250000 ", "1250000"), ("-3,5", "-3.5")],
)
def test_bidang_desimal_menerima(pohon, masukan, hasil):
    form = RealisasiForm({"nilai": masukan}, indikator=pohon["ind"])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["nilai"] == Decimal(hasil)


@pytest.mark.parametrize(
    ("masukan", "pesan"),
    [("1.234,5", "lebih dari satu pemisah"), ("1,234,567", "lebih dari satu pemisah"),
     ("97,4a", "bukan angka"), ("", "wajib diisi")],
)  # fmt: skip
def test_bidang_desimal_menolak_dengan_pesan(pohon, masukan, pesan):
    form = RealisasiForm({"nilai": masukan}, indikator=pohon["ind"])
    assert not form.is_valid()
    assert pesan in form.errors["nilai"][0]


def test_galat_angka_tampil_di_samping_bidang(client, pohon):
    masuk(client, pohon["op_a"])
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "1.234,5", "aksi": "simpan"})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert 'id="id_nilai_error"' in html and "lebih dari satu pemisah" in html
    assert 'aria-invalid="true"' in html
    assert not Realisasi.objects.exists()


def test_rasio_dihitung_dari_pembilang_dan_penyebut(client, pohon):
    ind, _ = pabrik.indikator_pk(pohon["kel_a"], nama="Persentase rasio", rasio=True)
    masuk(client, pohon["op_a"])
    resp = client.post(url_isian(ind), {"pembilang": "45", "penyebut": "0", "aksi": "simpan"})
    assert "Penyebut tidak boleh 0." in resp.content.decode()
    resp = client.post(url_isian(ind), {"pembilang": "45", "penyebut": "50", "aksi": "simpan"})
    assert resp.status_code == 302
    assert Realisasi.objects.get(indikator=ind).nilai == Decimal("90")


def test_kualitatif_memeriksa_label(client, pohon):
    ind, butir = pabrik.indikator_pk(
        pohon["kel_a"], nama="Opini BPK", jenis_target="kualitatif", skala_ordinal="opini",
        target="0",
    )  # fmt: skip
    butir.target_teks = "WTP"
    butir.save()
    masuk(client, pohon["op_a"])
    resp = client.post(url_isian(ind), {"nilai_teks": "Baik", "aksi": "simpan"})
    assert "bukan label opini BPK" in resp.content.decode()
    client.post(url_isian(ind), {"nilai_teks": "WTP", "aksi": "simpan"})
    html = client.get(url_isian(ind)).content.decode()
    assert "100,00%" in html


def test_unggah_jenis_salah_ditolak_dan_isian_tidak_tersimpan(client, pohon):
    masuk(client, pohon["op_a"])
    palsu = SimpleUploadedFile("laporan.pdf", b"ini hanya teks biasa\n" * 20, "application/pdf")
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "95", "aksi": "simpan", "berkas": palsu})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert 'id="id_berkas_error"' in html
    assert "Jenis berkas &#x27;laporan.pdf&#x27; tidak diterima" in html
    assert 'value="95"' in html  # what the user typed is kept
    assert not Realisasi.objects.exists() and not BuktiDukung.objects.exists()


def test_unggah_terlalu_besar_ditolak(client, pohon, settings):
    settings.KINERJA_BUKTI_MAKS_BYTE = 1024 * 1024
    masuk(client, pohon["op_a"])
    besar = pdf("besar.pdf", PDF + b"0" * (1024 * 1024))
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "95", "aksi": "simpan", "berkas": besar})
    html = resp.content.decode()
    assert "berukuran 1,0 MB; maksimal 1,0 MB" in html  # Indonesian format (kinerja.angka)
    assert not BuktiDukung.objects.exists()


def test_unduh_bukti_sebagai_lampiran(client, pohon):
    masuk(client, pohon["op_a"])
    client.post(
        url_isian(pohon["ind"]),
        {"nilai": "95", "aksi": "simpan", "berkas": pdf("Laporan Survei.pdf")},
    )
    bukti = BuktiDukung.objects.get()
    html = client.get(url_isian(pohon["ind"])).content.decode()
    assert reverse("bukti_unduh", args=[bukti.pk]) in html and "Laporan Survei.pdf" in html
    for user in (pohon["op_a"], pohon["verif"], pohon["pimpinan"]):
        resp = masuk(client, user).get(reverse("bukti_unduh", args=[bukti.pk]))
        assert resp.status_code == 200
        assert resp["Content-Disposition"].startswith("attachment")
        assert "Laporan Survei.pdf" in resp["Content-Disposition"]
        assert resp["X-Content-Type-Options"] == "nosniff"
        assert resp["Content-Type"] == "application/pdf"
        assert b"".join(resp.streaming_content) == PDF
    assert client.get(reverse("bukti_unduh", args=[bukti.pk + 99])).status_code == 404


def test_verifikator_tidak_dapat_memverifikasi_isiannya_sendiri(client, pohon):
    ganda = pabrik.pengguna("ganda", ("operator", pohon["kel_a"]), ("verifikator", pohon["kec"]))
    masuk(client, ganda)
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "95", "aksi": "ajukan"})
    assert resp.status_code == 302
    r = Realisasi.objects.get()
    assert r.status == "diajukan"
    antrean = client.get(reverse("verifikasi")).content.decode()
    assert f'id="antrean-{r.pk}"' not in antrean  # not offered
    resp = client.post(reverse("verifikasi"), {"realisasi": r.pk, "aksi": "verifikasi"})
    assert resp.status_code == 403
    assert "isiannya sendiri" in resp.content.decode()
    resp = client.post(url_isian(pohon["ind"]), {"aksi": "verifikasi"})
    assert resp.status_code == 403
    r.refresh_from_db()
    assert r.status == "diajukan"
    assert not PeristiwaRealisasi.objects.filter(aksi="verifikasi").exists()


def test_kembalikan_tanpa_alasan_menampilkan_galat(client, pohon):
    r = isi_dan_ajukan(pohon)
    masuk(client, pohon["verif"])
    antrean = client.get(reverse("verifikasi")).content.decode()
    assert f'id="antrean-{r.pk}"' in antrean and "105,15%" in antrean and "laporan.pdf" in antrean
    resp = client.post(
        reverse("verifikasi"), {"realisasi": r.pk, "aksi": "kembalikan", "alasan": "  "}
    )
    html = resp.content.decode()
    assert resp.status_code == 200
    assert f'id="alasan-{r.pk}_error"' in html
    assert "Alasan pengembalian wajib diisi" in html
    resp = client.post(url_isian(pohon["ind"]), {"aksi": "kembalikan", "alasan": ""})
    assert 'id="alasan-kembalikan_error"' in resp.content.decode()
    r.refresh_from_db()
    assert r.status == "diajukan"
    resp = client.post(
        reverse("verifikasi"),
        {"realisasi": r.pk, "aksi": "kembalikan", "alasan": "Lampirkan laporan survei"},
    )
    assert resp.status_code == 302
    r.refresh_from_db()
    assert r.status == "dikembalikan"
    html = masuk(client, pohon["op_a"]).get(url_isian(pohon["ind"])).content.decode()
    assert 'id="alasan-kembali"' in html and "Lampirkan laporan survei" in html


def test_jejak_audit_menampilkan_nilai_lama_dan_baru(client, pohon):
    r = isi_dan_ajukan(pohon)
    layanan.realisasi_kembalikan(realisasi=r, aktor=pohon["verif"], alasan="Periksa angka")
    masuk(client, pohon["op_a"])
    # a value that was submitted before needs a reason to change
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "96,55", "aksi": "ajukan"})
    assert 'id="id_alasan_error"' in resp.content.decode()
    resp = client.post(
        url_isian(pohon["ind"]),
        {"nilai": "96,55", "alasan": "angka final survei", "aksi": "ajukan"},
    )
    assert resp.status_code == 302
    html = client.get(url_isian(pohon["ind"])).content.decode()
    assert "Nilai: 95 → 96,55" in html
    assert "angka final survei" in html and "Periksa angka" in html
    assert "Diajukan" in html and "Bukti diunggah" in html


def test_ajukan_tanpa_penjelasan_saat_capaian_rendah_tetap_tersimpan_sebagai_draf(client, pohon):
    masuk(client, pohon["op_a"])
    resp = client.post(url_isian(pohon["ind"]), {"nilai": "80", "aksi": "ajukan"})
    html = resp.content.decode()
    assert resp.status_code == 200
    assert 'id="id_penjelasan_error"' in html and "di bawah 100%" in html
    assert Realisasi.objects.get().status == "draft"


def test_buka_kembali_wajib_alasan(client, pohon):
    r = isi_dan_ajukan(pohon)
    masuk(client, pohon["verif"])
    assert client.post(url_isian(pohon["ind"]), {"aksi": "verifikasi"}).status_code == 302
    html = client.get(url_isian(pohon["ind"])).content.decode()
    assert "Buka kembali" in html and "Realisasi ini sudah diverifikasi dan terkunci." in html
    resp = client.post(url_isian(pohon["ind"]), {"aksi": "buka_kembali", "alasan": ""})
    assert "Alasan membuka kembali data terverifikasi wajib diisi." in resp.content.decode()
    resp = client.post(url_isian(pohon["ind"]), {"aksi": "buka_kembali", "alasan": "Koreksi BPS"})
    assert resp.status_code == 302
    r.refresh_from_db()
    assert r.status == "dikembalikan"
    # the operator cannot reopen
    layanan.realisasi_ajukan(realisasi=r, aktor=pohon["op_a"])
    layanan.realisasi_verifikasi(realisasi=r, aktor=pohon["verif"])
    resp = masuk(client, pohon["op_a"]).post(
        url_isian(pohon["ind"]), {"aksi": "buka_kembali", "alasan": "x"}
    )
    assert resp.status_code == 403


def test_post_tanpa_csrf_ditolak(pohon):
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(pohon["op_a"])
    assert c.post(url_isian(pohon["ind"]), {"nilai": "95", "aksi": "simpan"}).status_code == 403
    assert not Realisasi.objects.exists()


def test_admin_kota_memilih_kelurahan_di_isian(client, pohon):
    """Issue 19: a city admin reaches a kelurahan's entry list by the unit picker; an
    operator's picker does not offer other units and a typed slug outside is refused."""
    admin = pabrik.pengguna("admin_kota", ("admin", pohon["kota"]))
    masuk(client, admin)
    r = client.get(reverse("isian"), {"tahun": 2024})
    teks = r.content.decode()
    assert r.status_code == 200 and 'name="unit"' in teks
    assert [o.slug for o in r.context["unit_pilihan"]] == [
        o.slug for o in (pohon["kota"], pohon["kec"], pohon["kel_a"], pohon["kel_b"])
    ]
    assert url_isian(pohon["ind"]) not in teks  # the city's own list has no kelurahan rows
    r = client.get(reverse("isian"), {"tahun": 2024, "unit": pohon["kel_a"].slug})
    assert r.status_code == 200
    assert [u.organisasi for u in r.context["unit"]] == [pohon["kel_a"]]
    assert url_isian(pohon["ind"]) in r.content.decode()

    masuk(client, pohon["op_b"])
    r = client.get(reverse("isian"), {"tahun": 2024})
    assert r.context["unit_pilihan"] == [] and 'name="unit"' not in r.content.decode()
    r = client.get(reverse("isian"), {"tahun": 2024, "unit": pohon["kel_a"].slug})
    assert r.status_code == 403 and "tidak berwenang mengisi realisasi" in r.content.decode()
