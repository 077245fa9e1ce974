"""Forms for entering and verifying realisasi.

Forms only parse what the user typed (Indonesian decimals); every rule on the values (range
and decimals of the column, the indicator's scale and period type) and of the workflow lives
in the services (`layanan.periksa_isian`, shared with the API and the import), whose errors
the views attach to the same fields.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms

from kinerja.inti.nilai import batas_kolom
from kinerja.pengukuran.layanan import JENIS_BUKTI, PENJELASAN_MAKS
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import JenisTarget
from kinerja.rumus.bilangan import teks
from kinerja.rumus.capaian import skala_ordinal_untuk

# One optional sign, digits, and at most one decimal separator (comma or dot).
_POLA_DESIMAL = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_CONTOH = "mis. 97,46 atau 97.46; angka besar tanpa pemisah ribuan, mis. 1250000"

TERIMA_BUKTI = ",".join(
    [f".{ext}" for ext in JENIS_BUKTI] + sorted(set(JENIS_BUKTI.values()))
)  # hint for the browser's file picker; the server checks the content


class DesimalIndonesiaField(forms.CharField):
    """A decimal typed the Indonesian way ("97,46") or the English way ("97.46").

    Thousands separators are refused rather than guessed: "1.234" and "1,234" would be
    read as 1.234, so only a single separator is accepted and large numbers are typed as
    digits. Returns a Decimal (or None when empty).
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": 40})

    def prepare_value(self, value):
        # Existing values shown back in the form with a decimal comma, without exponent.
        if isinstance(value, Decimal):
            return teks(value).replace(".", ",")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        isi = "".join((value or "").split())  # stray spaces, e.g. from copy-paste
        if not isi:
            return None
        if len(isi) > 40 or not _POLA_DESIMAL.match(isi):
            if isi.count(".") + isi.count(",") > 1:
                pesan = (
                    f"'{value}' memakai lebih dari satu pemisah. Gunakan satu koma atau titik "
                    f"sebagai pemisah desimal dan tanpa pemisah ribuan ({_CONTOH})."
                )
            else:
                pesan = f"'{value}' bukan angka ({_CONTOH})."
            raise forms.ValidationError(pesan, code="invalid")
        try:
            return Decimal(isi.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern already rules this out
            raise forms.ValidationError(f"'{value}' bukan angka ({_CONTOH}).") from None


class RealisasiForm(forms.Form):
    """Entry of one realisasi; which value fields appear depends on the indicator."""

    nilai = DesimalIndonesiaField(label="Realisasi")
    pembilang = DesimalIndonesiaField(label="Pembilang")
    penyebut = DesimalIndonesiaField(label="Penyebut")
    nilai_teks = forms.CharField(label="Realisasi (kualitatif)", required=False, max_length=60)
    penjelasan = forms.CharField(
        label="Penjelasan",
        required=False,
        max_length=PENJELASAN_MAKS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Wajib bila capaian di bawah 100% atau lebih buruk daripada periode sebelumnya.",
    )
    alasan = forms.CharField(
        label="Alasan perubahan",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Wajib bila mengubah nilai yang sudah pernah diajukan.",
    )
    berkas = forms.FileField(
        label="Bukti dukung",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": TERIMA_BUKTI}),
        help_text="PDF, gambar (JPG/PNG/WEBP), atau dokumen Office; satu berkas per simpan.",
    )

    def __init__(self, *args, indikator, realisasi=None, **kwargs):
        self.indikator = indikator
        self.realisasi = realisasi
        if realisasi is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "nilai": realisasi.nilai,
                "pembilang": realisasi.pembilang,
                "penyebut": realisasi.penyebut,
                "nilai_teks": realisasi.nilai_teks,
                "penjelasan": realisasi.penjelasan,
            }
        super().__init__(*args, **kwargs)
        satuan = f" ({indikator.satuan})" if indikator.satuan else ""
        self.fields["nilai"].label = f"Realisasi{satuan}"
        presisi = f"Angka {batas_kolom(Realisasi, 'nilai').uraian}; tidak dibulatkan otomatis."
        for nama in ("nilai", "pembilang", "penyebut"):
            self.fields[nama].help_text = presisi
        if indikator.jenis_target == JenisTarget.KUALITATIF:
            for nama in ("nilai", "pembilang", "penyebut"):
                del self.fields[nama]
            self.skala = skala_ordinal_untuk(indikator.skala_ordinal or "opini")
            self.fields["nilai_teks"].required = True
            self.fields[
                "nilai_teks"
            ].help_text = f"Label {self.skala.nama}: {', '.join(self.skala.peringkat)}."
        else:
            del self.fields["nilai_teks"]
            if indikator.rasio:
                del self.fields["nilai"]
                self.fields["pembilang"].required = True
                self.fields["penyebut"].required = True
                self.fields[
                    "penyebut"
                ].help_text = f"Realisasi = pembilang / penyebut × {teks(indikator.pengali_rasio)}."
            else:
                del self.fields["pembilang"], self.fields["penyebut"]
                self.fields["nilai"].required = True
        for bidang in self.fields.values():
            if bidang.required:
                bidang.error_messages["required"] = f"{bidang.label} wajib diisi."

    def clean(self):
        data = super().clean()
        r = self.realisasi
        if r is not None and r.peristiwa.filter(aksi="ajukan").exists():
            berubah = [
                nama
                for nama in ("nilai", "pembilang", "penyebut", "nilai_teks")
                if nama in self.fields and nama in data and _beda(getattr(r, nama), data[nama])
            ]
            if berubah and not data.get("alasan", "").strip():
                self.add_error(
                    "alasan",
                    "Nilai ini sudah pernah diajukan; tuliskan alasan perubahannya "
                    "agar tercatat di riwayat.",
                )
        return data

    def nilai_layanan(self) -> dict:
        """The cleaned values as keyword arguments for `realisasi_simpan`."""
        d = self.cleaned_data
        return {
            "nilai": d.get("nilai"),
            "pembilang": d.get("pembilang"),
            "penyebut": d.get("penyebut"),
            "nilai_teks": d.get("nilai_teks", ""),
            "penjelasan": d.get("penjelasan", ""),
            "alasan": d.get("alasan", ""),
        }


def _beda(lama, baru) -> bool:
    if isinstance(lama, Decimal) or isinstance(baru, Decimal):
        return (lama is None) != (baru is None) or (lama is not None and lama != baru)
    return (lama or "") != (baru or "")
