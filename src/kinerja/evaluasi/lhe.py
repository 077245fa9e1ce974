"""The Laporan Hasil Evaluasi (LHE) as a Dokumen rendered by the LKIP's machinery (DOCX by
lkip.docx, PDF by lkip.pdf), and the worksheet as XLSX in the evaluators' layout.

XLSX: numbers are numeric cells; any text typed by users that starts with = + - @ is written
as a string cell (data_type "s"), never as a formula."""

from __future__ import annotations

import io
import tempfile
from collections import defaultdict
from pathlib import Path

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kinerja import angka as fmt
from kinerja.evaluasi import pemilih
from kinerja.laporan.tabel import Tabel
from kinerja.lkip.docx import tulis_docx
from kinerja.lkip.dokumen import BlokTabel, Dokumen, Judul, Paragraf
from kinerja.lkip.pdf import PdfGagal, docx_ke_pdf
from kinerja.pertukaran.sel import isi_sel, tambah_baris

__all__ = ["PdfGagal", "lhe_docx", "lhe_pdf", "lembar_xlsx", "susun_lhe"]

KIRI, KANAN = "kiri", "kanan"


def _t(x) -> str:
    return fmt.angka(x, 2)


def susun_lhe(lembar) -> Dokumen:
    rinci = pemilih.lembar_rinci(lembar, dengan_saran=False)
    u, p = rinci["usulan"], rinci["penetapan"]
    org = lembar.organisasi
    dok = Dokumen(organisasi=org, tahun=lembar.tahun)
    dok.konteks = {
        "judul": "LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH",
        "singkatan": "LHE",
        "organisasi": org.nama,
        "induk": org.induk.nama if org.induk_id else "",
        "tahun": str(lembar.tahun),
        "alamat": getattr(org, "alamat", "") or "",
        "kata_pengantar": (
            f"Laporan ini menyajikan hasil evaluasi akuntabilitas kinerja {org.nama} tahun "
            f"{lembar.tahun} berdasarkan {lembar.versi.nama}."
        ),
        "tempat": "",
        "tanggal": fmt.tanggal(lembar.tanggal_lhe or timezone.localdate()),
        "penandatangan_jabatan": "Pengendali Teknis",
        "penandatangan_nama": "",
    }
    b = dok.blok
    b.append(Judul("A. Hasil Evaluasi", 1))
    predikat = (
        f"predikat {p.predikat} ({p.interpretasi})"
        if p.lengkap
        else "predikat belum dapat ditetapkan"
    )
    b.append(
        Paragraf(
            f"Status lembar kerja: {lembar.get_status_display()}"
            + (f", LHE nomor {lembar.nomor_lhe}" if lembar.nomor_lhe else "")
            + f". Nilai hasil evaluasi {_t(p.total)} dengan {predikat}; nilai usulan unit "
            f"(penilaian mandiri) {_t(u.total)}."
        )
    )
    t = Tabel(
        "Nilai evaluasi per komponen",
        ["Komponen", "Bobot", "Nilai usulan", "Nilai penetapan"],
        rata=[KIRI, KANAN, KANAN, KANAN],
    )
    for k in rinci["komponen"]:
        t.tambah(
            f"{k['kode']}. {k['nama']}",
            _t(k["bobot"]),
            _t(k["nilai_usulan"]),
            _t(k["nilai_penetapan"]),
        )
        for s in k["sub"]:
            t.tambah(
                f"   {s['kode']} {s['nama']}",
                _t(s["bobot"]),
                _t(s["nilai_usulan"]),
                _t(s["nilai_penetapan"]),
            )
    t.tambah("Jumlah", "100,00", _t(u.total), _t(p.total))
    b.append(BlokTabel(t))
    per_komponen = defaultdict(list)
    for r in lembar.rekomendasi.order_by("urutan", "id"):
        per_komponen[r.komponen].append(r)
    b.append(Judul("B. Temuan per Komponen", 1))
    for k in rinci["komponen"]:
        b.append(Judul(f"{k['kode']}. {k['nama']}", 2))
        daftar = per_komponen.get(k["nama"], [])
        if not daftar:
            b.append(Paragraf("Tidak ada temuan pada komponen ini."))
            continue
        for i, r in enumerate(daftar, start=1):
            b.append(Paragraf(f"{i}. {r.temuan}"))
    b.append(Judul("C. Rekomendasi", 1))
    t = Tabel(
        "Rekomendasi hasil evaluasi",
        ["No", "Komponen", "Rekomendasi", "Batas waktu"],
        rata=[KANAN, KIRI, KIRI, KIRI],
    )
    semua = [r for k in rinci["komponen"] for r in per_komponen.get(k["nama"], [])]
    for i, r in enumerate(semua, start=1):
        t.tambah(i, r.komponen, r.rekomendasi, fmt.tanggal(r.batas_waktu) if r.batas_waktu else "-")
    if semua:
        b.append(BlokTabel(t))
    else:
        b.append(Paragraf("Tidak ada rekomendasi."))
    dok.beri_nomor()
    return dok


