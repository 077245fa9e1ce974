"""The project's translation catalogue with Babel (no GNU gettext): extract the marked
strings from the Python code and the templates under src/kinerja, update the English
catalogue src/kinerja/locale/en/LC_MESSAGES/django.po, compile it to django.mo, and check
that both are current (`kinerja terjemahan`; keputusan 0064).

Indonesian is the source language: every msgid is the Indonesian text shown today, so the
Indonesian interface needs no catalogue. An app with a `locale/` folder of its own keeps
its own catalogue and is left out of this one.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

AKAR = Path(__file__).resolve().parent.parent  # src/kinerja
BAHASA = "en"
DOMAIN = "django"

KATA_KUNCI = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
TANDA_KOMENTAR = ("Translators:",)  # {# Translators: ... #} and # Translators: ...
LEWATI = {"__pycache__", "locale", "static", "node_modules"}
KEPALA = (
    "# Katalog bahasa Inggris Kinerja. Bahasa sumber: Indonesia (msgid = teks Indonesia).\n"
    "# Diperbarui dengan `./kinerja terjemahan`: isi msgstr yang kosong, hapus tanda fuzzy\n"
    "# setelah ditinjau, lalu `./kinerja terjemahan --kompilasi`. Keputusan 0064.\n"
    "#"
)


def berkas_po(bahasa: str = BAHASA, akar: Path | None = None) -> Path:
    return (akar or AKAR) / "locale" / bahasa / "LC_MESSAGES" / f"{DOMAIN}.po"


def _ekstrak_templat(fileobj, keywords, comment_tags, options):
    """Django templates: Django's own templatize turns {% translate %}/{% blocktranslate %}
    into gettext calls (line numbers kept), which Babel's Python extractor reads."""
    from django.utils.translation.template import templatize

    kode = templatize(fileobj.read().decode("utf-8"))
    return extract_python(io.BytesIO(kode.encode("utf-8")), keywords, comment_tags, options)


def _punya_katalog_sendiri(folder: Path, akar: Path) -> bool:
    return folder != akar and (folder / "locale").is_dir()


def berkas_sumber(akar: Path | None = None) -> list[Path]:
    """Python files and templates of the project, sorted, without the folders of apps that
    keep their own catalogue."""
    akar = akar or AKAR
    hasil = []
    for jalur in sorted(akar.rglob("*")):
        relatif = jalur.relative_to(akar)
        if any(b in LEWATI or b.startswith(".") for b in relatif.parts[:-1]):
            continue
        if any(_punya_katalog_sendiri(akar.joinpath(*relatif.parts[:i]), akar)
               for i in range(1, len(relatif.parts))):  # fmt: skip
            continue
        if jalur.suffix == ".py" or (jalur.suffix == ".html" and "templates" in relatif.parts):
            hasil.append(jalur)
    return hasil


def ekstrak(akar: Path | None = None) -> Catalog:
    """Every marked string (with its files) as a catalogue template."""
    akar = akar or AKAR
    templat = Catalog(domain=DOMAIN, project="Kinerja", fuzzy=False)
    for jalur in berkas_sumber(akar):
        metode = "python" if jalur.suffix == ".py" else _ekstrak_templat
        relatif = jalur.relative_to(akar).as_posix()
        with jalur.open("rb") as f:
            for lineno, pesan, komentar, konteks in extract(
                metode, f, KATA_KUNCI, TANDA_KOMENTAR, strip_comment_tags=True
            ):
                templat.add(
                    pesan,
                    None,
                    [(relatif, lineno)],
                    auto_comments=komentar,
                    context=konteks,
                )
    return templat


def _baca(po: Path) -> Catalog:
    with po.open("rb") as f:
        return read_po(f, locale=BAHASA, domain=DOMAIN)


def _tulis_po(katalog: Catalog) -> bytes:
    buf = io.BytesIO()
    # File names without line numbers: editing a template elsewhere does not touch the .po.
    write_po(buf, katalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False)
    return buf.getvalue()


def kompilasi_bytes(katalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, katalog, use_fuzzy=False)
    return buf.getvalue()


