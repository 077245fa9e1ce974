"""`kinerja pulihkan DIR [--timpa]`: restore a backup into an empty database and data folder,
then verify counts and checksums against its manifest (exit 1 on any mismatch)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.cadangan.layanan import CadanganGagal, pulihkan


class Command(BaseCommand):
    help = (
        "Memulihkan cadangan Kinerja ke basis data dan folder data yang kosong, lalu memeriksanya."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder cadangan (berisi manifest.json)")
        parser.add_argument(
            "--timpa", action="store_true", help="menimpa basis data dan berkas yang sudah ada"
        )

    def handle(self, *args, folder, timpa=False, **opts):
        try:
            h = pulihkan(Path(folder), timpa=timpa)
        except CadanganGagal as e:
            raise CommandError(str(e)) from None
        self.stdout.write(
            f"Pulih dan cocok dengan manifest: {h.tabel} tabel, {h.baris} baris, "
            f"{h.berkas} berkas unggahan."
        )
