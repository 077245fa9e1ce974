"""Reads for the reviu pages: a user's uploads (bounded), one upload with its findings by
chapter, and the findings as `Temuan` again (for the XLSX writer)."""

from __future__ import annotations

from django.http import Http404

from kinerja.reviu.dokumen import Temuan
from kinerja.reviu_unggah.models import ReviuBerkas

BATAS_DAFTAR = 20


def reviu_pengguna(pengguna, n: int = BATAS_DAFTAR) -> list[ReviuBerkas]:
    return list(ReviuBerkas.objects.filter(dibuat_oleh=pengguna).defer("temuan")[:n])


def reviu_milik(pengguna, pk: int) -> ReviuBerkas:
    """The upload if it is the user's own (others' uploads are 404: not even their names)."""
    r = ReviuBerkas.objects.filter(pk=pk, dibuat_oleh=pengguna).first()
    if r is None:
        raise Http404("Reviu tidak ditemukan.")
    return r


def temuan(r: ReviuBerkas) -> list[Temuan]:
    kolom = set(Temuan.__dataclass_fields__)
    return [
        Temuan(**{k: v for k, v in t.items() if k in kolom and k != "selisih"}) for t in r.temuan
    ]


def temuan_lkip(organisasi, tahun: int) -> list[Temuan] | None:
    """Findings of the latest finished LKIP build of a unit and year (its reviu document's
    JSON: the data findings and the document checks), or None before any build. For other
    apps (e.g. an LKE suggestion in evaluasi) that need the reviu count without rebuilding."""
    import json
    from pathlib import Path

    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    p = (
        PekerjaanLkip.objects.filter(
            organisasi=organisasi, tahun=tahun, status=StatusPekerjaan.SELESAI
        )
        .only("folder")
        .first()
    )
    if p is None or not p.folder:
        return None
    berkas = sorted(Path(p.folder).glob("*-reviu.json"))
    if not berkas:
        return None
    kolom = set(Temuan.__dataclass_fields__)
    data = json.loads(berkas[0].read_text(encoding="utf-8"))
    return [Temuan(**{k: v for k, v in t.items() if k in kolom and k != "selisih"}) for t in data]


def temuan_per_bab(r: ReviuBerkas) -> list[tuple[str, list[dict]]]:
    kelompok: dict[str, list[dict]] = {}
    for t in r.temuan:
        kelompok.setdefault(t.get("bab") or "(tanpa bab)", []).append(t)
    return list(kelompok.items())
