"""DOCX -> PDF with LibreOffice headless, the tables of contents filled in.

Many documents (the batch build, keputusan 0059) go through `KonversiBerkelompok`: one
profile for the whole batch and one soffice process per run converting every document queued
so far (macro `KePdfBanyak` over a list file), started without waiting so the caller builds
the next documents meanwhile.

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
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
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

Sub KePdfBanyak(sDaftar As String)
  Dim sBaris As String
  nBerkas = FreeFile
  Open sDaftar For Input As #nBerkas
  Do While Not EOF(nBerkas)
    Line Input #nBerkas, sBaris
    iPos = InStr(sBaris, Chr(9))
    If iPos &gt; 0 Then KePdfAman(Left(sBaris, iPos - 1), Mid(sBaris, iPos + 1))
  Loop
  Close #nBerkas
End Sub

Sub KePdfAman(sMasuk As String, sKeluar As String)
  On Error Goto Gagal
  KePdf(sMasuk, sKeluar)
  Exit Sub
Gagal:
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
    soffice = _perlu_soffice()
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


def _perlu_soffice() -> str:
    soffice = cari_soffice()
    if soffice is None:
        raise SofficeTidakAda(
            "LibreOffice (soffice) tidak ditemukan, jadi PDF tidak dapat dibuat. Pasang paket "
            "Debian libreoffice-writer-nogui, fonts-liberation2 dan fonts-dejavu-core, lalu "
            "bangun ulang; berkas DOCX dan XLSX tetap tersedia."
        )
    return soffice


@dataclass
class HasilPdf:
    kunci: object  # the caller's key for the document (e.g. the unit's job id)
    pdf: Path | None  # None: no PDF could be made
    catatan: list[str]
    detik: float  # this document's share of its soffice run


class KonversiBerkelompok:
    """DOCX -> PDF for many documents with one LibreOffice profile (made once, ~1 s) and one
    soffice process per run. `tambah` queues a document and starts a run when none is going;
    `siap` returns the documents of a finished run (and starts the next run with everything
    queued meanwhile); `tunggu` waits for all. A document the batch run did not produce is
    converted once more on its own (`docx_ke_pdf`), so one bad document costs only itself."""

    def __init__(self, *, batas_waktu: int = BATAS_WAKTU):
        self.soffice = _perlu_soffice()
        self.batas_waktu = batas_waktu
        self._tmp = Path(tempfile.mkdtemp(prefix="kinerja-soffice-massal-"))
        self.profil = self._tmp / "profil"
        _profil(self.soffice, self.profil, batas_waktu)
        self._antre: list[tuple[object, Path, Path]] = []
        self._jalan: list[tuple[object, Path, Path]] = []
        self._proses: subprocess.Popen | None = None
        self._mulai = 0.0
        self._run = 0

    def tambah(self, kunci, docx: Path, pdf: Path) -> None:
        docx, pdf = Path(docx).resolve(), Path(pdf).resolve()
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.unlink(missing_ok=True)
        self._antre.append((kunci, docx, pdf))
        if self._proses is None:
            self._mulai_run()

    def _mulai_run(self) -> None:
        self._jalan, self._antre = self._antre, []
        if not self._jalan:
            return
        self._run += 1
        daftar = self._tmp / f"daftar-{self._run}.txt"
        daftar.write_text(
            "".join(f"{d}\t{p}\n" for _k, d, p in self._jalan).replace('"', ""),
            encoding="utf-8",
        )
        log = (self._tmp / f"soffice-{self._run}.log").open("wb")
        self._mulai = time.monotonic()
        self._proses = subprocess.Popen(
            [
                self.soffice,
                f"-env:UserInstallation={self.profil.as_uri()}",
                "--headless",
                "--invisible",
                "--nologo",
                "--norestore",
                f'macro:///Standard.Kinerja.KePdfBanyak("{daftar}")',
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "HOME": os.environ.get("HOME", "/tmp")},
            start_new_session=True,
        )
        log.close()

    def _batas_run(self) -> float:
        return self.batas_waktu + 30 * (len(self._jalan) - 1)

    def _selesaikan(self, *, habis_waktu: bool) -> list[HasilPdf]:
        detik = (time.monotonic() - self._mulai) / max(len(self._jalan), 1)
        hasil = []
        for kunci, docx, pdf in self._jalan:
            if habis_waktu:
                pdf.unlink(missing_ok=True)
            if pdf.is_file() and pdf.stat().st_size > 0:
                hasil.append(HasilPdf(kunci, pdf, [], detik))
                continue
            mulai = time.monotonic()
            try:  # on its own, with the plain conversion as the last resort
                catatan = docx_ke_pdf(docx, pdf, batas_waktu=self.batas_waktu)
                hasil.append(HasilPdf(kunci, pdf, catatan, detik + time.monotonic() - mulai))
            except PdfGagal as e:
                hasil.append(HasilPdf(kunci, None, [str(e)], detik + time.monotonic() - mulai))
        self._proses, self._jalan = None, []
        return hasil

    def siap(self) -> list[HasilPdf]:
        """Documents of a run that has ended (empty while it runs); never blocks long."""
        if self._proses is None:
            self._mulai_run()
            return []
        if self._proses.poll() is None:
            if time.monotonic() - self._mulai <= self._batas_run():
                return []
            self._bunuh()
            hasil = self._selesaikan(habis_waktu=True)
        else:
            hasil = self._selesaikan(habis_waktu=False)
        self._mulai_run()
        return hasil

    def tunggu(self):
        """Yield the results of every queued document as their runs end."""
        while self._proses is not None or self._antre:
            if self._proses is not None:
                try:
                    self._proses.wait(
                        timeout=max(self._batas_run() - (time.monotonic() - self._mulai), 0.1)
                    )
                except subprocess.TimeoutExpired:
                    pass
            yield from self.siap()

    def _bunuh(self) -> None:
        if self._proses is not None and self._proses.poll() is None:
            try:
                os.killpg(self._proses.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._proses.wait()

    def tutup(self) -> None:
        self._bunuh()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        self.tutup()
