"""`./kinerja terjemahan --periksa` through the installed command, as CI and a translator run
it: exit 0 on the committed catalogue, a one-line confirmation, nothing written."""

import os
import subprocess
import sys

from kinerja.inti import terjemahan


def test_periksa_lewat_perintah_kinerja(tmp_path):
    po = terjemahan.berkas_po()
    sebelum = (po.read_bytes(), po.with_suffix(".mo").read_bytes())
    env = {**os.environ, "KINERJA_DATA_DIR": str(tmp_path)}
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", "terjemahan", "--periksa"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "Katalog en lengkap dan mutakhir."
    assert (po.read_bytes(), po.with_suffix(".mo").read_bytes()) == sebelum
