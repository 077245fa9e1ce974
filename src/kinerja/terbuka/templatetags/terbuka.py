"""Number filters of the open-data pages, through kinerja.angka (Babel id_ID)."""

from decimal import Decimal

from django import template

from kinerja import angka as fmt

register = template.Library()


@register.filter
def angka2(nilai):
    """Decimal -> '104,09'; text (a qualitative target) as it is; None -> '-'."""
    if nilai is None or nilai == "":
        return "-"
    if isinstance(nilai, Decimal | int):
        return fmt.angka(nilai, 2) if isinstance(nilai, Decimal) else fmt.angka(nilai, 0)
    return nilai


@register.filter
def persen2(nilai):
    return "-" if nilai is None else fmt.persen(nilai, 2)


@register.filter
def bulat0(nilai):
    return "-" if nilai is None else fmt.angka(nilai, 0)


@register.filter
def ringkas(nilai):
    """Targets and realisasi as entered: 100 -> '100', 96.55 -> '96,55'; text as it is."""
    if nilai is None or nilai == "":
        return "-"
    return fmt.angka_ringkas(nilai) if isinstance(nilai, Decimal) else nilai
