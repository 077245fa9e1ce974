"""`kinerja demo`: the Jakarta Pusat 2024 example, end to end.

Migrates the database (SQLite in ./var unless DATABASE_URL is set), loads the transcribed
example (`kinerja.contoh.muat`), creates one demo account per role, prints what the
selectors compute from the loaded rows, builds the LKIP and prints its reviu through the
one reviu package (`kinerja.reviu`, the checks `kinerja reviu` runs: the data findings and
the checks of the built DOCX), plus the reviu of the published report text when the seed is
at hand (../shared/seed); then serves the web application with gunicorn on 127.0.0.1.
`--no-serve` does everything except serving.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
from pathlib import Path

from kinerja import angka as fmt
from kinerja.contoh import jakarta_pusat_2024 as jp

NAMA_SEED = "000_7ac1d614aa532084.txt"


def tulis_reviu(temuan, judul: str) -> str:
    """Findings (kinerja.reviu.Temuan) in the form `kinerja reviu` prints them."""
    baris = [f"{judul}: {len(temuan)} temuan", "=" * 72]
    for i, t in enumerate(temuan, start=1):
        baris.append(f"{i:2}. {t.lokasi}")
        baris.append(f"    {t.nama_aturan}: terbit {t.terbit}, hasil hitung {t.hitung}")
        baris.append(f"    rumus: {t.rumus}")
        if t.uraian:
            baris.append(f"    {t.uraian}")
    return "\n".join(baris)


def cari_seed() -> Path | None:
    """The published report text (../shared/seed beside the checkout), when present."""
    for induk in [Path.cwd(), *Path.cwd().parents][:4]:
        calon = induk / "shared" / "seed" / NAMA_SEED
        if calon.is_file():
            return calon
    return None


def tambah_parser(sub) -> None:
    p = sub.add_parser("demo", help="hitung dan cetak contoh Jakarta Pusat 2024 beserta reviunya")
    p.add_argument(
        "--no-serve",
        action="store_true",
        help="siapkan basis data, akun dan ringkasan, lalu keluar tanpa menjalankan server web",
    )
    p.add_argument("--port", type=int, default=8000, help="port server web (bawaan 8000)")
    p.set_defaults(fungsi=utama)


# One account per role: (username, role, organisation slug, jabatan).
AKUN_DEMO = (
    ("operator.cideng", "operator", "jakarta-pusat-kel-cideng", "Operator Kelurahan Cideng"),
    (
        "verifikator.gambir",
        "verifikator",
        "jakarta-pusat-kec-gambir",
        "Verifikator Kecamatan Gambir",
    ),
    ("pimpinan.jakpus", "pimpinan", "jakarta-pusat", "Walikota Kota Administrasi Jakarta Pusat"),
    ("evaluator.dki", "evaluator", "dki-jakarta", "Evaluator Inspektorat Provinsi DKI Jakarta"),
    ("admin.jakpus", "admin", "jakarta-pusat", "Admin Kinerja Jakarta Pusat"),
    ("operator.jakpus", "operator", "jakarta-pusat", "Operator evaluasi Jakarta Pusat"),
    ("pengendali.dki", "evaluator", "dki-jakarta", "Pengendali Teknis Inspektorat DKI Jakarta"),
    # SKP (data contoh, kinerja.skp.contoh): employees with accounts
    ("camat.gambir", "pimpinan", "jakarta-pusat-kec-gambir", "Camat Gambir"),
    ("lurah.cideng", "pimpinan", "jakarta-pusat-kel-cideng", "Lurah Cideng"),
    # the province page /provinsi/dki-jakarta/2024/ (keputusan 0057)
    ("pimpinan.dki", "pimpinan", "dki-jakarta", "Sekretaris Daerah Provinsi DKI Jakarta"),
)
SANDI_DEMO = "demo-kinerja-2024"


def siapkan_kunci() -> list[str]:
    """A throw-away installation needs no configuration: without KINERJA_SECRET_KEY /
    KINERJA_KUNCI_SIDIK the demo writes a random key per installation to the data folder
    (0600, reused on the next run; the settings read it from there). Returns what it made."""
    from pathlib import Path

    from kinerja import rahasia

    data = Path(os.environ.get("KINERJA_DATA_DIR", Path.cwd() / "var")).resolve()
    dibuat = []
    for variabel, nama in (
        ("KINERJA_SECRET_KEY", "secret_key"),
        ("KINERJA_KUNCI_SIDIK", "kunci_sidik"),
    ):
        jalur = rahasia.berkas_kunci(data, nama)
        if not os.environ.get(variabel, "").strip() and not jalur.exists():
            rahasia.buat_berkas(data, nama)
            dibuat.append(str(jalur))
    return dibuat


def _siapkan_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    for jalur in siapkan_kunci():
        print(f"Kunci acak instalasi ini dibuat: {jalur} (izin 0600)")
    import django

    django.setup()


def _sandi_tetap_boleh() -> bool:
    """The well-known demo password only on a development or throw-away (default SQLite) setup."""
    from django.conf import settings

    return settings.DEBUG or not os.environ.get("DATABASE_URL", "").strip()


def buat_akun_demo() -> tuple[list[tuple[str, str, str, str]], str]:
    """Create (or reset) the demo accounts; returns rows for the table and the password."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from kinerja.organisasi.models import Organisasi, Penugasan

    sandi = SANDI_DEMO if _sandi_tetap_boleh() else secrets.token_urlsafe(12)
    User = get_user_model()
    baris = []
    with transaction.atomic():
        for username, peran, slug, jabatan in AKUN_DEMO:
            org = Organisasi.objects.get(slug=slug)
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(sandi)
            user.is_staff = peran == "admin"
            user.save()
            Penugasan.objects.update_or_create(
                pengguna=user,
                organisasi=org,
                peran=peran,
                defaults={"jabatan": jabatan, "aktif": True},
            )
            baris.append((username, peran, org.nama, jabatan))
    return baris, sandi


