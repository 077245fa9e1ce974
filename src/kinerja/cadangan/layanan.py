"""Backup and restore of a whole installation (keputusan 0022): the database through
django-dbbackup's connectors (SQLite's online backup API; pg_dump/pg_restore in custom
format), the uploaded files (MEDIA_ROOT) as a tar, and a manifest with the row count of every
table and the sha256 of every file, so a restore can prove it brought back what was saved.

A restore goes only into an empty database and data folder (or with `timpa=True`), checks
the files against the manifest before touching anything, and recounts afterwards."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

NAMA_MANIFEST = "manifest.json"
NAMA_BERKAS = "berkas.tar"
# rows `migrate` itself writes: a migrated database without them counts as empty
TABEL_SKEMA = {"django_migrations", "django_content_type", "auth_permission", "django_site"}


class CadanganGagal(Exception):
    """A backup or restore refused or failed; the message says why, in Indonesian."""


@dataclass
class HasilPulih:
    tabel: int
    baris: int
    berkas: int


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for potong in iter(lambda: f.read(1 << 20), b""):
            h.update(potong)
    return h.hexdigest()


def hitung_baris(alias: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Row count of every table of the database (not only Django's models: the queue's and
    any other table count too)."""
    conn = connections[alias]
    with conn.cursor() as c:
        nama = sorted(conn.introspection.table_names(c))
        hasil = {}
        for t in nama:
            c.execute(f"SELECT COUNT(*) FROM {conn.ops.quote_name(t)}")  # noqa: S608 (introspected)
            hasil[t] = c.fetchone()[0]
    return hasil


def _konektor(alias: str):
    from dbbackup.db.base import get_connector

    return get_connector(alias)


