"""Rounds from the web app: putaran_buat, putaran_atur_status (draf → dibuka → ditutup, reopen
with a reason), putaran_ubah (populasi, pelaksana, keterangan), the unit's round page, and
the import page's permission."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja.survei import layanan, pemilih
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.models import PutaranSurvei, StatusPutaran
from kinerja.survei_publik.layanan import TidakMenerima, periksa_putaran
from tests import pabrik

from .conftest import pohon_jakarta_pusat

pytestmark = pytest.mark.django_db
SEMUA = {f"F{i}": 4 for i in range(1, 10)}
DEMOGRAFI = {"jenis_kelamin": "P", "usia": "26-35", "pendidikan": "s1", "pekerjaan": "swasta"}


def _isian():
    return layanan.IsianRespon(jawaban=SEMUA, demografi=DEMOGRAFI)


@pytest.fixture
def jp():
    jp = pohon_jakarta_pusat(["Gambir", "Kebon Kelapa"])
    gambir = jp["kel"]["Gambir"]
    jp["gambir"] = gambir
    jp["skm"] = kuesioner_baku("skm")
    jp["iek"] = kuesioner_baku("koordinasi")
    jp["admin"] = pabrik.pengguna("admin_kota", ("admin", jp["kota"]))
    jp["operator"] = pabrik.pengguna("op_gambir", ("operator", gambir))
    jp["pimpinan"] = pabrik.pengguna("pimpinan_kota", ("pimpinan", jp["kota"]))
    jp["verifikator"] = pabrik.pengguna("verif_kota", ("verifikator", jp["kota"]))
    return jp


def _putaran(jp, ke=1, urutan=0, **lain):
    return layanan.putaran_buat(
        kuesioner=jp["skm"], organisasi=jp["gambir"],
        layanan=jp["skm"].layanan.order_by("urutan")[urutan], jenis_periode="semester",
        tahun=2024, ke=ke, aktor=jp["operator"], **lain,
    )  # fmt: skip


# ------------------------------------------------------------------- putaran_atur_status


def test_putaran_atur_status_buka_tutup_buka_kembali_tercatat(jp):
    p = _putaran(jp)
    assert p.status == StatusPutaran.DRAF and p.dibuka_pada is None
    with pytest.raises(TidakMenerima) as e:
        periksa_putaran(p)
    assert e.value.status == 404

    layanan.putaran_atur_status(putaran=p, status="dibuka", aktor=jp["operator"])
    p.refresh_from_db()
    assert p.status == "dibuka" and p.dibuka_pada is not None and p.ditutup_pada is None
    periksa_putaran(p)  # the public form accepts responses

    layanan.putaran_atur_status(putaran=p, status="ditutup", aktor=jp["admin"])
    p.refresh_from_db()
    assert p.status == "ditutup" and p.ditutup_pada >= p.dibuka_pada
    with pytest.raises(TidakMenerima) as e:
        periksa_putaran(p)
    assert e.value.status == 410

    with pytest.raises(ValidationError) as e:
        layanan.putaran_atur_status(putaran=p, status="dibuka", aktor=jp["admin"], alasan="  ")
    assert "Alasan wajib diisi" in e.value.message_dict["alasan"][0]
    p.refresh_from_db()
    assert p.status == "ditutup"

    dibuka_pertama = p.dibuka_pada
    layanan.putaran_atur_status(
        putaran=p, status="dibuka", aktor=jp["admin"], alasan="kuesioner kertas terlambat"
    )
    p.refresh_from_db()
    assert p.status == "dibuka" and p.ditutup_pada is None and p.dibuka_pada > dibuka_pertama

    riwayat = list(p.history.order_by("history_date", "history_id"))
    assert [h.status for h in riwayat] == ["draf", "dibuka", "ditutup", "dibuka"]
    assert [h.history_change_reason for h in riwayat] == [
        "dibuat oleh op_gambir",
        "dibuka oleh op_gambir",
        "ditutup oleh admin_kota",
        "dibuka kembali oleh admin_kota: kuesioner kertas terlambat",
    ]
    assert [h.history_user for h in riwayat] == [jp["operator"], jp["operator"]] + [jp["admin"]] * 2


@pytest.mark.parametrize(
    ("awal", "ke", "pesan"),
    [
        ("draf", "ditutup", "tidak dapat diubah menjadi ditutup"),
        ("draf", "draf", "sudah berstatus draf"),
        ("dibuka", "draf", "tidak dapat diubah menjadi draf"),
        ("ditutup", "draf", "tidak dapat diubah menjadi draf"),
        ("draf", "diarsipkan", "tidak dikenal"),
    ],
)
def test_putaran_atur_status_transisi_terlarang(jp, awal, ke, pesan):
    p = _putaran(jp, status=awal)
    with pytest.raises(ValidationError) as e:
        layanan.putaran_atur_status(putaran=p, status=ke, aktor=jp["admin"], alasan="x")
    assert pesan in e.value.message_dict["status"][0]
    p.refresh_from_db()
    assert p.status == awal


def test_putaran_atur_status_hanya_yang_boleh_mengisi(jp):
    p = _putaran(jp)
    lain = pabrik.pengguna("op_kebon", ("operator", jp["kel"]["Kebon Kelapa"]))
    for aktor in (jp["pimpinan"], jp["verifikator"], lain):
        with pytest.raises(PermissionDenied):
            layanan.putaran_atur_status(putaran=p, status="dibuka", aktor=aktor)
    p.refresh_from_db()
    assert p.status == "draf" and p.history.count() == 1


def test_putaran_buat_dibuka_langsung_mengisi_waktu_dan_menolak_kembar(jp):
    p = _putaran(jp, status="dibuka")
    assert p.dibuka_pada is not None
    with pytest.raises(ValidationError) as e:
        _putaran(jp)
    assert "sudah ada" in e.value.message_dict["ke"][0]
    _putaran(jp, urutan=1)  # another service in the same period is fine


# --------------------------------------------------------------------------- putaran_ubah


def test_putaran_ubah_populasi_tercatat_dan_divalidasi(jp):
    p = _putaran(jp, populasi=100)
    for salah in (0, -3, True, "12"):
        with pytest.raises(ValidationError) as e:
            layanan.putaran_ubah(putaran=p, aktor=jp["operator"], populasi=salah)
        assert e.value.message_dict["populasi"][0].startswith(
            "Populasi harus bilangan bulat positif"
        )
    with pytest.raises(PermissionDenied):
        layanan.putaran_ubah(putaran=p, aktor=jp["pimpinan"], populasi=5)

    layanan.putaran_ubah(
        putaran=p, aktor=jp["operator"], populasi=1250, pelaksana=" BPS Kota ",
        keterangan="Populasi dari register layanan", alasan="data register",
    )  # fmt: skip
    p.refresh_from_db()
    assert (p.populasi, p.pelaksana) == (1250, "BPS Kota")
    h = p.history.order_by("-history_date", "-history_id").first()
    assert h.history_change_reason == (
        "populasi, pelaksana, keterangan diubah oleh op_gambir: data register"
    )
    n = p.history.count()
    layanan.putaran_ubah(
        putaran=p, aktor=jp["operator"], populasi=1250, pelaksana="BPS Kota",
        keterangan="Populasi dari register layanan",
    )  # fmt: skip
    assert p.history.count() == n  # nothing changed, nothing recorded
    layanan.putaran_ubah(putaran=p, aktor=jp["operator"], populasi=None)
    p.refresh_from_db()
    assert p.populasi is None and p.pelaksana == ""


# -------------------------------------------------------------------------------- pemilih


def test_putaran_unit_menghitung_respon_valid_dengan_kueri_tetap(jp, django_assert_max_num_queries):
    p1, p2 = _putaran(jp, status="dibuka"), _putaran(jp, ke=2, status="dibuka")
    for _ in range(3):
        layanan.respon_simpan(putaran=p1, isian=_isian(), saluran="web")
    r = layanan.respon_simpan(putaran=p2, isian=_isian(), saluran="web")
    layanan.respon_tinjau(respon=r, status="ditolak", alasan="uji", aktor=jp["admin"])
    for i in range(2, 7):
        _putaran(jp, urutan=i)
    with django_assert_max_num_queries(2):
        baris = pemilih.putaran_unit(jp["gambir"], 2024)
    assert len(baris) == 7
    n = {b.putaran.pk: b.n for b in baris}
    assert n[p1.pk] == 3 and n[p2.pk] == 0

    bawahan = pemilih.unit_bawahan(jp["kota"], 2024)
    assert [(u.organisasi.nama, u.putaran) for u in bawahan] == [
        ("Kecamatan Uji 1", 7),
        ("Kecamatan Uji 2", 0),
        ("Sekretariat Kota", 0),
    ]


# ---------------------------------------------------------------------------------- pages


def _url(jp, org="gambir", tahun=2024):
    return reverse("survei_daftar_putaran", args=[jp[org].slug, tahun])


def test_halaman_putaran_unit_untuk_operator(client, jp):
    p = _putaran(jp, status="dibuka")
    layanan.respon_simpan(putaran=p, isian=_isian(), saluran="web")
    tutup = _putaran(jp, ke=2, status="ditutup")
    draf = _putaran(jp, urutan=1)
    client.force_login(jp["operator"])
    r = client.get(_url(jp))
    teks = r.content.decode()
    assert r.status_code == 200
    for harus in (
        "Putaran survei",
        "Semester I 2024",
        "Dibuka (menerima respon)",
        reverse("survei_putaran", args=[p.pk]),
        reverse("survei_impor", args=[p.pk]),
        reverse("publik_kelola", args=[p.pk]),
        reverse("publik_antrean", args=[jp["gambir"].slug]),
        reverse("survei_hasil", args=[jp["gambir"].slug, "skm-kelurahan-dki", 2024]),
        reverse("survei_putaran_status", args=[p.pk]),
        "Alasan membuka kembali",
        "Buat putaran",
    ):
        assert harus in teks, harus
    assert r.context["baris"][0].n == 1
    tombol = {b.putaran.pk: b.putaran.status for b in r.context["baris"]}
    assert tombol == {p.pk: "dibuka", tutup.pk: "ditutup", draf.pk: "draf"}


def test_halaman_putaran_unit_pembaca_tanpa_tombol_dan_403_pada_post(client, jp):
    p = _putaran(jp)
    client.force_login(jp["pimpinan"])
    r = client.get(_url(jp) + f"?kuesioner={jp['skm'].pk}")
    teks = r.content.decode()
    assert r.status_code == 200 and "Semester I 2024" in teks
    for tidak in (
        reverse("survei_putaran_status", args=[p.pk]),
        reverse("survei_impor", args=[p.pk]),
        "Buat putaran",
        'name="jenis_periode"',
        "Buka<span",
    ):
        assert tidak not in teks, tidak

    r = client.post(
        _url(jp),
        {"kuesioner": jp["skm"].pk, "jenis_periode": "semester", "ke": 2, "tahun": 2024,
         "layanan": jp["skm"].layanan.first().pk},
    )  # fmt: skip
    assert r.status_code == 403 and "tidak berwenang membuat putaran" in r.content.decode()
    r = client.post(reverse("survei_putaran_status", args=[p.pk]), {"status": "dibuka"})
    assert r.status_code == 403 and "tidak berwenang" in r.content.decode()
    assert client.get(reverse("survei_putaran_ubah", args=[p.pk])).status_code == 403
    r = client.post(reverse("survei_putaran_ubah", args=[p.pk]), {"populasi": "9"})
    assert r.status_code == 403
    p.refresh_from_db()
    assert p.status == "draf" and p.populasi is None
    assert PutaranSurvei.objects.count() == 1
    # the round page shows no controls either
    teks = client.get(reverse("survei_putaran", args=[p.pk])).content.decode()
    assert reverse("survei_putaran_status", args=[p.pk]) not in teks
    assert reverse("survei_daftar_putaran", args=[jp["gambir"].slug, 2024]) in teks


def test_halaman_putaran_unit_orang_luar_403(client, jp):
    client.force_login(pabrik.pengguna("luar"))
    assert client.get(_url(jp)).status_code == 403
    client.logout()
    assert client.get(_url(jp)).status_code == 302


def test_buat_putaran_skm_dua_langkah_layanan_kuesioner(client, jp):
    client.force_login(jp["operator"])
    r = client.get(_url(jp))
    assert 'name="kuesioner"' in r.content.decode() and r.context["form"] is None
    r = client.get(_url(jp) + f"?kuesioner={jp['skm'].pk}")
    form = r.context["form"]
    assert set(form.fields["layanan"].queryset) == set(jp["skm"].layanan.all())
    assert form.initial["tahun"] == 2024
    lay = jp["skm"].layanan.order_by("urutan").first()
    data = {
        "kuesioner": jp["skm"].pk, "layanan": lay.pk, "jenis_periode": "triwulan", "ke": 3,
        "tahun": 2024, "populasi": "0", "pelaksana": "Kelurahan",
    }  # fmt: skip
    r = client.post(_url(jp), data)
    assert r.status_code == 400
    assert "Populasi harus bilangan bulat positif" in r.content.decode()
    data["populasi"] = "1500"
    r = client.post(_url(jp), data)
    assert r.status_code == 302 and r["Location"] == _url(jp)
    p = PutaranSurvei.objects.get()
    assert (p.status, p.layanan, p.jenis_periode, p.ke, p.populasi, p.pelaksana) == (
        "draf", lay, "triwulan", 3, 1500, "Kelurahan",
    )  # fmt: skip
    r = client.post(_url(jp), data)  # the same round again
    assert r.status_code == 400 and "sudah ada" in r.content.decode()
    data.update(ke=5)
    r = client.post(_url(jp), data)
    assert r.status_code == 400 and "Periode ke" in r.content.decode()
    assert PutaranSurvei.objects.count() == 1


def test_buat_putaran_iek_tanpa_layanan(client, jp):
    asisten = jp["asisten"]["Pemerintahan"]
    client.force_login(jp["admin"])
    url = reverse("survei_daftar_putaran", args=[asisten.slug, 2024])
    r = client.get(url + f"?kuesioner={jp['iek'].pk}")
    assert "layanan" not in r.context["form"].fields
    assert "tanpa layanan" in r.content.decode()
    r = client.post(
        url, {"kuesioner": jp["iek"].pk, "jenis_periode": "semester", "ke": 1, "tahun": 2024,
              "layanan": jp["skm"].layanan.first().pk},
    )  # fmt: skip
    assert r.status_code == 302
    p = PutaranSurvei.objects.get()
    assert p.organisasi == asisten and p.layanan is None and p.kuesioner == jp["iek"]


def test_tombol_status_dari_halaman(client, jp):
    p = _putaran(jp)
    client.force_login(jp["operator"])
    url = reverse("survei_putaran_status", args=[p.pk])
    r = client.post(url, {"status": "dibuka", "kembali": "putaran"})
    assert r.status_code == 302 and r["Location"] == reverse("survei_putaran", args=[p.pk])
    r = client.post(url, {"status": "ditutup"}, follow=True)
    assert r.redirect_chain[-1][0] == _url(jp)
    assert "formulir publik tidak menerima respon lagi" in r.content.decode()
    r = client.post(url, {"status": "dibuka", "alasan": ""}, follow=True)
    assert "Alasan wajib diisi" in r.content.decode()
    p.refresh_from_db()
    assert p.status == "ditutup"
    client.post(url, {"status": "dibuka", "alasan": "perpanjangan"})
    p.refresh_from_db()
    assert p.status == "dibuka"
    assert client.get(url).status_code == 405


def test_ubah_populasi_dari_halaman(client, jp):
    p = _putaran(jp)
    client.force_login(jp["operator"])
    url = reverse("survei_putaran_ubah", args=[p.pk])
    assert client.get(url).status_code == 200
    r = client.post(url, {"populasi": "-4", "pelaksana": "", "keterangan": ""})
    assert r.status_code == 400
    assert "Populasi harus bilangan bulat positif" in r.content.decode()
    r = client.post(url, {"populasi": "abc"})
    assert r.status_code == 400 and "Populasi harus bilangan bulat positif" in r.content.decode()
    r = client.post(url, {"populasi": "320", "pelaksana": "Tim kelurahan", "alasan": "rekap"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert (p.populasi, p.pelaksana) == (320, "Tim kelurahan")


def test_impor_get_403_bagi_yang_tidak_boleh_mengisi(client, jp):
    p = _putaran(jp)
    client.force_login(jp["pimpinan"])
    r = client.get(reverse("survei_impor", args=[p.pk]))
    assert r.status_code == 403
    assert "tidak berwenang mengimpor respon survei" in r.content.decode()
    client.force_login(jp["operator"])
    assert client.get(reverse("survei_impor", args=[p.pk])).status_code == 200


def test_halaman_tahap_survei_menautkan_halaman_putaran(client, jp):
    _putaran(jp)
    client.force_login(jp["operator"])
    r = client.get(reverse("tahap", args=["survei"]) + "?tahun=2024")
    assert reverse("survei_daftar_putaran", args=[jp["gambir"].slug, 2024]) in r.content.decode()


# ------------------------------------------------------------- issue 14: numbers (Populasi)


def test_angka_populasi_terlalu_besar_ditolak(client, jp):
    """Before: 99999999999999999999 in a round's Populasi field gave a 500 (the column holds
    at most 2.147.483.647)."""
    p = _putaran(jp)
    client.force_login(jp["operator"])
    url = reverse("survei_putaran_ubah", args=[p.pk])
    for isian in ("99999999999999999999", "2147483648"):
        r = client.post(url, {"populasi": isian, "pelaksana": "", "keterangan": ""})
        assert r.status_code == 400
        assert "paling besar 2.147.483.647" in r.content.decode()
    p.refresh_from_db()
    assert p.populasi is None
    with pytest.raises(ValidationError, match="paling besar 2.147.483.647"):
        layanan.putaran_ubah(putaran=p, aktor=jp["operator"], populasi=10**20)
    lay = jp["skm"].layanan.order_by("urutan").first()
    data = {
        "kuesioner": jp["skm"].pk, "layanan": lay.pk, "jenis_periode": "triwulan", "ke": 3,
        "tahun": 2024, "populasi": "99999999999999999999", "pelaksana": "",
    }  # fmt: skip
    r = client.post(_url(jp), data)
    assert r.status_code == 400 and "paling besar 2.147.483.647" in r.content.decode()
    assert client.get(_url(jp)).status_code == 200
    layanan.putaran_ubah(putaran=p, aktor=jp["operator"], populasi=2147483647)


# ------------------------------------------------------------------ defaults that fit (issue 19)


def test_membuka_putaran_yang_periodenya_berakhir_memperingatkan(client, jp):
    """Opening "Semester I 2024" in December 2026 says the period ended on 30 Juni 2024."""
    p = _putaran(jp)
    client.force_login(jp["operator"])
    r = client.post(
        reverse("survei_putaran_status", args=[p.pk]), {"status": "dibuka"}, follow=True
    )
    teks = r.content.decode()
    assert "dibuka: formulir publik menerima respon" in teks
    assert "Periode putaran ini (Semester I 2024) sudah berakhir pada 30 Juni 2024" in teks
    assert pemilih.akhir_periode_putaran(p).isoformat() == "2024-06-30"


def test_membuka_putaran_periode_berjalan_tanpa_peringatan(client, jp):
    from django.utils import timezone

    tahun = timezone.localdate().year
    p = layanan.putaran_buat(
        kuesioner=jp["skm"], organisasi=jp["gambir"], layanan=jp["skm"].layanan.first(),
        jenis_periode="tahun", tahun=tahun, ke=1, aktor=jp["operator"],
    )  # fmt: skip
    client.force_login(jp["operator"])
    r = client.post(
        reverse("survei_putaran_status", args=[p.pk]), {"status": "dibuka"}, follow=True
    )
    teks = r.content.decode()
    assert "dibuka: formulir publik menerima respon" in teks and "sudah berakhir" not in teks


def test_kuesioner_bawaan_sesuai_jenis_unit(client, jp):
    """A kelurahan's create form preselects the SKM; a coordinating unit (Asisten) the IEK."""
    assert pemilih.jenis_kuesioner_bawaan(jp["gambir"]) == "skm"
    client.force_login(jp["operator"])
    r = client.get(_url(jp))
    assert r.context["kuesioner_pilihan"][0].jenis == "skm"
    assert f'<option value="{jp["skm"].pk}" selected>' in r.content.decode()

    asisten = next(iter(jp["asisten"].values()))
    assert pemilih.jenis_kuesioner_bawaan(asisten) == "koordinasi"
    assert pemilih.kuesioner_pilihan(asisten)[0].jenis == "koordinasi"
    assert {k.pk for k in pemilih.kuesioner_pilihan(asisten)} == {
        k.pk for k in pemilih.kuesioner_pilihan()
    }
