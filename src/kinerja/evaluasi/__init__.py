"""Evaluasi: results of the previous SAKIP evaluation and audit follow-ups (Tabel 9, 63-65)."""
