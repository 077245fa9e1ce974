"""Issue 14, finding "Numbers": a realisasi, target or budget value with 19+ digits, `1e309`
or more decimals than its column keeps is refused at every entry point with a message saying
the allowed precision (never rounded silently, never stored to break the organisation's
pages); a value stored before is read as empty and found and corrected by
`kinerja periksa_nilai`."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DataError, connection, transaction
from django.urls import reverse

from kinerja.inti import nilai as aturan
from kinerja.lkip.struktur import susun_lkip
from kinerja.pengukuran import layanan
from kinerja.pengukuran.models import KoreksiNilai, PeristiwaRealisasi, Realisasi
from kinerja.perencanaan.models import ButirPK
from kinerja.pertukaran import sel
from tests import pabrik

pytestmark = pytest.mark.django_db
TAHUN = 2024


@pytest.fixture
def p():
    p = pabrik.pohon_kecil()
    p["ind"], _ = pabrik.indikator_pk(p["kel_a"], target="90.35", kode="1.1")
    return p


def _url_isian(ind):
    return reverse("isian_realisasi", args=[ind.pk, TAHUN, "tahun", 1])


def _halaman_unit(client, p):
    """The pages and reads of the unit that a stored bad value used to break."""
    slug = p["kel_a"].slug
    return {
        "isian": client.get(f"/isian/?tahun={TAHUN}"),
        "realisasi": client.get(_url_isian(p["ind"])),
        "dasbor": client.get(reverse("dasbor", args=[slug, TAHUN])),
        "ekspor": client.get(reverse("pertukaran_ekspor", args=[slug, TAHUN])),
        "api_realisasi": client.get(f"/api/organisasi/{slug}/{TAHUN}/realisasi"),
        "api_capaian": client.get(f"/api/organisasi/{slug}/{TAHUN}/capaian"),
    }


# --- the one rule --------------------------------------------------------------------------


def test_angka_satu_aturan_dari_kolom():
    batas = aturan.batas_kolom(Realisasi, "nilai")
    assert (batas.digit_bulat, batas.desimal) == (18, 6)
    assert batas == aturan.batas_kolom(ButirPK, "target") == sel.ANGKA
    assert aturan.desimal("96,55", batas, label="Realisasi") == Decimal("96.55")
    assert aturan.desimal("1.50000000", batas, label="Realisasi") == Decimal("1.5")  # zeros
    assert aturan.desimal("999999999999999999.999999", batas, label="R") == Decimal(
        "999999999999999999.999999"
    )
    for salah, pesan in [
        ("99999999999999999999", "paling banyak 18 digit sebelum koma"),
        ("1e309", "paling banyak 18 digit sebelum koma"),
        ("1000000000000000000", "paling banyak 18 digit sebelum koma"),
        ("0.0000001", "paling banyak 6 angka di belakang koma (diisi 7)"),
        ("NaN", "harus angka terhingga"),
        ("Infinity", "harus angka terhingga"),
        (float("inf"), "harus angka terhingga"),
        ("1" * 5000, "bukan angka yang dapat disimpan"),
        ("abc", "'abc' bukan angka"),
    ]:
        with pytest.raises(Exception) as e:
            aturan.desimal(salah, batas, label="Realisasi")
        assert pesan in e.value.pesan and e.value.pesan.startswith("Realisasi")
    rupiah = aturan.batas_kolom(Realisasi._meta.apps.get_model("anggaran", "BelanjaJenis"), "pagu")
    with pytest.raises(Exception, match="paling banyak 2 angka di belakang koma"):
        aturan.desimal("1250000.001", rupiah, label="Pagu")


# --- web form ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ("99999999999999999999", "paling banyak 18 digit sebelum koma"),
        ("1e309", "bukan angka"),  # the form takes digits only
        ("0,0000001", "paling banyak 6 angka di belakang koma"),
    ],
)
def test_angka_formulir_realisasi_ditolak_tidak_tersimpan(client, p, isian, pesan):
    """Before: 99999999999999999999 gave a bare 500 but was saved as a draft; 0,0000001 was
    saved as 0."""
    client.force_login(p["op_a"])
    r = client.post(_url_isian(p["ind"]), {"aksi": "simpan", "nilai": isian})
    assert r.status_code == 200
    assert pesan in r.content.decode()
    assert not Realisasi.objects.exists()
    assert all(x.status_code == 200 for x in _halaman_unit(client, p).values())


def test_angka_tersimpan_rusak_halaman_tetap_terbuka(client, p):
    """A value stored before the fix (raw UPDATE): SQLite keeps it and the unit's pages,
    exports and LKIP used to fail with decimal.InvalidOperation; now it reads as empty.
    PostgreSQL refuses to store it at all; NaN, which it does store, reads as empty too."""
    r = layanan.realisasi_simpan(
        indikator=p["ind"], tahun=TAHUN, jenis_periode="tahun", nilai="95", aktor=p["op_a"]
    )
    tabel = Realisasi._meta.db_table
    if connection.vendor == "postgresql":
        with pytest.raises(DataError), transaction.atomic(), connection.cursor() as c:
            c.execute(f"UPDATE {tabel} SET nilai = 1e20 WHERE id = %s", [r.pk])
    _rusak(r, "99999999999999999999")
    assert Realisasi.objects.get(pk=r.pk).nilai is None  # read as empty, not a crash
    client.force_login(p["op_a"])
    halaman = _halaman_unit(client, p)
    assert {k: v.status_code for k, v in halaman.items()} == dict.fromkeys(halaman, 200)
    susun_lkip(p["kel_a"], TAHUN)  # the LKIP's data (it failed with InvalidOperation)
    # the operator repairs it in the form
    r2 = client.post(_url_isian(p["ind"]), {"aksi": "simpan", "nilai": "96,5"})
    assert r2.status_code == 302
    assert Realisasi.objects.get(pk=r.pk).nilai == Decimal("96.5")


# --- check command -------------------------------------------------------------------------


def _rusak(r, nilai: str) -> None:
    tabel = Realisasi._meta.db_table
    with connection.cursor() as c:
        if connection.vendor == "postgresql":  # it refuses overflows; NaN is what it can hold
            c.execute(f"UPDATE {tabel} SET nilai = 'NaN' WHERE id = %s", [r.pk])
        else:
            c.execute(f"UPDATE {tabel} SET nilai = {nilai} WHERE id = %s", [r.pk])


def test_periksa_nilai_menemukan_dan_koreksi_tercatat(p, capsys):
    r = layanan.realisasi_simpan(
        indikator=p["ind"], tahun=TAHUN, jenis_periode="tahun", nilai="95", aktor=p["op_a"]
    )
    call_command("periksa_nilai")  # clean: no error
    assert "Semua nilai muat di kolomnya" in capsys.readouterr().out
    _rusak(r, "1e309")
    with pytest.raises(CommandError, match="1 nilai di luar batas kolomnya"):
        call_command("periksa_nilai")
    keluar = capsys.readouterr().out
    assert f"pengukuran.Realisasi #{r.pk} nilai" in keluar
    admin = pabrik.pengguna("admin_kota")
    admin.is_superuser = True
    admin.save()
    perbaiki = ["--perbaiki", "pengukuran.Realisasi", str(r.pk), "nilai"]
    with pytest.raises(CommandError, match="bukan admin"):
        call_command("periksa_nilai", *perbaiki, "95", "--alasan", "x", "--oleh", "op_a")
    with pytest.raises(CommandError, match="Alasan koreksi wajib"):
        call_command("periksa_nilai", *perbaiki, "95", "--oleh", "admin_kota")
    with pytest.raises(CommandError, match="paling banyak 6 angka di belakang koma"):
        call_command(
            "periksa_nilai", *perbaiki, "95.1234567", "--alasan", "x", "--oleh", "admin_kota"
        )
    call_command(
        "periksa_nilai", *perbaiki, "95,25", "--alasan", "salah ketik", "--oleh", "admin_kota"
    )
    assert "Semua nilai muat" in capsys.readouterr().out
    r.refresh_from_db()
    assert r.nilai == Decimal("95.25")
    k = KoreksiNilai.objects.get()
    assert (k.model, k.objek_id, k.bidang, k.nilai_baru, k.alasan, k.aktor) == (
        "pengukuran.Realisasi",
        str(r.pk),
        "nilai",
        "95.25",
        "salah ketik",
        admin,
    )
    assert r.history.first().history_change_reason == "koreksi nilai: salah ketik"
    e = PeristiwaRealisasi.objects.filter(realisasi=r).last()
    assert e.aktor == admin and e.perubahan["nilai"][1] == "95.25"
    with pytest.raises(RuntimeError):
        k.delete()


def test_periksa_nilai_mencakup_semua_kolom_desimal():
    from kinerja.pengukuran.management.commands.periksa_nilai import kolom_desimal

    kolom = {(m._meta.label, f.name) for m, f, _ in kolom_desimal()}
    assert {
        ("pengukuran.Realisasi", "nilai"),
        ("pengukuran.Realisasi", "penyebut"),
        ("perencanaan.ButirPK", "target"),
        ("anggaran.BelanjaJenis", "pagu"),
        ("anggaran.AnggaranBulanan", "rpd"),
        ("perencanaan.TargetRenstra", "nilai"),
    } <= kolom
    assert not any(label.split(".")[1].startswith("Historical") for label, _ in kolom)


# --- services: ratio ---------------------------------------------------------------------


def test_angka_rasio_hasil_terlalu_besar_ditolak(p):
    ind, _ = pabrik.indikator_pk(p["kel_a"], nama="Rasio", rasio=True, kode="1.2")
    with pytest.raises(ValidationError) as e:
        layanan.realisasi_simpan(
            indikator=ind, tahun=TAHUN, jenis_periode="tahun", aktor=p["op_a"],
            pembilang="999999999999999999", penyebut="0.000001",
        )  # fmt: skip
    assert "terlalu besar" in e.value.message_dict["penyebut"][0]
    r = layanan.realisasi_simpan(
        indikator=ind, tahun=TAHUN, jenis_periode="tahun", aktor=p["op_a"],
        pembilang="1", penyebut="3",
    )  # fmt: skip
    assert Realisasi.objects.get(pk=r.pk).nilai == Decimal("33.333333")


# --- imports -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sel_nilai", "pesan"),
    [
        (0.0000001, "lebih dari 6 angka di belakang koma"),
        (1e18, "terlalu besar (paling banyak 18 digit sebelum koma)"),
        (1e300, "terlalu besar"),
        ("1e309", "bukan angka"),
    ],
)
def test_angka_impor_realisasi_galat_baris(p, sel_nilai, pesan):
    """Before: a float cell with 7 decimals or >= 1e18 raised inside the row filter (500)."""
    import openpyxl

    from kinerja.pertukaran import ekspor
    from kinerja.pertukaran.layanan import impor_realisasi

    wb = openpyxl.load_workbook(io.BytesIO(ekspor.templat_realisasi(p["kel_a"], TAHUN)))
    ws = wb["Realisasi"]
    kolom = {c.value: c.column for c in ws[3]}
    ws.cell(row=4, column=kolom["nilai"], value=sel_nilai)
    buf = io.BytesIO()
    wb.save(buf)
    rencana, diterapkan = impor_realisasi(
        organisasi=p["kel_a"], tahun=TAHUN, isi=buf.getvalue(), nama_berkas="r.xlsx",
        aktor=p["op_a"],
    )  # fmt: skip
    assert not diterapkan and not Realisasi.objects.exists()
    g = rencana.galat[0]
    assert (g.baris, g.kolom) == (4, "nilai") and pesan in g.pesan, g


def test_angka_impor_anggaran_desimal_rupiah_tidak_dibulatkan(db):
    from openpyxl import Workbook

    from kinerja.anggaran import impor

    org = pabrik.organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    wb = Workbook()
    ws = wb.active
    ws.append(["Tahun Anggaran 2024"])
    ws.append(["Bulan", "RPD", "Realisasi"])
    ws.append([1, 1000.005, 10])
    ws.append([2, 1e18, 10])
    buf = io.BytesIO()
    wb.save(buf)
    h = impor.pratinjau(org, TAHUN, buf.getvalue())
    galat = {(g.baris, g.kolom): g.pesan for g in h.galat}
    assert "lebih dari 2 angka di belakang koma" in galat[(3, "RPD (anggaran kas)")]
    assert "terlalu besar" in galat[(4, "RPD (anggaran kas)")]
    assert not h.token


# --- budget entry form and survey Populasi -------------------------------------------------


def test_angka_isian_anggaran_ditolak_utuh(client, db):
    from kinerja.anggaran.models import BelanjaJenis

    org = pabrik.organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    op = pabrik.pengguna("op_kota", ("operator", org))
    client.force_login(op)
    url = reverse("anggaran:isian", args=[org.slug, TAHUN])
    r = client.post(
        url,
        {
            "bagian": "belanja",
            "pegawai-pagu": "1000",
            "barang_jasa-pagu": "99999999999999999999",
            "modal-pagu": "5,001",
        },
        follow=True,
    )
    teks = r.content.decode()
    assert "paling banyak 18 digit sebelum koma" in teks
    assert not BelanjaJenis.objects.exists()  # not even the valid first row
    r = client.post(url, {"bagian": "belanja", "modal-pagu": "5,001"}, follow=True)
    assert "Belanja Modal: Pagu paling banyak 2 angka di belakang koma" in r.content.decode()
    assert client.get(reverse("anggaran:dasbor", args=[org.slug, TAHUN])).status_code == 200
