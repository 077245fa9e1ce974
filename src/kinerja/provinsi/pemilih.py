"""The province page's reads (keputusan 0057): per child unit of a province (kota/kabupaten
administrasi, perangkat daerah) the figures each unit's own pages show, from the same
selectors, so no number here can differ from the unit's dashboard:

- capaian: `pengukuran.pemilih.dasbor` with final figures only (a signed PK, verified
  realisasi); the IKU mean is `rumus.sasaran.capaian_sasaran` (the unweighted mean of
  Tabel 18) over the PK lines whose indicator is an IKU; the predikat distribution is the
  dashboard's `rekap` (all PK lines);
- IKM: `survei.pemilih.laporan` of the unit's SKM questionnaire, the year's value;
- NKA: `anggaran.pemilih.anggaran`; without complete budget data "tidak tersedia" with the
  first reason the budget check gives;
- completeness: `monev.pemilih.hitung` (two grouped queries for all units) per period of
  each frequency in the PKs: expected, entered (any status the reader may see), verified.

Queries: the completeness counts and the survey lookup are set-based; the dashboard, survey
report and budget of a unit are their selectors' own queries, so the total grows linearly
with the units (tested: a fixed number per unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404

from kinerja.organisasi.models import JenisOrganisasi, Organisasi
from kinerja.perencanaan.models import PerjanjianKinerja
from kinerja.rumus import sasaran as rs
from kinerja.rumus.periode import JUMLAH_PERIODE, label_pendek
from kinerja.rumus.skala import TIDAK_ADA_DATA

JENIS_ANAK = (
    JenisOrganisasi.KOTA_ADMINISTRASI,
    JenisOrganisasi.KABUPATEN_ADMINISTRASI,
    JenisOrganisasi.PERANGKAT_DAERAH,
)
URUTAN_FREKUENSI = ("bulan", "triwulan", "semester", "tahun")


class ProvinsiTidakDikenal(Http404):
    pass


@dataclass
class SelKelengkapan:
    jenis: str
    ke: int
    harapan: int
    diisi: int
    terverifikasi: int

    @property
    def label(self) -> str:
        return label_pendek(self.jenis, self.ke)


@dataclass
class BarisUnit:
    organisasi: Organisasi
    jumlah_butir: int
    jumlah_iku: int
    iku: rs.HasilSasaran | None  # the IKU mean (None: no IKU line in the PK)
    rekap: dict[str, int]
    ikm: Decimal | None
    ikm_responden: int
    ikm_kuesioner: str
    nka: Decimal | None
    nka_kategori: str
    nka_keterangan: str
    kelengkapan: list[SelKelengkapan] = field(default_factory=list)
    peringkat: int | None = None

    @property
    def capaian_iku(self) -> Decimal | None:
        return self.iku.capaian if self.iku else None

    @property
    def harapan(self) -> int:
        return sum(s.harapan for s in self.kelengkapan)

    @property
    def diisi(self) -> int:
        return sum(s.diisi for s in self.kelengkapan)

    @property
    def terverifikasi(self) -> int:
        return sum(s.terverifikasi for s in self.kelengkapan)

    @property
    def persen_terverifikasi(self) -> Decimal | None:
        return Decimal(self.terverifikasi) * 100 / self.harapan if self.harapan else None


@dataclass
class HalamanProvinsi:
    provinsi: Organisasi
    tahun: int
    unit: list[BarisUnit]
    rekap: dict[str, int]  # predikat counts of all units' PK lines
    rata_rata_iku: rs.HasilSasaran | None  # unweighted mean of the units' IKU means


def provinsi(slug: str) -> Organisasi:
    org = Organisasi.objects.filter(slug=slug, jenis=JenisOrganisasi.PROVINSI).first()
    if org is None:
        raise ProvinsiTidakDikenal(f"Provinsi '{slug}' tidak ditemukan.")
    return org


def provinsi_pengguna(user) -> list[Organisasi]:
    """The provinces whose page the user may open, for the start page's link.

    Read from the user's role assignments, which the start page has already loaded (cached
    per request), so an ordinary user costs no query: `provinsi.lihat` needs a pimpinan,
    evaluator or admin role at the province or above it, and a province is the top kind of
    unit, so such a role is either at a province (listed directly) or at a tree top of
    another kind. Only that case and superusers (every province) need one query."""
    from kinerja.organisasi.izin import penugasan_aktif
    from kinerja.provinsi.izin import PERAN_PROVINSI

    if not getattr(user, "is_authenticated", False):
        return []
    calon: dict[int, Organisasi] = {}
    puncak = []  # tree tops that are not provinces: provinces may lie below them
    for p in penugasan_aktif(user):
        if p.peran not in PERAN_PROVINSI:
            continue
        if p.organisasi.jenis == JenisOrganisasi.PROVINSI:
            calon[p.organisasi.pk] = p.organisasi
        elif p.organisasi.induk_id is None:
            puncak.append(p.organisasi)
    if getattr(user, "is_superuser", False) or puncak:
        qs = Organisasi.objects.filter(jenis=JenisOrganisasi.PROVINSI)
        if not getattr(user, "is_superuser", False):
            qs = qs.filter(_di_bawah_salah_satu(puncak))
        calon.update({o.pk: o for o in qs})
    return sorted(
        (o for o in calon.values() if user.has_perm("provinsi.lihat", o)),
        key=lambda o: (o.nama, o.pk),
    )


def _di_bawah_salah_satu(units: list[Organisasi]):
    from functools import reduce
    from operator import or_

    from django.db.models import Q

    return reduce(or_, (Q(jalur__startswith=u.jalur) for u in units))


def unit_anak(prov: Organisasi) -> list[Organisasi]:
    """The units compared: the province's direct children of the kinds in JENIS_ANAK."""
    return list(prov.anak.filter(jenis__in=JENIS_ANAK).order_by("urutan", "nama", "pk"))


