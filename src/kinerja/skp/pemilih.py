"""Reads of the SKP app: employees of a unit (personal data only where the user may see it),
one SKP with its RHK, the cascade tree PK -> RHK with its gaps, and the distribution of
predikat pegawai beside the unit's capaian. Every list is a fixed number of queries, whatever
the number of employees (bench/skp.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.pemilih import baris_capaian
from kinerja.perencanaan.models import ButirPK
from kinerja.rumus import skp as rumus
from kinerja.skp import izin
from kinerja.skp.models import (
    JENJANG,
    RHK,
    SKP,
    Pegawai,
    Penilaian,
    PeriodeSKP,
    StatusPenilaian,
)

# --- employees ------------------------------------------------------------------------------


def id_pribadi_terlihat(user, pegawai: list[Pegawai]) -> set[int]:
    """Ids among `pegawai` whose personal data the user may see, in a bounded number of
    queries: HR admin of their unit, the employee, or someone in their atasan chain
    (the chain is walked over the rows of the same list plus one query per level above)."""
    if not pegawai:
        return set()
    if getattr(user, "is_superuser", False):
        return {p.pk for p in pegawai}
    hasil = {p.pk for p in pegawai if izin.admin_sdm(user, p.organisasi)}
    saya = izin.pegawai_pengguna(user)
    if saya is None:
        return hasil
    # every employee below me: breadth-first over the atasan links, one query per level
    bawah, lapis = set(), {saya.pk}
    for _ in range(izin.BATAS_RANTAI):
        lapis = set(Pegawai.objects.filter(atasan_id__in=lapis).values_list("pk", flat=True))
        lapis -= bawah | {saya.pk}
        if not lapis:
            break
        bawah |= lapis
    return hasil | {p.pk for p in pegawai if p.pk == saya.pk or p.pk in bawah}


def pegawai_unit(organisasi: Organisasi, *, termasuk_bawah: bool = True):
    qs = Pegawai.objects.select_related("organisasi", "atasan", "pengguna")
    if termasuk_bawah:
        return qs.filter(organisasi__jalur__startswith=organisasi.jalur)
    return qs.filter(organisasi=organisasi)


@dataclass
class BarisPegawai:
    pegawai: Pegawai
    pribadi: bool  # NIP and golongan may be shown

    @property
    def nip(self) -> str:
        return self.pegawai.nip if self.pribadi else ""

    @property
    def golongan(self) -> str:
        return self.pegawai.golongan if self.pribadi else ""


def daftar_pegawai(user, organisasi: Organisasi) -> list[BarisPegawai]:
    """Per unit, by level of jabatan (pimpinan tinggi first), then name."""
    daftar = sorted(
        pegawai_unit(organisasi),
        key=lambda p: (p.organisasi.jalur, JENJANG.get(p.jenis_jabatan, 9), p.nama),
    )
    boleh = id_pribadi_terlihat(user, daftar)
    return [BarisPegawai(p, p.pk in boleh) for p in daftar]


# --- one SKP --------------------------------------------------------------------------------


def skp_rinci(skp: SKP) -> dict:
    rhk = list(
        skp.rhk.select_related("rhk_atasan", "butir_pk__indikator").prefetch_related(
            "indikator__realisasi__bukti"
        )
    )
    return {
        "skp": skp,
        "rhk": rhk,
        "penilaian": list(skp.penilaian.select_related("penilai").order_by("jenis_periode", "ke")),
        # the audit of the assessments: every saved version, who and when
        "riwayat": list(
            Penilaian.history.filter(skp_id=skp.pk)
            .select_related("history_user")
            .order_by("-history_date")[:50]
        ),
    }


def bawahan_langsung(pegawai: Pegawai) -> list[Pegawai]:
    return list(pegawai.bawahan.filter(aktif=True).select_related("organisasi").order_by("nama"))


def pilihan_rhk_atasan(skp: SKP) -> list[RHK]:
    """The RHK the employee may intervene in: those of the direct atasan's SKP of the year."""
    if not skp.pegawai.atasan_id:
        return []
    return list(
        RHK.objects.filter(skp__pegawai_id=skp.pegawai.atasan_id, skp__tahun=skp.tahun).order_by(
            "nomor", "pk"
        )
    )


