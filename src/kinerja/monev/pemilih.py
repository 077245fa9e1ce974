"""Reads of the monev: the reporting calendar of units, the completeness board (units ×
periods) and the early-warning list. Every function runs a fixed number of queries whatever
the number of units, indicators and periods: counts are GROUP BY in the database, the rules
are rumus.kalender and rumus.proyeksi (keputusan 0051, 0052)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.db.models import Count, F, Q
from django.urls import reverse

from kinerja import angka as fmt
from kinerja.monev.models import AturanKalender, TanggalAnggaran
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import BatasWaktu, Realisasi
from kinerja.pengukuran.models import StatusRealisasi as S
from kinerja.perencanaan.models import ButirPK, JenisTarget, PerjanjianKinerja, StatusPK
from kinerja.rumus import kalender as rk
from kinerja.rumus.bilangan import DataTidakValid, bulat
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode, periode_dalam_tahun
from kinerja.rumus.proyeksi import ProyeksiCapaian, proyeksi_capaian

MASUK = (S.DIAJUKAN, S.DIVERIFIKASI)  # a realisasi that is in (submitted or verified)
JUDUL_JENIS = {
    "realisasi": "Realisasi",
    "verifikasi": "Verifikasi realisasi",
    "pk": "Perjanjian Kinerja",
    "lkip": "LKIP",
    "lke": "LKE (evaluasi internal)",
}


def _leluhur(units) -> dict[int, list[int]]:
    """Unit -> the ids from the root down to the unit (from the materialised path)."""
    return {u.pk: [int(x) for x in u.jalur.strip("/").split("/") if x] for u in units}


def aturan_unit(units: list[Organisasi]) -> dict[int, rk.AturanKalender]:
    """The calendar rules of each unit: the nearest AturanKalender at or above it, else
    the defaults (one query)."""
    jalur = _leluhur(units)
    semua = {x for ids in jalur.values() for x in ids}
    ada = {a.organisasi_id: a.aturan() for a in AturanKalender.objects.filter(organisasi__in=semua)}
    hasil = {}
    for u in units:
        pilih = next((ada[x] for x in reversed(jalur[u.pk]) if x in ada), None)
        hasil[u.pk] = pilih or rk.AturanKalender()
    return hasil


def batas_manual(units: list[Organisasi], tahun: int) -> dict[int, dict[tuple[str, int], dt.date]]:
    """Per unit, the due dates set by hand per period (pengukuran.BatasWaktu at the unit or
    above; the nearest wins), one query."""
    jalur = _leluhur(units)
    semua = {x for ids in jalur.values() for x in ids}
    per_org: dict[int, dict] = defaultdict(dict)
    for b in BatasWaktu.objects.filter(organisasi__in=semua, tahun=tahun):
        per_org[b.organisasi_id][(b.jenis_periode, b.ke)] = b.tanggal
    hasil = {}
    for u in units:
        gabung: dict = {}
        for x in jalur[u.pk]:  # root first, deeper units override
            gabung.update(per_org.get(x, {}))
        hasil[u.pk] = gabung
    return hasil


@dataclass
class Hitungan:
    """The counts behind calendar and board, for a set of units and a year."""

    harapan: dict[int, dict[str, int]]  # unit -> frekuensi -> PK lines
    status: dict[tuple[int, str, int], dict[str, int]]  # (unit, jenis, ke) -> status -> n
    pk_ada: set[int]
    pk_ditandatangani: set[int]
    lkip_selesai: set[int]
    lke_diajukan: set[int]
    tanggal_anggaran: dict[int, dt.date]
    pk_lalu: set[int] = field(default_factory=set)  # units with a PK the year before


def hitung(
    units: list[Organisasi], tahun: int, *, draf_ids: set[int] | None = None, ringkas=False
) -> Hitungan:
    """Expected entries and realisasi per status, GROUP BY in the database (six queries;
    two with `ringkas`, for the board, which needs no PK, LKIP, LKE or budget dates).
    A unit outside `draf_ids` (None = all units) counts only verified rows and the lines
    of a signed PK, as the kelengkapan page does."""
    from kinerja.evaluasi.models import LembarKerja, StatusLembar
    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    ids = [u.pk for u in units]
    draf = set(ids) if draf_ids is None else set(draf_ids)
    pk_terlihat = Q(pk_dokumen__status=StatusPK.DITANDATANGANI) | Q(pk_dokumen__organisasi__in=draf)
    harapan: dict[int, dict[str, int]] = defaultdict(dict)
    for org, frek, n in (
        ButirPK.objects.filter(pk_terlihat, pk_dokumen__tahun=tahun, pk_dokumen__organisasi__in=ids)
        .values_list("pk_dokumen__organisasi", "indikator__frekuensi")
        .annotate(n=Count("id"))
    ):
        harapan[org][frek] = harapan[org].get(frek, 0) + n
    status: dict[tuple[int, str, int], dict[str, int]] = defaultdict(dict)
    for org, jenis, ke, st, n in (
        Realisasi.objects.filter(  # one filter(): the conditions on butir_pk share one join
            Q(status=S.DIVERIFIKASI) | Q(organisasi__in=draf),
            Q(indikator__butir_pk__pk_dokumen__status=StatusPK.DITANDATANGANI)
            | Q(organisasi__in=draf),
            organisasi__in=ids,
            tahun=tahun,
            jenis_periode=F("indikator__frekuensi"),
            indikator__butir_pk__pk_dokumen__tahun=tahun,
        )
        .values_list("organisasi", "jenis_periode", "ke", "status")
        .annotate(n=Count("id", distinct=True))
    ):
        status[(org, jenis, ke)][st] = n
    if ringkas:
        return Hitungan(harapan, status, set(), set(), set(), set(), {})
    pk = list(
        PerjanjianKinerja.objects.filter(organisasi__in=ids, tahun__in=[tahun - 1, tahun])
        .values_list("organisasi", "status", "tahun")
        .distinct()
    )
    return Hitungan(
        harapan=harapan,
        status=status,
        pk_ada={o for o, _, t in pk if t == tahun},
        pk_ditandatangani={o for o, s, t in pk if t == tahun and s == StatusPK.DITANDATANGANI},
        pk_lalu={o for o, _, t in pk if t == tahun - 1},
        lkip_selesai=set(
            PekerjaanLkip.objects.filter(
                organisasi__in=ids, tahun=tahun, status=StatusPekerjaan.SELESAI
            ).values_list("organisasi", flat=True)
        ),
        lke_diajukan=set(
            LembarKerja.objects.filter(organisasi__in=ids, tahun=tahun)
            .exclude(status__in=[StatusLembar.DRAF, StatusLembar.DIKEMBALIKAN])
            .values_list("organisasi", flat=True)
        ),
        tanggal_anggaran=dict(
            TanggalAnggaran.objects.filter(organisasi__in=ids, tahun=tahun).values_list(
                "organisasi", "tanggal"
            )
        ),
    )


# --- calendar -----------------------------------------------------------------------------


@dataclass
class ButirKalender:
    """One item of a unit's calendar: what is due when, and whether it is done."""

    organisasi: Organisasi
    jenis: str  # realisasi, verifikasi, pk, lkip, lke
    judul: str
    batas: dt.date
    keadaan: str  # rumus.kalender.KEADAAN
    kunci: str
    tautan: str
    periode: Periode | None = None
    harapan: int = 0
    kurang: int = 0  # entries not yet in (realisasi) or not yet verified (verifikasi)
    manual: bool = False  # the due date was set by hand (BatasWaktu)
    hari_terlambat: int = 0

    @property
    def label_keadaan(self) -> str:
        if self.keadaan == "terlambat":
            return f"Terlambat {self.hari_terlambat} hari"
        return {"selesai": "Selesai", "jatuh_tempo": "Jatuh tempo", "mendatang": "Mendatang"}[
            self.keadaan
        ]

    @property
    def uraian(self) -> str:
        if self.jenis == "realisasi" and self.kurang:
            return f"{self.kurang} dari {self.harapan} realisasi belum diajukan"
        if self.jenis == "verifikasi" and self.kurang:
            return f"{self.kurang} dari {self.harapan} realisasi belum diverifikasi"
        return ""


