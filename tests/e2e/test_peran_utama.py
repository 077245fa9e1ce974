"""Issue 19 acceptance: each role does its main task from the home page by clicking only
(after logging in; the citizen opens the link the demo prints). The operator enters and
submits a realisasi with evidence and an explanation; the verifier sees the target and the
explanation and verifies; the pimpinan opens the dashboard and sees the capaian chart first;
a citizen fills the public survey. Debian's Chromium under Playwright; without it FAILS."""

from __future__ import annotations

import re

import pytest

from kinerja.contoh.kerja_demo import tautan_demo
from kinerja.pengukuran.models import Realisasi
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei.models import Respon
from kinerja.survei_publik.layanan import tautan_buat
from tests import pabrik
from tests.e2e.test_alur_realisasi import PDF, _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)
PENJELASAN = "Dua pengaduan menunggu jawaban dinas teknis; selesai pada semester II."


def test_setiap_peran_mengerjakan_tugas_utamanya_dengan_klik(
    live_server, settings, tmp_path, monkeypatch
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.MEDIA_ROOT = tmp_path / "berkas"
    p = pabrik.pohon_kecil()
    admin = pabrik.pengguna("admin_kota", ("admin", p["kota"]))
    ind, _ = pabrik.indikator_pk(p["kel_a"], target="90", nama="Persentase pengaduan selesai")
    k = kuesioner_baku("skm")
    putaran = putaran_buat(
        kuesioner=k, organisasi=p["kel_a"], layanan=k.layanan.order_by("urutan").first(),
        jenis_periode="semester", tahun=2026, ke=2, aktor=admin, status="dibuka",
    )  # fmt: skip
    tautan = tautan_buat(putaran=putaran, aktor=admin)
    bukti = tmp_path / "Rekap pengaduan 2024.pdf"
    bukti.write_bytes(PDF)

    with _chromium() as peramban:
        # operator: home → entry list → the indicator → value, explanation, evidence, submit
        op = _masuk(peramban, live_server, "op_a")
        op.get_by_role("link", name="Isi realisasi dan unggah bukti dukung").first.click()
        op.get_by_role(
            "link", name=re.compile(r"^Isi realisasi Persentase pengaduan selesai")
        ).click()
        op.get_by_label("Realisasi:", exact=True).fill("86,4")
        op.get_by_label("Penjelasan:", exact=True).fill(PENJELASAN)
        op.get_by_label("Bukti dukung:", exact=True).set_input_files(str(bukti))
        op.get_by_role("button", name="Simpan dan ajukan").click()
        op.get_by_text("Realisasi diajukan untuk diverifikasi.").wait_for()

        # verifier: home → queue; target and explanation beside the value; verify
        ver = _masuk(peramban, live_server, "verif")
        ver.get_by_role("link", name="Antrean verifikasi").first.click()
        baris = ver.locator("tr", has_text="Persentase pengaduan selesai")
        teks = baris.inner_text()
        assert "90" in teks and "86,4" in teks and PENJELASAN in teks, teks
        assert baris.get_by_role("link", name="Rekap pengaduan 2024.pdf").count() == 1
        _foto(ver, "peran-verifikator-antrean")
        baris.get_by_role("button", name=re.compile("^Verifikasi")).click()
        ver.get_by_text("diverifikasi").first.wait_for()
        assert Realisasi.objects.get(indikator=ind).status == "diverifikasi"

        # pimpinan: home → the kelurahan's dashboard (via the kota card) → chart first
        pim = _masuk(peramban, live_server, "pimpinan")
        pim.get_by_role("link", name=re.compile(r"^Dasbor capaian")).first.click()
        pim.locator("#h-anak").wait_for()  # "Unit di bawah": kota → kecamatan → kelurahan
        pim.get_by_role("link", name="Kecamatan Uji").first.click()
        pim.get_by_role("link", name="Kelurahan A").first.click()
        grafik = pim.locator("#grafik-capaian svg[role=img]")
        grafik.wait_for()
        assert grafik.is_visible()
        y_grafik = grafik.bounding_box()["y"]
        assert y_grafik < pim.locator("#h-capaian").bounding_box()["y"]
        assert "96,00%" in pim.locator("#grafik-capaian").inner_html()  # 86,4 / 90
        _foto(pim, "peran-pimpinan-dasbor")

        # citizen: the printed public link, every question answered, sent
        (_label, url), *_ = tautan_demo(tautan, live_server.url)
        warga = peramban.new_context(locale="id-ID").new_page()
        warga.goto(url)
        for fs in warga.locator("fieldset[id^=q-]").all():
            fs.locator("input[type=radio]").nth(2).check()
        for s in warga.locator("fieldset select").all():
            s.select_option(index=1)
        for t in warga.locator("fieldset input[type=text]").all():
            t.fill("30")
        warga.get_by_role("button", name="Kirim jawaban").click()
        warga.get_by_text("Jawaban Anda sudah kami terima").wait_for()
        _foto(warga, "peran-warga-terkirim")
    assert Respon.objects.filter(putaran=putaran).count() == 1
