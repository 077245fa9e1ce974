"""The `kinerja` command: subcommands of its own, anything else goes to Django's manage."""

from __future__ import annotations

import argparse
import os
import sys

from kinerja.cli import demo, lkip, lkip_massal, reviu, rumus, serve

PERINTAH = {
    "rumus": rumus,
    "demo": demo,
    "lkip": lkip,
    "lkip-massal": lkip_massal,
    "reviu": reviu,
    "serve": serve,
}


def _django(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:  # settings that refuse to load (e.g. no secret key): the message, not a traceback
        settings.SECRET_KEY  # noqa: B018
    except ImproperlyConfigured as e:
        print(f"kinerja: {e}", file=sys.stderr)
        return 1

    execute_from_command_line(["kinerja", *argv])
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in PERINTAH and not argv[0].startswith("-"):
        return _django(argv)  # e.g. `kinerja migrate`, `kinerja runserver`
    parser = argparse.ArgumentParser(
        prog="kinerja",
        description="Kinerja: SAKIP dari perencanaan sampai LKIP. Perintah lain diteruskan ke manage.py Django.",
    )
    sub = parser.add_subparsers(title="perintah")
    for modul in PERINTAH.values():
        modul.tambah_parser(sub)
    args = parser.parse_args(argv)
    if not hasattr(args, "fungsi"):
        parser.print_help()
        return 0
    return args.fungsi(args)


if __name__ == "__main__":
    sys.exit(main())
