"""The SAKIP cycle in the web app: the header navigation (six stages, the current one marked,
links that need a unit and year resolved for the user), the start page's cards per unit and
stage with the links of each role and a status line, the stage pages, and bounded queries
whatever the number of units."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kinerja.pengukuran import layanan
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei.models import Respon
from tests import pabrik

pytestmark = pytest.mark.django_db

TAHUN = 2024
TAHAP = ["Perencanaan", "Pengukuran", "Survei", "Anggaran", "Pelaporan", "Evaluasi"]


def _putaran(org, aktor, tahun=TAHUN):
    k = kuesioner_baku("skm")
    return putaran_buat(
        kuesioner=k, organisasi=org, layanan=k.layanan.order_by("urutan").first(),
        jenis_periode="semester", tahun=tahun, ke=1, aktor=aktor, status="dibuka",
    )  # fmt: skip


@pytest.fixture
def p():
    """pohon_kecil with an admin at the kecamatan; Kelurahan A has a semester indicator in
    its PK 2024 with semester I verified and semester II waiting for the kecamatan's
    verifier, and an SKM round with one response flagged as doubtful."""
    p = pabrik.pohon_kecil()
    p["admin"] = pabrik.pengguna("admin_kec", ("admin", p["kec"]))
    ind, _ = pabrik.indikator_pk(p["kel_a"], tahun=TAHUN, frekuensi="semester")
    for ke in (1, 2):
        r = layanan.realisasi_simpan(
            indikator=ind, tahun=TAHUN, jenis_periode="semester", ke=ke, nilai="100",
            aktor=p["op_a"],
        )  # fmt: skip
        layanan.realisasi_ajukan(realisasi=r, aktor=p["op_a"])
        if ke == 1:
            layanan.realisasi_verifikasi(realisasi=r, aktor=p["verif"])
    p["putaran"] = _putaran(p["kel_a"], p["op_a"])
    Respon.objects.create(
        putaran=p["putaran"], diterima_pada=timezone.now(), saluran="web", status="meragukan"
    )
    return p


def _masuk(client, user, tahun=TAHUN):
    client.force_login(user)
    if tahun is not None:  # choose the working year once, as a user does on the start page
        assert client.get(reverse("beranda"), {"tahun": tahun}).status_code == 200
    return client


def _navigasi(html: str) -> list[tuple[str, str, str]]:
    """(label, href, aria-current) of the header's stage links."""
    (nav,) = re.findall(r'<nav class="siklus" aria-label="Siklus SAKIP">(.*?)</nav>', html, re.S)
    return [
        (label, href, kini or "")
        for href, kini, label in re.findall(
            r'<a href="([^"]+)"(?: aria-current="(\w+)")?>([^<]+)</a>', nav
        )
    ]


def _kartu(r, unit: str) -> dict:
    """{stage: card} of one unit on the start page or a stage page (from the context)."""
    (ku,) = [ku for ku in r.context["unit"] if ku.unit.organisasi.nama == unit]
    return {k.tahap.judul: k for k in ku.kartu}


def _label(kartu) -> list[str]:
    return [t.label for t in kartu.tautan]


def _utama(kartu) -> list[str]:
    return [t.label for t in kartu.tautan if t.utama]


# --- navigation ---------------------------------------------------------------------------


def test_tamu_tidak_melihat_navigasi_siklus(client):
    html = client.get(reverse("masuk")).content.decode()
    assert 'aria-label="Siklus SAKIP"' not in html
    assert f'href="{reverse("masuk")}"' in html


