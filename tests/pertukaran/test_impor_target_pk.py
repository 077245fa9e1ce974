"""PK-target import against a signed PK (docs/keputusan/0019-penyusunan-pk.md, addendum):
changed number targets become one revision through `pk_revisi` with the basis and reason
given on the apply form; unchanged rows record nothing; anything a revision cannot record
is a row error and nothing is applied."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kinerja.perencanaan import layanan as perencanaan
from kinerja.perencanaan.models import ButirPK, PerjanjianKinerja, PerubahanTarget, RevisiPK
from kinerja.pertukaran import ekspor
from kinerja.pertukaran.impor import rencana_target
from kinerja.pertukaran.layanan import impor_target
from kinerja.pertukaran.views import KUNCI_SESI
from tests import pabrik
from tests.perencanaan.bantu import indikator

pytestmark = pytest.mark.django_db
TAHUN = 2024
KETERANGAN = {
    "dasar_hukum": "Instruksi Sekretaris Daerah Nomor 19 Tahun 2024",
    "alasan": "Penyesuaian anggaran perubahan",
}


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    kel = p["kel_a"]
    p["ikm"] = indikator(kel, "Indeks Kepuasan Masyarakat", satuan="Nilai")
    p["sampah"] = indikator(kel, "Persentase sampah terkelola", satuan="%")
    p["inflasi"] = indikator(kel, "Tingkat inflasi", nomor=2, jenis_target="rentang")
    p["posyandu"] = indikator(kel, "Jumlah posyandu aktif", nomor=2, satuan="Unit")  # not in PK
    pk = perencanaan.pk_buat(
        organisasi=kel, tahun=TAHUN, aktor=p["op_a"], pihak_pertama_jabatan="Lurah A"
    )
    perencanaan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="82.5")
    perencanaan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="90")
    perencanaan.butir_tambah(
        pk=pk, aktor=p["op_a"], indikator=p["inflasi"], target_bawah="2.5", target_atas="3.5"
    )
    p["pk"] = perencanaan.pk_tandatangani(pk=pk, aktor=p["op_a"], tanggal=dt.date(2024, 1, 2))
    return p


def _templat(p, ubah: dict) -> bytes:
    """The target template (current targets) with cells changed: {indikator: {kolom: nilai}}."""
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.templat_target(p["kel_a"], TAHUN, dengan_draf=True))
    )
    ws = wb["Target PK"]
    kolom = {c.value: c.column for c in ws[3]}
    baris = {r[0].value: r[0].row for r in ws.iter_rows(min_row=4) if r[0].value}
    for ind, isi in ubah.items():
        for k, v in isi.items():
            ws.cell(row=baris[ind.pk], column=kolom[k], value=v)
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _baris(p, ind) -> int:
    wb = openpyxl.load_workbook(
        io.BytesIO(ekspor.templat_target(p["kel_a"], TAHUN, dengan_draf=True))
    )
    return next(r[0].row for r in wb["Target PK"].iter_rows(min_row=4) if r[0].value == ind.pk)


def _unggah(client, p, isi: bytes):
    url = reverse("pertukaran_unggah", args=[p["kel_a"].slug, TAHUN])
    berkas = SimpleUploadedFile("target.xlsx", isi)
    return client.post(url, {"jenis": "target", "berkas": berkas})


def _terapkan(client, p, sha, **isian):
    url = reverse("pertukaran_terapkan", args=[p["kel_a"].slug, TAHUN])
    return client.post(url, {"sha": sha, **isian})


def _target(p, ind) -> Decimal:
    return ButirPK.objects.get(pk_dokumen=p["pk"], indikator=ind).target


def test_pratinjau_menyebut_revisi_lalu_penerapan_mencatat_satu_revisi(client, p):
    client.force_login(p["op_a"])
    isi = _templat(p, {p["ikm"]: {"target": "83,25"}})  # sampah and inflasi unchanged
    r = _unggah(client, p, isi)
    assert r.status_code == 200
    rencana = r.context["rencana"]
    assert rencana.sah and rencana.ringkasan == {"baru": 0, "ubah": 1, "tanpa perubahan": 2}
    assert rencana.revisi.nomor == 1 and rencana.revisi.jumlah == 1
    html = r.content.decode()
    assert "Revisi 1:" in html and "sudah ditandatangani pada 2 Januari 2024" in html
    assert "revisi 1</span>" in html and "target: 82,5 → 83,25" in html
    assert "Terapkan sebagai Revisi 1" in html and 'name="dasar_hukum"' in html
    assert not RevisiPK.objects.exists() and _target(p, p["ikm"]) == Decimal("82.5")

    # Without a legal basis and reason: refused next to the fields, nothing applied.
    r = _terapkan(client, p, r.context["sha"], revisi="1")
    assert r.status_code == 400
    galat = r.context["form_revisi"].errors
    assert galat["dasar_hukum"] == ["Dasar hukum revisi wajib diisi."]
    assert galat["alasan"] == ["Alasan revisi wajib diisi."]
    assert not RevisiPK.objects.exists() and _target(p, p["ikm"]) == Decimal("82.5")
    assert KUNCI_SESI in client.session  # the user corrects the form, no re-upload

    r = _terapkan(client, p, r.context["sha"], revisi="1", tanggal="2024-07-01", **KETERANGAN)
    assert r.status_code == 302
    revisi = RevisiPK.objects.get(pk_dokumen=p["pk"])
    assert (revisi.nomor, revisi.tanggal) == (1, dt.date(2024, 7, 1))
    assert revisi.dasar_hukum == KETERANGAN["dasar_hukum"]
    assert revisi.alasan == KETERANGAN["alasan"] and revisi.dibuat_oleh == "op_a"
    perubahan = list(PerubahanTarget.objects.filter(revisi=revisi).select_related("butir"))
    assert [(x.butir.indikator_id, x.target_lama, x.target_baru) for x in perubahan] == [
        (p["ikm"].pk, Decimal("82.5"), Decimal("83.25"))
    ]  # the unchanged rows are not part of the revision
    butir = ButirPK.objects.get(pk_dokumen=p["pk"], indikator=p["ikm"])
    assert butir.target == Decimal("83.25")
    h = butir.history.first()
    assert h.history_change_reason == "revisi PK 1: Penyesuaian anggaran perubahan"
    assert h.history_user == p["op_a"]
    assert ButirPK.objects.get(indikator=p["sampah"]).history.count() == 1  # only its creation
    r = client.get(r["Location"])
    assert "Target yang berubah dicatat sebagai Revisi 1 Perjanjian Kinerja 2024." in (
        r.content.decode()
    )
    assert KUNCI_SESI not in client.session

    # The same file again changes nothing and records no second revision.
    r = _unggah(client, p, isi)
    assert r.context["rencana"].revisi is None
    assert "Tidak ada yang perlu diterapkan" in r.content.decode()


def test_tanpa_perubahan_tidak_membuat_revisi(p):
    isi = _templat(p, {})
    rencana, diterapkan = impor_target(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"]
    )
    assert diterapkan and rencana.revisi is None and rencana.jumlah_tetap == 3
    assert not RevisiPK.objects.exists()


def test_beberapa_target_satu_revisi_bernomor_berikutnya(p):
    perencanaan.pk_revisi(
        pk=p["pk"],
        aktor=p["op_a"],
        target_baru={ButirPK.objects.get(indikator=p["sampah"]).pk: "91"},
        **KETERANGAN,
    )
    isi = _templat(p, {p["ikm"]: {"target": 84}, p["sampah"]: {"target": "92,5"}})
    rencana, diterapkan = impor_target(
        organisasi=p["kel_a"],
        tahun=TAHUN,
        isi=isi,
        nama_berkas="t.xlsx",
        aktor=pabrik.pengguna("admin_kota", ("admin", p["kota"])),
        **KETERANGAN,
    )
    assert diterapkan and rencana.revisi.nomor == 2
    revisi = RevisiPK.objects.get(pk_dokumen=p["pk"], nomor=2)
    assert sorted((x.target_lama, x.target_baru) for x in revisi.perubahan.all()) == [
        (Decimal("82.5"), Decimal("84")),
        (Decimal("91"), Decimal("92.5")),
    ]


def test_baris_yang_tidak_dapat_direvisi_ditolak_dan_tidak_ada_yang_diterapkan(p):
    isi = _templat(
        p,
        {
            p["ikm"]: {"target": 99},  # a valid revision on its own
            p["sampah"]: {"target_teks": "WTP"},  # a column an 'Angka' target does not use
            p["inflasi"]: {"target_atas": 4},  # a range target cannot be revised
            p["posyandu"]: {"target": 12},  # a new line after signing
        },
    )
    rencana, diterapkan = impor_target(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"],
        **KETERANGAN,
    )  # fmt: skip
    assert not diterapkan
    pk = "Perjanjian Kinerja 2024"
    assert [str(g) for g in rencana.galat] == [
        f"Lembar 'Target PK', baris {_baris(p, p['sampah'])}, kolom 'target_teks': {pk} sudah "
        "ditandatangani pada 2 Januari 2024: hanya kolom 'target' yang dapat direvisi; kolom "
        "ini tidak dipakai indikator bertarget 'Angka', kosongkan kolom ini.",
        f"Lembar 'Target PK', baris {_baris(p, p['inflasi'])}, kolom 'target_atas': {pk} sudah "
        "ditandatangani pada 2 Januari 2024: target rentang tidak dapat diubah lewat impor "
        "maupun revisi (revisi hanya untuk target angka); kembalikan ke nilai semula (3,5).",
        f"Lembar 'Target PK', baris {_baris(p, p['posyandu'])}, kolom 'target': indikator "
        f"'Jumlah posyandu aktif' tidak ada di {pk}, yang sudah ditandatangani pada 2 Januari "
        "2024; butir baru tidak dapat ditambahkan setelah penandatanganan (hanya target angka "
        "yang dapat direvisi). Kosongkan baris ini.",
    ]
    assert not RevisiPK.objects.exists()
    assert _target(p, p["ikm"]) == Decimal("82.5")  # the valid row is not applied either
    assert ButirPK.objects.filter(pk_dokumen=p["pk"]).count() == 3


def test_galat_keterangan_revisi_membatalkan_semuanya(p):
    isi = _templat(p, {p["ikm"]: {"target": 84}, p["sampah"]: {"target": 95}})
    besok = dt.date.today() + dt.timedelta(days=1)
    rencana, diterapkan = impor_target(
        organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t.xlsx", aktor=p["op_a"],
        tanggal=besok, **KETERANGAN,
    )  # fmt: skip
    assert not diterapkan and rencana.sah
    assert list(rencana.galat_revisi) == ["tanggal"]
    assert "tidak boleh setelah hari ini" in rencana.galat_revisi["tanggal"][0]
    assert not RevisiPK.objects.exists() and not PerubahanTarget.objects.exists()
    assert (_target(p, p["ikm"]), _target(p, p["sampah"])) == (Decimal("82.5"), Decimal("90"))


def test_pk_ditandatangani_setelah_pratinjau_tidak_ditimpa(client, p):
    """Previewed as a draft, signed before the apply: the apply asks for the revision."""
    kel = p["kel_b"]
    ind, _ = pabrik.indikator_pk(kel, target="70", nama="Indeks B")
    PerjanjianKinerja.objects.filter(organisasi=kel).update(status="draft")
    wb = openpyxl.load_workbook(io.BytesIO(ekspor.templat_target(kel, TAHUN, dengan_draf=True)))
    wb["Target PK"]["E4"] = 75
    keluar = io.BytesIO()
    wb.save(keluar)
    client.force_login(p["op_b"])
    url = reverse("pertukaran_unggah", args=[kel.slug, TAHUN])
    berkas = SimpleUploadedFile("b.xlsx", keluar.getvalue())
    r = client.post(url, {"jenis": "target", "berkas": berkas})
    assert r.context["rencana"].revisi is None and "Terapkan semua perubahan" in r.content.decode()
    pk = PerjanjianKinerja.objects.get(organisasi=kel)
    perencanaan.pk_tandatangani(pk=pk, aktor=p["op_b"], tanggal=dt.date(2024, 1, 3))

    terapkan = reverse("pertukaran_terapkan", args=[kel.slug, TAHUN])
    r = client.post(terapkan, {"sha": r.context["sha"]})
    assert r.status_code == 409
    html = r.content.decode()
    assert "sudah ditandatangani: perubahan target dicatat sebagai revisi" in html
    assert "Terapkan sebagai Revisi 1" in html
    assert ButirPK.objects.get(indikator=ind).target == Decimal("70")
    r = client.post(terapkan, {"sha": r.context["sha"], "revisi": "1", **KETERANGAN})
    assert r.status_code == 302
    assert ButirPK.objects.get(indikator=ind).target == Decimal("75")
    assert RevisiPK.objects.get(pk_dokumen=pk).perubahan.get().target_lama == Decimal("70")


def test_rencana_target_draf_tidak_meminta_revisi(p):
    PerjanjianKinerja.objects.filter(pk=p["pk"].pk).update(status="draft")
    isi = _templat(p, {p["ikm"]: {"target": 84}, p["posyandu"]: {"target": 12}})
    rencana = rencana_target(organisasi=p["kel_a"], tahun=TAHUN, isi=isi, nama_berkas="t")
    assert rencana.sah and rencana.revisi is None
    assert rencana.ringkasan == {"baru": 1, "ubah": 1, "tanpa perubahan": 2}


def test_ekspor_dan_templat_tanpa_target_pk_draf_bagi_pembaca_terverifikasi(client, p):
    ind, butir = pabrik.indikator_pk(p["kec"], target="75", nama="Indeks kecamatan")
    PerjanjianKinerja.objects.filter(pk=butir.pk_dokumen_id).update(status="draft")

    def unduh(user, nama, *args):
        client.force_login(user)
        r = client.get(reverse(nama, args=[p["kec"].slug, TAHUN, *args]))
        assert r.status_code == 200
        return openpyxl.load_workbook(io.BytesIO(r.content))

    # The kelurahan operator reads the kecamatan's final figures only: no draft targets.
    wb = unduh(p["op_a"], "pertukaran_ekspor")
    assert wb["Target PK"].max_row == 3 and wb["Capaian"].max_row == 3  # headers only
    ws = unduh(p["op_a"], "pertukaran_templat", "target")["Target PK"]
    assert [(r[0].value, r[4].value) for r in ws.iter_rows(min_row=4)] == [(ind.pk, None)]

    # The kecamatan's verifier reads drafts: the targets, marked as a draft.
    wb = unduh(p["verif"], "pertukaran_ekspor")
    assert "DRAF, belum ditandatangani" in wb["Target PK"]["A1"].value
    assert wb["Target PK"]["E4"].value == 75
    assert "target PK DRAF" in wb["Capaian"]["A1"].value
    ws = unduh(p["verif"], "pertukaran_templat", "target")["Target PK"]
    assert ws["E4"].value == 75 and "DRAF" in ws["A1"].value
