"""Issue single-use invitation links for a survey round and print them as CSV."""

from __future__ import annotations

import csv
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from kinerja.pertukaran.sel import aman_csv
from kinerja.survei.models import PutaranSurvei
from kinerja.survei_publik.layanan import undangan_terbitkan


class Command(BaseCommand):
    help = (
        "Terbitkan undangan sekali pakai untuk satu putaran survei; mencetak CSV "
        "(no, nama, surel, tautan). Tautan hanya tampil sekali: simpan keluarannya."
    )

    def add_arguments(self, parser):
        parser.add_argument("--putaran", type=int, required=True, help="id PutaranSurvei")
        parser.add_argument(
            "--pengguna", required=True, help="nama pengguna penerbit (operator/admin unit)"
        )
        parser.add_argument("--jumlah", type=int, default=0, help="jumlah undangan tanpa nama")
        parser.add_argument("--penerima", help="berkas CSV nama,surel (tanpa judul kolom)")
        parser.add_argument(
            "--url-dasar", default=getattr(settings, "KINERJA_URL_PUBLIK", ""),
            help="awal alamat publik, mis. https://kinerja.example.go.id",
        )  # fmt: skip

    def handle(self, *args, **o):
        p = PutaranSurvei.objects.select_related("organisasi").filter(pk=o["putaran"]).first()
        if p is None:
            raise CommandError(f"Putaran {o['putaran']} tidak ada.")
        aktor = get_user_model().objects.filter(username=o["pengguna"]).first()
        if aktor is None:
            raise CommandError(f"Pengguna '{o['pengguna']}' tidak ada.")
        penerima = []
        if o["penerima"]:
            with open(o["penerima"], encoding="utf-8-sig", newline="") as f:
                for baris in csv.reader(f):
                    if baris and any(x.strip() for x in baris):
                        penerima.append((baris[0], baris[1] if len(baris) > 1 else ""))
        try:
            baru = undangan_terbitkan(putaran=p, aktor=aktor, jumlah=o["jumlah"], penerima=penerima)
        except PermissionDenied as e:
            raise CommandError(str(e)) from None
        except ValueError as e:
            raise CommandError(str(e)) from None
        dasar = (o["url_dasar"] or "").rstrip("/")
        w = csv.writer(self.stdout if self.stdout else sys.stdout)
        w.writerow(["no", "nama", "surel", "tautan"])
        for i, b in enumerate(baru, start=1):
            url = dasar + reverse("publik_undangan", args=[b.token])
            w.writerow(
                [i, aman_csv(b.undangan.nama_penerima), aman_csv(b.undangan.email_penerima), url]
            )
