"""Check an uploaded .docx template before a build uses it.

Lists the fields it uses that the builder does not know (a typo would print nothing), the
required fields it lacks (`{{ isi }}`), the styles the chapters need, and syntax errors, in
Indonesian, so the agency can fix the file in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja.lkip.templat import FIELD, FIELD_WAJIB, GAYA_WAJIB


@dataclass
class HasilCekTemplat:
    tidak_dikenal: list[str] = field(default_factory=list)
    hilang: list[str] = field(default_factory=list)
    gaya_hilang: list[str] = field(default_factory=list)
    galat: list[str] = field(default_factory=list)

    @property
    def baik(self) -> bool:
        return not (self.tidak_dikenal or self.hilang or self.gaya_hilang or self.galat)

    def pesan(self) -> list[str]:
        p = list(self.galat)
        if self.tidak_dikenal:
            p.append(
                "Field tidak dikenal: "
                + ", ".join("{{ " + f + " }}" for f in self.tidak_dikenal)
                + ". Field yang tersedia: "
                + ", ".join(sorted(FIELD))
                + "."
            )
        if self.hilang:
            p.append(
                "Field wajib tidak ada: "
                + ", ".join("{{ " + f + " }}" for f in self.hilang)
                + " (letakkan dalam paragraf tersendiri tempat bab-bab laporan disisipkan)."
            )
        if self.gaya_hilang:
            p.append("Gaya (style) yang dibutuhkan tidak ada: " + ", ".join(self.gaya_hilang) + ".")
        return p


def cek_templat(berkas) -> HasilCekTemplat:
    """berkas: a path or a binary file object of a .docx."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    hasil = HasilCekTemplat()
    try:
        tpl = DocxTemplate(berkas)
        tpl.init_docx()
    except Exception as e:  # not a Word file at all
        hasil.galat.append(f"Berkas bukan dokumen Word (.docx) yang dapat dibaca: {e}")
        return hasil
    try:
        dipakai = set(tpl.get_undeclared_template_variables())
    except TemplateSyntaxError as e:
        hasil.galat.append(f"Kesalahan penulisan field di templat (baris {e.lineno}): {e.message}")
        return hasil
    hasil.tidak_dikenal = sorted(dipakai - set(FIELD))
    hasil.hilang = sorted(FIELD_WAJIB - dipakai)
    nama_gaya = {s.name for s in tpl.docx.styles}
    hasil.gaya_hilang = [g for g in GAYA_WAJIB if g not in nama_gaya]
    return hasil
