"""Reads: survey aggregates computed in SQL, turned into IKM by the engine (rumus.ikm).

Totals per (putaran, butir) are one GROUP BY over RekapJawaban, the exact count of answers
per value that the writers keep (docs/keputusan/0020-rekap-jawaban.md), minus the answers of
the few non-valid responses; blank answers count for nothing (ikm.md §1.4(e)). Filtered
views (a demographic value) GROUP BY the answers themselves. Respondent counts are one
GROUP BY putaran on Respon. Everything above a putaran (services of a unit, units of a
kecamatan or kota, periods of a year) is rolled up by `gabung_ikm` with a named rule that
each result carries (docs/keputusan/0006-agregasi-ikm.md, docs/survei.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, F, IntegerField, Q, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce

from kinerja.organisasi.models import JenisOrganisasi, Organisasi
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.ikm import (
    ATURAN_GABUNG,
    HasilGabungan,
    HasilIKM,
    NilaiButir,
    NilaiUnsur,
    gabung_ikm,
    ikm_dari_butir,
    ikm_dari_unsur,
)
from kinerja.rumus.periode import Periode
from kinerja.rumus.sampel import KecukupanSampel, kecukupan_sampel
from kinerja.survei.models import (
    Butir,
    IsianDemografi,
    Jawaban,
    JenisKuesioner,
    Kuesioner,
    PutaranSurvei,
    RekapJawaban,
    RencanaTindakLanjut,
    Respon,
    StatusRespon,
)

# Below this many valid respondents an index is flagged (rumus.sampel.kecukupan_sampel).
BATAS_SAMPEL_KECIL = 30


def _ids(putaran) -> Iterable:
    """A PutaranSurvei queryset as a subquery, or a list of ids/objects as a list."""
    if hasattr(putaran, "values"):
        return putaran.values("pk")
    return [p if isinstance(p, int) else p.pk for p in putaran]


def respon_tidak_valid(putaran):
    """Responses that do not count (meragukan, ditolak): few, found through the
    (putaran, status) index."""
    return (
        Respon.objects.filter(putaran_id__in=_ids(putaran))
        .exclude(status=StatusRespon.VALID)
        .order_by()  # Meta.ordering would join putaran and organisasi
        .values("pk")
    )


# Up to this many non-valid responses are excluded by a literal id list (one index probe
# each); beyond it by a subquery, which every database accepts however long.
BATAS_DAFTAR_TIDAK_VALID = 5000


def agregat_butir(putaran, *, saring: Q | None = None) -> dict[int, dict[int, tuple[int, int]]]:
    """{putaran_id: {butir_id: (Σ nilai, answers given)}} over valid responses.

    All stored answers are counted in RekapJawaban (kept exact by the writers), so the
    totals are one GROUP BY over a few rows per butir, minus the same GROUP BY over the
    answers of the few non-valid responses. With `saring` (a Q on Jawaban, e.g. a
    demographic value) there is no count to read: one GROUP BY over the answers themselves
    (a scan of the covering index, which PostgreSQL parallelises), minus the non-valid.
    Subtracting is exact and much faster than excluding inside the big scan (NOT IN forces
    a filter on every row).
    """
    tidak_valid = list(respon_tidak_valid(putaran)[: BATAS_DAFTAR_TIDAK_VALID + 1])
    if len(tidak_valid) > BATAS_DAFTAR_TIDAK_VALID:
        tidak_valid = respon_tidak_valid(putaran)
    else:
        tidak_valid = [r["pk"] for r in tidak_valid]
    dikurangi = Jawaban.objects.filter(respon_id__in=tidak_valid)
    if saring is None:
        semua = _jumlah_dari_rekap(_ids(putaran))
    else:
        dikurangi = dikurangi.filter(saring)
        semua = _jumlah_per_butir(Jawaban.objects.filter(saring, putaran_id__in=_ids(putaran)))
    hasil: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    for p, b, total, jumlah in semua:
        hasil[p][b] = (total, jumlah)
    if tidak_valid:
        for p, b, total, jumlah in _jumlah_per_butir(dikurangi):
            t0, j0 = hasil[p][b]
            hasil[p][b] = (t0 - total, j0 - jumlah)
    return hasil


def _jumlah_dari_rekap(ids):
    """(putaran, butir, Σ nilai, answers given) from the count table: blanks are nilai 0,
    so they add nothing to Σ and are left out of the answers given (ikm.md §1.4(e))."""
    return (
        RekapJawaban.objects.filter(putaran_id__in=ids)
        .values("putaran_id", "butir_id")
        .annotate(
            total=Sum(F("nilai") * F("jumlah"), output_field=IntegerField()),
            jumlah_isi=Coalesce(Sum("jumlah", filter=Q(nilai__gt=0)), 0),
        )
        .order_by()
        .values_list("putaran_id", "butir_id", "total", "jumlah_isi")
    )


def rekap_selisih(putaran=None) -> list[tuple[int, int, int, int, int]]:
    """Where RekapJawaban differs from the answers: (putaran, butir, nilai, in the rekap,
    in the answers), nilai 0 = blank. Empty when exact. One GROUP BY on each table."""
    jawaban = Jawaban.objects.all()
    rekap = RekapJawaban.objects.all()
    if putaran is not None:
        jawaban = jawaban.filter(putaran_id__in=_ids(putaran))
        rekap = rekap.filter(putaran_id__in=_ids(putaran))
    dari_jawaban = {
        (p, b, v): n
        for p, b, v, n in jawaban.annotate(v=Coalesce("nilai", 0))
        .values("putaran_id", "butir_id", "v")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("putaran_id", "butir_id", "v", "n")
    }
    dari_rekap = {
        (p, b, v): n
        for p, b, v, n in rekap.values_list("putaran_id", "butir_id", "nilai", "jumlah")
    }
    return sorted(
        (*k, dari_rekap.get(k, 0), dari_jawaban.get(k, 0))
        for k in dari_jawaban.keys() | dari_rekap.keys()
        if dari_rekap.get(k, 0) != dari_jawaban.get(k, 0)
    )


def _jumlah_per_butir(qs):
    """(putaran, butir, Σ nilai, answers given) per group; blank answers are NULL, so
    COUNT(nilai) skips them (ikm.md §1.4(e))."""
    return (
        qs.values("putaran_id", "butir_id")
        .annotate(total=Coalesce(Sum("nilai"), 0), jumlah=Count("nilai"))
        .order_by()
        .values_list("putaran_id", "butir_id", "total", "jumlah")
    )


def jumlah_responden(putaran) -> dict[int, int]:
    """{putaran_id: valid responses}: one GROUP BY on Respon."""
    return dict(
        Respon.objects.filter(putaran_id__in=_ids(putaran), status=StatusRespon.VALID)
        .values("putaran_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("putaran_id", "n")
    )


@dataclass(frozen=True)
class StrukturKuesioner:
    """Items (with their unsur) and demographic fields of one questionnaire version, in
    order: what the engine, the form and the response writer need."""

    kuesioner: Kuesioner
    butir: tuple[Butir, ...]
    satu_butir_per_unsur: bool
    demografi: tuple[IsianDemografi, ...] = ()

    @property
    def kode_unsur(self) -> list[str]:
        kode: list[str] = []
        for b in self.butir:
            if b.unsur.kode not in kode:
                kode.append(b.unsur.kode)
        return kode

    def nama_unsur(self) -> dict[str, str]:
        return {b.unsur.kode: b.unsur.nama for b in self.butir}


_struktur_cache: dict[int, StrukturKuesioner] = {}


def struktur(kuesioner_id: int) -> StrukturKuesioner:
    """Questionnaire structure, cached per process: a version is frozen once it has
    responses (changes are loaded as a new version), and the public intake path then
    needs no query for it."""
    s = _struktur_cache.get(kuesioner_id)
    if s is None:
        butir = tuple(
            Butir.objects.filter(kuesioner_id=kuesioner_id)
            .select_related("unsur", "kuesioner")
            .order_by("urutan")
        )
        unsur = [b.unsur_id for b in butir]
        k = butir[0].kuesioner if butir else Kuesioner.objects.get(pk=kuesioner_id)
        demografi = tuple(IsianDemografi.objects.filter(kuesioner_id=kuesioner_id))
        s = StrukturKuesioner(k, butir, len(set(unsur)) == len(unsur), demografi)
        _struktur_cache[kuesioner_id] = s
    return s


def lupakan_struktur() -> None:
    """Empty the structure cache (tests, whose rolled-back ids can be reused)."""
    _struktur_cache.clear()


def hasil_dari_agregat(
    s: StrukturKuesioner, per_butir: dict[int, tuple[int, int]], n: int
) -> HasilIKM | None:
    """Engine IKM from SQL totals: NilaiUnsur when each unsur has one item (SKM), NilaiButir
    otherwise (IEK). Items or unsur without any answer are left out; None if nothing."""
    if n < 1:
        return None
    bobot = s.kuesioner.bobot
    if s.satu_butir_per_unsur:
        unsur = [
            NilaiUnsur(b.unsur.kode, Decimal(per_butir[b.pk][0]), per_butir[b.pk][1])
            for b in s.butir
            if per_butir.get(b.pk, (0, 0))[1] > 0
        ]
        if not unsur:
            return None
        if bobot != "1/9" and len(unsur) != 9:
            bobot = "1/9"
        return ikm_dari_unsur(unsur, bobot=bobot, jumlah_responden=n)
    butir = [
        NilaiButir(b.unsur.kode, Decimal(per_butir[b.pk][0]), per_butir[b.pk][1])
        for b in s.butir
        if per_butir.get(b.pk, (0, 0))[1] > 0
    ]
    if not butir:
        return None
    return ikm_dari_butir(butir, bobot=bobot, jumlah_responden=n)


def _kecukupan(n: int, populasi: int | None) -> KecukupanSampel | None:
    if not populasi or n > populasi:
        return None
    return kecukupan_sampel(jumlah=n, populasi=populasi, batas_sampel_kecil=BATAS_SAMPEL_KECIL)


@dataclass
class HasilPutaran:
    putaran: PutaranSurvei
    hasil: HasilIKM | None
    n: int
    kecukupan: KecukupanSampel | None

    @property
    def sampel_kecil(self) -> bool:
        return self.n < BATAS_SAMPEL_KECIL


def hasil_putaran(putaran) -> list[HasilPutaran]:
    """IKM of every putaran in the queryset/list: two GROUP BY queries, then the engine."""
    # A total order, the same on SQLite and PostgreSQL (NULL services first on both, ties by
    # id): the roll-ups print their parts in this order, and a report must not change with
    # the database it was built on.
    daftar = list(
        PutaranSurvei.objects.filter(pk__in=_ids(putaran))
        .select_related("organisasi", "layanan", "kuesioner")
        .order_by(
            "tahun",
            "jenis_periode",
            "ke",
            "organisasi__jalur",
            F("layanan__urutan").asc(nulls_first=True),
            "pk",
        )  # fmt: skip
    )
    totals = agregat_butir(daftar)
    n = jumlah_responden(daftar)
    keluar = []
    for p in daftar:
        jml = n.get(p.pk, 0)
        keluar.append(
            HasilPutaran(
                putaran=p,
                hasil=hasil_dari_agregat(struktur(p.kuesioner_id), totals.get(p.pk, {}), jml),
                n=jml,
                kecukupan=_kecukupan(jml, p.populasi),
            )
        )
    return keluar


@dataclass
class Agregat:
    """A rolled-up value: engine result plus the rule, n, population and adequacy."""

    label: str
    gabungan: HasilGabungan | None
    n: int
    populasi: int | None
    kecukupan: KecukupanSampel | None
    bagian: list = field(default_factory=list)
    kunci: object = None
    # all respondents of the parts pooled (NRR per unsur); set by the roll-up helpers
    pooled: HasilIKM | None = None

    @property
    def konversi(self) -> Decimal | None:
        return self.gabungan.konversi if self.gabungan else None

    @property
    def aturan(self) -> str:
        return self.gabungan.aturan if self.gabungan else ""

    @property
    def sampel_kecil(self) -> bool:
        return self.n < BATAS_SAMPEL_KECIL


def _hasil_dari(x) -> HasilIKM | HasilGabungan | None:
    return x.hasil if isinstance(x, HasilPutaran) else x.gabungan


def gabung(bagian: Sequence, *, aturan: str, label: str = "", kunci=None) -> Agregat:
    """Roll HasilPutaran/Agregat parts up by a named rule (ATURAN_GABUNG). Parts without
    a result are skipped; gabung_responden needs the per-unsur totals, so it can only
    combine putaran results (or Agregat that were themselves pooled)."""
    if aturan not in ATURAN_GABUNG:
        raise DataTidakValid(f"aturan: '{aturan}' tidak dikenal", bidang="aturan")
    ada = [b for b in bagian if _hasil_dari(b) is not None]
    n = sum(b.n for b in bagian)
    pops = [b.putaran.populasi if isinstance(b, HasilPutaran) else b.populasi for b in bagian]
    populasi = sum(pops) if pops and None not in pops else None
    if not ada:
        return Agregat(label, None, n, populasi, _kecukupan(n, populasi), list(bagian), kunci)
    if aturan == "gabung_responden":
        nilai = [_ikm_lengkap(b) for b in ada]
        hasil = gabung_ikm(nilai, aturan=aturan)
    elif aturan == "tertimbang_responden":
        hasil = gabung_ikm(
            [_hasil_dari(b).konversi for b in ada], aturan=aturan, bobot=[b.n for b in ada]
        )
    else:
        hasil = gabung_ikm([_hasil_dari(b).konversi for b in ada], aturan=aturan)
    return Agregat(label, hasil, n, populasi, _kecukupan(n, populasi), list(bagian), kunci)


def _ikm_lengkap(b) -> HasilIKM:
    if isinstance(b, HasilPutaran):
        return b.hasil
    if getattr(b, "pooled", None) is not None:
        return b.pooled
    raise DataTidakValid(
        "gabung_responden hanya dapat menggabungkan hasil per putaran", bidang="aturan"
    )


def pooled(bagian: Sequence[HasilPutaran]) -> HasilIKM | None:
    """All respondents of the parts as one survey (gabung_responden), keeping NRR per
    unsur: totals per unsur (or per item for IEK) are summed, then the engine recomputes."""
    ada = [b.hasil for b in bagian if b.hasil is not None]
    if not ada:
        return None
    if len(ada) == 1:
        return ada[0]
    n = sum(h.jumlah_responden or 0 for h in ada) or None
    bobot = ada[0].bobot
    if all(h.butir for h in ada) and len({tuple(x.unsur for x in h.butir) for h in ada}) == 1:
        butir = [
            NilaiButir(
                kolom[0].unsur,
                sum((x.total for x in kolom), Decimal(0)),
                sum(x.jumlah for x in kolom),
            )
            for kolom in zip(*(h.butir for h in ada), strict=True)
        ]
        return ikm_dari_butir(butir, bobot=bobot, jumlah_responden=n)
    total: dict[str, list] = {}
    for h in ada:
        if not h.unsur:
            raise DataTidakValid(
                "bagian tanpa total per unsur tidak dapat digabung", bidang="unsur"
            )
        for x in h.unsur:
            t = total.setdefault(x.kode, [Decimal(0), 0])
            t[0] += x.total
            t[1] += x.jumlah
    unsur = [NilaiUnsur(k, t, j) for k, (t, j) in total.items()]
    if bobot != "1/9" and len(unsur) != 9:
        bobot = "1/9"
    return ikm_dari_unsur(unsur, bobot=bobot, jumlah_responden=n)


def kunci_periode(p: PutaranSurvei) -> tuple[int, str, int]:
    return (p.tahun, p.jenis_periode, p.ke)


def label_periode(k: tuple[int, str, int]) -> str:
    return Periode(jenis=k[1], tahun=k[0], ke=k[2]).label


@dataclass
class Laporan:
    """Everything the results page, the exports and the indicator feed read."""

    organisasi: Organisasi
    kuesioner_kode: str
    tahun: int
    aturan_layanan: str
    aturan_unit: str
    aturan_periode: str
    putaran: list[HasilPutaran]
    periode: list[tuple[int, str, int]]
    unit: list[dict]  # per unit: {"organisasi", "per_periode": {k: Agregat}, "tahun": Agregat}
    wilayah: list[dict]  # per child of the root (kecamatan), same shape
    total: dict  # {"per_periode": {k: Agregat}, "tahun": Agregat}
    layanan: list[dict]  # per service: {"layanan", "per_periode", "tahun"}
    unsur: list[dict]  # per unsur: {"kode", "nama", "per_periode": {k: NRR}, "tahun": NRR}
    unsur_terlemah: str | None
    pooled_tahun: HasilIKM | None
    rtl: list[RencanaTindakLanjut]

    def uraian_aturan(self) -> dict[str, str]:
        return {
            "layanan": f"{self.aturan_layanan}: {ATURAN_GABUNG[self.aturan_layanan]}",
            "unit": f"{self.aturan_unit}: {ATURAN_GABUNG[self.aturan_unit]}",
            "periode": f"{self.aturan_periode}: {ATURAN_GABUNG[self.aturan_periode]}",
        }


def putaran_cakupan(organisasi: Organisasi, kuesioner_kode: str, tahun: int | None = None):
    qs = PutaranSurvei.objects.filter(
        kuesioner__kode=kuesioner_kode, organisasi__jalur__startswith=organisasi.jalur
    )
    if tahun is not None:
        qs = qs.filter(tahun=tahun)
    return qs


def _unit_periode(
    hasil: list[HasilPutaran], aturan_layanan: str
) -> dict[int, dict[tuple, Agregat]]:
    """Services of one unit in one period combined by aturan_layanan."""
    kelompok: dict[int, dict[tuple, list]] = defaultdict(lambda: defaultdict(list))
    for h in hasil:
        kelompok[h.putaran.organisasi_id][kunci_periode(h.putaran)].append(h)
    keluar: dict[int, dict[tuple, Agregat]] = {}
    for org, per in kelompok.items():
        keluar[org] = {}
        for k, daftar in per.items():
            a = gabung(daftar, aturan=aturan_layanan, label=label_periode(k), kunci=k)
            a.pooled = pooled(daftar)
            keluar[org][k] = a
    return keluar


def _tahun(per_periode: dict, aturan_periode: str, label: str) -> Agregat:
    bagian = [per_periode[k] for k in sorted(per_periode)]
    a = gabung(bagian, aturan=aturan_periode, label=label)
    a.pooled = pooled([h for b in bagian for h in b.bagian if isinstance(h, HasilPutaran)])
    return a


def _gabung_unit(
    unit_periode: dict[int, dict[tuple, Agregat]], org_ids: list[int], aturan_unit: str, periode
) -> dict[tuple, Agregat]:
    hasil = {}
    for k in periode:
        bagian = [unit_periode[o][k] for o in org_ids if k in unit_periode.get(o, {})]
        if not bagian:
            continue
        a = gabung(bagian, aturan=aturan_unit, label=label_periode(k), kunci=k)
        a.pooled = pooled([h for b in bagian for h in b.bagian])
        hasil[k] = a
    return hasil


def _dalam_periode(p: PutaranSurvei, jenis: str, ke: int) -> bool:
    """Does the putaran's period lie inside the realisasi period?"""
    if jenis == "tahun":
        return True
    if jenis == "semester":
        return (p.jenis_periode == "semester" and p.ke == ke) or (
            p.jenis_periode == "triwulan" and (p.ke + 1) // 2 == ke
        )
    if jenis == "triwulan":
        return p.jenis_periode == "triwulan" and p.ke == ke
    return False


