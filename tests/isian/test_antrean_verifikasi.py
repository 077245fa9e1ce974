"""The verification queue: capaian of every row, in a number of queries that does not grow
with the queue."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.pengukuran.models import BuktiDukung, Realisasi, StatusRealisasi
from tests import pabrik

pytestmark = pytest.mark.django_db


def _antrean(n: int):
    """A kecamatan with one kelurahan holding n submitted realisasi: yearly rows against the
    PK target, cumulative semester parts (no capaian) and a year without a PK line."""
    kec = pabrik.organisasi(f"Kecamatan {n}", "kecamatan", slug=f"kec-{n}")
    kel = pabrik.organisasi(f"Kelurahan {n}", "kelurahan", kec, slug=f"kel-{n}")
    op = pabrik.pengguna(f"op{n}", ("operator", kel))
    verif = pabrik.pengguna(f"verif{n}", ("verifikator", kec))
    baris = []
    for i in range(n):
        jenis = ("tahun", "semester", "tahun")[i % 3]
        ind, _ = pabrik.indikator_pk(
            kel,
            nama=f"Indikator {i}",
            target="90",
            frekuensi=jenis,
            cara_agregasi="kumulatif" if jenis == "semester" else "rata_rata",
        )
        baris.append(
            Realisasi(
                indikator=ind,
                organisasi=kel,
                tahun=2025 if i % 3 == 2 else 2024,  # the last kind has no PK in 2025
                jenis_periode=jenis,
                ke=1,
                nilai=Decimal("99"),
                status=StatusRealisasi.DIAJUKAN,
                dibuat_oleh=op,
                diajukan_oleh=op,
            )
        )
    Realisasi.objects.bulk_create(baris)
    for r in Realisasi.objects.filter(organisasi=kel):
        BuktiDukung.objects.create(
            realisasi=r,
            berkas=f"bukti/2024/{r.pk}.pdf",
            nama_asli=f"bukti-{r.pk}.pdf",
            jenis_mime="application/pdf",
            ukuran=1,
            sha256="0" * 64,
            diunggah_oleh=op,
        )
    return verif


def test_antrean_menghitung_capaian_setiap_baris(client):
    client.force_login(_antrean(3))
    html = client.get(reverse("verifikasi")).content.decode()
    # 99 / 90 for the yearly row; the semester part and the row without PK show "-" as
    # capaian, and the row without PK "-" as target too
    assert html.count("110,00%") == 1
    assert html.count('<td class="angka">-</td>') == 3
    assert html.count('id="antrean-') == 3 and "bukti-" in html


def test_jumlah_query_antrean_tidak_tumbuh(client, django_assert_max_num_queries):
    jumlah = []
    for n in (1, 50):
        client.force_login(_antrean(n))
        with django_assert_max_num_queries(
            12
        ):  # fixed: session, user, roles, queue, PK lines, period targets, evidence, tahun, register
            with CaptureQueriesContext(connection) as q:
                resp = client.get(reverse("verifikasi"))
        assert resp.status_code == 200
        assert resp.content.decode().count('id="antrean-') == n
        jumlah.append(len(q))
    assert jumlah[0] == jumlah[1], jumlah


def test_antrean_menampilkan_target_dan_penjelasan_operator(client):
    """Issue 19: the verifier needs the target and the operator's explanation to decide."""
    verif = _antrean(1)
    Realisasi.objects.filter(organisasi__slug="kel-1").update(
        penjelasan="Survei semester II belum selesai; angka sementara dari semester I."
    )
    client.force_login(verif)
    html = client.get(reverse("verifikasi")).content.decode()
    assert '<th scope="col" class="angka">Target</th>' in html
    assert "Penjelasan operator" in html
    assert "Survei semester II belum selesai; angka sementara dari semester I." in html
    assert '<td class="angka">90' in html  # the PK target beside the realisasi 99


def test_operator_tidak_melihat_tab_verifikasi(client):
    """Issue 19: an operator saw a "Verifikasi" tab that led to a 403."""
    kel = pabrik.organisasi("Kelurahan Tab", "kelurahan", slug="kel-tab")
    client.force_login(pabrik.pengguna("op_tab", ("operator", kel)))
    html = client.get(reverse("isian")).content.decode()
    assert reverse("verifikasi") not in html
    assert client.get(reverse("verifikasi")).status_code == 403
    client.force_login(pabrik.pengguna("verif_tab", ("verifikator", kel)))
    assert reverse("verifikasi") in client.get(reverse("isian")).content.decode()
