"""docs/rumus.md: every worked example is run and must print exactly what the document shows."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOKUMEN = Path(__file__).resolve().parents[2] / "docs" / "rumus.md"
POLA = re.compile(
    r"```sh\necho '(?P<masukan>.*?)' \| kinerja rumus (?P<argumen>[^\n]*)\n```\n```(?P<jenis>json|text)\n(?P<keluaran>.*?)\n```",
    re.S,
)

CONTOH = [m.groupdict() for m in POLA.finditer(DOKUMEN.read_text(encoding="utf-8"))]


def test_dokumen_memuat_contoh_setiap_rumus():
    from kinerja.cli.rumus import RUMUS

    diliput = {c["argumen"].split()[0] for c in CONTOH}
    assert diliput == set(RUMUS)


@pytest.mark.parametrize("contoh", CONTOH, ids=[c["argumen"] for c in CONTOH])
def test_contoh_dokumen(contoh):
    proses = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", "rumus", *shlex.split(contoh["argumen"])],
        input=contoh["masukan"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if contoh["jenis"] == "json":
        assert proses.returncode == 0, proses.stderr
        assert proses.stdout.strip() == contoh["keluaran"].strip()
    else:
        assert proses.returncode == 2
        assert proses.stdout == ""
        assert proses.stderr.strip() == contoh["keluaran"].strip()
