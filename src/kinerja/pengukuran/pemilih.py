"""Selectors: reads for the pages (dasbor, entry, verification), API, exports and the LKIP
builder.

A fixed number of queries per call regardless of the number of indicators or rows: the PK
lines with their indicator and sasaran in one query, all realisasi of the year in one more,
then the engine computes capaian, sasaran means and predikat counts.

Draft PKs (docs/keputusan/0019-penyusunan-pk.md, addendum): a PK that is not yet signed is
read like a draft realisasi. Readers of final figures only (`hanya_terverifikasi=True`, i.e.
users without `organisasi.lihat_draf`) get no draft PK and no draft targets at all: for them
the year has no PK yet. Everyone else gets the draft's lines marked (`Dasbor.pk_draf`,
`BarisIsian.draf`, `target_draf`), so a capaian against a target that may still change is
never shown as final.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, Q, Sum

from kinerja import angka as fmt
from kinerja.angka import angka_ringkas
from kinerja.organisasi.izin import penugasan_aktif
from kinerja.organisasi.models import Organisasi, Peran
from kinerja.pengukuran.models import (
    AksiRealisasi,
    AngkaTerbit,
    BatasWaktu,
    BuktiDukung,
    NilaiPembanding,
    PeristiwaRealisasi,
    Realisasi,
    StatusRealisasi,
)
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    JenisTarget,
    PerjanjianKinerja,
    PerubahanTarget,
    ProgramAnggaran,
    StatusPK,
    TargetRenstra,
    TingkatAnggaran,
)
from kinerja.reviu.terbit import Pemeriksaan, Temuan, reviu
from kinerja.rumus import capaian as rc
from kinerja.rumus import sasaran as rs
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import (
    JUMLAH_PERIODE,
    NAMA_BULAN,
    Periode,
    agregasi_periode,
    label_pendek,
    periksa_target_periode,
    periode_dalam_tahun,
    target_untuk_periode,
    uraian_nilai_tahunan,
)

S = StatusRealisasi


@dataclass
class BarisPeriode:
    """One period of a PK line: its realisasi, the target it is measured against and capaian."""

    jenis: str
    ke: int
    realisasi: Realisasi | None
    target: Decimal | None
    asal_target: str  # "periode", "tahun" or "" (rumus.periode.target_untuk_periode)
    hasil: rc.HasilCapaian | None

    @property
    def label(self) -> str:
        return label_pendek(self.jenis, self.ke)


@dataclass
class BarisCapaian:
    butir: ButirPK
    indikator: Indikator
    target: Decimal | None
    target_teks: str
    realisasi: Decimal | None
    realisasi_teks: str
    per_periode: dict[tuple[str, int], Realisasi]
    hasil: rc.HasilCapaian | None
    status: str  # the weakest status among the rows used ("" when none)
    catatan: str = ""
    periode: list[BarisPeriode] = field(default_factory=list)
    # how the yearly value is formed, said when it is not available yet
    keterangan_tahunan: str = ""

    @property
    def sasaran(self):
        return self.indikator.sasaran


@dataclass
class BarisSasaran:
    sasaran: object
    baris: list[BarisCapaian]
    hasil: rs.HasilSasaran


@dataclass
class Dasbor:
    organisasi: Organisasi
    tahun: int
    pk: PerjanjianKinerja | None
    baris: list[BarisCapaian] = field(default_factory=list)
    sasaran: list[BarisSasaran] = field(default_factory=list)
    rekap: dict[str, int] = field(default_factory=dict)
    temuan: list[Temuan] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)

    @property
    def pk_draf(self) -> bool:
        """The targets come from a PK that is not signed yet (shown only to drafters)."""
        return self.pk is not None and self.pk.status == StatusPK.DRAFT


@dataclass
class BarisAntrean:
    realisasi: Realisasi
    hasil: rc.HasilCapaian | None
    target_draf: bool = False  # capaian against the target of a PK not signed yet
    butir: ButirPK | None = None  # the PK line (target) the verifier judges against


@dataclass
class BarisIsian:
    indikator: Indikator
    butir: ButirPK
    target: str
    periode: list[tuple[Periode, Realisasi | None]]
    draf: bool = False  # the line belongs to a PK not signed yet


@dataclass
class UnitIsian:
    organisasi: Organisasi
    baris: list[BarisIsian] = field(default_factory=list)


def hitung_capaian_butir(
    indikator: Indikator, butir, nilai, nilai_teks="", *, target=None
) -> rc.HasilCapaian | None:
    """Capaian of a realisasi against a PK line, with the indicator's own settings;
    `target` replaces the line's single target (a period's target)."""
    if target is not None and indikator.jenis_target in (JenisTarget.BIASA, JenisTarget.TEPAT):
        if nilai is None:
            return rc.hitung_capaian(realisasi=None, target=target)
        try:
            return rc.hitung_capaian(
                realisasi=nilai,
                target=target,
                polaritas=indikator.polaritas,
                metode_negatif=indikator.metode_negatif,
                jenis_target="tepat" if indikator.jenis_target == JenisTarget.TEPAT else "biasa",
            )
        except DataTidakValid:
            return None
    if nilai is None and not nilai_teks:
        return rc.hitung_capaian(realisasi=None, target=butir.target or 0)
    try:
        if indikator.jenis_target == JenisTarget.KUALITATIF:
            return rc.hitung_capaian_kualitatif(
                realisasi=nilai_teks or None,
                target=butir.target_teks,
                skala_ordinal=indikator.skala_ordinal or "opini",
            )
        if indikator.jenis_target == JenisTarget.RENTANG:
            return rc.hitung_capaian(
                realisasi=nilai,
                target_bawah=butir.target_bawah,
                target_atas=butir.target_atas,
                polaritas=indikator.polaritas,
                metode_negatif=indikator.metode_negatif,
            )
        return rc.hitung_capaian(
            realisasi=nilai,
            target=butir.target,
            polaritas=indikator.polaritas,
            metode_negatif=indikator.metode_negatif,
            jenis_target="tepat" if indikator.jenis_target == JenisTarget.TEPAT else "biasa",
        )
    except DataTidakValid:
        return None


def nilai_tahunan(
    indikator: Indikator, baris: dict[tuple[str, int], Realisasi]
) -> tuple[Decimal | None, str, list]:
    """The yearly value: the 'tahun' row when present, otherwise the indicator's aggregation
    of its period rows (missing periods never count as 0)."""
    if ("tahun", 1) in baris:
        r = baris[("tahun", 1)]
        return r.nilai, r.nilai_teks, [r]
    jenis = indikator.frekuensi
    if jenis == "tahun":
        return None, "", []
    n = JUMLAH_PERIODE[jenis]
    deret = [baris.get((jenis, k)) for k in range(1, n + 1)]
    dipakai = [r for r in deret if r is not None]
    if not dipakai:
        return None, "", []
    hasil = agregasi_periode([r.nilai if r else None for r in deret], cara=indikator.cara_agregasi)
    return hasil.nilai, "", dipakai


def target_periode_butir(butir: ButirPK) -> dict[int, Decimal]:
    """The line's period targets of its indicator's frequency, ke -> target (prefetched
    `target_periode` is used when present)."""
    jenis = butir.indikator.frekuensi
    return {t.ke: t.target for t in butir.target_periode.all() if t.jenis_periode == jenis}


def _target_periode_berlaku(butir: ButirPK, jenis: str, ke: int):
    """rumus.periode.target_untuk_periode for one period of a PK line."""
    ind = butir.indikator
    numerik = ind.jenis_target in (JenisTarget.BIASA, JenisTarget.TEPAT)
    return target_untuk_periode(
        jenis=jenis,
        ke=ke,
        cara=ind.cara_agregasi,
        tahunan=butir.target if numerik else None,
        per_periode=target_periode_butir(butir) if numerik and jenis == ind.frekuensi else {},
    )


def baris_periode(butir: ButirPK, baris: dict[tuple[str, int], Realisasi]) -> list[BarisPeriode]:
    """Every period of the indicator's frequency with realisasi, target and capaian."""
    ind = butir.indikator
    jenis = ind.frekuensi
    if jenis == "tahun":
        return []
    hasil = []
    for ke in range(1, JUMLAH_PERIODE[jenis] + 1):
        r = baris.get((jenis, ke))
        t = _target_periode_berlaku(butir, jenis, ke)
        capaian = None
        if r is not None and (r.nilai is not None or r.nilai_teks):
            if t.asal == "periode":
                capaian = hitung_capaian_butir(ind, butir, r.nilai, r.nilai_teks, target=t.nilai)
            elif t.asal == "tahun":
                capaian = hitung_capaian_butir(ind, butir, r.nilai, r.nilai_teks)
            elif ind.jenis_target not in (JenisTarget.BIASA, JenisTarget.TEPAT):
                capaian = hitung_capaian_butir(ind, butir, r.nilai, r.nilai_teks)
        hasil.append(BarisPeriode(jenis, ke, r, t.nilai, t.asal, capaian))
    return hasil