def perbarui(akar: Path | None = None, po: Path | None = None) -> tuple[Catalog, bool]:
    """Bring the .po up to date with the source: new strings added (empty, or a fuzzy
    suggestion from a similar old string), vanished ones removed, translations kept.
    Returns the catalogue and whether the file changed (an unchanged source leaves the
    file byte for byte as it was)."""
    po = po or berkas_po(akar=akar)
    templat = ekstrak(akar)
    if po.exists():
        katalog = _baca(po)
        lama = po.read_bytes()
    else:
        sekarang = dt.datetime.now(dt.UTC).replace(microsecond=0)
        katalog = Catalog(
            locale=BAHASA, domain=DOMAIN, project="Kinerja", creation_date=sekarang,
            revision_date=sekarang, fuzzy=False,
        )  # fmt: skip
        lama = b""
    katalog.update(templat, update_creation_date=False)
    katalog.obsolete.clear()
    katalog.header_comment = KEPALA
    katalog.project, katalog.version, katalog.fuzzy = "Kinerja", "", False
    katalog.language_team = katalog.last_translator = "Kinerja"
    katalog.msgid_bugs_address = ""
    baru = _tulis_po(katalog)
    if baru == lama:
        return katalog, False
    katalog.revision_date = dt.datetime.now(dt.UTC).replace(microsecond=0)
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_bytes(_tulis_po(katalog))
    return katalog, True


def kompilasi(po: Path | None = None) -> tuple[Path, bool]:
    """Write django.mo beside the .po; returns its path and whether it changed."""
    po = po or berkas_po()
    mo = po.with_suffix(".mo")
    isi = kompilasi_bytes(_baca(po))
    if mo.exists() and mo.read_bytes() == isi:
        return mo, False
    mo.write_bytes(isi)
    return mo, True


@dataclass
class Hasil:
    """What `--periksa` found; empty lists mean the catalogue is current."""

    belum_di_katalog: list[str] = field(default_factory=list)  # marked, not in the .po
    tidak_dipakai: list[str] = field(default_factory=list)  # in the .po, no longer marked
    belum_diterjemahkan: list[str] = field(default_factory=list)  # empty or fuzzy msgstr
    format_salah: list[str] = field(default_factory=list)  # placeholders differ
    mo_basi: str = ""  # .mo missing or not the compiled .po

    @property
    def beres(self) -> bool:
        return not (
            self.belum_di_katalog
            or self.tidak_dipakai
            or self.belum_diterjemahkan
            or self.format_salah
            or self.mo_basi
        )


def _kunci(pesan) -> tuple:
    return (pesan.id, pesan.context)


def _teks(pesan) -> str:
    teks = pesan.id[0] if isinstance(pesan.id, tuple) else pesan.id
    return f"{teks} [{pesan.context}]" if pesan.context else teks


def diterjemahkan(pesan) -> bool:
    isi = pesan.string if isinstance(pesan.string, tuple | list) else (pesan.string,)
    return not pesan.fuzzy and bool(isi) and all(isi)


_ISIAN = re.compile(r"%\((\w+)\)")


def _isian_hilang(pesan) -> list[str]:
    """Named placeholders of the source missing from a translation (Babel only checks the
    other way): "Tahun %(tahun)s" translated as "Year" would lose the year. A plural's
    singular may leave out the count; its last form must keep them all."""
    sumber = pesan.id[-1] if isinstance(pesan.id, tuple) else pesan.id
    terjemah = pesan.string[-1] if isinstance(pesan.string, tuple | list) else pesan.string
    if not terjemah:
        return []
    return sorted(set(_ISIAN.findall(sumber)) - set(_ISIAN.findall(terjemah)))


def periksa(akar: Path | None = None, po: Path | None = None) -> Hasil:
    """Check without writing: the .po has exactly the marked strings, each translated with
    the same placeholders, and the .mo is the compiled .po."""
    po = po or berkas_po(akar=akar)
    hasil = Hasil()
    templat = ekstrak(akar)
    sumber = {_kunci(m): m for m in templat if m.id}
    if not po.exists():
        hasil.belum_di_katalog = sorted(_teks(m) for m in sumber.values())
        hasil.mo_basi = f"{po} belum ada"
        return hasil
    katalog = _baca(po)
    ada = {_kunci(m): m for m in katalog if m.id}
    hasil.belum_di_katalog = sorted(_teks(m) for k, m in sumber.items() if k not in ada)
    hasil.tidak_dipakai = sorted(_teks(m) for k, m in ada.items() if k not in sumber)
    hasil.belum_diterjemahkan = sorted(
        _teks(m) for k, m in ada.items() if k in sumber and not diterjemahkan(m)
    )
    salah = {_kunci(m): [str(e) for e in galat] for m, galat in katalog.check()}
    for k, m in ada.items():
        if (hilang := _isian_hilang(m)) and k in sumber:
            salah.setdefault(k, []).append("tempat isian hilang: " + ", ".join(hilang))
    hasil.format_salah = sorted(f"{_teks(ada[k])}: {'; '.join(g)}" for k, g in salah.items())
    mo = po.with_suffix(".mo")
    if not mo.exists():
        hasil.mo_basi = f"{mo} belum ada"
    elif mo.read_bytes() != kompilasi_bytes(katalog):
        hasil.mo_basi = f"{mo} tidak sama dengan hasil kompilasi {po.name}"
    return hasil
