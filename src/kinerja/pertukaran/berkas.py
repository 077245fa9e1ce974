"""Upload checks for Excel imports: size, type by content (never by name), zip expansion."""

from __future__ import annotations

import io
import zipfile

import filetype
import openpyxl
from django.core.exceptions import ValidationError

MAKS_BYTE = 5 * 1024 * 1024
# An xlsx is a zip; a small file that expands enormously is refused before openpyxl reads it.
MAKS_BYTE_TERURAI = 100 * 1024 * 1024
MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def baca_unggahan(berkas) -> bytes:
    """The bytes of an uploaded Excel file, or a ValidationError naming the file and the rule."""
    nama = getattr(berkas, "name", "berkas")
    if berkas.size > MAKS_BYTE:
        raise ValidationError(
            f"Berkas '{nama}' berukuran {berkas.size / 1048576:.1f} MB; "
            f"maksimal {MAKS_BYTE // 1048576} MB. Pisahkan isinya menjadi beberapa berkas."
        )
    isi = berkas.read()
    periksa_isi(isi, nama)
    return isi


def periksa_isi(isi: bytes, nama: str) -> None:
    jenis = filetype.guess(isi)
    if jenis is None or jenis.mime != MIME_XLSX:
        terdeteksi = jenis.mime if jenis else "tidak dikenali"
        raise ValidationError(
            f"Berkas '{nama}' bukan buku kerja Excel .xlsx (isi terdeteksi: {terdeteksi}). "
            "Simpan dari Excel/LibreOffice sebagai 'Excel Workbook (.xlsx)' lalu unggah lagi."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            terurai = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        raise ValidationError(f"Berkas '{nama}' rusak dan tidak dapat dibuka.") from None
    if terurai > MAKS_BYTE_TERURAI:
        raise ValidationError(
            f"Berkas '{nama}' terlalu besar setelah diekstrak; maksimal "
            f"{MAKS_BYTE_TERURAI // 1048576} MB isi."
        )


def buka_buku(isi: bytes, nama: str):
    """Open the workbook read-only with cached formula values (formulas are never evaluated)."""
    try:
        return openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(
            f"Berkas '{nama}' tidak dapat dibaca sebagai buku kerja Excel .xlsx."
        ) from None
