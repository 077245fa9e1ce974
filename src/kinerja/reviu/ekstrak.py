"""Reading a report: DOCX (its tables), PDF (pdftotext -layout, tables recovered from the
layout) or plain text (tables as tab-separated lines, as the seed text holds them).

Every reader turns the file into one sequence of items (paragraph lines and table blocks
with their caption candidates); `susun` then builds the `Dokumen`. Bad input is refused
with `BerkasTidakTerbaca` (an Indonesian message) before any heavy work: size cap first,
then type by content, pdftotext under a timeout and memory limit
(docs/keputusan/0040-reviu-berkas-masukan.md).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kinerja.reviu.bilangan import baca_angka
from kinerja.reviu.dokumen import Baris, Dokumen, Kalimat, Tabel, label_baris

UKURAN_MAKS = 50 * 1024 * 1024  # bytes; a 150-page LKIP with photos is ~20 MB as PDF
# Work bound: the cross-table rules grow with the square of the tables; 600 tables (about
# five LKIPs like the seed's 114) take ~3 s, beyond that only the first ones are checked.
MAKS_TABEL = 600
MAKS_KALIMAT = 10_000
WAKTU_PDF = 60  # seconds for pdftotext
MEMORI_PDF = 1024 * 1024 * 1024  # address-space limit of the pdftotext process


class BerkasTidakTerbaca(Exception):
    """The file cannot be reviewed; the message says why, in Indonesian."""


_KETERANGAN = re.compile(r"^\s*Tabel\s+(\d+)[.:]?\s*(.*)$", re.IGNORECASE)
_BAB = re.compile(
    r"^\s*(BAB\s+[IVX]+\b.*|KATA PENGANTAR|RINGKASAN EKSEKUTIF|IKHTISAR EKSEKUTIF|"
    r"LAMPIRAN|DATA PENDUKUNG|PENUTUP)\s*$"
)
_DAFTAR = re.compile(r"^\s*(Tabel|Grafik|Gambar)\s+\d+|\.{4,}", re.IGNORECASE)
_NOMOR_KOLOM = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass
class _Blok:
    baris: list[list[str]]
    bab: str
    halaman: int | None
    sebelum: str = ""  # the nearest non-empty line before the block
    sesudah: list[str] = field(default_factory=list)  # the next few lines after it


@dataclass
class _Urutan:
    """A report as a sequence: paragraphs (text, chapter, page) and table blocks."""

    isi: list = field(default_factory=list)
    halaman: int | None = None


# --- plain text and PDF text ---------------------------------------------------------------


def _sel(baris: str) -> list[str]:
    return [s.strip() for s in baris.rstrip("\n").split("\t")]


def _urutan_teks(teks: str, *, tata_letak: bool = False) -> _Urutan:
    """Lines with tabs are table rows (seed text). With `tata_letak` (pdftotext -layout),
    lines whose cells are separated by runs of 2+ spaces and that hold a figure are too."""
    hasil = _Urutan()
    halaman_teks = teks.split("\f")
    if len(halaman_teks) > 1:
        hasil.halaman = len(halaman_teks)
    bab = ""
    blok: _Blok | None = None
    sebelum = ""
    for no_hal, isi_hal in enumerate(halaman_teks, start=1):
        halaman = no_hal if hasil.halaman else None
        for baris in isi_hal.split("\n"):
            sel = None
            if "\t" in baris:
                sel = _sel(baris)
            elif tata_letak and re.search(r"\S\s{2,}\S", baris):
                cand = [s for s in re.split(r"\s{2,}", baris.strip())]
                if len(cand) >= 2 and any(baca_angka(c) is not None for c in cand[1:]):
                    sel = cand
            if sel is not None and any(sel):
                if blok is None:
                    blok = _Blok([], bab, halaman, sebelum=sebelum)
                    hasil.isi.append(blok)
                blok.baris.append(sel)
                continue
            t = baris.strip()
            if not t:
                if not tata_letak:
                    blok = None  # in text, a blank line ends a table
                continue
            blok = None
            m = _BAB.match(t)
            if m and "\t" not in baris:
                bab = " ".join(m.group(1).split())
            hasil.isi.append((t, bab, halaman))
            sebelum = t
    return _lengkapi(hasil)


def _lengkapi(urutan: _Urutan) -> _Urutan:
    """Give each table block the (up to four) paragraph lines that follow it."""
    for i, b in enumerate(urutan.isi):
        if not isinstance(b, _Blok):
            continue
        for isi in urutan.isi[i + 1 :]:
            if isinstance(isi, _Blok) or len(b.sesudah) >= 4:
                break
            b.sesudah.append(isi[0])
    return urutan


# --- PDF layout (pdftotext -layout) -------------------------------------------------------

_SEL = re.compile(r"\S+(?: \S+)*")


def _potongan(baris: str) -> list[tuple[int, int, str]]:
    """Cells of a layout line with their positions: runs of words separated by 2+ spaces;
    inside a run every figure is its own cell ("93,93 108,28", "104,08 Sangat Tinggi")."""
    hasil = []
    for m in re.finditer(r"\S+(?: \S+)*", baris):
        kata = [
            (m.start() + w.start(), m.start() + w.end(), w.group(0))
            for w in re.finditer(r"\S+", m.group(0))
        ]
        teks: list = []
        for a, b, w in kata:
            if baca_angka(w) is not None:
                if teks:
                    hasil.append((teks[0][0], teks[-1][1], " ".join(x[2] for x in teks)))
                    teks = []
                hasil.append((a, b, w))
            else:
                teks.append((a, b, w))
        if teks:
            hasil.append((teks[0][0], teks[-1][1], " ".join(x[2] for x in teks)))
    return hasil


def _baris_tata_letak(baris: list[str]) -> list[list[str]]:
    """Rows of a table printed by pdftotext -layout: the header lines give the columns (by
    position), every line with figures is a row, a line without figures continues the
    label of the row above."""
    potong = [_potongan(b) for b in baris]
    pertama = next(
        (
            i
            for i, p in enumerate(potong)
            if sum(1 for _a, _b, t in p if baca_angka(t) is not None) >= 1 and len(p) >= 2
        ),
        None,
    )
    if pertama is None or pertama == 0:
        return [[t for _a, _b, t in p] for p in potong if p]
    kolom: list[list] = []  # [awal, akhir, teks]
    for p in potong[:pertama]:
        for a, b, t in p:
            for k in kolom:
                if a <= k[1] + 1 and b >= k[0] - 1:
                    k[0], k[1], k[2] = min(a, k[0]), max(b, k[1]), f"{k[2]} {t}"
                    break
            else:
                kolom.append([a, b, t])
    kolom.sort()
    if len(kolom) < 2:
        return [[t for _a, _b, t in p] for p in potong if p]

    pusat = [(k[0] + k[1]) / 2 for k in kolom]

    def tempatkan(p):
        """Cells to columns in order (no two cells in one column when avoidable), by the
        least total distance between a cell's centre and its header's centre."""
        n, m = len(p), len(kolom)
        if n > m:
            return [min(range(m), key=lambda j: abs(pusat[j] - (a + b) / 2)) for a, b, _t in p]
        inf = float("inf")
        biaya = [[inf] * (m + 1) for _ in range(n + 1)]
        pilih = [[0] * (m + 1) for _ in range(n + 1)]
        for j in range(m + 1):
            biaya[0][j] = 0
        for i in range(1, n + 1):
            a, b, _t = p[i - 1]
            for j in range(i, m + 1):
                tetap = biaya[i][j - 1]
                pakai = biaya[i - 1][j - 1] + abs(pusat[j - 1] - (a + b) / 2)
                if pakai <= tetap:
                    biaya[i][j], pilih[i][j] = pakai, 1
                else:
                    biaya[i][j], pilih[i][j] = tetap, 0
        hasil, j = [0] * n, m
        for i in range(n, 0, -1):
            while pilih[i][j] == 0:
                j -= 1
            hasil[i - 1] = j - 1
            j -= 1
        return hasil

    hasil = [[k[2] for k in kolom]]
    for p in potong[pertama:]:
        if not p:
            continue
        angka = [x for x in p if baca_angka(x[2]) is not None]
        sel = [""] * len(kolom)
        if re.match(r"^(sumber|catatan|keterangan)\s*:", p[0][2], re.IGNORECASE):
            break
        for (_a, _b, t), j in zip(p, tempatkan(p), strict=True):
            sel[j] = f"{sel[j]} {t}".strip()
        if not angka and len(hasil) > 1:
            prev = hasil[-1]
            for j, t in enumerate(sel):
                if t:
                    prev[j] = f"{prev[j]} {t}".strip()
            continue
        hasil.append(sel)
    return hasil


def _urutan_pdf(teks: str) -> _Urutan:
    """Paragraph lines, and a table after each caption line ("Tabel N ...") up to the next
    blank line (pdftotext separates paragraphs and tables with blank lines)."""
    hasil = _Urutan()
    halaman_teks = teks.split("\f")
    hasil.halaman = len(halaman_teks)
    bab = ""
    for no_hal, isi_hal in enumerate(halaman_teks, start=1):
        baris = isi_hal.split("\n")
        i = 0
        while i < len(baris):
            t = baris[i].strip()
            m = _KETERANGAN.match(t)
            if m and not _DAFTAR.search(t.replace("Tabel", "", 1)) and not re.search(r"\.{4,}", t):
                j = i + 1
                while (
                    j < len(baris) and baris[j].strip() and not re.search(r"\S\s{2,}\S", baris[j])
                ):
                    j += 1  # the caption continues on the next line(s)
                awal = j
                while j < len(baris) and baris[j].strip():
                    j += 1
                isi = _baris_tata_letak(baris[awal:j])
                hasil.isi.append((t, bab, no_hal))
                if isi:
                    hasil.isi.append(_Blok(isi, bab, no_hal, sebelum=t))
                i = j
                continue
            if t:
                mb = _BAB.match(t)
                if mb:
                    bab = " ".join(mb.group(1).split())
                hasil.isi.append((t, bab, no_hal))
            i += 1
    return _lengkapi(hasil)


# --- DOCX -------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _teks_xml(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{_W}t"))


def _urutan_docx(path: Path) -> _Urutan:
    try:
        from docx import Document

        doc = Document(str(path))
    except Exception as e:  # python-docx raises several kinds for a broken package
        raise BerkasTidakTerbaca(
            f"Berkas DOCX tidak dapat dibuka ({type(e).__name__}); pastikan berkas tidak rusak "
            "dan tidak dilindungi kata sandi."
        ) from None
    hasil = _Urutan()
    bab = ""
    sebelum = ""
    for el in doc.element.body.iterchildren():
        if el.tag == f"{_W}p":
            t = " ".join(_teks_xml(el).split())
            if not t:
                continue
            gaya = el.find(f"{_W}pPr/{_W}pStyle")
            nama_gaya = gaya.get(f"{_W}val", "") if gaya is not None else ""
            if nama_gaya.lower().startswith(("heading1", "judul1", "heading 1")) or _BAB.match(t):
                bab = t
            hasil.isi.append((t, bab, None))
            sebelum = t
        elif el.tag == f"{_W}tbl":
            baris = []
            for tr in el.iter(f"{_W}tr"):
                sel = []
                for tc in tr.iter(f"{_W}tc"):
                    teks_sel = " ".join(_teks_xml(tc).split())
                    span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                    sel.append(teks_sel)
                    if span is not None:
                        sel.extend([""] * (int(span.get(f"{_W}val", "1")) - 1))
                baris.append(sel)
            hasil.isi.append(_Blok(baris, bab, None, sebelum=sebelum))
    return _lengkapi(hasil)


# --- PDF --------------------------------------------------------------------------------------


def _batas_proses():  # pragma: no cover - runs in the child process
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORI_PDF, MEMORI_PDF))


def _teks_pdf(path: Path) -> str:
    try:
        proses = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=WAKTU_PDF,
            preexec_fn=_batas_proses,
            check=False,
        )
    except FileNotFoundError:
        raise BerkasTidakTerbaca(
            "PDF tidak dapat dibaca: program pdftotext (paket poppler-utils) tidak terpasang."
        ) from None
    except subprocess.TimeoutExpired:
        raise BerkasTidakTerbaca(
            f"PDF tidak selesai dibaca dalam {WAKTU_PDF} detik; berkas terlalu rumit atau rusak."
        ) from None
    galat = proses.stderr.decode("utf-8", "replace")
    if proses.returncode != 0:
        if "password" in galat.lower() or "encrypt" in galat.lower():
            raise BerkasTidakTerbaca(
                "PDF terenkripsi (dilindungi kata sandi); buka kuncinya atau unggah DOCX-nya."
            )
        raise BerkasTidakTerbaca("PDF rusak atau bukan PDF yang sah; teks tidak dapat dibaca.")
    teks = proses.stdout.decode("utf-8", "replace")
    halaman = max(teks.count("\f"), 1)
    if len("".join(teks.split())) < 40 * halaman:
        raise BerkasTidakTerbaca(
            "PDF tidak berisi teks (hasil pindai berupa gambar); jalankan OCR terlebih dahulu "
            "atau unggah DOCX-nya."
        )
    return teks


# --- entry points -----------------------------------------------------------------------------


def jenis_berkas(kepala: bytes) -> str:
    """The file type by content: 'pdf', 'docx' or 'teks'; never by the file name."""
    if kepala.startswith(b"%PDF"):
        return "pdf"
    if kepala.startswith(b"PK\x03\x04"):
        return "docx"
    if kepala.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    try:
        kepala.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(kepala) - 4:  # not just a character cut at the end of the sample
            return "biner"
    if b"\x00" in kepala:
        return "biner"
    return "teks"


def baca_berkas(path: Path | str, *, nama: str | None = None) -> Dokumen:
    """The Dokumen of a report file (DOCX, PDF or text), or BerkasTidakTerbaca."""
    path = Path(path)
    nama = nama or path.name
    try:
        ukuran = path.stat().st_size
    except OSError:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' tidak ditemukan atau tidak dapat dibuka."
        ) from None
    if ukuran == 0:
        raise BerkasTidakTerbaca(f"Berkas '{nama}' kosong.")
    if ukuran > UKURAN_MAKS:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' berukuran {ukuran // (1024 * 1024)} MB, melebihi batas "
            f"{UKURAN_MAKS // (1024 * 1024)} MB; kecilkan gambar atau unggah DOCX/teksnya."
        )
    with path.open("rb") as f:
        kepala = f.read(4096)
    jenis = jenis_berkas(kepala)
    if jenis == "pdf":
        urutan = _urutan_pdf(_teks_pdf(path))
    elif jenis == "docx":
        try:
            with zipfile.ZipFile(path) as z:
                if "word/document.xml" not in z.namelist():
                    raise BerkasTidakTerbaca(
                        f"Berkas '{nama}' adalah arsip ZIP tetapi bukan dokumen Word (DOCX)."
                    )
                if z.getinfo("word/document.xml").file_size > 3 * UKURAN_MAKS:
                    raise BerkasTidakTerbaca(f"Isi DOCX '{nama}' terlalu besar untuk dibaca.")
        except zipfile.BadZipFile:
            raise BerkasTidakTerbaca(f"Berkas '{nama}' rusak: bukan DOCX yang sah.") from None
        urutan = _urutan_docx(path)
    elif jenis == "doc":
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' berformat Word lama (.doc); simpan ulang sebagai DOCX atau PDF."
        )
    elif jenis == "teks":
        teks = path.read_bytes().decode("utf-8", "replace")
        urutan = _urutan_teks(teks)
    else:
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' bukan DOCX, PDF atau teks; jenis berkas dikenali dari isinya."
        )
    dok = susun(urutan, sumber=nama)
    if not dok.tabel and not any(k.angka for k in dok.kalimat):
        raise BerkasTidakTerbaca(
            f"Berkas '{nama}' tidak berisi tabel maupun angka: tampaknya bukan laporan kinerja."
        )
    if not dok.tabel:
        dok.catatan.append("Berkas tidak berisi tabel; hanya angka di narasi yang diperiksa.")
    return dok


def baca_teks(teks: str, *, sumber: str = "teks") -> Dokumen:
    return susun(_urutan_teks(teks), sumber=sumber)


# --- from blocks to tables ----------------------------------------------------------------


def _baris_nomor_kolom(sel: list[str]) -> bool:
    isi = [s for s in sel if s.strip()]
    if len(isi) < 2:
        return False
    nomor = []
    for s in isi:
        m = _NOMOR_KOLOM.match(s.strip())
        if not m:
            return False
        nomor.append(int(m.group(1)))
    return nomor == list(range(nomor[0], nomor[0] + len(nomor))) and nomor[0] in (0, 1)


def _ada_angka(sel: list[str]) -> bool:
    return any(
        baca_angka(s) is not None and not re.fullmatch(r"(19|20)\d\d", s.strip()) for s in sel[1:]
    )


def _pisah_kepala(baris: list[list[str]]) -> tuple[list[list[str]], list[list[str]]]:
    for i, sel in enumerate(baris[:5]):
        if _baris_nomor_kolom(sel):
            return baris[:i], baris[i + 1 :]
    kepala = []
    for sel in baris[:2]:
        if _ada_angka(sel) or not any(s.strip() for s in sel[1:]):
            break
        kepala.append(sel)
        if len(baris) > len(kepala) and _ada_angka(baris[len(kepala)]):
            break
        if all(s.strip() for s in sel):  # a full first row: no group header above another
            break
    return kepala, baris[len(kepala) :]


def _nama_kolom(kepala: list[list[str]], n: int) -> list[str]:
    grid = [list(r) + [""] * (n - len(r)) for r in kepala]
    for i, r in enumerate(grid[:-1]):
        bawah = grid[i + 1]
        kelompok = ""
        for j in range(n):
            if r[j].strip():
                kelompok = r[j]
            elif kelompok and bawah[j].strip() and j > 0:
                r[j] = kelompok
            else:
                kelompok = "" if not bawah[j].strip() else kelompok
    return [" ".join(" ".join(r[j] for r in grid if r[j].strip()).split()) for j in range(n)]


def _daftar_isi(baris: list[list[str]]) -> bool:
    """A table of contents: entries ending in a page number ("16", "xxix")."""

    def entri(sel):
        isi = [s for s in sel if s.strip()]
        return bool(isi) and (
            _DAFTAR.search(isi[0])
            or (len(isi) == 2 and re.fullmatch(r"[ivxlc]+|\d{1,3}|[a-z]", isi[-1].strip()))
        )

    return sum(1 for sel in baris if entri(sel)) >= max(2, len(baris) // 2)


def _pecah(baris: list[list[str]]) -> list[list[list[str]]]:
    """Split a block where a new table starts (a row followed by a column-number row)."""
    awal = [0]
    for i in range(2, len(baris) - 1):
        if _baris_nomor_kolom(baris[i + 1]) and i - awal[-1] > 1:
            mulai = i
            while mulai - 1 > awal[-1] + 1 and not _ada_angka(baris[mulai - 1]) and mulai > i - 2:
                mulai -= 1
            awal.append(mulai)
    return [baris[a:b] for a, b in zip(awal, [*awal[1:], len(baris)], strict=True)]


def _keterangan(blok: _Blok, gaya: str) -> tuple[str | None, str]:
    calon = []
    if gaya == "sesudah":
        calon = blok.sesudah[:4]
    else:
        calon = [blok.sebelum]
    for t in calon:
        m = _KETERANGAN.match(t or "")
        if m and "\t" not in t:
            return m.group(1), " ".join(m.group(2).split())
    return None, ""


def susun(urutan: _Urutan, *, sumber: str = "") -> Dokumen:
    dok = Dokumen(sumber=sumber, halaman=urutan.halaman)
    blok = []
    for b in urutan.isi:
        if isinstance(b, _Blok) and not _daftar_isi(b.baris):
            potong = _pecah(b.baris)
            for i, bagian in enumerate(potong):
                blok.append(
                    _Blok(
                        bagian,
                        b.bab,
                        b.halaman,
                        sebelum=b.sebelum if i == 0 else "",
                        sesudah=b.sesudah if i == len(potong) - 1 else [],
                    )
                )
    sebelum = sum(1 for b in blok if _KETERANGAN.match(b.sebelum or ""))
    sesudah = sum(1 for b in blok if any(_KETERANGAN.match(t) for t in b.sesudah[:4]))
    # captions above tables (Word's usual, Kinerja's DOCX) or below them (the seed text); with
    # captions between every two tables both counts are equal: then above
    gaya = "sebelum" if sebelum >= sesudah else "sesudah"
    # a document whose table figures use decimal commas writes thousands with dots: "1.055"
    koma = titik = 0
    for b in blok:
        for sel in b.baris:
            for x in sel:
                koma += len(re.findall(r"\d,\d{1,2}(?!\d)", x))
                titik += len(re.findall(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])", x))
    ribuan = koma > 3 * max(titik, 1)
    tertunda: list[tuple[_Blok, list, list]] = []
    for b in blok:
        kepala, data = _pisah_kepala(b.baris)
        nomor, judul = _keterangan(b, gaya)
        if nomor is None and gaya == "sesudah":
            tertunda.append((b, kepala, data))
            continue
        bagian = [(b, kepala, data)]
        if gaya == "sesudah" and tertunda:
            # blocks without a caption just before this one: the same table split by pages
            # when they repeat its header, or when this block has no header of its own
            ikut = []
            for tb in reversed(tertunda):
                if (kepala and tb[1] and _sama_baris(tb[1][0], kepala[0])) or (
                    not kepala and tb[1]
                ):
                    ikut.insert(0, tb)
                    if not kepala:
                        kepala = tb[1]
                else:
                    break
            for tb in tertunda[: len(tertunda) - len(ikut)]:
                _tambah_tabel(dok, [tb], None, "", ribuan=ribuan)
            bagian = ikut + bagian
            tertunda = []
        _tambah_tabel(dok, bagian, nomor, judul, kepala=kepala or None, ribuan=ribuan)
    for tb in tertunda:
        _tambah_tabel(dok, [tb], None, "", ribuan=ribuan)
    if len(dok.tabel) > MAKS_TABEL:
        dok.catatan.append(
            f"Laporan sangat besar: {len(dok.tabel)} tabel; hanya {MAKS_TABEL} tabel pertama "
            "yang diperiksa."
        )
        dok.tabel = dok.tabel[:MAKS_TABEL]
    for isi in urutan.isi:
        if isinstance(isi, _Blok):
            continue
        t, bab, halaman = isi
        if _KETERANGAN.match(t) or _DAFTAR.search(t):
            continue
        dok.paragraf.append(t)
        for k in _kalimat(t):
            kal = Kalimat.dari(k, bab, halaman)
            if kal.angka:
                dok.kalimat.append(kal)
    if len(dok.kalimat) > MAKS_KALIMAT:
        dok.catatan.append(
            f"Narasi sangat panjang: {len(dok.kalimat)} kalimat berangka; hanya {MAKS_KALIMAT} "
            "kalimat pertama yang diperiksa."
        )
        dok.kalimat = dok.kalimat[:MAKS_KALIMAT]
    return dok


def _sama_baris(a: list[str], b: list[str]) -> bool:
    def bersih(x):
        x = [s.strip() for s in x]
        while x and not x[-1]:
            x.pop()
        return x

    return bersih(a) == bersih(b)


def _tambah_tabel(dok: Dokumen, bagian, nomor, judul, *, kepala=None, ribuan=False) -> None:
    kepala = kepala if kepala is not None else bagian[0][1]
    data = [sel for _b, _k, d in bagian for sel in d]
    if not data:
        return
    n = max(len(r) for r in [*kepala, *data])
    kolom = _nama_kolom(kepala, n)
    baris = []
    for sel in data:
        sel = list(sel) + [""] * (n - len(sel))
        label, no = label_baris(sel)
        baris.append(Baris(sel=sel, label=label, nomor=no, indeks=len(baris), ribuan=ribuan))
    b0 = bagian[0][0]
    dok.tabel.append(
        Tabel(
            nomor=nomor,
            judul=judul,
            kolom=kolom,
            baris=baris,
            bab=b0.bab,
            halaman=b0.halaman,
            urutan=len(dok.tabel) + 1,
        )
    )


_AKHIR_KALIMAT = re.compile(
    r"(?<!\bRp)(?<!\bNo)(?<!\bTk)(?<!\bdr)(?<!\bs\.d)(?<=[.!?])\s+(?=[A-Z\"“(])"
)


def _kalimat(paragraf: str) -> list[str]:
    return [k.strip() for k in _AKHIR_KALIMAT.split(paragraf) if k.strip()]
