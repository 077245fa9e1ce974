"""Check RekapJawaban against the stored answers, or recount it (docs/keputusan/0020)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kinerja.survei import layanan, pemilih


class Command(BaseCommand):
    help = (
        "Periksa rekap jawaban survei terhadap jawaban tersimpan (--periksa, keluar dengan "
        "kode 1 bila berbeda) atau hitung ulang dari jawaban (--bangun-ulang)."
    )

    def add_arguments(self, parser):
        aksi = parser.add_mutually_exclusive_group(required=True)
        aksi.add_argument("--periksa", action="store_true", help="bandingkan, tanpa mengubah")
        aksi.add_argument("--bangun-ulang", action="store_true", help="hitung ulang rekap")
        parser.add_argument("--putaran", type=int, nargs="*", help="id putaran (bawaan: semua)")

    def handle(self, *args, **o):
        putaran = o["putaran"] or None
        if o["bangun_ulang"]:
            n = layanan.rekap_bangun_ulang(putaran)
            self.stdout.write(f"Rekap jawaban dihitung ulang: {n} baris.")
            return
        selisih = pemilih.rekap_selisih(putaran)
        if not selisih:
            self.stdout.write("Rekap jawaban sama dengan jawaban tersimpan.")
            return
        for p, b, v, di_rekap, di_jawaban in selisih[:50]:
            nilai = "kosong" if v == 0 else v
            self.stdout.write(
                f"putaran {p}, butir {b}, nilai {nilai}: rekap {di_rekap}, jawaban {di_jawaban}"
            )
        raise CommandError(
            f"Rekap jawaban berbeda di {len(selisih)} baris; jalankan "
            "`kinerja survei_rekap --bangun-ulang` untuk menghitung ulang."
        )
