"""The LKIP Kinerja builds goes through the same checks as any report: the clean build has
no finding, a DOCX with one cell deliberately altered has exactly that finding, and the
reviu document beside the report lists data and document findings in one form."""

from __future__ import annotations

import pytest
from django.db import transaction
from docx import Document

from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.layanan import bangun_lkip
from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan
from kinerja.organisasi.models import Organisasi
from kinerja.reviu.periksa import periksa_berkas

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def lkip(django_db_setup, django_db_blocker, tmp_path_factory):
    keluar = tmp_path_factory.mktemp("lkip-reviu")
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        org = Organisasi.objects.get(slug="jakarta-pusat")
        h = bangun_lkip(org, 2024, format=["docx"], keluar=keluar)
        yield {"hasil": h, "keluar": keluar, "org": org}
        transaction.set_rollback(True)


def _docx(lkip):
    return next(b for b in lkip["hasil"].berkas if b.name.endswith("2024.docx"))


def _ubah_sel(sumber, tujuan, judul_tabel: str, lama: str, baru: str) -> None:
    doc = Document(sumber)
    judul = None
    for el in doc.element.body.iterchildren():
        if el.tag == f"{W}p":
            teks = "".join(t.text or "" for t in el.iter(f"{W}t"))
            judul = teks if teks.startswith("Tabel") else judul
        elif el.tag == f"{W}tbl" and judul and judul_tabel in judul:
            sel = [t for t in el.iter(f"{W}t") if t.text == lama]
            assert len(sel) == 1, f"{lama} tidak tunggal di {judul}"
            sel[0].text = baru
            doc.save(tujuan)
            return
    raise AssertionError(f"tabel '{judul_tabel}' tidak ada")


def test_lkip_bersih_tanpa_temuan(lkip):
    hasil = periksa_berkas(_docx(lkip))
    assert len(hasil.dokumen.tabel) >= 60
    assert hasil.temuan == []


@pytest.mark.parametrize(
    ("tabel", "lama", "baru", "aturan", "terbit", "hitung"),
    [
        # the seed's own error (Tabel 18 sasaran 2), now put into the built report
        ("Pencapaian target sasaran", "104,18", "104,08", "rata_sasaran", "104,08%", "104,18%"),
        ("Realisasi belanja", "94,39", "95,39", "capaian", "95,39%", "94,39%"),
    ],
)
def test_satu_sel_diubah_satu_temuan(lkip, tmp_path, tabel, lama, baru, aturan, terbit, hitung):
    ubah = tmp_path / "diubah.docx"
    _ubah_sel(_docx(lkip), ubah, tabel, lama, baru)
    t = periksa_berkas(ubah).temuan
    assert [(x.aturan, x.terbit, x.hitung) for x in t] == [(aturan, terbit, hitung)]


def test_dokumen_reviu_bentuk_sama_dan_json(lkip):
    reviu = next(b for b in lkip["hasil"].berkas if "reviu" in b.name)
    doc = Document(reviu)
    kepala = [c.text for c in doc.tables[0].rows[0].cells]
    assert kepala[:6] == ["No", "Bab", "Lokasi", "Pemeriksaan", "Terbit", "Hasil hitung"]
    isi = [[c.text for c in r.cells] for r in doc.tables[0].rows[1:]]
    assert any("Rata-rata capaian sasaran 2" in " ".join(r) and "104,08" in r[4] for r in isi)
    assert "0 temuan dari dokumen" in "\n".join(p.text for p in doc.paragraphs)
    assert reviu.with_suffix(".json").is_file()


@pytest.mark.django_db
def test_pemilih_temuan_lkip(lkip):
    from kinerja.reviu_unggah.pemilih import temuan_lkip

    org = lkip["org"]
    assert temuan_lkip(org, 2024) is None
    PekerjaanLkip.objects.create(
        organisasi=org, tahun=2024, status=StatusPekerjaan.SELESAI, folder=str(lkip["keluar"])
    )
    t = temuan_lkip(org, 2024)
    assert t and all(x.bab == "Data (dihitung dari masukan)" for x in t)
    assert any(x.terbit == "104,08" and x.hitung == "104,18" for x in t)
