"""Who must use the second factor: accounts holding a powerful role (admin, verifikator,
evaluator: the roles that change or approve records) at a unit where that unit or one above
it has switched the obligation on. Superusers always may enrol; they must when any of their
roles falls under a switch."""

from __future__ import annotations

from kinerja.organisasi.izin import penugasan_aktif
from kinerja.organisasi.models import Peran

PERAN_KUAT = {Peran.ADMIN, Peran.VERIFIKATOR, Peran.EVALUATOR}


def wajib_dua_faktor(user) -> bool:
    from kinerja.dua_faktor.models import WajibDuaFaktor

    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_kinerja_wajib_2fa", None)
    if cache is not None:
        return cache
    kuat = [p.organisasi for p in penugasan_aktif(user) if p.peran in PERAN_KUAT]
    hasil = False
    if kuat:
        # the unit itself and every unit above it (their pks are in the materialised path)
        jalur = {int(x) for u in kuat for x in u.jalur.strip("/").split("/") if x}
        hasil = WajibDuaFaktor.objects.filter(organisasi__in=jalur, wajib=True).exists()
    user._kinerja_wajib_2fa = hasil
    return hasil