def keterangan_tahunan(indikator: Indikator, periode: list[BarisPeriode]) -> str:
    """Said when the yearly value is not available yet: 'Nilai tahunan = triwulan terakhir
    (TW IV); baru TW I yang terverifikasi: 93,57% dari target TW I.'"""
    if not periode:
        return ""
    kalimat = uraian_nilai_tahunan(indikator.frekuensi, indikator.cara_agregasi)
    terisi = [p for p in periode if p.realisasi is not None]
    if not terisi:
        return f"{kalimat}; belum ada realisasi periode."
    label = ", ".join(p.label for p in terisi)
    semua_verif = all(p.realisasi.status == S.DIVERIFIKASI for p in terisi)
    keadaan = "terverifikasi" if semua_verif else "terisi"
    akhir = terisi[-1]
    if akhir.hasil is not None and akhir.hasil.capaian is not None:
        dari = f"target {akhir.label}" if akhir.asal_target == "periode" else "target tahunan"
        nilai = f": {fmt.persen(akhir.hasil.capaian)} dari {dari}"
    else:
        nilai = ""
    return f"{kalimat}; baru {label} yang {keadaan}{nilai}."


def status_terlemah(rows: list[Realisasi]) -> str:
    """The least advanced status of the rows a value comes from (draft < returned <
    submitted < verified): a yearly value is only as final as its weakest period."""
    urutan = [S.DRAFT, S.DIKEMBALIKAN, S.DIAJUKAN, S.DIVERIFIKASI]
    if not rows:
        return ""
    return min((r.status for r in rows), key=urutan.index)


def pk_organisasi(
    organisasi: Organisasi, tahun: int, *, dengan_draf: bool = False
) -> PerjanjianKinerja | None:
    """The unit's PK of the year; a draft only `dengan_draf` (users with
    `organisasi.lihat_draf`), otherwise None as if there were no PK yet."""
    pk = PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun=tahun).first()
    if pk is not None and pk.status == StatusPK.DRAFT and not dengan_draf:
        return None
    return pk


