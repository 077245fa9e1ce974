"""The reviu page: a user uploads an LKIP file and reads the findings (kinerja.reviu)."""
