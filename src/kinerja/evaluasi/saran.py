"""Suggested answers for the criteria the data in Kinerja can judge, each with its reason.
A suggestion never becomes an answer: the page shows it beside the answer and marks an
answer that differs (docs/keputusan/0044)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from kinerja.angka import angka, tanggal


@dataclass(frozen=True)
class Saran:
    nilai: str
    alasan: str


def _pk(org, tahun):
    from kinerja.perencanaan.models import PerjanjianKinerja, StatusPK

    pk = PerjanjianKinerja.objects.filter(organisasi=org, tahun=tahun).first()
    if pk is None:
        return {"1.a.4": Saran("T", f"Perjanjian Kinerja {tahun} belum tercatat di Kinerja")}
    if pk.status != StatusPK.DITANDATANGANI:
        s = Saran("T", f"PK {tahun} masih draf (belum ditandatangani)")
        return {"1.a.4": s, "1.a.6": s}
    hasil = {"1.a.4": Saran("Y", f"PK {tahun} tercatat dan ditandatangani")}
    if not pk.tanggal:
        hasil["1.a.6"] = Saran("", f"tanggal penandatanganan PK {tahun} belum tercatat")
    else:
        batas = date(tahun, 2, 1)  # one month after the start of the budget year
        tepat = pk.tanggal <= batas
        hasil["1.a.6"] = Saran(
            "Y" if tepat else "T",
            f"PK {tahun} ditandatangani {tanggal(pk.tanggal)} "
            + ("(sebelum batas 1 bulan)" if tepat else f"(melewati batas {tanggal(batas)})"),
        )
    return hasil


def _realisasi(org, tahun):
    """Indicators of the signed PK with a verified realisasi in each semester."""
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import ButirPK

    indikator = set(
        ButirPK.objects.filter(pk_dokumen__organisasi=org, pk_dokumen__tahun=tahun).values_list(
            "indikator_id", flat=True
        )
    )
    if not indikator:
        return {}
    # A semester counts as covered by a verified semester value, or by a verified month or
    # quarter inside it (monthly entry covers both semesters).
    baris = (
        Realisasi.objects.filter(
            organisasi=org, tahun=tahun, indikator_id__in=indikator, status="diverifikasi"
        )
        .values("indikator_id")
        .annotate(
            s1=Count(
                "id",
                filter=Q(jenis_periode="semester", ke=1)
                | Q(jenis_periode="bulan", ke__lte=6)
                | Q(jenis_periode="triwulan", ke__lte=2),
            ),
            s2=Count(
                "id",
                filter=Q(jenis_periode="semester", ke=2)
                | Q(jenis_periode="bulan", ke__gt=6)
                | Q(jenis_periode="triwulan", ke__gt=2),
            ),
        )
    )
    lengkap = sum(1 for b in baris if b["s1"] and b["s2"])
    n = len(indikator)
    rasio = lengkap / n
    nilai = "Y" if lengkap == n else "T"
    skala = (
        "A"
        if rasio == 1
        else "B"
        if rasio >= 0.75
        else "C"
        if rasio >= 0.5
        else "D"
        if rasio
        else "E"
    )
    alasan = (
        f"{angka(lengkap, 0)} dari {angka(n, 0)} indikator memiliki realisasi terverifikasi "
        "tiap semester"
    )
    return {"2.a.4": Saran(nilai, alasan), "2.b.2": Saran(skala, alasan)}


def _lkip_tepat_waktu(org, tahun):
    """The previous year's LKIP built in Kinerja by 31 March (Perpres 29/2014 pasal 19)."""
    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    lalu = tahun - 1
    batas = date(tahun, 3, 31)
    p = (
        PekerjaanLkip.objects.filter(organisasi=org, tahun=lalu, status=StatusPekerjaan.SELESAI)
        .order_by("selesai_pada")
        .first()
    )
    if p is None or p.selesai_pada is None:
        return {}
    tepat = p.selesai_pada.date() <= batas
    return {
        "3.a.3": Saran(
            "Y" if tepat else "T",
            f"LKIP {lalu} disampaikan {'tepat waktu' if tepat else 'terlambat'} "
            f"({tanggal(p.selesai_pada.date())}; batas {tanggal(batas)})",
        )
    }


def jumlah_temuan_reviu(org, tahun: int) -> int | None:
    """Findings of the reviu of the latest LKIP built for the unit and year (None before any
    build). The one call into the reviu machinery (kinerja.reviu_unggah reads the build's
    reviu JSON; nothing is rebuilt)."""
    from kinerja.reviu_unggah.pemilih import temuan_lkip

    temuan = temuan_lkip(org, tahun)
    return None if temuan is None else len(temuan)


def _reviu(org, tahun):
    n = jumlah_temuan_reviu(org, tahun)
    if n is None:
        return {}
    nilai = "A" if n == 0 else "B" if n <= 3 else "C" if n <= 10 else "D"
    alasan = (
        "reviu LKIP tidak menemukan ketidaksesuaian"
        if n == 0
        else f"reviu LKIP menemukan {angka(n, 0)} ketidaksesuaian"
    )
    return {"3.a.4": Saran("Y", f"LKIP {tahun} telah direviu"), "3.b.4": Saran(nilai, alasan)}


def _register(org, tahun):
    """Follow-up of the previous year's LHE recommendations, from the register."""
    from kinerja.evaluasi.models import StatusRegister, SumberTindakLanjut, TindakLanjut

    q = TindakLanjut.objects.filter(
        organisasi=org, sumber=SumberTindakLanjut.LHE, tahun__lt=tahun
    ).aggregate(
        n=Count("id"),
        tutup=Count(
            "id", filter=Q(status__in=[StatusRegister.SELESAI, StatusRegister.TIDAK_DAPAT])
        ),
    )
    if not q["n"]:
        return {"4.a.4": Saran("T", "belum ada rekomendasi evaluasi tahun sebelumnya di register")}
    rasio = q["tutup"] / q["n"]
    nilai = (
        "A"
        if rasio == 1
        else "B"
        if rasio >= 0.75
        else "C"
        if rasio >= 0.5
        else "D"
        if rasio
        else "E"
    )
    alasan = (
        f"{angka(q['tutup'], 0)} dari {angka(q['n'], 0)} rekomendasi evaluasi tahun sebelumnya "
        "telah ditindaklanjuti (register)"
    )
    return {
        "4.a.4": Saran("Y", f"register memuat {angka(q['n'], 0)} rekomendasi tahun sebelumnya"),
        "4.c.1": Saran(nilai, alasan),
    }


def saran_lembar(lembar) -> dict[str, Saran]:
    """Suggestions per criterion kode for this worksheet's unit and year."""
    org, tahun = lembar.organisasi, lembar.tahun
    hasil: dict[str, Saran] = {}
    for f in (_pk, _realisasi, _lkip_tepat_waktu, _reviu, _register):
        hasil.update(f(org, tahun))
    kode = _kode_versi(lembar)
    return {k: v for k, v in hasil.items() if k in kode}


def _kode_versi(lembar) -> set[str]:
    from kinerja.evaluasi.versi import struktur

    return set(struktur(lembar.versi).kriteria())
