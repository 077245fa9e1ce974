"""Selectors: reads for pages, API, exports and (later) the LKIP builder.

A fixed number of queries per call regardless of the number of indicators: the PK lines
with their indicator and sasaran in one query, all realisasi of the year in one more, then
the engine computes capaian, sasaran means and predikat counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef

from kinerja.angka import angka_ringkas
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import (
    AngkaTerbit,
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
    TargetRenstra,
)
from kinerja.rumus import capaian as rc
from kinerja.rumus import sasaran as rs
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import JUMLAH_PERIODE, agregasi_periode
from kinerja.rumus.reviu import Pemeriksaan, Temuan, reviu

S = StatusRealisasi


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


def hitung_capaian_butir(
    indikator: Indikator, butir, nilai, nilai_teks=""
) -> rc.HasilCapaian | None:
    """Capaian of a realisasi against a PK line, with the indicator's own settings."""
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


def _nilai_tahunan(
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


def _status_terlemah(rows: list[Realisasi]) -> str:
    urutan = [S.DRAFT, S.DIKEMBALIKAN, S.DIAJUKAN, S.DIVERIFIKASI]
    if not rows:
        return ""
    return min((r.status for r in rows), key=urutan.index)


def pk_organisasi(organisasi: Organisasi, tahun: int) -> PerjanjianKinerja | None:
    return PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun=tahun).first()


def baris_capaian(
    organisasi: Organisasi,
    tahun: int,
    *,
    hanya_terverifikasi: bool = False,
    pk: PerjanjianKinerja | None = None,
) -> list[BarisCapaian]:
    """Every PK line of the organisation's year with its realisasi and engine-computed capaian."""
    pk = pk or pk_organisasi(organisasi, tahun)
    if pk is None:
        return []
    butir = list(
        ButirPK.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran", "indikator__organisasi")
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
    if hanya_terverifikasi:
        qs = qs.filter(status=S.DIVERIFIKASI)
    per_indikator: dict[int, dict] = defaultdict(dict)
    for r in qs:
        per_indikator[r.indikator_id][(r.jenis_periode, r.ke)] = r
    hasil = []
    for b in butir:
        ind = b.indikator
        baris = per_indikator.get(ind.pk, {})
        nilai, nilai_teks, dipakai = _nilai_tahunan(ind, baris)
        hasil.append(
            BarisCapaian(
                butir=b,
                indikator=ind,
                target=b.target,
                target_teks=b.target_teks,
                realisasi=nilai,
                realisasi_teks=nilai_teks,
                per_periode=baris,
                hasil=hitung_capaian_butir(ind, b, nilai, nilai_teks),
                status=_status_terlemah(dipakai),
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


def dasbor(organisasi: Organisasi, tahun: int, *, hanya_terverifikasi: bool = False) -> Dasbor:
    pk = pk_organisasi(organisasi, tahun)
    baris = baris_capaian(organisasi, tahun, hanya_terverifikasi=hanya_terverifikasi, pk=pk)
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
        peringatan=peringatan_target(organisasi, tahun, baris),
    )


def capaian_realisasi(realisasi: Realisasi) -> rc.HasilCapaian | None:
    """Capaian of one realisasi row against the PK target of its year (None without a PK line)."""
    butir = (
        ButirPK.objects.filter(indikator=realisasi.indikator, pk_dokumen__tahun=realisasi.tahun)
        .select_related("indikator")
        .first()
    )
    if butir is None:
        return None
    ind = realisasi.indikator
    akhir = JUMLAH_PERIODE.get(realisasi.jenis_periode, 1)
    if (
        ind.cara_agregasi == "kumulatif"
        and realisasi.jenis_periode != "tahun"
        and realisasi.ke < akhir
    ):
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


def riwayat_indikator(indikator: Indikator, *, hanya_terverifikasi: bool = False) -> list[dict]:
    """Yearly series (target from the PK of each year, realisasi, capaian) for trend charts."""
    target = {
        b.pk_dokumen.tahun: b
        for b in ButirPK.objects.filter(indikator=indikator).select_related("pk_dokumen")
    }
    seri = []
    qs = Realisasi.objects.filter(indikator=indikator, jenis_periode="tahun").order_by("tahun")
    if hanya_terverifikasi:
        qs = qs.filter(status=S.DIVERIFIKASI)
    for r in qs:
        b = target.get(r.tahun)
        seri.append(
            {
                "tahun": r.tahun,
                "target": b.target if b else None,
                "realisasi": r.nilai,
                "capaian": hitung_capaian_butir(indikator, b, r.nilai, r.nilai_teks) if b else None,
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
            nilai, _, dipakai = _nilai_tahunan(i, per_periode)
        except DataTidakValid:
            continue
        if nilai is not None and _status_terlemah(dipakai) == S.DIVERIFIKASI:
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
