"""DOCX -> PDF with LibreOffice headless, the tables of contents filled in.

A plain `soffice --convert-to pdf` keeps the TOC fields' cached text ("diperbarui saat
dokumen dibuka"), so the conversion runs a small Basic macro placed in a throw-away user
profile: it opens the document hidden, updates every index (daftar isi, tabel, grafik) and
the fields, and exports the PDF. Each run has its own profile directory
(`-env:UserInstallation`), so parallel builds and a user's own LibreOffice do not collide,
and a timeout. When the macro path fails, a plain conversion is tried so a PDF is still
produced (with unfilled lists), and the caller is told.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BATAS_WAKTU = int(os.environ.get("KINERJA_SOFFICE_DETIK", "180"))


class PdfGagal(RuntimeError):
    pass


class SofficeTidakAda(PdfGagal):
    pass


MAKRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Kinerja" script:language="StarBasic">
Sub KePdf(sMasuk As String, sKeluar As String)
  Dim aArg(0) As New com.sun.star.beans.PropertyValue
  aArg(0).Name = &quot;Hidden&quot;
  aArg(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sMasuk), &quot;_blank&quot;, 0, aArg())
  oIdx = oDoc.getDocumentIndexes()
  For i = 0 To oIdx.getCount() - 1
    oIdx.getByIndex(i).update()
  Next i
  oDoc.getTextFields().refresh()
  For i = 0 To oIdx.getCount() - 1
    oIdx.getByIndex(i).update()
  Next i
  Dim aPdf(0) As New com.sun.star.beans.PropertyValue
  aPdf(0).Name = &quot;FilterName&quot;
  aPdf(0).Value = &quot;writer_pdf_Export&quot;
  oDoc.storeToURL(ConvertToURL(sKeluar), aPdf())
  oDoc.close(True)
End Sub
</script:module>
"""

SKRIP_XLB = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
 <library:element library:name="Kinerja"/>
</library:library>
"""


def cari_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _profil(soffice: str, folder: Path, batas: int) -> None:
    """A fresh profile (LibreOffice writes its defaults on first start), then the macro
    added to its Standard library."""
    _jalankan(
        [
            soffice,
            f"-env:UserInstallation={folder.as_uri()}",
            "--headless",
            "--terminate_after_init",
        ],
        batas,
    )
    std = folder / "user" / "basic" / "Standard"
    std.mkdir(parents=True, exist_ok=True)
    (std / "Kinerja.xba").write_text(MAKRO, encoding="utf-8")
    (std / "script.xlb").write_text(SKRIP_XLB, encoding="utf-8")


def _jalankan(perintah: list[str], batas: int) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            perintah,
            capture_output=True,
            text=True,
            timeout=batas,
            env={**os.environ, "HOME": os.environ.get("HOME", "/tmp")},
            start_new_session=True,
        )
    except subprocess.TimeoutExpired as e:
        raise PdfGagal(
            f"LibreOffice tidak selesai dalam {batas} detik; konversi PDF dihentikan."
        ) from e


def docx_ke_pdf(docx: Path, pdf: Path, *, batas_waktu: int = BATAS_WAKTU) -> list[str]:
    """Convert; returns notes for the build log (empty when all went as planned)."""
    soffice = cari_soffice()
    if soffice is None:
        raise SofficeTidakAda(
            "LibreOffice (soffice) tidak ditemukan, jadi PDF tidak dapat dibuat. Pasang paket "
            "Debian libreoffice-writer-nogui, fonts-liberation2 dan fonts-dejavu-core, lalu "
            "bangun ulang; berkas DOCX dan XLSX tetap tersedia."
        )
    docx, pdf = Path(docx).resolve(), Path(pdf).resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    catatan = []
    with tempfile.TemporaryDirectory(prefix="kinerja-soffice-") as tmp:
        profil = Path(tmp) / "profil"
        _profil(soffice, profil, batas_waktu)
        url = profil.as_uri()
        masuk = str(docx).replace('"', "")
        keluar = str(pdf).replace('"', "")
        if pdf.exists():
            pdf.unlink()
        hasil = _jalankan(
            [
                soffice,
                f"-env:UserInstallation={url}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                f'macro:///Standard.Kinerja.KePdf("{masuk}","{keluar}")',
            ],
            batas_waktu,
        )
        if not pdf.exists() or pdf.stat().st_size == 0:
            catatan.append(
                "Daftar isi/tabel/grafik pada PDF tidak dapat diperbarui (makro LibreOffice gagal); "
                "PDF dibuat dengan konversi biasa."
            )
            keluar_dir = Path(tmp) / "keluar"
            hasil = _jalankan(
                [
                    soffice,
                    f"-env:UserInstallation={url}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(keluar_dir),
                    str(docx),
                ],
                batas_waktu,
            )
            dibuat = keluar_dir / (docx.stem + ".pdf")
            if not dibuat.exists():
                raise PdfGagal(
                    "LibreOffice gagal mengonversi DOCX ke PDF: "
                    + (hasil.stderr or hasil.stdout or "tanpa pesan").strip()[:500]
                )
            shutil.move(str(dibuat), pdf)
    return catatan