def pilihan_butir_pk(skp: SKP) -> list[ButirPK]:
    """PK lines of the year of the employee's unit and the units above it."""
    atas = [int(x) for x in skp.organisasi.jalur.strip("/").split("/") if x]
    return list(
        ButirPK.objects.filter(pk_dokumen__tahun=skp.tahun, pk_dokumen__organisasi_id__in=atas)
        .select_related("indikator", "pk_dokumen__organisasi")
        .order_by("pk_dokumen__organisasi__jalur", "urutan")
    )


# --- cascade --------------------------------------------------------------------------------


@dataclass(slots=True)
class SimpulRHK:
    """An RHK as the cascade needs it (read as plain values: 10,000 of them stay cheap)."""

    pk: int
    nomor: int
    uraian: str
    rhk_atasan_id: int | None
    butir_pk_id: int | None
    pegawai_id: int
    pegawai_nama: str
    pegawai_jabatan: str


_KOLOM_SIMPUL = (
    "pk",
    "nomor",
    "uraian",
    "rhk_atasan_id",
    "butir_pk_id",
    "skp__pegawai_id",
    "skp__pegawai__nama",
    "skp__pegawai__jabatan",
)


def _simpul(qs) -> list[SimpulRHK]:
    return [SimpulRHK(*row) for row in qs.values_list(*_KOLOM_SIMPUL)]


@dataclass(slots=True)
class BarisPohon:
    tingkat: int
    butir: ButirPK | None = None
    rhk: SimpulRHK | None = None
    tanpa_rhk: bool = False  # a PK line no RHK serves
    tanpa_induk: bool = False  # an RHK serving nothing
    induk_luar: SimpulRHK | None = None  # the atasan RHK outside this unit's tree


@dataclass
class Pohon:
    organisasi: Organisasi
    tahun: int
    baris: list[BarisPohon] = field(default_factory=list)
    pk_tanpa_rhk: list[ButirPK] = field(default_factory=list)
    rhk_tanpa_induk: list[SimpulRHK] = field(default_factory=list)
    jumlah_rhk: int = 0
    jumlah_pegawai: int = 0