def test_navigasi_enam_tahap_berurutan_dengan_tujuan_unit_tunggal(client, p):
    html = _masuk(client, p["op_a"]).get(reverse("beranda")).content.decode()
    nav = _navigasi(html)
    assert [n[0] for n in nav] == TAHAP
    href = {label: h for label, h, _ in nav}
    assert href == {
        "Perencanaan": reverse("perencanaan:daftar") + f"?tahun={TAHUN}",
        "Pengukuran": reverse("tahap", args=["pengukuran"]) + f"?tahun={TAHUN}",
        "Survei": reverse("tahap", args=["survei"]) + f"?tahun={TAHUN}",
        # one unit: straight to its page
        "Anggaran": reverse("anggaran:dasbor", args=["kelurahan-a", TAHUN]),
        "Pelaporan": reverse("lkip:halaman", args=["kelurahan-a", TAHUN]),
        "Evaluasi": reverse("evaluasi", args=["kelurahan-a"]),
    }
    assert not any(kini for *_, kini in nav)  # the start page is no stage...
    assert '<a class="merek" href="/" aria-current="page">' in html  # ...it is the brand's
    assert "Keluar" in html and '<nav class="sub" aria-label="Navigasi halaman"></nav>' in html


def test_navigasi_tanpa_parameter_tahun_terakhir_berdata_atau_tahun_berjalan(client, p):
    """Without a chosen year the links use the latest year with a PK in the user's units
    (issue 19: not an empty calendar year), and the current year when there is none."""
    client.force_login(p["op_a"])
    html = client.get(reverse("beranda")).content.decode()
    href = {label: h for label, h, _ in _navigasi(html)}
    assert href["Pelaporan"] == reverse("lkip:halaman", args=["kelurahan-a", TAHUN])
    client.force_login(p["op_b"])  # kelurahan B has no PK at all
    html = client.get(reverse("beranda")).content.decode()
    href = {label: h for label, h, _ in _navigasi(html)}
    ini = dt.date.today().year
    assert href["Perencanaan"] == reverse("perencanaan:daftar")
    assert href["Survei"] == reverse("tahap", args=["survei"])
    assert href["Pelaporan"] == reverse("lkip:halaman", args=["kelurahan-b", ini])


def test_navigasi_banyak_unit_menuju_halaman_tahap(client, p):
    html = _masuk(client, p["admin"]).get(reverse("beranda")).content.decode()
    assert [n[0] for n in _navigasi(html)] == TAHAP  # admin at the kecamatan: one unit
    multi = pabrik.pengguna("multi", ("operator", p["kel_a"]), ("operator", p["kel_b"]))
    html = _masuk(client, multi).get(reverse("beranda")).content.decode()
    href = {label: h for label, h, _ in _navigasi(html)}
    for kode, label in [("anggaran", "Anggaran"), ("pelaporan", "Pelaporan")]:
        assert href[label] == reverse("tahap", args=[kode]) + f"?tahun={TAHUN}"
    r = client.get(href["Anggaran"])
    assert r.status_code == 200
    isi = r.content.decode()
    for slug in ("kelurahan-a", "kelurahan-b"):
        assert reverse("anggaran:dasbor", args=[slug, TAHUN]) in isi
    assert ("Anggaran", href["Anggaran"], "page") in _navigasi(isi)


@pytest.mark.parametrize(
    ("nama", "args", "tahap", "kini"),
    [
        ("perencanaan:daftar", [], "Perencanaan", "page"),
        ("perencanaan:pk", ["kelurahan-a", TAHUN], "Perencanaan", "true"),
        ("pk", ["kelurahan-a", TAHUN], "Perencanaan", "true"),
        ("dasbor", ["kelurahan-a", TAHUN], "Pengukuran", "true"),
        ("kelengkapan", ["kelurahan-a", TAHUN], "Pengukuran", "true"),
        ("isian", [], "Pengukuran", "true"),
        ("pertukaran", ["kelurahan-a", TAHUN], "Pengukuran", "true"),
        ("tahap", ["pengukuran"], "Pengukuran", "page"),
        ("tahap", ["survei"], "Survei", "page"),
        ("survei_hasil", ["kelurahan-a", "skm-kelurahan-dki", TAHUN], "Survei", "true"),
        ("anggaran:dasbor", ["kelurahan-a", TAHUN], "Anggaran", "page"),
        ("lkip:halaman", ["kelurahan-a", TAHUN], "Pelaporan", "page"),
        ("evaluasi", ["kelurahan-a"], "Evaluasi", "page"),
    ],
)
def test_tahap_halaman_ditandai_aria_current(client, p, nama, args, tahap, kini):
    r = _masuk(client, p["op_a"]).get(reverse(nama, args=args))
    assert r.status_code == 200
    nav = _navigasi(r.content.decode())
    assert [(label, k) for label, _, k in nav if k] == [(tahap, kini)]