def terbitkan_data_terbuka() -> str:
    """Jakarta Pusat 2024 published as open data by the demo's admin, through the same
    audited switch as the page /terbuka/kelola/ (keputusan 0060)."""
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.layanan import publikasi_atur
    from kinerja.organisasi.models import Organisasi

    admin = get_user_model().objects.get(username="admin.jakpus")
    org = Organisasi.objects.get(slug=jp.SLUG)
    publikasi_atur(
        aktor=admin, organisasi=org, tahun=jp.TAHUN, terbit=True, alasan="data contoh demo"
    )
    return (
        f"DATA TERBUKA: {jp.ORGANISASI} {jp.TAHUN} diterbitkan oleh admin.jakpus, tanpa masuk di "
        f"/terbuka/{jp.SLUG}/{jp.TAHUN}/ (unduhan CSV, JSON, Excel; API /terbuka/api/unit)."
    )


def tulis_akun(baris, sandi: str) -> str:
    lebar = [
        max(len(str(r[i])) for r in [("Pengguna", "Peran", "Unit", "")] + baris) for i in range(3)
    ]
    keluar = ["AKUN DEMO (kata sandi sama untuk semua akun)", "=" * 72]
    keluar.append(f"{'Pengguna':<{lebar[0]}}  {'Peran':<{lebar[1]}}  Unit")
    keluar.append(f"{'-' * lebar[0]}  {'-' * lebar[1]}  {'-' * lebar[2]}")
    for username, peran, unit, _ in baris:
        keluar.append(f"{username:<{lebar[0]}}  {peran:<{lebar[1]}}  {unit}")
    keluar.append(f"Kata sandi: {sandi}")
    if sandi != SANDI_DEMO:
        keluar.append("(dibuat acak untuk basis data ini; hanya dicetak sekali, simpan sekarang)")
    return "\n".join(keluar)


