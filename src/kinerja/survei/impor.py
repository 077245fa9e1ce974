"""Import of response files (CSV or XLSX) into one putaran: map columns, validate every
value, dry-run first; the import applies completely or not at all.

Columns map to: a butir kode (F1..F9 / E1..E13) or its unsur code (U1..U9, when the unsur
has one item), a demographic kunci, "saran", "telepon" (stored only as a keyed hash),
"unit" and "periode" (checked against the putaran), or "abaikan". Columns that look like
personal data ("nama", "alamat", "nik", "email") are never read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import filetype
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from kinerja.organisasi.izin import dapat_mengisi
from kinerja.survei import pemilih
from kinerja.survei.layanan import (
    IsianRespon,
    nilai_jawaban,
    respon_periksa,
    respon_simpan_banyak,
)
from kinerja.survei.models import PutaranSurvei, Saluran

MAKS_BYTE = 10 * 1024 * 1024
KOLOM_PRIBADI = {"nama", "nama responden", "alamat", "nik", "email", "e-mail"}
KHUSUS = {"saran", "telepon", "unit", "periode", "abaikan"}


@dataclass
class HasilImpor:
    baris: int = 0
    galat: list[tuple[int, str, str]] = field(default_factory=list)  # (baris, kolom, pesan)
    peringatan: list[str] = field(default_factory=list)
    disimpan: int = 0
    pemetaan: dict[str, str] = field(default_factory=dict)

    @property
    def berhasil(self) -> bool:
        return not self.galat


def baca_tabel(isi: bytes, nama_berkas: str = "") -> list[list[str]]:
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file, type detected by content."""
    if len(isi) > MAKS_BYTE:
        raise ValidationError({"berkas": f"Berkas lebih dari {MAKS_BYTE // 1048576} MB."})
    jenis = filetype.guess(isi)
    if jenis is not None and jenis.extension in ("xlsx", "zip"):
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        return [["" if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
    if jenis is not None:
        raise ValidationError(
            {"berkas": f"'{nama_berkas}' bertipe {jenis.mime}; unggah CSV atau XLSX."}
        )
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError({"berkas": "CSV harus berenkode UTF-8."}) from None
    dialek = csv.Sniffer().sniff(teks[:2048], delimiters=",;\t") if teks.strip() else csv.excel
    return [r for r in csv.reader(io.StringIO(teks), dialek)]


def _target(putaran: PutaranSurvei) -> dict[str, str]:
    """Accepted mapping targets (lower-case alias → canonical target)."""
    k = putaran.kuesioner
    butir = list(k.butir.select_related("unsur"))
    per_unsur: dict[str, list] = {}
    for b in butir:
        per_unsur.setdefault(b.unsur.kode, []).append(b)
    t = {b.kode.lower(): b.kode for b in butir}
    t.update({u.lower(): bs[0].kode for u, bs in per_unsur.items() if len(bs) == 1})
    t.update({f.kunci.lower(): f"demografi:{f.kunci}" for f in k.demografi.all()})
    t.update({x: x for x in KHUSUS})
    t.update({"hp": "telepon", "no hp": "telepon", "nomor hp": "telepon", "kelurahan": "unit"})
    return t


def impor_respon(
    *,
    putaran: PutaranSurvei,
    isi: bytes,
    nama_berkas: str,
    aktor,
    pemetaan: dict[str, str] | None = None,
    jalankan: bool = False,
) -> HasilImpor:
    """Validate a response file for `putaran`; store it only when jalankan and no errors."""
    if not dapat_mengisi(aktor, putaran.organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengimpor respon untuk {putaran.organisasi}.")
    hasil = HasilImpor()
    tabel = baca_tabel(isi, nama_berkas)
    if not tabel:
        hasil.galat.append((1, "", "berkas kosong"))
        return hasil
    judul = [str(j).strip() for j in tabel[0]]
    target = _target(putaran)
    pemetaan = {k.strip(): v for k, v in (pemetaan or {}).items()}
    kolom: dict[int, str] = {}
    for i, j in enumerate(judul):
        if j.lower() in KOLOM_PRIBADI:
            hasil.peringatan.append(f"kolom '{j}' berisi data pribadi dan tidak dibaca")
            continue
        tujuan = pemetaan.get(j) or j
        kanonik = target.get(str(tujuan).lower())
        if kanonik is None:
            hasil.peringatan.append(f"kolom '{j}' tidak dipetakan dan diabaikan")
            continue
        if kanonik != "abaikan":
            kolom[i] = kanonik
            hasil.pemetaan[j] = kanonik
    # Questionnaire structure from the per-process cache, not per row (100,000-row files).
    kode_butir = [b.kode for b in pemilih.struktur(putaran.kuesioner_id).butir]
    if not any(v in kode_butir for v in kolom.values()):
        hasil.galat.append((1, "", f"tidak ada kolom jawaban; harapkan {', '.join(kode_butir)}"))
        return hasil
    org = putaran.organisasi
    label_periode = putaran.label_periode.lower()
    daftar = []
    for nomor, baris in enumerate(tabel[1:], start=2):
        if all(str(v).strip() == "" for v in baris):
            continue
        hasil.baris += 1
        isian = IsianRespon(jawaban={}, sumber=f"impor {nama_berkas[:120]} baris {nomor}")
        demografi = {}
        galat_baris = []
        for i, tujuan in kolom.items():
            v = baris[i] if i < len(baris) else ""
            nama_kolom = judul[i]
            if tujuan in kode_butir:
                try:
                    isian.jawaban[tujuan] = nilai_jawaban(v, kode=nama_kolom)
                except ValidationError:
                    galat_baris.append(
                        (
                            nomor,
                            nama_kolom,
                            f"nilai '{v}' tidak sah; isi 1, 2, 3 atau 4, atau kosong",
                        )
                    )
            elif tujuan.startswith("demografi:"):
                demografi[tujuan.split(":", 1)[1]] = "" if v is None else str(v).strip()
            elif tujuan == "saran":
                isian.saran = str(v or "")
            elif tujuan == "telepon":
                isian.telepon = str(v or "")
            elif tujuan == "unit":
                if str(v).strip().lower() not in (org.nama.lower(), org.slug.lower()):
                    galat_baris.append((nomor, nama_kolom, f"unit '{v}' bukan {org.nama}"))
            elif tujuan == "periode":
                if str(v).strip().lower() != label_periode:
                    galat_baris.append(
                        (nomor, nama_kolom, f"periode '{v}' bukan {putaran.label_periode}")
                    )
        isian.demografi = demografi
        if not galat_baris:
            try:
                # validate demographics and blanks exactly as a single save would
                respon_periksa(putaran=putaran, isian=isian, saluran=Saluran.IMPOR)
            except ValidationError as e:
                for bidang, pesan in e.message_dict.items():
                    galat_baris.extend((nomor, bidang, p) for p in pesan)
        hasil.galat.extend(galat_baris)
        daftar.append(isian)
    if jalankan and hasil.berhasil and daftar:
        hasil.disimpan = respon_simpan_banyak(putaran=putaran, daftar=daftar, saluran=Saluran.IMPOR)
    return hasil