def baris_capaian(
    organisasi: Organisasi,
    tahun: int,
    *,
    hanya_terverifikasi: bool = False,
    pk: PerjanjianKinerja | None = None,
    realisasi_terverifikasi: bool | None = None,
) -> list[BarisCapaian]:
    """Every PK line of the organisation's year with its realisasi and engine-computed capaian.
    `hanya_terverifikasi`: verified realisasi and a signed PK only (no lines of a draft).
    `realisasi_terverifikasi`: verified realisasi only, whatever the PK's status (the LKIP:
    a draft PK is printed with a reviu finding, a draft realisasi never)."""
    if realisasi_terverifikasi is None:
        realisasi_terverifikasi = hanya_terverifikasi
    pk = pk or pk_organisasi(organisasi, tahun, dengan_draf=not hanya_terverifikasi)
    if pk is None or (hanya_terverifikasi and pk.status == StatusPK.DRAFT):
        return []
    butir = list(
        ButirPK.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran", "indikator__organisasi")
        .prefetch_related("target_periode")
        .order_by("indikator__sasaran__nomor", "urutan")
    )
    qs = Realisasi.objects.filter(indikator__in=[b.indikator_id for b in butir], tahun=tahun).only(
        # only what the table needs: 500 indicators x 12 months load 6,000 rows
        "indikator_id",
        "organisasi_id",
        "tahun",
        "jenis_periode",
        "ke",
        "nilai",
        "nilai_teks",
        "status",
        "penjelasan",
    )
    if realisasi_terverifikasi:
        qs = qs.filter(status=S.DIVERIFIKASI)
    per_indikator: dict[int, dict] = defaultdict(dict)
    for r in qs:
        per_indikator[r.indikator_id][(r.jenis_periode, r.ke)] = r
    hasil = []
    for b in butir:
        ind = b.indikator
        baris = per_indikator.get(ind.pk, {})
        nilai, nilai_teks, dipakai = nilai_tahunan(ind, baris)
        periode = baris_periode(b, baris)
        kosong = nilai is None and not nilai_teks
        hasil.append(
            BarisCapaian(
                periode=periode,
                keterangan_tahunan=keterangan_tahunan(ind, periode) if kosong else "",
                butir=b,
                indikator=ind,
                target=b.target,
                target_teks=b.target_teks,
                realisasi=nilai,
                realisasi_teks=nilai_teks,
                per_periode=baris,
                hasil=hitung_capaian_butir(ind, b, nilai, nilai_teks),
                status=status_terlemah(dipakai),
            )
        )
    return hasil


def ringkasan_sasaran(baris: list[BarisCapaian]) -> list[BarisSasaran]:
    kelompok: dict[int, list[BarisCapaian]] = {}
    for b in baris:
        kelompok.setdefault(b.sasaran.pk, []).append(b)
    return [
        BarisSasaran(
            sasaran=isi[0].sasaran,
            baris=isi,
            hasil=rs.capaian_sasaran([b.hasil.capaian if b.hasil else None for b in isi]),
        )
        for isi in kelompok.values()
    ]


def pemeriksaan_terbit(organisasi: Organisasi, tahun: int, baris, sasaran) -> list[Pemeriksaan]:
    """Published figures (AngkaTerbit) against what the data gives."""
    terbit = {a.kunci: a for a in AngkaTerbit.objects.filter(organisasi=organisasi, tahun=tahun)}
    daftar = []
    for s in sasaran:
        a = terbit.get(f"capaian_sasaran:{s.sasaran.pk}")
        if a:
            daftar.append(
                Pemeriksaan(
                    kode=a.kunci,
                    uraian=f"Rata-rata capaian sasaran {s.sasaran.nomor}",
                    sumber=a.sumber,
                    terbit=a.nilai,
                    hitung=s.hasil.capaian,
                    rumus=s.hasil.rumus,
                )
            )
    for b in baris:
        a = terbit.get(f"capaian_indikator:{b.indikator.pk}")
        if a and b.hasil:
            daftar.append(
                Pemeriksaan(
                    kode=a.kunci,
                    uraian=f"Capaian {b.indikator.nama}",
                    sumber=a.sumber,
                    terbit=a.nilai if a.nilai is not None else a.nilai_teks,
                    hitung=b.hasil.capaian,
                    rumus=b.hasil.rumus,
                )
            )
    return daftar


def peringatan_target(organisasi: Organisasi, tahun: int, baris: list[BarisCapaian]) -> list[str]:
    """The rule "target >= last year's realisasi", as a warning naming both numbers."""
    lalu = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__in=[b.indikator.pk for b in baris], tahun=tahun - 1, jenis_periode="tahun"
        )
    }
    pesan = []
    for b in baris:
        r = lalu.get(b.indikator.pk)
        if r is None or r.nilai is None or b.target is None:
            continue
        lebih_rendah = (
            b.target < r.nilai if b.indikator.polaritas == "positif" else b.target > r.nilai
        )
        if lebih_rendah:
            pesan.append(
                f"Target {tahun} '{b.indikator.nama}' ({angka_ringkas(b.target)}) lebih rendah daripada "
                f"realisasi {tahun - 1} ({angka_ringkas(r.nilai)})."
            )
    return pesan


def peringatan_target_periode(baris: list[BarisCapaian]) -> list[str]:
    """Period targets that do not form the yearly one (rumus.periode.periksa_target_periode)."""
    hasil = []
    for b in baris:
        ind = b.indikator
        if ind.frekuensi == "tahun" or ind.jenis_target not in (
            JenisTarget.BIASA,
            JenisTarget.TEPAT,
        ):
            continue
        per = target_periode_butir(b.butir)
        pesan = periksa_target_periode(
            jenis=ind.frekuensi, cara=ind.cara_agregasi, tahunan=b.butir.target, per_periode=per
        )
        if pesan:
            hasil.append(
                f"Target per periode '{ind.nama}' tidak membentuk target tahunan: {fmt.rumus(pesan)}."
            )
    return hasil


def dasbor(
    organisasi: Organisasi,
    tahun: int,
    *,
    hanya_terverifikasi: bool = False,
    realisasi_terverifikasi: bool | None = None,
) -> Dasbor:
    """The unit's year as the dashboard shows it. `hanya_terverifikasi` is the view of a user
    who may read final figures only: verified realisasi, and a PK only once it is signed (a
    draft PK gives `pk=None` and no lines). Otherwise a draft PK is used and `pk_draf` says so.
    `realisasi_terverifikasi` (the LKIP): verified realisasi only, a draft PK still used."""
    pk = pk_organisasi(organisasi, tahun, dengan_draf=not hanya_terverifikasi)
    baris = baris_capaian(
        organisasi,
        tahun,
        hanya_terverifikasi=hanya_terverifikasi,
        pk=pk,
        realisasi_terverifikasi=realisasi_terverifikasi,
    )
    sasaran = ringkasan_sasaran(baris)
    rekap = rs.rekap_predikat([b.hasil.capaian if b.hasil else None for b in baris])
    temuan = reviu(pemeriksaan_terbit(organisasi, tahun, baris, sasaran))
    return Dasbor(
        organisasi=organisasi,
        tahun=tahun,
        pk=pk,
        baris=baris,
        sasaran=sasaran,
        rekap=rekap,
        temuan=temuan,
        peringatan=peringatan_target(organisasi, tahun, baris) + peringatan_target_periode(baris),
    )


