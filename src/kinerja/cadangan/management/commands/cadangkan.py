"""`kinerja cadangkan DIR`: the database, uploaded files and a manifest into DIR."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kinerja.cadangan.layanan import CadanganGagal, cadangkan, izin_folder


class Command(BaseCommand):
    help = "Mencadangkan basis data dan berkas unggahan beserta manifest (jumlah baris, sha256)."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder tujuan (baru atau kosong)")

    def handle(self, *args, folder, **opts):
        try:
            m = cadangkan(Path(folder))
        except CadanganGagal as e:
            raise CommandError(str(e)) from None
        except OSError as e:
            raise CommandError(f"Cadangan gagal ditulis: {e}") from None
        izin_folder(Path(folder))
        self.stdout.write(
            f"Cadangan {m['basis_data']} ditulis ke {folder}: {len(m['tabel'])} tabel, "
            f"{m['jumlah_baris']} baris, {len(m['berkas_unggahan'])} berkas unggahan."
        )
