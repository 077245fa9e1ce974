"""`kinerja periksa_nilai`: find stored numbers that their column cannot hold, and let an
admin correct them (docs/keputusan/0024-batas-angka.md).

Every DecimalField of every model of the project is checked in the database itself (one
query per column: larger than the column's digits, or more decimals than its scale, or
infinity/NaN). Historical tables (django-simple-history) are audit records and are not
changed. Exit status 1 while such values exist, so the command can run in a check.

    kinerja periksa_nilai
    kinerja periksa_nilai --perbaiki pengukuran.Realisasi 12 nilai 96.55 \
        --alasan "salah ketik, lihat nota dinas 3/2025" --oleh admin
    kinerja periksa_nilai --perbaiki pengukuran.Realisasi 12 nilai kosong --alasan ... --oleh admin

A correction is validated like an entry (`kinerja.inti.nilai`), written with the reason and
the admin in the row's history, and recorded in `KoreksiNilai` (append-only).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction

from kinerja.inti.nilai import BatasDesimal, desimal, masalah_desimal
from kinerja.pengukuran.models import AksiRealisasi, KoreksiNilai, PeristiwaRealisasi, Realisasi
from kinerja.rumus.bilangan import DataTidakValid

KOSONG = ("kosong", "null", "")


@dataclass(frozen=True)
class Temuan:
    model: type[models.Model]
    objek_id: object
    bidang: str
    tersimpan: object  # as the database driver returned it
    masalah: str

    def __str__(self) -> str:
        return (
            f"{self.model._meta.label} #{self.objek_id} {self.bidang}: "
            f"tersimpan {self.tersimpan!r}, {self.masalah}"
        )


def _riwayat(model) -> bool:
    return hasattr(model, "instance_type") and model.__name__.startswith("Historical")


def kolom_desimal():
    """(model, field, precision) of every DecimalField of the project's own models."""
    for model in apps.get_models():
        if not model.__module__.startswith("kinerja.") or _riwayat(model):
            continue
        for f in model._meta.concrete_fields:
            if isinstance(f, models.DecimalField):
                yield model, f, BatasDesimal(f.max_digits, f.decimal_places)


def _sebagai_desimal(x) -> Decimal | None:
    try:
        return Decimal(repr(x)) if isinstance(x, float) else Decimal(str(x))
    except InvalidOperation:
        return None


def periksa() -> list[Temuan]:
    """Every stored value outside its column, read with raw SQL (the ORM's converter would
    turn it into NULL or fail)."""
    q = connection.ops.quote_name
    hasil = []
    for model, f, batas in kolom_desimal():
        kol, pk = q(f.column), q(model._meta.pk.column)
        sql = (
            f"SELECT {pk}, {kol} FROM {q(model._meta.db_table)} WHERE {kol} IS NOT NULL AND "
            f"(ABS({kol}) >= %s OR {kol} <> ROUND({kol}, %s))"
        )
        if connection.vendor == "postgresql":
            sql += f" OR {kol} = 'NaN'"
        batas_atas = float(batas.maksimum) if connection.vendor == "sqlite" else batas.maksimum
        with connection.cursor() as c:
            c.execute(sql, [batas_atas, batas.desimal])
            baris = c.fetchall()
        for objek_id, tersimpan in baris:
            x = _sebagai_desimal(tersimpan)
            masalah = "bukan angka" if x is None else masalah_desimal(x, batas)
            if masalah:
                hasil.append(
                    Temuan(model, objek_id, f.name, tersimpan, f"{masalah} ({batas.uraian})")
                )
    return hasil


