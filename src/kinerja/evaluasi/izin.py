"""Who may do what on an LKE worksheet and the follow-up register, as `rules` predicates.

- the unit (its operator, or an admin at or above it) fills the self-assessment while the
  worksheet is a draft or returned;
- an evaluator acts only on the units assigned to them for that year (PenugasanEvaluasi);
- the pengendali teknis/mutu assigned signs the reviewed worksheet off;
- pimpinan and admin at or above the unit read it; other units read it only once final.
"""

from __future__ import annotations

import rules

from kinerja.evaluasi.models import PenugasanEvaluasi, PeranEvaluasi, StatusLembar
from kinerja.organisasi.izin import dapat_melihat_organisasi, dapat_mengisi, peran_atas
from kinerja.organisasi.models import Peran


def _ditugaskan(user, organisasi_id: int, tahun: int, peran: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cache = getattr(user, "_kinerja_penugasan_evaluasi", None)
    if cache is None:
        cache = set(
            PenugasanEvaluasi.objects.filter(pengguna=user).values_list(
                "organisasi_id", "tahun", "peran"
            )
        )
        user._kinerja_penugasan_evaluasi = cache
    return (organisasi_id, tahun, peran) in cache


def evaluator_ditugaskan(user, organisasi, tahun: int) -> bool:
    return _ditugaskan(user, organisasi.pk, tahun, PeranEvaluasi.EVALUATOR)


def pengendali_ditugaskan(user, organisasi, tahun: int) -> bool:
    return _ditugaskan(user, organisasi.pk, tahun, PeranEvaluasi.PENGENDALI)


def _atasan(user, organisasi) -> bool:
    return bool(peran_atas(user, organisasi) & {Peran.PIMPINAN, Peran.ADMIN})


@rules.predicate
def dapat_melihat_lembar(user, lembar) -> bool:
    org = lembar.organisasi
    if getattr(user, "is_superuser", False) or _atasan(user, org) or dapat_mengisi(user, org):
        return True
    if evaluator_ditugaskan(user, org, lembar.tahun) or pengendali_ditugaskan(
        user, org, lembar.tahun
    ):
        return True
    return lembar.status == StatusLembar.FINAL and dapat_melihat_organisasi(user, org)


@rules.predicate
def dapat_mengisi_lembar(user, lembar) -> bool:
    return dapat_mengisi(user, lembar.organisasi)


@rules.predicate
def dapat_meninjau_lembar(user, lembar) -> bool:
    return evaluator_ditugaskan(user, lembar.organisasi, lembar.tahun)


@rules.predicate
def dapat_menetapkan_lembar(user, lembar) -> bool:
    return pengendali_ditugaskan(user, lembar.organisasi, lembar.tahun)


@rules.predicate
def dapat_mengelola_register(user, organisasi) -> bool:
    """Record entries (BPK, arahan, pengaduan) for a unit: admin/evaluator above it."""
    return getattr(user, "is_superuser", False) or bool(
        peran_atas(user, organisasi) & {Peran.EVALUATOR, Peran.ADMIN}
    )


@rules.predicate
def dapat_menindaklanjuti(user, organisasi) -> bool:
    """Update an entry's status: the responsible unit (operator) or an admin above it."""
    return dapat_mengisi(user, organisasi)


rules.add_perm("evaluasi.lihat_lembar", dapat_melihat_lembar)
rules.add_perm("evaluasi.isi_lembar", dapat_mengisi_lembar)
rules.add_perm("evaluasi.tinjau_lembar", dapat_meninjau_lembar)
rules.add_perm("evaluasi.tetapkan_lembar", dapat_menetapkan_lembar)
rules.add_perm("evaluasi.kelola_register", dapat_mengelola_register)
rules.add_perm("evaluasi.tindak_lanjuti", dapat_menindaklanjuti)