def tautan_isian(org: Organisasi, p: Periode) -> str:
    return reverse("monev:isian", args=[org.slug, p.tahun, p.jenis, p.ke])


def kalender(
    units: list[Organisasi],
    tahun: int,
    hari_ini: dt.date,
    *,
    draf_ids: set[int] | None = None,
    h: Hitungan | None = None,
) -> dict[int, list[ButirKalender]]:
    """Every unit's items of the year in due-date order (bounded: `hitung` plus two)."""
    h = h or hitung(units, tahun, draf_ids=draf_ids)
    aturan = aturan_unit(units)
    manual = batas_manual(units, tahun)
    hasil: dict[int, list[ButirKalender]] = {}
    for u in units:
        a = aturan[u.pk]
        daftar: list[ButirKalender] = []

        def tambah(jenis, judul, batas, selesai, kunci, tautan, *, _u=u, _a=a, _d=daftar, **lain):
            _d.append(
                ButirKalender(
                    organisasi=_u,
                    jenis=jenis,
                    judul=judul,
                    batas=batas,
                    keadaan=rk.keadaan(
                        batas, hari_ini, selesai=selesai, hari_peringatan=_a.hari_peringatan
                    ),
                    kunci=kunci,
                    tautan=tautan,
                    hari_terlambat=0 if selesai else rk.hari_terlambat(batas, hari_ini),
                    **lain,
                )
            )

        harapan = h.harapan.get(u.pk, {})
        for jenis, n in sorted(harapan.items(), key=lambda x: -JUMLAH_PERIODE[x[0]]):
            for p in periode_dalam_tahun(jenis, tahun):
                st = h.status.get((u.pk, jenis, p.ke), {})
                masuk = sum(st.get(s, 0) for s in MASUK)
                verif = st.get(S.DIVERIFIKASI, 0)
                b_manual = manual[u.pk].get((jenis, p.ke))
                batas = b_manual or rk.batas_realisasi(p, a)
                url = tautan_isian(u, p)
                tambah(
                    "realisasi",
                    f"Realisasi {p.label}",
                    batas,
                    masuk >= n,
                    f"realisasi:{u.pk}:{tahun}:{jenis}:{p.ke}",
                    url,
                    periode=p,
                    harapan=n,
                    kurang=max(n - masuk, 0),
                    manual=b_manual is not None,
                )
                tambah(
                    "verifikasi",
                    f"Verifikasi realisasi {p.label}",
                    batas + dt.timedelta(days=a.hari_verifikasi),
                    verif >= n,
                    f"verifikasi:{u.pk}:{tahun}:{jenis}:{p.ke}",
                    reverse("verifikasi"),
                    periode=p,
                    harapan=n,
                    kurang=max(n - verif, 0),
                )
        if harapan or u.pk in h.pk_ada or u.pk in h.pk_lalu:  # a unit that makes PKs
            tambah(
                "pk",
                f"Perjanjian Kinerja {tahun} ditandatangani",
                rk.batas_pk(tahun, a, tanggal_anggaran=h.tanggal_anggaran.get(u.pk)),
                u.pk in h.pk_ditandatangani,
                f"pk:{u.pk}:{tahun}",
                reverse("perencanaan:pk", args=[u.slug, tahun]),
            )
            tambah(
                "lkip",
                f"LKIP {tahun} dibangun",
                rk.batas_lkip(tahun, a),
                u.pk in h.lkip_selesai,
                f"lkip:{u.pk}:{tahun}",
                reverse("lkip:halaman", args=[u.slug, tahun]),
            )
            tambah(
                "lke",
                f"LKE {tahun} diajukan ke evaluator",
                rk.batas_lke(tahun, a),
                u.pk in h.lke_diajukan,
                f"lke:{u.pk}:{tahun}",
                reverse("evaluasi", args=[u.slug]),
            )
        daftar.sort(key=lambda b: (b.batas, b.judul))
        hasil[u.pk] = daftar
    return hasil


