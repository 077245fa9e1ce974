"""SQL aggregation agrees with the engine; review status excludes a response without deleting it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.rumus.ikm import KODE_UNSUR_BAKU, ikm_dari_responden
from kinerja.survei import layanan, pemilih
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.models import Jawaban, PeristiwaRespon, RekapJawaban, Respon, StatusRespon
from tests import pabrik

pytestmark = pytest.mark.django_db

jawaban = st.one_of(st.none(), st.integers(1, 4))
baris = st.lists(jawaban, min_size=9, max_size=9).filter(lambda r: any(v is not None for v in r))


def _putaran(org, k, user, ke=1, layanan_obj=None):
    layanan_obj = layanan_obj or k.layanan.order_by("urutan").first()
    return layanan.putaran_buat(
        kuesioner=k, organisasi=org, layanan=layanan_obj, jenis_periode="semester",
        tahun=2024, ke=ke, populasi=100, aktor=user,
    )  # fmt: skip


def _isi(r, **lain):
    return layanan.IsianRespon(
        jawaban={f"F{i}": v for i, v in enumerate(r, start=1)},
        demografi={
            "jenis_kelamin": "P",
            "usia": "26-35",
            "pendidikan": "s1",
            "pekerjaan": "swasta",
        },
        **lain,
    )


@pytest.fixture
def dasar():
    kota = pabrik.organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    kel = pabrik.organisasi("Kelurahan Uji", "kelurahan", kota, slug="kel-uji")
    admin = pabrik.pengguna("admin_uji", ("admin", kota))
    return {"kota": kota, "kel": kel, "admin": admin, "k": kuesioner_baku("skm")}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.lists(baris, min_size=1, max_size=25))
def test_sql_sama_dengan_mesin(dasar, data):
    """Random grids with blanks: GROUP BY SUM/COUNT + ikm_dari_unsur == ikm_dari_responden
    (blanks leave their unsur's denominator, ikm.md §1.4(e))."""
    # each example gets its own putaran (hypothesis reuses the function-scoped fixture)
    ke = Respon.objects.values("putaran").distinct().count() % 4 + 1
    tahun = 2000 + Respon.objects.values("putaran").distinct().count()
    p = layanan.putaran_buat(
        kuesioner=dasar["k"], organisasi=dasar["kel"], layanan=dasar["k"].layanan.first(),
        jenis_periode="triwulan", tahun=tahun, ke=ke, aktor=dasar["admin"],
    )  # fmt: skip
    layanan.respon_simpan_banyak(putaran=p, daftar=[_isi(r) for r in data], saluran="impor")
    assert pemilih.rekap_selisih([p]) == []
    db = pemilih.hasil_putaran([p])[0].hasil
    kode = [
        k for k in KODE_UNSUR_BAKU if any(r[KODE_UNSUR_BAKU.index(k)] is not None for r in data)
    ]
    if len(kode) < 9:  # an unsur nobody answered has no NRR: compare over the answered unsur
        idx = [KODE_UNSUR_BAKU.index(k) for k in kode]
        data = [[r[i] for i in idx] for r in data if any(r[i] is not None for i in idx)]
        mesin = ikm_dari_responden(data, kode_unsur=kode)
        assert db.nrr == mesin.nrr and db.ikm == mesin.ikm
    else:
        mesin = ikm_dari_responden(data)
        assert db.nrr == mesin.nrr
        assert db.ikm == mesin.ikm and db.konversi == mesin.konversi and db.mutu == mesin.mutu
        assert db.jumlah_responden == len(data)


status_acak = st.sampled_from(["valid", "valid", "valid", "meragukan", "ditolak"])


@pytest.mark.parametrize("batas_daftar", [5000, 0])  # 0: non-valid ids through a subquery
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.lists(st.tuples(baris, status_acak), min_size=1, max_size=20))
def test_sql_sama_dengan_mesin_dengan_status(dasar, batas_daftar, data, monkeypatch):
    """Responses marked meragukan/ditolak are subtracted exactly: the database result equals
    the engine over the valid rows only, whichever way the non-valid ids are excluded."""
    monkeypatch.setattr(pemilih, "BATAS_DAFTAR_TIDAK_VALID", batas_daftar)
    n = Respon.objects.values("putaran").distinct().count()
    p = layanan.putaran_buat(
        kuesioner=dasar["k"], organisasi=dasar["kel"], layanan=dasar["k"].layanan.first(),
        jenis_periode="triwulan", tahun=1900 + n, ke=1, aktor=dasar["admin"],
    )  # fmt: skip
    layanan.respon_simpan_banyak(putaran=p, daftar=[_isi(r) for r, _ in data], saluran="impor")
    for r, (_, status) in zip(Respon.objects.filter(putaran=p).order_by("pk"), data, strict=True):
        if status != "valid":
            Respon.objects.filter(pk=r.pk).update(status=status, alasan_status="uji")
    sah = [r for r, status in data if status == "valid"]
    h = pemilih.hasil_putaran([p])[0]
    # the same totals through the answers themselves (the path of filtered views)
    semua = pemilih.agregat_butir([p], saring=Q(putaran_id=p.pk))
    assert semua == pemilih.agregat_butir([p])
    assert h.n == len(sah)
    if not sah:
        assert h.hasil is None
        return
    kode = [k for i, k in enumerate(KODE_UNSUR_BAKU) if any(r[i] is not None for r in sah)]
    idx = [KODE_UNSUR_BAKU.index(k) for k in kode]
    grid = [[r[i] for i in idx] for r in sah if any(r[i] is not None for i in idx)]
    mesin = ikm_dari_responden(grid, kode_unsur=kode)
    assert h.hasil.nrr == mesin.nrr and h.hasil.ikm == mesin.ikm