def test_survei_putaran_ditandai(client, p):
    r = _masuk(client, p["op_a"]).get(reverse("survei_putaran", args=[p["putaran"].pk]))
    assert [label for label, _, k in _navigasi(r.content.decode()) if k] == ["Survei"]


def test_navigasi_halaman_isian_tetap_ada(client, p):
    """The entry pages' own links (block navigasi) stay, below the stages."""
    html = _masuk(client, p["verif"]).get(reverse("verifikasi")).content.decode()
    (sub,) = re.findall(r'<nav class="sub" aria-label="Navigasi halaman">(.*?)</nav>', html, re.S)
    assert f'href="{reverse("isian")}"' in sub and f'href="{reverse("verifikasi")}"' in sub
    assert [n[0] for n in _navigasi(html)] == TAHAP


def test_navigasi_mengikuti_tahun_halaman(client, p):
    _masuk(client, p["op_a"], tahun=None)
    html = client.get(reverse("dasbor", args=["kelurahan-a", 2023])).content.decode()
    href = {label: h for label, h, _ in _navigasi(html)}
    assert href["Anggaran"] == reverse("anggaran:dasbor", args=["kelurahan-a", 2023])
    assert href["Survei"] == reverse("tahap", args=["survei"]) + "?tahun=2023"


def test_tahun_kerja_disimpan_dan_tahun_tidak_sah_diabaikan(client, p):
    _masuk(client, p["op_a"], tahun=2023)
    html = client.get(reverse("isian")).content.decode()  # a page without a year of its own
    href = {label: h for label, h, _ in _navigasi(html)}
    assert href["Pelaporan"] == reverse("lkip:halaman", args=["kelurahan-a", 2023])
    for salah in ("abc", "99999", "1200"):
        r = client.get(reverse("beranda"), {"tahun": salah})
        assert r.status_code == 200 and r.context["tahun"] == 2023
    assert client.get(reverse("tahap", args=["survei"]), {"tahun": "2025"}).context["tahun"] == 2025
    assert client.get(reverse("beranda")).context["tahun"] == 2025


# --- start page per role ------------------------------------------------------------------


def test_beranda_butuh_masuk(client):
    r = client.get(reverse("beranda"))
    assert r.status_code == 302 and reverse("masuk") in r["Location"]


def test_beranda_operator(client, p):
    r = _masuk(client, p["op_a"]).get(reverse("beranda"))
    k = _kartu(r, "Kelurahan A")
    assert list(k) == TAHAP
    assert _label(k["Pengukuran"])[0] == "Isi realisasi dan unggah bukti dukung"
    assert k["Pengukuran"].tautan[0].url == (
        reverse("isian") + f"?tahun={TAHUN}#unit-{p['kel_a'].pk}"
    )
    assert k["Pengukuran"].status == ["Kelengkapan 2024: 50,0% terverifikasi (1 dari 2 periode)"]
    assert "Antrean verifikasi" not in _label(k["Pengukuran"])
    assert "Impor dan ekspor Excel" in _label(k["Pengukuran"])
    assert _utama(k["Perencanaan"]) == ["Susun dan revisi PK 2024"]
    assert _utama(k["Survei"]) == ["Putaran: impor respon, tautan publik dan QR"]
    assert "Hasil IKM 2024" in _label(k["Survei"])
    assert "Antrean tinjauan respon" not in _label(k["Survei"])
    assert k["Survei"].status == ["1 putaran survei tahun 2024"]
    assert _utama(k["Anggaran"]) == ["Isi data anggaran"]
    assert _label(k["Evaluasi"]) == ["Hasil evaluasi dan tindak lanjut"]
    html = r.content.decode()
    assert '<a href="/isian/?tahun=2024#unit-' in html and 'class="utama"' in html
    assert "Operator / pengampu" in html