def tenggat_pengguna(user, tahun: int, hari_ini: dt.date) -> list[ButirKalender]:
    """The home page's list: items due soon or overdue in the user's units that the user
    acts on (entry for operators and admins, verification for verifikators), bounded."""
    from kinerja.inti.pemilih import unit_pengguna
    from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi

    units = [u.organisasi for u in unit_pengguna(user)]
    if not units:
        return []
    isi = {u.pk for u in units if dapat_mengisi(user, u)}
    verif = {u.pk for u in units if dapat_memverifikasi(user, u)}
    tampil = [u for u in units if u.pk in isi | verif]
    if not tampil:
        return []
    hasil = []
    for org, daftar in kalender(tampil, tahun, hari_ini).items():
        for b in daftar:
            if b.keadaan not in ("terlambat", "jatuh_tempo"):
                continue
            if (b.jenis == "verifikasi" and org in verif) or (
                b.jenis != "verifikasi" and org in isi
            ):
                hasil.append(b)
    hasil.sort(key=lambda b: (b.keadaan != "terlambat", b.batas, b.organisasi.jalur))
    return hasil


# --- completeness board -------------------------------------------------------------------

KEADAAN_SEL = ("kosong", "draf", "diajukan", "terverifikasi", "terlambat")
LABEL_SEL = {
    "kosong": "Kosong",
    "draf": "Draf",
    "diajukan": "Diajukan",
    "terverifikasi": "Terverifikasi",
    "terlambat": "Terlambat",
    "": "—",
}


