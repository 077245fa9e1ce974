"""Template tags for the entry pages' navigation: show only the tabs the user can use."""

from django import template

from kinerja.organisasi.izin import penugasan_aktif
from kinerja.organisasi.models import Peran

register = template.Library()


@register.simple_tag
def boleh_verifikasi(user) -> bool:
    """The verification queue is for verifiers and admins (an operator would get a 403)."""
    if getattr(user, "is_superuser", False):
        return True
    return any(p.peran in (Peran.VERIFIKATOR, Peran.ADMIN) for p in penugasan_aktif(user))