def test_beranda_verifikator(client, p):
    r = _masuk(client, p["verif"]).get(reverse("beranda"))
    k = _kartu(r, "Kecamatan Uji")
    assert _label(k["Pengukuran"])[0] == "Antrean verifikasi"
    assert "1 realisasi menunggu verifikasi" in k["Pengukuran"].status
    # the kecamatan's own PK is empty; its kelurahan's count
    assert k["Pengukuran"].status[0] == "Kelengkapan 2024: 50,0% terverifikasi (1 dari 2 periode)"
    assert "Isi realisasi dan unggah bukti dukung" not in _label(k["Pengukuran"])
    assert "Impor dan ekspor Excel" not in _label(k["Pengukuran"])
    assert _label(k["Survei"])[0] == "Antrean tinjauan respon"
    assert k["Survei"].tautan[0].url == reverse("publik_antrean", args=["kecamatan-uji"])
    assert "1 respon meragukan menunggu tinjauan" in k["Survei"].status
    assert "Isi data anggaran" not in _label(k["Anggaran"])


def test_beranda_pimpinan(client, p):
    r = _masuk(client, p["pimpinan"]).get(reverse("beranda"))
    k = _kartu(r, "Kota Uji")
    assert _utama(k["Pengukuran"]) == ["Dasbor capaian 2024"]
    assert _utama(k["Pelaporan"]) == ["LKIP 2024: bangun dan unduh"]
    assert _utama(k["Survei"]) == ["Hasil IKM 2024"]
    semua = [t for kartu in k.values() for t in _label(kartu)]
    for bukan in (
        "Isi realisasi dan unggah bukti dukung",
        "Antrean verifikasi",
        "Impor dan ekspor Excel",
        "Isi data anggaran",
        "Antrean tinjauan respon",
    ):
        assert bukan not in semua
    assert k["Pelaporan"].tautan[0].url == reverse("lkip:halaman", args=["kota-uji", TAHUN])


def test_beranda_evaluator(client, p):
    r = _masuk(client, p["evaluator"]).get(reverse("beranda"))
    k = _kartu(r, "Kota Uji")
    assert _utama(k["Evaluasi"]) == ["Catat temuan dan tindak lanjut"]
    assert _utama(k["Pelaporan"]) == ["LKIP 2024: bangun dan unduh"]


def test_beranda_admin_semua(client, p):
    r = _masuk(client, p["admin"]).get(reverse("beranda"))
    k = _kartu(r, "Kecamatan Uji")
    semua = {t for kartu in k.values() for t in _label(kartu)}
    assert {
        "Buat PK 2024",
        "PK 2024 semua unit",
        "Isi realisasi dan unggah bukti dukung",
        "Antrean verifikasi",
        "Impor dan ekspor Excel",
        "Antrean tinjauan respon",
        "Hasil IKM 2024",
        "Putaran: impor respon, tautan publik dan QR",
        "Isi data anggaran",
        "Impor Excel anggaran",
        "LKIP 2024: bangun dan unduh",
        "Catat temuan dan tindak lanjut",
    } <= semua
    assert "Impor dan ekspor Excel" in _utama(k["Pengukuran"])
    assert "Dokumentasi API (OpenAPI)" in r.content.decode()


def test_beranda_tanpa_peran(client, db):
    client.force_login(pabrik.pengguna("tanpa_peran"))
    r = client.get(reverse("beranda"))
    assert "belum memiliki peran" in r.content.decode()
    assert [n[0] for n in _navigasi(r.content.decode())] == TAHAP
    assert client.get(reverse("tahap", args=["survei"])).status_code == 200


@pytest.mark.parametrize("peran", ["op_a", "verif", "pimpinan", "evaluator", "admin"])
def test_setiap_tautan_beranda_dapat_dibuka(client, p, peran):
    """Every link the start page offers a role opens (no 403, no 404, no error)."""
    r = _masuk(client, p[peran]).get(reverse("beranda"))
    url = {t.url for ku in r.context["unit"] for k in ku.kartu for t in k.tautan}
    url |= {h for _, h, _ in _navigasi(r.content.decode())}
    for u in sorted(url):
        bagian = urlsplit(u)
        jawab = client.get(bagian.path, dict(x.split("=") for x in bagian.query.split("&") if x))
        assert jawab.status_code == 200, (peran, u, jawab.status_code)


