"""Open data pages and downloads (issue 15): an anonymous client sees Jakarta Pusat's
published, verified 2024 figures (the seed's ILK capaian 104,08%, Tabel 23) and downloads
them as CSV, JSON and XLSX; an unpublished unit (Kecamatan Gambir) is visible nowhere; no
respondent field appears in any output; unknown or unpublished unit/year is an Indonesian 404."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi
from kinerja.pengukuran.pemilih import dasbor
from kinerja.perencanaan.models import Sasaran
from kinerja.survei.models import IsianDemografi, Respon
from kinerja.terbuka import pemilih
from tests import pabrik
from tests.terbuka.conftest import RAHASIA, SLUG_GAMBIR

pytestmark = pytest.mark.django_db

JP = "/terbuka/jakarta-pusat/2024/"


def _semua_keluaran(client) -> dict[str, str]:
    """Every open-data output for the published Jakarta Pusat 2024, as text."""
    keluar = {}
    for alamat in ("/terbuka/", JP, JP + "unduh.csv", JP + "unduh.json", "/terbuka/kamus/",
                   "/terbuka/api/unit", "/terbuka/api/data?unit=jakarta-pusat&tahun=2024"):  # fmt: skip
        r = client.get(alamat)
        assert r.status_code == 200, alamat
        keluar[alamat] = r.content.decode()
    r = client.get(JP + "unduh.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    keluar["xlsx"] = "\n".join(
        "\t".join("" if v is None else str(v) for v in row)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    )
    return keluar


def test_anonim_melihat_angka_terbit_jakarta_pusat(client, contoh):
    r = client.get("/terbuka/")
    assert r.status_code == 200
    html = r.content.decode()
    assert (
        "Kota Administrasi Jakarta Pusat" in html and 'href="/terbuka/jakarta-pusat/2024/"' in html
    )
    r = client.get(JP)
    assert r.status_code == 200
    html = r.content.decode()
    # seed Tabel 23: ILK 104,08%, IKM 101,50%, IEK 106,86% (predikat Sangat Tinggi)
    for angka in ("104,08%", "101,50%", "106,86%"):
        assert angka in html
    assert "Indeks Kepuasan Layanan Kota Administrasi" in html and "(IKU)" in html
    # the same figures as the dashboard's engine for a reader of final figures
    d = dasbor(contoh["jp"], 2024, hanya_terverifikasi=True)
    assert len(d.baris) == 15
    data = pemilih.hitung(contoh["jp"], 2024)
    assert [i["capaian"] for i in data["indikator"]] == [
        b.hasil.capaian.quantize(Decimal("0.01")) if b.hasil and b.hasil.capaian is not None
        else None
        for b in d.baris
    ]  # fmt: skip
    # IKM with its unsur and respondents; NKA
    skm = next(k for k in data["ikm"] if k["jenis"] == "skm")
    assert skm["diterbitkan"] and skm["jumlah_responden"] >= 10 and len(skm["unsur"]) == 9
    assert "Survei kepuasan dan efektivitas" in html and "U9" in html
    assert data["nka"] is not None and data["nka"]["nilai_kinerja_anggaran"] is not None
    assert "Nilai Kinerja Anggaran" in html
    # charts: inline SVG, no script
    assert '<svg class="grafik"' in html and "<script" not in html
    # cacheable a minute, per cookie (the language); a page sets the CSRF cookie of the
    # footer's language form, so only browsers keep it; a download also shared caches
    assert "csrftoken" in r.cookies and r["Cache-Control"] == "private, max-age=60"
    assert "Cookie" in r["Vary"]
    r = client.get(JP + "unduh.csv")
    assert not r.cookies and r["Cache-Control"] == "public, max-age=60"


def test_unduhan_csv_dibaca_balik(client, contoh):
    r = client.get(JP + "unduh.csv")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"]
    baris = list(csv.DictReader(io.StringIO(r.content.decode("utf-8"))))
    assert list(baris[0]) == list(pemilih.KOLOM)
    capaian = {b["kode"]: b for b in baris if b["kelompok"] == "capaian_indikator"}
    assert len(capaian) == 15
    ilk = capaian["ILK"]
    assert (ilk["target"], ilk["realisasi"], ilk["nilai"], ilk["predikat"]) == (
        "93.93", "97.765", "104.08", "Sangat Tinggi"
    )  # fmt: skip
    assert ilk["keterangan"] == "IKU" and ilk["unit"] == "jakarta-pusat" and ilk["tahun"] == "2024"
    ikm = [b for b in baris if b["kelompok"] == "ikm"]
    assert ikm and all(int(b["jumlah_responden"]) >= 10 for b in ikm)
    assert any(b["kelompok"] == "ikm_unsur" for b in baris)
    assert any(b["kelompok"] == "nka" and b["kode"] == "nilai_kinerja_anggaran" for b in baris)


def test_unduhan_json_dan_xlsx(client, contoh):
    r = client.get(JP + "unduh.json")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/json")
    d = json.loads(r.content)
    assert d["unit"]["slug"] == "jakarta-pusat" and d["tahun"] == 2024
    assert next(i for i in d["indikator"] if i["kode"] == "ILK")["capaian"] == "104.08"
    assert d["unduhan"]["csv"] == JP + "unduh.csv"
    r = client.get(JP + "unduh.xlsx")
    assert r.status_code == 200 and "spreadsheetml" in r["Content-Type"]
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["data", "kamus"]
    ws = wb["data"]
    kepala = [c.value for c in ws[1]]
    assert kepala == list(pemilih.KOLOM)
    ilk = next(row for row in ws.iter_rows(min_row=2) if row[4].value == "ILK")
    nilai = ilk[kepala.index("nilai")]
    assert nilai.data_type == "n" and Decimal(str(nilai.value)) == Decimal("104.08")


def test_unit_tak_terbit_tidak_terlihat_di_mana_pun(client, contoh):
    keluar = _semua_keluaran(client)
    for nama, isi in keluar.items():
        assert RAHASIA not in isi, nama
        assert SLUG_GAMBIR not in isi, nama
        assert "77.77" not in isi and "77,77" not in isi, nama
    # direct addresses of the unpublished unit, and query strings asking for it
    for alamat in (
        f"/terbuka/{SLUG_GAMBIR}/2024/",
        f"/terbuka/{SLUG_GAMBIR}/2024/unduh.csv",
        f"/terbuka/{SLUG_GAMBIR}/2024/unduh.json",
        f"/terbuka/{SLUG_GAMBIR}/2024/unduh.xlsx",
        f"/terbuka/{SLUG_GAMBIR}/2024/lkip.pdf",
    ):
        r = client.get(alamat)
        assert r.status_code == 404, alamat
        assert RAHASIA not in r.content.decode(errors="replace")
    for q in (f"?unit={SLUG_GAMBIR}", f"?slug={SLUG_GAMBIR}&tahun=2024", "?tahun=2023&draf=1"):
        for alamat in (JP, JP + "unduh.csv", JP + "unduh.json", "/terbuka/"):
            r = client.get(alamat + q)
            assert r.status_code == 200
            isi = r.content.decode()
            assert RAHASIA not in isi and SLUG_GAMBIR not in isi, alamat + q
    r = client.get(f"/terbuka/api/data?unit={SLUG_GAMBIR}&tahun=2024")
    assert r.status_code == 404 and RAHASIA not in r.content.decode()
    r = client.get(f"/terbuka/api/data?unit=jakarta-pusat,{SLUG_GAMBIR}&tahun=2024")
    assert r.status_code == 404
    assert "104.08" not in r.content.decode() and RAHASIA not in r.content.decode()


def test_tidak_ada_data_responden_di_keluaran_mana_pun(client, contoh):
    keluar = _semua_keluaran(client)
    bidang = {f.name for f in Respon._meta.get_fields()} - {"id", "status", "putaran"}
    kunci_demografi = set(IsianDemografi.objects.values_list("kunci", flat=True))
    saran = set(Respon.objects.exclude(saran="").values_list("saran", flat=True)[:200])
    assert kunci_demografi and saran
    for nama, isi in keluar.items():
        for b in sorted(bidang | kunci_demografi):
            assert f'"{b}"' not in isi and f"\n{b}," not in isi and f",{b}," not in isi, (nama, b)
        for b in ("hash_telepon", "hash_alamat", "id_perangkat", "kunci_kiriman", "diterima_pada"):
            assert b not in isi, (nama, b)
        for s in saran:
            assert s not in isi, (nama, s)


def test_sumber_terbuka_tidak_mengimpor_model_responden():
    folder = Path(pemilih.__file__).parent
    for berkas in folder.rglob("*.py"):
        teks = berkas.read_text()
        for model in ("Respon", "Jawaban", "IsianDemografi", "RekapJawaban", "PeristiwaRespon"):
            assert f"import {model}" not in teks and f" {model}," not in teks, (berkas, model)


def test_404_indonesia_untuk_unit_dan_tahun_tak_dikenal(client, contoh):
    for alamat in (
        "/terbuka/tidak-ada/2024/",
        "/terbuka/jakarta-pusat/2023/",
        "/terbuka/jakarta-pusat/2099/",
        "/terbuka/jakarta-pusat/99999999999999999999/",
        "/terbuka/jakarta-pusat/2023/unduh.csv",
        "/terbuka/jakarta-pusat/2024x/",
    ):
        r = client.get(alamat)
        assert r.status_code == 404, alamat
        html = r.content.decode()
        assert "tidak dikenal" in html or "tidak ditemukan" in html, alamat
        assert "Not Found" not in html


def test_tarik_langsung_berlaku_walau_cache_terisi(client, contoh):
    assert client.get(JP).status_code == 200  # fills the cache
    publikasi_atur(aktor=contoh["admin"], organisasi=contoh["jp"], tahun=2024, terbit=False)
    assert client.get(JP).status_code == 404
    assert client.get(JP + "unduh.csv").status_code == 404
    assert "jakarta-pusat" not in client.get("/terbuka/api/unit").content.decode()
    assert client.get("/terbuka/api/data?unit=jakarta-pusat&tahun=2024").status_code == 404


def test_cache_dan_kueri_terbatas(client, contoh, settings, django_assert_max_num_queries):
    # the rate limit's own counter (django-ratelimit over the database cache: ~12 statements
    # with savepoints; one Redis call with KINERJA_CACHE_URL) is left out of the count
    settings.KINERJA_BATAS_TERBUKA = ""
    client.get(JP)
    with django_assert_max_num_queries(4):  # switch, cached figures, PDF lookup, other years
        assert client.get(JP).status_code == 200
    with CaptureQueriesContext(connection) as satu:
        client.get("/terbuka/")
    for i in range(3):
        o = pabrik.organisasi(f"Unit Terbuka {i}", "kelurahan", contoh["jp"], slug=f"unit-tb-{i}")
        publikasi_atur(aktor=contoh["admin"], organisasi=o, tahun=2024, terbit=True)
    with CaptureQueriesContext(connection) as empat:
        r = client.get("/terbuka/")
    assert "Unit Terbuka 2" in r.content.decode()
    assert len(empat) == len(satu)
    with CaptureQueriesContext(connection) as api_empat:
        assert len(client.get("/terbuka/api/unit").json()["unit"]) == 4
    assert len(api_empat) <= len(satu)


def test_batas_laju_per_alamat(client, contoh, settings):
    settings.KINERJA_BATAS_TERBUKA = "3/m"
    kode = [client.get("/terbuka/kamus/", REMOTE_ADDR="10.9.9.1").status_code for _ in range(4)]
    assert kode == [200, 200, 200, 429]
    r = client.get(JP + "unduh.csv", REMOTE_ADDR="10.9.9.1")
    assert r.status_code == 429 and int(r["Retry-After"]) >= 1
    html = r.content.decode()
    assert "Terlalu banyak permintaan dari alamat Anda" in html and "detik" in html
    assert "104.08" not in html and "Cache-Control" not in r
    r = client.get("/terbuka/api/unit", REMOTE_ADDR="10.9.9.1")
    assert r.status_code == 429 and int(r["Retry-After"]) >= 1
    assert "Terlalu banyak" in r.json()["detail"]
    assert client.get("/terbuka/kamus/", REMOTE_ADDR="10.9.9.2").status_code == 200


def test_ikm_dengan_kurang_dari_10_responden_tidak_diterbitkan(contoh, monkeypatch):
    from kinerja.survei import pemilih as ps

    asli = ps.laporan

    def sedikit(org, kode, tahun, **kw):
        lap = asli(org, kode, tahun, **kw)
        lap.total["tahun"].n = 9
        return lap

    monkeypatch.setattr(ps, "laporan", sedikit)
    d = pemilih.hitung(contoh["jp"], 2024)
    assert d["ikm"] and all(not k["diterbitkan"] for k in d["ikm"])
    assert all(k["nilai"] is None and k["unsur"] == [] for k in d["ikm"])
    baris = [b for b in pemilih.baris(d) if b["kelompok"].startswith("ikm")]
    assert [b["kelompok"] for b in baris] == ["ikm"] * len(d["ikm"])
    assert all(b["nilai"] is None and "kurang dari 10" in b["keterangan"] for b in baris)


def test_sel_tidak_pernah_menjadi_rumus(client, contoh):
    o = pabrik.organisasi('=HYPERLINK("x")', "kelurahan", contoh["jp"], slug="unit-rumus")
    ind, butir = pabrik.indikator_pk(
        o, target="10", nama="=1+1", kode="@SUM", nomor=1, satuan="-2+3"
    )
    Sasaran.objects.filter(organisasi=o).update(uraian="+cmd|' /C calc'!A0")
    butir.pk_dokumen.status = "ditandatangani"
    butir.pk_dokumen.save()
    Realisasi.objects.create(
        indikator=ind, organisasi=o, tahun=2024, jenis_periode="tahun", ke=1,
        nilai=Decimal("10"), status="diverifikasi",
    )  # fmt: skip
    publikasi_atur(aktor=contoh["admin"], organisasi=o, tahun=2024, terbit=True)
    r = client.get("/terbuka/unit-rumus/2024/unduh.csv")
    baris = list(csv.reader(io.StringIO(r.content.decode())))
    sel = [s for b in baris[1:] for s in b]
    assert "'=1+1" in sel and "'@SUM" in sel and '\'=HYPERLINK("x")' in sel
    assert "'-2+3" in sel and "'+cmd|' /C calc'!A0" in sel
    assert not any(s.startswith(("=", "+", "@")) for s in sel)
    assert not any(s.startswith("-") and not s[1:].replace(".", "").isdigit() for s in sel)
    r = client.get("/terbuka/unit-rumus/2024/unduh.xlsx")
    ws = load_workbook(io.BytesIO(r.content))["data"]
    awal_rumus = [
        c
        for row in ws.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value.startswith(("=", "@", "+", "-"))
    ]
    assert {c.value for c in awal_rumus} >= {"=1+1", "@SUM", '=HYPERLINK("x")', "-2+3"}
    assert all(c.data_type == "s" and c.quotePrefix for c in awal_rumus)


def test_pdf_lkip_hanya_bila_ada_bangunan(client, contoh, tmp_path):
    assert client.get(JP + "lkip.pdf").status_code == 404
    assert "lkip.pdf" not in client.get(JP).content.decode()
    (tmp_path / "LKIP-jakarta-pusat-2024.pdf").write_bytes(b"%PDF-1.4 uji\n%%EOF\n")
    PekerjaanLkip.objects.create(
        organisasi=contoh["jp"], tahun=2024, status=StatusPekerjaan.SELESAI, progres=100,
        folder=str(tmp_path), berkas=["LKIP-jakarta-pusat-2024.pdf"],
    )  # fmt: skip
    r = client.get(JP + "lkip.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    assert 'href="/terbuka/jakarta-pusat/2024/lkip.pdf"' in client.get(JP).content.decode()
    # a PDF of an unpublished unit is never served
    PekerjaanLkip.objects.create(
        organisasi=contoh["gambir"], tahun=2024, status=StatusPekerjaan.SELESAI, progres=100,
        folder=str(tmp_path), berkas=["LKIP-jakarta-pusat-2024.pdf"],
    )  # fmt: skip
    assert client.get(f"/terbuka/{SLUG_GAMBIR}/2024/lkip.pdf").status_code == 404


def test_kamus_data(client, contoh):
    r = client.get(reverse("terbuka:kamus"))
    html = r.content.decode()
    for kolom in pemilih.KOLOM:
        assert f"<code>{kolom}</code>" in html
    for k in ("capaian_indikator", "ikm", "ikm_unsur", "nka"):
        assert f"<code>{k}</code>" in html


def test_angka_sama_dengan_mesin_per_unit(client, contoh):
    """Every figure of the page is the engine's figure of the unit, not a recomputation:
    sasaran and predikat from the dashboard selector, IKM and its unsur from the survey
    report, NKA from the budget selector (figures rounded only for display, 2 dp)."""
    from kinerja import angka as fmt
    from kinerja.anggaran.pemilih import anggaran
    from kinerja.rumus.bilangan import bulat
    from kinerja.survei.pemilih import laporan

    jp = contoh["jp"]
    data = pemilih.hitung(jp, 2024)
    d = dasbor(jp, 2024, hanya_terverifikasi=True)
    assert [(s["nomor"], s["capaian"], s["predikat"]) for s in data["sasaran"]] == [
        (s.sasaran.nomor, bulat(s.hasil.capaian, 2), s.hasil.predikat) for s in d.sasaran
    ]
    assert data["predikat"] == d.rekap
    assert len(data["ikm"]) >= 2  # SKM and IEK (seed Tabel 28-31, 35-37)
    for k in data["ikm"]:
        total = laporan(jp, k["kode"], 2024).total["tahun"]
        assert k["jumlah_responden"] == total.n and k["nilai"] == bulat(total.konversi, 2)
        unsur = laporan(jp, k["kode"], 2024).unsur
        assert [u["nrr"] for u in k["unsur"]] == [bulat(u["tahun"], 2) for u in unsur]
    nka = anggaran(jp, 2024).nka
    assert data["nka"]["nilai_kinerja_anggaran"] == bulat(nka.nilai_kinerja_anggaran, 2)
    assert data["nka"]["kategori"] == nka.kategori
    # the page prints those figures, in Indonesian form
    html = client.get(JP).content.decode()
    for i in data["indikator"]:
        if i["capaian"] is not None:
            assert fmt.persen(i["capaian"], 2) in html, i["kode"]
    for k in data["ikm"]:
        assert fmt.angka(k["nilai"], 2) in html and fmt.angka(k["jumlah_responden"], 0) in html
    assert fmt.angka(data["nka"]["nilai_kinerja_anggaran"], 2) in html
    # and the JSON API gives the same numbers as machine text
    api = client.get("/terbuka/api/data?unit=jakarta-pusat&tahun=2024").json()["data"][0]
    assert [i["capaian"] and Decimal(i["capaian"]) for i in api["indikator"]] == [
        i["capaian"] for i in data["indikator"]
    ]
    assert Decimal(api["nka"]["nilai_kinerja_anggaran"]) == data["nka"]["nilai_kinerja_anggaran"]


def _unit_uji(contoh, slug: str, status_pk: str = "ditandatangani"):
    """A kelurahan under Jakarta Pusat with a PK 2024: indicator V (verified realisasi 50 of
    target 100) and indicator A (realisasi 88.88 submitted, not verified)."""
    o = pabrik.organisasi(f"Kelurahan {slug}", "kelurahan", contoh["jp"], slug=slug)
    v, butir = pabrik.indikator_pk(o, target="100", nama="Indikator terverifikasi", kode="V")
    a, _ = pabrik.indikator_pk(o, target="100", nama="Indikator diajukan", kode="A")
    butir.pk_dokumen.status = status_pk
    butir.pk_dokumen.save()
    for ind, nilai, status in ((v, "50", "diverifikasi"), (a, "88.88", "diajukan")):
        Realisasi.objects.create(
            indikator=ind, organisasi=o, tahun=2024, jenis_periode="tahun", ke=1,
            nilai=Decimal(nilai), status=status,
        )  # fmt: skip
    publikasi_atur(aktor=contoh["admin"], organisasi=o, tahun=2024, terbit=True)
    return o


def test_hanya_realisasi_terverifikasi_dan_pk_ditandatangani(client, contoh):
    _unit_uji(contoh, "kel-verif")
    html = client.get("/terbuka/kel-verif/2024/").content.decode()
    assert "50,00%" in html and "Indikator diajukan" in html  # the PK line, without figures
    keluar = [
        html,
        client.get("/terbuka/kel-verif/2024/unduh.csv").content.decode(),
        client.get("/terbuka/kel-verif/2024/unduh.json").content.decode(),
        client.get("/terbuka/api/data?unit=kel-verif&tahun=2024").content.decode(),
    ]
    for isi in keluar:
        assert "88.88" not in isi and "88,88" not in isi
    baris = {b["kode"]: b for b in csv.DictReader(io.StringIO(keluar[1]))}
    assert (baris["V"]["realisasi"], baris["V"]["nilai"]) == ("50", "50")
    assert (baris["A"]["realisasi"], baris["A"]["nilai"]) == ("", "")
    # a published year whose PK is not signed shows no indicator at all
    _unit_uji(contoh, "kel-draf", status_pk="draft")
    r = client.get("/terbuka/kel-draf/2024/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Indikator terverifikasi" not in html and "50,00%" not in html
    assert "Belum ada capaian terverifikasi" in html
    assert pemilih.hitung(Organisasi.objects.get(slug="kel-draf"), 2024)["indikator"] == []


def test_cache_diganti_saat_saklar_berubah(client, contoh):
    """The figures are cached under a key of the switch: a newly verified figure appears at
    the latest when the cache expires, at once when the unit publishes again; a withdrawal
    is immediate (the switch is read on every request)."""
    o = _unit_uji(contoh, "kel-cache")
    alamat = "/terbuka/kel-cache/2024/"
    assert "50,00%" in client.get(alamat).content.decode()
    Realisasi.objects.filter(organisasi=o, indikator__kode="V").update(nilai=Decimal("75"))
    assert "50,00%" in client.get(alamat).content.decode()  # cached
    publikasi_atur(aktor=contoh["admin"], organisasi=o, tahun=2024, terbit=False)
    assert client.get(alamat).status_code == 404
    publikasi_atur(aktor=contoh["admin"], organisasi=o, tahun=2024, terbit=True)
    html = client.get(alamat).content.decode()
    assert "75,00%" in html and "50,00%" not in html


def test_demo_menerbitkan_jakarta_pusat_2024(client, contoh):
    """`./kinerja demo` publishes Jakarta Pusat 2024 through the audited switch, as its admin."""
    from kinerja.cli.demo import buat_akun_demo, terbitkan_data_terbuka
    from kinerja.organisasi.models import PublikasiData

    publikasi_atur(aktor=contoh["admin"], organisasi=contoh["jp"], tahun=2024, terbit=False)
    assert client.get(JP).status_code == 404
    buat_akun_demo()
    assert "/terbuka/jakarta-pusat/2024/" in terbitkan_data_terbuka()
    assert terbitkan_data_terbuka()  # again: no change, no new history row
    riwayat = PublikasiData.history.filter(organisasi_id=contoh["jp"].pk, tahun=2024)
    terakhir = riwayat.order_by("-history_id").first()
    assert terakhir.terbit and terakhir.history_user.username == "admin.jakpus"
    assert terakhir.history_change_reason == "diterbitkan: data contoh demo"
    assert riwayat.count() == 3  # published by the fixture, withdrawn, published by the demo
    assert "104,08%" in client.get(JP).content.decode()


def test_halaman_terbuka_berbahasa_indonesia_dan_angka_berformat_indonesia(client, contoh):
    """Like tests/halaman/test_bahasa_format.py for the open-data pages: no English words,
    no machine-formatted decimals in the visible text (downloads keep machine form)."""
    from tests.halaman.test_bahasa_format import INGGRIS, angka_bertitik, teks_tampak

    for alamat in ("/terbuka/", JP, "/terbuka/kamus/", "/terbuka/tidak-ada/2024/"):
        teks = teks_tampak(client.get(alamat).content.decode())
        assert [k for k in INGGRIS if k in teks] == [], alamat
        assert angka_bertitik(teks) == [], alamat
