"""The demo (Jakarta Pusat 2024): final score as the seed reports it, the suggestion of every
data-judged criterion, the LHE read back (python-docx, pdftotext), the worksheet XLSX, the
register (migrated records, overdue), the LKIP's tindak lanjut table, and the API."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from kinerja.contoh.muat import muat_contoh
from kinerja.evaluasi import lhe, pemilih
from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi.models import (
    Jawaban,
    LembarKerja,
    TemuanEvaluasi,
    TindakLanjut,
    TindakLanjutBPK,
)
from kinerja.evaluasi.salin import salin_ke_register
from kinerja.evaluasi.saran import jumlah_temuan_reviu, saran_lembar
from kinerja.lkip.models import PekerjaanLkip
from kinerja.lkip.struktur import susun_lkip
from kinerja.organisasi.models import Organisasi
from kinerja.reviu.dokumen import Temuan
from tests import pabrik

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    muat_contoh("jakarta-pusat")
    org = Organisasi.objects.get(slug="jakarta-pusat")
    return {"org": org, "lembar": LembarKerja.objects.get(organisasi=org, tahun=2024)}


def test_lembar_final_85_75_a_dan_idempoten(demo):
    lembar = demo["lembar"]
    assert lembar.status == "final"
    u, p = pemilih.nilai_lembar(lembar)
    assert p.komponen == {
        "1": Decimal("25.5"),
        "2": Decimal("25.5"),
        "3": Decimal("12.75"),
        "4": Decimal("22"),
    }
    assert p.total == Decimal("85.75") and p.predikat == "A"
    assert u.total > p.total  # the unit assessed itself higher
    assert all(j.bukti.count() >= 1 for j in lembar.jawaban.all())
    sebelum = (TindakLanjut.objects.count(), Jawaban.objects.count())
    muat_contoh("jakarta-pusat")  # second run: nothing new
    assert (TindakLanjut.objects.count(), Jawaban.objects.count()) == sebelum


def test_saran_setiap_kriteria_data(demo, tmp_path):
    org, lembar = demo["org"], demo["lembar"]
    s = saran_lembar(lembar)
    assert s["1.a.4"].nilai == "Y" and s["1.a.4"].alasan == "PK 2024 tercatat dan ditandatangani"
    # the seed prints no signing date: no value, the reason says so
    assert s["1.a.6"].nilai == "" and "belum tercatat" in s["1.a.6"].alasan
    # annual realisasi only: 3 of 15 PK indicators have a verified value per semester
    assert s["2.a.4"].nilai == "T"
    assert s["2.a.4"].alasan == "3 dari 15 indikator memiliki realisasi terverifikasi tiap semester"
    assert s["2.b.2"].nilai == "D"
    assert s["4.c.1"].nilai == "A"
    assert s["4.c.1"].alasan.startswith("18 dari 18 rekomendasi evaluasi tahun sebelumnya")
    # LKIP 2023 built in time and LKIP 2024 built: timeliness and reviu suggestions appear
    PekerjaanLkip.objects.create(
        organisasi=org,
        tahun=2023,
        status="selesai",
        selesai_pada=timezone.make_aware(timezone.datetime(2024, 2, 20, 10, 0)),
    )
    assert "3.b.4" not in saran_lembar(lembar)  # no LKIP built yet: no reviu suggestion
    # the build's reviu JSON (as lkip/reviu.py writes it) with five findings
    temuan = [
        Temuan("capaian", "Capaian", f"Tabel {i}", "BAB III", None, "1", "2", "r").sebagai_dict()
        for i in range(5)
    ]
    (tmp_path / "LKIP-jakarta-pusat-2024-reviu.json").write_text(json.dumps(temuan))
    PekerjaanLkip.objects.create(
        organisasi=org,
        tahun=2024,
        status="selesai",
        selesai_pada=timezone.now(),
        folder=str(tmp_path),
    )
    s = saran_lembar(lembar)
    assert s["3.a.3"].nilai == "Y"
    assert (
        s["3.a.3"].alasan
        == "LKIP 2023 disampaikan tepat waktu (20 Februari 2024; batas 31 Maret 2024)"
    )
    assert jumlah_temuan_reviu(org, 2024) == 5
    assert (s["3.b.4"].nilai, s["3.b.4"].alasan) == ("C", "reviu LKIP menemukan 5 ketidaksesuaian")
    assert s["3.a.4"].nilai == "Y"
    # a differing answer is marked, never overwritten
    rinci = pemilih.lembar_rinci(lembar)
    baris = {b.kode: b for k in rinci["komponen"] for sb in k["sub"] for b in sb["kriteria"]}
    assert baris["2.a.4"].jawaban.nilai_akhir == "Y" and baris["2.a.4"].beda_saran
    assert not baris["1.a.4"].beda_saran


def test_lhe_docx_pdf_dan_xlsx(demo):
    lembar = demo["lembar"]
    doc = Document(io.BytesIO(lhe.lhe_docx(lembar)))
    teks = "\n".join(p.text for p in doc.paragraphs)
    sel = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "LAPORAN HASIL EVALUASI" in teks and "85,75" in teks and "predikat A" in teks
    for nilai in ("25,50", "12,75", "22,00", "85,75", "Pelaporan Kinerja"):
        assert nilai in sel
    assert "Reviu LKIP masih menemukan ketidaksesuaian angka capaian." in teks
    assert "Dokumentasikan rapat pimpinan" in sel
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) diperlukan"
    pdf = lhe.lhe_pdf(lembar)
    keluar = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "85,75" in keluar and "Evaluasi Akuntabilitas Kinerja Internal" in keluar
    # worksheet XLSX: numbers numeric, formula-looking user text stays text
    j = lembar.jawaban.get(kode="1.a.1")
    Jawaban.objects.filter(pk=j.pk).update(catatan_unit='=HYPERLINK("http://x")')
    ws = load_workbook(io.BytesIO(lhe.lembar_xlsx(lembar))).active
    baris = {r[0].value: r for r in ws.iter_rows(min_row=4)}
    assert baris["1"][9].value == pytest.approx(25.5) and baris["1"][9].data_type == "n"
    assert baris["1.a.1"][6].value == '=HYPERLINK("http://x")'
    assert baris["1.a.1"][6].data_type == "s"
    jumlah = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "Jumlah")
    assert jumlah[9].value == pytest.approx(85.75)


def test_register_salinan_dan_terlambat(demo):
    org = demo["org"]
    # the older records copied without loss: 18 temuan and 7 BPK rows, each once
    assert (
        TindakLanjut.objects.filter(asal__startswith="temuan:").count()
        == TemuanEvaluasi.objects.count()
        == 18
    )
    assert (
        TindakLanjut.objects.filter(asal__startswith="bpk:").count()
        == TindakLanjutBPK.objects.count()
        == 7
    )
    assert salin_ke_register(TemuanEvaluasi, TindakLanjutBPK, TindakLanjut) == 0
    t = TemuanEvaluasi.objects.order_by("pk").first()
    e = TindakLanjut.objects.get(asal=f"temuan:{t.pk}")
    assert (e.rekomendasi, e.uraian_tindak_lanjut, e.status) == (
        t.rekomendasi,
        t.tindak_lanjut,
        t.status,
    )
    # two open entries, one overdue
    terbuka = TindakLanjut.objects.filter(organisasi=org, status__in=["belum", "proses"])
    assert terbuka.count() == 2
    assert list(pemilih.terlambat(org).values_list("komponen", flat=True)) == ["Pengukuran Kinerja"]
    entri = terbuka.get(komponen="Pelaporan Kinerja")
    hari = entri.batas_waktu
    assert not pemilih.terlambat(org, hari_ini=hari).filter(pk=entri.pk).exists()  # due today
    assert pemilih.terlambat(org, hari_ini=hari + timedelta(days=1)).filter(pk=entri.pk).exists()
    op = pabrik.pengguna("op_jp", ("operator", org))
    with pytest.raises(Exception, match="Bukti penyelesaian"):
        layanan.tindak_lanjut_ubah(entri=entri, status="selesai", uraian="x", aktor=op)
    with pytest.raises(Exception, match="Alasan tidak dapat"):
        layanan.tindak_lanjut_ubah(entri=entri, status="tidak_dapat", uraian="x", aktor=op)
    lain = pabrik.pengguna("op_lain", ("operator", Organisasi.objects.exclude(pk=org.pk).first()))
    with pytest.raises(Exception, match="unit penanggung jawab"):
        layanan.tindak_lanjut_ubah(entri=entri, status="proses", uraian="x", aktor=lain)
    e = layanan.tindak_lanjut_ubah(
        entri=entri, status="selesai", uraian="Angka diselaraskan", bukti="BA reviu", aktor=op
    )
    assert e.ditutup_oleh == op and e.ditutup_pada is not None
    assert not pemilih.terlambat(org, hari_ini=hari + timedelta(days=1)).filter(pk=e.pk).exists()


def test_tabel_tindak_lanjut_lkip_dari_register(demo):
    org = demo["org"]

    def tabel():
        dok = susun_lkip(org, 2024)
        return next(
            b.tabel
            for b in dok.tabel
            if b.tabel.judul.startswith("Tindak lanjut hasil evaluasi internal")
        )

    t = tabel()
    assert len(t.baris) == 18 and all(b[4] == "Selesai" for b in t.baris)
    e = (
        TindakLanjut.objects.filter(organisasi=org, sumber="lhe", tahun=2023)
        .order_by("urutan")
        .first()
    )
    TindakLanjut.objects.filter(pk=e.pk).update(
        status="proses", uraian_tindak_lanjut="Dari register"
    )
    t = tabel()
    assert t.baris[0][3] == "Dari register" and t.baris[0][4] == "Dalam proses"


def test_halaman_beranda_dasbor_dan_api(demo, client):
    org = demo["org"]
    pimpinan = pabrik.pengguna("pimp_jp", ("pimpinan", org))
    client.force_login(pimpinan)
    teks = client.get("/").content.decode()
    assert "Tindak lanjut melewati batas waktu" in teks and "Dokumentasikan rapat pimpinan" in teks
    teks = client.get("/o/jakarta-pusat/2024/").content.decode()
    assert "Tindak lanjut melewati batas waktu" in teks
    teks = client.get("/evaluasi/jakarta-pusat/").content.decode()
    assert "25,50" in teks and "85,75" in teks and "25.50" not in teks
    r = client.get("/api/organisasi/jakarta-pusat/2024/lke")
    assert r.status_code == 200
    d = r.json()
    assert (d["versi"], d["status"], d["nilai_penetapan"], d["predikat"]) == (
        "88-2021",
        "final",
        "85.75",
        "A",
    )
    assert [k["nilai_penetapan"] for k in d["komponen"]] == ["25.50", "25.50", "12.75", "22.00"]
    assert len(d["komponen"][0]["sub_komponen"]) == 3
    r = client.get("/api/organisasi/jakarta-pusat/tindak-lanjut")
    assert r.status_code == 200 and len(r.json()) == 27
    assert sum(e["terlambat"] for e in r.json()) == 1
    assert client.get("/api/organisasi/jakarta-pusat/1999/lke").status_code == 422
    # a kelurahan operator: the city's worksheet is final, so readable; a draft one is not
    kel = Organisasi.objects.get(slug="jakarta-pusat-kel-cideng")
    op = pabrik.pengguna("op_cideng", ("operator", kel))
    LembarKerja.objects.filter(pk=demo["lembar"].pk).update(status="ditinjau")
    client.force_login(op)
    assert client.get("/api/organisasi/jakarta-pusat/2024/lke").status_code == 404
    assert client.get("/evaluasi/jakarta-pusat/lke/2024/").status_code == 403
    skema = client.get("/api/openapi.json").json()
    jalur = skema["paths"]["/api/organisasi/{slug}/{tahun}/lke"]["get"]
    assert {"200", "401", "404", "422"} <= set(jalur["responses"])
    tahun = next(p for p in jalur["parameters"] if p["name"] == "tahun")
    assert tahun["schema"]["minimum"] == 2000
    client.logout()
    assert client.get("/api/organisasi/jakarta-pusat/tindak-lanjut").status_code == 401


def test_unduh_dan_rekap_halaman(demo, client):
    pimpinan = pabrik.pengguna("pimp_jp", ("pimpinan", demo["org"]))
    client.force_login(pimpinan)
    r = client.get("/evaluasi/jakarta-pusat/lke/2024/unduh.docx")
    assert r.status_code == 200 and r["Content-Type"].endswith("document")
    r = client.get("/evaluasi/jakarta-pusat/lke/2024/unduh.xlsx")
    assert r.status_code == 200
    teks = client.get("/evaluasi/jakarta-pusat/lke/2024/").content.decode()
    assert "85,75" in teks and "Jawaban berbeda dari saran" in teks and "<svg" in teks
    teks = client.get("/evaluasi/jakarta-pusat/lke/2024/rekap/").content.decode()
    assert "85,75" in teks and date.today().year
