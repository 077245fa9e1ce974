"""The reviu page: any logged-in user uploads an LKIP, the django-tasks task (immediate
backend here) reviews it, the findings show by chapter and download as XLSX. Attacks:
anonymous user, another user's reviu, a file that is not a report, an encrypted PDF, an
oversized request, a double submit."""

from __future__ import annotations

import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.reviu_unggah.models import ReviuBerkas, StatusReviu
from tests.pabrik import organisasi, pengguna
from tests.reviu.test_berkas import pdf_minimal

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _berkas_sementara(settings, tmp_path):
    # (tasks run at once: tests/conftest.py; its queues include "laporan", which the task
    # decorators check when the URL modules are first imported)
    settings.MEDIA_ROOT = tmp_path / "berkas"


@pytest.fixture
def operator(client):
    org = organisasi("Kota Uji", jenis="kota")
    u = pengguna("operator-uji", ("operator", org))
    client.force_login(u)
    return u


def _unggah(client, cb, nama: str, isi: bytes):
    with cb(execute=True):
        return client.post(
            reverse("reviu_unggah:halaman"), {"berkas": SimpleUploadedFile(nama, isi)}
        )


def test_perlu_masuk(client):
    r = client.get(reverse("reviu_unggah:halaman"))
    assert r.status_code == 302 and "masuk" in r["Location"]


def test_unggah_seed_temuan_per_bab_dan_xlsx(
    client, operator, seed, django_capture_on_commit_callbacks
):
    r = _unggah(client, django_capture_on_commit_callbacks, "lkip-2024.txt", seed.read_bytes())
    rb = ReviuBerkas.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("reviu_unggah:detail", args=[rb.pk])
    assert rb.status == StatusReviu.SELESAI and rb.jumlah_temuan >= 30
    halaman = client.get(r["Location"]).content.decode()
    assert "BAB III: AKUNTABILITAS KINERJA" in halaman and "104,18%" in halaman
    assert 'http-equiv="refresh"' not in halaman
    x = client.get(reverse("reviu_unggah:xlsx", args=[rb.pk]))
    ws = load_workbook(io.BytesIO(x.content)).active
    assert ws.max_row - 2 == rb.jumlah_temuan
    assert "lkip-2024-reviu.xlsx" in x["Content-Disposition"]
    daftar = client.get(reverse("reviu_unggah:halaman")).content.decode()
    assert "lkip-2024.txt" in daftar


def test_reviu_orang_lain_404(client, operator, seed, django_capture_on_commit_callbacks):
    _unggah(client, django_capture_on_commit_callbacks, "lkip.txt", seed.read_bytes())
    rb = ReviuBerkas.objects.get()
    client.force_login(pengguna("pembaca-lain"))
    assert client.get(reverse("reviu_unggah:detail", args=[rb.pk])).status_code == 404
    assert client.get(reverse("reviu_unggah:xlsx", args=[rb.pk])).status_code == 404
    assert "lkip.txt" not in client.get(reverse("reviu_unggah:halaman")).content.decode()


def test_unggah_ganda_satu_reviu(client, operator, seed, django_capture_on_commit_callbacks):
    isi = seed.read_bytes()
    a = _unggah(client, django_capture_on_commit_callbacks, "a.txt", isi)
    b = _unggah(client, django_capture_on_commit_callbacks, "a.txt", isi)
    assert ReviuBerkas.objects.count() == 1 and a["Location"] == b["Location"]


def test_bukan_laporan_ditolak_sebelum_disimpan(
    client, operator, django_capture_on_commit_callbacks
):
    r = _unggah(
        client,
        django_capture_on_commit_callbacks,
        "foto.pdf",
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    )
    assert ReviuBerkas.objects.count() == 0
    pesan = client.get(r["Location"]).content.decode()
    assert "bukan PDF, DOCX atau teks" in pesan


def test_pdf_terenkripsi_gagal_dengan_pesan(client, operator, django_capture_on_commit_callbacks):
    r = _unggah(
        client, django_capture_on_commit_callbacks, "terkunci.pdf", pdf_minimal(terenkripsi=True)
    )
    rb = ReviuBerkas.objects.get()
    assert rb.status == StatusReviu.GAGAL and "terenkripsi" in rb.pesan
    halaman = client.get(r["Location"]).content.decode()
    assert "terenkripsi" in halaman and "Traceback" not in halaman


def test_permintaan_terlalu_besar_tidak_dibaca(client, operator):
    r = client.post(
        reverse("reviu_unggah:halaman"),
        data=b"x",
        content_type="multipart/form-data; boundary=batas",
        # above the page's 50 MB but under the site-wide upload cap (KINERJA_BATAS_UNGGAH_MB,
        # 60 MB: larger bodies get the 413 page before any middleware reads them)
        CONTENT_LENGTH=str(55 * 1024 * 1024),
    )
    assert r.status_code == 302 and ReviuBerkas.objects.count() == 0
    assert "melebihi batas 50 MB" in client.get(r["Location"]).content.decode()


def test_tanpa_berkas(client, operator):
    r = client.post(reverse("reviu_unggah:halaman"), {})
    assert ReviuBerkas.objects.count() == 0
    assert "Pilih berkas LKIP" in client.get(r["Location"]).content.decode()


def _tabel_teks(judul: str, *baris) -> str:
    kepala = "\t".join(["No", "Uraian", "Pagu", "Realisasi", "Persen"])
    nomor = "\t".join(str(i) for i in range(1, 6))
    isi = "\n".join("\t".join(str(x) for x in b) for b in baris)
    return f"{kepala}\n{nomor}\n{isi}\n\n{judul}\n\n"


def test_unggah_dengan_lkip_tahun_lalu_menandai_tabel_tersalin(
    client, operator, django_capture_on_commit_callbacks
):
    baris = ([1, "Belanja A", "1.000", "900", "90,00"], [2, "Belanja B", "2.000", "1.500", "75,00"])
    kini = _tabel_teks("Tabel 8 Realisasi anggaran tahun 2024", *baris).encode()
    lalu = _tabel_teks("Tabel 7 Realisasi anggaran tahun 2023", *baris).encode()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            reverse("reviu_unggah:halaman"),
            {
                "berkas": SimpleUploadedFile("lkip-2024.txt", kini),
                "pembanding": SimpleUploadedFile("lkip-2023.txt", lalu),
            },
        )
    rb = ReviuBerkas.objects.get()
    assert rb.status == StatusReviu.SELESAI and rb.nama_pembanding == "lkip-2023.txt"
    salinan = [t for t in rb.temuan if t["aturan"] == "tabel_salinan_tahun_lalu"]
    assert len(salinan) == 1 and "lkip-2023.txt" in salinan[0]["hitung"]
    halaman = client.get(r["Location"]).content.decode()
    assert "Dibandingkan dengan LKIP tahun lalu: lkip-2023.txt" in halaman
    # a comparison file that is not a report is refused by name; nothing is stored
    r = client.post(
        reverse("reviu_unggah:halaman"),
        {
            "berkas": SimpleUploadedFile("lkip-2024b.txt", kini + b" "),
            "pembanding": SimpleUploadedFile("lalu.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
        },
    )
    assert ReviuBerkas.objects.count() == 1
    pesan = html.unescape(client.get(r["Location"]).content.decode())
    assert "Berkas pembanding 'lalu.pdf' bukan PDF" in pesan