def ringkasan_basis_data() -> str:
    """What the dashboard selector computes from the loaded rows (not from the Python inputs)."""
    from kinerja.organisasi.models import Organisasi
    from kinerja.pengukuran.pemilih import dasbor

    d = dasbor(Organisasi.objects.get(slug=jp.SLUG), jp.TAHUN)
    rekap = ", ".join(f"{k} {v}" for k, v in d.rekap.items() if v)
    baris = [
        f"DASBOR DARI BASIS DATA: {len(d.baris)} indikator PK {jp.TAHUN}, {len(d.sasaran)} sasaran; {rekap}",
    ]
    for t in d.temuan:
        baris.append(
            f"  reviu: {t.uraian}: terbit {fmt.desimal_atau_teks(t.terbit)}, data {fmt.desimal_atau_teks(t.hitung)} [{t.sumber}]"
        )
    for p in d.peringatan:
        baris.append(f"  peringatan: {p}")
    return "\n".join(baris)


def siapkan_basis_data() -> dict:
    from django.core.management import call_command

    from kinerja.contoh.muat import muat_contoh

    call_command("migrate", interactive=False, verbosity=0)
    return muat_contoh(jp.SLUG)


def siapkan_kota_lain() -> str:
    """The example peers of the province page and the LKIP's comparison (data contoh)."""
    from kinerja.contoh.kota_lain import KOTA, muat_kota_lain

    h = muat_kota_lain()
    nama = ", ".join(n for _, n, _ in KOTA)
    return (
        f"KOTA LAIN (data contoh): {nama}; {h['indikator']} indikator PK {jp.TAHUN}, "
        f"{h['realisasi']} realisasi terverifikasi, {h['respon_baru']} respon SKM baru "
        f"({h['baru']} baris baru, {h['diubah']} diubah). Halaman provinsi: "
        f"/provinsi/dki-jakarta/{jp.TAHUN}/ (akun pimpinan.dki)."
    )


def bangun_lkip_demo() -> tuple[str, list]:
    """Build the Jakarta Pusat 2024 LKIP (DOCX, PDF, XLSX and the reviu) into DATA_DIR/lkip;
    without LibreOffice the PDF is skipped with a message."""
    from kinerja.lkip.layanan import bangun_lkip, folder_bawaan
    from kinerja.lkip.pdf import cari_soffice
    from kinerja.lkip.reviu import temuan_data, temuan_docx
    from kinerja.organisasi.models import Organisasi

    format_ = ["docx", "xlsx"] + (["pdf"] if cari_soffice() else [])
    org = Organisasi.objects.get(slug=jp.SLUG)
    hasil = bangun_lkip(org, jp.TAHUN, format=format_)
    _catat_pembangunan(org, format_, hasil)
    baris = [f"LKIP {jp.ORGANISASI} {jp.TAHUN} dibangun di {folder_bawaan()}:"]
    baris += [f"  {b.name}" for b in hasil.berkas]
    if "pdf" not in format_:
        baris.append("  (PDF dilewati: LibreOffice/soffice tidak terpasang)")
    baris += [f"  catatan: {c}" for c in hasil.catatan]
    docx = next((b for b in hasil.berkas if b.name.endswith(f"{jp.TAHUN}.docx")), None)
    dari_docx, _catatan = temuan_docx(docx)
    return "\n".join(baris), temuan_data(hasil.dokumen) + dari_docx


def perintah_pekerja() -> list[str]:
    """The job-queue worker (`kinerja pekerja`) as a process of its own (keputusan 0021)."""
    return [sys.executable, "-m", "kinerja.cli.utama", "pekerja", "--verbosity", "1"]


def _catat_pembangunan(org, format_, hasil) -> None:
    """The demo's build as a finished job, so the LKIP page lists it with its files and
    narrative blocks (issue 19: the page said "Belum pernah dibangun")."""
    from django.utils import timezone

    from kinerja.lkip.layanan import folder_bawaan
    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    sekarang = timezone.now()
    PekerjaanLkip.objects.create(
        organisasi=org,
        tahun=jp.TAHUN,
        format=",".join(format_),
        status=StatusPekerjaan.SELESAI,
        progres=100,
        langkah="Selesai (dibangun oleh ./kinerja demo)",
        folder=str(folder_bawaan()),
        berkas=[b.name for b in hasil.berkas],
        pesan="\n".join(hasil.catatan),
        narasi=[
            {
                "kunci": n.kunci,
                "judul": n.judul,
                "diedit": n.diedit,
                "perlu_ditinjau": n.perlu_ditinjau,
            }
            for n in hasil.dokumen.narasi
        ],
        diperbarui_pada=sekarang,
        selesai_pada=sekarang,
    )