def periksa_tahun(prov: Organisasi, units: list[Organisasi], tahun: int) -> None:
    """A year no unit has a PK for is not a year of this province (404, in Indonesian)."""
    if not PerjanjianKinerja.objects.filter(organisasi__in=units, tahun=tahun).exists():
        raise ProvinsiTidakDikenal(
            f"Tahun {tahun} tidak dikenal untuk {prov.nama}: belum ada Perjanjian Kinerja "
            "unit mana pun pada tahun itu."
        )


def _kuesioner_skm(units: list[Organisasi], tahun: int) -> dict[int, str]:
    """The SKM questionnaire with rounds at or below each unit (one grouped query)."""
    from kinerja.inti.pemilih import ringkasan_survei
    from kinerja.survei.models import JenisKuesioner

    hasil = {}
    for pk, r in ringkasan_survei(units, tahun).items():
        kode = next((k.kode for k in r.kuesioner if k.jenis == JenisKuesioner.SKM), "")
        if kode:
            hasil[pk] = kode
    return hasil


def _kelengkapan(units: list[Organisasi], tahun: int, draf_ids: set[int]):
    from kinerja.monev.pemilih import hitung

    h = hitung(units, tahun, draf_ids=draf_ids, ringkas=True)
    hasil: dict[int, list[SelKelengkapan]] = {}
    for u in units:
        sel = []
        for jenis in URUTAN_FREKUENSI:
            n = h.harapan.get(u.pk, {}).get(jenis, 0)
            if not n:
                continue
            for ke in range(1, JUMLAH_PERIODE[jenis] + 1):
                st = h.status.get((u.pk, jenis, ke), {})
                sel.append(
                    SelKelengkapan(jenis, ke, n, sum(st.values()), st.get("diverifikasi", 0))
                )
        hasil[u.pk] = sel
    return hasil


def angka_unit(organisasi: Organisasi, tahun: int, kuesioner_skm: str = "") -> dict:
    """The engine's figures of one unit, each from the unit's own selector (the reference the
    province page is tested against)."""
    from kinerja.anggaran.pemilih import anggaran
    from kinerja.pengukuran.pemilih import dasbor
    from kinerja.survei.pemilih import laporan

    d = dasbor(organisasi, tahun, hanya_terverifikasi=True)
    iku = [b.hasil.capaian if b.hasil else None for b in d.baris if b.indikator.iku]
    ikm, n = None, 0
    if kuesioner_skm:
        a = laporan(organisasi, kuesioner_skm, tahun).total["tahun"]
        ikm, n = a.konversi, a.n
    nka, kategori, ket = None, "", ""
    if d.pk is not None:
        h = anggaran(organisasi, tahun)
        if h.nka is not None and h.nka.nilai_kinerja_anggaran is not None:
            nka, kategori = h.nka.nilai_kinerja_anggaran, h.nka.kategori or ""
        else:
            ket = h.galat[0].pesan if h.galat else "data anggaran belum lengkap"
    else:
        ket = "tidak ada Perjanjian Kinerja yang ditandatangani"
    return {
        "jumlah_butir": len(d.baris),
        "jumlah_iku": len(iku),
        "iku": rs.capaian_sasaran(iku) if iku else None,
        "rekap": d.rekap,
        "ikm": ikm,
        "ikm_responden": n,
        "ikm_kuesioner": kuesioner_skm,
        "nka": nka,
        "nka_kategori": kategori,
        "nka_keterangan": ket,
    }


def _peringkat(baris: list[BarisUnit]) -> None:
    """Rank by the IKU mean, highest first; equal means share a rank (1, 2, 2, 4); a unit
    without an IKU mean has no rank."""
    urut = sorted((b for b in baris if b.capaian_iku is not None), key=lambda b: -b.capaian_iku)
    for i, b in enumerate(urut):
        sebelum = urut[i - 1] if i else None
        b.peringkat = (
            sebelum.peringkat if sebelum and sebelum.capaian_iku == b.capaian_iku else i + 1
        )


def halaman(prov: Organisasi, tahun: int, *, draf_ids: set[int]) -> HalamanProvinsi:
    """Everything the province page and its API show. `draf_ids`: the units whose draft
    realisasi the reader may see (counted as entered in the completeness)."""
    units = unit_anak(prov)
    periksa_tahun(prov, units, tahun)
    skm = _kuesioner_skm(units, tahun)
    lengkap = _kelengkapan(units, tahun, draf_ids)
    baris = [
        BarisUnit(
            organisasi=u, **angka_unit(u, tahun, skm.get(u.pk, "")), kelengkapan=lengkap[u.pk]
        )
        for u in units
    ]
    _peringkat(baris)
    rekap: dict[str, int] = {}
    for b in baris:
        for k, v in b.rekap.items():
            rekap[k] = rekap.get(k, 0) + v
    rerata = [b.capaian_iku for b in baris if b.iku is not None]
    return HalamanProvinsi(
        provinsi=prov,
        tahun=tahun,
        unit=baris,
        rekap=rekap,
        rata_rata_iku=rs.capaian_sasaran(rerata) if rerata else None,
    )


def label_predikat(rekap: dict[str, int]) -> list[str]:
    return [k for k in rekap if k != TIDAK_ADA_DATA]
