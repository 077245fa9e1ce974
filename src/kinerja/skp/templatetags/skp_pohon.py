"""The cascade tree as one list: 10,000 rows through format_html (escaped) instead of the
template loop, which would spend most of the page's second there (bench/skp.py)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from kinerja import angka as fmt

register = template.Library()


def _baris(b) -> tuple:
    kelas = f"t{min(b.tingkat, 9)}" + (" celah" if b.tanpa_rhk or b.tanpa_induk else "")
    if b.butir is not None:
        isi = format_html(
            "<strong>Indikator PK {}:</strong> {} (target {}){}",
            b.butir.pk_dokumen.organisasi.nama,
            b.butir.indikator.nama,
            fmt.angka(b.butir.target, 2, tetap=False) if b.butir.target is not None else "—",
            mark_safe(' <span class="galat">— belum didukung RHK</span>') if b.tanpa_rhk else "",
        )
    else:
        r = b.rhk
        catatan = ""
        if b.tanpa_induk:
            catatan = mark_safe(
                ' <span class="galat">— tidak mendukung RHK atasan maupun indikator PK</span>'
            )
        elif b.induk_luar is not None:
            catatan = format_html(
                " <small>(mengintervensi RHK {}: {})</small>",
                b.induk_luar.pegawai_nama,
                b.induk_luar.uraian[:60],
            )
        isi = format_html(
            "{} <small>— {}, {}</small>{}", r.uraian, r.pegawai_nama, r.pegawai_jabatan, catatan
        )
    return kelas, isi


@register.simple_tag
def pohon_cascade(pohon):
    if not pohon.baris:
        return format_html("<li>Belum ada indikator PK maupun RHK tahun {}.</li>", pohon.tahun)
    return format_html_join("\n", '<li class="{}">{}</li>', (_baris(b) for b in pohon.baris))
