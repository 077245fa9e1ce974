"""Who may manage whose account (keputusan 0033).

An organisation's admin manages accounts within their own tree: they give and remove roles
only on units at or below a unit where they are admin, and they reset the password of or
deactivate an account only when every active role of that account lies within their tree,
so nobody can take over an account more powerful than their own. Superusers are managed
only by superusers, and nobody deactivates themselves."""

from __future__ import annotations

from kinerja.organisasi.izin import penugasan_aktif
from kinerja.organisasi.models import Organisasi, Penugasan, Peran


def unit_admin(user) -> list[Organisasi]:
    """The tops of the trees the user administers (no unit listed twice under another)."""
    if getattr(user, "is_superuser", False):
        return list(Organisasi.objects.filter(induk__isnull=True))
    puncak = [p.organisasi for p in penugasan_aktif(user) if p.peran == Peran.ADMIN]
    return [o for o in puncak if not any(o.pk != a.pk and o.di_bawah(a) for a in puncak)]


def mengelola_unit(user, organisasi: Organisasi) -> bool:
    return any(organisasi.di_bawah(a) for a in unit_admin(user))


def mengelola_akun(user, akun) -> bool:
    """An account without any active role is managed by superusers and by the admin who
    created it (it belongs to no tree yet)."""
    if getattr(user, "is_superuser", False):
        return True
    if akun.is_superuser or akun.pk == user.pk:
        return False
    peran = list(Penugasan.objects.filter(pengguna=akun, aktif=True).select_related("organisasi"))
    if not peran:
        from kinerja.pengguna.models import PerubahanAkun, Tindakan

        return PerubahanAkun.objects.filter(
            pengguna=akun, aktor=user, tindakan=Tindakan.AKUN_BUAT
        ).exists()
    return all(mengelola_unit(user, p.organisasi) for p in peran)