def pohon_cascade(organisasi: Organisasi, tahun: int) -> Pohon:
    """The tree from the PK lines of the unit (and the units below it) down to every
    employee's RHK, with the gaps: PK lines no RHK serves and RHK serving nothing. At most
    three queries. An RHK whose atasan RHK lies outside the unit's tree, or that serves a PK
    line of a unit above, starts its own branch (its link is shown)."""
    rhk = _simpul(
        RHK.objects.filter(
            skp__organisasi__jalur__startswith=organisasi.jalur, skp__tahun=tahun
        ).order_by("skp__pegawai__jenis_jabatan", "skp__pegawai__nama", "nomor", "pk")
    )
    id_rhk = {r.pk for r in rhk}
    butir_terpakai = {r.butir_pk_id for r in rhk if r.butir_pk_id}
    butir = list(
        ButirPK.objects.filter(
            Q(pk_dokumen__organisasi__jalur__startswith=organisasi.jalur)
            | Q(pk__in=butir_terpakai),
            pk_dokumen__tahun=tahun,
        )
        .select_related("indikator", "pk_dokumen__organisasi")
        .order_by("pk_dokumen__organisasi__jalur", "urutan", "pk")
    )
    luar_id = {r.rhk_atasan_id for r in rhk if r.rhk_atasan_id and r.rhk_atasan_id not in id_rhk}
    luar = {r.pk: r for r in _simpul(RHK.objects.filter(pk__in=luar_id))} if luar_id else {}

    anak: dict[int, list[SimpulRHK]] = defaultdict(list)
    per_butir: dict[int, list[SimpulRHK]] = defaultdict(list)
    akar_luar: list[SimpulRHK] = []
    tanpa_induk: list[SimpulRHK] = []
    for r in rhk:
        if r.rhk_atasan_id and r.rhk_atasan_id in id_rhk:
            anak[r.rhk_atasan_id].append(r)
        elif r.rhk_atasan_id:
            akar_luar.append(r)
        elif r.butir_pk_id:
            per_butir[r.butir_pk_id].append(r)
        else:
            tanpa_induk.append(r)

    pohon = Pohon(organisasi=organisasi, tahun=tahun, jumlah_rhk=len(rhk))
    pohon.jumlah_pegawai = len({r.pegawai_id for r in rhk})
    dikunjungi: set[int] = set()
    baris = pohon.baris

    def turun(r: SimpulRHK, tingkat: int, **tanda) -> None:
        # iterative depth-first walk: a deep tree cannot exhaust the stack; a cycle stops
        tumpukan = [(r, tingkat, tanda)]
        while tumpukan:
            x, t, tnd = tumpukan.pop()
            if x.pk in dikunjungi:
                continue
            dikunjungi.add(x.pk)
            baris.append(BarisPohon(t, rhk=x, **tnd))
            tumpukan.extend((y, t + 1, {}) for y in reversed(anak.get(x.pk, ())))

    for b in butir:
        # served by any RHK that names it, also one placed under its atasan's RHK
        kosong = b.pk not in butir_terpakai
        baris.append(BarisPohon(0, butir=b, tanpa_rhk=kosong))
        if kosong and b.pk_dokumen.organisasi.jalur.startswith(organisasi.jalur):
            pohon.pk_tanpa_rhk.append(b)
        for r in per_butir.get(b.pk, ()):
            turun(r, 1)
    for r in akar_luar:
        turun(r, 1, induk_luar=luar.get(r.rhk_atasan_id))
    for r in tanpa_induk:
        turun(r, 0, tanpa_induk=True)
        pohon.rhk_tanpa_induk.append(r)
    return pohon


# --- distribution beside the unit's capaian ------------------------------------------------


@dataclass
class DistribusiUnit:
    organisasi: Organisasi
    jumlah_skp: int
    distribusi: rumus.Distribusi
    rating_hasil: dict[str, int]

    @property
    def belum_dinilai(self) -> int:
        return max(self.jumlah_skp - self.distribusi.total, 0)

    @property
    def semua_di_atas(self) -> bool:
        n = sum(self.rating_hasil.values())
        return n > 0 and self.rating_hasil.get(rumus.DI_ATAS, 0) == n


@dataclass
class BarisCapaianUnit:
    nama: str
    target: Decimal | None
    realisasi: Decimal | None
    capaian: Decimal | None
    predikat: str

    @property
    def tidak_tercapai(self) -> bool:
        return self.capaian is not None and self.capaian < 100


@dataclass
class Distribusi:
    organisasi: Organisasi
    tahun: int
    jenis_periode: str
    ke: int
    total: DistribusiUnit
    per_unit: list[DistribusiUnit]
    capaian: list[BarisCapaianUnit]
    peringatan: list[str]


def _capaian_unit(organisasi, tahun, jenis_periode, ke, *, hanya_terverifikasi):
    hasil = []
    for b in baris_capaian(organisasi, tahun, hanya_terverifikasi=hanya_terverifikasi):
        if jenis_periode == PeriodeSKP.TAHUN:
            h, realisasi = b.hasil, b.realisasi
        else:
            p = next((p for p in b.periode if p.jenis == jenis_periode and p.ke == ke), None)
            if p is None:
                continue  # the indicator is not measured in this kind of period
            h, realisasi = p.hasil, p.realisasi.nilai if p.realisasi else None
        hasil.append(
            BarisCapaianUnit(
                nama=b.indikator.nama,
                target=b.target,
                realisasi=realisasi,
                capaian=h.capaian if h else None,
                predikat=h.predikat if h else "",
            )
        )
    return hasil


