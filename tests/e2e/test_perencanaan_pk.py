"""Browser test of the planning pages with Debian's Chromium (Playwright, no download).

A planning officer (the kelurahan's operator) opens "Perencanaan" from the navigation,
creates the PK 2025 of their kelurahan, adds two lines (an indicator of the Renstra and a
new one typed in, after a refused attempt whose message names the field), and sees the PK
in the list and in the existing PK view. Then records the signing and revises one target,
which the audit trail and the PK view show. Screenshots at desktop and phone widths go to
var/artefak/. Without /usr/bin/chromium the test FAILS (``./kinerja test`` installs it).
"""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse

from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja, TargetRenstra
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk
from tests.perencanaan.bantu import indikator

pytestmark = pytest.mark.django_db(transaction=True)
PONSEL = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def test_petugas_perencanaan_menyusun_pk_dua_butir(live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread (see test_alur_realisasi).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with _chromium() as peramban:
        _alur(peramban, live_server)


def _foto_dua(page, nama):
    """The same page at desktop and phone width."""
    _foto(page, f"{nama}_desktop")
    page.set_viewport_size(PONSEL)
    _foto(page, f"{nama}_ponsel")
    page.set_viewport_size(DESKTOP)


def _alur(peramban, live_server):
    mulai = time.monotonic()
    p = pabrik.pohon_kecil()
    ikm = indikator(
        p["kel_a"],
        "Indeks Kepuasan Masyarakat",
        uraian="Meningkatnya kualitas pelayanan",
        satuan="Nilai",
    )
    TargetRenstra.objects.create(indikator=ikm, tahun=2025, nilai="81.25")

    op = _masuk(peramban, live_server, "op_a", viewport=DESKTOP)

    # 1. From the navigation to the list of 2025; the kelurahan has no PK yet.
    op.get_by_role("link", name="Perencanaan", exact=True).click()
    op.get_by_label("Tahun").select_option("2025")
    op.get_by_role("button", name="Tampilkan").click()
    op.get_by_role("link", name="Buat PK Kelurahan A 2025").click()

    # 2. Create the PK (unit and year already chosen by the link).
    assert op.get_by_label("Unit:").input_value() == "kelurahan-a"
    assert op.get_by_label("Tahun:").input_value() == "2025"
    op.get_by_label("Jabatan pihak pertama:").fill("Lurah A")
    op.get_by_label("Nama pihak pertama:").fill("Budi Santoso")
    op.get_by_label("Jabatan pihak kedua:").fill("Camat Uji")
    op.get_by_label("Tempat:").fill("Jakarta")
    op.get_by_role("button", name="Buat PK (draf)").click()
    op.get_by_text("dibuat sebagai draf").wait_for()
    assert op.locator("#status-pk").inner_text().strip() == "Draf"

    # 3. First line: an indicator of the Renstra, with an Indonesian decimal.
    op.get_by_role("link", name="Tambah butir").click()
    op.get_by_label("Indikator:", exact=True).select_option(str(ikm.pk))
    op.get_by_label("Target:", exact=True).fill("82,5")
    op.get_by_role("button", name="Simpan dan tambah lagi").click()
    op.get_by_text("Butir 'Indeks Kepuasan Masyarakat' ditambahkan.").wait_for()

    # 4. Second line: a new indicator under a new sasaran; the missing unit is refused
    #    with a message naming the field, and what was typed stays.
    op.get_by_label("Uraian sasaran baru:").fill("Meningkatnya ketertiban umum")
    op.get_by_label("Nama indikator baru:").fill("Persentase pelanggaran trantib yang ditindak")
    op.get_by_label("Frekuensi pengukuran:").select_option("triwulan")
    op.get_by_label("Target:", exact=True).fill("75")
    op.get_by_role("button", name="Simpan butir").click()
    galat = op.locator("#id_satuan_error").inner_text()
    assert "Satuan wajib diisi untuk indikator baru" in galat
    assert op.get_by_label("Target:", exact=True).input_value() == "75"
    assert op.get_by_label("Frekuensi pengukuran:").input_value() == "triwulan"
    _foto_dua(op, "perencanaan_butir_galat")
    op.get_by_label("Satuan:").fill("%")
    op.get_by_role("button", name="Simpan butir").click()
    op.get_by_text("ditambahkan.").wait_for()
    baris = op.locator("#butir-pk tbody tr")
    assert baris.count() == 2
    assert "82,5" in baris.nth(0).inner_text() and "Nilai" in baris.nth(0).inner_text()
    assert "Persentase pelanggaran trantib" in baris.nth(1).inner_text()
    _foto_dua(op, "perencanaan_pk_draf")

    # 5. The list shows the draft with its two lines.
    op.get_by_role("link", name="Perjanjian Kinerja 2025").click()
    kel = op.locator("#daftar-pk tbody tr", has_text="Kelurahan A")
    assert re.search(r"Draf\s+Lurah A\s+2", kel.inner_text()), kel.inner_text()
    _foto_dua(op, "perencanaan_daftar")

    # 6. The existing PK view shows both lines, marked as a draft.
    op.get_by_role("link", name="Lihat dan cetak PK Kelurahan A 2025").click()
    op.locator("#pk-draf").wait_for()
    dokumen = op.locator("article.dokumen-pk").inner_text()
    assert "Indeks Kepuasan Masyarakat" in dokumen
    assert "Persentase pelanggaran trantib yang ditindak" in dokumen
    assert "Meningkatnya ketertiban umum" in dokumen and "82,5" in dokumen
    _foto_dua(op, "perencanaan_pk_lihat_draf")

    # 7. Record the signing; the PK becomes final.
    op.get_by_role("link", name=re.compile("^Susun PK")).click()
    op.get_by_role("link", name="Catat penandatanganan").click()
    op.get_by_label("Tanggal penandatanganan:").fill("2025-01-02")
    op.locator("#id_konfirmasi").check()
    op.get_by_role("button", name="Catat penandatanganan").click()
    op.get_by_text("Penandatanganan PK tercatat").wait_for()
    assert op.locator("#status-pk").inner_text().strip() == "Ditandatangani"
    assert op.get_by_role("link", name="Tambah butir").count() == 0

    # 8. Revise one target: a numbered revision with basis and reason, kept in the history.
    op.get_by_role("link", name="Revisi target").click()
    op.get_by_label("Dasar hukum revisi:").fill("Instruksi Sekretaris Daerah Nomor 19 Tahun 2024")
    op.get_by_label("Alasan revisi:").fill("Penyesuaian anggaran perubahan")
    op.get_by_label("Target baru Indeks Kepuasan Masyarakat").fill("83")
    _foto_dua(op, "perencanaan_revisi")
    op.get_by_role("button", name="Simpan revisi 1").click()
    op.get_by_text("Revisi 1 tercatat (1 target berubah).").wait_for()
    riwayat = op.locator("#riwayat").inner_text()
    assert "target: 82,5 → 83" in riwayat and "revisi PK 1: Penyesuaian anggaran" in riwayat
    _foto_dua(op, "perencanaan_pk_final")

    op.get_by_role("link", name="Lihat dan cetak dokumen PK").click()
    revisi = op.locator("section.revisi").inner_text()
    assert "Revisi 1" in revisi and "Instruksi Sekretaris Daerah Nomor 19 Tahun 2024" in revisi
    assert op.locator("#pk-draf").count() == 0

    pk = PerjanjianKinerja.objects.get(organisasi=p["kel_a"], tahun=2025)
    assert pk.status == "ditandatangani" and ButirPK.objects.filter(pk_dokumen=pk).count() == 2
    assert reverse("perencanaan:pk", args=["kelurahan-a", 2025]) in op.content()
    print(f"\nalur perencanaan PK di peramban: {time.monotonic() - mulai:.1f} detik")
