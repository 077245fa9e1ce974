"""`kinerja pengingat`: send today's reminders now (cron or a systemd timer), or queue the
daily job for the worker (`--antre`). Keputusan 0053."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Mengirim pengingat batas waktu hari ini (notifikasi dan surel), sekali sehari."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="tanggal acuan YYYY-MM-DD (bawaan: hari ini)")
        parser.add_argument(
            "--antre", action="store_true", help="antrekan tugas harian untuk `kinerja pekerja`"
        )

    def handle(self, *args, tanggal=None, antre=False, **opts):
        from kinerja.monev.layanan import kirim_pengingat, tugas_pengingat_harian

        if antre:
            hasil = tugas_pengingat_harian.enqueue()
            self.stdout.write(f"Tugas pengingat harian diantrekan ({hasil.id}).")
            return
        hari = None
        if tanggal:
            try:
                hari = dt.date.fromisoformat(tanggal)
            except ValueError:
                raise CommandError(f"--tanggal: '{tanggal}' bukan tanggal YYYY-MM-DD") from None
        h = kirim_pengingat(hari_ini=hari)
        self.stdout.write(
            f"Pengingat {h.tanggal.isoformat()}: {h.dibuat} dibuat, {h.surel} surel terkirim, "
            f"{h.dilewati} dilewati (sudah diingatkan), {h.berhenti} penerima berhenti berlangganan."
        )
        for g in h.galat:
            self.stderr.write(f"Gagal: {g}")
