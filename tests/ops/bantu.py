"""Run the installed `kinerja` command in a clean environment (no test keys)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KINERJA = str(Path(sys.executable).parent / "kinerja")
KUNCI_KUAT = "k" * 10 + "Zq8-vR2_wX5yT7uN4mB6cL1pD9sF3gH0jK8aQ2eW4rT6yU8iO"  # 59 chars


def env_bersih(data_dir: Path, **tambah) -> dict:
    """The environment of an operator's shell: no keys, SQLite in `data_dir`, the real
    settings module (not the test one)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("KINERJA_") and k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env["KINERJA_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "kinerja.settings"
    env.update({k: str(v) for k, v in tambah.items()})
    return env


def jalankan(argumen: list[str], env: dict, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [KINERJA, *argumen], env=env, capture_output=True, text=True, timeout=timeout
    )
