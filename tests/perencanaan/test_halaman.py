"""Planning pages (perencanaan/views.py) through the test client: permissions, forms that
keep what was typed and show the service's Indonesian messages next to the field, the
draft → signed → revision path, and the links from the navigation and the PK view."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.perencanaan import layanan
from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja, RevisiPK, StatusPK
from tests import pabrik

pytestmark = pytest.mark.django_db

KEPALA = {"pihak_pertama_jabatan": "Lurah A", "pihak_kedua_jabatan": "Camat Uji"}


def _masuk(client, user):
    client.force_login(user)
    return client


def _url(nama, p_or_slug="kelurahan-a", tahun=2025, *lain):
    return reverse(f"perencanaan:{nama}", args=[p_or_slug, tahun, *lain])


def _teks(respons) -> str:
    return re.sub(r"\s+", " ", respons.content.decode())


@pytest.fixture
def draf(p):
    pk = layanan.pk_buat(organisasi=p["kel_a"], tahun=2025, aktor=p["op_a"], **KEPALA)
    layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    return pk


def test_navigasi_dan_daftar(client, p, draf):
    assert client.get(reverse("perencanaan:daftar")).status_code == 302  # login first
    r = _masuk(client, p["op_a"]).get(reverse("beranda"))
    # the working year is the latest with a PK (issue 19), carried in the link
    assert f'href="{reverse("perencanaan:daftar")}?tahun=2025"' in r.content.decode()
    r = client.get(reverse("perencanaan:daftar") + "?tahun=2025")
    isi = _teks(r)
    assert r.status_code == 200 and "Perjanjian Kinerja tahun 2025" in isi
    assert 'aria-label="Susun PK Kelurahan A 2025"' in isi
    assert "Kelurahan B" not in isi
    assert 'aria-label="Buat PK Kecamatan Uji 2025"' not in isi  # not theirs to plan
    r = client.get(reverse("perencanaan:daftar") + "?tahun=2026")
    assert 'aria-label="Buat PK Kelurahan A 2026"' in _teks(r)


def test_buat_pk_dari_formulir(client, p):
    pabrik.indikator_pk(p["kel_a"], tahun=2024)  # previous year's PK: parties offered
    c = _masuk(client, p["op_a"])
    r = c.get(reverse("perencanaan:buat") + "?organisasi=kelurahan-a&tahun=2025")
    assert r.status_code == 200
    form = r.context["form"]
    assert form["organisasi"].value() == "kelurahan-a" and form["tahun"].value() == 2025
    assert form["pihak_pertama_jabatan"].value() == "Kepala Kelurahan A"
    assert [k for k, _ in form.fields["organisasi"].choices] == ["kelurahan-a"]
    r = c.post(
        reverse("perencanaan:buat"),
        {"organisasi": "kelurahan-a", "tahun": "2025", **KEPALA, "tempat": "Jakarta"},
    )
    pk = PerjanjianKinerja.objects.get(organisasi=p["kel_a"], tahun=2025)
    assert r.status_code == 302 and r["Location"] == _url("pk")
    assert pk.status == StatusPK.DRAFT and pk.tempat == "Jakarta"


def test_buat_pk_ganda_ditolak_dengan_pesan_dan_isian_tetap(client, p, draf):
    c = _masuk(client, p["op_a"])
    data = {"organisasi": "kelurahan-a", "tahun": "2025", "pihak_pertama_jabatan": "Lurah Baru"}
    r = c.post(reverse("perencanaan:buat"), data)
    assert r.status_code == 200
    assert r.context["form"].errors["tahun"] == [
        "Perjanjian Kinerja Kelurahan A tahun 2025 sudah ada (status: Draf). Satu unit hanya "
        "memiliki satu PK per tahun; buka PK itu untuk melengkapinya."
    ]
    assert 'value="Lurah Baru"' in r.content.decode()  # nothing typed is lost
    r = c.post(reverse("perencanaan:buat"), {"organisasi": "kelurahan-b", "tahun": "x"})
    g = r.context["form"].errors
    assert g["organisasi"] == ["Unit: pilihan 'kelurahan-b' tidak tersedia."]
    assert g["tahun"] == ["Tahun: isi bilangan bulat (contoh: 3)."]
    assert g["pihak_pertama_jabatan"] == ["Jabatan pihak pertama wajib diisi."]
    assert PerjanjianKinerja.objects.count() == 1


def test_izin_halaman(client, p, draf):
    # a verifier may read the draft but not plan; the page says why
    c = _masuk(client, p["verif"])
    assert c.get(_url("pk")).status_code == 200
    r = c.get(reverse("perencanaan:buat"))
    assert r.status_code == 403 and "tidak berwenang menyusun" in _teks(r)
    r = c.get(_url("butir_tambah"))
    assert r.status_code == 403
    assert "tidak berwenang menyusun Perjanjian Kinerja Kelurahan A" in _teks(r)
    # another kelurahan's operator may not even see the unit
    c = _masuk(client, p["op_b"])
    assert c.get(_url("pk")).status_code == 403
    assert (
        c.post(_url("butir_tambah"), {"indikator": p["sampah"].pk, "target": "1"}).status_code
        == 403
    )
    # the kelurahan's operator sees the kecamatan's draft as "no PK yet"
    layanan.pk_buat(
        organisasi=p["kec"], tahun=2025, aktor=p["admin"], pihak_pertama_jabatan="Camat"
    )
    c = _masuk(client, p["op_a"])
    r = c.get(_url("pk", "kecamatan-uji"))
    assert r.status_code == 200 and r.context["pk"] is None
    assert c.get(_url("ubah", "kecamatan-uji")).status_code == 404
    assert ButirPK.objects.count() == 1


def test_tambah_butir_indikator_lama_dan_baru(client, p, draf):
    c = _masuk(client, p["op_a"])
    r = c.get(_url("butir_tambah"))
    html = r.content.decode()
    assert '<optgroup label="Sasaran 2: Lingkungan bersih">' in html
    assert (
        "Indeks Kepuasan Masyarakat" not in html.split('name="indikator"')[1].split("</select>")[0]
    )
    r = c.post(_url("butir_tambah"), {"indikator": p["sampah"].pk, "target": "92,5", "lanjut": "1"})
    assert r.status_code == 302 and r["Location"] == _url("butir_tambah")
    r = c.post(
        _url("butir_tambah"),
        {
            "sasaran_uraian": "Tertib wilayah",
            "indikator_nama": "Persentase trantib ditindak",
            "satuan": "%",
            "polaritas": "positif",
            "frekuensi": "triwulan",
            "target": "75",
            "urutan": "9",
        },
    )
    assert r.status_code == 302 and r["Location"] == _url("pk")
    butir = {b.indikator.nama: b for b in ButirPK.objects.select_related("indikator")}
    assert butir["Persentase sampah terkelola"].target == Decimal("92.5")
    baru = butir["Persentase trantib ditindak"]
    assert (baru.urutan, baru.indikator.satuan, baru.indikator.sasaran.uraian) == (
        9,
        "%",
        "Tertib wilayah",
    )
    r = c.get(_url("pk"))
    isi = _teks(r)
    assert "Butir PK (3)" in isi and "92,5" in isi and "Persentase trantib ditindak" in isi


def test_tambah_butir_salah_pesan_di_samping_bidang(client, p, draf):
    c = _masuk(client, p["op_a"])
    r = c.post(
        _url("butir_tambah"),
        {"indikator": p["sampah"].pk, "indikator_nama": "Nama lain", "target": "1.234,5"},
    )
    assert r.status_code == 200
    g = r.context["form"].errors
    assert "memakai lebih dari satu pemisah" in g["target"][0]
    html = r.content.decode()
    assert 'value="1.234,5"' in html and "Nama lain</textarea>" in html  # input kept
    r = c.post(
        _url("butir_tambah"),
        {"indikator": p["sampah"].pk, "indikator_nama": "Nama lain", "target": "1"},
    )
    g = r.context["form"].errors
    assert "hanya untuk indikator baru" in g["indikator_nama"][0]
    assert 'id="id_indikator_nama_error"' in r.content.decode()
    r = c.post(_url("butir_tambah"), {"indikator": p["ikm"].pk, "target": "1"})  # already in
    assert "Indikator: pilihan" in r.context["form"].errors["indikator"][0]
    assert ButirPK.objects.count() == 1


def test_ubah_dan_hapus_butir_draf(client, p, draf):
    b = ButirPK.objects.get()
    c = _masuk(client, p["op_a"])
    r = c.get(_url("butir_ubah", "kelurahan-a", 2025, b.pk))
    form = r.context["form"]
    assert set(form.fields) == {"target", "urutan"} and form["target"].value() == "80"
    assert 'value="80"' in r.content.decode()
    r = c.post(_url("butir_ubah", "kelurahan-a", 2025, b.pk), {"target": "", "urutan": "1"})
    assert r.context["form"].errors["target"] == ["Target (Nilai) wajib diisi."]
    r = c.post(_url("butir_ubah", "kelurahan-a", 2025, b.pk), {"target": "85,25", "urutan": "1"})
    b.refresh_from_db()
    assert r.status_code == 302 and b.target == Decimal("85.25")
    assert "Hapus butir dari PK draf?" in _teks(
        c.get(_url("butir_hapus", "kelurahan-a", 2025, b.pk))
    )
    c.post(_url("butir_hapus", "kelurahan-a", 2025, b.pk))
    assert not ButirPK.objects.exists()


def test_tandatangani_lalu_hanya_revisi(client, p, draf):
    b = ButirPK.objects.get()
    c = _masuk(client, p["op_a"])
    r = c.post(_url("tandatangani"), {"tanggal": "02/01/2025", "tempat": "Jakarta"})
    assert r.context["form"].errors["konfirmasi"] == [
        "Centang pernyataan bahwa PK sudah ditandatangani untuk mencatatnya."
    ]
    r = c.post(_url("tandatangani"), {"tanggal": "2 Jan", "konfirmasi": "on"})
    assert r.context["form"].errors["tanggal"] == [
        "Tanggal penandatanganan: isi tanggal seperti 2025-01-31 atau 31/01/2025."
    ]
    r = c.post(
        _url("tandatangani"), {"tanggal": "2025-01-02", "tempat": "Jakarta", "konfirmasi": "on"}
    )
    draf.refresh_from_db()
    assert r.status_code == 302 and draf.status == "ditandatangani"
    assert draf.tanggal == dt.date(2025, 1, 2)

    # after signing: line pages send back with the reason, nothing changes
    r = c.post(_url("butir_ubah", "kelurahan-a", 2025, b.pk), {"target": "1"}, follow=True)
    assert "Ubah target melalui revisi PK" in _teks(r)
    assert c.post(_url("butir_hapus", "kelurahan-a", 2025, b.pk)).status_code == 302
    b.refresh_from_db()
    assert b.target == Decimal("80")
    isi = _teks(c.get(_url("pk")))
    assert "Revisi target" in isi and "Tambah butir" not in isi

    # the revision: a numbered record with the old and new target
    r = c.get(_url("revisi"))
    assert "Revisi 1 PK Kelurahan A 2025" in _teks(r)
    r = c.post(_url("revisi"), {f"target_{b.pk}": "80", "dasar_hukum": "Instruksi", "alasan": "x"})
    assert r.context["form"].non_field_errors()[0].startswith("Tidak ada target yang berubah")
    r = c.post(
        _url("revisi"),
        {f"target_{b.pk}": "82,5", "dasar_hukum": "Instruksi Sekda 19/2024", "alasan": "Anggaran"},
    )
    assert r.status_code == 302
    rev = RevisiPK.objects.get()
    assert rev.nomor == 1 and rev.perubahan.get().target_baru == Decimal("82.5")
    isi = _teks(c.get(_url("pk")))
    # the revision history table (docs/keputusan/0050): basis, letter, old -> new target
    assert 'id="riwayat-revisi"' in isi and "Instruksi Sekda 19/2024" in isi
    assert ": 80 → 82,5</li>" in isi
    assert "target: 80 → 82,5" in isi and "Alasan: revisi PK 1: Anggaran" in isi


def test_revisi_pada_draf_dikembalikan(client, p, draf):
    r = _masuk(client, p["op_a"]).get(_url("revisi"), follow=True)
    assert "PK ini masih draf" in _teks(r)


def test_halaman_pk_pengukuran_menandai_draf_dan_menautkan(client, p, draf):
    url = reverse("pk", args=["kelurahan-a", 2025])
    c = _masuk(client, p["op_a"])
    isi = _teks(c.get(url))
    assert 'id="pk-draf"' in isi and "Indeks Kepuasan Masyarakat" in isi
    assert f'href="{_url("pk")}"' in isi
    # readers of verified figures only (an operator of a unit below) do not see a draft
    layanan.pk_buat(
        organisasi=p["kec"], tahun=2025, aktor=p["admin"], pihak_pertama_jabatan="Camat"
    )
    isi = _teks(c.get(reverse("pk", args=["kecamatan-uji", 2025])))
    assert "Belum ada Perjanjian Kinerja Kecamatan Uji untuk tahun 2025" in isi
    assert "Camat" not in isi.split("<main")[1].split("Belum ada")[1][:200]
    # a signed PK is no longer marked as a draft
    layanan.pk_tandatangani(pk=draf, aktor=p["op_a"], tanggal=dt.date(2025, 1, 2))
    assert 'id="pk-draf"' not in _teks(c.get(url))


def test_riwayat_di_halaman_pk(client, p, draf):
    isi = _teks(_masuk(client, p["verif"]).get(_url("pk")))
    assert "op_a: <strong>PK dibuat</strong>" in isi
    assert "Butir &#x27;Indeks Kepuasan Masyarakat&#x27; dibuat" in isi
    assert "Tambah butir" not in isi  # read-only for the verifier


def test_daftar_saring_status_dan_rekap(client, p, draf):
    pabrik.indikator_pk(p["kota"], tahun=2025)
    c = _masuk(client, p["admin"])
    isi = _teks(c.get(reverse("perencanaan:daftar") + "?tahun=2025"))
    assert "4 unit: 2 belum ada PK, 1 draf, 1 ditandatangani." in isi
    r = c.get(reverse("perencanaan:daftar") + "?tahun=2025&status=draft")
    assert [b.unit.slug for b in r.context["baris"]] == ["kelurahan-a"]
    r = c.get(reverse("perencanaan:daftar") + "?tahun=2025&status=belum")
    assert [b.unit.slug for b in r.context["baris"]] == ["kecamatan-uji", "kelurahan-b"]
    r = c.get(reverse("perencanaan:daftar") + "?tahun=2025&status=x")  # unknown: everything
    assert len(r.context["baris"]) == 4


def test_isian_target_hanya_yang_dibutuhkan_indikator(client, p):
    """Range and label fields appear only when an indicator on offer needs them."""
    layanan.pk_buat(organisasi=p["kel_b"], tahun=2025, aktor=p["op_b"], pihak_pertama_jabatan="L")
    form = _masuk(client, p["op_b"]).get(_url("butir_tambah", "kelurahan-b")).context["form"]
    assert "target_bawah" not in form.fields and "target_teks" not in form.fields
    form = _masuk(client, p["op_a"]).get(reverse("perencanaan:buat")).context["form"]
    assert form["tahun"].value() is not None
    layanan.pk_buat(organisasi=p["kel_a"], tahun=2025, aktor=p["op_a"], pihak_pertama_jabatan="L")
    form = client.get(_url("butir_tambah")).context["form"]
    assert {"target", "target_bawah", "target_atas", "target_teks"} <= set(form.fields)


def test_admin_tidak_mengubah_butir_pk_yang_ditandatangani(client, p, draf):
    from django.contrib.auth import get_user_model

    su = get_user_model().objects.create_superuser("su", password="x")
    c = _masuk(client, su)
    url = reverse("admin:perencanaan_perjanjiankinerja_change", args=[draf.pk])
    assert 'name="butir-0-target"' in c.get(url).content.decode()  # draft: editable
    layanan.pk_tandatangani(pk=draf, aktor=p["op_a"], tanggal=dt.date(2025, 1, 2))
    html = c.get(url).content.decode()
    assert 'name="butir-0-target"' not in html and "Ditandatangani" in html
