"""Write one row of example data, only when it is new or a value differs.

The one "save if changed" writer of every example loader (`contoh.muat`, `anggaran.contoh`,
`survei.contoh`): each finds its rows by natural key, so a second run writes nothing and
adds no empty history rows (keputusan 0030).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from django.db import models

Perubahan = Literal["baru", "diubah", "sama"]


def sama(lama, baru) -> bool:
    """Equal as stored: a Decimal equals the same number given as text or int."""
    if isinstance(lama, Decimal) or isinstance(baru, Decimal):
        if lama is None or baru is None:
            return lama is None and baru is None
        return Decimal(lama) == Decimal(baru)
    return lama == baru


def simpan_bila_berubah(
    model: type[models.Model],
    kunci: dict,
    nilai: dict,
    *,
    alasan_baru: str | None = None,
    alasan_ubah: str | None = None,
    awal: dict | None = None,
) -> tuple[models.Model, Perubahan]:
    """Get-or-create by natural key `kunci`, then set `nilai` and save only what differs.
    `awal` is set on a new row only (e.g. an order the user may change later); `alasan_*`
    become the history's change reason for a new or an updated row."""
    obj = model.objects.filter(**kunci).first()
    if obj is None:
        obj = model(**kunci, **(awal or {}), **nilai)
        obj._change_reason = alasan_baru
        obj.save()
        return obj, "baru"
    beda = {k: v for k, v in nilai.items() if not sama(getattr(obj, k), v)}
    if not beda:
        return obj, "sama"
    for k, v in beda.items():
        setattr(obj, k, v)
    obj._change_reason = alasan_ubah
    obj.save()  # every field, so auto_now fields move too
    return obj, "diubah"


def teks_cetak(nilai: str | None) -> str:
    """A transcribed figure ("101.5") as the report prints it ("101,5"): Indonesian notation
    with the decimals as transcribed."""
    if nilai in (None, ""):
        return ""
    from kinerja.angka import angka

    dp = len(str(nilai).partition(".")[2])
    return str(angka(Decimal(str(nilai)), dp))


def simpan_angka_terbit(
    organisasi,
    tahun: int,
    kunci: str,
    *,
    uraian: str,
    sumber: str,
    nilai: str | None,
    tabel: str,
    baris: str,
    kolom: str,
    nilai_teks: str = "",
    teks_terbit: str = "",
) -> Perubahan:
    """One published figure of the example (AngkaTerbit): what it is, where it is printed
    (table, row, column) and how (`teks_terbit`, by default the value as transcribed). The one
    writer of the example's published figures (`contoh.muat`, `anggaran.contoh`,
    `survei.contoh`; keputusan 0030)."""
    from kinerja.pengukuran.models import AngkaTerbit

    _, perubahan = simpan_bila_berubah(
        AngkaTerbit,
        {"organisasi": organisasi, "tahun": tahun, "kunci": kunci},
        {
            "uraian": uraian[:300],
            "sumber": sumber[:120],
            "nilai": None if nilai in (None, "") else Decimal(str(nilai)),
            "nilai_teks": nilai_teks,
            "tabel": tabel[:60],
            "baris": baris[:200],
            "kolom": kolom[:120],
            "teks_terbit": (teks_terbit or teks_cetak(nilai) or nilai_teks)[:60],
        },
    )
    return perubahan