def hasil_tautan(*, tautan, tahun: int, jenis_periode: str, ke: int = 1):
    """The rolled-up value (Agregat) a linked indicator gets for a period: the putaran of
    its questionnaire in scope, services by `aturan_layanan`, units by `aturan_unit`, the
    periods inside the realisasi period by `aturan_periode`."""
    qs = putaran_cakupan(tautan.cakupan, tautan.kuesioner_kode, tahun)
    if tautan.layanan_id:
        qs = qs.filter(layanan_id=tautan.layanan_id)
    hasil = [h for h in hasil_putaran(qs) if _dalam_periode(h.putaran, jenis_periode, ke)]
    if not hasil:
        return None
    periode = sorted({kunci_periode(h.putaran) for h in hasil})
    up = _unit_periode(hasil, tautan.aturan_layanan)
    pp = _gabung_unit(up, list(up), tautan.aturan_unit, periode)
    return _tahun(pp, tautan.aturan_periode, f"{jenis_periode} {ke} {tahun}")


def _nrr_unsur(h: HasilIKM | None) -> dict[str, Decimal]:
    return dict(h.nrr) if h is not None else {}


def laporan(
    organisasi: Organisasi,
    kuesioner_kode: str,
    tahun: int,
    *,
    aturan_layanan: str = "gabung_responden",
    aturan_unit: str = "rata_rata_unit",
    aturan_periode: str = "rata_rata_unit",
) -> Laporan:
    """Results of one questionnaire for a unit and everything below it in a year."""
    for a in (aturan_layanan, aturan_unit, aturan_periode):
        if a not in ATURAN_GABUNG:
            raise DataTidakValid(f"aturan: '{a}' tidak dikenal", bidang="aturan")
    hasil = hasil_putaran(putaran_cakupan(organisasi, kuesioner_kode, tahun))
    periode = sorted({kunci_periode(h.putaran) for h in hasil})
    up = _unit_periode(hasil, aturan_layanan)
    orgs = {h.putaran.organisasi_id: h.putaran.organisasi for h in hasil}
    unit = []
    for org in sorted(orgs.values(), key=lambda o: (o.nama, o.pk)):
        unit.append(
            {
                "organisasi": org,
                "per_periode": up[org.pk],
                "tahun": _tahun(up[org.pk], aturan_periode, f"Tahun {tahun}"),
            }
        )
    wilayah = []
    anak = (
        organisasi.anak.all().order_by("urutan", "nama")
        if organisasi.pk not in orgs
        else Organisasi.objects.none()
    )
    for a in anak:
        ids = [o.pk for o in orgs.values() if o.jalur.startswith(a.jalur)]
        if not ids:
            continue
        pp = _gabung_unit(up, ids, aturan_unit, periode)
        wilayah.append(
            {
                "organisasi": a,
                "jumlah_unit": len(ids),
                "per_periode": pp,
                "tahun": _tahun(pp, aturan_periode, f"Tahun {tahun}"),
            }
        )
    total_pp = _gabung_unit(up, list(orgs), aturan_unit, periode)
    total = {"per_periode": total_pp, "tahun": _tahun(total_pp, aturan_periode, f"Tahun {tahun}")}

    layanan = []
    per_layanan: dict = defaultdict(list)
    for h in hasil:
        if h.putaran.layanan_id:
            per_layanan[h.putaran.layanan].append(h)
    for lay in sorted(per_layanan, key=lambda x: (x.urutan, x.nama)):
        daftar = per_layanan[lay]
        pp = {}
        for k in periode:
            bagian = [h for h in daftar if kunci_periode(h.putaran) == k]
            if bagian:
                a = gabung(bagian, aturan=aturan_unit, label=label_periode(k), kunci=k)
                a.pooled = pooled(bagian)
                pp[k] = a
        layanan.append(
            {"layanan": lay, "per_periode": pp, "tahun": _tahun(pp, aturan_periode, str(tahun))}
        )

    # NRR per unsur: pooled respondents (the Permen's per-unsur table), per period and year.
    pooled_tahun = pooled(hasil)
    nama: dict[str, str] = {}
    for h in hasil:
        nama.update(struktur(h.putaran.kuesioner_id).nama_unsur())
    unsur = []
    nrr_tahun = _nrr_unsur(pooled_tahun)
    nrr_periode = {k: _nrr_unsur(total_pp[k].pooled) for k in total_pp}
    for kode in sorted(nama, key=lambda c: (len(c), c)):
        unsur.append(
            {
                "kode": kode,
                "nama": nama[kode],
                "per_periode": {k: nrr_periode[k].get(kode) for k in periode},
                "tahun": nrr_tahun.get(kode),
            }
        )
    rtl = list(
        RencanaTindakLanjut.objects.filter(
            organisasi=organisasi, kuesioner__kode=kuesioner_kode, tahun=tahun
        ).select_related("unsur")
    )
    return Laporan(
        organisasi=organisasi,
        kuesioner_kode=kuesioner_kode,
        tahun=tahun,
        aturan_layanan=aturan_layanan,
        aturan_unit=aturan_unit,
        aturan_periode=aturan_periode,
        putaran=hasil,
        periode=periode,
        unit=unit,
        wilayah=wilayah,
        total=total,
        layanan=layanan,
        unsur=unsur,
        unsur_terlemah=pooled_tahun.unsur_terlemah if pooled_tahun else None,
        pooled_tahun=pooled_tahun,
        rtl=rtl,
    )