def test_respon_baru_hanya_valid_atau_meragukan_beralasan(dasar):
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    with pytest.raises(ValidationError):
        layanan.respon_simpan(putaran=p, isian=_isi([4] * 9), saluran="web", status="ditolak")
    with pytest.raises(ValidationError):
        layanan.respon_simpan(putaran=p, isian=_isi([4] * 9), saluran="web", status="meragukan")
    r = layanan.respon_simpan(
        putaran=p, isian=_isi([4] * 9), saluran="web", status="meragukan", alasan_status="letupan"
    )
    assert (r.status, r.alasan_status) == ("meragukan", "letupan")
    assert Respon.objects.filter(putaran=p).count() == 1  # the refused ones stored nothing
    assert pemilih.hasil_putaran([p])[0].n == 0


def test_respon_ditolak_dikeluarkan_tetapi_disimpan(dasar):
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    data = [[4] * 9, [4] * 9, [1] * 9]
    layanan.respon_simpan_banyak(putaran=p, daftar=[_isi(r) for r in data], saluran="web")
    awal = pemilih.hasil_putaran([p])[0]
    assert awal.n == 3 and awal.hasil.konversi == ikm_dari_responden(data).konversi
    buruk = Respon.objects.filter(putaran=p).order_by("pk").last()
    verif = pabrik.pengguna("verif_uji", ("verifikator", dasar["kota"]))
    with pytest.raises(ValidationError):
        layanan.respon_tinjau(respon=buruk, status=StatusRespon.DITOLAK, alasan="", aktor=verif)
    op = pabrik.pengguna("op_uji", ("operator", dasar["kel"]))
    with pytest.raises(PermissionDenied):
        layanan.respon_tinjau(respon=buruk, status="ditolak", alasan="x", aktor=op)
    layanan.respon_tinjau(
        respon=buruk,
        status=StatusRespon.DITOLAK,
        alasan="pola isian robot (semua 1 dalam 3 detik)",
        aktor=verif,
    )
    sesudah = pemilih.hasil_putaran([p])[0]
    assert sesudah.n == 2 and sesudah.hasil.konversi == 100
    assert Respon.objects.filter(putaran=p).count() == 3  # kept
    assert Jawaban.objects.filter(respon=buruk).count() == 9
    e = PeristiwaRespon.objects.get(respon=buruk)
    assert (e.dari_status, e.ke_status, e.aktor) == ("valid", "ditolak", verif)
    # back to valid: counted again
    layanan.respon_tinjau(respon=buruk, status="valid", alasan="diperiksa ulang", aktor=verif)
    assert pemilih.hasil_putaran([p])[0].n == 3


def test_respon_tidak_dapat_diubah_atau_dihapus(dasar):
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    r = layanan.respon_simpan(putaran=p, isian=_isi([4] * 9), saluran="web")
    with pytest.raises(RuntimeError):
        r.delete()
    with pytest.raises(RuntimeError):
        Respon.objects.filter(pk=r.pk).delete()
    with pytest.raises(RuntimeError):
        Respon.objects.filter(pk=r.pk).update(saran="diubah")
    r.saran = "diubah"
    with pytest.raises(RuntimeError):
        r.save()
    with pytest.raises(RuntimeError):
        Jawaban.objects.filter(respon=r).update(nilai=1)


def test_validasi_isian(dasar):
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    with pytest.raises(ValidationError, match="F3"):
        layanan.respon_simpan(putaran=p, isian=_isi([4, 4, 5, 4, 4, 4, 4, 4, 4]), saluran="web")
    with pytest.raises(ValidationError):
        layanan.respon_simpan(putaran=p, isian=_isi([None] * 9), saluran="web")
    isi = _isi([4] * 9)
    isi.demografi = {**isi.demografi, "jenis_kelamin": "X"}
    with pytest.raises(ValidationError, match="Jenis kelamin"):
        layanan.respon_simpan(putaran=p, isian=isi, saluran="web")
    assert not Respon.objects.exists()


def test_telepon_hanya_sidik(dasar):
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    a = layanan.respon_simpan(
        putaran=p,
        isian=_isi([4] * 9, telepon="0812-3456-789", alamat_klien="10.1.2.3"),
        saluran="web",
    )
    b = layanan.respon_simpan(
        putaran=p, isian=_isi([4] * 9, telepon="+62 812 3456 789"), saluran="web"
    )
    assert a.hash_telepon == b.hash_telepon and len(a.hash_telepon) == 64
    assert "3456" not in a.hash_telepon and a.hash_alamat and "10.1" not in a.hash_alamat
    for nilai in Respon.objects.values_list(flat=False):
        assert not any("3456789" in str(x) for x in nilai)


