"""Reading stored decimals that their column cannot hold without failing the whole page.

SQLite keeps whatever was written (a value of 20 digits, `1e309` as infinity), and Django's
SQLite backend then raises `decimal.InvalidOperation` while reading it, so one bad value made
every page, export and LKIP build of its organisation fail. Every entry point now refuses
such values (`kinerja.inti.nilai`); for values stored before, the decimal converter of each
SQLite connection reads a value outside its column as NULL ("not filled") and logs a warning
naming the column, and `kinerja periksa_nilai` finds and corrects them
(docs/keputusan/0024-batas-angka.md). PostgreSQL refuses such values when they are written,
except NaN (possible through raw SQL), which its connections read as NULL the same way.
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
                _catat(value, expression)
                return None
            return hasil

        return converter

    ops.get_decimalfield_converter = get_decimalfield_converter
    ops._kinerja_toleran = True


def _catat(value, expression) -> None:
    target = getattr(expression, "target", None)
    model = getattr(target, "model", None)
    log.warning(
        "nilai tersimpan %r di %s tidak muat di kolomnya; dibaca kosong. "
        "Jalankan `kinerja periksa_nilai`.",
        value,
        f"{model._meta.label}.{target.name}" if model else expression,
    )


def _terhingga(value, expression, connection):
    if value is not None and not value.is_finite():
        _catat(value, expression)
        return None
    return value


def _toleran_postgresql(ops) -> None:
    asli = ops.get_db_converters

    def get_db_converters(expression):
        ubah = asli(expression)
        if expression.output_field.get_internal_type() == "DecimalField":
            ubah = [*ubah, _terhingga]
        return ubah

    ops.get_db_converters = get_db_converters
    ops._kinerja_toleran = True


@receiver(connection_created)
def _pasang(sender, connection, **kwargs):
    if getattr(connection.ops, "_kinerja_toleran", False):
        return
    if connection.vendor == "sqlite":
        _toleran(connection.ops)
    elif connection.vendor == "postgresql":
        _toleran_postgresql(connection.ops)
