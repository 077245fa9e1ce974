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