def capaian_realisasi(realisasi: Realisasi) -> rc.HasilCapaian | None:
    """Capaian of one realisasi row against the PK target of its year (None without a PK line).
    The PK may be a draft: pages for readers of final figures use `capaian_terhadap_butir`
    with the line `butir_pk_indikator(..., dengan_draf=False)` gives them."""
    return capaian_per_realisasi([realisasi])[0]


def butir_per_realisasi(daftar: list[Realisasi]) -> list[ButirPK | None]:
    """The PK line (with its PK, draft or signed) each row is measured against, in order;
    one query for all of them."""
    if not daftar:
        return []
    butir: dict[tuple[int, int], ButirPK] = {}
    for b in (
        ButirPK.objects.filter(
            indikator__in=sorted({r.indikator_id for r in daftar}),
            pk_dokumen__tahun__in=sorted({r.tahun for r in daftar}),
        )
        .select_related("pk_dokumen", "indikator")
        .prefetch_related("target_periode")
        .order_by("urutan", "pk")
    ):
        butir.setdefault((b.indikator_id, b.pk_dokumen.tahun), b)
    return [butir.get((r.indikator_id, r.tahun)) for r in daftar]


def capaian_per_realisasi(daftar: list[Realisasi]) -> list[rc.HasilCapaian | None]:
    """`capaian_realisasi` of each row, in order, with one query for the PK lines of all of
    them (the rows' indicators should be loaded already, e.g. by select_related)."""
    return [
        capaian_terhadap_butir(r, b)
        for r, b in zip(daftar, butir_per_realisasi(daftar), strict=True)
    ]


def capaian_terhadap_butir(realisasi: Realisasi, butir: ButirPK | None):
    """Capaian of a realisasi row against a given PK line (None without one, and for a part
    of a cumulative yearly figure)."""
    if butir is None:
        return None
    ind = realisasi.indikator
    if realisasi.jenis_periode != "tahun":
        t = _target_periode_berlaku(butir, realisasi.jenis_periode, realisasi.ke)
        if t.asal == "periode":
            return hitung_capaian_butir(
                ind, butir, realisasi.nilai, realisasi.nilai_teks, target=t.nilai
            )
        akhir = JUMLAH_PERIODE.get(realisasi.jenis_periode, 1)
        if ind.cara_agregasi == "kumulatif" and realisasi.ke < akhir:
            # A part of a cumulative yearly figure says nothing against the yearly target.
            return None
    return hitung_capaian_butir(ind, butir, realisasi.nilai, realisasi.nilai_teks)


def realisasi_sebelumnya(realisasi: Realisasi) -> Realisasi | None:
    """The previous period of the same kind in the same year, or last year's yearly value."""
    qs = Realisasi.objects.filter(indikator=realisasi.indikator)
    if realisasi.jenis_periode != "tahun" and realisasi.ke > 1:
        return qs.filter(
            tahun=realisasi.tahun, jenis_periode=realisasi.jenis_periode, ke=realisasi.ke - 1
        ).first()
    return qs.filter(tahun=realisasi.tahun - 1, jenis_periode="tahun").first()


def riwayat_indikator(
    indikator: Indikator,
    *,
    hanya_terverifikasi: bool = False,
    sampai_tahun: int | None = None,
    dengan_periode: bool = False,
) -> list[dict]:
    """Yearly series for trend charts and history tables: per year the PK target, the
    realisasi, the engine capaian, the year's rows (`baris`) and the weakest status among
    them (`status`). Two queries.

    By default only the 'tahun' rows count and only years that have one are listed (the
    LKIP history). With `dengan_periode=True` the yearly value is the one the dasbor uses
    (the 'tahun' row, otherwise the indicator's aggregation of its period rows) and years
    with only a PK line are listed too (the indicator page). `sampai_tahun` drops later
    years. `hanya_terverifikasi` also leaves out the targets of draft PKs; otherwise a year
    whose target comes from a draft has `target_draf`."""
    butir_qs = ButirPK.objects.filter(indikator=indikator).select_related("pk_dokumen")
    if hanya_terverifikasi:
        butir_qs = butir_qs.exclude(pk_dokumen__status=StatusPK.DRAFT)
    qs = Realisasi.objects.filter(indikator=indikator)
    if sampai_tahun is not None:
        butir_qs = butir_qs.filter(pk_dokumen__tahun__lte=sampai_tahun)
        qs = qs.filter(tahun__lte=sampai_tahun)
    if not dengan_periode:
        qs = qs.filter(jenis_periode="tahun")
    if hanya_terverifikasi:
        qs = qs.filter(status=S.DIVERIFIKASI)
    target = {b.pk_dokumen.tahun: b for b in butir_qs}
    per_tahun: dict[int, dict] = defaultdict(dict)
    for r in qs:
        per_tahun[r.tahun][(r.jenis_periode, r.ke)] = r
    daftar_tahun = set(per_tahun) | set(target) if dengan_periode else set(per_tahun)
    seri = []
    for th in sorted(daftar_tahun):
        b = target.get(th)
        baris = per_tahun.get(th, {})
        nilai, nilai_teks, _ = nilai_tahunan(indikator, baris)
        seri.append(
            {
                "tahun": th,
                "target": b.target if b else None,
                "target_teks": b.target_teks if b else "",
                "target_draf": b is not None and b.pk_dokumen.status == StatusPK.DRAFT,
                "realisasi": nilai,
                "realisasi_teks": nilai_teks,
                "capaian": hitung_capaian_butir(indikator, b, nilai, nilai_teks) if b else None,
                "baris": baris,
                # all of the year's rows, not only those the yearly value uses
                "status": status_terlemah(list(baris.values())),
            }
        )
    return seri