def tren(
    organisasi: Organisasi,
    kuesioner_kode: str,
    *,
    aturan_unit: str = "rata_rata_unit",
    aturan_layanan: str = "gabung_responden",
):
    """Value of the whole scope per period across all years: [(label, Agregat)], services
    and units combined by the same rules as the year's results."""
    hasil = hasil_putaran(putaran_cakupan(organisasi, kuesioner_kode))
    periode = sorted({kunci_periode(h.putaran) for h in hasil})
    up = _unit_periode(hasil, aturan_layanan)
    pp = _gabung_unit(up, list(up), aturan_unit, periode)
    return [(label_periode(k), pp[k]) for k in periode]


def demografi(organisasi: Organisasi, kuesioner_kode: str, tahun: int) -> list[dict]:
    """IKM by demographic value (pooled respondents: gabung_responden) for every choice
    field, from one pass over the answers.

    The demographic values are read once per respondent (a MATERIALIZED CTE over Respon:
    JSON extraction per answer row was 3.5 s at 64,000 respondents, this is ±0.4 s), the
    answers are summed in the database per (combination of values, butir), and each
    field's totals are those sums added over the other fields' values (a few hundred
    rows). Respondents per value: one GROUP BY over Respon."""
    qs = putaran_cakupan(organisasi, kuesioner_kode, tahun)
    daftar = list(qs.select_related("kuesioner"))
    if not daftar:
        return []
    isian = [f for f in daftar[0].kuesioner.demografi.all() if f.pilihan]
    if not isian:
        return []
    kolom = [f"v{i}" for i in range(len(isian))]
    respon = (
        Respon.objects.filter(putaran_id__in=[p.pk for p in daftar], status=StatusRespon.VALID)
        .annotate(
            **{k: KeyTextTransform(f.kunci, "demografi") for k, f in zip(kolom, isian, strict=True)}
        )
        .order_by()
    )
    sql, param = respon.values_list("id", *kolom).query.sql_with_params()
    daftar_kolom = ", ".join(f"r.{k}" for k in kolom)
    with connection.cursor() as cur:
        cur.execute(
            f"WITH r(respon_id, {', '.join(kolom)}) AS MATERIALIZED ({sql}) "
            f"SELECT {daftar_kolom}, j.butir_id, SUM(j.nilai), COUNT(j.nilai) "
            f"FROM {Jawaban._meta.db_table} j JOIN r ON r.respon_id = j.respon_id "
            f"GROUP BY {daftar_kolom}, j.butir_id",
            param,
        )
        baris = cur.fetchall()
    n_kombinasi = respon.values(*kolom).annotate(n=Count("pk")).values_list(*kolom, "n")
    kuesioner_butir = {
        b.pk: kid for kid in {p.kuesioner_id for p in daftar} for b in struktur(kid).butir
    }
    keluar = []
    for i, f in enumerate(isian):
        per_nilai: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0])))
        for *nilai, butir, total, jumlah in baris:
            x = per_nilai[nilai[i]][kuesioner_butir[butir]][butir]
            x[0] += total or 0
            x[1] += jumlah
        n: dict = defaultdict(int)
        for *nilai, jml in n_kombinasi:
            n[nilai[i]] += jml
        kelompok = []
        urutan = [str(k) for k, _ in f.pilihan] + [None]
        for v in sorted(per_nilai, key=lambda x: urutan.index(x) if x in urutan else 99):
            hasil = [
                hasil_dari_agregat(struktur(kid), {b: tuple(t) for b, t in tot.items()}, n[v])
                for kid, tot in per_nilai[v].items()
            ]
            hasil = [h for h in hasil if h is not None]
            if not hasil:
                continue
            h = hasil[0] if len(hasil) == 1 else gabung_ikm(hasil, aturan="gabung_responden")
            kelompok.append(
                {
                    "nilai": v,
                    "label": f.label_pilihan(v) if v is not None else "(tidak diisi)",
                    "n": n[v],
                    "konversi": h.konversi,
                    "mutu": h.mutu,
                }
            )
        keluar.append({"isian": f, "kelompok": kelompok, "aturan": "gabung_responden"})
    return keluar


