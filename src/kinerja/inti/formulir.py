"""Form messages that name the field, in Indonesian (Django's own say only 'this field')."""

from __future__ import annotations

from django import forms


def pesan_indonesia(form: forms.Form) -> None:
    """Give every field of `form` required/length/number/date/choice messages with its label."""
    for bidang in form.fields.values():
        label = bidang.label
        pesan = bidang.error_messages
        pesan["required"] = f"{label} wajib diisi."
        if isinstance(bidang, forms.CharField) and bidang.max_length:
            pesan["max_length"] = (
                f"{label} paling banyak %(limit_value)d karakter (sekarang %(show_value)d)."
            )
        if isinstance(bidang, forms.IntegerField):
            pesan["invalid"] = f"{label}: isi bilangan bulat (contoh: 3)."
            pesan["min_value"] = f"{label} paling kecil %(limit_value)s."
            pesan["max_value"] = f"{label} paling besar %(limit_value)s."
        if isinstance(bidang, forms.DateField):
            pesan["invalid"] = f"{label}: isi tanggal seperti 2025-01-31 atau 31/01/2025."
        if isinstance(bidang, forms.ChoiceField):
            pesan["invalid_choice"] = f"{label}: pilihan '%(value)s' tidak tersedia."
