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