# --- stage pages --------------------------------------------------------------------------


def test_halaman_tahap_survei_daftar_putaran(client, p):
    r = _masuk(client, p["op_a"]).get(reverse("tahap", args=["survei"]))
    isi = r.content.decode()
    pk = p["putaran"].pk
    for nama in ("survei_putaran", "survei_impor", "publik_kelola"):
        assert f'href="{reverse(nama, args=[pk])}"' in isi
    assert f'id="unit-{p["kel_a"].pk}"' in isi  # the beranda's link lands on the unit
    for nama in ("survei_putaran", "survei_impor", "publik_kelola"):
        assert client.get(reverse(nama, args=[pk])).status_code == 200


def test_halaman_tahap_survei_unit_di_bawah(client, p):
    """Units above list the units below that have rounds; choosing one shows its rounds.
    The kecamatan's verifier may review them but neither import nor manage public links."""
    _putaran(p["kel_b"], p["op_b"])
    url = reverse("tahap", args=["survei"])
    r = _masuk(client, p["verif"]).get(url)
    (ku,) = r.context["unit"]
    assert ku.putaran == [] and [(b.nama, b.jumlah, b.putaran) for b in ku.bawahan] == [
        ("Kelurahan A", 1, []),
        ("Kelurahan B", 1, []),
    ]
    isi = r.content.decode()
    assert f'href="?tahun={TAHUN}&amp;unit=kelurahan-a#putaran-kelurahan-a"' in isi
    pk = p["putaran"].pk
    assert reverse("survei_putaran", args=[pk]) not in isi
    isi = client.get(url, {"unit": "kelurahan-a"}).content.decode()
    assert f'href="{reverse("survei_putaran", args=[pk])}"' in isi and "Lihat dan tinjau" in isi
    assert reverse("survei_impor", args=[pk]) not in isi
    assert reverse("publik_kelola", args=[pk]) not in isi
    assert client.get(url, {"unit": "kota-uji"}).status_code == 200  # not below: ignored
    # the kota's pimpinan sees the same units, one level further down
    r = _masuk(client, p["pimpinan"]).get(url, {"unit": "kelurahan-b"})
    (ku,) = r.context["unit"]
    assert [len(b.putaran) for b in ku.bawahan] == [0, 1]


def test_halaman_tahap_tidak_dikenal(client, p):
    assert _masuk(client, p["op_a"]).get(reverse("tahap", args=["lain"])).status_code == 404


def test_halaman_tahap_butuh_masuk(client):
    assert client.get(reverse("tahap", args=["survei"])).status_code == 302


# --- bounded queries ----------------------------------------------------------------------


def _pengguna_n_unit(n: int):
    """A user who is admin and operator of n kelurahan, each with a PK indicator, a
    submitted realisasi, an SKM round and a doubtful response."""
    kota = pabrik.organisasi(f"Kota {n}", "kota_administrasi", slug=f"kota-{n}")
    user = pabrik.pengguna(f"pengguna{n}")
    for i in range(n):
        kel = pabrik.organisasi(f"Kel {n}-{i}", "kelurahan", kota, slug=f"kel-{n}-{i}")
        for peran in ("admin", "operator"):
            user.penugasan.create(organisasi=kel, peran=peran)
        op = pabrik.pengguna(f"op{n}-{i}", ("operator", kel))
        ind, _ = pabrik.indikator_pk(kel, tahun=TAHUN, frekuensi="semester")
        r = layanan.realisasi_simpan(
            indikator=ind, tahun=TAHUN, jenis_periode="semester", ke=1, nilai="100", aktor=op
        )
        layanan.realisasi_ajukan(realisasi=r, aktor=op)
        putaran = _putaran(kel, op)
        Respon.objects.create(
            putaran=putaran, diterima_pada=timezone.now(), saluran="web", status="meragukan"
        )
    return user


