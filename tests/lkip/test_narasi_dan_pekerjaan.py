"""Narrative edits survive the next build and are flagged when their numbers change; the
build job records progress; the page checks `organisasi.lihat`; the template check."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.db import transaction
from django.urls import reverse
from docx import Document

from kinerja.contoh.muat import muat_contoh
from kinerja.lkip import layanan
from kinerja.lkip.cek_templat import cek_templat
from kinerja.lkip.models import NarasiLkip, PekerjaanLkip, StatusPekerjaan
from kinerja.lkip.struktur import susun_lkip
from kinerja.lkip.templat import templat_bawaan
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi
from tests import pabrik


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        yield Organisasi.objects.get(slug="jakarta-pusat")
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_narasi_diedit_dipakai_dan_ditandai_bila_angka_berubah(contoh, tmp_path):
    dok = susun_lkip(contoh, 2024)
    blok = next(n for n in dok.narasi if n.kunci == "bab3.ILK.capaian")
    assert "104,08%" in blok.otomatis
    assert (
        "semester I sebesar 97,46 dan semester II sebesar 97,90, menunjukkan peningkatan"
        in blok.otomatis
    )
    user = pabrik.pengguna("penyusun", ("admin", contoh))
    layanan.narasi_simpan(
        organisasi=contoh,
        tahun=2024,
        kunci=blok.kunci,
        teks="Capaian ILK melampaui target berkat survei yang lebih luas.",
        hash_angka=blok.hash_angka,
        aktor=user,
    )
    hasil = layanan.bangun_lkip(contoh, 2024, format=["docx"], keluar=tmp_path, reviu=False)
    teks = "\n".join(p.text for p in Document(hasil.berkas[0]).paragraphs)
    assert "Capaian ILK melampaui target berkat survei yang lebih luas." in teks
    b = next(n for n in hasil.dokumen.narasi if n.kunci == blok.kunci)
    assert b.diedit and not b.perlu_ditinjau
    assert NarasiLkip.history.filter(kunci=blok.kunci).count() == 1

    # the numbers under the block change: the edit is kept but flagged for review
    r = Realisasi.objects.get(indikator__kode="ILK", tahun=2024, jenis_periode="semester", ke=2)
    r.nilai = Decimal("98.5")
    r.save()
    dok = susun_lkip(contoh, 2024)
    b = next(n for n in dok.narasi if n.kunci == blok.kunci)
    assert b.diedit and b.perlu_ditinjau
    assert b.teks.startswith("Capaian ILK melampaui")


@pytest.mark.django_db
def test_pekerjaan_mencatat_kemajuan_dan_berkas(contoh, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    p = layanan.mulai_pekerjaan(
        organisasi=contoh, tahun=2024, format=["xlsx"], aktor=None, latar=False
    )
    p.refresh_from_db()
    assert p.status == StatusPekerjaan.SELESAI and p.progres == 100
    assert "LKIP-jakarta-pusat-2024.xlsx" in p.berkas
    assert any("reviu" in b for b in p.berkas)
    assert any(n["kunci"] == "ringkasan.capaian" for n in p.narasi)


@pytest.mark.django_db
def test_halaman_izin_bangun_dan_unduh(contoh, client, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    pemimpin = pabrik.pengguna("pimpinan", ("pimpinan", contoh))
    penyusun = pabrik.pengguna("penyusun_kota", ("admin", contoh))
    lain = pabrik.organisasi("Kota Lain", "kota_administrasi", slug="kota-lain")
    orang_lain = pabrik.pengguna("orang_lain", ("pimpinan", lain))
    url = reverse("lkip:halaman", args=["jakarta-pusat", 2024])
    client.force_login(orang_lain)
    assert client.get(url).status_code == 403
    client.force_login(pemimpin)
    assert client.get(url).status_code == 200
    # pimpinan reads; building is the planners' (keputusan 0021)
    resp = client.post(reverse("lkip:bangun", args=["jakarta-pusat", 2024]), {"format": ["xlsx"]})
    assert resp.status_code == 403
    client.force_login(penyusun)
    resp = client.post(reverse("lkip:bangun", args=["jakarta-pusat", 2024]), {"format": ["xlsx"]})
    assert resp.status_code == 302
    p = PekerjaanLkip.objects.get(organisasi=contoh)
    assert p.status == StatusPekerjaan.ANTRE  # queued after commit
    layanan.jalankan_pekerjaan(p.pk)
    p.refresh_from_db()
    client.force_login(pemimpin)
    halaman = client.get(url).content.decode()
    assert "LKIP-jakarta-pusat-2024.xlsx" in halaman
    resp = client.get(reverse("lkip:unduh", args=[p.pk, "LKIP-jakarta-pusat-2024.xlsx"]))
    assert resp.status_code == 200
    client.force_login(orang_lain)
    assert (
        client.get(reverse("lkip:unduh", args=[p.pk, "LKIP-jakarta-pusat-2024.xlsx"])).status_code
        == 403
    )


def test_cek_templat_bawaan_dan_field_tidak_dikenal(tmp_path):
    assert cek_templat(templat_bawaan()).baik
    doc = Document(templat_bawaan())
    for p in doc.paragraphs:
        if p.text.strip() == "{{ isi }}":
            p.runs[0].text = "{{ organisasii }}"
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    h = cek_templat(buf)
    assert not h.baik
    assert h.tidak_dikenal == ["organisasii"] and h.hilang == ["isi"]
    assert any("organisasii" in p for p in h.pesan())


@pytest.mark.django_db
def test_pekerjaan_terhenti_tidak_menyegarkan_halaman_selamanya(client):
    """A build whose process died (server restart) stays 'berjalan' on its row; after
    BATAS_DIAM without progress the page shows it as stopped and stops refreshing."""
    import datetime as dt

    from django.utils import timezone

    from kinerja.lkip.models import BATAS_DIAM

    kota = pabrik.organisasi("Kota Henti", "kota_administrasi", slug="kota-henti")
    pemimpin = pabrik.pengguna("pimpinan_henti", ("pimpinan", kota))
    p = PekerjaanLkip.objects.create(organisasi=kota, tahun=2024, dibuat_oleh=pemimpin)
    layanan._perbarui(p.pk, status=StatusPekerjaan.BERJALAN, progres=40, langkah="Bab III")
    p.refresh_from_db()
    assert p.aktif and not p.terhenti and p.diperbarui_pada is not None
    client.force_login(pemimpin)
    url = reverse("lkip:halaman", args=["kota-henti", 2024])
    assert 'http-equiv="refresh"' in client.get(url).content.decode()
    PekerjaanLkip.objects.filter(pk=p.pk).update(
        diperbarui_pada=timezone.now() - BATAS_DIAM - dt.timedelta(seconds=1)
    )
    p.refresh_from_db()
    assert p.terhenti and not p.aktif
    halaman = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in halaman
    assert "Terhenti (tanpa kemajuan 10 menit; bangun ulang)" in halaman


@pytest.mark.django_db
def test_lkip_dari_pk_draf_ditandai_di_reviu_dan_saran():
    """A report built while the year's PK is still a draft says so: a reviu item and a
    recommendation to sign it before publishing (decision 0019)."""
    from kinerja.perencanaan.models import PerjanjianKinerja, StatusPK

    kota = pabrik.organisasi("Kota Draf", "kota_administrasi", slug="kota-draf")
    pabrik.indikator_pk(kota, tahun=2025, target="90")
    dok = susun_lkip(kota, 2025)
    assert not [t for t in dok.temuan if t.jenis == "PK draf"]
    PerjanjianKinerja.objects.filter(organisasi=kota, tahun=2025).update(status=StatusPK.DRAFT)
    dok = susun_lkip(kota, 2025)
    draf = [t for t in dok.temuan if t.jenis == "PK draf"]
    assert len(draf) == 1 and "masih draf" in draf[0].uraian
    teks = " ".join(getattr(b, "teks", "") for b in dok.blok)
    assert "Menandatangani Perjanjian Kinerja 2025 yang masih draf" in teks