def layani(port: int) -> int:
    """gunicorn for the pages and, beside it, the worker that runs queued builds; both stop
    together."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    print(f"\nKinerja berjalan di http://127.0.0.1:{port}/  (Ctrl+C untuk berhenti)", flush=True)
    print("Pekerja antrean (pembangunan LKIP, reviu berkas) berjalan di sampingnya.", flush=True)
    perintah = [
        sys.executable,
        "-m",
        "gunicorn",
        "kinerja.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--access-logfile",
        "-",
    ]
    pekerja = subprocess.Popen(perintah_pekerja(), env={**os.environ})
    try:
        return subprocess.call(perintah, env={**os.environ})
    except KeyboardInterrupt:
        return 0
    finally:
        pekerja.terminate()
        try:
            pekerja.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pekerja.kill()


def utama(args: argparse.Namespace) -> int:
    _siapkan_django()
    jumlah = siapkan_basis_data()
    kota_lain = siapkan_kota_lain()
    akun, sandi = buat_akun_demo()
    print(f"KINERJA - {jp.ORGANISASI}, tahun {jp.TAHUN}")
    print(
        f"Contoh dimuat ke basis data: {jumlah['organisasi']} unit organisasi, {jumlah['indikator']} indikator, "
        f"{jumlah['realisasi']} realisasi terverifikasi ({jumlah['baru']} baris baru, {jumlah['diubah']} diubah).\n"
    )
    print(kota_lain + "\n")
    print(tulis_akun(akun, sandi))
    print()
    print(terbitkan_data_terbuka())
    print()
    from kinerja.contoh.kerja_demo import siapkan_kerja_demo, tautan_demo

    kerja = siapkan_kerja_demo(jp.SLUG)
    print(
        "KERJA UNTUK SETIAP PERAN (data contoh): PK 2024 Kelurahan Cideng dan Kecamatan Gambir; "
        "realisasi semester I Cideng diajukan (antrean verifikator.gambir), semester II draf "
        "(operator.cideng); putaran SKM terbuka:"
    )
    dasar = os.environ.get("KINERJA_URL_PUBLIK", "").rstrip("/") or f"http://127.0.0.1:{args.port}"
    for label, url in tautan_demo(kerja["putaran"], dasar):
        print(f"  {label}: {url}")
    from kinerja.skp.contoh import siapkan_skp_demo

    skp = siapkan_skp_demo(jp.SLUG)
    print(
        f"SKP PEGAWAI (data contoh): {skp['pegawai']} pegawai Kecamatan Gambir, {skp['rhk']} RHK "
        f"terhubung ke PK 2024, {skp['penilaian']} penilaian tahunan ditandatangani; "
        "lurah.cideng menilai stafnya, camat.gambir melihat cascade dan distribusi predikat."
    )
    print()
    from kinerja.contoh.monev_2025 import siapkan_monev_2025

    siapkan_monev_2025(jp.SLUG)
    print(
        "MONEV 2025 (data contoh, tahun berjalan): realisasi Januari-September Jakarta Pusat "
        f"dan Cideng; peringatan dini dan kalender di {dasar}/monev/{jp.SLUG}/2025/, papan "
        f"kelengkapan di {dasar}/o/{jp.SLUG}/2025/kelengkapan/"
    )
    print()
    print(ringkasan_basis_data())
    print()
    teks, temuan = bangun_lkip_demo()
    print(teks)
    print()
    print(tulis_reviu(temuan, "DAFTAR TEMUAN REVIU LKIP (data dan dokumen)"))
    seed = cari_seed()
    if seed is not None:
        from kinerja.reviu.periksa import periksa_berkas

        hasil = periksa_berkas(seed)
        print()
        print(tulis_reviu(hasil.temuan, f"DAFTAR TEMUAN REVIU LKIP TERBIT ({seed.name})"))
    print()
    if getattr(args, "no_serve", False):
        return 0
    return layani(args.port)
