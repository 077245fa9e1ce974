"""`kinerja terjemahan` (kinerja.inti.terjemahan, Babel without GNU gettext): the committed
English catalogue is complete and its .mo current (`--periksa` on the real source tree), and
on a small source tree of its own: extraction from Python and templates, the update that
keeps translations and leaves an unchanged catalogue byte for byte, the checks that fail
(missing, untranslated, fuzzy, unused, placeholders, stale .mo), and apps with a catalogue
of their own left out."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po
from django.core.management import CommandError, call_command

from kinerja.inti import terjemahan


def test_katalog_proyek_lengkap_dan_mutakhir(capsys):
    call_command("terjemahan", "--periksa")
    assert "lengkap dan mutakhir" in capsys.readouterr().out


def test_katalog_proyek_memuat_navigasi_dan_galat():
    with terjemahan.berkas_po().open("rb") as f:
        katalog = read_po(f, locale="en")
    assert katalog["Perencanaan"].string == "Planning"
    assert katalog["Halaman tidak ditemukan"].string == "Page not found"
    assert katalog["Masuk"].string == "Log in"


def _tulis(jalur, teks):
    jalur.parent.mkdir(parents=True, exist_ok=True)
    jalur.write_text(teks, encoding="utf-8")


@pytest.fixture
def pohon(tmp_path):
    """A project of its own: one module, one template, one app with its own catalogue."""
    akar = tmp_path / "proyek"
    _tulis(
        akar / "satu" / "views.py",
        "from django.utils.translation import gettext as _, gettext_lazy, ngettext\n"
        "JUDUL = gettext_lazy('Perencanaan')\n"
        "def f(n):\n"
        "    return _('Halo %(nama)s') % {'nama': 'x'}, ngettext('%(n)s unit', '%(n)s unit', n)\n",
    )
    _tulis(
        akar / "satu" / "templates" / "satu" / "a.html",
        '{% load i18n %}<h1>{% translate "Beranda" %}</h1>\n'
        "{% blocktranslate %}Tahun {{ tahun }}{% endblocktranslate %}\n",
    )
    _tulis(akar / "satu" / "static" / "x.html", '{% translate "Bukan templat" %}')
    _tulis(akar / "terbuka" / "views.py", "from django.utils.translation import gettext as _\n_('Data terbuka')\n")  # fmt: skip
    (akar / "terbuka" / "locale").mkdir()
    return akar


def _isi(po, terjemahan_):
    with po.open("rb") as f:
        k = read_po(f, locale="en")
    for m in k:
        kunci = m.id[0] if isinstance(m.id, tuple) else m.id
        if kunci in terjemahan_:
            m.string = terjemahan_[kunci]
            m.flags.discard("fuzzy")
    po.write_bytes(terjemahan._tulis_po(k))


def test_ekstrak_python_dan_templat_tanpa_app_berkatalog_sendiri(pohon):
    ids = {m.id for m in terjemahan.ekstrak(pohon) if m.id}
    assert ids == {
        "Perencanaan",
        "Halo %(nama)s",
        ("%(n)s unit", "%(n)s unit"),
        "Beranda",
        "Tahun %(tahun)s",
    }


def test_alur_perbarui_terjemahkan_kompilasi_periksa(pohon):
    po = terjemahan.berkas_po(akar=pohon)
    hasil = terjemahan.periksa(pohon)
    assert len(hasil.belum_di_katalog) == 5 and hasil.mo_basi and not hasil.beres

    katalog, berubah = terjemahan.perbarui(pohon)
    assert berubah and po.exists()
    hasil = terjemahan.periksa(pohon)
    assert hasil.belum_di_katalog == [] and len(hasil.belum_diterjemahkan) == 5
    isi = po.read_bytes()
    assert terjemahan.perbarui(pohon)[1] is False and po.read_bytes() == isi  # no churn

    _isi(po, {
        "Perencanaan": "Planning", "Halo %(nama)s": "Hello %(nama)s", "Beranda": "Home",
        "%(n)s unit": ("%(n)s unit", "%(n)s units"), "Tahun %(tahun)s": "Year %(tahun)s",
    })  # fmt: skip
    hasil = terjemahan.periksa(pohon)
    assert hasil.belum_diterjemahkan == [] and "tidak ada" not in hasil.mo_basi
    assert hasil.mo_basi  # translated, not compiled yet
    terjemahan.kompilasi(po)
    assert terjemahan.periksa(pohon).beres
    assert terjemahan.kompilasi(po)[1] is False  # already current

    # a translation edited afterwards: the .mo is stale again
    _isi(po, {"Beranda": "Start"})
    assert terjemahan.periksa(pohon).mo_basi
    terjemahan.kompilasi(po)

    # a changed source string: a fuzzy suggestion, not a finished translation
    berkas = pohon / "satu" / "templates" / "satu" / "a.html"
    berkas.write_text(berkas.read_text().replace('"Beranda"', '"Beranda utama"'))
    hasil = terjemahan.periksa(pohon)
    assert hasil.belum_di_katalog == ["Beranda utama"] and hasil.tidak_dipakai == ["Beranda"]
    terjemahan.perbarui(pohon)
    hasil = terjemahan.periksa(pohon)
    assert hasil.belum_diterjemahkan == ["Beranda utama"] and hasil.tidak_dipakai == []
    with po.open("rb") as f:
        assert read_po(f, locale="en")["Beranda utama"].fuzzy


def test_tempat_isian_berbeda_ditolak(pohon):
    po = terjemahan.berkas_po(akar=pohon)
    terjemahan.perbarui(pohon)
    _isi(po, {
        "Perencanaan": "Planning", "Halo %(nama)s": "Hello %(name)s", "Beranda": "Home",
        "%(n)s unit": ("%(n)s unit", "%(n)s units"), "Tahun %(tahun)s": "Year",
    })  # fmt: skip
    terjemahan.kompilasi(po)
    hasil = terjemahan.periksa(pohon)
    assert not hasil.beres
    assert [h.split(":")[0] for h in hasil.format_salah] == ["Halo %(nama)s", "Tahun %(tahun)s"]


def test_perintah_periksa_gagal_dengan_pesan(pohon, monkeypatch):
    monkeypatch.setattr(terjemahan, "AKAR", pohon)
    with pytest.raises(CommandError) as galat:
        call_command("terjemahan", "--periksa")
    pesan = str(galat.value)
    assert "Belum ada di katalog (jalankan `kinerja terjemahan`): 5" in pesan
    assert "  - Halo %(nama)s" in pesan and ".mo basi" in pesan
    call_command("terjemahan")  # extract + compile: still untranslated
    with pytest.raises(CommandError, match="Belum diterjemahkan atau masih fuzzy"):
        call_command("terjemahan", "--periksa")
