"""Reads the report needs that the domain apps' selectors do not offer yet (Bab I and II).

Capaian, predikat, history, Renstra targets and peers come from
`kinerja.pengukuran.pemilih`; evaluation results from `kinerja.evaluasi.pemilih`.
"""

from __future__ import annotations

from collections import defaultdict

from kinerja.lkip.models import (
    NarasiLkip,
    PekerjaanLkip,
    PekerjaanMassal,
    StatusPekerjaan,
    TemplatLkip,
)
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


def perubahan_sejak_bangun(pekerjaan: PekerjaanLkip | None) -> list[str]:
    """What changed in the data a finished build read since it started, in words for the
    page ("perlu dibangun ulang"). Three queries: the unit's realisasi of the year verified
    or changed while verified after the build started, narrative edits (history, so a block
    put back to the generated text counts too) and the Word template."""
    from kinerja.pengukuran.models import Realisasi, StatusRealisasi

    if pekerjaan is None:
        return []
    sejak = pekerjaan.dibuat_pada
    org, tahun = pekerjaan.organisasi_id, pekerjaan.tahun
    hasil = []
    n = Realisasi.objects.filter(
        organisasi_id=org,
        tahun=tahun,
        status=StatusRealisasi.DIVERIFIKASI,
        diubah_pada__gt=sejak,
    ).count()
    if n:
        hasil.append(f"{n} realisasi diverifikasi atau diubah sesudah pembangunan terakhir")
    kunci = sorted(
        set(
            NarasiLkip.history.filter(
                organisasi_id=org, tahun=tahun, history_date__gt=sejak
            ).values_list("kunci", flat=True)
        )
    )
    if kunci:
        judul = {n.get("kunci"): n.get("judul") for n in pekerjaan.narasi}
        nama = [judul.get(k) or k for k in kunci]
        hasil.append(f"{len(kunci)} blok narasi disunting: " + "; ".join(nama[:5]))
    if TemplatLkip.objects.filter(organisasi_id=org, diunggah_pada__gt=sejak).exists():
        hasil.append("templat Word baru diunggah")
    return hasil


def massal_terakhir(
    organisasi: Organisasi, tahun: int, *, selesai: bool = False
) -> PekerjaanMassal | None:
    """The latest batch job of the parent unit and year (finished ones only: selesai)."""
    qs = PekerjaanMassal.objects.filter(organisasi=organisasi, tahun=tahun)
    if selesai:
        qs = qs.filter(status=StatusPekerjaan.SELESAI)
    return qs.first()


def unit_massal(pekerjaan: PekerjaanMassal) -> list[PekerjaanLkip]:
    """The job's units in tree order, with their organisation (one query)."""
    return list(
        PekerjaanLkip.objects.filter(massal=pekerjaan)
        .select_related("organisasi")
        .order_by("organisasi__jalur", "pk")
    )
