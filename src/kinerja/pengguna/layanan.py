"""Services: accounts and roles managed by an organisation's admin, every change audited
(PerubahanAkun). Each raises PermissionDenied (with the reason) or ValidationError (with the
field) and changes nothing on refusal."""

from __future__ import annotations

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinerja.organisasi.models import Organisasi, Penugasan, Peran
from kinerja.pengguna.izin import mengelola_akun, mengelola_unit
from kinerja.pengguna.models import PerubahanAkun, Tindakan

User = get_user_model()


def _catat(aktor, akun, tindakan: str, **rincian) -> None:
    PerubahanAkun.objects.create(aktor=aktor, pengguna=akun, tindakan=tindakan, rincian=rincian)


def _boleh_unit(aktor, organisasi: Organisasi) -> None:
    if not mengelola_unit(aktor, organisasi):
        raise PermissionDenied(
            f"Anda bukan admin {organisasi.nama} atau unit di atasnya; peran di unit itu "
            "diberikan oleh adminnya."
        )


def _boleh_akun(aktor, akun) -> None:
    if akun.pk == aktor.pk:
        raise PermissionDenied("Akun Anda sendiri tidak dapat diubah dari halaman ini.")
    if not mengelola_akun(aktor, akun):
        raise PermissionDenied(
            f"Akun {akun.username} memegang peran di luar unit yang Anda kelola; "
            "hanya admin unit di atasnya yang dapat mengubahnya."
        )


def _periksa_sandi(sandi: str, akun) -> None:
    try:
        password_validation.validate_password(sandi, akun)
    except ValidationError as e:
        raise ValidationError({"sandi": list(e.messages)}) from None


@transaction.atomic
def akun_buat(
    *,
    aktor,
    username: str,
    nama: str,
    email: str,
    sandi: str,
    organisasi: Organisasi,
    peran: str,
    jabatan: str = "",
):
    """A new account with its first role (an account is always created inside a tree)."""
    _boleh_unit(aktor, organisasi)
    username = username.strip()
    if not username:
        raise ValidationError({"username": "Nama pengguna wajib diisi."})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Nama pengguna {username} sudah dipakai."})
    if peran not in Peran.values:
        raise ValidationError({"peran": "Pilih peran dari daftar."})
    akun = User(username=username, first_name=nama.strip()[:150], email=email.strip())
    _periksa_sandi(sandi, akun)
    akun.set_password(sandi)
    akun.full_clean(exclude=["password"])
    akun.save()
    _catat(aktor, akun, Tindakan.AKUN_BUAT, username=username, nama=akun.first_name)
    peran_beri(aktor=aktor, akun=akun, organisasi=organisasi, peran=peran, jabatan=jabatan)
    return akun


@transaction.atomic
def peran_beri(*, aktor, akun, organisasi: Organisasi, peran: str, jabatan: str = "") -> Penugasan:
    _boleh_unit(aktor, organisasi)
    if akun.pk == aktor.pk and not getattr(aktor, "is_superuser", False):
        raise PermissionDenied("Anda tidak dapat memberi peran kepada diri sendiri.")
    if akun.is_superuser and not getattr(aktor, "is_superuser", False):
        raise PermissionDenied("Akun superuser hanya diubah oleh superuser.")
    if peran not in Peran.values:
        raise ValidationError({"peran": "Pilih peran dari daftar."})
    p, baru = Penugasan.objects.get_or_create(
        pengguna=akun, organisasi=organisasi, peran=peran, defaults={"jabatan": jabatan[:200]}
    )
    if not baru:
        if p.aktif:
            raise ValidationError(
                {
                    "peran": f"{akun.username} sudah menjadi {p.get_peran_display()} di {organisasi.nama}."
                }
            )
        p.aktif, p.jabatan = True, jabatan[:200] or p.jabatan
        p.save(update_fields=["aktif", "jabatan"])
    _catat(
        aktor,
        akun,
        Tindakan.PERAN_BERI,
        peran=peran,
        organisasi=organisasi.nama,
        organisasi_id=organisasi.pk,
        jabatan=p.jabatan,
    )
    return p


@transaction.atomic
def peran_cabut(*, aktor, penugasan: Penugasan) -> None:
    """A role is switched off, not deleted: the history of who held it stays."""
    _boleh_unit(aktor, penugasan.organisasi)
    if penugasan.pengguna_id == aktor.pk and not getattr(aktor, "is_superuser", False):
        raise PermissionDenied("Anda tidak dapat mencabut peran Anda sendiri.")
    if not penugasan.aktif:
        raise ValidationError({"peran": "Peran itu sudah dicabut."})
    penugasan.aktif = False
    penugasan.save(update_fields=["aktif"])
    _catat(
        aktor,
        penugasan.pengguna,
        Tindakan.PERAN_CABUT,
        peran=penugasan.peran,
        organisasi=penugasan.organisasi.nama,
        organisasi_id=penugasan.organisasi_id,
    )


@transaction.atomic
def sandi_atur_ulang(*, aktor, akun, sandi: str) -> None:
    _boleh_akun(aktor, akun)
    _periksa_sandi(sandi, akun)
    akun.set_password(sandi)
    akun.save(update_fields=["password"])
    _catat(aktor, akun, Tindakan.SANDI_ATUR_ULANG)  # never the password itself


@transaction.atomic
def akun_atur_aktif(*, aktor, akun, aktif: bool) -> None:
    _boleh_akun(aktor, akun)
    if akun.is_active == aktif:
        raise ValidationError({"aktif": "Akun sudah aktif." if aktif else "Akun sudah nonaktif."})
    akun.is_active = aktif
    akun.save(update_fields=["is_active"])
    _catat(
        aktor,
        akun,
        Tindakan.AKUN_AKTIF if aktif else Tindakan.AKUN_NONAKTIF,
        sebelum=not aktif,
        sesudah=aktif,
    )


@transaction.atomic
def dua_faktor_atur_ulang(*, aktor, akun, alasan: str) -> int:
    """An admin removes the authenticator app and recovery codes of an account whose owner
    lost both (a new phone, a lost paper): at the next login the owner enrols again where
    the organisation requires it. The reason is recorded; returns the devices removed."""
    _boleh_akun(aktor, akun)
    alasan = (alasan or "").strip()
    if len(alasan) < 10:
        raise ValidationError(
            {"alasan": "Tulis alasan pengaturan ulang (paling sedikit 10 karakter), "
             "mis. nomor tiket atau cara identitas pemilik akun diperiksa."}
        )  # fmt: skip
    totp = TOTPDevice.objects.filter(user=akun)
    cadangan = StaticDevice.objects.filter(user=akun)
    n = totp.count() + cadangan.count()
    if n == 0:
        raise ValidationError(
            {"alasan": f"Akun {akun.username} belum memakai verifikasi dua langkah."}
        )
    totp.delete()
    cadangan.delete()  # its tokens go with it (cascade)
    _catat(aktor, akun, Tindakan.DUA_FAKTOR_ATUR_ULANG, alasan=alasan[:500], perangkat=n)
    return n
