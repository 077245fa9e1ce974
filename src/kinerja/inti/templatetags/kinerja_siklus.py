"""`{% navigasi_siklus %}`: the SAKIP stages in the header of every page (inti/dasar.html)."""

from django import template

from kinerja.inti import siklus

register = template.Library()


@register.inclusion_tag("inti/_navigasi_siklus.html", takes_context=True)
def navigasi_siklus(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not getattr(user, "is_authenticated", False):
        return {"tautan": []}
    return {"tautan": siklus.tautan_navigasi(request)}


# Pages about one unit (URL kwargs `slug`, often `tahun`) get a unit and year picker; other
# kwargs (a questionnaire code) are carried over. Pages with an object id are left alone.
_KWARGS_PEMILIH = {"slug", "tahun", "kode"}  # kode: questionnaire of survey results


@register.inclusion_tag("inti/_pilih_unit.html", takes_context=True)
def pilih_unit(context):
    from kinerja.inti.pemilih import unit_terjangkau

    request = context.get("request")
    user = getattr(request, "user", None)
    match = getattr(request, "resolver_match", None)
    if (
        match is None
        or not getattr(user, "is_authenticated", False)
        or "slug" not in match.kwargs
        or set(match.kwargs) - _KWARGS_PEMILIH
    ):
        return {"tampil": False}
    units = unit_terjangkau(user)
    if not units:
        return {"tampil": False}
    tahun = match.kwargs.get("tahun")
    return {
        "tampil": True,
        "halaman": match.view_name,
        "slug": match.kwargs["slug"],
        "tahun": tahun,
        "tahun_pilihan": range(tahun - 3, tahun + 2) if tahun else [],
        "lain": {k: v for k, v in match.kwargs.items() if k not in ("slug", "tahun")},
        "units": units,
    }
