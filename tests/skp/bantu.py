"""A hand-made staff tree for the SKP tests, on pabrik.pohon_kecil():

kecamatan: camat (administrator) -> kasi (pengawas) -> staf_kec (pelaksana)
kelurahan A: lurah_a (administrator, atasan: camat) -> staf_a (pelaksana)
kelurahan B: lurah_b (administrator, atasan: camat)
Accounts: every pegawai gets its own user; `admin_kec` is admin (HR) at the kecamatan."""

from __future__ import annotations

from decimal import Decimal

from kinerja.skp.models import RHK, SKP, IndikatorRHK, Pegawai
from tests import pabrik


def nip(n: int) -> str:
    return f"19800101200501{n:04d}"


def pegawai(nama, jenis, org, atasan=None, *, n, akun=True, golongan="III/a"):
    user = pabrik.pengguna(f"u_{nama}") if akun else None
    return Pegawai.objects.create(
        nip=nip(n),
        nama=nama.replace("_", " ").title(),
        golongan=golongan,
        jabatan=nama.replace("_", " ").title(),
        jenis_jabatan=jenis,
        organisasi=org,
        atasan=atasan,
        pengguna=user,
    )


def rhk(p: Pegawai, uraian: str, *, tahun=2024, atasan=None, butir=None, target="12") -> RHK:
    skp, _ = SKP.objects.get_or_create(
        pegawai=p, tahun=tahun, defaults={"organisasi": p.organisasi, "jabatan": p.jabatan}
    )
    r = RHK.objects.create(
        skp=skp, nomor=skp.rhk.count() + 1, uraian=uraian, rhk_atasan=atasan, butir_pk=butir
    )
    IndikatorRHK.objects.create(
        rhk=r, aspek="kuantitas", uraian=f"Jumlah {uraian}", target=Decimal(target)
    )
    return r


def staf():
    p = pabrik.pohon_kecil()
    p["admin_kec"] = pabrik.pengguna("admin_kec", ("admin", p["kec"]))
    p["camat"] = pegawai("camat", "administrator", p["kec"], n=1)
    p["kasi"] = pegawai("kasi", "pengawas", p["kec"], p["camat"], n=2)
    p["staf_kec"] = pegawai("staf_kec", "pelaksana", p["kec"], p["kasi"], n=3)
    p["lurah_a"] = pegawai("lurah_a", "administrator", p["kel_a"], p["camat"], n=4)
    p["staf_a"] = pegawai("staf_a", "pelaksana", p["kel_a"], p["lurah_a"], n=5)
    p["lurah_b"] = pegawai("lurah_b", "administrator", p["kel_b"], p["camat"], n=6)
    return p
