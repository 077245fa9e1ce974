"""{% tenggat_beranda tahun %}: on the home page, what is due soon or overdue in the user's
units (bounded queries, monev.pemilih.tenggat_pengguna), and unread reminders."""

from __future__ import annotations

from django import template
from django.utils import timezone

register = template.Library()

BATAS_TAMPIL = 12


@register.inclusion_tag("monev/_tenggat.html", takes_context=True)
def tenggat_beranda(context, tahun):
    from kinerja.monev.models import Pengingat
    from kinerja.monev.pemilih import tenggat_pengguna

    user = context["request"].user
    hari_ini = timezone.localdate()
    daftar = tenggat_pengguna(user, tahun, hari_ini)
    return {
        "daftar": daftar[:BATAS_TAMPIL],
        "lebih": max(len(daftar) - BATAS_TAMPIL, 0),
        "belum_dibaca": Pengingat.objects.filter(pengguna=user, dibaca_pada__isnull=True).count(),
        "tahun": tahun,
    }
