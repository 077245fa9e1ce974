"""Reviu of an LKIP as an inspector does it (PermenPAN-RB 53/2014): read the document's tables
and narrative figures (`ekstrak`), run the checks (`aturan`, one small rule each, naming its
source), report each figure that does not hold (`dokumen.Temuan`) and write the findings
(`keluaran`). Framework-free like `kinerja.rumus`: it imports nothing from Django, and all
arithmetic comes from the engine."""

from kinerja.reviu.dokumen import Temuan
from kinerja.reviu.ekstrak import BerkasTidakTerbaca
from kinerja.reviu.periksa import HasilReviu, periksa_berkas, periksa_dokumen, periksa_teks

__all__ = [
    "BerkasTidakTerbaca",
    "HasilReviu",
    "Temuan",
    "periksa_berkas",
    "periksa_dokumen",
    "periksa_teks",
]
