"""`kinerja serve`: the production web server (gunicorn) with the checks a deployment needs.

Before serving: the settings load (no secret key → the Indonesian message, exit 1), no
migration is pending (`--migrate` applies them), the cache table exists, and static files
are collected (collectstatic copies only what changed). Then gunicorn replaces this process
(signals go straight to it):

  KINERJA_ALAMAT           bind address (bawaan 127.0.0.1:8000; mis. 0.0.0.0:8000, unix:/run/kinerja.sock)
  KINERJA_PEKERJA_WEB      worker processes (bawaan 2 × inti CPU + 1, paling banyak 8)
  KINERJA_BATAS_WAKTU_WEB  seconds before a stuck worker is restarted (bawaan 120)
"""

from __future__ import annotations

import argparse
import os
import sys


def tambah_parser(sub) -> None:
    p = sub.add_parser("serve", help="layani aplikasi web dengan gunicorn (produksi)")
    p.add_argument("--alamat", help="alamat bind (bawaan KINERJA_ALAMAT atau 127.0.0.1:8000)")
    p.add_argument("--pekerja", type=int, help="jumlah proses pekerja (bawaan KINERJA_PEKERJA_WEB)")
    p.add_argument("--migrate", action="store_true", help="jalankan migrasi yang tertunda dulu")
    p.set_defaults(fungsi=utama)


def _angka_env(nama: str, bawaan: int) -> int:
    nilai = os.environ.get(nama, "").strip()
    if not nilai:
        return bawaan
    try:
        n = int(nilai)
    except ValueError:
        raise SystemExit(f"kinerja serve: {nama} harus bilangan bulat, bukan '{nilai}'.") from None
    if n < 1:
        raise SystemExit(f"kinerja serve: {nama} minimal 1, bukan {n}.")
    return n


def perintah_gunicorn(*, alamat: str | None = None, pekerja: int | None = None) -> list[str]:
    alamat = alamat or os.environ.get("KINERJA_ALAMAT", "").strip() or "127.0.0.1:8000"
    pekerja = pekerja or _angka_env("KINERJA_PEKERJA_WEB", min(2 * (os.cpu_count() or 1) + 1, 8))
    batas = _angka_env("KINERJA_BATAS_WAKTU_WEB", 120)
    return [
        sys.executable, "-m", "gunicorn", "kinerja.wsgi:application",
        "--bind", alamat,
        "--workers", str(pekerja),
        "--timeout", str(batas),
        "--graceful-timeout", "30",
        "--keep-alive", "5",
        "--max-requests", "20000",
        "--max-requests-jitter", "2000",  # recycle workers: bounded memory over months
        "--limit-request-line", "8190",
        "--access-logfile", "-",
        "--error-logfile", "-",
        "--forwarded-allow-ips", os.environ.get("KINERJA_PROXY_TEPERCAYA", "127.0.0.1"),
    ]  # fmt: skip


def siapkan(*, migrasi: bool) -> None:
    """Settings, migrations, cache table and static files; SystemExit with a message."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as e:
        raise SystemExit(f"kinerja serve: {e}") from None
    from django.core.management import call_command

    if migrasi:
        call_command("migrate", interactive=False, verbosity=1)
    else:
        try:
            call_command("migrate", check=True, plan=False, verbosity=0)
        except SystemExit:
            raise SystemExit(
                "kinerja serve: ada migrasi basis data yang belum dijalankan. Jalankan "
                "`./kinerja migrate` (atau `./kinerja serve --migrate`) lalu ulangi."
            ) from None
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def utama(args: argparse.Namespace) -> int:
    siapkan(migrasi=args.migrate)
    perintah = perintah_gunicorn(alamat=args.alamat, pekerja=args.pekerja)
    print(f"kinerja serve: gunicorn di {perintah[perintah.index('--bind') + 1]}", flush=True)
    sys.stdout.flush()
    os.execv(perintah[0], perintah)
    return 0  # not reached
