"""Three more kota administrasi of DKI Jakarta for the province page (issue 15): EXAMPLE DATA,
generated, not transcribed. Every unit carries "(data contoh)" in its name.

Jakarta Selatan, Jakarta Barat and Jakarta Timur each get two kecamatan with two kelurahan,
a PK 2024 signed by the walikota, realisasi entered as verified example figures (with an
"impor" workflow event naming them as example data) and an SKM round per kelurahan and
semester (responses through `survei.layanan.respon_simpan_banyak`). No budget: their NKA is
"tidak tersedia" on the province page (keputusan 0058).

The PK mixes indicators with the SAME kode as Jakarta Pusat's (ILK, IKM, IEK, SDI, BMD,
PENGADUAN), so the peer comparisons of the LKIP and the province page compare like with like,
with indicators of their own (kode `CONTOH-...`) that match nothing. For ILK, IKM and IEK the
yearly value equals the peer figure Jakarta Pusat's LKIP 2024 prints (Tabel 23, 29, 40), so
the LKIP's comparison table does not change when the entered rows give way to the data; the
entered rows are linked to these units (`NilaiPembanding.organisasi_pembanding`). Every other
figure comes from `random.Random` seeded by the unit and indicator, so a run gives the same
rows; a second run writes nothing (`contoh.simpan.simpan_bila_berubah`, keputusan 0031).
"""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction

from kinerja.contoh.muat import _Pemuat
from kinerja.organisasi.models import JenisOrganisasi, Organisasi

LABEL = "(data contoh)"
TAHUN = 2024
PROVINSI = "dki-jakarta"
SUMBER = f"data contoh kota lain {TAHUN} (bukan angka terbit)"

# slug, short name (as the seed's peer tables write it), {kecamatan: [kelurahan]}
KOTA = (
    ("jakarta-selatan", "Jakarta Selatan",
     {"Kebayoran Baru": ["Senayan", "Gunung"], "Tebet": ["Tebet Barat", "Manggarai"]}),
    ("jakarta-barat", "Jakarta Barat",
     {"Grogol Petamburan": ["Tanjung Duren Utara", "Jelambar"],
      "Kembangan": ["Kembangan Selatan", "Meruya Utara"]}),
    ("jakarta-timur", "Jakarta Timur",
     {"Matraman": ["Pal Meriam", "Kayu Manis"], "Jatinegara": ["Cipinang Cempedak", "Rawa Bunga"]}),
)  # fmt: skip

# The peers' yearly figures printed in Jakarta Pusat's LKIP 2024 (Tabel 23, 29, 40).
TERBIT = {
    "jakarta-selatan": {"ILK": "95.61", "IKM": "96.80", "IEK": "94.42"},
    "jakarta-barat": {"ILK": "95.99", "IKM": "96.18", "IEK": "95.81"},
    "jakarta-timur": {"ILK": "96.66", "IKM": "97.91", "IEK": "95.42"},
}

# kode, nama, satuan, frekuensi, cara_agregasi, iku, sasaran, target, (low, high) of the value
INDIKATOR = (
    ("ILK", "Indeks Kepuasan Layanan Kota Administrasi", "indeks", "semester", "rata_rata",
     True, 1, "93.93", None),
    ("IKM", "Indeks kepuasan masyarakat terhadap layanan kegiatan kemasyarakatan", "indeks",
     "semester", "nilai_akhir", True, 1, "95", None),
    ("IEK", "Indeks Efektivitas Koordinasi Kota Administrasi", "indeks", "semester",
     "rata_rata", True, 2, "90.35", None),
    ("SDI", "Nilai kualitas data SDI", "nilai", "tahun", "nilai_akhir", False, 2, "4", (3, 4)),
    ("BMD", "Persentase pelaksanaan inventarisasi BMD pada Pengguna Barang", "%", "tahun",
     "nilai_akhir", False, 2, "100", (85, 100)),
    ("PENGADUAN", "Persentase capaian penyelesaian pengaduan masyarakat", "%", "tahun",
     "nilai_akhir", False, 1, "90", (78, 99)),
    ("CONTOH-RTH", "Persentase taman kota yang terpelihara baik", "%", "semester",
     "rata_rata", True, 1, "85", (70, 95)),
    ("CONTOH-BANJIR", "Persentase titik genangan yang surut kurang dari 6 jam", "%", "tahun",
     "nilai_akhir", False, 1, "80", (60, 92)),
)  # fmt: skip
# Periods left without a realisasi, so completeness differs between the units.
KOSONG = {"jakarta-barat": {("CONTOH-RTH", "semester", 2), ("BMD", "tahun", 1)}}


