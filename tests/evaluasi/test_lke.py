"""LKE worksheet: scores through the engine, the workflow and each role's rights, bad input
refused with nothing half-saved, evidence, versions."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kinerja.evaluasi import lke_layanan as layanan
from kinerja.evaluasi import pemilih
from kinerja.evaluasi.contoh import JAWABAN
from kinerja.evaluasi.izin import dapat_melihat_lembar
from kinerja.evaluasi.models import Jawaban, LembarKerja, TransisiLembar, VersiLKE
from kinerja.evaluasi.versi import DATA, muat_versi, struktur
from kinerja.perencanaan.models import PerjanjianKinerja
from kinerja.rumus import lke
from kinerja.rumus.bilangan import DataTidakValid
from tests import pabrik
from tests.evaluasi.bantu import PDF, isi_semua, pohon_evaluasi, tinjau_semua

pytestmark = pytest.mark.django_db


def _versi():
    return lke.versi_dari_data(json.loads((DATA / "lke_88_2021.json").read_text()))


def test_data_lke_88_2021_bobot_dan_skala():
    v = _versi()
    assert [(k.nama, k.bobot) for k in v.struktur] == [
        ("Perencanaan Kinerja", 30),
        ("Pengukuran Kinerja", 30),
        ("Pelaporan Kinerja", 15),
        ("Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]
    assert [s.bobot for s in v.struktur[3].sub] == [5, Decimal("7.5"), Decimal("12.5")]
    kr = v.kriteria()
    assert len(kr) == 57
    assert all(k.skala == ("Y", "T") for kode, k in kr.items() if kode.split(".")[1] == "a")
    assert all(k.skala == tuple("ABCDE") for kode, k in kr.items() if kode.split(".")[1] != "a")
    assert v.peta["B"] == Decimal("0.75") and v.peta["D"] == Decimal("0.25")


def test_semua_a_memberi_100():
    v = _versi()
    jawaban = {k: kr.skala[0] for k, kr in v.kriteria().items()}
    h = lke.nilai_lke_dari_jawaban(jawaban, struktur=v.struktur, peta=v.peta)
    assert h.nilai == 100 and h.predikat == "AA"


def test_campuran_sama_dengan_hitungan_tangan():
    """The demo's penetapan: Perencanaan 6 + 9×5/6 + 15×4/5 = 25,5; Pengukuran 6 + 9×3,75/5 +
    15×4,25/5 = 25,5; Pelaporan 3 + 4,5×3,25/4 + 7,5×3,25/4 = 12,75; Evaluasi internal
    5 + 7,5×4,25/5 + 12,5×4,25/5 = 22 → 85,75 (A), the seed's reported result."""
    v = _versi()
    jawaban = {k: (p or u) for k, (u, p, _a) in JAWABAN.items()}
    h = lke.nilai_lke_dari_jawaban(jawaban, struktur=v.struktur, peta=v.peta)
    assert [b[2] for b in h.komponen] == [
        Decimal("25.5"),
        Decimal("25.5"),
        Decimal("12.75"),
        Decimal("22"),
    ]
    assert h.nilai == Decimal("85.75") and h.predikat == "A"
    # Another mix: every Y/T criterion T, every graded one C: 0,5 × (80) = 40 → C.
    jawaban = {k: ("T" if "Y" in kr.skala else "C") for k, kr in v.kriteria().items()}
    h = lke.nilai_lke_dari_jawaban(jawaban, struktur=v.struktur, peta=v.peta)
    assert h.nilai == 40 and h.predikat == "C"


def test_mesin_menolak_jawaban_di_luar_skala():
    v = _versi()
    jawaban = {k: kr.skala[0] for k, kr in v.kriteria().items()}
    jawaban["1.a.1"] = "A"  # a Y/T criterion answered with a letter
    with pytest.raises(DataTidakValid, match="di luar skalanya"):
        lke.nilai_lke_dari_jawaban(jawaban, struktur=v.struktur, peta=v.peta)


def test_data_lke_rusak_ditolak():
    data = json.loads((DATA / "lke_88_2021.json").read_text())
    data["komponen"][0]["sub"][0]["bobot"] = "7"
    with pytest.raises(DataTidakValid, match="jumlah bobot"):
        lke.versi_dari_data(data)