def grid_responden(putaran: PutaranSurvei) -> dict:
    """The Permen's lampiran sheet for one putaran: one row per valid response (pseudonymous
    number), one column per item, with Σ, NRR, NRR tertimbang and IKM below."""
    s = struktur(putaran.kuesioner_id)
    kolom = list(s.butir)
    responden: dict[int, dict[int, int | None]] = defaultdict(dict)
    for rid, bid, nilai in (
        Jawaban.objects.filter(putaran=putaran, respon__status=StatusRespon.VALID)
        .order_by("respon_id")
        .values_list("respon_id", "butir_id", "nilai")
    ):
        responden[rid][bid] = nilai
    baris = [
        {"nomor": i, "nilai": [responden[rid].get(b.pk) for b in kolom]}
        for i, rid in enumerate(sorted(responden), start=1)
    ]
    hasil = hasil_putaran([putaran])[0]
    jumlah = [sum(r["nilai"][j] or 0 for r in baris) for j in range(len(kolom))]
    terisi = [sum(1 for r in baris if r["nilai"][j] is not None) for j in range(len(kolom))]
    return {
        "putaran": putaran,
        "kolom": kolom,
        "baris": baris,
        "jumlah": jumlah,
        "terisi": terisi,
        "hasil": hasil,
    }


