"""Browser test of the LKE worksheet with Debian's Chromium (Playwright, no download).

The assigned evaluator opens a submitted worksheet, opens the evidence linked to criterion
1.a.4 (the unit's PK, in a new tab), tries to set a different nilai penetapan without a
reason (refused, message names the criterion), then sets it with a reason and sees the
score table change. Without /usr/bin/chromium the test FAILS."""

from __future__ import annotations

import pytest

from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi.models import Jawaban
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk
from tests.evaluasi.bantu import isi_semua, pohon_evaluasi

pytestmark = pytest.mark.django_db(transaction=True)


def test_evaluator_meninjau_satu_jawaban_dengan_bukti(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with _chromium() as peramban:
        _alur(peramban, live_server)


def _alur(peramban, live_server):
    p = pohon_evaluasi()
    _ind, butir = pabrik.indikator_pk(p["kel_a"], nama="Indeks Kepuasan Uji")
    lembar = p["lembar"]
    isi_semua(lembar, p["op_a"])
    j = lembar.jawaban.get(kode="1.a.4")
    layanan.bukti_tautkan(jawaban=j, jenis="pk", objek_id=butir.pk_dokumen_id, aktor=p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])

    ev = _masuk(peramban, live_server, "evaluator", viewport={"width": 1280, "height": 900})
    ev.goto(f"{live_server.url}/evaluasi/kelurahan-a/lke/2024/")
    assert ev.locator("#status-lembar").inner_text() == "Diajukan ke evaluator"
    assert ev.locator("#total-penetapan").inner_text() == "0,00"
    baris = ev.locator('tr[data-kode="1.a.4"]')

    # 1. Open the evidence: the unit's PK page, in a new tab.
    with ev.context.expect_page() as tab:
        baris.get_by_role("link", name="Perjanjian Kinerja 2024 (Ditandatangani)").click()
    pk = tab.value
    pk.wait_for_load_state()
    assert "/perencanaan/pk/kelurahan-a/2024/" in pk.url
    assert "Indeks Kepuasan Uji" in pk.content()
    pk.close()

    # 2. A different value without a reason is refused; nothing saved.
    baris.get_by_label("Tetapkan nilai lain").check()
    baris.get_by_label("Nilai penetapan").select_option("T")
    baris.get_by_role("button", name="Simpan tinjauan").click()
    ev.get_by_text("Alasan nilai penetapan kriteria 1.a.4 wajib diisi.").wait_for()
    assert not Jawaban.objects.get(pk=j.pk).ditinjau

    # 3. With a reason: saved, shown as changed, score recomputed.
    baris = ev.locator('tr[data-kode="1.a.4"]')
    baris.get_by_label("Tetapkan nilai lain").check()
    baris.get_by_label("Nilai penetapan").select_option("T")
    baris.get_by_label("Alasan / catatan").fill("PK belum memuat indikator outcome.")
    baris.get_by_role("button", name="Simpan tinjauan").click()
    ev.get_by_text("Tinjauan kriteria 1.a.4 disimpan.").wait_for()
    sel = ev.locator('tr[data-kode="1.a.4"] td.penetapan')
    assert "T" in sel.inner_text() and "diubah dari Y" in sel.inner_text()
    _foto(ev, "evaluasi_lke_tinjau")
    j.refresh_from_db()
    assert (j.nilai_penetapan, j.ditinjau, j.ditinjau_oleh.username) == ("T", True, "evaluator")