def test_versi_baru_tidak_mengubah_evaluasi_lama(monkeypatch, tmp_path):
    p = pohon_evaluasi()
    lama = p["lembar"].versi
    # The same kode with changed content is refused: old worksheets keep their criteria.
    data = json.loads((DATA / "lke_88_2021.json").read_text())
    data["komponen"][0]["sub"][0]["kriteria"][0][2] = "Uraian diubah"
    (tmp_path / "lke_88_2021.json").write_text(json.dumps(data))
    data2 = dict(data, kode="uji-2030", nama="LKE uji 2030")
    (tmp_path / "lke_uji_2030.json").write_text(json.dumps(data2))
    monkeypatch.setattr("kinerja.evaluasi.versi.DATA", tmp_path)
    with pytest.raises(ValidationError, match="versi baru"):
        muat_versi("88-2021")
    baru = muat_versi("uji-2030")
    assert VersiLKE.objects.count() == 2
    lembar = layanan.lembar_buka(
        organisasi=p["kel_b"], tahun=2024, aktor=p["op_b"], versi_kode="uji-2030"
    )
    assert lembar.versi == baru
    p["lembar"].refresh_from_db()
    assert p["lembar"].versi == lama
    assert struktur(lama).kriteria()["1.a.1"].uraian != "Uraian diubah"


def test_alur_lengkap_dan_audit():
    p = pohon_evaluasi()
    lembar = p["lembar"]
    isi_semua(lembar, p["op_a"], "B")
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    tinjau_semua(lembar, p["evaluator"])
    j = lembar.jawaban.get(kode="2.b.1")
    layanan.jawaban_tinjau(
        jawaban=j,
        setuju=False,
        nilai_penetapan="D",
        alasan="Tidak ada notulen.",
        aktor=p["evaluator"],
    )
    layanan.lembar_selesai_tinjau(lembar=lembar, aktor=p["evaluator"])
    layanan.lembar_finalkan(lembar=lembar, aktor=p["pengendali"], nomor_lhe="700/LHE/2025")
    lembar.refresh_from_db()
    assert lembar.status == "final"
    u, pen = pemilih.nilai_lembar(lembar)
    # usulan: 20 (all Y) + 0,75 × 80 = 80 → BB; penetapan: 2.b.1 D instead of B: −9 × 0,5/5
    assert u.total == 80 and u.predikat == "BB"
    assert pen.total == Decimal("79.1") and pen.predikat == "BB"
    jalur = list(TransisiLembar.objects.filter(lembar=lembar).values_list("ke", "aktor__username"))
    assert jalur[1:] == [
        ("diajukan", "op_a"),
        ("ditinjau", "evaluator"),
        ("final", "pengendali"),
    ]
    assert j.history.count() >= 3  # created, usulan, tinjau


def test_dikembalikan_ke_unit_dengan_catatan():
    p = pohon_evaluasi()
    lembar = p["lembar"]
    isi_semua(lembar, p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    with pytest.raises(ValidationError, match="wajib"):
        layanan.lembar_kembalikan(lembar=lembar, catatan=" ", aktor=p["evaluator"])
    layanan.lembar_kembalikan(lembar=lembar, catatan="Lengkapi bukti 1.a.4", aktor=p["evaluator"])
    lembar.refresh_from_db()
    assert lembar.status == "dikembalikan" and lembar.catatan_kembali == "Lengkapi bukti 1.a.4"
    j = lembar.jawaban.get(kode="1.a.4")
    layanan.jawaban_isi(jawaban=j, nilai_usulan="T", catatan="diperbaiki", aktor=p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])


