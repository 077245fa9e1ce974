"""Reads for the start page and the stage pages (`/tahap/<tahap>/`): the user's units and
roles, and one cheap status figure per stage. Every function runs a fixed number of
queries whatever the number of units (the units are passed in, their subtrees are one OR of
`jalur` prefixes), so the start page stays bounded (tests/inti assert it)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Count, Q

from kinerja.organisasi.izin import (
    dapat_melihat_draf,
    dapat_melihat_organisasi,
    penugasan_aktif,
)
from kinerja.organisasi.models import Organisasi, Peran
from kinerja.pengukuran.models import StatusRealisasi
from kinerja.pengukuran.pemilih import (
    STATUS_KELENGKAPAN,
    antrean_verifikasi,
    kelengkapan_unit,
)
from kinerja.perencanaan.models import PerjanjianKinerja
from kinerja.survei.models import PutaranSurvei, Respon, StatusRespon

TERVERIFIKASI = STATUS_KELENGKAPAN.index(StatusRealisasi.DIVERIFIKASI)
URUTAN_PERAN = {p: i for i, p in enumerate(Peran.values)}
# Short names of the questionnaire kinds for links ("Hasil IKM 2024").
SINGKATAN_JENIS = {"skm": "IKM", "koordinasi": "IEK"}


@dataclass
class UnitPeran:
    """One unit where the user holds one or more roles."""

    organisasi: Organisasi
    peran: list[str] = field(default_factory=list)  # Peran values, in Peran order
    jabatan: list[str] = field(default_factory=list)

    @property
    def label_peran(self) -> str:
        return ", ".join(Peran(p).label for p in self.peran)


def unit_pengguna(user) -> list[UnitPeran]:
    """The user's units (active assignments, several roles at one unit merged), in tree
    order. Uses the request's cached assignments: no query after the first."""
    per_unit: dict[int, UnitPeran] = {}
    for p in penugasan_aktif(user):
        u = per_unit.setdefault(p.organisasi_id, UnitPeran(organisasi=p.organisasi))
        if p.peran not in u.peran:
            u.peran.append(p.peran)
        if p.jabatan and p.jabatan not in u.jabatan:
            u.jabatan.append(p.jabatan)
    for u in per_unit.values():
        u.peran.sort(key=lambda x: URUTAN_PERAN.get(x, 99))
    return sorted(per_unit.values(), key=lambda u: u.organisasi.jalur)


def _di_bawah(units: list[Organisasi], awalan: str) -> Q:
    """At or below any of the units (one OR of indexed prefix conditions)."""
    return reduce(or_, (Q(**{f"{awalan}__startswith": u.jalur}) for u in units))


def _per_unit(units: list[Organisasi], baris: dict[str, int]) -> dict[int, int]:
    """Counts keyed by a unit's jalur summed into every given unit at or above it."""
    return {u.pk: sum(n for jalur, n in baris.items() if jalur.startswith(u.jalur)) for u in units}


def status_pk(units: list[Organisasi]) -> dict[int, dict[int, str]]:
    """{unit: {tahun: status}} of the units' own PKs, all years (one query)."""
    hasil: dict[int, dict[int, str]] = defaultdict(dict)
    for org, tahun, status in PerjanjianKinerja.objects.filter(organisasi__in=units).values_list(
        "organisasi", "tahun", "status"
    ):
        hasil[org][tahun] = status
    return hasil


def kelengkapan(user, units: list[Organisasi], tahun: int) -> dict[int, dict]:
    """Completeness in the year of each unit and the units below it that the user may read,
    as the kelengkapan page counts it (pengukuran's selector; three queries in all):
    expected periods, verified ones, their percentage and how many units have a PK."""
    if not units:
        return {}
    semua = [
        o
        for o in Organisasi.objects.filter(_di_bawah(units, "jalur"))
        if dapat_melihat_organisasi(user, o)
    ]
    draf = {o.pk for o in semua if dapat_melihat_draf(user, o)}
    per_unit = kelengkapan_unit(semua, tahun, draf)
    hasil = {}
    for u in units:
        bagian = [per_unit[o.pk] for o in semua if o.di_bawah(u) and per_unit[o.pk]["harapan"]]
        harapan = sum(b["harapan"] for b in bagian)
        verif = sum(b["status"][TERVERIFIKASI] for b in bagian)
        hasil[u.pk] = {
            "harapan": harapan,
            "terverifikasi": verif,
            "persen": Decimal(verif) * 100 / harapan if harapan else None,
            "unit": len(bagian),
        }
    return hasil


def jumlah_antrean_verifikasi(user, units: list[Organisasi]) -> dict[int, int]:
    """Submitted realisasi at or below each unit that this user may verify: pengukuran's
    `antrean_verifikasi` of every unit OR-ed into one grouped query."""
    if not units:
        return {}
    qs = reduce(or_, (antrean_verifikasi(user, u) for u in units))
    baris = dict(qs.order_by().values_list("organisasi__jalur").annotate(n=Count("pk")))
    return _per_unit(units, baris)


