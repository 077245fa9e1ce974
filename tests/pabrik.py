"""Small builders for tests: an organisation tree, users with roles, an indicator in a PK."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model

from kinerja.organisasi.models import Organisasi, Penugasan
from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran


def organisasi(
    nama: str, jenis: str = "kelurahan", induk: Organisasi | None = None, slug: str | None = None
):
    return Organisasi.objects.create(
        nama=nama, jenis=jenis, induk=induk, slug=slug or nama.lower().replace(" ", "-")
    )


def pengguna(username: str, *peran_di: tuple[str, Organisasi], password: str = "rahasia-uji-123"):
    user = get_user_model().objects.create_user(username=username, password=password)
    for peran, org in peran_di:
        Penugasan.objects.create(pengguna=user, organisasi=org, peran=peran)
    return user


def indikator_pk(
    org: Organisasi,
    *,
    tahun: int = 2024,
    target="100",
    nama="Indeks uji",
    frekuensi="tahun",
    nomor: int = 1,
    **lain,
) -> tuple[Indikator, ButirPK]:
    sasaran, _ = Sasaran.objects.get_or_create(
        organisasi=org, nomor=nomor, defaults={"uraian": f"Sasaran {nomor}"}
    )
    ind = Indikator.objects.create(
        sasaran=sasaran, organisasi=org, nama=nama, frekuensi=frekuensi, **lain
    )
    pk, _ = PerjanjianKinerja.objects.get_or_create(
        organisasi=org, tahun=tahun, defaults={"pihak_pertama_jabatan": f"Kepala {org.nama}"}
    )
    butir = ButirPK.objects.create(
        pk_dokumen=pk, indikator=ind, target=Decimal(target), urutan=ind.pk
    )
    return ind, butir


def pohon_kecil():
    """kota > kecamatan > two kelurahan, with an operator per kelurahan, a verifier at the
    kecamatan, a pimpinan at the kota and an evaluator."""
    kota = organisasi("Kota Uji", "kota_administrasi", slug="kota-uji")
    kec = organisasi("Kecamatan Uji", "kecamatan", kota)
    kel_a = organisasi("Kelurahan A", "kelurahan", kec)
    kel_b = organisasi("Kelurahan B", "kelurahan", kec)
    return {
        "kota": kota,
        "kec": kec,
        "kel_a": kel_a,
        "kel_b": kel_b,
        "op_a": pengguna("op_a", ("operator", kel_a)),
        "op_b": pengguna("op_b", ("operator", kel_b)),
        "verif": pengguna("verif", ("verifikator", kec)),
        "pimpinan": pengguna("pimpinan", ("pimpinan", kota)),
        "evaluator": pengguna("evaluator", ("evaluator", kota)),
    }
