"""Reads the report needs that the domain apps' selectors do not offer yet (Bab I and II).

Capaian, predikat, history, Renstra targets and peers come from
`kinerja.pengukuran.pemilih`; evaluation results from `kinerja.evaluasi.pemilih`.
"""

from __future__ import annotations

from collections import defaultdict

from kinerja.lkip.models import NarasiLkip, PekerjaanLkip
from kinerja.organisasi.models import JenisOrganisasi, Organisasi, StatistikUnit
from kinerja.perencanaan.models import (
    PerubahanTarget,
    ProgramAnggaran,
    RencanaAksi,
    Renstra,
    RevisiPK,
    Sasaran,
)


def statistik(organisasi: Organisasi, tahun: int) -> dict[str, list[StatistikUnit]]:
    """StatistikUnit of the unit and everything below it, per kategori, in tree order."""
    hasil: dict[str, list[StatistikUnit]] = defaultdict(list)
    for s in (
        StatistikUnit.objects.filter(organisasi__jalur__startswith=organisasi.jalur, tahun=tahun)
        .select_related("organisasi")
        .order_by("organisasi__jalur", "pk")
    ):
        hasil[s.kategori].append(s)
    return hasil


def susunan(organisasi: Organisasi) -> dict[str, list[Organisasi]]:
    """Units below the organisation per jenis, and UKPD per coordinating asisten."""
    per_jenis: dict[str, list[Organisasi]] = defaultdict(list)
    for o in organisasi.turunan(termasuk_diri=False).select_related("koordinator", "induk"):
        per_jenis[o.jenis].append(o)
    return per_jenis


def ukpd_per_asisten(organisasi: Organisasi) -> dict[Organisasi, list[Organisasi]]:
    hasil: dict[Organisasi, list[Organisasi]] = defaultdict(list)
    for o in (
        organisasi.turunan(termasuk_diri=False)
        .filter(jenis=JenisOrganisasi.UKPD)
        .select_related("koordinator")
        .order_by("koordinator__urutan", "koordinator__pk", "urutan", "pk")
    ):
        if o.koordinator_id:
            hasil[o.koordinator].append(o)
    return hasil


def renstra_berlaku(organisasi: Organisasi, tahun: int) -> Renstra | None:
    return (
        Renstra.objects.filter(organisasi=organisasi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .prefetch_related("tujuan")
        .first()
    )


def sasaran_renstra(organisasi: Organisasi) -> list[Sasaran]:
    return list(
        Sasaran.objects.filter(organisasi=organisasi)
        .select_related("tujuan")
        .prefetch_related("indikator")
        .order_by("nomor")
    )


def revisi_pk(pk) -> list[tuple[RevisiPK, list[PerubahanTarget]]]:
    if pk is None:
        return []
    return [
        (r, list(r.perubahan.select_related("butir__indikator")))
        for r in RevisiPK.objects.filter(pk_dokumen=pk).order_by("nomor")
    ]


def program_anggaran(organisasi: Organisasi, tahun: int) -> list[ProgramAnggaran]:
    """Programs and their kegiatan in tree order, with linked sasaran and output indicators."""
    semua = list(
        ProgramAnggaran.objects.filter(organisasi=organisasi, tahun=tahun)
        .prefetch_related("sasaran", "indikator_keluaran")
        .order_by("urutan", "pk")
    )
    anak: dict[int | None, list] = defaultdict(list)
    for p in semua:
        anak[p.induk_id].append(p)
    urut: list[ProgramAnggaran] = []

    def jalan(induk_id):
        for p in anak.get(induk_id, []):
            urut.append(p)
            jalan(p.pk)

    jalan(None)
    return urut


def rencana_aksi(organisasi: Organisasi, tahun: int) -> list[RencanaAksi]:
    return list(
        RencanaAksi.objects.filter(organisasi=organisasi, tahun=tahun)
        .select_related("indikator", "penanggung_jawab")
        .order_by("pk")
    )


def narasi_tersimpan(organisasi: Organisasi, tahun: int) -> dict[str, NarasiLkip]:
    return {n.kunci: n for n in NarasiLkip.objects.filter(organisasi=organisasi, tahun=tahun)}


def pekerjaan_terakhir(organisasi: Organisasi, tahun: int, n: int = 10) -> list[PekerjaanLkip]:
    return list(PekerjaanLkip.objects.filter(organisasi=organisasi, tahun=tahun)[:n])
