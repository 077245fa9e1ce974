"""The public questionnaire as a Django form built from the kuesioner's data.

Blank policy (docs/survei-publik.md): PermenPAN-RB 14/2017 asks every unsur to be answered,
and the Kuesioner model has no "blank allowed" flag, so every butir is required on the
public form. Blanks stay possible through the import path (paper forms).
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass

from django import forms

from kinerja.survei import pemilih

NAMA_JEBAKAN = "situs_web"  # honeypot: humans never see it, naive bots fill it


@dataclass(frozen=True)
class StrukturFormulir:
    butir: tuple  # ((kode, teks, keterangan, unsur_nama), ...)
    demografi: tuple  # ((kunci, label, pilihan, wajib), ...)
    label_jawaban: tuple
    pertanyaan_saran: str


def struktur(kuesioner_id: int) -> StrukturFormulir:
    """The form structure of a kuesioner version, from the cached `pemilih.struktur`
    (a version is frozen once loaded): the intake path costs no query for it."""
    s = pemilih.struktur(kuesioner_id)
    return StrukturFormulir(
        butir=tuple((b.kode, b.teks, b.keterangan, b.unsur.nama) for b in s.butir),
        demografi=tuple(
            (d.kunci, d.label, tuple(tuple(p) for p in d.pilihan), d.wajib)
            for d in sorted(s.demografi, key=lambda d: d.urutan)
        ),
        label_jawaban=tuple(s.kuesioner.label_jawaban),
        pertanyaan_saran=s.kuesioner.pertanyaan_saran or "Saran dan masukan",
    )


def _telepon(nilai: str) -> str:
    nilai = (nilai or "").strip()
    if not nilai:
        return ""
    angka = re.sub(r"[\s\-().]", "", nilai)
    if not re.fullmatch(r"\+?\d{8,15}", angka):
        raise forms.ValidationError(
            "Nomor HP: tulis angka saja, 8-15 digit, misalnya 0812 3456 7890 (boleh dikosongkan)."
        )
    return angka


@functools.lru_cache(maxsize=64)
def _bidang(struktur: StrukturFormulir, telepon: bool) -> dict[str, forms.Field]:
    """The fields of one questionnaire version, built once per worker: building 17 fields
    with their choices was ~0,3 ms of every submission (docs/keputusan/0065). The form
    shares these instances read-only (nothing here changes a field or widget per request)."""
    bidang = {}
    pilihan = [(str(i), label) for i, label in enumerate(struktur.label_jawaban, start=1)]
    for nomor, (kode, teks, _ket, _unsur) in enumerate(struktur.butir, start=1):
        # the respondent sees questions numbered 1..n with their text, never the item
        # code (F1, U3): the message names the number and the question
        ringkas = teks if len(teks) <= 80 else teks[:77].rstrip() + "…"
        bidang[f"b_{kode}"] = forms.ChoiceField(
            label=teks, choices=pilihan, widget=forms.RadioSelect,
            error_messages={"required": f"Pertanyaan {nomor} ({ringkas}) belum dijawab.",
                            "invalid_choice": f"Pertanyaan {nomor} ({ringkas}): pilih salah satu jawaban."},
        )  # fmt: skip
    for kunci, label, pil, wajib in struktur.demografi:
        pesan = {"required": f"{label} wajib diisi."}
        if pil:
            bidang[f"d_{kunci}"] = forms.ChoiceField(
                label=label, required=wajib, choices=[("", "— pilih —"), *pil],
                error_messages={**pesan, "invalid_choice": f"{label}: pilih dari daftar."},
            )  # fmt: skip
        else:
            bidang[f"d_{kunci}"] = forms.CharField(
                label=label, required=wajib, max_length=200, error_messages=pesan
            )
    bidang["saran"] = forms.CharField(
        label=struktur.pertanyaan_saran, required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    if telepon:
        bidang["telepon"] = forms.CharField(
            label="Nomor HP (tidak wajib)", required=False, max_length=30
        )
    bidang[NAMA_JEBAKAN] = forms.CharField(required=False, max_length=200)
    # its value is per rendered form: the form's `initial`, not the field's
    bidang["kunci_kiriman"] = forms.CharField(required=False, widget=forms.HiddenInput)
    return bidang


class FormulirSurvei(forms.Form):
    """Fields: b_<kode butir> (1-4), d_<kunci demografi>, saran, telepon, situs_web."""

    def __init__(self, *args, struktur: StrukturFormulir, telepon: bool = True, **kwargs):
        # a fresh key per rendered form; the POST carries it back (see clean_kunci_kiriman)
        kwargs["initial"] = {
            "kunci_kiriman": secrets.token_urlsafe(16),
            **kwargs.get("initial", {}),
        }
        super().__init__(*args, **kwargs)
        self.struktur = struktur
        self.fields = dict(_bidang(struktur, telepon))

    def clean_kunci_kiriman(self):
        """A form from before this field, or a tampered value, is stored without the key
        (no resubmission check) rather than refused: the respondent's answers count."""
        nilai = (self.cleaned_data.get("kunci_kiriman") or "").strip()
        return nilai if re.fullmatch(r"[A-Za-z0-9_-]{16,32}", nilai) else ""

    def clean_telepon(self):
        return _telepon(self.cleaned_data.get("telepon", ""))

    @property
    def jebakan(self) -> bool:
        return bool((self.data.get(NAMA_JEBAKAN) or "").strip())

    def pertanyaan(self):
        """(kode, teks, keterangan, unsur, bound field) per butir, for the template."""
        for kode, teks, ket, unsur in self.struktur.butir:
            yield {"kode": kode, "teks": teks, "keterangan": ket, "unsur": unsur,
                   "bidang": self[f"b_{kode}"]}  # fmt: skip

    def bidang_demografi(self):
        return [self[f"d_{k}"] for k, *_ in self.struktur.demografi]

    def isian(self):
        from kinerja.survei.layanan import IsianRespon

        c = self.cleaned_data
        return IsianRespon(
            jawaban={kode: int(c[f"b_{kode}"]) for kode, *_ in self.struktur.butir},
            demografi={k: c[f"d_{k}"] for k, *_ in self.struktur.demografi if c.get(f"d_{k}")},
            saran=c.get("saran", ""),
            telepon=c.get("telepon", ""),
            kunci_kiriman=c.get("kunci_kiriman", ""),
        )