def perbaiki_nilai(
    *, label: str, objek_id: str, bidang: str, nilai: str, alasan: str, aktor
) -> KoreksiNilai:
    """Set a corrected value (or empty it) with a reason: validated, audited."""
    if not (getattr(aktor, "is_superuser", False) or getattr(aktor, "is_staff", False)):
        raise CommandError(f"'{aktor}' bukan admin: hanya admin yang boleh mengoreksi nilai.")
    if not (alasan or "").strip():
        raise CommandError("Alasan koreksi wajib diisi (--alasan).")
    try:
        model = apps.get_model(label)
        f = model._meta.get_field(bidang)
    except (LookupError, ValueError) as e:
        raise CommandError(f"Kolom {label}.{bidang} tidak dikenal: {e}") from None
    if not isinstance(f, models.DecimalField):
        raise CommandError(f"{label}.{bidang} bukan kolom angka desimal.")
    temuan = {(t.model, str(t.objek_id), t.bidang): t for t in periksa()}
    lama = temuan.get((model, str(objek_id), bidang))
    if lama is None:
        raise CommandError(
            f"{label} #{objek_id} {bidang} tidak ada di daftar nilai bermasalah; "
            "ubah nilai yang sah lewat halamannya."
        )
    if nilai.strip().lower() in KOSONG:
        if not f.null:
            raise CommandError(f"{label}.{bidang} tidak boleh kosong; isi nilai yang benar.")
        baru = None
    else:
        try:
            baru = desimal(nilai, BatasDesimal(f.max_digits, f.decimal_places), label=bidang)
        except DataTidakValid as e:
            raise CommandError(e.pesan) from None
    with transaction.atomic():
        obj = model._default_manager.select_for_update().get(pk=lama.objek_id)
        setattr(obj, bidang, baru)
        obj._change_reason = f"koreksi nilai: {alasan}"[:100]
        obj._history_user = aktor
        obj.save(update_fields=[bidang])
        teks_baru = "" if baru is None else format(baru, "f")
        if isinstance(obj, Realisasi):
            PeristiwaRealisasi.objects.create(
                realisasi=obj,
                aksi=AksiRealisasi.SIMPAN,
                dari_status=obj.status,
                ke_status=obj.status,
                aktor=aktor,
                alasan=f"koreksi nilai: {alasan}",
                perubahan={bidang: [repr(lama.tersimpan), teks_baru or None]},
            )
        return KoreksiNilai.objects.create(
            model=model._meta.label,
            objek_id=str(lama.objek_id),
            bidang=bidang,
            nilai_lama=repr(lama.tersimpan),
            nilai_baru=teks_baru,
            alasan=alasan.strip(),
            aktor=aktor,
        )


class Command(BaseCommand):
    help = (
        "Cari angka tersimpan yang tidak muat di kolomnya (digit, desimal, tak terhingga) "
        "di semua kolom desimal; --perbaiki untuk mengoreksinya dengan alasan (tercatat)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--perbaiki",
            nargs=4,
            metavar=("MODEL", "ID", "BIDANG", "NILAI"),
            help="koreksi satu nilai, mis. pengukuran.Realisasi 12 nilai 96.55 (NILAI 'kosong' "
            "mengosongkan)",
        )
        parser.add_argument("--alasan", default="", help="alasan koreksi (wajib)")
        parser.add_argument("--oleh", default="", help="nama pengguna admin yang mengoreksi")

    def handle(self, *args, perbaiki=None, alasan="", oleh="", **opts):
        if perbaiki:
            try:
                aktor = get_user_model().objects.get(username=oleh)
            except get_user_model().DoesNotExist:
                raise CommandError(f"Pengguna '{oleh}' tidak ada (--oleh).") from None
            label, objek_id, bidang, nilai = perbaiki
            k = perbaiki_nilai(
                label=label,
                objek_id=objek_id,
                bidang=bidang,
                nilai=nilai,
                alasan=alasan,
                aktor=aktor,
            )
            self.stdout.write(
                f"Dikoreksi: {k.model} #{k.objek_id} {k.bidang}: {k.nilai_lama} -> "
                f"{k.nilai_baru or '(kosong)'} oleh {aktor} ({k.alasan})."
            )
        temuan = periksa()
        for t in temuan:
            self.stdout.write(str(t))
        jumlah = sum(1 for _ in kolom_desimal())
        if temuan:
            raise CommandError(
                f"{len(temuan)} nilai di luar batas kolomnya ({jumlah} kolom desimal diperiksa); "
                "koreksi dengan --perbaiki MODEL ID BIDANG NILAI --alasan ... --oleh ADMIN."
            )
        self.stdout.write(f"Semua nilai muat di kolomnya ({jumlah} kolom desimal diperiksa).")
