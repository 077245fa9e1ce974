"""Browser test of the LKIP's own rules (issue 14): the demo's kelurahan operator
(`operator.cideng`) opens the city's LKIP page, sees no build button and no template upload,
and gets the Indonesian 403 on the city's narrative edit and template upload. Debian's
Chromium under Playwright; without /usr/bin/chromium the test FAILS."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.cli.demo import AKUN_DEMO
from kinerja.lkip.models import NarasiLkip, PekerjaanLkip, TemplatLkip
from kinerja.lkip.templat import templat_bawaan
from tests import pabrik
from tests.e2e.test_alur_realisasi import _chromium, _foto, _masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_cideng_tidak_dapat_mengubah_lkip_kota(live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    username, peran, slug_kel, _jabatan = AKUN_DEMO[0]
    assert username == "operator.cideng"
    kota = pabrik.organisasi(
        "Kota Administrasi Jakarta Pusat", "kota_administrasi", slug="jakarta-pusat"
    )
    kec = pabrik.organisasi("Kecamatan Gambir", "kecamatan", kota, slug="jakarta-pusat-kec-gambir")
    kel = pabrik.organisasi("Kelurahan Cideng", "kelurahan", kec, slug=slug_kel)
    pabrik.pengguna(username, (peran, kel))
    pabrik.indikator_pk(kota, target="90")

    with _chromium() as peramban:
        page = _masuk(peramban, live_server, username)
        halaman = reverse("lkip:halaman", args=["jakarta-pusat", 2024])
        r = page.goto(live_server.url + halaman)
        assert r.status == 200
        assert page.get_by_role("button", name="Bangun LKIP").count() == 0
        assert page.get_by_role("button", name="Periksa dan unggah").count() == 0
        assert page.locator("input[type=file]").count() == 0
        assert "dibangun dan disunting oleh operator" in page.content()
        _foto(page, "lkip-operator-cideng")

        narasi = reverse("lkip:narasi", args=["jakarta-pusat", 2024, "ringkasan.capaian"])
        r = page.goto(live_server.url + narasi)
        assert r.status == 403
        assert "hanya dapat dibangun dan disunting" in page.content()

        token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
        unggah = reverse("lkip:templat_unggah", args=["jakarta-pusat", 2024])
        r = page.request.post(
            live_server.url + unggah,
            headers={"X-CSRFToken": token},
            multipart={
                "berkas": {
                    "name": "templat.docx",
                    "mimeType": "application/octet-stream",
                    "buffer": templat_bawaan().read_bytes(),
                }
            },
        )
        assert r.status == 403
        bangun = reverse("lkip:bangun", args=["jakarta-pusat", 2024])
        r = page.request.post(
            live_server.url + bangun, headers={"X-CSRFToken": token}, form={"format": "xlsx"}
        )
        assert r.status == 403
    assert not TemplatLkip.objects.exists()
    assert not PekerjaanLkip.objects.exists() and not NarasiLkip.objects.exists()
