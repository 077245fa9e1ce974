"""Reads of evaluation records, with the LKE total and predikat computed by the engine."""

from __future__ import annotations

from kinerja.evaluasi.models import EvaluasiSakip, TindakLanjutBPK
from kinerja.rumus import lke


def evaluasi_organisasi(organisasi):
    """Each evaluation with its components, findings and engine-computed LKE result."""
    daftar = []
    for e in (
        EvaluasiSakip.objects.filter(organisasi=organisasi)
        .prefetch_related("komponen", "temuan")
        .order_by("-tahun_dievaluasi")
    ):
        komponen = list(e.komponen.all())
        hasil = (
            lke.nilai_lke([{"nama": k.nama, "nilai": k.nilai} for k in komponen])
            if komponen
            else None
        )
        daftar.append(
            {"evaluasi": e, "komponen": komponen, "hasil": hasil, "temuan": list(e.temuan.all())}
        )
    return daftar


def tindak_lanjut_bpk(organisasi):
    return list(TindakLanjutBPK.objects.filter(organisasi=organisasi).order_by("tahun_pemeriksaan"))


# --- LKE worksheet ------------------------------------------------------------------------

from dataclasses import dataclass, field  # noqa: E402
from datetime import date  # noqa: E402
from decimal import Decimal  # noqa: E402

from django.db.models import Count, Prefetch, Q  # noqa: E402

from kinerja.evaluasi.models import (  # noqa: E402
    BuktiJawaban,
    Jawaban,
    LembarKerja,
    StatusRegister,
    TindakLanjut,
)
from kinerja.evaluasi.versi import struktur  # noqa: E402


@dataclass
class Skor:
    """Scores of one answer set (usulan or penetapan) through the engine."""

    sub: dict[str, Decimal]
    komponen: dict[str, Decimal]
    total: Decimal
    lengkap: bool  # every criterion answered: total and predikat are final figures
    predikat: str = ""
    interpretasi: str = ""
    terjawab: int = 0
    jumlah: int = 0


def hitung(versi, jawaban: dict[str, str]) -> Skor:
    """Score answers {kode: "A"} with the version's structure (rumus.lke, one engine)."""
    v = struktur(versi)
    isi = {k: n for k, n in jawaban.items() if n}
    semua = v.kriteria()
    if set(isi) >= set(semua):
        h = lke.nilai_lke_dari_jawaban({k: isi[k] for k in semua}, struktur=v.struktur, peta=v.peta)
        return Skor(
            sub={b[0]: b[2] for b in h.sub},
            komponen={b[0]: b[2] for b in h.komponen},
            total=h.nilai,
            lengkap=True,
            predikat=h.predikat,
            interpretasi=h.interpretasi,
            terjawab=len(semua),
            jumlah=len(semua),
        )
    sub, komp, total = lke.nilai_sebagian(isi, v)
    return Skor(sub, komp, total, False, terjawab=len(set(isi) & set(semua)), jumlah=len(semua))


def nilai_lembar(lembar: LembarKerja, jawaban: list[Jawaban] | None = None) -> tuple[Skor, Skor]:
    """(usulan, penetapan) of a worksheet; penetapan uses the evaluator's value, or the
    unit's where the evaluator agreed."""
    if jawaban is None:
        jawaban = list(lembar.jawaban.all())
    usulan = hitung(lembar.versi, {j.kode: j.nilai_usulan for j in jawaban})
    penetapan = hitung(lembar.versi, {j.kode: j.nilai_akhir for j in jawaban})
    return usulan, penetapan


@dataclass
class BarisKriteria:
    kode: str
    uraian: str
    skala: tuple
    jawaban: Jawaban
    bukti: list = field(default_factory=list)  # (BuktiJawaban, url)
    saran: object = None

    @property
    def beda_saran(self) -> bool:
        n = self.jawaban.nilai_akhir or self.jawaban.nilai_usulan
        return bool(self.saran and self.saran.nilai and n and n != self.saran.nilai)


def lembar_rinci(lembar: LembarKerja, *, dengan_saran: bool = True) -> dict:
    """Everything the worksheet page shows, in a bounded number of queries."""
    from kinerja.evaluasi.bukti import peta_realisasi, tautan
    from kinerja.evaluasi.saran import saran_lembar

    jawaban = {
        j.kode: j
        for j in lembar.jawaban.prefetch_related(
            Prefetch("bukti", queryset=BuktiJawaban.objects.order_by("id"))
        )
    }
    saran = saran_lembar(lembar) if dengan_saran else {}
    realisasi = peta_realisasi([b for j in jawaban.values() for b in j.bukti.all()])
    v = struktur(lembar.versi)
    usulan, penetapan = nilai_lembar(lembar, list(jawaban.values()))
    komponen = []
    for k in v.struktur:
        subs = []
        for s in k.sub:
            baris = []
            for kr in s.kriteria:
                j = jawaban.get(kr.kode) or Jawaban(lembar=lembar, kode=kr.kode)
                bukti = [
                    (b, tautan(b, lembar.organisasi, lembar.tahun, realisasi))
                    for b in (j.bukti.all() if j.pk else [])
                ]
                baris.append(
                    BarisKriteria(kr.kode, kr.uraian, kr.skala, j, bukti, saran.get(kr.kode))
                )
            subs.append(
                {
                    "kode": s.kode,
                    "nama": s.nama,
                    "bobot": s.bobot,
                    "nilai_usulan": usulan.sub[s.kode],
                    "nilai_penetapan": penetapan.sub[s.kode],
                    "kriteria": baris,
                }
            )
        komponen.append(
            {
                "kode": k.kode,
                "nama": k.nama,
                "bobot": k.bobot,
                "nilai_usulan": usulan.komponen[k.kode],
                "nilai_penetapan": penetapan.komponen[k.kode],
                "sub": subs,
            }
        )
    return {"komponen": komponen, "usulan": usulan, "penetapan": penetapan, "saran": saran}


