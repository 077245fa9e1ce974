"""Reading stored decimals that their column cannot hold without failing the whole page.

SQLite keeps whatever was written (a value of 20 digits, `1e309` as infinity), and Django's
SQLite backend then raises `decimal.InvalidOperation` while reading it, so one bad value made
every page, export and LKIP build of its organisation fail. Every entry point now refuses
such values (`kinerja.inti.nilai`); for values stored before, the decimal converter of each
SQLite connection reads a value outside its column as NULL ("not filled") and logs a warning
naming the column, and `kinerja periksa_nilai` finds and corrects them
(docs/keputusan/0024-batas-angka.md). PostgreSQL refuses such values when they are written.
"""

from __future__ import annotations

import decimal
import logging

from django.db.backends.signals import connection_created
from django.dispatch import receiver

log = logging.getLogger("kinerja.nilai")


def _toleran(ops) -> None:
    asli = ops.get_decimalfield_converter

    def get_decimalfield_converter(expression):
        ubah = asli(expression)

        def converter(value, expression, connection):
            try:
                hasil = ubah(value, expression, connection)
            except (decimal.InvalidOperation, TypeError, ValueError, OverflowError):
                hasil = None
            if hasil is None and value is not None or hasil is not None and not hasil.is_finite():
                kolom = getattr(getattr(expression, "target", None), "model", None)
                nama = getattr(expression, "target", expression)
                log.warning(
                    "nilai tersimpan %r di %s tidak muat di kolomnya; dibaca kosong. "
                    "Jalankan `kinerja periksa_nilai`.",
                    value,
                    f"{kolom._meta.label}.{nama.name}" if kolom else expression,
                )
                return None
            return hasil

        return converter

    ops.get_decimalfield_converter = get_decimalfield_converter
    ops._kinerja_toleran = True


@receiver(connection_created)
def _pasang(sender, connection, **kwargs):
    if connection.vendor == "sqlite" and not getattr(connection.ops, "_kinerja_toleran", False):
        _toleran(connection.ops)
