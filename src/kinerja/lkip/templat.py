"""The default Word template (docxtpl) and the fields a template may use.

An agency downloads `templat/lkip.docx`, restyles it in Word (fonts, headings, cover,
header and footer) and uploads it back. The builder fills the fields below and puts the
generated chapters where `{{ isi }}` stands. `buat_templat_bawaan()` writes the default
file from code so it can be regenerated (`kinerja lkip --templat-bawaan FILE`).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

TEMPLAT_BAWAAN = Path(__file__).parent / "templat" / "lkip.docx"

# Field -> what it holds. `isi` is required: the generated chapters go there.
FIELD = {
    "judul": "judul laporan (LAPORAN KINERJA INSTANSI PEMERINTAH)",
    "singkatan": "singkatan (LKIP)",
    "organisasi": "nama organisasi",
    "induk": "nama organisasi induk",
    "tahun": "tahun laporan",
    "alamat": "alamat kantor",
    "kata_pengantar": "teks kata pengantar (dapat diedit di Kinerja)",
    "tempat": "tempat penandatanganan",
    "tanggal": "tanggal penyusunan",
    "penandatangan_jabatan": "jabatan penandatangan (pihak pertama PK)",
    "penandatangan_nama": "nama penandatangan",
    "isi": "seluruh bab, tabel dan grafik (wajib, dalam paragraf tersendiri)",
}
FIELD_WAJIB = {"isi"}
GAYA_WAJIB = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Caption")

HITAM = RGBColor(0x1B, 0x1F, 0x24)


def tambah_field(paragraf, instruksi: str, tampil: str = "") -> None:
    """A Word field (TOC, SEQ, PAGE) with its cached result, so the text is right even
    before the reader updates fields."""

    def fld(jenis):
        r = OxmlElement("w:r")
        f = OxmlElement("w:fldChar")
        f.set(qn("w:fldCharType"), jenis)
        if jenis == "begin":
            f.set(qn("w:dirty"), "true")
        r.append(f)
        return r

    p = paragraf._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instruksi} "
    r.append(t)
    p.append(r)
    p.append(fld("separate"))
    paragraf.add_run(tampil)
    p.append(fld("end"))


def _gaya(doc) -> None:
    st = doc.styles
    normal = st["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    ukuran = {1: 14, 2: 12, 3: 11, 4: 11}
    for n, pt in ukuran.items():
        h = st[f"Heading {n}"]
        h.font.name = "Arial"
        h.font.size = Pt(pt)
        h.font.bold = True
        h.font.italic = n == 4
        h.font.color.rgb = HITAM
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.space_before = Pt(12 if n < 3 else 8)
        h.paragraph_format.space_after = Pt(6)
        if n == 1:
            h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap = st["Caption"]
    cap.font.name = "Arial"
    cap.font.size = Pt(9.5)
    cap.font.bold = True
    cap.font.italic = False
    cap.font.color.rgb = HITAM
    cap.paragraph_format.space_before = Pt(6)
    cap.paragraph_format.space_after = Pt(4)


def buat_templat_bawaan(tujuan: Path = TEMPLAT_BAWAAN) -> Path:
    doc = Document()
    _gaya(doc)
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.left_margin, s.right_margin = Cm(2.5), Cm(2)
    s.top_margin, s.bottom_margin = Cm(2.5), Cm(2.2)
    # Cover
    for _ in range(6):
        doc.add_paragraph()
    for teks, ukuran in (
        ("{{ judul }}", 20),
        ("({{ singkatan }})", 16),
        ("TAHUN {{ tahun }}", 18),
        ("", 12),
        ("{{ organisasi }}", 16),
        ("{{ induk }}", 13),
    ):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(teks)
        r.bold = True
        r.font.size = Pt(ukuran)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("{{ alamat }}").font.size = Pt(10)
    p.runs[0].add_break(WD_BREAK.PAGE)
    # Kata pengantar
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("KATA PENGANTAR")
    r.bold = True
    r.font.size = Pt(14)
    p = doc.add_paragraph("{{ kata_pengantar }}")
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for teks in (
        "",
        "{{ tempat }}{% if tempat %}, {% endif %}{{ tanggal }}",
        "{{ penandatangan_jabatan }}",
        "",
        "",
        "{{ penandatangan_nama }}",
    ):
        p = doc.add_paragraph(teks)
        p.paragraph_format.left_indent = Cm(8.5)
        p.paragraph_format.space_after = Pt(0)
    # Body: the generated chapters replace this paragraph.
    doc.add_paragraph("{{ isi }}")
    # Page numbers in the footer
    kaki = s.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tambah_field(kaki, "PAGE", "1")
    assert s.start_type == WD_SECTION.NEW_PAGE
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    doc.save(tujuan)
    return tujuan


def templat_bawaan() -> Path:
    """The shipped default template, regenerated when the file is missing."""
    if not TEMPLAT_BAWAAN.exists():
        buat_templat_bawaan(TEMPLAT_BAWAAN)
    return TEMPLAT_BAWAAN