def riwayat_nilai(organisasi) -> list[tuple[int, Decimal, str, str]]:
    """(tahun, nilai, predikat, sumber) of earlier evaluations: final worksheets in Kinerja
    and the external results recorded before (EvaluasiSakip), newest worksheet wins."""
    hasil = {}
    for e in evaluasi_organisasi(organisasi):
        if e["hasil"]:
            hasil[e["evaluasi"].tahun_dievaluasi] = (
                e["hasil"].nilai,
                e["hasil"].predikat,
                "tercatat",
            )
    for lembar in (
        LembarKerja.objects.filter(organisasi=organisasi, status="final")
        .select_related("versi")
        .prefetch_related("jawaban")
    ):
        _u, p = nilai_lembar(lembar)
        if p.lengkap:
            hasil[lembar.tahun] = (p.total, p.predikat, "lembar kerja")
    return [(t, *hasil[t]) for t in sorted(hasil)]


def rekap_lembar(lembar_qs) -> list[dict]:
    """Score many worksheets: two queries (worksheets, all their answers) then the engine."""
    daftar = list(lembar_qs.select_related("organisasi", "versi"))
    per = {}
    for j in Jawaban.objects.filter(lembar__in=[x.pk for x in daftar]).only(
        "lembar_id", "kode", "nilai_usulan", "nilai_penetapan", "ditinjau"
    ):
        per.setdefault(j.lembar_id, []).append(j)
    hasil = []
    for lembar in daftar:
        u, p = nilai_lembar(lembar, per.get(lembar.pk, []))
        hasil.append({"lembar": lembar, "usulan": u, "penetapan": p})
    return hasil


# --- follow-up register -------------------------------------------------------------------

TERBUKA = (StatusRegister.BELUM, StatusRegister.PROSES)


def register(organisasi, *, bawahan: bool = False):
    """Register entries of a unit (and the units below it)."""
    q = TindakLanjut.objects.select_related("organisasi", "ditutup_oleh")
    if bawahan:
        q = q.filter(organisasi__jalur__startswith=organisasi.jalur)
    else:
        q = q.filter(organisasi=organisasi)
    return q.order_by("-tahun", "sumber", "urutan", "id")


def terlambat(organisasi, *, bawahan: bool = False, hari_ini: date | None = None):
    """Open entries whose deadline has passed (the day after the deadline is overdue)."""
    hari_ini = hari_ini or date.today()
    return register(organisasi, bawahan=bawahan).filter(
        status__in=TERBUKA, batas_waktu__lt=hari_ini
    )


def ringkasan_register(
    organisasi, *, bawahan: bool = True, hari_ini: date | None = None, user=None
):
    """Counts of the register (all, open, overdue); with `user`, without the entries of
    worksheets that user may not see yet (as register_terlihat)."""
    hari_ini = hari_ini or date.today()
    q = register(organisasi, bawahan=bawahan)
    if user is not None:
        from kinerja.evaluasi.izin import dapat_melihat_lembar

        lembar = LembarKerja.objects.filter(
            pk__in=q.exclude(lembar=None).values("lembar_id")
        ).select_related("organisasi")
        q = q.exclude(lembar_id__in=[x.pk for x in lembar if not dapat_melihat_lembar(user, x)])
    return q.aggregate(
        jumlah=Count("id"),
        terbuka=Count("id", filter=Q(status__in=TERBUKA)),
        terlambat=Count("id", filter=Q(status__in=TERBUKA, batas_waktu__lt=hari_ini)),
    )


def tindak_lanjut_lkip(organisasi, tahun: int) -> list[TindakLanjut]:
    """Rows of the LKIP's Bab I table "tindak lanjut hasil evaluasi": the register's LHE
    entries of the latest evaluation before `tahun`."""
    terakhir = (
        TindakLanjut.objects.filter(organisasi=organisasi, sumber="lhe", tahun__lt=tahun)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    if terakhir is None:
        return []
    return list(
        TindakLanjut.objects.filter(organisasi=organisasi, sumber="lhe", tahun=terakhir).order_by(
            "urutan", "id"
        )
    )


def register_terlihat(user, entri):
    """Drop LHE entries of a worksheet the user may not see yet (not final, not theirs)."""
    from kinerja.evaluasi.izin import dapat_melihat_lembar

    entri = list(entri)
    lembar_id = {e.lembar_id for e in entri if e.lembar_id}
    if not lembar_id:
        return entri
    lembar = {
        x.pk: x for x in LembarKerja.objects.filter(pk__in=lembar_id).select_related("organisasi")
    }
    boleh = {pk for pk, x in lembar.items() if dapat_melihat_lembar(user, x)}
    return [e for e in entri if not e.lembar_id or e.lembar_id in boleh]