def keadaan_sel(n: int, st: dict[str, int], batas: dt.date, hari_ini: dt.date) -> str:
    """The board's state of one unit and period [D] (keputusan 0051): terverifikasi when all
    n expected entries are verified, diajukan when all are in, terlambat when the due date
    has passed without all in, draf when some rows exist, else kosong; "" when nothing is
    expected."""
    if n <= 0:
        return ""
    verif = st.get(S.DIVERIFIKASI, 0)
    masuk = verif + st.get(S.DIAJUKAN, 0)
    if verif >= n:
        return "terverifikasi"
    if masuk >= n:
        return "diajukan"
    if hari_ini > batas:
        return "terlambat"
    return "draf" if sum(st.values()) else "kosong"


@dataclass
class SelPapan:
    periode: Periode
    keadaan: str
    batas: dt.date
    harapan: int
    jumlah: dict[str, int]
    tautan: str

    @property
    def label(self) -> str:
        return LABEL_SEL[self.keadaan]


@dataclass
class BarisPapan:
    organisasi: Organisasi
    sel: list[SelPapan] = field(default_factory=list)


def papan_semua(
    units: list[Organisasi],
    tahun: int,
    hari_ini: dt.date,
    *,
    draf_ids: set[int] | None = None,
) -> dict[str, list[BarisPapan]]:
    """Per frequency with PK lines among the units (most frequent first): units × periods
    with each cell's state and due date; four queries whatever the number of units. Units
    without PK lines of a frequency are left out of its board."""
    h = hitung(units, tahun, draf_ids=draf_ids, ringkas=True)
    aturan = aturan_unit(units)
    manual = batas_manual(units, tahun)
    ada = {j for per in h.harapan.values() for j in per}
    hasil: dict[str, list[BarisPapan]] = {}
    for jenis in (j for j in ("bulan", "triwulan", "semester", "tahun") if j in ada):
        daftar = hasil.setdefault(jenis, [])
        for u in units:
            n = h.harapan.get(u.pk, {}).get(jenis, 0)
            if not n:
                continue
            baris = BarisPapan(u)
            for p in periode_dalam_tahun(jenis, tahun):
                st = h.status.get((u.pk, jenis, p.ke), {})
                batas = manual[u.pk].get((jenis, p.ke)) or rk.batas_realisasi(p, aturan[u.pk])
                baris.sel.append(
                    SelPapan(
                        p, keadaan_sel(n, st, batas, hari_ini), batas, n, st, tautan_isian(u, p)
                    )
                )
            daftar.append(baris)
    return hasil


def papan(
    units: list[Organisasi],
    tahun: int,
    jenis: str,
    hari_ini: dt.date,
    *,
    draf_ids: set[int] | None = None,
) -> list[BarisPapan]:
    """The board of one frequency (see papan_semua)."""
    return papan_semua(units, tahun, hari_ini, draf_ids=draf_ids).get(jenis, [])


# --- early warning ------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _bulat0(x: Decimal) -> str:
    """A whole percent as kinerja.angka prints it; cached: a list has few distinct ones."""
    return fmt.angka(x, 0)


