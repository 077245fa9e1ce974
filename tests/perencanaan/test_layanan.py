"""Services of the planning pages (perencanaan/layanan.py): who may write, what is checked
and with which message, and that every change after signing is a numbered revision with
its audit trail (docs/keputusan/0019-penyusunan-pk.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja.perencanaan import layanan
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    PerjanjianKinerja,
    PerubahanTarget,
    RevisiPK,
    Sasaran,
    StatusPK,
)
from tests import pabrik
from tests.perencanaan.bantu import indikator

pytestmark = pytest.mark.django_db

KEPALA = {"pihak_pertama_jabatan": "Lurah A", "pihak_kedua_jabatan": "Camat Uji"}


def _galat(e: pytest.ExceptionInfo) -> dict:
    return e.value.message_dict


def _draf(p, tahun=2025, aktor=None):
    return layanan.pk_buat(organisasi=p["kel_a"], tahun=tahun, aktor=aktor or p["op_a"], **KEPALA)


def _ttd(p, pk, tanggal=dt.date(2025, 1, 2)):
    return layanan.pk_tandatangani(pk=pk, aktor=p["op_a"], tanggal=tanggal)


# --- pk_buat ------------------------------------------------------------------------------


def test_pk_buat_sebagai_draf_dengan_riwayat(p):
    pk = _draf(p)
    assert pk.status == StatusPK.DRAFT and pk.tahun == 2025
    assert pk.pihak_pertama_jabatan == "Lurah A" and pk.pihak_kedua_jabatan == "Camat Uji"
    h = pk.history.get()
    assert h.history_change_reason == "PK dibuat (draf)" and h.history_user == p["op_a"]


def test_pk_buat_admin_di_atas_boleh_operator_lain_dan_verifikator_tidak(p):
    assert _draf(p, aktor=p["admin"]).organisasi == p["kel_a"]
    for orang in ("op_b", "verif", "pimpinan", "evaluator"):
        with pytest.raises(PermissionDenied, match="tidak berwenang menyusun"):
            _draf(p, tahun=2026, aktor=p[orang])
    assert PerjanjianKinerja.objects.count() == 1


def test_pk_buat_menolak_pk_yang_sudah_ada_untuk_unit_dan_tahun(p):
    _draf(p)
    with pytest.raises(ValidationError) as e:
        _draf(p)
    (pesan,) = _galat(e)["tahun"]
    assert "Perjanjian Kinerja Kelurahan A tahun 2025 sudah ada (status: Draf)" in pesan
    assert "satu PK per tahun" in pesan
    # A signed PK loaded earlier (sample data, admin, pabrik) is refused the same way.
    pabrik.indikator_pk(p["kel_a"], tahun=2024)
    with pytest.raises(ValidationError) as e:
        _draf(p, tahun=2024)
    assert "status: Ditandatangani" in _galat(e)["tahun"][0]
    assert "revisi" in _galat(e)["tahun"][0]
    assert PerjanjianKinerja.objects.filter(organisasi=p["kel_a"]).count() == 2


def test_pk_buat_memeriksa_isian_dan_menyebut_bidangnya(p):
    with pytest.raises(ValidationError) as e:
        layanan.pk_buat(
            organisasi=p["kel_a"],
            tahun=1999,
            aktor=p["op_a"],
            pihak_pertama_jabatan="  ",
            tempat="x" * 101,
        )
    g = _galat(e)
    assert g["tahun"] == ["Tahun harus antara 2000 dan 2100 (diisi 1999)."]
    assert g["pihak_pertama_jabatan"] == ["Jabatan pihak pertama wajib diisi."]
    assert g["tempat"] == ["Tempat paling banyak 100 karakter (sekarang 101)."]
    assert not PerjanjianKinerja.objects.exists()


def test_pk_ubah_hanya_draf_dan_hanya_bila_berubah(p):
    pk = _draf(p)
    layanan.pk_ubah(pk=pk, aktor=p["op_a"], **KEPALA)  # nothing differs: no history row
    assert pk.history.count() == 1
    layanan.pk_ubah(pk=pk, aktor=p["op_a"], **KEPALA, pihak_pertama_nama="Budi")
    pk.refresh_from_db()
    assert pk.pihak_pertama_nama == "Budi" and pk.history.count() == 2
    layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    _ttd(p, pk)
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        layanan.pk_ubah(pk=pk, aktor=p["op_a"], **KEPALA, pihak_pertama_nama="Ani")


# --- butir ---------------------------------------------------------------------------------


def test_butir_tambah_indikator_lama_urutan_bertambah(p):
    pk = _draf(p)
    a = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target=Decimal("82.5"))
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="90")
    assert (a.urutan, a.target, b.urutan, b.target) == (1, Decimal("82.5"), 2, Decimal("90"))
    assert a.history.get().history_change_reason == "ditambahkan ke PK 2025 (draf)"
    c = layanan.butir_tambah(
        pk=pk, aktor=p["op_a"], indikator=p["opini"], target_teks="WTP", urutan=7
    )
    assert c.urutan == 7 and c.target is None and c.target_teks == "WTP"
    d = layanan.butir_tambah(
        pk=pk, aktor=p["op_a"], indikator=p["inflasi"], target_bawah="2,5", target_atas="3.5"
    )
    assert (d.target_bawah, d.target_atas, d.target) == (Decimal("2.5"), Decimal("3.5"), None)


def test_butir_tambah_indikator_baru_dengan_sasaran_baru_tercatat(p):
    pk = _draf(p)
    b = layanan.butir_tambah(
        pk=pk,
        aktor=p["op_a"],
        sasaran_uraian="Meningkatnya ketertiban umum",
        sasaran_kelompok="operasional",
        indikator_nama="Persentase pelanggaran trantib yang ditindak",
        satuan="%",
        polaritas="positif",
        frekuensi="triwulan",
        target="75",
    )
    ind = b.indikator
    assert ind.organisasi == p["kel_a"] and ind.satuan == "%" and ind.frekuensi == "triwulan"
    assert ind.jenis_target == "biasa" and ind.polaritas == "positif"
    s = ind.sasaran
    assert (s.nomor, s.kelompok, s.organisasi) == (3, "operasional", p["kel_a"])  # after 1, 2
    assert s.history.get().history_change_reason == "sasaran baru dari PK 2025"
    assert ind.history.get().history_user == p["op_a"]
    # under an existing sasaran, defaults for polaritas and frekuensi
    b2 = layanan.butir_tambah(
        pk=pk,
        aktor=p["op_a"],
        sasaran=Sasaran.objects.get(organisasi=p["kel_a"], nomor=1),
        indikator_nama="Jumlah layanan daring",
        satuan="Layanan",
        target="12",
    )
    assert b2.indikator.sasaran.nomor == 1
    assert (b2.indikator.polaritas, b2.indikator.frekuensi) == ("positif", "tahun")


@pytest.mark.parametrize(
    ("isian", "bidang", "potongan"),
    [
        ({"target": "1"}, "indikator", "Pilih indikator yang sudah ada, atau isi nama"),
        (
            {"ikm": True, "indikator_nama": "X", "target": "1"},
            "indikator_nama",
            "hanya untuk indikator baru",
        ),
        (
            {"ikm": True, "satuan": "%", "target": "1"},
            "satuan",
            "Satuan indikator yang dipilih adalah Nilai",
        ),
        ({"ikm": True, "polaritas": "negatif", "target": "1"}, "polaritas", "Positif"),
        ({"ikm": True}, "target", "Target wajib diisi (angka, contoh: 90,35)."),
        ({"ikm": True, "target": "-1"}, "target", "Target tidak boleh negatif"),
        ({"ikm": True, "target": "1.1234567"}, "target", "paling banyak 6 angka di belakang koma"),
        ({"ikm": True, "target": "1e19"}, "target", "terlalu besar"),
        ({"ikm": True, "target": "abc"}, "target", "'abc' bukan angka"),
        (
            {"ikm": True, "target": "1", "target_teks": "WTP"},
            "target_teks",
            "tidak dipakai untuk indikator bertarget 'Angka'",
        ),
        ({"ikm": True, "target": "1", "urutan": 0}, "urutan", "Urutan harus antara 1 dan 9999"),
        (
            {"opini": True, "target_teks": "Baik"},
            "target_teks",
            "'Baik' bukan label opini BPK; pilih salah satu: WTP, WDP, TW, TMP.",
        ),
        (
            {"opini": True, "target": "4"},
            "target",
            "tidak dipakai untuk indikator bertarget 'Kualitatif",
        ),
        (
            {"inflasi": True, "target_bawah": "3"},
            "target_atas",
            "Target atas wajib diisi untuk target rentang",
        ),
        (
            {"inflasi": True, "target_bawah": "3", "target_atas": "2"},
            "target_atas",
            "lebih kecil daripada target bawah (3)",
        ),
        (
            {"indikator_nama": "Baru", "target": "1"},
            "satuan",
            "Satuan wajib diisi untuk indikator baru",
        ),
        (
            {"indikator_nama": "Baru", "satuan": "%", "target": "1"},
            "sasaran",
            "Pilih sasaran indikator baru",
        ),
        (
            {
                "indikator_nama": "Indeks kepuasan masyarakat",
                "satuan": "Nilai",
                "sasaran_nomor": 1,
                "target": "1",
            },
            "indikator_nama",
            "sudah ada pada sasaran 1",
        ),
        (
            {"satuan": "%", "sasaran_uraian": "S", "target": "1"},
            "indikator_nama",
            "Nama indikator baru wajib diisi",
        ),
    ],
)
def test_butir_tambah_menolak_dengan_pesan_per_bidang(p, isian, bidang, potongan):
    pk = _draf(p)
    isian = dict(isian)
    for kunci in ("ikm", "opini", "inflasi"):
        if isian.pop(kunci, False):
            isian["indikator"] = p[kunci]
    if "sasaran_nomor" in isian:
        isian["sasaran"] = Sasaran.objects.get(
            organisasi=p["kel_a"], nomor=isian.pop("sasaran_nomor")
        )
    with pytest.raises(ValidationError) as e:
        layanan.butir_tambah(pk=pk, aktor=p["op_a"], **isian)
    assert any(potongan in m for m in _galat(e)[bidang]), _galat(e)
    assert not ButirPK.objects.exists()
    assert Indikator.objects.filter(organisasi=p["kel_a"]).count() == 4  # nothing created


def test_butir_tambah_menolak_indikator_ganda_dan_indikator_unit_lain(p):
    pk = _draf(p)
    layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    with pytest.raises(ValidationError) as e:
        layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="85")
    assert "sudah ada di PK ini (urutan 1)" in _galat(e)["indikator"][0]
    lain = indikator(p["kel_b"], "Indeks kelurahan B")
    with pytest.raises(ValidationError) as e:
        layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=lain, target="85")
    assert _galat(e)["indikator"] == ["Indikator 'Indeks kelurahan B' bukan indikator Kelurahan A."]
    assert ButirPK.objects.get().target == Decimal("80")  # unchanged


def test_butir_ubah_dan_hapus_selama_draf_tercatat(p):
    pk = _draf(p)
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    layanan.butir_ubah(butir=b, aktor=p["op_a"], target="81,5", urutan=3)
    b.refresh_from_db()
    assert (b.target, b.urutan) == (Decimal("81.5"), 3)
    layanan.butir_ubah(butir=b, aktor=p["op_a"], target="81.5", urutan=3)  # no change
    assert [h.history_change_reason for h in b.history.order_by("history_id")] == [
        "ditambahkan ke PK 2025 (draf)",
        "butir diubah (PK 2025 draf)",
    ]
    with pytest.raises(ValidationError) as e:
        layanan.butir_ubah(butir=b, aktor=p["op_a"], target="81", target_atas="90")
    assert "Target atas tidak dipakai" in _galat(e)["target_atas"][0]
    with pytest.raises(PermissionDenied):
        layanan.butir_hapus(butir=b, aktor=p["op_b"])
    layanan.butir_hapus(butir=b, aktor=p["op_a"])
    assert not ButirPK.objects.exists()
    hapus = ButirPK.history.filter(id=b.pk, history_type="-").get()
    assert hapus.history_user == p["op_a"] and hapus.target == Decimal("81.5")
    assert Indikator.objects.filter(pk=p["ikm"].pk).exists()  # the indicator stays


# --- signing -------------------------------------------------------------------------------


def test_tandatangani_memerlukan_butir_dan_tanggal_yang_sudah_lewat(p):
    pk = _draf(p)
    with pytest.raises(ValidationError) as e:
        layanan.pk_tandatangani(pk=pk, aktor=p["op_a"], tanggal=None)
    g = _galat(e)
    assert g["tanggal"][0].startswith("Tanggal penandatanganan wajib diisi")
    assert "PK belum memiliki butir" in g["__all__"][0]
    layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    besok = dt.date.today() + dt.timedelta(days=2)
    with pytest.raises(ValidationError, match="tidak boleh setelah hari ini"):
        layanan.pk_tandatangani(pk=pk, aktor=p["op_a"], tanggal=besok)
    with pytest.raises(PermissionDenied):
        layanan.pk_tandatangani(pk=pk, aktor=p["verif"], tanggal=dt.date(2025, 1, 2))
    pk = layanan.pk_tandatangani(
        pk=pk, aktor=p["op_a"], tanggal=dt.date(2025, 1, 2), tempat="Jakarta"
    )
    pk.refresh_from_db()
    assert (pk.status, pk.tanggal, pk.tempat) == ("ditandatangani", dt.date(2025, 1, 2), "Jakarta")
    assert pk.history.latest().history_change_reason == "PK ditandatangani"
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        _ttd(p, pk)


def test_tandatangani_menolak_butir_tanpa_target(p):
    pk = _draf(p)
    ButirPK.objects.create(pk_dokumen=pk, indikator=p["opini"])  # e.g. from admin: no label
    with pytest.raises(ValidationError) as e:
        _ttd(p, pk)
    assert _galat(e)["__all__"] == ["Target belum diisi untuk: Opini BPK."]


def test_setelah_ditandatangani_butir_terkunci(p):
    pk = _draf(p)
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    _ttd(p, pk)
    with pytest.raises(ValidationError) as e:
        layanan.butir_ubah(butir=b, aktor=p["op_a"], target="90")
    assert "Perubahan target dicatat sebagai revisi PK" in _galat(e)["target"][0]
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        layanan.butir_hapus(butir=b, aktor=p["op_a"])
    with pytest.raises(ValidationError, match="sudah ditandatangani"):
        layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="1")
    b.refresh_from_db()
    assert b.target == Decimal("80") and ButirPK.objects.count() == 1


# --- revisions -----------------------------------------------------------------------------


def _pk_final(p):
    pk = _draf(p)
    a = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["sampah"], target="90")
    c = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["opini"], target_teks="WTP")
    return _ttd(p, pk), a, b, c


def test_revisi_mencatat_nomor_target_lama_baru_dan_riwayat(p):
    pk, a, b, _ = _pk_final(p)
    r = layanan.pk_revisi(
        pk=pk,
        aktor=p["op_a"],
        dasar_hukum="Instruksi Sekda 19/2024",
        alasan="Pergeseran anggaran",
        target_baru={a.pk: "82", b.pk: "90"},  # b unchanged: not a change
        tanggal=dt.date(2025, 7, 1),
    )
    assert (r.nomor, r.dibuat_oleh, r.tanggal) == (1, "op_a", dt.date(2025, 7, 1))
    (u,) = r.perubahan.all()
    assert (u.butir, u.target_lama, u.target_baru) == (a, Decimal("80"), Decimal("82"))
    a.refresh_from_db()
    assert a.target == Decimal("82")
    h = a.history.latest()
    assert h.history_change_reason == "revisi PK 1: Pergeseran anggaran"
    assert h.history_user == p["op_a"] and h.prev_record.target == Decimal("80")
    r2 = layanan.pk_revisi(
        pk=pk, aktor=p["admin"], dasar_hukum="Instruksi 2", alasan="Lagi", target_baru={a.pk: "85"}
    )
    assert r2.nomor == 2 and r2.perubahan.get().target_lama == Decimal("82")
    assert PerubahanTarget.objects.count() == 2


def test_revisi_ditolak_dengan_pesan(p):
    pk, a, b, c = _pk_final(p)
    with pytest.raises(ValidationError) as e:
        layanan.pk_revisi(
            pk=pk,
            aktor=p["op_a"],
            dasar_hukum="",
            alasan=" ",
            target_baru={a.pk: "", b.pk: "-5", c.pk: "WDP", 999999: "1"},
        )
    g = _galat(e)
    assert g["dasar_hukum"] == ["Dasar hukum revisi wajib diisi."]
    assert g["alasan"] == ["Alasan revisi wajib diisi."]
    assert "wajib diisi; biarkan target lama" in g[f"target_{a.pk}"][0]
    assert "tidak boleh negatif" in g[f"target_{b.pk}"][0]
    assert "belum dapat direvisi" in g[f"target_{c.pk}"][0]
    assert g["target_999999"] == ["Butir 999999 bukan bagian PK ini."]
    with pytest.raises(ValidationError, match="Tidak ada target yang berubah"):
        layanan.pk_revisi(
            pk=pk, aktor=p["op_a"], dasar_hukum="X", alasan="Y", target_baru={a.pk: "80.000"}
        )
    with pytest.raises(PermissionDenied):
        layanan.pk_revisi(
            pk=pk, aktor=p["pimpinan"], dasar_hukum="X", alasan="Y", target_baru={a.pk: "1"}
        )
    assert not RevisiPK.objects.exists()
    a.refresh_from_db()
    assert a.target == Decimal("80")


def test_revisi_hanya_untuk_pk_yang_ditandatangani(p):
    pk = _draf(p)
    b = layanan.butir_tambah(pk=pk, aktor=p["op_a"], indikator=p["ikm"], target="80")
    with pytest.raises(ValidationError, match="masih draf"):
        layanan.pk_revisi(
            pk=pk, aktor=p["op_a"], dasar_hukum="X", alasan="Y", target_baru={b.pk: "81"}
        )


def test_pk_lama_tanpa_status_dianggap_ditandatangani(p):
    """PKs from before the status (pabrik, sample data, admin) are signed documents: their
    targets change only through revisions, numbered after the existing ones."""
    ind, butir = pabrik.indikator_pk(p["kel_a"], tahun=2024, target="90.35")
    pk = butir.pk_dokumen
    assert pk.status == StatusPK.DITANDATANGANI
    RevisiPK.objects.create(pk_dokumen=pk, nomor=1, dasar_hukum="lama", alasan="lama")
    with pytest.raises(ValidationError):
        layanan.butir_ubah(butir=butir, aktor=p["op_a"], target="95")
    r = layanan.pk_revisi(
        pk=pk, aktor=p["op_a"], dasar_hukum="Baru", alasan="Alasan", target_baru={butir.pk: "95"}
    )
    assert r.nomor == 2