def target_renstra(indikator: Indikator) -> list[TargetRenstra]:
    return list(TargetRenstra.objects.filter(indikator=indikator).order_by("tahun", "sumber"))


SUMBER_DARI_DATA = "dari data Kinerja (realisasi terverifikasi)"


def _pembanding_dari_data(indikator: Indikator, tahun: int) -> dict[int, tuple[Decimal, str]]:
    """Verified yearly values of other organisations' indicators with the same kode:
    {organisasi_id: (nilai, nama)}, in one query (the first indicator per organisation)."""
    if not indikator.kode:
        return {}
    baris = (
        Realisasi.objects.filter(indikator__kode=indikator.kode, tahun=tahun, nilai__isnull=False)
        .exclude(indikator__organisasi_id=indikator.organisasi_id)
        .select_related("indikator__organisasi")
        .order_by("indikator__organisasi__jalur", "indikator_id")
    )
    per_indikator: dict[int, dict] = defaultdict(dict)
    ind: dict[int, Indikator] = {}
    for r in baris:
        per_indikator[r.indikator_id][(r.jenis_periode, r.ke)] = r
        ind[r.indikator_id] = r.indikator
    hasil: dict[int, tuple[Decimal, str]] = {}
    for ind_id, per_periode in per_indikator.items():
        i = ind[ind_id]
        if i.organisasi_id in hasil:
            continue
        try:
            nilai, _, dipakai = nilai_tahunan(i, per_periode)
        except DataTidakValid:
            continue
        if nilai is not None and status_terlemah(dipakai) == S.DIVERIFIKASI:
            hasil[i.organisasi_id] = (nilai, i.organisasi.nama)
    return hasil


def pembanding(indikator: Indikator, tahun: int) -> list[NilaiPembanding]:
    """Entered comparison values plus, for every other organisation with an indicator of the
    same kode, its verified yearly realisasi ("dari data", unsaved NilaiPembanding with
    `dari_data=True` and the organisation linked). An entered row for such an organisation is
    replaced by the data value; `nilai_isian` keeps the entered figure when they differ.
    Two queries."""
    isian = list(
        NilaiPembanding.objects.filter(indikator=indikator, tahun=tahun).select_related(
            "organisasi_pembanding"
        )
    )
    data = _pembanding_dari_data(indikator, tahun)
    hasil: list[NilaiPembanding] = []
    dipakai: set[int] = set()

    def dari_data(org_id: int, asal: NilaiPembanding | None) -> NilaiPembanding:
        nilai, nama = data[org_id]
        p = NilaiPembanding(
            indikator=indikator,
            tahun=tahun,
            nama=asal.nama if asal else nama,
            organisasi_pembanding_id=org_id,
            nilai=nilai,
            sumber=SUMBER_DARI_DATA,
            urutan=asal.urutan if asal else 0,
        )
        if asal is not None:
            p.organisasi_pembanding = asal.organisasi_pembanding
        p.dari_data = True
        p.nilai_isian = None
        if asal is not None and asal.nilai is not None and asal.nilai != nilai:
            p.nilai_isian = asal.nilai
            p.sumber += (
                f"; nilai isian {angka_ringkas(asal.nilai)} ({asal.sumber or 'tanpa sumber'}) "
                f"berbeda {angka_ringkas(abs(nilai - asal.nilai))} dari data"
            )
        return p

    for p in isian:
        org_id = p.organisasi_pembanding_id
        if org_id in data:
            if org_id not in dipakai:  # a second entered row for it is dropped as well
                dipakai.add(org_id)
                hasil.append(dari_data(org_id, p))
        else:
            p.dari_data, p.nilai_isian = False, None
            hasil.append(p)
    hasil += [dari_data(org_id, None) for org_id in data if org_id not in dipakai]
    return hasil


JENIS_KOTA = ("kota_administrasi", "kabupaten_administrasi")


def pembanding_kota_lain(indikator: Indikator, tahun: int) -> list[tuple[str, Decimal]]:
    """The other kota/kabupaten administrasi under the same province with an indicator of the
    same kode and a verified yearly value: [(nama, nilai)] in tree order (the LKIP's
    "dibandingkan dengan kota administrasi lain", keputusan 0058). Two queries; none for an
    indicator without kode or a unit without a parent."""
    org = indikator.organisasi
    if not indikator.kode or not org.induk_id:
        return []
    data = _pembanding_dari_data(indikator, tahun)
    if not data:
        return []
    saudara = (
        Organisasi.objects.filter(induk_id=org.induk_id, jenis__in=JENIS_KOTA, pk__in=list(data))
        .exclude(pk=org.pk)
        .order_by("jalur")
        .values_list("pk", flat=True)
    )
    return [(data[pk][1], data[pk][0]) for pk in saudara]


def antrean_verifikasi(user, organisasi: Organisasi):
    """Submitted realisasi in the units at and below `organisasi` that this user may verify
    (their own entries excluded)."""
    return (
        Realisasi.objects.filter(organisasi__jalur__startswith=organisasi.jalur, status=S.DIAJUKAN)
        .exclude(dibuat_oleh=user)
        .exclude(diajukan_oleh=user)
        .exclude(
            # the same event row must be by this user and an entry action (Exists, not two joins)
            Exists(
                PeristiwaRealisasi.objects.filter(
                    realisasi=OuterRef("pk"),
                    aktor=user,
                    aksi__in=["simpan", "unggah_bukti", "ajukan"],
                )
            )
        )
        .select_related("indikator", "organisasi")
        .order_by("organisasi__jalur", "indikator__urutan", "tahun", "ke")
    )