def lhe_docx(lembar) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kinerja-lhe-") as tmp:
        jalur = tulis_docx(susun_lhe(lembar), Path(tmp) / "lhe.docx")
        return jalur.read_bytes()


def lhe_pdf(lembar) -> bytes:
    with tempfile.TemporaryDirectory(prefix="kinerja-lhe-") as tmp:
        docx = tulis_docx(susun_lhe(lembar), Path(tmp) / "lhe.docx")
        pdf = Path(tmp) / "lhe.pdf"
        docx_ke_pdf(docx, pdf)
        return pdf.read_bytes()


def _teks_aman(ws, baris: int, kolom: int, nilai: str):
    """A user's text as a string cell, even when it looks like a formula (the one cell
    writer of every XLSX, kinerja.pertukaran.sel.isi_sel)."""
    sel = ws.cell(row=baris, column=kolom)
    isi_sel(sel, nilai)
    return sel


def lembar_xlsx(lembar) -> bytes:
    """One row per criterion (kode, kriteria, skala, usulan, nilai, catatan, bukti,
    penetapan, nilai, alasan), a row per sub-komponen and komponen with its score."""
    rinci = pemilih.lembar_rinci(lembar, dengan_saran=False)
    peta = pemilih.struktur(lembar.versi).peta
    wb = Workbook()
    ws = wb.active
    ws.title = "LKE"
    tambah_baris(ws, [f"Lembar Kerja Evaluasi {lembar.organisasi.nama} tahun {lembar.tahun}"])
    tambah_baris(ws, [lembar.versi.nama, "", "", f"Status: {lembar.get_status_display()}"])
    kepala = [
        "No",
        "Komponen/Sub komponen/Kriteria",
        "Bobot",
        "Skala",
        "Jawaban usulan",
        "Nilai usulan",
        "Catatan unit",
        "Bukti",
        "Jawaban penetapan",
        "Nilai penetapan",
        "Catatan evaluator",
    ]
    tambah_baris(ws, kepala)
    for sel in ws[3]:
        sel.font = Font(bold=True)
    n = 4
    for k in rinci["komponen"]:
        tambah_baris(
            ws,
            [
                k["kode"],
                k["nama"],
                float(k["bobot"]),
                "",
                "",
                float(k["nilai_usulan"]),
                "",
                "",
                "",
                float(k["nilai_penetapan"]),
                "",
            ],
        )
        for sel in ws[n]:
            sel.font = Font(bold=True)
        n += 1
        for s in k["sub"]:
            tambah_baris(
                ws,
                [
                    s["kode"],
                    s["nama"],
                    float(s["bobot"]),
                    "",
                    "",
                    float(s["nilai_usulan"]),
                    "",
                    "",
                    "",
                    float(s["nilai_penetapan"]),
                    "",
                ],
            )
            n += 1
            for b in s["kriteria"]:
                j = b.jawaban
                ws.cell(row=n, column=1, value=b.kode)
                ws.cell(row=n, column=2, value=b.uraian)
                ws.cell(row=n, column=4, value="/".join(b.skala))
                _teks_aman(ws, n, 5, j.nilai_usulan)
                if j.nilai_usulan:
                    ws.cell(row=n, column=6, value=float(peta[j.nilai_usulan]))
                _teks_aman(ws, n, 7, j.catatan_unit)
                _teks_aman(ws, n, 8, "; ".join(bk.label for bk, _u in b.bukti))
                _teks_aman(ws, n, 9, j.nilai_akhir)
                if j.nilai_akhir:
                    ws.cell(row=n, column=10, value=float(peta[j.nilai_akhir]))
                _teks_aman(ws, n, 11, j.alasan_penetapan)
                n += 1
    tambah_baris(
        ws,
        [
            "",
            "Jumlah",
            100,
            "",
            "",
            float(rinci["usulan"].total),
            "",
            "",
            "",
            float(rinci["penetapan"].total),
            "",
        ],
    )
    tambah_baris(
        ws,
        [
            "",
            "Predikat",
            "",
            "",
            "",
            rinci["usulan"].predikat or "-",
            "",
            "",
            "",
            rinci["penetapan"].predikat or "-",
            "",
        ],
    )
    for kol, lebar in zip("ABCDEFGHIJK", (8, 60, 8, 8, 10, 10, 40, 40, 10, 10, 40), strict=True):
        ws.column_dimensions[kol].width = lebar
    for baris in ws.iter_rows(min_row=4):
        for sel in baris:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        for sel in (baris[2], baris[5], baris[9]):
            sel.number_format = "0.00"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
