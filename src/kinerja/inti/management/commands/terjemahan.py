"""`kinerja terjemahan [--kompilasi | --periksa]`: the English catalogue (kinerja.inti.terjemahan).

Without an option: extract the marked strings, update locale/en/LC_MESSAGES/django.po and
compile django.mo. `--kompilasi`: compile only (after translating in the .po). `--periksa`:
write nothing; exit 1 when a marked string is missing from the .po or untranslated (empty
or fuzzy), a .po entry is no longer used, placeholders differ, or the .mo is stale."""

from django.core.management.base import BaseCommand, CommandError

from kinerja.inti import terjemahan


class Command(BaseCommand):
    help = (
        "Mengekstrak teks bertanda terjemahan, memperbarui katalog bahasa Inggris (.po) dan "
        "mengompilasinya (.mo); --periksa hanya memeriksa."
    )

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--kompilasi", action="store_true", help="hanya mengompilasi .po menjadi .mo"
        )
        mode.add_argument(
            "--periksa",
            action="store_true",
            help="tanpa menulis: keluar 1 bila ada teks belum diterjemahkan atau .po/.mo basi",
        )

    def handle(self, *args, kompilasi=False, periksa=False, **opts):
        po = terjemahan.berkas_po()
        if periksa:
            return self._periksa(po)
        if not kompilasi:
            katalog, berubah = terjemahan.perbarui(po=po)
            jumlah = sum(1 for m in katalog if m.id)
            belum = sum(1 for m in katalog if m.id and not terjemahan.diterjemahkan(m))
            status = "diperbarui" if berubah else "tidak berubah"
            self.stdout.write(
                f"{po.relative_to(terjemahan.AKAR.parent)}: {status}, {jumlah} teks, "
                f"{belum} belum diterjemahkan."
            )
        elif not po.exists():
            raise CommandError(f"{po} belum ada: jalankan dulu `kinerja terjemahan`.")
        mo, berubah = terjemahan.kompilasi(po)
        status = "dikompilasi ulang" if berubah else "sudah mutakhir"
        self.stdout.write(f"{mo.relative_to(terjemahan.AKAR.parent)}: {status}.")

    def _periksa(self, po):
        hasil = terjemahan.periksa(po=po)
        if hasil.beres:
            self.stdout.write(f"Katalog {po.parent.parent.name} lengkap dan mutakhir.")
            return
        baris = []
        bagian = (
            ("Belum ada di katalog (jalankan `kinerja terjemahan`)", hasil.belum_di_katalog),
            ("Tidak dipakai lagi (jalankan `kinerja terjemahan`)", hasil.tidak_dipakai),
            ("Belum diterjemahkan atau masih fuzzy (isi msgstr di .po)", hasil.belum_diterjemahkan),
            ("Tempat isian (%(...)s) berbeda dari teks sumber", hasil.format_salah),
        )
        for judul, daftar in bagian:
            if daftar:
                baris.append(f"{judul}: {len(daftar)}")
                baris.extend(f"  - {t}" for t in daftar)
        if hasil.mo_basi:
            baris.append(f".mo basi: {hasil.mo_basi} (jalankan `kinerja terjemahan --kompilasi`)")
        raise CommandError("Katalog terjemahan belum beres.\n" + "\n".join(baris))