def antrean_verifikator(user) -> list[BarisAntrean]:
    """The user's whole queue: `antrean_verifikasi` of every unit where they verify (a unit
    below another of theirs is covered by the upper one), each row with its capaian. Two
    queries per such unit and one for all PK lines, whatever the length of the queue."""
    units = [
        p.organisasi for p in penugasan_aktif(user) if p.peran in (Peran.VERIFIKATOR, Peran.ADMIN)
    ]
    atas = [o for o in units if not any(o.pk != u.pk and o.di_bawah(u) for u in units)]
    baris: dict[int, Realisasi] = {}
    for org in atas:
        for r in antrean_verifikasi(user, org).prefetch_related("bukti"):
            baris.setdefault(r.pk, r)
    daftar = list(baris.values())
    return [
        BarisAntrean(
            realisasi=r,
            hasil=capaian_terhadap_butir(r, b),
            target_draf=b is not None and b.pk_dokumen.status == StatusPK.DRAFT,
            butir=b,
        )
        for r, b in zip(daftar, butir_per_realisasi(daftar), strict=True)
    ]


# --- entry pages --------------------------------------------------------------------------


def unit_operator(user) -> list[Organisasi]:
    """Units where the user enters data: operator there, or admin of the unit itself."""
    unit = {
        p.organisasi_id: p.organisasi
        for p in penugasan_aktif(user)
        if p.peran in (Peran.OPERATOR, Peran.ADMIN)
    }
    return sorted(unit.values(), key=lambda o: o.jalur)


def unit_pengisi(user) -> list[Organisasi]:
    """Units where the user may enter realisasi (the rule of `dapat_mengisi`): operator of the
    unit, or admin of it or of a unit above it; one query, tree order. Feeds the unit
    picker of the entry list, so a city admin reaches a kelurahan's entry by clicking."""
    tugas = penugasan_aktif(user)
    operator = [p.organisasi for p in tugas if p.peran == Peran.OPERATOR]
    admin = [p.organisasi for p in tugas if p.peran == Peran.ADMIN]
    if not operator and not admin:
        return []
    q = Q(pk__in=[o.pk for o in operator])
    for o in admin:
        q |= Q(jalur__startswith=o.jalur)
    return list(Organisasi.objects.filter(q).order_by("jalur"))


def daftar_isian(units: list[Organisasi], tahun: int) -> list[UnitIsian]:
    """The PK indicators of each unit for the year with a slot per expected period
    (from `Indikator.frekuensi`); two queries whatever the number of indicators. Lines of a
    draft PK are listed with `draf=True`: the entry pages are for the unit's operators and
    admins, who read drafts, and a realisasi is the indicator's measured value whatever the
    state of the PK (docs/keputusan/0019-penyusunan-pk.md, addendum)."""
    butir = (
        ButirPK.objects.filter(pk_dokumen__organisasi__in=units, pk_dokumen__tahun=tahun)
        .select_related("indikator__sasaran", "pk_dokumen")
        .order_by("indikator__sasaran__nomor", "urutan")
    )
    ada = {
        (r.indikator_id, r.jenis_periode, r.ke): r
        for r in Realisasi.objects.filter(
            indikator__in=[b.indikator_id for b in butir], tahun=tahun
        )
    }
    hasil = {o.pk: UnitIsian(organisasi=o) for o in units}
    for b in butir:
        ind = b.indikator
        periode = list(periode_dalam_tahun(ind.frekuensi, tahun))
        if ind.frekuensi != "tahun" and (ind.pk, "tahun", 1) in ada:
            periode.append(Periode("tahun", tahun, 1))  # a yearly figure entered besides
        hasil[b.pk_dokumen.organisasi_id].baris.append(
            BarisIsian(
                indikator=ind,
                butir=b,
                target=uraian_target(ind, b),
                periode=[(p, ada.get((ind.pk, p.jenis, p.ke))) for p in periode],
                draf=b.pk_dokumen.status == StatusPK.DRAFT,
            )
        )
    return list(hasil.values())


def realisasi_periode(
    indikator: Indikator, *, tahun: int, jenis_periode: str, ke: int
) -> Realisasi | None:
    return (
        Realisasi.objects.select_related("organisasi", "indikator")
        .filter(indikator=indikator, tahun=tahun, jenis_periode=jenis_periode, ke=ke)
        .first()
    )


def butir_pk_indikator(
    indikator: Indikator, tahun: int, *, dengan_draf: bool = False
) -> ButirPK | None:
    """The indicator's PK line of the year, with its PK; a draft's line only `dengan_draf`."""
    qs = ButirPK.objects.filter(indikator=indikator, pk_dokumen__tahun=tahun)
    if not dengan_draf:
        qs = qs.exclude(pk_dokumen__status=StatusPK.DRAFT)
    return qs.select_related("pk_dokumen").first()


def uraian_target(indikator: Indikator, butir: ButirPK | None) -> str:
    """The PK target as the entry pages print it (a range, a label or a number)."""
    if butir is None:
        return "belum ada di Perjanjian Kinerja tahun ini"
    if indikator.jenis_target == JenisTarget.KUALITATIF:
        return butir.target_teks or "-"
    if indikator.jenis_target == JenisTarget.RENTANG:
        bawah = fmt.angka(butir.target_bawah, 6, tetap=False)
        return f"{bawah} – {fmt.angka(butir.target_atas, 6, tetap=False)}"
    return fmt.angka(butir.target, 6, tetap=False)


def bukti_realisasi(realisasi: Realisasi) -> list[BuktiDukung]:
    return list(realisasi.bukti.order_by("diunggah_pada"))


LABEL_BIDANG = {
    "nilai": "Nilai",
    "pembilang": "Pembilang",
    "penyebut": "Penyebut",
    "nilai_teks": "Nilai (kualitatif)",
    "penjelasan": "Penjelasan",
    "bukti": "Bukti dukung",
}
BIDANG_ANGKA = {"nilai", "pembilang", "penyebut"}


def _nilai_riwayat(bidang: str, isi) -> str:
    if isi is None or isi == "":
        return "(kosong)"
    if bidang in BIDANG_ANGKA:
        try:
            return fmt.angka(isi, 6, tetap=False)
        except (ValueError, DataTidakValid):
            return str(isi)
    return str(isi)


