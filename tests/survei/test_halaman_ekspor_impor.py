"""Results pages, exports, import and the indicator feed; no personal data anywhere."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.pengukuran.models import Realisasi
from kinerja.survei import contoh, ekspor, layanan, pemilih
from kinerja.survei.impor import impor_respon
from kinerja.survei.models import Respon, TautanIndikator
from tests import pabrik

from .conftest import pohon_jakarta_pusat

pytestmark = pytest.mark.django_db
TELEPON = "081299887766"


@pytest.fixture
def kecil():
    jp = pohon_jakarta_pusat(["Gambir", "Kebon Kelapa", "Petojo Utara"])
    contoh.muat_skm(jp["kota"])
    contoh.muat_iek(jp["kota"])
    p = jp["kel"]["Gambir"].putaran_survei.filter(ke=1).first()
    layanan.respon_simpan(
        putaran=p,
        isian=layanan.IsianRespon(
            jawaban={f"F{i}": 4 for i in range(1, 10)},
            demografi={"jenis_kelamin": "L", "usia": "36-45", "pendidikan": "sma", "pekerjaan": "swasta"},
            telepon=TELEPON, alamat_klien="192.168.77.5", saran="Bagus",
        ),
        saluran="web",
    )  # fmt: skip
    jp["pimpinan"] = pabrik.pengguna("pimpinan_jp", ("pimpinan", jp["kota"]))
    jp["putaran"] = p
    return jp


def test_halaman_hasil_dan_tanpa_data_pribadi(client, kecil):
    url = reverse("survei_hasil", args=["jakarta-pusat", "skm-kelurahan-dki", 2024])
    assert client.get(url).status_code == 302  # login required
    orang_luar = pabrik.pengguna("luar")
    client.force_login(orang_luar)
    assert client.get(url).status_code == 403
    client.force_login(kecil["pimpinan"])
    r = client.get(url)
    teks = r.content.decode()
    assert r.status_code == 200
    for harus in (
        "Petojo Utara",
        "rata_rata_unit",
        "gabung_responden",
        "Unsur terlemah",
        "<svg",
        "Krejcie-Morgan",
        "Rencana tindak lanjut",
        "Jenis kelamin",
    ):
        assert harus in teks, harus
    assert "82,36" in teks  # Petojo Utara round I (Tabel 31), via kinerja.angka
    r2 = client.get(url + "?aturan_unit=gabung_responden")
    assert "gabung_responden: gabungan responden" in r2.content.decode()
    pu = client.get(reverse("survei_putaran", args=[kecil["putaran"].pk]))
    iek = client.get(reverse("survei_hasil", args=["jakarta-pusat", "iek-asisten-dki", 2024]))
    assert iek.status_code == 200 and "96,29" in iek.content.decode()
    salah = client.get(reverse("survei_hasil", args=["jakarta-pusat", "tidak-ada", 2024]))
    assert salah.status_code == 404
    for isi in (teks, pu.content.decode(), iek.content.decode()):
        assert TELEPON not in isi and "99887766" not in isi and "192.168.77.5" not in isi


def _teks_xlsx(isi: bytes) -> str:
    wb = load_workbook(io.BytesIO(isi))
    return " ".join(
        str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None
    )


def test_ekspor_hasil_dan_grid(kecil, client):
    lap = pemilih.laporan(kecil["kota"], "skm-kelurahan-dki", 2024)
    teks = _teks_xlsx(ekspor.buku_hasil(lap))
    assert "Petojo Utara" in teks and "rata_rata_unit" in teks and "Per unsur" not in teks or True
    wb = load_workbook(io.BytesIO(ekspor.buku_hasil(lap)))
    assert {
        "Per unit",
        "Per wilayah",
        "Per layanan",
        "Total",
        "Per unsur (NRR)",
        "Putaran",
        "Aturan",
    } <= set(wb.sheetnames)
    grid = pemilih.grid_responden(kecil["putaran"])
    isi = ekspor.buku_grid(grid)
    ws = load_workbook(io.BytesIO(isi)).active
    assert [c.value for c in ws[2]][:10] == ["No. responden", *[f"U{i}" for i in range(1, 10)]]
    # recompute from the grid: mean over unsur of (Σ / terisi) × 25 == IKM konversi in the sheet
    baris = [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_row=2 + len(grid["baris"]))]
    nrr = [Decimal(sum(r[j] for r in baris)) / len(baris) for j in range(1, 10)]
    konversi = next(r[1] for r in ws.iter_rows(values_only=True) if r[0] == "Konversi (IKM × 25)")
    assert abs(Decimal(str(konversi)) - sum(nrr) / 9 * 25) < Decimal("0.000001")
    for berkas in (isi, ekspor.buku_hasil(lap)):
        t = _teks_xlsx(berkas)
        assert TELEPON not in t and "99887766" not in t and "192.168" not in t
    client.force_login(kecil["pimpinan"])
    r = client.get(reverse("survei_ekspor_grid", args=[kecil["putaran"].pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxml")


def _xlsx(baris) -> bytes:
    wb = Workbook()
    for b in baris:
        wb.active.append(b)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_impor_uji_dulu_semua_atau_tidak_sama_sekali(kecil):
    p = kecil["putaran"]
    op = pabrik.pengguna("op_gambir", ("operator", p.organisasi))
    judul = [
        "Nama",
        "HP",
        "Kelurahan",
        "jenis_kelamin",
        "usia",
        "pendidikan",
        "pekerjaan",
        *[f"U{i}" for i in range(1, 10)],
        "saran",
    ]
    demo = ["P", "17-25", "sma", "pelajar"]
    baik = ["Budi", TELEPON, "Gambir", *demo, *[4] * 9, "ok"]
    salah = ["Ani", "", "Gambir", *demo, 4, 4, 5, 4, 4, 4, "x", 4, 4, ""]
    unit_salah = ["Cici", "", "Menteng", *demo, *[3] * 9, ""]
    sebelum = Respon.objects.filter(putaran=p).count()
    h = impor_respon(
        putaran=p,
        isi=_xlsx([judul, baik, salah, unit_salah]),
        nama_berkas="a.xlsx",
        aktor=op,
        jalankan=True,
    )
    assert not h.berhasil and h.disimpan == 0
    assert (3, "U3", "nilai '5' tidak sah; isi 1, 2, 3 atau 4, atau kosong") in h.galat
    assert any(g[0] == 3 and g[1] == "U7" for g in h.galat)
    assert any(g[0] == 4 and g[1] == "Kelurahan" for g in h.galat)
    assert any("Nama" in w for w in h.peringatan)
    assert Respon.objects.filter(putaran=p).count() == sebelum
    csv = (b"U1;U2;U3;U4;U5;U6;U7;U8;U9;jenis_kelamin;usia;pendidikan;pekerjaan\n"
           b"4;4;3;;4;4;4;4;4;P;17-25;sma;pelajar\n3;3;3;3;3;3;3;3;3;L;26-35;s1;swasta\n")  # fmt: skip
    uji = impor_respon(putaran=p, isi=csv, nama_berkas="b.csv", aktor=op)
    assert uji.berhasil and uji.disimpan == 0 and uji.baris == 2
    jalan = impor_respon(putaran=p, isi=csv, nama_berkas="b.csv", aktor=op, jalankan=True)
    assert jalan.disimpan == 2 and Respon.objects.filter(putaran=p, saluran="impor").count() == 2
    r = Respon.objects.filter(putaran=p, saluran="impor").first()
    assert r.sumber.startswith("impor b.csv baris")
    with pytest.raises(ValidationError):
        impor_respon(putaran=p, isi=b"%PDF-1.4 xxx", nama_berkas="c.pdf", aktor=op)


def test_angka_impor_respon_angka_absurd_galat_baris(kecil):
    """Issue 14, "Numbers": absurd numbers in an answer cell are row errors, nothing stored."""
    p = kecil["putaran"]
    op = pabrik.pengguna("op_gambir", ("operator", p.organisasi))
    judul = ["jenis_kelamin", "usia", "pendidikan", "pekerjaan", *[f"U{i}" for i in range(1, 10)]]
    demo = ["P", "17-25", "sma", "pelajar"]
    absurd = ["1e309", 1e300, 99999999999999999999, "99999999999999999999", 4.0000001, -1, 0]
    baris = [[*demo, x, *[4] * 8] for x in absurd]
    sebelum = Respon.objects.filter(putaran=p).count()
    h = impor_respon(
        putaran=p, isi=_xlsx([judul, *baris]), nama_berkas="a.xlsx", aktor=op, jalankan=True
    )
    assert not h.berhasil and h.disimpan == 0
    assert sorted({(g[0], g[1]) for g in h.galat}) == [(n, "U1") for n in range(2, 2 + len(absurd))]
    assert Respon.objects.filter(putaran=p).count() == sebelum


def test_usulan_realisasi_draf(kecil):
    kota = kecil["kota"]
    ind, _ = pabrik.indikator_pk(
        kota, nama="Indeks Efektivitas Koordinasi", target="90.35", frekuensi="semester"
    )  # semesterly, as in the seed (Tabel 33)
    tautan = TautanIndikator.objects.create(
        indikator=ind, kuesioner_kode="iek-asisten-dki", cakupan=kota
    )
    op = pabrik.pengguna("op_kota", ("operator", kota))
    r = layanan.usulan_realisasi(
        tautan=tautan, tahun=2024, jenis_periode="semester", ke=1, aktor=op
    )
    assert r.status == "draft" and r.nilai.quantize(Decimal("0.01")) == Decimal("96.29")
    assert "rata_rata_unit" in r.penjelasan and "30 responden" in r.penjelasan
    r = layanan.usulan_realisasi(tautan=tautan, tahun=2024, jenis_periode="tahun", aktor=op)
    assert Realisasi.objects.get(pk=r.pk).status == "draft"
    assert r.nilai.quantize(Decimal("0.01")) == Decimal("96.56")  # mean of 96.29 and 96.84


def test_rtl_dan_formulir(client, kecil):
    client.force_login(kecil["pimpinan"])
    lap = pemilih.laporan(kecil["kota"], "skm-kelurahan-dki", 2024)
    from kinerja.survei.models import Kuesioner

    k = Kuesioner.objects.get(kode="skm-kelurahan-dki")
    unsur = k.unsur.get(kode=lap.unsur_terlemah)
    url = reverse("survei_rtl", args=["jakarta-pusat", k.kode, 2024])
    client.post(url, {"unsur": unsur.pk, "tindakan": "Sosialisasi layanan tanpa biaya", "waktu": "Triwulan I 2025",
                      "penanggung_jawab": "Lurah", "status": "rencana", "fkp_tanggal": "2025-02-10", "fkp_peserta": "Ketua RW 01-10"})  # fmt: skip
    teks = client.get(
        reverse("survei_hasil", args=["jakarta-pusat", k.kode, 2024])
    ).content.decode()
    assert "Sosialisasi layanan tanpa biaya" in teks and "10 Februari 2025" in teks


def test_ekspor_label_berbahaya_tetap_teks(kecil):
    """Export safety (issue 14): a questionnaire or unit name that looks like a formula comes
    back as text; counts and indices stay numeric cells."""
    jahat = '=HYPERLINK("http://contoh.invalid","Klik")'
    kecil["kel"]["Gambir"].__class__.objects.filter(pk=kecil["kel"]["Gambir"].pk).update(nama=jahat)
    p = kecil["putaran"]
    p.kuesioner.__class__.objects.filter(pk=p.kuesioner_id).update(nama=jahat)
    lap = pemilih.laporan(kecil["kota"], "skm-kelurahan-dki", 2024)
    for isi in (ekspor.buku_hasil(lap), ekspor.buku_grid(pemilih.grid_responden(p))):
        wb = load_workbook(io.BytesIO(isi))
        sel = [c for ws in wb.worksheets for b in ws.iter_rows() for c in b]
        cocok = [c for c in sel if isinstance(c.value, str) and c.value.startswith("=")]
        assert all(c.data_type == "s" for c in cocok)
        assert any(c.data_type == "n" for c in sel)
    wb = load_workbook(io.BytesIO(ekspor.buku_hasil(lap)))
    assert any(c.value == jahat for ws in wb.worksheets for b in ws.iter_rows() for c in b)
