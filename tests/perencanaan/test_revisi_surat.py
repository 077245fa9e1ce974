"""A PK revision with its legal basis (issue 17, docs/keputusan/0050): the decree or letter's
number, date and PDF (checked by content and size like the evidence uploads), shown with the
targets that changed on the PK page; bad uploads refused in Indonesian, nothing recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kinerja.perencanaan import layanan
from kinerja.perencanaan.models import RevisiPK
from tests.perencanaan.test_layanan import _pk_final

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _revisi(p, a, **lain):
    pk = a.pk_dokumen
    return layanan.pk_revisi(
        pk=pk, aktor=p["op_a"], dasar_hukum="Instruksi Sekda", alasan="Anggaran berubah",
        target_baru={a.pk: "85"}, **lain,
    )  # fmt: skip


def test_revisi_dengan_nomor_tanggal_dan_pdf(p):
    _, a, _, _ = _pk_final(p)
    r = _revisi(
        p, a, nomor_surat="Instruksi Sekda Nomor 19 Tahun 2024",
        tanggal_surat=dt.date(2024, 6, 3), dokumen=SimpleUploadedFile("instruksi.pdf", PDF),
    )  # fmt: skip
    r.refresh_from_db()
    assert (r.nomor_surat, r.tanggal_surat) == (
        "Instruksi Sekda Nomor 19 Tahun 2024",
        dt.date(2024, 6, 3),
    )
    assert r.dokumen_nama == "instruksi.pdf" and r.dokumen_ukuran == len(PDF)
    assert r.dokumen.read().startswith(b"%PDF") and len(r.dokumen_sha256) == 64


@pytest.mark.parametrize(
    ("lain", "bidang", "potongan"),
    [
        ({"nomor_surat": "X", "dokumen": SimpleUploadedFile("a.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 64)},
         "dokumen", "tidak diterima"),
        ({"nomor_surat": "X", "dokumen": SimpleUploadedFile("a.pdf", b"bukan pdf sama sekali")},
         "dokumen", "tidak dikenali"),
        ({"tanggal_surat": dt.date(2024, 6, 3)}, "nomor_surat", "wajib diisi"),
        ({"nomor_surat": "X", "tanggal_surat": dt.date(2999, 1, 1)}, "tanggal_surat", "setelah hari ini"),
    ],
)  # fmt: skip
def test_revisi_surat_buruk_ditolak(p, lain, bidang, potongan):
    _, a, _, _ = _pk_final(p)
    with pytest.raises(ValidationError) as e:
        _revisi(p, a, **lain)
    assert potongan in " ".join(e.value.message_dict[bidang])
    assert not RevisiPK.objects.exists()


@override_settings(KINERJA_BUKTI_MAKS_BYTE=20)
def test_revisi_pdf_terlalu_besar_ditolak(p):
    _, a, _, _ = _pk_final(p)
    with pytest.raises(ValidationError) as e:
        _revisi(p, a, nomor_surat="X", dokumen=SimpleUploadedFile("a.pdf", PDF))
    assert "maksimal" in e.value.message_dict["dokumen"][0]


def test_halaman_revisi_unggah_dan_riwayat(p, client):
    pk, a, b, _ = _pk_final(p)
    slug, tahun = pk.organisasi.slug, pk.tahun
    client.force_login(p["op_a"])
    res = client.post(
        reverse("perencanaan:revisi", args=[slug, tahun]),
        {"dasar_hukum": "Instruksi Sekda", "alasan": "Anggaran berubah", f"target_{a.pk}": "85",
         f"target_{b.pk}": "90",
         "nomor_surat": "Nomor 7 Tahun 2025",
         "tanggal_surat": "2025-02-01", "dokumen": SimpleUploadedFile("surat.pdf", PDF)},
    )  # fmt: skip
    assert res.status_code == 302, res.content.decode()[:3000]
    teks = client.get(reverse("perencanaan:pk", args=[slug, tahun])).content.decode()
    assert "Nomor 7 Tahun 2025, 1 Februari 2025" in teks and "80 → 85" in teks
    unduh = client.get(reverse("perencanaan:revisi_dokumen", args=[slug, tahun, 1]))
    assert unduh.status_code == 200 and unduh["Content-Type"] == "application/pdf"
    client.force_login(p["op_b"])
    assert client.get(reverse("perencanaan:revisi_dokumen", args=[slug, tahun, 1])).status_code in (
        403,
        404,
    )