def distribusi_predikat(
    organisasi: Organisasi,
    tahun: int,
    jenis_periode: str = PeriodeSKP.TAHUN,
    ke: int = 1,
    *,
    hanya_terverifikasi: bool = True,
    dengan_capaian: bool = True,
) -> Distribusi:
    """Signed assessments of the period per predikat, for the unit and each unit below it
    (GROUP BY in the database), beside the unit's capaian from the pengukuran selector; a
    warning where the unit misses targets while every rated employee's hasil kerja is
    'di atas ekspektasi'."""
    units = {o.pk: o for o in organisasi.turunan()}
    dasar = Penilaian.objects.filter(
        skp__organisasi__jalur__startswith=organisasi.jalur,
        skp__tahun=tahun,
        jenis_periode=jenis_periode,
        ke=ke,
        status=StatusPenilaian.DITANDATANGANI,
    )
    per_org_pred: dict[int, list] = defaultdict(list)
    per_org_rating: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for row in dasar.values("skp__organisasi_id", "predikat", "rating_hasil").annotate(
        n=Count("pk")
    ):
        per_org_pred[row["skp__organisasi_id"]].append((row["predikat"], row["n"]))
        per_org_rating[row["skp__organisasi_id"]][row["rating_hasil"]] += row["n"]
    skp_per_org = dict(
        SKP.objects.filter(organisasi__jalur__startswith=organisasi.jalur, tahun=tahun)
        .values("organisasi_id")
        .annotate(n=Count("pk"))
        .values_list("organisasi_id", "n")
    )

    def untuk(org_ids: list[int], org: Organisasi) -> DistribusiUnit:
        rating: dict[str, int] = defaultdict(int)
        for i in org_ids:
            for k, v in per_org_rating.get(i, {}).items():
                rating[k] += v
        return DistribusiUnit(
            organisasi=org,
            jumlah_skp=sum(skp_per_org.get(i, 0) for i in org_ids),
            distribusi=rumus.distribusi(x for i in org_ids for x in per_org_pred.get(i, [])),
            rating_hasil=dict(rating),
        )

    total = untuk(list(units), organisasi)
    per_unit = []
    for o in sorted(units.values(), key=lambda o: o.jalur):
        if o.pk == organisasi.pk:
            ids = [o.pk]  # the unit's own staff
        elif o.induk_id == organisasi.pk:
            ids = [u.pk for u in units.values() if u.jalur.startswith(o.jalur)]
        else:
            continue  # deeper units are counted in their direct-child ancestor
        d = untuk(ids, o)
        if d.jumlah_skp:
            per_unit.append(d)
    capaian = (
        _capaian_unit(organisasi, tahun, jenis_periode, ke, hanya_terverifikasi=hanya_terverifikasi)
        if dengan_capaian
        else []
    )
    peringatan = []

    def periksa(org, meleset, d: DistribusiUnit) -> None:
        if meleset and d.semua_di_atas:
            peringatan.append(
                f"{len(meleset)} indikator kinerja {org.nama} tidak mencapai target, "
                f"sementara seluruh {sum(d.rating_hasil.values())} pegawai yang dinilai "
                "mendapat rating hasil kerja 'di atas ekspektasi': periksa kesesuaian "
                "penilaian pegawai dengan capaian unit."
            )

    periksa(organisasi, [c for c in capaian if c.tidak_tercapai], total)
    if dengan_capaian:
        # the units below: their capaian is read only where the pattern can hold (bounded
        # by the number of direct child units, never by the number of employees)
        for u in per_unit:
            if u.organisasi.pk != organisasi.pk and u.semua_di_atas:
                c = _capaian_unit(
                    u.organisasi, tahun, jenis_periode, ke, hanya_terverifikasi=hanya_terverifikasi
                )
                periksa(u.organisasi, [x for x in c if x.tidak_tercapai], u)
    return Distribusi(
        organisasi=organisasi,
        tahun=tahun,
        jenis_periode=jenis_periode,
        ke=ke,
        total=total,
        per_unit=per_unit,
        capaian=capaian,
        peringatan=peringatan,
    )
