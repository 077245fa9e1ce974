"""Benchmark of the SKP pages: a dinas of 2,000 employees with 5 RHK each (10,000 RHK).

The dinas has 10 bidang; kepala dinas (pimpinan tinggi) -> sekretaris and 10 kepala bidang
(administrator) -> 4 kepala seksi per bidang (pengawas) -> the staff (pelaksana). Every RHK
intervenes in an RHK of the employee's atasan; the kepala dinas' RHK serve 5 of the 20 PK
lines (15 are gaps) and every 50th staff RHK serves nothing. Every employee has a signed
annual assessment; every PK line a verified realisasi. Renders the cascade tree page and the
distribution page (beside the unit's capaian) through Django's test client, N times, and
prints median and p95 time, queries per request and page size. Target: under 1 s.

  SQLite (temporary KINERJA_DATA_DIR, removed afterwards):
    .venv/bin/python bench/skp.py
  PostgreSQL (creates and drops its own database `kinerja_bench_skp` on that server):
    .venv/bin/python bench/skp.py --database-url postgres://postgres@127.0.0.1:5432/postgres

Options: --pegawai 2000 --rhk 5 --ulang 10
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

NAMA_DB = "kinerja_bench_skp"
BIDANG = 10
SEKSI_PER_BIDANG = 4


def _siapkan_postgres(url: str) -> tuple[str, str]:
    import psycopg

    bagian = urlsplit(url)
    admin = urlunsplit(bagian._replace(path="/postgres"))
    bench = urlunsplit(bagian._replace(path=f"/{NAMA_DB}"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{NAMA_DB}"')
    return bench, admin


def _hapus_postgres(admin: str) -> None:
    import psycopg

    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')


def bangun(jumlah: int, per_pegawai: int, tahun: int):
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.models import Organisasi, Penugasan
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran
    from kinerja.rumus.skp import MATRIKS_PREDIKAT
    from kinerja.skp.models import RHK, SKP, IndikatorRHK, Pegawai, Penilaian

    dinas = Organisasi.objects.create(
        nama="Dinas Bench", slug="dinas-bench", jenis="perangkat_daerah"
    )
    bidang = [
        Organisasi.objects.create(nama=f"Bidang {i + 1}", slug=f"bidang-{i + 1}", jenis="bagian", induk=dinas)
        for i in range(BIDANG)
    ]  # fmt: skip
    user = get_user_model().objects.create_user(username="bench", password="bench-rahasia-123")
    Penugasan.objects.create(pengguna=user, organisasi=dinas, peran="admin")
    pk = PerjanjianKinerja.objects.create(
        organisasi=dinas, tahun=tahun, pihak_pertama_jabatan="Kepala Dinas"
    )
    sasaran = Sasaran.objects.create(organisasi=dinas, nomor=1, uraian="Sasaran bench")
    indikator = Indikator.objects.bulk_create(
        Indikator(sasaran=sasaran, organisasi=dinas, nama=f"Indikator {i + 1}", urutan=i) for i in range(20)
    )  # fmt: skip
    butir = ButirPK.objects.bulk_create(
        ButirPK(pk_dokumen=pk, indikator=ind, target=Decimal(100), urutan=i) for i, ind in enumerate(indikator)
    )  # fmt: skip
    Realisasi.objects.bulk_create(
        Realisasi(indikator=ind, organisasi=dinas, tahun=tahun, jenis_periode="tahun", ke=1,
                  nilai=Decimal(90 + i % 15), status="diverifikasi")
        for i, ind in enumerate(indikator)
    )  # fmt: skip

    n = iter(range(1, 10**6))

    def pegawai(nama, jenis, org, atasan):
        return Pegawai(nip=f"19800101200501{next(n):04d}", nama=nama, jabatan=nama,
                       jenis_jabatan=jenis, organisasi=org, atasan=atasan)  # fmt: skip

    kepala = Pegawai.objects.bulk_create([pegawai("Kepala Dinas", "pimpinan_tinggi", dinas, None)])
    lapis2 = Pegawai.objects.bulk_create(
        [pegawai("Sekretaris", "administrator", dinas, kepala[0])]
        + [pegawai(f"Kepala {b.nama}", "administrator", b, kepala[0]) for b in bidang]
    )
    kasi = Pegawai.objects.bulk_create(
        pegawai(f"Kepala Seksi {b.nama}.{s + 1}", "pengawas", b, lapis2[i + 1])
        for i, b in enumerate(bidang)
        for s in range(SEKSI_PER_BIDANG)
    )
    sisa = jumlah - 1 - len(lapis2) - len(kasi)
    staf = Pegawai.objects.bulk_create(
        (pegawai(f"Staf {i + 1}", "pelaksana", kasi[i % len(kasi)].organisasi, kasi[i % len(kasi)]) for i in range(sisa)),
        batch_size=1000,
    )  # fmt: skip
    semua = kepala + lapis2 + kasi + staf
    skp = SKP.objects.bulk_create(
        (SKP(pegawai=p, tahun=tahun, organisasi=p.organisasi, jabatan=p.jabatan) for p in semua),
        batch_size=1000,
    )
    skp_per = {s.pegawai_id: s for s in skp}
    rhk_per: dict[int, list] = {}
    for lapis in (kepala, lapis2, kasi, staf):  # atasan's RHK exist before their staff's
        baru = []
        for p in lapis:
            for j in range(per_pegawai):
                atasan = rhk_per[p.atasan_id][j % per_pegawai] if p.atasan_id else None
                lepas = p.atasan_id and p.jenis_jabatan == "pelaksana" and p.pk % 50 == 0 and j == 0
                baru.append(
                    RHK(skp=skp_per[p.pk], nomor=j + 1, uraian=f"RHK {j + 1} {p.nama}",
                        rhk_atasan=None if lepas else atasan,
                        butir_pk=butir[j] if not p.atasan_id else None)
                )  # fmt: skip
        baru = RHK.objects.bulk_create(baru, batch_size=1000)
        for r in baru:
            rhk_per.setdefault(r.skp.pegawai_id, []).append(r)
        IndikatorRHK.objects.bulk_create(
            (IndikatorRHK(rhk=r, aspek="kuantitas", uraian="Jumlah", target=Decimal(12)) for r in baru),
            batch_size=1000,
        )  # fmt: skip
    pasangan = list(MATRIKS_PREDIKAT.items())
    Penilaian.objects.bulk_create(
        (
            Penilaian(skp=skp_per[p.pk], jenis_periode="tahun", ke=1,
                      rating_hasil=pasangan[i % 9][0][0], rating_perilaku=pasangan[i % 9][0][1],
                      predikat=pasangan[i % 9][1], status="ditandatangani", penilai=p.atasan or p)
            for i, p in enumerate(semua)
        ),
        batch_size=1000,
    )  # fmt: skip
    return dinas, user, len(semua), sum(len(v) for v in rhk_per.values())


def ukur(client, url: str, ulang: int) -> dict:
    from django.db import connection

    for _ in range(2):
        assert client.get(url).status_code == 200
    q = []
    with connection.execute_wrapper(lambda execute, sql, *a: (q.append(sql), execute(sql, *a))[1]):
        jawab = client.get(url)
    waktu = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        jawab = client.get(url)
        waktu.append((time.perf_counter() - mulai) * 1000)
        assert jawab.status_code == 200
    waktu.sort()
    p95 = statistics.quantiles(waktu, n=100, method="inclusive")[94] if len(waktu) > 1 else waktu[0]
    return {
        "median": statistics.median(waktu),
        "p95": p95,
        "query": len(q),
        "kb": len(jawab.content) / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    ap.add_argument("--pegawai", type=int, default=2000)
    ap.add_argument("--rhk", type=int, default=5)
    ap.add_argument("--ulang", type=int, default=10)
    ap.add_argument("--tahun", type=int, default=2024)
    args = ap.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    import secrets

    # a throwaway installation: its own random keys (the settings have no default key)
    os.environ.setdefault("KINERJA_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("KINERJA_KUNCI_SIDIK", secrets.token_urlsafe(50))
    sementara = admin = None
    if args.database_url:
        bench_url, admin = _siapkan_postgres(args.database_url)
        os.environ["DATABASE_URL"] = bench_url
        basis = f"PostgreSQL ({urlsplit(bench_url).hostname}/{NAMA_DB})"
    else:
        os.environ.pop("DATABASE_URL", None)
        sementara = tempfile.TemporaryDirectory(prefix="kinerja-bench-skp-")
        os.environ["KINERJA_DATA_DIR"] = sementara.name
        basis = f"SQLite ({sementara.name})"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    try:
        call_command("migrate", verbosity=0)
        mulai = time.perf_counter()
        dinas, user, n_pegawai, n_rhk = bangun(args.pegawai, args.rhk, args.tahun)
        print(
            f"{basis}: {n_pegawai} pegawai, {n_rhk} RHK, {n_pegawai} penilaian dibangun dalam "
            f"{time.perf_counter() - mulai:.1f} detik; {args.ulang} kali per halaman"
        )
        client = Client()
        client.force_login(user)
        halaman = [
            ("cascade", reverse("skp:cascade", args=[dinas.slug, args.tahun])),
            ("distribusi", reverse("skp:distribusi", args=[dinas.slug, args.tahun])),
            ("api distribusi", f"/api/skp/organisasi/{dinas.slug}/{args.tahun}/distribusi"),
        ]
        for nama, url in halaman:
            h = ukur(client, url, args.ulang)
            print(
                f"  {nama:15} median {h['median']:8.1f} ms  p95 {h['p95']:8.1f} ms  "
                f"{h['query']:3d} query  {h['kb']:7.0f} KB"
            )
    finally:
        connections.close_all()
        if admin:
            _hapus_postgres(admin)
        if sementara:
            sementara.cleanup()


if __name__ == "__main__":
    main()
