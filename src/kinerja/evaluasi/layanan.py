"""Writes to evaluation records: the inspectorate records findings, the unit records follow-up."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.evaluasi.models import EvaluasiSakip, StatusTindakLanjut, TemuanEvaluasi
from kinerja.organisasi.izin import (
    PERAN_PEMBACA_BAWAHAN,
    dapat_mencatat_temuan,
    operator_di,
    peran_atas,
)


@transaction.atomic
def temuan_catat(
    *, evaluasi: EvaluasiSakip, komponen: str, temuan: str, rekomendasi: str, aktor
) -> TemuanEvaluasi:
    if not dapat_mencatat_temuan(aktor, evaluasi.organisasi):
        raise PermissionDenied("Hanya evaluator (inspektorat) yang dapat mencatat temuan evaluasi.")
    if not temuan.strip():
        raise ValidationError({"temuan": "Uraian temuan wajib diisi."})
    if not komponen.strip():
        raise ValidationError(
            {"komponen": "Sebutkan komponen LKE temuan ini (mis. Perencanaan Kinerja)."}
        )
    urutan = evaluasi.temuan.count() + 1
    t = TemuanEvaluasi(
        evaluasi=evaluasi,
        komponen=komponen.strip(),
        temuan=temuan.strip(),
        rekomendasi=rekomendasi.strip(),
        urutan=urutan,
    )
    t._change_reason = f"dicatat oleh {aktor}"
    t.save()
    _ke_register()
    return t


def _ke_register() -> None:
    """Keep the follow-up register complete: a finding recorded here becomes its entry."""
    from kinerja.evaluasi.models import TindakLanjut, TindakLanjutBPK
    from kinerja.evaluasi.salin import salin_ke_register

    salin_ke_register(TemuanEvaluasi, TindakLanjutBPK, TindakLanjut)


@transaction.atomic
def temuan_tindak_lanjut(
    *, temuan: TemuanEvaluasi, tindak_lanjut: str, status: str, aktor
) -> TemuanEvaluasi:
    """The evaluated unit (its operator or a superior) records what it did about a finding."""
    org = temuan.evaluasi.organisasi
    if not (operator_di(aktor, org) or peran_atas(aktor, org) & PERAN_PEMBACA_BAWAHAN):
        raise PermissionDenied("Anda tidak berwenang mencatat tindak lanjut untuk unit ini.")
    if status not in StatusTindakLanjut.values:
        raise ValidationError(
            {
                "status": f"Status '{status}' tidak dikenal (pilihan: {', '.join(StatusTindakLanjut.values)})."
            }
        )
    if status == StatusTindakLanjut.SELESAI and not tindak_lanjut.strip():
        raise ValidationError(
            {"tindak_lanjut": "Uraikan tindak lanjut sebelum menandai temuan selesai."}
        )
    temuan.tindak_lanjut = tindak_lanjut.strip()
    temuan.status = status
    temuan._change_reason = f"tindak lanjut oleh {aktor}"
    temuan.save()
    _ke_register()
    from kinerja.evaluasi.models import TindakLanjut

    for e in TindakLanjut.objects.filter(asal=f"temuan:{temuan.pk}"):
        e.status, e.uraian_tindak_lanjut = temuan.status, temuan.tindak_lanjut
        if temuan.status == StatusTindakLanjut.SELESAI:
            e.bukti_selesai, e.ditutup_oleh = temuan.tindak_lanjut, aktor
        e._change_reason = f"tindak lanjut oleh {aktor}"[:100]
        e.save()
    return temuan
