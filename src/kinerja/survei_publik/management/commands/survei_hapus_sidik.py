"""Clear the duplicate-detection fingerprints (hash_telepon, hash_alamat, id_perangkat) of
responses older than KINERJA_SURVEI_RETENSI_HARI days; answers and status stay."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kinerja.survei_publik.layanan import (
    retensi_hari,
    sidik_hapus,
    sidik_kedaluwarsa,
    sidik_kunci_lama,
    sidik_kunci_lama_hapus,
)


class Command(BaseCommand):
    help = (
        "Hapus sidik nomor HP, sidik alamat dan id perangkat dari respon yang lebih tua dari "
        "masa retensi (KINERJA_SURVEI_RETENSI_HARI)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hari", type=int, help="masa retensi (bawaan: pengaturan)")
        parser.add_argument("--periksa", action="store_true", help="hanya hitung, tanpa mengubah")
        parser.add_argument(
            "--kunci-lama",
            action="store_true",
            help="hapus sidik yang dibuat sebelum KINERJA_KUNCI_SIDIK (berapa pun umurnya)",
        )

    def handle(self, *args, **o):
        if o["kunci_lama"]:
            if o["periksa"]:
                n = sidik_kunci_lama().count()
                self.stdout.write(f"{n} respon masih menyimpan sidik berkunci lama.")
            else:
                n = sidik_kunci_lama_hapus()
                self.stdout.write(f"Sidik berkunci lama dari {n} respon dihapus.")
            return
        hari = o["hari"] if o["hari"] is not None else retensi_hari()
        if hari < 1:
            raise CommandError("Masa retensi minimal 1 hari.")
        n = sidik_kedaluwarsa(hari=hari).count()
        if o["periksa"]:
            self.stdout.write(f"{n} respon lebih tua dari {hari} hari masih menyimpan sidik.")
            return
        n = sidik_hapus(hari=hari)
        self.stdout.write(f"Sidik {n} respon lebih tua dari {hari} hari dihapus.")