def test_hak_peran():
    p = pohon_evaluasi()
    lembar = p["lembar"]
    # another unit's operator neither sees nor fills it before it is final
    assert not dapat_melihat_lembar(p["op_b"], lembar)
    assert not dapat_melihat_lembar(p["verif"], lembar)  # the kecamatan: only once final
    assert dapat_melihat_lembar(p["op_a"], lembar) and dapat_melihat_lembar(p["pimpinan"], lembar)
    assert not dapat_melihat_lembar(p["evaluator_lain"], lembar)  # not assigned
    j = lembar.jawaban.get(kode="1.a.1")
    with pytest.raises(PermissionDenied):
        layanan.jawaban_isi(jawaban=j, nilai_usulan="Y", catatan="", aktor=p["op_b"])
    with pytest.raises(PermissionDenied):
        layanan.jawaban_isi(jawaban=j, nilai_usulan="Y", catatan="", aktor=p["evaluator"])
    isi_semua(lembar, p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    # an evaluator on a unit not assigned to them
    with pytest.raises(PermissionDenied, match="bukan evaluator yang ditugaskan"):
        layanan.jawaban_tinjau(jawaban=j, setuju=True, aktor=p["evaluator_lain"])
    # the pengendali does not review answers, the evaluator does not sign off
    with pytest.raises(PermissionDenied):
        layanan.jawaban_tinjau(jawaban=j, setuju=True, aktor=p["pengendali"])
    tinjau_semua(lembar, p["evaluator"])
    layanan.lembar_selesai_tinjau(lembar=lembar, aktor=p["evaluator"])
    with pytest.raises(PermissionDenied):
        layanan.lembar_finalkan(lembar=lembar, aktor=p["evaluator"])
    layanan.lembar_finalkan(lembar=lembar, aktor=p["pengendali"])
    lembar.refresh_from_db()
    assert dapat_melihat_lembar(p["verif"], lembar)  # final: readable as unit data
    assert not dapat_melihat_lembar(p["op_b"], lembar)  # a sibling unit never reads it


def test_input_buruk_ditolak_tanpa_setengah_tersimpan():
    p = pohon_evaluasi()
    lembar = p["lembar"]
    j = lembar.jawaban.get(kode="1.a.1")
    with pytest.raises(ValidationError, match="di luar skalanya"):
        layanan.jawaban_isi(jawaban=j, nilai_usulan="B", catatan="catatan", aktor=p["op_a"])
    with pytest.raises(ValidationError, match="terlalu panjang"):
        layanan.jawaban_isi(jawaban=j, nilai_usulan="Y", catatan="x" * 6000, aktor=p["op_a"])
    j.refresh_from_db()
    assert j.nilai_usulan == "" and j.catatan_unit == ""
    # out of order: review before submission, finalise before review, submit incomplete
    with pytest.raises(ValidationError, match="Diisi unit"):
        layanan.jawaban_tinjau(jawaban=j, setuju=True, aktor=p["evaluator"])
    with pytest.raises(ValidationError, match="belum diberi nilai usulan"):
        layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    lembar.refresh_from_db()
    assert lembar.status == "draf"
    isi_semua(lembar, p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    with pytest.raises(ValidationError):
        layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])  # double submit
    with pytest.raises(ValidationError, match="penetapan final"):
        layanan.lembar_finalkan(lembar=lembar, aktor=p["pengendali"])
    with pytest.raises(ValidationError, match="belum ditinjau"):
        layanan.lembar_selesai_tinjau(lembar=lembar, aktor=p["evaluator"])
    # nilai penetapan without a reason
    with pytest.raises(ValidationError, match="Alasan nilai penetapan"):
        layanan.jawaban_tinjau(
            jawaban=j, setuju=False, nilai_penetapan="T", alasan="", aktor=p["evaluator"]
        )
    j.refresh_from_db()
    assert j.nilai_penetapan == "" and not j.ditinjau
    tinjau_semua(lembar, p["evaluator"])
    layanan.lembar_selesai_tinjau(lembar=lembar, aktor=p["evaluator"])
    layanan.lembar_finalkan(lembar=lembar, aktor=p["pengendali"])
    # the unit editing a final worksheet
    with pytest.raises(ValidationError, match="Final"):
        layanan.jawaban_isi(jawaban=j, nilai_usulan="T", catatan="", aktor=p["op_a"])
    assert Jawaban.objects.get(pk=j.pk).nilai_usulan == "Y"
    assert TransisiLembar.objects.filter(lembar=lembar).count() == 4


