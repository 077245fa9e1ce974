"""Forms of the round pages: they parse what the user typed and give each field an
Indonesian message naming it; the rules (layanan of the questionnaire, duplicates,
permissions) live in `layanan.py`, whose errors the views attach to the same fields."""

from __future__ import annotations

from django import forms

from kinerja import angka as fmt
from kinerja.inti.formulir import pesan_indonesia
from kinerja.survei.layanan import POPULASI_MAKS
from kinerja.survei.models import PERIODE_SURVEI, JenisKuesioner, Kuesioner, Layanan


class _Populasi(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label="Populasi",
            required=False,
            min_value=1,
            max_value=POPULASI_MAKS,
            help_text="Jumlah pengguna layanan dalam periode (untuk kecukupan sampel "
            "Krejcie-Morgan); kosongkan bila belum diketahui.",
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
            **kwargs,
        )

    def pesan(self):
        teks = (
            "Populasi harus bilangan bulat positif, paling besar "
            f"{fmt.angka(POPULASI_MAKS, 0)} (contoh: 1200), atau kosongkan."
        )
        self.error_messages.update(invalid=teks, min_value=teks, max_value=teks)


class PutaranBaruForm(forms.Form):
    """A new round of one questionnaire version for one unit. The service choices are
    those of the questionnaire (SKM); the coordination survey (IEK) has none."""

    layanan = forms.ModelChoiceField(queryset=Layanan.objects.none(), label="Layanan")
    jenis_periode = forms.ChoiceField(label="Jenis periode", choices=PERIODE_SURVEI)
    ke = forms.IntegerField(
        label="Periode ke",
        min_value=1,
        max_value=4,
        initial=1,
        help_text="Triwulan 1-4, semester 1-2; untuk periode tahun isi 1.",
    )
    tahun = forms.IntegerField(label="Tahun", min_value=2000, max_value=2100)
    populasi = _Populasi()
    pelaksana = forms.CharField(
        label="Pelaksana",
        max_length=200,
        required=False,
        help_text="Mis. unit sendiri atau lembaga survei independen.",
    )

    def __init__(self, *args, kuesioner: Kuesioner, **kwargs):
        super().__init__(*args, **kwargs)
        self.kuesioner = kuesioner
        if kuesioner.jenis == JenisKuesioner.KOORDINASI:
            del self.fields["layanan"]
        else:
            qs = kuesioner.layanan.order_by("urutan", "nama")
            if qs.exists():
                self.fields["layanan"].queryset = qs
                self.fields["layanan"].empty_label = None
            else:  # an SKM without a service list: any service, or none
                self.fields["layanan"].queryset = Layanan.objects.order_by("urutan", "nama")
                self.fields["layanan"].required = False
                self.fields["layanan"].empty_label = "(tanpa layanan)"
        pesan_indonesia(self)
        self.fields["populasi"].pesan()
        if "layanan" in self.fields:
            self.fields["layanan"].error_messages["invalid_choice"] = (
                f"Layanan: pilih salah satu layanan kuesioner {kuesioner.kode}."
            )

    def clean(self):
        data = super().clean()
        jenis, ke = data.get("jenis_periode"), data.get("ke")
        batas = {"triwulan": 4, "semester": 2, "tahun": 1}.get(jenis)
        if batas and ke and ke > batas:
            self.add_error("ke", f"Periode ke: {jenis} hanya sampai ke-{batas}.")
        return data


class PutaranUbahForm(forms.Form):
    """Population, executor and notes of an existing round (any status)."""

    populasi = _Populasi()
    pelaksana = forms.CharField(label="Pelaksana", max_length=200, required=False)
    keterangan = forms.CharField(
        label="Keterangan", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    alasan = forms.CharField(
        label="Alasan perubahan",
        max_length=300,
        required=False,
        help_text="Dicatat di riwayat putaran (opsional).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pesan_indonesia(self)
        self.fields["populasi"].pesan()