def _persen0(x: Decimal) -> str:
    return _bulat0(bulat(x, 0))


@dataclass
class BarisPeringatan:
    butir: ButirPK
    hasil: ProyeksiCapaian
    terisi: list[Decimal | None]  # the periods so far (None = not entered)
    periode_berjalan: int

    @property
    def indikator(self):
        return self.butir.indikator

    @property
    def kalimat(self) -> str:
        """'jika laju ini berlanjut, capaian akhir tahun diperkirakan 92 % (rentang 88-95 %)'."""
        c = self.hasil
        if c.capaian is None:
            return "belum ada realisasi periode untuk diproyeksikan"
        dasar = f"jika laju ini berlanjut, capaian akhir tahun diperkirakan {_persen0(c.capaian)} %"
        if c.bawah is None:
            return dasar + " (rentang belum dapat dihitung: terlalu sedikit periode)"
        return dasar + f" (rentang {_persen0(c.bawah)}-{_persen0(c.atas)} %)"

    @property
    def uraian_metode(self) -> str:
        c = self.hasil
        teks = f"{c.metode}: {c.proyeksi.uraian}" if c.metode else c.proyeksi.uraian
        if c.bawah is not None:
            teks += f"; rentang {c.cakupan} % bila pola periode sejauh ini berlanjut"
        return teks


def peringatan_dini(
    units: list[Organisasi],
    tahun: int,
    hari_ini: dt.date,
    *,
    draf_ids: set[int] | None = None,
    sampai_bulan: int | None = None,
) -> list[BarisPeringatan]:
    """The year-end projection of every numeric PK indicator with periodic data in the
    units (two queries): the periods ended by `hari_ini` (or entered, if later) against
    the yearly target, with the indicator's aggregation rule (rumus.proyeksi). Units
    outside `draf_ids` use verified realisasi only; `sampai_bulan` (a quarterly report)
    ignores the periods ending after that month."""
    ids = [u.pk for u in units]
    draf = set(ids) if draf_ids is None else set(draf_ids)
    butir = list(
        ButirPK.objects.filter(
            Q(pk_dokumen__status=StatusPK.DITANDATANGANI) | Q(pk_dokumen__organisasi__in=draf),
            pk_dokumen__tahun=tahun,
            pk_dokumen__organisasi__in=ids,
            indikator__jenis_target__in=[JenisTarget.BIASA, JenisTarget.TEPAT],
            target__isnull=False,
        )
        .exclude(indikator__frekuensi="tahun")
        .select_related("indikator", "pk_dokumen__organisasi")
        .order_by("pk_dokumen__organisasi__jalur", "indikator__sasaran__nomor", "urutan", "pk")
    )
    nilai: dict[tuple[int, int], Decimal | None] = {}
    for ind, ke, v in Realisasi.objects.filter(
        Q(status=S.DIVERIFIKASI) | Q(organisasi__in=draf),
        indikator__in={b.indikator_id for b in butir},
        tahun=tahun,
        jenis_periode=F("indikator__frekuensi"),
        nilai__isnull=False,
    ).values_list("indikator_id", "ke", "nilai"):
        nilai[(ind, ke)] = v
    berjalan = {j: rk.periode_berjalan(j, tahun, hari_ini) for j in JUMLAH_PERIODE}
    hasil = []
    for b in butir:
        ind = b.indikator
        n = JUMLAH_PERIODE[ind.frekuensi]
        ada = [k for k in range(1, n + 1) if (ind.pk, k) in nilai]
        k = max([berjalan[ind.frekuensi]] + ada)
        if sampai_bulan is not None:
            k = min(k, sampai_bulan * n // 12)
        if k == 0:
            continue
        deret = [nilai.get((ind.pk, x)) for x in range(1, k + 1)]
        try:
            c = proyeksi_capaian(
                deret,
                n=n,
                cara=ind.cara_agregasi,
                target=b.target,
                polaritas=ind.polaritas,
                metode_negatif=ind.metode_negatif,
                jenis_target="tepat" if ind.jenis_target == JenisTarget.TEPAT else "biasa",
            )
        except DataTidakValid:
            continue  # a target the capaian formula cannot use is reported by the reviu
        hasil.append(BarisPeringatan(b, c, deret, k))
    return hasil
