"""Secret keys of an installation: from the environment, or from a key file in the data folder.

There is no public fallback key. A key comes from its environment variable (production) or
from `<KINERJA_DATA_DIR>/rahasia/<nama>`, a random key written with 0600 permissions by
`kinerja demo` (or on first use in development, KINERJA_DEBUG=1) and reused afterwards.
Without either the settings refuse to load with `KunciTidakAda` (see docs/keputusan/0027).
Framework-free: the settings import this before Django is configured.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

FOLDER = "rahasia"
PANJANG = 50  # characters of token_urlsafe; Django's check --deploy wants >= 50


class KunciTidakAda(Exception):
    """A key is missing or unsafe; the message says what to do (Indonesian)."""


def berkas_kunci(data_dir: Path, nama: str) -> Path:
    return Path(data_dir) / FOLDER / nama


def buat_berkas(data_dir: Path, nama: str) -> Path:
    """Write a new random key file (0600) unless it exists; return its path."""
    jalur = berkas_kunci(data_dir, nama)
    jalur.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(jalur.parent, 0o700)
    try:
        fd = os.open(jalur, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return jalur
    with os.fdopen(fd, "w") as f:
        f.write(secrets.token_urlsafe(PANJANG) + "\n")
    return jalur


def baca_berkas(jalur: Path) -> str:
    mode = jalur.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise KunciTidakAda(
            f"Berkas kunci {jalur} dapat dibaca pengguna lain (izin {stat.filemode(mode)}). "
            f"Batasi dengan `chmod 600 {jalur}` lalu jalankan lagi."
        )
    kunci = jalur.read_text(encoding="utf-8").strip()
    if len(kunci) < 32:
        raise KunciTidakAda(f"Berkas kunci {jalur} kosong atau terlalu pendek (minimal 32 huruf).")
    return kunci


def kunci(
    variabel: str, data_dir: Path, nama: str, *, buat: bool, berkas_boleh: bool = True
) -> str:
    """The key from `variabel`, else from the key file (created first when `buat`), else
    KunciTidakAda with a message naming the variable and how to set it."""
    nilai = os.environ.get(variabel, "").strip()
    if nilai:
        if len(nilai) < 32:
            raise KunciTidakAda(
                f"{variabel} terlalu pendek ({len(nilai)} huruf): pakai kunci acak minimal 32 "
                "huruf, mis. keluaran `python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`."
            )
        return nilai
    jalur = berkas_kunci(data_dir, nama)
    if berkas_boleh:
        if buat and not jalur.exists():
            buat_berkas(data_dir, nama)
        if jalur.exists():
            return baca_berkas(jalur)
    raise KunciTidakAda(
        f"{variabel} belum diisi. Kinerja tidak berjalan tanpa kunci rahasia sendiri (tidak ada "
        "kunci bawaan, karena kunci umum membuat kuki dapat dipalsukan dan sidik data pribadi "
        f"dapat dibalik). Isi {variabel} dengan kunci acak, mis. keluaran "
        "`python3 -c 'import secrets; print(secrets.token_urlsafe(50))'`"
        + (
            f", atau jalankan `./kinerja demo` untuk instalasi percobaan (kunci acak dibuat di {jalur})."
            if berkas_boleh
            else " (KINERJA_PRODUKSI=1: kunci wajib dari lingkungan, bukan dari berkas)."
        )
    )
