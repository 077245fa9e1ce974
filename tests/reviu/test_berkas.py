"""Bad input for the reviu: clear Indonesian message (BerkasTidakTerbaca), no traceback,
bounded size; and the `kinerja reviu` command's output and exit codes."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from docx import Document

from kinerja.cli.utama import main
from kinerja.reviu import ekstrak
from kinerja.reviu.ekstrak import BerkasTidakTerbaca, baca_berkas
from kinerja.reviu.periksa import periksa_berkas


def pdf_minimal(*, terenkripsi: bool) -> bytes:
    """A one-page PDF without any text (what a scan looks like to pdftotext); with an
    /Encrypt dictionary whose password is not empty when `terenkripsi`."""
    obj = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ]
    if terenkripsi:
        obj.append(f"<< /Filter /Standard /V 1 /R 2 /O <{'11' * 32}> /U <{'22' * 32}> /P -4 >>")
    keluar, posisi = b"%PDF-1.4\n", []
    for i, o in enumerate(obj, 1):
        posisi.append(len(keluar))
        keluar += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(keluar)
    keluar += f"xref\n0 {len(obj) + 1}\n0000000000 65535 f \n".encode()
    keluar += b"".join(f"{p:010d} 00000 n \n".encode() for p in posisi)
    trailer = f"<< /Size {len(obj) + 1} /Root 1 0 R"
    if terenkripsi:
        trailer += f" /Encrypt {len(obj)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    return keluar + f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()


def _tulis(tmp_path, nama, isi: bytes):
    p = tmp_path / nama
    p.write_bytes(isi)
    return p


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("terkunci.pdf", pdf_minimal(terenkripsi=True), "terenkripsi"),
        ("pindaian.pdf", pdf_minimal(terenkripsi=False), "tidak berisi teks"),
        ("rusak.pdf", b"%PDF-1.4\nbukan pdf", "rusak"),
        ("kosong.txt", b"", "kosong"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "bukan DOCX, PDF atau teks"),
        ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word lama"),
        (
            "surat.txt",
            b"Surat undangan rapat koordinasi besok pagi.",
            "bukan laporan kinerja",
        ),
        ("arsip.docx", b"PK\x03\x04" + b"\0" * 100, "rusak"),
    ],
)
def test_berkas_buruk_pesan_jelas(tmp_path, nama, isi, pesan):
    with pytest.raises(BerkasTidakTerbaca, match=pesan):
        baca_berkas(_tulis(tmp_path, nama, isi))


def test_zip_bukan_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "a,b")
    with pytest.raises(BerkasTidakTerbaca, match="bukan dokumen Word"):
        baca_berkas(_tulis(tmp_path, "data.docx", buf.getvalue()))


def test_berkas_terlalu_besar_ditolak_sebelum_dibaca(tmp_path, monkeypatch):
    p = tmp_path / "besar.pdf"
    with p.open("wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.seek(200 * 1024 * 1024)
        f.write(b"\0")
    dibaca = []
    monkeypatch.setattr(ekstrak, "_teks_pdf", lambda path: dibaca.append(path) or "")
    with pytest.raises(BerkasTidakTerbaca, match="melebihi batas 50 MB"):
        baca_berkas(p)
    assert dibaca == []


def test_docx_tanpa_tabel_hanya_narasi(tmp_path):
    doc = Document()
    doc.add_paragraph(
        "Jumlah pegawai sebesar 487 orang, turun sebanyak 6 orang (-1,23%) dari 493 orang."
    )
    p = tmp_path / "tanpa-tabel.docx"
    doc.save(p)
    hasil = periksa_berkas(p)
    assert hasil.dokumen.tabel == [] and "tidak berisi tabel" in hasil.catatan[0]
    assert [(t.terbit, t.hitung) for t in hasil.temuan] == [("-1,23%", "-1,22%")]


def test_teks_sangat_panjang_tanpa_angka(tmp_path):
    p = _tulis(tmp_path, "panjang.txt", ("kata " * 400_000).encode())
    with pytest.raises(BerkasTidakTerbaca, match="bukan laporan kinerja"):
        baca_berkas(p)


def test_cli_seed_teks_dan_berkas(seed, tmp_path, capsys):
    assert (
        main(["reviu", str(seed), "--keluar", str(tmp_path), "--format", "teks,docx,xlsx,json"])
        == 0
    )
    keluar = capsys.readouterr()
    assert "Tabel 18" in keluar.out and "104,08%" in keluar.out and "104,18%" in keluar.out
    data = json.loads((tmp_path / f"{seed.stem}-reviu.json").read_text(encoding="utf-8"))
    assert len(data["temuan"]) >= 30
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / f"{seed.stem}-reviu.xlsx").active
    assert ws.cell(2, 3).value == "Lokasi" and ws.max_row - 2 == len(data["temuan"])
    doc = Document(tmp_path / f"{seed.stem}-reviu.docx")
    assert len(doc.tables[0].rows) - 1 == len(data["temuan"])


def test_cli_berkas_tidak_terbaca_kode_2(tmp_path, capsys):
    p = _tulis(tmp_path, "terkunci.pdf", pdf_minimal(terenkripsi=True))
    assert main(["reviu", str(p)]) == 2
    galat = capsys.readouterr().err
    assert "terenkripsi" in galat and "Traceback" not in galat
    assert main(["reviu", str(p), "--format", "html"]) == 2
    assert "tidak dikenal" in capsys.readouterr().err


def test_laporan_sangat_besar_dibatasi(tmp_path):
    satu = "No\tUraian\tNilai\n1\t2\t3\n1\tA\t10\n2\tB\t20\nJumlah\t\t31\n\nTabel {n} Data tahun 2024\n\n"
    p = _tulis(
        tmp_path,
        "besar.txt",
        "".join(satu.format(n=i) for i in range(ekstrak.MAKS_TABEL + 50)).encode(),
    )
    hasil = periksa_berkas(p)
    assert len(hasil.dokumen.tabel) == ekstrak.MAKS_TABEL
    assert any("hanya 600 tabel pertama" in c for c in hasil.catatan)
    assert len(hasil.temuan) == ekstrak.MAKS_TABEL  # every Jumlah 31 ≠ 30 still reported