def riwayat_realisasi(realisasi: Realisasi) -> list[dict]:
    """The append-only workflow events with old → new values ready to show."""
    status = dict(S.choices)
    daftar = []
    for e in realisasi.peristiwa.select_related("aktor"):
        perubahan = [
            (
                LABEL_BIDANG.get(bidang, bidang.capitalize()),
                _nilai_riwayat(bidang, lama_baru[0]),
                _nilai_riwayat(bidang, lama_baru[1]),
            )
            for bidang, lama_baru in (e.perubahan or {}).items()
            if lama_baru[0] != lama_baru[1]  # a new row lists empty ratio fields too
        ]
        daftar.append(
            {
                "peristiwa": e,
                "aktor": (e.aktor.get_full_name() or e.aktor.get_username()) if e.aktor else "-",
                "dari": status.get(e.dari_status, e.dari_status),
                "ke": status.get(e.ke_status, e.ke_status),
                "perubahan": perubahan,
            }
        )
    return daftar


def alasan_kembali(realisasi: Realisasi) -> PeristiwaRealisasi | None:
    """The last return or reopening of a returned realisasi, to show its reason."""
    if realisasi.status != S.DIKEMBALIKAN:
        return None
    return (
        realisasi.peristiwa.filter(aksi__in=[AksiRealisasi.KEMBALIKAN, AksiRealisasi.BUKA_KEMBALI])
        .select_related("aktor")
        .last()
    )


# --- kelengkapan (completeness) --------------------------------------------------------

ROMAWI = ("I", "II", "III", "IV")


def label_periode(jenis: str, ke: int) -> str:
    """'semester I', 'triwulan II', 'Maret', 'tahun' — for sentences and table heads."""
    if jenis == "bulan":
        return NAMA_BULAN[ke - 1]
    if jenis == "tahun":
        return "tahun"
    return f"{jenis} {ROMAWI[ke - 1]}"


STATUS_KELENGKAPAN = ["belum", S.DRAFT, S.DIAJUKAN, S.DIKEMBALIKAN, S.DIVERIFIKASI]
LABEL_KELENGKAPAN = {"belum": "Belum ada", **dict(S.choices)}


def kelengkapan_unit(units: list[Organisasi], tahun: int, draf_ids: set[int]) -> dict:
    """Per unit: periods expected (PK lines × periods of each line's frekuensi) and realisasi
    per status, counted by the database (GROUP BY); 'belum' is the remainder. In units whose
    drafts the user may not see, realisasi count only once verified and a draft PK's lines
    are not expected."""
    ids = [u.pk for u in units]
    pk_terlihat = Q(pk_dokumen__status=StatusPK.DITANDATANGANI) | Q(
        pk_dokumen__organisasi__in=draf_ids
    )
    harapan: dict[int, int] = defaultdict(int)
    for row in (
        ButirPK.objects.filter(pk_terlihat, pk_dokumen__tahun=tahun, pk_dokumen__organisasi__in=ids)
        .values("pk_dokumen__organisasi", "indikator__frekuensi")
        .annotate(n=Count("id"))
    ):
        harapan[row["pk_dokumen__organisasi"]] += (
            row["n"] * JUMLAH_PERIODE[row["indikator__frekuensi"]]
        )
    terlihat = Q(status=S.DIVERIFIKASI) | Q(organisasi__in=draf_ids)
    butir_terlihat = Q(indikator__butir_pk__pk_dokumen__status=StatusPK.DITANDATANGANI) | Q(
        organisasi__in=draf_ids
    )
    hitung: dict[int, dict] = defaultdict(dict)
    for row in (
        Realisasi.objects.filter(  # one filter(): the conditions on butir_pk share one join
            terlihat,
            butir_terlihat,
            organisasi__in=ids,
            tahun=tahun,
            jenis_periode=F("indikator__frekuensi"),
            indikator__butir_pk__pk_dokumen__tahun=tahun,
        )
        .values("organisasi", "status")
        .annotate(n=Count("id", distinct=True))
    ):
        hitung[row["organisasi"]][row["status"]] = row["n"]
    hasil = {}
    for u in units:
        h = hitung[u.pk]
        ada = sum(h.values())
        h["belum"] = max(harapan[u.pk] - ada, 0)
        hasil[u.pk] = {
            "harapan": harapan[u.pk],
            "status": [h.get(k, 0) for k in STATUS_KELENGKAPAN],
            "persen": Decimal(h.get(S.DIVERIFIKASI, 0)) * 100 / harapan[u.pk]
            if harapan[u.pk]
            else None,
        }
    return hasil


def kisi_indikator(org: Organisasi, tahun: int, boleh_draf: bool) -> tuple[list, int]:
    """The unit's own PK indicators × expected periods with the status of each cell (a
    draft PK's lines only for those who read drafts)."""
    qs_butir = ButirPK.objects.filter(pk_dokumen__organisasi=org, pk_dokumen__tahun=tahun)
    if not boleh_draf:
        qs_butir = qs_butir.exclude(pk_dokumen__status=StatusPK.DRAFT)
    butir = list(
        qs_butir.select_related("indikator").order_by("indikator__sasaran__nomor", "urutan")
    )
    qs = Realisasi.objects.filter(
        organisasi=org, tahun=tahun, jenis_periode=F("indikator__frekuensi")
    )
    if not boleh_draf:
        qs = qs.filter(status=S.DIVERIFIKASI)
    status = {(i, k): s for i, k, s in qs.values_list("indikator_id", "ke", "status")}
    kolom = max((JUMLAH_PERIODE[b.indikator.frekuensi] for b in butir), default=1)
    baris = []
    for b in butir:
        ind = b.indikator
        n = JUMLAH_PERIODE[ind.frekuensi]
        sel = []
        for k in range(1, n + 1):
            st = status.get((ind.pk, k), "belum")
            sel.append(
                {
                    "label": label_periode(ind.frekuensi, k),
                    "status": st,
                    "teks": LABEL_KELENGKAPAN[st],
                }
            )
        baris.append({"ind": ind, "sel": sel, "kosong": range(kolom - n)})
    return baris, kolom


