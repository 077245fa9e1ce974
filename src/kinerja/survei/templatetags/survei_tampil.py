"""Display filters for survey pages; numbers go through kinerja.angka only."""

from decimal import Decimal

from django import template

from kinerja import angka

register = template.Library()


@register.filter
def angka_id(nilai, dp=2):
    return angka.angka(nilai, int(dp)) if nilai is not None and nilai != "" else "-"


@register.filter
def tanggal_id(nilai):
    return angka.tanggal(nilai) if nilai else "-"


@register.filter
def ambil(kamus, kunci):
    return kamus.get(kunci) if kamus else None


@register.filter
def konversi_id(agregat):
    return (
        angka.angka(agregat.konversi)
        if agregat is not None and agregat.konversi is not None
        else "-"
    )


@register.filter
def kali25(nilai):
    return None if nilai is None else Decimal(nilai) * 25


@register.filter
def label_periode(kunci):
    from kinerja.survei.pemilih import label_periode as lp

    return lp(kunci)