@pytest.mark.parametrize(
    ("alamat", "batas"),
    [
        # session, user, roles, PK, subtree, 2 completeness, 2 queues, survey summary,
        # overdue follow-up entries (evaluasi register), the user's pegawai (SKP saya); the
        # monev's due dates (PK lines, realisasi per status, PK, LKIP, LKE, budget dates,
        # rules, dates by hand) and the unread reminders (kinerja.monev, keputusan 0051)
        (("beranda", []), 22),
        # the same for one stage, plus units below with rounds and the rounds shown
        (("tahap", ["survei"]), 13),
    ],
)
def test_kueri_terbatas_satu_dan_lima_unit(client, django_assert_max_num_queries, alamat, batas):
    hitungan = {}
    for n in (1, 5):
        c = _masuk(client, _pengguna_n_unit(n))
        with django_assert_max_num_queries(batas):
            with CaptureQueriesContext(connection) as kueri:
                r = c.get(reverse(alamat[0], args=alamat[1]))
        assert r.status_code == 200 and len(r.context["unit"]) == n
        if alamat[0] == "beranda":  # the statuses were read, for every unit
            status = [s for ku in r.context["unit"] for k in ku.kartu for s in k.status]
            assert status.count("1 realisasi menunggu verifikasi") == n
            assert status.count("1 respon meragukan menunggu tinjauan") == n
        else:
            assert all(len(ku.putaran) == 1 for ku in r.context["unit"])
        hitungan[n] = len(kueri)
    assert hitungan[1] == hitungan[5], hitungan


@pytest.mark.django_db
def test_beranda_dibuka_pada_tahun_terakhir_berdata(client):
    """Issue 19: a new session opened on the calendar year ("Belum ada PK tahun 2026")."""
    from tests import pabrik

    kota = pabrik.organisasi("Kota Tahun", "kota_administrasi", slug="kota-tahun")
    pabrik.indikator_pk(kota, tahun=2024)
    pabrik.indikator_pk(kota, tahun=2023, nama="Indeks lama")
    client.force_login(pabrik.pengguna("pimpinan_tahun", ("pimpinan", kota)))
    html = client.get(reverse("beranda")).content.decode()
    assert "tahun 2024" in html and "Belum ada PK tahun 2026" not in html
    assert client.session["kinerja_tahun"] == 2024  # remembered: no query on the next page


@pytest.mark.django_db
def test_pemilih_unit_dan_tahun_di_halaman_satu_unit(client):
    """Issue 19: a unit and year picker on the pages about one unit, listing the units the
    user may open; the choice leads to the same page for the chosen unit and year."""
    from tests import pabrik

    t = pabrik.pohon_kecil()
    client.force_login(t["pimpinan"])
    for nama in ("dasbor", "lkip:halaman", "anggaran:dasbor"):
        html = client.get(reverse(nama, args=["kota-uji", 2024])).content.decode()
        assert 'aria-label="Pilih unit dan tahun"' in html, nama
        assert html.count('<option value="kelurahan-') == 2  # both kelurahan under the kota
        assert f'name="halaman" value="{nama}"' in html
    r = client.get(
        reverse("pindah_unit"), {"halaman": "lkip:halaman", "slug": "kelurahan-b", "tahun": "2023"}
    )
    assert r.status_code == 302 and r.url == reverse("lkip:halaman", args=["kelurahan-b", 2023])
    assert client.session["kinerja_tahun"] == 2023
    # an operator lists only their own unit; unknown page names are a 404, never a redirect out
    client.force_login(t["op_a"])
    html = client.get(reverse("dasbor", args=["kelurahan-a", 2024])).content.decode()
    assert '<option value="kelurahan-a"' in html and '<option value="kelurahan-b"' not in html
    r = client.get(reverse("pindah_unit"), {"halaman": "//evil.example", "slug": "x"})
    assert r.status_code == 404
    # pages about one object (an indicator) carry no picker
    html = client.get(reverse("beranda")).content.decode()
    assert 'aria-label="Pilih unit dan tahun"' not in html