def test_bukti_tautan_dan_unggah(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    p = pohon_evaluasi()
    _ind, butir = pabrik.indikator_pk(p["kel_a"])
    pabrik.indikator_pk(p["kel_b"], nama="Indeks B")
    lembar = p["lembar"]
    j = lembar.jawaban.get(kode="1.a.4")
    b = layanan.bukti_tautkan(jawaban=j, jenis="pk", objek_id=butir.pk_dokumen_id, aktor=p["op_a"])
    assert "Perjanjian Kinerja 2024" in b.label
    with pytest.raises(ValidationError, match="sudah ditautkan"):
        layanan.bukti_tautkan(jawaban=j, jenis="pk", objek_id=butir.pk_dokumen_id, aktor=p["op_a"])
    # another unit's PK is not evidence of this unit
    pk_b = PerjanjianKinerja.objects.get(organisasi=p["kel_b"]).pk
    with pytest.raises(ValidationError, match="tidak ada pada unit"):
        layanan.bukti_tautkan(jawaban=j, jenis="pk", objek_id=pk_b, aktor=p["op_a"])
    teks = SimpleUploadedFile("laporan.pdf", b"#!/bin/sh\necho bukan dokumen\n")
    with pytest.raises(ValidationError, match="bukan dokumen"):
        layanan.bukti_unggah(jawaban=j, berkas=teks, aktor=p["op_a"])
    settings.KINERJA_BUKTI_MAKS_BYTE = 10
    with pytest.raises(ValidationError, match="terlalu besar"):
        layanan.bukti_unggah(jawaban=j, berkas=SimpleUploadedFile("a.pdf", PDF), aktor=p["op_a"])
    settings.KINERJA_BUKTI_MAKS_BYTE = 1024 * 1024
    b = layanan.bukti_unggah(jawaban=j, berkas=SimpleUploadedFile("a.pdf", PDF), aktor=p["op_a"])
    assert b.jenis_mime == "application/pdf" and j.bukti.count() == 2
    with pytest.raises(PermissionDenied):
        layanan.bukti_unggah(jawaban=j, berkas=SimpleUploadedFile("a.pdf", PDF), aktor=p["op_b"])


def test_halaman_lembar_format_indonesia_dan_izin(client):
    p = pohon_evaluasi()
    isi_semua(p["lembar"], p["op_a"], "B")
    client.force_login(p["op_a"])
    r = client.get("/evaluasi/kelurahan-a/lke/2024/")
    teks = r.content.decode()
    assert r.status_code == 200 and "80,00" in teks and "80.00" not in teks
    assert "Nilai usulan" in teks
    client.force_login(p["op_b"])
    r = client.get("/evaluasi/kelurahan-a/lke/2024/")
    assert r.status_code == 403 and "belum final" in r.content.decode()
    client.force_login(p["evaluator_lain"])
    assert client.get("/evaluasi/kelurahan-a/lke/2024/").status_code == 403
    # a refused answer over HTTP: message shown, nothing saved
    client.force_login(p["op_a"])
    j = p["lembar"].jawaban.get(kode="1.a.1")
    r = client.post(
        f"/evaluasi/kelurahan-a/lke/2024/jawaban/{j.pk}/",
        {"nilai_usulan": "Z", "catatan": ""},
        follow=True,
    )
    assert "di luar skalanya" in r.content.decode()
    assert Jawaban.objects.get(pk=j.pk).nilai_usulan == "Y"
    url = f"/evaluasi/kelurahan-a/lke/2024/jawaban/{j.pk}/bukti/"
    r = client.post(url, {"tautan": "nka:2024"}, follow=True)
    assert "Bukti kriteria 1.a.1 ditambahkan." in r.content.decode()
    r = client.post(url, {"tautan": "rahasia:1"}, follow=True)
    assert "Jenis bukti &#x27;rahasia&#x27; tidak dikenal." in r.content.decode()
    r = client.post(url, {"tautan": ""}, follow=True)
    assert "Pilih data Kinerja yang ditautkan atau unggah berkas" in r.content.decode()
    assert j.bukti.count() == 1


def test_rekap_kueri_terbatas(client, django_assert_max_num_queries):
    p = pohon_evaluasi()
    layanan.lembar_buka(organisasi=p["kel_b"], tahun=2024, aktor=p["op_b"])
    isi_semua(p["lembar"], p["op_a"])
    client.force_login(p["pimpinan"])
    with django_assert_max_num_queries(15):
        r = client.get("/evaluasi/kota-uji/lke/2024/rekap/")
    assert r.status_code == 200 and "Kelurahan A" in r.content.decode()
    assert LembarKerja.objects.count() == 2


def test_rekomendasi_lembar_belum_final_tersembunyi(client):
    p = pohon_evaluasi()
    lembar = p["lembar"]
    isi_semua(lembar, p["op_a"])
    layanan.lembar_ajukan(lembar=lembar, aktor=p["op_a"])
    layanan.rekomendasi_catat(
        lembar=lembar,
        komponen="1",
        temuan="IKU belum SMART",
        rekomendasi="Reviu IKU",
        batas_waktu=None,
        aktor=p["evaluator"],
    )
    with pytest.raises(PermissionDenied):  # not assigned to this unit
        layanan.rekomendasi_catat(
            lembar=lembar,
            komponen="1",
            temuan="x",
            rekomendasi="y",
            batas_waktu=None,
            aktor=p["evaluator_lain"],
        )
    with pytest.raises(ValidationError, match="tidak dikenal"):
        layanan.rekomendasi_catat(
            lembar=lembar,
            komponen="9",
            temuan="x",
            rekomendasi="y",
            batas_waktu=None,
            aktor=p["evaluator"],
        )
    client.force_login(p["verif"])  # reads the kelurahan, but the worksheet is not final
    assert client.get("/api/organisasi/kelurahan-a/tindak-lanjut").json() == []
    teks = client.get("/evaluasi/kelurahan-a/register/").content.decode()
    assert "Reviu IKU" not in teks and "0 entri" in teks
    client.force_login(p["op_a"])
    assert (
        "1 entri, 1 masih terbuka" in client.get("/evaluasi/kelurahan-a/register/").content.decode()
    )
    d = client.get("/api/organisasi/kelurahan-a/tindak-lanjut").json()
    assert [(e["sumber"], e["komponen"], e["rekomendasi"]) for e in d] == [
        ("lhe", "Perencanaan Kinerja", "Reviu IKU")
    ]