def batas_waktu(
    org: Organisasi, tahun: int, hari_ini: dt.date, unit_ids: list[int], boleh_draf: bool
) -> list[dict]:
    """Deadlines that apply to the unit (set at the unit or above; the nearest wins), each
    with how many expected entries of that period are not yet in (submitted, or verified
    for readers of verified data only) across the units shown."""
    leluhur = [int(x) for x in org.jalur.strip("/").split("/") if x]
    kedalaman = {pk: i for i, pk in enumerate(leluhur)}
    batas: dict[tuple[str, int], BatasWaktu] = {}
    for b in sorted(
        BatasWaktu.objects.filter(organisasi__in=leluhur, tahun=tahun),
        key=lambda b: kedalaman[b.organisasi_id],
    ):
        batas[(b.jenis_periode, b.ke)] = b  # deeper units override
    if not batas:
        return []
    status_pk = (
        [StatusPK.DRAFT, StatusPK.DITANDATANGANI] if boleh_draf else [StatusPK.DITANDATANGANI]
    )
    harapan = dict(
        ButirPK.objects.filter(
            pk_dokumen__tahun=tahun,
            pk_dokumen__organisasi__in=unit_ids,
            pk_dokumen__status__in=status_pk,
        )
        .values_list("indikator__frekuensi")
        .annotate(n=Count("id"))
    )
    masuk = {
        (j, k): n
        for j, k, n in Realisasi.objects.filter(
            organisasi__in=unit_ids,
            tahun=tahun,
            status__in=[S.DIAJUKAN, S.DIVERIFIKASI] if boleh_draf else [S.DIVERIFIKASI],
            jenis_periode=F("indikator__frekuensi"),
            indikator__butir_pk__pk_dokumen__tahun=tahun,
            indikator__butir_pk__pk_dokumen__status__in=status_pk,
        )
        .values_list("jenis_periode", "ke")
        .annotate(n=Count("id", distinct=True))
    }
    hasil = []
    for (jenis, ke), b in sorted(batas.items(), key=lambda x: x[1].tanggal):
        kurang = max(harapan.get(jenis, 0) - masuk.get((jenis, ke), 0), 0)
        hasil.append(
            {
                "label": Periode(jenis, tahun, ke).label,
                "tanggal": b.tanggal,
                "kurang": kurang,
                "lewat": b.tanggal < hari_ini,
                "terlambat": b.tanggal < hari_ini and kurang > 0,
            }
        )
    return hasil


# --- readings of the dashboard pages (one selector each, shared with the API) -------------


def tahun_pk(organisasi: Organisasi) -> set[int]:
    """The years the unit has a PK for (the year switcher)."""
    return set(
        PerjanjianKinerja.objects.filter(organisasi=organisasi).values_list("tahun", flat=True)
    )


def perubahan_target(butir: ButirPK | None) -> list[PerubahanTarget]:
    """A PK line's target changes, in revision order."""
    if butir is None:
        return []
    return list(
        PerubahanTarget.objects.filter(butir=butir)
        .select_related("revisi")
        .order_by("revisi__nomor")
    )


def program_sasaran(sasaran_id: int, tahun: int) -> tuple[list[ProgramAnggaran], Decimal]:
    """Programs and activities behind a sasaran, and the pagu of the top rows (an activity
    under a listed program is not counted twice)."""
    program = list(
        ProgramAnggaran.objects.filter(sasaran=sasaran_id, tahun=tahun).order_by("urutan", "pk")
    )
    ids = {p.pk for p in program}
    return program, sum((p.pagu for p in program if p.induk_id not in ids), Decimal(0))


def butir_pk_urut(pk: PerjanjianKinerja) -> list[ButirPK]:
    """The PK's lines with indicator and sasaran, in sasaran order."""
    return list(
        ButirPK.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran")
        .order_by("indikator__sasaran__nomor", "urutan")
    )


def program_pk(organisasi: Organisasi, tahun: int) -> tuple[list[ProgramAnggaran], Decimal | None]:
    """The unit's programmes of the year (programme level) and their total pagu (GROUP BY
    in the database)."""
    qs = ProgramAnggaran.objects.filter(
        organisasi=organisasi, tahun=tahun, tingkat=TingkatAnggaran.PROGRAM
    )
    return list(qs.order_by("urutan", "pk")), qs.aggregate(total=Sum("pagu"))["total"]


def revisi_pk_dengan_perubahan(pk: PerjanjianKinerja) -> list:
    """The PK's revisions with their target changes prefetched."""
    return list(pk.revisi.prefetch_related("perubahan__butir__indikator"))


def indikator_dan_butir(
    organisasi: Organisasi, pk: PerjanjianKinerja | None
) -> list[tuple[Indikator, ButirPK | None]]:
    """Every indicator of the unit (sasaran order) with its line in `pk` (None when not in
    the PK), period targets prefetched: two queries whatever the number of indicators."""
    butir = (
        {
            b.indikator_id: b
            for b in ButirPK.objects.filter(pk_dokumen=pk).prefetch_related("target_periode")
        }
        if pk
        else {}
    )
    return [
        (i, butir.get(i.pk))
        for i in Indikator.objects.filter(organisasi=organisasi)
        .select_related("sasaran")
        .order_by("sasaran__nomor", "urutan", "pk")
    ]


def realisasi_tahun(organisasi: Organisasi, tahun: int, *, hanya_terverifikasi: bool):
    """The unit's realisasi rows of the year in indicator and period order; verified only for
    a user who may read final figures only."""
    qs = Realisasi.objects.filter(organisasi=organisasi, tahun=tahun).order_by(
        "indikator__sasaran__nomor", "indikator__urutan", "indikator_id", "jenis_periode", "ke"
    )
    if hanya_terverifikasi:
        qs = qs.filter(status=StatusRealisasi.DIVERIFIKASI)
    return qs
