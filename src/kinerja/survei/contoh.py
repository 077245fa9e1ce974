"""Deterministic example responses that reproduce the seed's published survey figures.

- SKM (seed Tabel 31): 44 kelurahan × 7 services × 2 rounds of 2024. For every kelurahan
  and round a respondent count N and answer total S are searched so that the pooled
  konversi 25·S/(9·N) (no blanks) lies within 0.005 of the printed value; the deficit
  36·N − S is spread over the unsur (heavier on U2 and U1, which the seed names as the
  weakest) and over respondents, and the N questionnaires are dealt out over the 7 services.
  Per kelurahan and round the services are pooled (gabung_responden); the year is the mean
  of the two rounds (rata_rata_unit), which gives Tabel 31's "Rata-rata" within 0.01.
- IEK (seed Tabel 35-37): n = 7, 11, 12 officials rate the three asisten (ikm.md §1.8); per
  item the total T = round(v·n/25) reproduces the printed item value v at 2 dp.
- The published survey figures (Tabel 19-20, 24-25, 31-34, 72) are stored as AngkaTerbit on
  the unit they describe, so the LKIP reviu compares them with what the responses give.
Everything comes from random.Random seeded by names, so every run gives the same rows.
See docs/survei.md.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.contoh.jakarta_pusat_2024 import BUTIR_KOORDINASI, TABEL_31, TABEL_35_37
from kinerja.contoh.simpan import simpan_angka_terbit
from kinerja.organisasi.models import Organisasi
from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import IsianRespon, respon_simpan_banyak
from kinerja.survei.models import PutaranSurvei, Saluran

TOLERANSI = Decimal("0.005")
RESPONDEN_IEK = {  # ikm.md §1.8: implied respondent counts
    "Pemerintahan": 7,
    "Perekonomian dan Pembangunan": 11,
    "Administrasi dan Kesejahteraan Rakyat": 12,
}
SARAN = (
    "Pertahankan pelayanan yang ramah.",
    "Informasi jadwal layanan agar diumumkan lewat RT/RW.",
    "Respons pengaduan bisa lebih cepat.",
    "Sarana di RPTRA perlu dirawat.",
    "",
    "",
    "",
)
SARAN_IEK = (
    ("Koordinasi sudah baik, pertahankan.", "mempertahankan"),
    ("Manfaatkan grup WhatsApp atau zoom untuk koordinasi cepat.", "media_koordinasi"),
    ("", ""),
)
# Relative share of the answer deficit per unsur (U1..U9): the seed names U2 then U1 lowest.
BOBOT_KURANG = (1.3, 1.4, 1.0, 0.8, 1.0, 1.0, 0.9, 1.0, 1.0)


def pola_skm(target: Decimal, rng: random.Random, *, n_min: int = 21, n_maks: int = 2000):
    """(N, S): the smallest N ≥ n_min whose best integer total S gives a konversi
    25·S/(9·N) within TOLERANSI of target."""
    for n in range(n_min, n_maks):
        s = int((target * 9 * n / 25).to_integral_value(rounding=ROUND_HALF_UP))
        s = max(9 * n, min(36 * n, s))
        if abs(Decimal(25 * s) / (9 * n) - target) <= TOLERANSI:
            return n, s
    raise ValueError(f"tidak ada pola untuk {target}")


def _bagi_kurang(kurang: int, bobot, batas: int, rng: random.Random) -> list[int]:
    """Split an integer deficit over slots proportionally to bobot, each at most batas."""
    jitter = [b * rng.uniform(0.85, 1.15) for b in bobot]
    total = sum(jitter)
    bagian = [min(batas, int(kurang * w / total)) for w in jitter]
    i = 0
    while sum(bagian) < kurang:
        j = i % len(bagian)
        if bagian[j] < batas:
            bagian[j] += 1
        i += 1
    return bagian


def _kolom(n: int, kurang: int, rng: random.Random) -> list[int]:
    """n answers (start at 4) lowered by `kurang` points in total, spread over respondents."""
    nilai = [4] * n
    urut = list(range(n))
    rng.shuffle(urut)
    i = 0
    while kurang > 0:
        j = urut[i % n]
        if nilai[j] > 1:
            nilai[j] -= 1
            kurang -= 1
        i += 1
    return nilai


def jawaban_skm(target: Decimal, rng: random.Random) -> list[list[int]]:
    """N questionnaires × 9 answers whose pooled konversi hits target within TOLERANSI."""
    n, s = pola_skm(target, rng, n_min=21 + rng.randrange(15))
    per_unsur = _bagi_kurang(36 * n - s, BOBOT_KURANG, 3 * n, rng)
    kolom = [_kolom(n, k, rng) for k in per_unsur]
    return [list(r) for r in zip(*kolom, strict=True)]


def _demografi(isian, rng: random.Random, tetap: dict | None = None) -> dict:
    hasil = {}
    for f in isian:
        if f.pilihan:
            hasil[f.kunci] = str(rng.choice(f.pilihan)[0])
    hasil.update(tetap or {})
    return hasil


def _waktu(rng: random.Random, tahun: int, semester: int) -> dt.datetime:
    awal = dt.date(tahun, 1 if semester == 1 else 7, 1)
    hari = awal + dt.timedelta(days=rng.randrange(175))
    return timezone.make_aware(
        dt.datetime.combine(hari, dt.time(8 + rng.randrange(8), rng.randrange(60)))
    )


def _masa_semester(tahun: int, semester: int) -> dict:
    """dibuka_pada/ditutup_pada of an example round: the semester it covers (responses are
    dated inside it by `_waktu`)."""
    awal = dt.date(tahun, 1 if semester == 1 else 7, 1)
    akhir = dt.date(tahun, 6, 30) if semester == 1 else dt.date(tahun, 12, 31)
    return {
        "dibuka_pada": timezone.make_aware(dt.datetime.combine(awal, dt.time(7))),
        "ditutup_pada": timezone.make_aware(dt.datetime.combine(akhir, dt.time(17))),
    }


# Tabel 31 spells "Utang Panjang"; Tabel 5-8 and the organisation data say "Utan Panjang".
EJAAN_LAIN = {"utang panjang": "utan panjang"}


def _normal(nama: str) -> str:
    nama = nama.lower().strip()
    for awalan in ("kelurahan ", "kel. "):
        nama = nama.removeprefix(awalan)
    return EJAAN_LAIN.get(nama, nama)


def _bagi_layanan(n: int, k: int, rng: random.Random) -> list[int]:
    """Split n respondents over k services, each at least 1, sizes varying."""
    batas = sorted(rng.sample(range(1, n), k - 1)) if n > k else list(range(1, k))
    ukuran = [b - a for a, b in zip([0, *batas], [*batas, n], strict=True)]
    return ukuran


@transaction.atomic
def muat_skm(kota: Organisasi, tahun: int = 2024) -> dict:
    """SKM example for the kelurahan under `kota` found by name (seed Tabel 31)."""
    k = kuesioner_baku("skm")
    layanan = list(k.layanan.order_by("urutan"))
    demografi = list(k.demografi.all())
    kelurahan = {
        _normal(o.nama): o
        for o in Organisasi.objects.filter(jenis="kelurahan", jalur__startswith=kota.jalur)
    }
    dimuat, hilang, lewat = 0, [], 0
    for nama, r1, r2, _rata in TABEL_31:
        org = kelurahan.get(_normal(nama))
        if org is None:
            hilang.append(nama)
            continue
        for ke, target in ((1, Decimal(r1)), (2, Decimal(r2))):
            if PutaranSurvei.objects.filter(
                kuesioner=k, organisasi=org, tahun=tahun, jenis_periode="semester", ke=ke
            ).exists():
                lewat += 1
                continue
            rng = random.Random(f"skm-{nama}-{tahun}-{ke}")
            baris = jawaban_skm(target, rng)
            rng.shuffle(baris)
            ukuran = _bagi_layanan(len(baris), len(layanan), rng)
            mulai = 0
            for lay, u in zip(layanan, ukuran, strict=True):
                bagian = baris[mulai : mulai + u]
                mulai += u
                p = PutaranSurvei(
                    kuesioner=k,
                    organisasi=org,
                    layanan=lay,
                    jenis_periode="semester",
                    tahun=tahun,
                    ke=ke,
                    populasi=u + rng.randrange(3) if rng.random() < 0.3 else u * rng.randint(5, 25),
                    status="ditutup",
                    **_masa_semester(tahun, ke),
                    pelaksana="UPT Pengelola Statistik Diskominfotik (contoh)",
                    keterangan="Data contoh buatan (kinerja.survei.contoh), bukan data JakSurvei.",
                )
                p._change_reason = "data contoh"
                p.save()
                isian = [
                    IsianRespon(
                        jawaban={f"F{i}": v for i, v in enumerate(r, start=1)},
                        demografi=_demografi(demografi, rng),
                        saran=rng.choice(SARAN),
                        telepon=f"0812{rng.randrange(10**8):08d}",
                        diterima_pada=_waktu(rng, tahun, ke),
                        sumber="contoh",
                    )
                    for r in bagian
                ]
                dimuat += respon_simpan_banyak(putaran=p, daftar=isian, saluran=Saluran.WEB)
    return {"respon": dimuat, "kelurahan_tidak_ada": hilang, "putaran_sudah_ada": lewat}


def jawaban_iek(nilai_butir, n: int, rng: random.Random) -> list[list[int]]:
    """n questionnaires × 13 answers reproducing the printed item values (×25, 2 dp)."""
    kolom = []
    for v in nilai_butir:
        total = int((Decimal(v) * n / 25).to_integral_value(rounding=ROUND_HALF_UP))
        kolom.append(_kolom(n, 4 * n - total, rng))
    return [list(r) for r in zip(*kolom, strict=True)]


def _asisten(kota: Organisasi) -> dict[str, Organisasi]:
    hasil = {}
    daftar = list(Organisasi.objects.filter(jenis="asisten", jalur__startswith=kota.jalur))
    for nama in TABEL_35_37:
        kunci = nama.split()[0].lower()  # pemerintahan, perekonomian, administrasi
        cocok = [o for o in daftar if kunci in o.nama.lower()]
        if kunci == "administrasi":
            cocok = [o for o in daftar if "kesejahteraan" in o.nama.lower()] or cocok
        if cocok:
            hasil[nama] = cocok[0]
    return hasil


@transaction.atomic
def muat_iek(kota: Organisasi, tahun: int = 2024) -> dict:
    """Coordination example (seed Tabel 35-37) for the three asisten under `kota`."""
    k = kuesioner_baku("koordinasi")
    demografi = list(k.demografi.all())
    asisten = _asisten(kota)
    dimuat, lewat = 0, 0
    for nama, semester in TABEL_35_37.items():
        org = asisten.get(nama)
        if org is None:
            continue
        n = RESPONDEN_IEK[nama]
        for ke, nilai in enumerate(semester, start=1):
            if PutaranSurvei.objects.filter(
                kuesioner=k, organisasi=org, tahun=tahun, jenis_periode="semester", ke=ke
            ).exists():
                lewat += 1
                continue
            rng = random.Random(f"iek-{nama}-{tahun}-{ke}")
            p = PutaranSurvei(
                kuesioner=k,
                organisasi=org,
                jenis_periode="semester",
                tahun=tahun,
                ke=ke,
                populasi=n,
                status="ditutup",
                **_masa_semester(tahun, ke),
                keterangan="Data contoh buatan (kinerja.survei.contoh) yang mereproduksi Tabel 35-37.",
            )
            p._change_reason = "data contoh"
            p.save()
            isian = []
            for r in jawaban_iek(nilai, n, rng):
                saran, kategori = rng.choice(SARAN_IEK)
                isian.append(
                    IsianRespon(
                        jawaban={f"E{i}": v for i, v in enumerate(r, start=1)},
                        demografi=_demografi(demografi, rng, {"kota": "jakarta-pusat"}),
                        saran=saran,
                        kategori_saran=kategori,
                        diterima_pada=_waktu(rng, tahun, ke),
                        sumber="contoh",
                    )
                )
            dimuat += respon_simpan_banyak(putaran=p, daftar=isian, saluran=Saluran.UNDANGAN)
    hilang = [n for n in TABEL_35_37 if n not in asisten]
    return {"respon": dimuat, "asisten_tidak_ada": hilang, "putaran_sudah_ada": lewat}


ROMAWI = ("I", "II")


def angka_terbit(kota: Organisasi, tahun: int = 2024) -> list[tuple]:
    """(organisasi, kunci, uraian, sumber, nilai, letak) of every published survey figure;
    letak = table, row (the unit) and column (the period) as printed.

    kunci is "survei:<kuesioner>:<periode>" (periode "tahun" or "semester-<ke>") on the unit
    the figure describes; "<kuesioner>+<kuesioner>" is the mean of both indices, the Indeks
    Kepuasan Layanan. kinerja.lkip.sumber.pemeriksaan_survei_terbit reads them."""
    skm, iek = kuesioner_baku("skm").kode, kuesioner_baku("koordinasi").kode
    baris = []

    def catat(org, kode, periode, uraian, tabel, nilai):
        kolom = f"Semester {ROMAWI[int(periode[-1]) - 1]}" if periode != "tahun" else "Tahun"
        if tabel == 31 and periode == "tahun":
            kolom = "Rata-rata"
        letak = {"tabel": f"Tabel {tabel}", "baris": org.nama, "kolom": kolom}
        baris.append(
            (org, f"survei:{kode}:{periode}", uraian, f"LKIP {tahun} Tabel {tabel}", nilai, letak)
        )

    def per_semester(org, kode, uraian, tabel, nilai):
        for ke, (romawi, v) in enumerate(zip(("I", "II"), nilai, strict=True), start=1):
            catat(org, kode, f"semester-{ke}", f"{uraian}, semester {romawi}", tabel, v)

    kelurahan = {
        _normal(o.nama): o
        for o in Organisasi.objects.filter(jenis="kelurahan", jalur__startswith=kota.jalur)
    }
    for nama, r1, r2, rata in TABEL_31:  # two rounds and their mean per kelurahan
        org = kelurahan.get(_normal(nama))
        if org is not None:
            per_semester(org, skm, f"IKM Kelurahan {nama}", 31, (r1, r2))
            catat(org, skm, "tahun", f"IKM Kelurahan {nama}, rata-rata {tahun}", 31, rata)
    ikm, ikl = jp.IKM_KOTA, jp.INDEKS_KEPUASAN_LAYANAN
    for kode, uraian, tabel, nilai, semester in (  # the year's table, then its semesters'
        (skm, "IKM kota", 24, ikm["terbit"], ikm["semester_terbit"]),
        (iek, "Indeks efektivitas koordinasi kota", 32, jp.IEK["terbit"], jp.TABEL_33_TERBIT),
        (
            f"{skm}+{iek}",
            "Indeks Kepuasan Layanan Kota Administrasi",
            19,
            ikl["terbit"],
            ikl["semester_terbit"],
        ),
    ):
        catat(kota, kode, "tahun", f"{uraian}, tahun {tahun}", tabel, nilai)
        per_semester(kota, kode, uraian, tabel + 1, semester)
    for nama, org in _asisten(kota).items():
        uraian = f"Nilai efektivitas koordinasi bidang {nama}"
        per_semester(org, iek, uraian, 34, jp.TABEL_34_TERBIT[nama])
        # Tabel 72 prints a yearly value per asisten, as a program output indicator.
        catat(org, iek, "tahun", f"{uraian}, tahun {tahun}", 72, jp.TABEL_72_IEK_ASISTEN[nama])
    return baris


@transaction.atomic
def muat_angka_terbit(kota: Organisasi, tahun: int = 2024) -> dict:
    """The published survey figures as AngkaTerbit (idempotent: unchanged rows are not written)."""
    hitung = {"baru": 0, "diubah": 0, "sama": 0}
    for org, kunci, uraian, sumber, nilai, letak in angka_terbit(kota, tahun):
        perubahan = simpan_angka_terbit(
            org, tahun, kunci, uraian=uraian, sumber=sumber, nilai=nilai, **letak
        )
        hitung[perubahan] += 1
    return hitung


def muat(kota_slug: str = "jakarta-pusat", tahun: int = 2024) -> dict:
    """Load both examples and the published figures into an existing organisation tree
    (the example loader's)."""
    kota = Organisasi.objects.get(slug=kota_slug)
    return {
        "skm": muat_skm(kota, tahun),
        "iek": muat_iek(kota, tahun),
        "angka_terbit": muat_angka_terbit(kota, tahun),
    }


assert len(BUTIR_KOORDINASI) == 13
