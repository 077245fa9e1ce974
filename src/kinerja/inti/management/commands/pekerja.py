"""`kinerja pekerja`: the job-queue worker (django-tasks-db's db_worker), after recovery.

Runs every queue of settings.TASKS. Before the first task, apps recover the work a dead
worker left running (signal inti.antrean.pekerja_mulai)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from kinerja.inti.antrean import pekerja_mulai


class Command(BaseCommand):
    help = "Menjalankan pekerja antrean (pembangunan LKIP, reviu berkas, pengingat)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="berhenti setelah antrean kosong (uji, cron)"
        )
        parser.add_argument("--interval", type=float, default=1.0, help="detik antarpemeriksaan")

    def handle(self, *args, batch=False, interval=1.0, **opts):
        for _penerima, hasil in pekerja_mulai.send_robust(sender=self.__class__):
            if isinstance(hasil, Exception):
                self.stderr.write(f"Pemulihan pekerjaan gagal: {hasil}")
            elif hasil:
                self.stdout.write(f"Pekerjaan terputus diantrekan ulang: {hasil}")
        call_command(
            "db_worker",
            queue_name="*",
            batch=batch,
            interval=interval,
            reload=False,
            startup_delay=not batch,
            verbosity=opts.get("verbosity", 1),
        )
