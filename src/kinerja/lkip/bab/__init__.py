"""The chapters of the LKIP, one module each; `kinerja.lkip.struktur` assembles them.

| module | builds |
|---|---|
| `dasar` | building blocks, shared PK readings |
| `pendahuluan` | kata pengantar, ringkasan eksekutif, daftar isi, Bab I |
| `perencanaan` | Bab II |
| `akuntabilitas` | Bab III |
| `penutup` | Bab IV |
| `lampiran` | Lampiran 1 (PK) and 2 (hasil reviu) |
"""
