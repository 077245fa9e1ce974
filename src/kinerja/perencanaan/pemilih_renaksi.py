"""Reads of the rencana aksi (docs/keputusan/0049-rencana-aksi-bulanan.md): the board of a
unit and month (planned vs done per step, a Gantt-like row per step), the reconciliation of
the steps' budgets with the RKT pagu of their kegiatan, and the steps behind schedule that
the monev report (`kinerja.monev`) lists.

Bounded queries: the steps with their PK line, indicator and kegiatan in one query, targets
and realisasi prefetched (two more), budget sums grouped in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import (
    ProgramAnggaran,
    RealisasiLangkah,
    RencanaAksi,
    TargetLangkah,
    TingkatAnggaran,
)
from kinerja.rumus import renaksi as rumus


@dataclass
class SelBulan:
    bulan: int
    rencana: Decimal | None  # planned in this month (a quarter's target: its last month)
    capai: Decimal | None
    kelas: str  # CSS class of the Gantt cell


@dataclass
class BarisPapan:
    langkah: RencanaAksi
    sel: list[SelBulan]
    rencana_sampai: Decimal
    capai_sampai: Decimal
    target_tahun: Decimal
    terlambat: bool
    bukti: int = 0

    @property
    def kekurangan(self) -> Decimal:
        return max(self.rencana_sampai - self.capai_sampai, Decimal(0))


def _langkah(organisasi: Organisasi, tahun: int):
    return (
        RencanaAksi.objects.filter(organisasi=organisasi, tahun=tahun)
        .select_related("butir__indikator", "indikator", "kegiatan__induk", "penanggung_jawab")
        .prefetch_related(
            Prefetch("target", queryset=TargetLangkah.objects.order_by("ke")),
            Prefetch("realisasi", queryset=RealisasiLangkah.objects.order_by("bulan")),
        )
        .order_by("butir__urutan", "urutan", "pk")
    )


def _baris(langkah: RencanaAksi, bulan: int) -> BarisPapan:
    target = {t.ke: t.target for t in langkah.target.all()}
    realisasi = {r.bulan: r.nilai for r in langkah.realisasi.all()}
    kali = 3 if langkah.jenis_periode == "triwulan" else 1
    rencana_bulan = {ke * kali: x for ke, x in target.items()}
    rencana = rumus.target_sampai(langkah.jenis_periode, target, bulan)
    capai = rumus.realisasi_sampai(realisasi, bulan)
    sel = []
    for b in range(1, 13):
        r, c = rencana_bulan.get(b), realisasi.get(b)
        if b > bulan:
            kelas = "gantt-rencana" if r else "gantt-kosong"
        elif r and (c is None or c < r):
            kelas = "gantt-kurang"
        elif c:
            kelas = "gantt-selesai"
        else:
            kelas = "gantt-lewat" if r else "gantt-kosong"
        sel.append(SelBulan(b, r, c, kelas))
    return BarisPapan(
        langkah=langkah,
        sel=sel,
        rencana_sampai=rencana,
        capai_sampai=capai,
        target_tahun=sum(target.values(), Decimal(0)),
        terlambat=rumus.terlambat(rencana, capai),
        bukti=sum(1 for r in langkah.realisasi.all() if r.bukti_sha256),
    )


def papan(organisasi: Organisasi, tahun: int, bulan: int) -> list[BarisPapan]:
    """Every step of the unit and year with planned vs done up to `bulan` (1-12)."""
    return [_baris(x, bulan) for x in _langkah(organisasi, tahun)]


@dataclass(frozen=True)
class LangkahTerlambat:
    langkah_id: int
    uraian: str
    indikator_id: int | None
    indikator: str
    satuan: str
    rencana_sampai: Decimal
    capai_sampai: Decimal
    kekurangan: Decimal


def langkah_terlambat(organisasi: Organisasi, tahun: int, bulan: int) -> list[LangkahTerlambat]:
    """The steps behind schedule at the end of `bulan`: planned output to that month (sum of
    the periods ended) not reached by the realisasi to that month. Called by the monev
    report; three queries whatever the number of steps."""
    hasil = []
    for b in papan(organisasi, tahun, bulan):
        if not b.terlambat:
            continue
        x = b.langkah
        ind = x.butir.indikator if x.butir_id else x.indikator
        hasil.append(
            LangkahTerlambat(
                langkah_id=x.pk,
                uraian=x.uraian,
                indikator_id=ind.pk if ind else None,
                indikator=ind.nama if ind else "",
                satuan=x.satuan,
                rencana_sampai=b.rencana_sampai,
                capai_sampai=b.capai_sampai,
                kekurangan=b.kekurangan,
            )
        )
    return hasil


@dataclass
class BarisRekonsiliasi:
    kegiatan: ProgramAnggaran
    program: ProgramAnggaran | None
    hasil: rumus.Rekonsiliasi
    jumlah_langkah: int
    sub: list[str] = field(default_factory=list)


def rekonsiliasi(organisasi: Organisasi, tahun: int) -> list[BarisRekonsiliasi]:
    """Per kegiatan of the RKT that has steps: its pagu against the sum of the budgets of
    the steps linked to it or to its sub kegiatan (GROUP BY in the database)."""
    jumlah = {
        r["kegiatan_id"]: (r["total"], r["n"])
        for r in RencanaAksi.objects.filter(
            organisasi=organisasi, tahun=tahun, kegiatan__isnull=False
        )
        .values("kegiatan_id")
        .annotate(total=Sum("anggaran"), n=Count("pk"))
        .order_by()
    }
    if not jumlah:
        return []
    simpul = {
        p.pk: p
        for p in ProgramAnggaran.objects.filter(organisasi=organisasi, tahun=tahun).select_related(
            "induk"
        )
    }
    per_kegiatan: dict[int, list[Decimal]] = {}
    banyak: dict[int, int] = {}
    sub: dict[int, list[str]] = {}
    for kid, (total, n) in jumlah.items():
        k = simpul[kid]
        if k.tingkat == TingkatAnggaran.SUB_KEGIATAN and k.induk_id:
            sub.setdefault(k.induk_id, []).append(k.nama)
            k = simpul[k.induk_id]
        per_kegiatan.setdefault(k.pk, []).append(total or Decimal(0))
        banyak[k.pk] = banyak.get(k.pk, 0) + n
    hasil = []
    for kid, suku in per_kegiatan.items():
        k = simpul[kid]
        hasil.append(
            BarisRekonsiliasi(
                kegiatan=k,
                program=simpul.get(k.induk_id),
                hasil=rumus.rekonsiliasi(k.pagu, suku),
                jumlah_langkah=banyak[kid],
                sub=sub.get(kid, []),
            )
        )
    hasil.sort(key=lambda r: (r.program.urutan if r.program else 0, r.kegiatan.urutan))
    return hasil
