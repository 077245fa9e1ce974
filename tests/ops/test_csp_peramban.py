"""Content-Security-Policy in a real browser (Debian's Chromium, Playwright): the main pages
load with no CSP violation (no blocked script, style or image) and still look styled.

Before the fix there was no policy at all; with a strict policy but the old templates the
public form, the poster and the survey results broke (inline <style> blocks and style
attributes). Charts are inline matplotlib SVG: their fixed <style> is allowed by its hash.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.pengukuran.layanan import realisasi_simpan
from tests import pabrik
from tests.e2e.test_alur_realisasi import SANDI, _chromium
from tests.survei_publik.conftest import DEMOGRAFI

pytestmark = pytest.mark.django_db(transaction=True)

PENGAMAT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @' + e.lineNumber));
"""


def test_halaman_utama_tanpa_pelanggaran_csp(live_server, dunia, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    kel, kota = dunia["kel"], dunia["kota"]
    ind, _ = pabrik.indikator_pk(kel, tahun=2025, frekuensi="semester", nama="Indeks Uji")
    realisasi_simpan(
        indikator=ind, tahun=2025, jenis_periode="semester", ke=1, aktor=dunia["operator"],
        nilai="80",
    )  # fmt: skip
    url = live_server.url
    with _chromium() as peramban:
        ctx = peramban.new_context(locale="id-ID")
        ctx.set_default_timeout(15_000)
        ctx.add_init_script(PENGAMAT)
        page = ctx.new_page()
        konsol = []
        page.on(
            "console",
            lambda m: konsol.append(m.text) if "Content Security Policy" in m.text else None,
        )
        dilihat = {}

        def buka(jalur, nama):
            r = page.goto(url + jalur)
            assert r.status == 200, f"{nama}: {r.status}"
            page.wait_for_load_state("load")
            dilihat[nama] = page.evaluate("() => window.__csp")

        # public side: the form (answered twice), the thank-you page, the poster
        formulir = reverse("publik_formulir", args=[dunia["t"].kode])
        for _ in range(2):
            buka(formulir, "formulir publik")
            warna = page.evaluate(
                "() => getComputedStyle(document.querySelector('header.pita')).backgroundColor"
            )
            assert warna == "rgb(11, 79, 138)", f"formulir tanpa gaya: {warna}"  # publik.css
            for i in range(1, 10):
                page.locator(f"input[name=b_F{i}][value='4']").check()
            for nama, nilai in DEMOGRAFI.items():
                page.select_option(f"[name={nama}]", nilai)
            page.get_by_role("button", name="Kirim").click()
            page.wait_for_load_state("load")
            dilihat["terima kasih"] = page.evaluate("() => window.__csp")
        buka(reverse("publik_poster", args=[dunia["t"].kode]), "poster")
        buka(reverse("masuk"), "masuk")

        # staff side
        page.fill("#id_username", dunia["admin"].username)
        page.fill("#id_password", SANDI)
        page.get_by_role("button", name="Masuk").click()
        page.wait_for_url(f"{url}/")
        dilihat["beranda"] = page.evaluate("() => window.__csp")
        buka(f"/o/{kel.slug}/2025/", "dasbor")
        buka(f"/survei/{kel.slug}/{dunia['k'].kode}/2025/", "hasil survei")
        svg_gaya = page.locator("svg style").count()
        buka(f"/anggaran/{kota.slug}/2025/", "anggaran")
        buka(f"/lkip/{kota.slug}/2025/", "lkip")
        buka(reverse("publik_kelola", args=[dunia["p"].pk]), "kelola survei publik")
        buka("/api/docs", "dokumen API")
        page.wait_for_selector(".swagger-ui .info", timeout=15_000)  # its scripts ran
        dilihat["dokumen API"] = page.evaluate("() => window.__csp")
        ctx.close()

    assert svg_gaya >= 1, "halaman hasil survei tanpa grafik SVG: hash gaya tidak teruji"
    pelanggaran = {k: v for k, v in dilihat.items() if v}
    assert not pelanggaran and not konsol, (pelanggaran, konsol)
    assert len(dilihat) >= 10