def jumlah_antrean_survei(units: list[Organisasi]) -> dict[int, int]:
    """Responses flagged as doubtful (the review queue's default view) at or below each unit."""
    if not units:
        return {}
    baris = dict(
        Respon.objects.filter(_di_bawah(units, "putaran__organisasi__jalur"))
        .filter(status=StatusRespon.MERAGUKAN)
        .order_by()
        .values_list("putaran__organisasi__jalur")
        .annotate(n=Count("pk"))
    )
    return _per_unit(units, baris)


@dataclass
class KuesionerUnit:
    kode: str
    nama: str
    jenis: str

    @property
    def singkatan(self) -> str:
        return SINGKATAN_JENIS.get(self.jenis, self.kode)


@dataclass
class RingkasanSurvei:
    kuesioner: list[KuesionerUnit] = field(default_factory=list)  # with rounds in the subtree
    putaran: int = 0  # rounds in the subtree
    putaran_sendiri: int = 0  # rounds of the unit itself


def ringkasan_survei(units: list[Organisasi], tahun: int) -> dict[int, RingkasanSurvei]:
    """Per unit, the questionnaires with a round in the year at or below it and how many
    rounds there are (one grouped query: rows per unit × questionnaire, not per round)."""
    hasil = {u.pk: RingkasanSurvei() for u in units}
    if not units:
        return hasil
    baris = (
        PutaranSurvei.objects.filter(_di_bawah(units, "organisasi__jalur"), tahun=tahun)
        .order_by()
        .values_list(
            "organisasi", "organisasi__jalur", "kuesioner__kode", "kuesioner__jenis",
            "kuesioner__nama",
        )
        .annotate(n=Count("pk"))
    )  # fmt: skip
    for org, jalur, kode, jenis, nama, n in baris:
        for u in units:
            if not jalur.startswith(u.jalur):
                continue
            r = hasil[u.pk]
            r.putaran += n
            if org == u.pk:
                r.putaran_sendiri += n
            if all(k.kode != kode for k in r.kuesioner):
                r.kuesioner.append(KuesionerUnit(kode=kode, nama=nama, jenis=jenis))
    for r in hasil.values():
        r.kuesioner.sort(key=lambda k: (k.jenis, k.kode))
    return hasil


@dataclass
class UnitPutaran:
    """A unit with survey rounds in the year (for the survey stage page's list)."""

    pk: int
    nama: str
    slug: str
    jalur: str
    jumlah: int
    putaran: list = field(default_factory=list)  # filled for the unit being looked at


def unit_berputaran(units: list[Organisasi], tahun: int) -> list[UnitPutaran]:
    """Every unit at or below the given ones with rounds in the year and how many (one
    grouped query), in tree order."""
    if not units:
        return []
    baris = (
        PutaranSurvei.objects.filter(_di_bawah(units, "organisasi__jalur"), tahun=tahun)
        .order_by()
        .values_list("organisasi", "organisasi__nama", "organisasi__slug", "organisasi__jalur")
        .annotate(n=Count("pk"))
    )
    return sorted((UnitPutaran(*b) for b in baris), key=lambda u: u.jalur)


BATAS_PUTARAN = 500  # a safety cap: one unit has a few dozen rounds a year at most


def putaran_unit(organisasi_ids, tahun: int) -> list[PutaranSurvei]:
    """The year's rounds of exactly these units (not below), in order (one query)."""
    return list(
        PutaranSurvei.objects.filter(organisasi__in=organisasi_ids, tahun=tahun)
        .select_related("organisasi", "layanan", "kuesioner")
        .order_by("organisasi__jalur", "kuesioner__kode", "jenis_periode", "ke", "layanan__urutan")[
            :BATAS_PUTARAN
        ]
    )


def unit_terjangkau(user) -> list[Organisasi]:
    """Every unit the user may open: their own units and, for roles that read below
    (verifikator, pimpinan, evaluator, admin), the units under them; one query, tree order.
    Feeds the unit picker of the pages about one unit."""
    from kinerja.organisasi.izin import PERAN_PEMBACA_BAWAHAN

    sendiri, bawah = [], []
    for p in penugasan_aktif(user):
        (bawah if p.peran in PERAN_PEMBACA_BAWAHAN else sendiri).append(p.organisasi)
    if getattr(user, "is_superuser", False):
        return list(Organisasi.objects.order_by("jalur"))
    if not sendiri and not bawah:
        return []
    q = Q(pk__in=[o.pk for o in sendiri])
    if bawah:
        q |= _di_bawah(bawah, "jalur")
    return list(Organisasi.objects.filter(q).order_by("jalur"))