def test_gabung_menyebut_aturan(dasar):
    k = dasar["k"]
    kel_b = pabrik.organisasi("Kelurahan B", "kelurahan", dasar["kota"], slug="kel-b")
    for org, data in ((dasar["kel"], [[4] * 9] * 3), (kel_b, [[3] * 9])):
        for ke in (1, 2):
            p = _putaran(org, k, dasar["admin"], ke=ke)
            layanan.respon_simpan_banyak(putaran=p, daftar=[_isi(r) for r in data], saluran="web")
    for aturan, harap in (
        ("rata_rata_unit", "87.5"),
        ("gabung_responden", "93.75"),
        ("tertimbang_responden", "93.75"),
    ):
        lap = pemilih.laporan(dasar["kota"], k.kode, 2024, aturan_unit=aturan)
        t = lap.total["per_periode"][(2024, "semester", 1)]
        assert t.aturan == aturan and str(t.konversi.normalize()) == harap
        assert lap.total["tahun"].aturan == "rata_rata_unit"
    assert lap.unsur_terlemah is not None and dt.date.today()


def test_rekap_diperiksa_dan_dibangun_ulang(dasar, capsys):
    """The count table matches the answers after every writer; a drifted count is reported
    by `survei_rekap --periksa` (exit code 1) and repaired by `--bangun-ulang`."""
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    layanan.respon_simpan(putaran=p, isian=_isi([4, None, 3, 3, 3, 3, 3, 3, 2]), saluran="web")
    layanan.respon_simpan_banyak(
        putaran=p, daftar=[_isi([4] * 9), _isi([1] * 8 + [None])], saluran="impor"
    )
    assert pemilih.rekap_selisih() == []
    butir1 = dasar["k"].butir.order_by("urutan").first()
    assert RekapJawaban.objects.get(putaran=p, butir=butir1, nilai=4).jumlah == 2
    blank = dasar["k"].butir.order_by("urutan")[1]
    assert RekapJawaban.objects.get(putaran=p, butir=blank, nilai=0).jumlah == 1
    benar = pemilih.hasil_putaran([p])[0].hasil
    RekapJawaban.objects.filter(putaran=p, butir=butir1, nilai=4).update(jumlah=7)
    assert pemilih.rekap_selisih([p]) == [(p.pk, butir1.pk, 4, 7, 2)]
    with pytest.raises(CommandError, match="berbeda di 1 baris"):
        call_command("survei_rekap", "--periksa")
    assert (
        f"putaran {p.pk}, butir {butir1.pk}, nilai 4: rekap 7, jawaban 2" in capsys.readouterr().out
    )
    call_command("survei_rekap", "--bangun-ulang", "--putaran", str(p.pk))
    call_command("survei_rekap", "--periksa")
    assert pemilih.hasil_putaran([p])[0].hasil == benar


def test_demografi_per_nilai_sama_dengan_mesin(dasar):
    """IKM per demographic value (one pass over the answers, summed over the other fields'
    values) equals the engine on that group's valid rows; a rejected response is left out
    of its group and of n."""
    p = _putaran(dasar["kel"], dasar["k"], dasar["admin"])
    data = [
        ([4] * 9, "P", "s1"),
        ([3, 3, 4, 4, 3, 3, 4, None, 3], "P", "sma"),
        ([2, 3, 3, 3, 3, 3, 3, 3, 3], "L", "s1"),
        ([1] * 9, "L", "sma"),  # rejected below
        ([4, 4, 4, 3, 3, 3, 4, 4, 4], "L", "sma"),
    ]
    daftar = []
    for r, jk, pend in data:
        isi = _isi(r)
        isi.demografi = {**isi.demografi, "jenis_kelamin": jk, "pendidikan": pend}
        daftar.append(isi)
    layanan.respon_simpan_banyak(putaran=p, daftar=daftar, saluran="impor")
    tolak = Respon.objects.filter(putaran=p).order_by("pk")[3]
    Respon.objects.filter(pk=tolak.pk).update(status="ditolak", alasan_status="uji")
    sah = [d for i, d in enumerate(data) if i != 3]
    hasil = {
        x["isian"].kunci: x for x in pemilih.demografi(dasar["kota"], "skm-kelurahan-dki", 2024)
    }
    for kunci, pos in (("jenis_kelamin", 1), ("pendidikan", 2)):
        kelompok = {k["nilai"]: k for k in hasil[kunci]["kelompok"]}
        for nilai in {d[pos] for d in sah}:
            grid = [d[0] for d in sah if d[pos] == nilai]
            mesin = ikm_dari_responden(grid)
            assert kelompok[nilai]["n"] == len(grid), (kunci, nilai)
            assert kelompok[nilai]["konversi"] == mesin.konversi, (kunci, nilai)
    usia = hasil["usia"]["kelompok"]
    assert [(k["nilai"], k["n"]) for k in usia] == [("26-35", 4)]