# ------------------------------------------------------------------ managing rounds

BATAS_PUTARAN_UNIT = 500  # a safety cap: one unit has a few dozen rounds a year at most


@dataclass
class BarisPutaran:
    putaran: PutaranSurvei
    n: int  # valid responses


def putaran_unit(organisasi: Organisasi, tahun: int) -> list[BarisPutaran]:
    """The year's rounds of exactly this unit with their valid respondents: two queries
    (rounds, then one GROUP BY on Respon), however many rounds."""
    daftar = list(
        PutaranSurvei.objects.filter(organisasi=organisasi, tahun=tahun)
        .select_related("kuesioner", "layanan", "organisasi")
        .order_by("kuesioner__kode", "kuesioner__versi", "jenis_periode", "ke", "layanan__urutan")[
            :BATAS_PUTARAN_UNIT
        ]
    )
    n = jumlah_responden(daftar) if daftar else {}
    return [BarisPutaran(p, n.get(p.pk, 0)) for p in daftar]


@dataclass
class UnitBawahan:
    organisasi: Organisasi
    putaran: int  # rounds in the year at or below it


def unit_bawahan(organisasi: Organisasi, tahun: int) -> list[UnitBawahan]:
    """The units directly below, each with the rounds of the year in its subtree, so the
    rounds of a kelurahan are reached from the kota (two queries)."""
    anak = list(organisasi.anak.order_by("urutan", "nama"))
    if not anak:
        return []
    jumlah: dict[str, int] = defaultdict(int)
    for jalur, n in (
        PutaranSurvei.objects.filter(organisasi__jalur__startswith=organisasi.jalur, tahun=tahun)
        .exclude(organisasi=organisasi)
        .order_by()
        .values_list("organisasi__jalur")
        .annotate(n=Count("pk"))
    ):
        # "/1/5/23/" below "/1/": the child is the next segment, "/1/5/"
        anak_jalur = organisasi.jalur + jalur[len(organisasi.jalur) :].split("/", 1)[0] + "/"
        jumlah[anak_jalur] += n
    return [UnitBawahan(a, jumlah[a.jalur]) for a in anak]