def cadangkan(folder: Path, *, alias: str = DEFAULT_DB_ALIAS, media: Path | None = None) -> dict:
    """Write the backup into `folder` (created; must be empty) and return the manifest."""
    folder = Path(folder)
    media = Path(media or settings.MEDIA_ROOT)
    if folder.exists() and any(folder.iterdir()):
        raise CadanganGagal(f"Folder cadangan {folder} tidak kosong; pilih folder baru.")
    folder.mkdir(parents=True, exist_ok=True)
    konektor = _konektor(alias)
    vendor = connections[alias].vendor
    # counts first, in the same state the dump sees: the manifest is taken while nobody
    # writes (the command is run with the service stopped or quiet, README)
    baris = hitung_baris(alias)
    dump = folder / f"basis-data.{konektor.extension}"
    sumber = konektor.create_dump()
    with dump.open("wb") as f:
        shutil.copyfileobj(sumber, f)
    arsip = folder / NAMA_BERKAS
    daftar_berkas = {}
    with tarfile.open(arsip, "w") as tar:
        if media.is_dir():
            for path in sorted(p for p in media.rglob("*") if p.is_file()):
                rel = path.relative_to(media).as_posix()
                daftar_berkas[rel] = _sha256(path)
                tar.add(path, arcname=rel, recursive=False)
    manifest = {
        "format": 1,
        "dibuat": timezone.now().isoformat(),
        "basis_data": vendor,
        "konektor": f"{type(konektor).__module__}.{type(konektor).__name__}",
        "berkas_basis_data": dump.name,
        "tabel": baris,
        "jumlah_baris": sum(baris.values()),
        "berkas_unggahan": daftar_berkas,
        "sha256": {dump.name: _sha256(dump), arsip.name: _sha256(arsip)},
    }
    (folder / NAMA_MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return manifest


def baca_manifest(folder: Path) -> dict:
    """The manifest, with every listed file present and unchanged; else CadanganGagal."""
    folder = Path(folder)
    path = folder / NAMA_MANIFEST
    if not path.is_file():
        raise CadanganGagal(f"{folder} bukan folder cadangan Kinerja: {NAMA_MANIFEST} tidak ada.")
    try:
        manifest = json.loads(path.read_text())
        sha = dict(manifest["sha256"])
        manifest["tabel"], manifest["berkas_basis_data"]  # noqa: B018 (required keys)
    except (ValueError, KeyError, TypeError):
        raise CadanganGagal(f"{NAMA_MANIFEST} rusak atau tidak lengkap.") from None
    for nama, harap in sha.items():
        berkas = folder / nama
        if not berkas.is_file():
            raise CadanganGagal(f"Berkas cadangan {nama} hilang; pemulihan dibatalkan.")
        if _sha256(berkas) != harap:
            raise CadanganGagal(
                f"Berkas cadangan {nama} berubah sejak dicadangkan (sha256 tidak cocok); "
                "pemulihan dibatalkan."
            )
    return manifest


def isi_target(alias: str, media: Path) -> list[str]:
    """What the restore target already holds (empty list: empty)."""
    isi = []
    baris = {t: n for t, n in hitung_baris(alias).items() if t not in TABEL_SKEMA and n}
    if baris:
        isi.append(f"basis data berisi {sum(baris.values())} baris di {len(baris)} tabel")
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        isi.append(f"folder unggahan {media} berisi berkas")
    return isi


def pulihkan(
    folder: Path, *, alias: str = DEFAULT_DB_ALIAS, media: Path | None = None, timpa: bool = False
) -> HasilPulih:
    folder = Path(folder)
    media = Path(media or settings.MEDIA_ROOT)
    manifest = baca_manifest(folder)
    vendor = connections[alias].vendor
    if manifest.get("basis_data") != vendor:
        raise CadanganGagal(
            f"Cadangan ini dari basis data {manifest.get('basis_data')}, sedangkan tujuan "
            f"pemulihan {vendor}; pulihkan ke jenis basis data yang sama."
        )
    isi = isi_target(alias, media)
    if isi and not timpa:
        raise CadanganGagal(
            "Tujuan pemulihan tidak kosong (" + "; ".join(isi) + "). Pulihkan ke basis data "
            "dan folder data yang kosong, atau pakai --timpa untuk menimpanya."
        )
    konektor = _konektor(alias)
    dump = folder / manifest["berkas_basis_data"]
    if vendor == "sqlite":
        # the connector copies the file over the database: no open handle, no stale WAL
        nama = Path(connections[alias].settings_dict["NAME"])
        connections[alias].close()
        for ekor in ("-wal", "-shm"):
            Path(f"{nama}{ekor}").unlink(missing_ok=True)
    with dump.open("rb") as f:
        konektor.restore_dump(f)
    connections[alias].close()
    if timpa and media.is_dir():
        shutil.rmtree(media)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / NAMA_BERKAS) as tar:
        tar.extractall(media, filter="data")  # no absolute paths, links out or devices
    return periksa_pulihan(manifest, alias=alias, media=media)


def periksa_pulihan(manifest: dict, *, alias: str, media: Path) -> HasilPulih:
    """Recount every table and rehash every uploaded file against the manifest."""
    sekarang = hitung_baris(alias)
    beda = [
        f"{t}: {n} di cadangan, {sekarang.get(t)} sesudah pulih"
        for t, n in manifest["tabel"].items()
        if sekarang.get(t) != n
    ]
    for rel, harap in manifest.get("berkas_unggahan", {}).items():
        path = media / rel
        if not path.is_file():
            beda.append(f"berkas unggahan {rel} tidak ada sesudah pulih")
        elif _sha256(path) != harap:
            beda.append(f"berkas unggahan {rel} berbeda isinya")
    if beda:
        raise CadanganGagal("Hasil pemulihan tidak cocok dengan manifest: " + "; ".join(beda[:10]))
    return HasilPulih(
        tabel=len(sekarang),
        baris=sum(sekarang.values()),
        berkas=len(manifest.get("berkas_unggahan", {})),
    )


def izin_folder(folder: Path) -> None:
    """Backups hold personal data (survey fingerprints, accounts): owner-only."""
    os.chmod(folder, 0o700)
    for p in Path(folder).iterdir():
        os.chmod(p, 0o600)