def _dua(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _semester(tahunan: Decimal, cara: str, rng: random.Random) -> tuple[Decimal, Decimal]:
    """Two semester values whose yearly value (mean, or the last one) is exactly `tahunan`."""
    d = Decimal(rng.randrange(10, 90)) / 100
    if cara == "rata_rata":
        return tahunan - d, tahunan + d
    return tahunan - d, tahunan


# the value range of an index without a published figure (a generated kota, muat_kota_buatan)
RENTANG_INDEKS = (88, 99)


def _nilai(slug: str, kode: str, rentang) -> Decimal:
    if kode in TERBIT.get(slug, {}):
        return Decimal(TERBIT[slug][kode])
    rng = random.Random(f"kota-lain-{slug}-{kode}-{TAHUN}")
    bawah, atas = rentang or RENTANG_INDEKS
    return _dua(Decimal(str(bawah)) + Decimal(rng.randrange(0, 10001)) * (atas - bawah) / 10000)


class _PemuatKota(_Pemuat):
    """The example loader's writers (natural keys, save only when changed, realisasi as a
    verified import with its event), fed from the generator instead of JSON fixtures."""

    ALASAN_IMPOR = "Dimuat dari {sumber} (data contoh buatan, dianggap terverifikasi)."

    def __init__(self):
        super().__init__(folder=None)

    def kota(self, provinsi: Organisasi, urutan: int, slug: str, nama: str, wilayah: dict):
        kota = self.simpan(
            Organisasi,
            {"slug": slug},
            {
                "nama": f"Kota Administrasi {nama} {LABEL}",
                "jenis": JenisOrganisasi.KOTA_ADMINISTRASI,
                "induk": provinsi,
                "koordinator": None,
                "alamat": "",
                "urutan": urutan,
            },
        )
        self.org[slug] = kota
        for i, (kec, kelurahan) in enumerate(wilayah.items(), start=1):
            kslug = f"{slug}-kec-{_slug(kec)}"
            k = self.simpan(
                Organisasi,
                {"slug": kslug},
                {
                    "nama": f"Kecamatan {kec} {LABEL}",
                    "jenis": JenisOrganisasi.KECAMATAN,
                    "induk": kota,
                    "urutan": i,
                },
            )
            for j, kel in enumerate(kelurahan, start=1):
                self.org[f"{slug}-kel-{_slug(kel)}"] = self.simpan(
                    Organisasi,
                    {"slug": f"{slug}-kel-{_slug(kel)}"},
                    {
                        "nama": f"Kelurahan {kel} {LABEL}",
                        "jenis": JenisOrganisasi.KELURAHAN,
                        "induk": k,
                        "urutan": j,
                    },
                )
        return kota

    def perencanaan(self, kota: Organisasi, nama: str):
        from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran

        sasaran = {
            n: self.simpan(
                Sasaran,
                {"organisasi": kota, "nomor": n},
                {"kelompok": "strategis", "uraian": f"{uraian} {LABEL}"},
            )
            for n, uraian in (
                (1, f"Meningkatnya kualitas layanan publik di Kota Administrasi {nama}"),
                (2, "Meningkatnya efektivitas koordinasi penyelenggaraan pemerintahan wilayah"),
            )
        }
        pk = self.simpan(
            PerjanjianKinerja,
            {"organisasi": kota, "tahun": TAHUN},
            {
                "pihak_pertama_jabatan": f"Walikota Kota Administrasi {nama}",
                "pihak_kedua_jabatan": "Gubernur Provinsi DKI Jakarta",
                "tempat": "Jakarta",
                "induk": None,
            },
        )
        for u, (kode, nama_i, satuan, frek, cara, iku, s, target, _r) in enumerate(
            INDIKATOR, start=1
        ):
            ind = self.simpan(
                Indikator,
                {"organisasi": kota, "kode": kode},
                {
                    "sasaran": sasaran[s],
                    "nama": f"{nama_i} {LABEL}",
                    "satuan": satuan,
                    "polaritas": "positif",
                    "jenis_target": "biasa",
                    "frekuensi": frek,
                    "cara_agregasi": cara,
                    "sumber_data": SUMBER,
                    "iku": iku,
                    "urutan": u,
                },
            )
            self.indikator[(kota.slug, kode)] = ind
            self.simpan(
                ButirPK,
                {"pk_dokumen": pk, "indikator": ind},
                {"target": Decimal(target), "target_teks": "", "urutan": u},
            )

    def realisasi_kota(self, slug: str):
        kosong = KOSONG.get(slug, set())
        for kode, _n, _s, frek, cara, _iku, _sa, _t, rentang in INDIKATOR:
            tahunan = _nilai(slug, kode, rentang)
            if frek == "semester":
                rng = random.Random(f"kota-lain-{slug}-{kode}-{TAHUN}-semester")
                periode = list(enumerate(_semester(tahunan, cara, rng), start=1))
            else:
                periode = [(1, tahunan)]
            for ke, nilai in periode:
                if (kode, frek, ke) in kosong:
                    continue
                self._impor_realisasi(
                    {
                        "organisasi": slug,
                        "indikator": kode,
                        "tahun": TAHUN,
                        "jenis_periode": frek,
                        "ke": ke,
                        "nilai": str(nilai),
                        "sumber": SUMBER,
                    }
                )

    def tautkan_pembanding(self, slug: str, nama: str):
        """Jakarta Pusat's entered peer rows that name this kota point to it, so the
        selector puts the unit's verified value in their place (no duplicate row)."""
        from kinerja.pengukuran.models import NilaiPembanding

        for p in NilaiPembanding.objects.filter(nama=nama, standar_nasional=False):
            if p.organisasi_pembanding_id != self.org[slug].pk:
                p.organisasi_pembanding = self.org[slug]
                p._change_reason = "ditautkan ke unit data contoh"
                p.save()
                self.diubah["nilaipembanding"] += 1


def _slug(nama: str) -> str:
    from django.utils.text import slugify

    return slugify(nama)


def _survei(kota: Organisasi, kelurahan: list[Organisasi]) -> int:
    """One SKM round per kelurahan and semester; a round that exists is left as it is."""
    from kinerja.survei.contoh import _demografi, _masa_semester, _waktu, jawaban_skm
    from kinerja.survei.kuesioner import kuesioner_baku
    from kinerja.survei.layanan import IsianRespon, respon_simpan_banyak
    from kinerja.survei.models import PutaranSurvei, Saluran

    k = kuesioner_baku("skm")
    isian_demografi = list(k.demografi.all())
    ada = set(
        PutaranSurvei.objects.filter(
            kuesioner=k, organisasi__in=kelurahan, tahun=TAHUN, jenis_periode="semester"
        ).values_list("organisasi_id", "ke")
    )
    dasar = Decimal(TERBIT.get(kota.slug, {}).get("IKM", "95"))
    dimuat = 0
    for org in kelurahan:
        for ke in (1, 2):
            if (org.pk, ke) in ada:
                continue
            rng = random.Random(f"kota-lain-skm-{org.slug}-{TAHUN}-{ke}")
            target = _dua(dasar - Decimal(rng.randrange(0, 300)) / 100)
            baris = jawaban_skm(target, rng)
            p = PutaranSurvei(
                kuesioner=k,
                organisasi=org,
                layanan=None,
                jenis_periode="semester",
                tahun=TAHUN,
                ke=ke,
                populasi=len(baris) * rng.randint(5, 25),
                status="ditutup",
                **_masa_semester(TAHUN, ke),
                pelaksana=f"Kelurahan {LABEL}",
                keterangan="Data contoh buatan (kinerja.contoh.kota_lain), bukan data JakSurvei.",
            )
            p._change_reason = "data contoh"
            p.save()
            dimuat += respon_simpan_banyak(
                putaran=p,
                daftar=[
                    IsianRespon(
                        jawaban={f"F{i}": v for i, v in enumerate(r, start=1)},
                        demografi=_demografi(isian_demografi, rng),
                        saran="",
                        telepon="",
                        diterima_pada=_waktu(rng, TAHUN, ke),
                        sumber="contoh",
                    )
                    for r in baris
                ],
                saluran=Saluran.WEB,
            )
    return dimuat


@transaction.atomic
def muat_kota_lain() -> dict:
    """Load (or refresh) the three example kota under the province; returns counts.
    Needs the province (loaded by `muat_contoh("jakarta-pusat")`)."""
    provinsi = Organisasi.objects.get(slug=PROVINSI)
    m = _PemuatKota()
    respon = 0
    for urutan, (slug, nama, wilayah) in enumerate(KOTA, start=2):
        kota = m.kota(provinsi, urutan, slug, nama, wilayah)
        m.perencanaan(kota, nama)
        m.realisasi_kota(slug)
        m.tautkan_pembanding(slug, nama)
        kel = [o for s, o in m.org.items() if s.startswith(f"{slug}-kel-")]
        respon += _survei(kota, kel)
    hasil = dict(sorted(m.jumlah.items()))
    hasil["respon_baru"] = respon
    hasil["baru"] = sum(m.baru.values())
    hasil["diubah"] = sum(m.diubah.values())
    return hasil


@transaction.atomic
def muat_kota_buatan(jumlah: int, *, awalan: str = "kota-buatan", urutan_awal: int = 10) -> list:
    """`jumlah` more generated kota of the same shape under the province, for benchmarks
    and load tests (bench/lkip_massal.py): each a PK of the eight indicators above with
    verified example realisasi and an SKM round per semester at the kota itself (no kecamatan).
    Labelled "(data contoh)" like the three above; deterministic and idempotent."""
    provinsi = Organisasi.objects.get(slug=PROVINSI)
    m = _PemuatKota()
    hasil = []
    for i in range(1, jumlah + 1):
        slug, nama = f"{awalan}-{i:03d}", f"Buatan {i:03d}"
        kota = m.kota(provinsi, urutan_awal + i, slug, nama, {})
        m.perencanaan(kota, nama)
        m.realisasi_kota(slug)
        _survei(kota, [kota])
        hasil.append(kota)
    return hasil