# Units whose work is coordinating other units measure the coordination survey (IEK); every
# unit that serves the public (kelurahan, kecamatan, UKPD, dinas, the kota itself) runs the SKM
# of PermenPAN-RB 14/2017 (domain/ikm.md).
_JENIS_KOORDINASI = {
    JenisOrganisasi.SEKRETARIAT, JenisOrganisasi.ASISTEN, JenisOrganisasi.BAGIAN,
}  # fmt: skip


def jenis_kuesioner_bawaan(organisasi: Organisasi) -> str:
    """The questionnaire kind that fits the unit: koordinasi for coordinating units, else SKM."""
    if organisasi.jenis in _JENIS_KOORDINASI:
        return JenisKuesioner.KOORDINASI
    return JenisKuesioner.SKM


def akhir_periode_putaran(putaran: PutaranSurvei) -> dt.date:
    """The last day of the round's period (Semester I 2025 -> 30 Juni 2025)."""
    bulan = Periode(jenis=putaran.jenis_periode, tahun=putaran.tahun, ke=putaran.ke).bulan()[-1]
    return dt.date(putaran.tahun, bulan, calendar.monthrange(putaran.tahun, bulan)[1])


def kuesioner_pilihan(organisasi: Organisasi | None = None):
    """Every questionnaire version for the create form: with a unit, the kind that fits it
    first (the form preselects the first), then newest version of each code first."""
    daftar = list(Kuesioner.objects.order_by("kode", "-versi"))
    if organisasi is None:
        return daftar
    cocok = jenis_kuesioner_bawaan(organisasi)
    return sorted(daftar, key=lambda k: k.jenis != cocok)  # stable: keeps the code order
