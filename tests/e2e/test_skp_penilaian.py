"""Browser test of the SKP assessment (issue 16) with Debian's Chromium (Playwright).

The lurah (atasan langsung) logs in, opens "SKP saya" from the start page, follows the link
to one staff member, reads their RHK (linked to the lurah's own RHK), rates hasil kerja
"di atas ekspektasi" and perilaku "di bawah ekspektasi" with feedback on one BerAKHLAK value
and signs: the page shows the predikat of the matrix (Butuh Perbaikan) and the signed
assessment; a second attempt to change it is refused as locked. The staff member then sees
the assessment but no rating form. Screenshots go to var/artefak/."""

from __future__ import annotations

import pytest

from kinerja.skp.models import Penilaian
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk
from tests.skp.bantu import rhk, staf

pytestmark = pytest.mark.django_db(transaction=True)


def test_atasan_menilai_satu_pegawai(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with _chromium() as peramban:
        _alur(peramban, live_server)


def _alur(peramban, live_server):
    p = staf()
    _, butir = pabrik.indikator_pk(p["kel_a"], nama="Persentase aduan selesai")
    r_lurah = rhk(p["lurah_a"], "Aduan warga kelurahan tertangani", butir=butir)
    rhk(p["staf_a"], "Aduan tercatat dan diteruskan", atasan=r_lurah)

    lurah = _masuk(peramban, live_server, "u_lurah_a")
    lurah.goto(f"{live_server.url}/?tahun=2024")
    lurah.get_by_role("link", name="SKP saya 2024").click()
    lurah.get_by_role("link", name="Staf A").click()
    lurah.get_by_text("RHK atasan yang diintervensi: Aduan warga kelurahan tertangani").wait_for()

    lurah.get_by_label("Rating hasil kerja").select_option("di_atas")
    lurah.get_by_label("Rating perilaku kerja (BerAKHLAK)").select_option("di_bawah")
    lurah.get_by_label("Umpan balik: Kolaboratif").fill(
        "Libatkan seksi lain saat meneruskan aduan."
    )
    lurah.get_by_label("Tandatangani (penilaian terkunci setelahnya)").check()
    lurah.get_by_role("button", name="Simpan penilaian").click()
    lurah.get_by_text("Penilaian ditandatangani: predikat Butuh Perbaikan.").wait_for()
    baris = lurah.locator("#penilaian tbody tr").first.inner_text()
    assert (
        "Di atas ekspektasi" in baris and "Butuh Perbaikan" in baris and "Ditandatangani" in baris
    )
    _foto(lurah, "skp_penilaian_atasan")

    # signed: a change is refused, the stored rating stays
    lurah.get_by_label("Rating hasil kerja").select_option("di_bawah")
    lurah.get_by_role("button", name="Simpan penilaian").click()
    lurah.get_by_text("terkunci dan tidak dapat diubah").wait_for()
    pn = Penilaian.objects.get()
    assert (pn.rating_hasil, pn.predikat, pn.penilai_id) == (
        "di_atas",
        "butuh_perbaikan",
        p["lurah_a"].pk,
    )

    pegawai = _masuk(peramban, live_server, "u_staf_a")
    pegawai.goto(f"{live_server.url}/skp/pegawai/{p['staf_a'].pk}/2024/")
    assert "Butuh Perbaikan" in pegawai.locator("#penilaian").inner_text()
    assert pegawai.locator("#form-nilai").count() == 0
