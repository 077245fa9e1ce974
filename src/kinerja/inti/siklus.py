"""The SAKIP cycle as the web app's navigation (docs: DESIGN.md, "The SAKIP cycle is the
architecture"): the six stages, which URL belongs to which stage, where the global
navigation sends a user, and the per-unit cards of the start page and the stage pages.

Only the reads in `pemilih.py` touch the database; this module turns them and the user's
roles (the `organisasi.izin` predicates, evaluated on the request's cached assignments)
into links. A link is offered only where the target page would admit the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kinerja import angka as fmt
from kinerja.inti import pemilih
from kinerja.organisasi.izin import (
    dapat_memverifikasi,
    dapat_mencatat_temuan,
    dapat_mengisi,
)
from kinerja.organisasi.models import Peran
from kinerja.perencanaan.models import StatusPK


@dataclass(frozen=True)
class Tahap:
    kode: str
    judul: str
    uraian: str


# Titles and descriptions are translated when shown (lazy): Indonesian unless the user chose
# another language in the footer (kinerja.inti.bahasa).
TAHAP = (
    Tahap(
        "perencanaan",
        gettext_lazy("Perencanaan"),
        gettext_lazy("Renstra, indikator dan Perjanjian Kinerja"),
    ),
    Tahap(
        "pengukuran",
        gettext_lazy("Pengukuran"),
        gettext_lazy("Realisasi, bukti dukung, verifikasi dan capaian"),
    ),
    Tahap(
        "survei",
        gettext_lazy("Survei"),
        gettext_lazy("Survei kepuasan masyarakat (IKM) dan efektivitas koordinasi"),
    ),
    Tahap(
        "anggaran",
        gettext_lazy("Anggaran"),
        gettext_lazy("Realisasi anggaran dan Nilai Kinerja Anggaran"),
    ),
    Tahap(
        "pelaporan",
        gettext_lazy("Pelaporan"),
        gettext_lazy("Laporan Kinerja (LKIP): bangun, sunting narasi, unduh"),
    ),
    Tahap(
        "evaluasi",
        gettext_lazy("Evaluasi"),
        gettext_lazy("Hasil evaluasi SAKIP, temuan dan tindak lanjut"),
    ),
)
TAHAP_PER_KODE = {t.kode: t for t in TAHAP}

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
KUNCI_TAHUN = "kinerja_tahun"  # the year chosen on the start page, kept in the session

# URL names (without namespace) that belong to a stage; namespaced apps map as a whole.
_NAMA_TAHAP = {
    "pk": "perencanaan",
    "pohon": "perencanaan",
    "dasbor": "pengukuran",
    "indikator": "pengukuran",
    "kelengkapan": "pengukuran",
    "isian": "pengukuran",
    "isian_realisasi": "pengukuran",
    "verifikasi": "pengukuran",
    "bukti_unduh": "pengukuran",
    "evaluasi": "evaluasi",
}
_AWALAN_TAHAP = (
    ("pertukaran", "pengukuran"),
    ("survei", "survei"),
    ("publik_", "survei"),
    ("evaluasi_", "evaluasi"),
)
_NAMESPACE_TAHAP = {
    "perencanaan": "perencanaan",
    "skp": "perencanaan",
    "anggaran": "anggaran",
    "lkip": "pelaporan",
    "monev": "pengukuran",
    "reviu_unggah": "pelaporan",
}


def tahap_aktif(match) -> str | None:
    """The stage of the current page (from Django's resolver match), or None."""
    if match is None or not match.url_name:
        return None
    if match.url_name == "tahap" and not match.namespace:
        return match.kwargs.get("tahap")
    if match.namespace:
        return _NAMESPACE_TAHAP.get(match.namespace.split(":")[0])
    if match.url_name in _NAMA_TAHAP:
        return _NAMA_TAHAP[match.url_name]
    for awalan, kode in _AWALAN_TAHAP:
        if match.url_name.startswith(awalan):
            return kode
    return None


def tahun_valid(nilai) -> int | None:
    try:
        tahun = int(nilai)
    except (TypeError, ValueError):
        return None
    return tahun if TAHUN_MIN <= tahun <= TAHUN_MAKS else None


def tahun_kerja(request) -> int:
    """The year links point to: the page's own year, else the one chosen on the start page
    (session), else the latest year with a PK in the user's units (remembered in the
    session), else the current year."""
    match = getattr(request, "resolver_match", None)
    for nilai in (
        match.kwargs.get("tahun") if match else None,
        getattr(request, "session", {}).get(KUNCI_TAHUN),
    ):
        if (tahun := tahun_valid(nilai)) is not None:
            return tahun
    tahun = tahun_terakhir_data(getattr(request, "user", None))
    if tahun is not None and hasattr(request, "session"):
        request.session[KUNCI_TAHUN] = tahun
    return tahun or timezone.localdate().year


def tahun_terakhir_data(user) -> int | None:
    """The latest year with a PK at or below one of the user's units (one query): a new
    session opens on the year with data, not on an empty calendar year."""
    from django.db.models import Max, Q

    from kinerja.organisasi.izin import penugasan_aktif
    from kinerja.perencanaan.models import PerjanjianKinerja

    units = [p.organisasi for p in penugasan_aktif(user)] if user else []
    if not units:
        return None
    q = Q()
    for o in units:
        q |= Q(organisasi__jalur__startswith=o.jalur)
    terakhir = PerjanjianKinerja.objects.filter(q).aggregate(t=Max("tahun"))["t"]
    return tahun_valid(terakhir)


# --- global navigation --------------------------------------------------------------------


@dataclass
class TautanNavigasi:
    kode: str
    label: str
    url: str
    kini: str = ""  # aria-current value: "page", "true" (section) or ""


def _url_langsung(kode: str, slug: str, tahun: int) -> str | None:
    """The one page of a stage for a known unit, where the stage has one."""
    if kode == "anggaran":
        return reverse("anggaran:dasbor", args=[slug, tahun])
    if kode == "pelaporan":
        return reverse("lkip:halaman", args=[slug, tahun])
    if kode == "evaluasi":
        return reverse("evaluasi", args=[slug])
    return None


def url_tahap(kode: str, tahun: int) -> str:
    url = reverse("tahap", args=[kode])
    return url if tahun == timezone.localdate().year else f"{url}?tahun={tahun}"


def tautan_navigasi(request) -> list[TautanNavigasi]:
    """The six stages for the header. Perencanaan opens the PK list (all units, any year);
    Pengukuran and Survei open their stage page (several pages per unit); Anggaran,
    Pelaporan and Evaluasi open the unit's page directly when the user has one unit, else
    the stage page to choose one. No query beyond the request's cached assignments."""
    tahun = tahun_kerja(request)
    units = pemilih.unit_pengguna(request.user)
    tunggal = units[0].organisasi.slug if len(units) == 1 else None
    aktif = tahap_aktif(getattr(request, "resolver_match", None))
    hasil = []
    for t in TAHAP:
        if t.kode == "perencanaan":
            url = reverse("perencanaan:daftar")
            if tahun != timezone.localdate().year:
                url += f"?tahun={tahun}"
        else:
            url = (tunggal and _url_langsung(t.kode, tunggal, tahun)) or url_tahap(t.kode, tahun)
        kini = ""
        if t.kode == aktif:
            kini = "page" if url.split("?")[0] == request.path else "true"
        hasil.append(TautanNavigasi(t.kode, t.judul, url, kini))
    return hasil


# --- cards per unit and stage -------------------------------------------------------------


@dataclass
class Tautan:
    label: str
    url: str
    utama: bool = False  # the role's main task here: shown first and emphasised


def _t(label: str, nama: str, *args, utama=False, tambahan: str = "") -> Tautan:
    return Tautan(label, reverse(nama, args=args) + tambahan, bool(utama))


@dataclass
class Kartu:
    tahap: Tahap
    status: list[str] = field(default_factory=list)
    tautan: list[Tautan] = field(default_factory=list)


@dataclass
class KartuUnit:
    unit: pemilih.UnitPeran
    kartu: list[Kartu]
    putaran: list = field(default_factory=list)  # survey stage page: the unit's own rounds
    bawahan: list = field(default_factory=list)  # ...and the units below it with rounds


@dataclass
class Ringkasan:
    """The cheap status reads for all the user's units at once (bounded queries)."""

    tahun: int
    pk: dict
    kelengkapan: dict
    antrean: dict
    survei: dict
    antrean_survei: dict

    @classmethod
    def baca(cls, user, units: list[pemilih.UnitPeran], tahun: int) -> Ringkasan:
        org = [u.organisasi for u in units]
        verif = [o for o in org if dapat_memverifikasi(user, o)]
        return cls(
            tahun=tahun,
            pk=pemilih.status_pk(org),
            kelengkapan=pemilih.kelengkapan(user, org, tahun),
            antrean=pemilih.jumlah_antrean_verifikasi(user, verif),
            survei=pemilih.ringkasan_survei(org, tahun),
            antrean_survei=pemilih.jumlah_antrean_survei(verif),
        )


def _perencanaan(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    status = r.pk.get(org.pk, {}).get(t)
    k = Kartu(TAHAP_PER_KODE["perencanaan"])
    th = {"tahun": t}
    k.status.append(
        _("PK %(tahun)s: %(status)s") % {**th, "status": StatusPK(status).label.lower()}
        if status
        else _("Belum ada PK tahun %(tahun)s") % th
    )
    if dapat_mengisi(user, org):
        if status:
            label = _("Susun dan revisi PK %(tahun)s") % th
            k.tautan.append(_t(label, "perencanaan:pk", org.slug, t, utama=1))
        else:
            arah = f"?organisasi={org.slug}&tahun={t}"
            label = _("Buat PK %(tahun)s") % th
            k.tautan.append(_t(label, "perencanaan:buat", utama=1, tambahan=arah))
    if status:
        pimpinan = Peran.PIMPINAN in peran
        label = _("Perjanjian Kinerja %(tahun)s") % th
        k.tautan.append(_t(label, "pk", org.slug, t, utama=pimpinan))
    k.tautan.append(_t(_("Pohon kinerja"), "pohon", org.slug, t))
    k.tautan.append(_t(_("SKP pegawai dan cascade"), "skp:unit", org.slug, t))
    if peran & {Peran.ADMIN, Peran.VERIFIKATOR, Peran.PIMPINAN}:
        admin = Peran.ADMIN in peran
        label = _("PK %(tahun)s semua unit") % th
        k.tautan.append(_t(label, "perencanaan:daftar", utama=admin, tambahan=f"?tahun={t}"))
    return k


def _pengukuran(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    k = Kartu(TAHAP_PER_KODE["pengukuran"])
    lengkap = r.kelengkapan.get(org.pk)
    th = {"tahun": t}
    if lengkap and lengkap["harapan"]:
        isi = {
            **th,
            "persen": fmt.persen(lengkap["persen"], 1),
            "terverifikasi": lengkap["terverifikasi"],
            "harapan": lengkap["harapan"],
            "unit": lengkap["unit"],
        }
        if lengkap["unit"] > 1:
            teks = _(
                "Kelengkapan %(tahun)s: %(persen)s terverifikasi "
                "(%(terverifikasi)s dari %(harapan)s periode di %(unit)s unit)"
            )
        else:
            teks = _(
                "Kelengkapan %(tahun)s: %(persen)s terverifikasi "
                "(%(terverifikasi)s dari %(harapan)s periode)"
            )
        k.status.append(teks % isi)
    else:
        k.status.append(_("Belum ada indikator PK tahun %(tahun)s") % th)
    if peran & {Peran.OPERATOR, Peran.ADMIN}:  # the entry page lists exactly these units
        arah = f"?tahun={t}#unit-{org.pk}"
        label = _("Isi realisasi dan unggah bukti dukung")
        k.tautan.append(_t(label, "isian", utama=1, tambahan=arah))
    if org.pk in r.antrean:
        n = r.antrean[org.pk]
        k.status.append(
            ngettext(
                "%(n)s realisasi menunggu verifikasi", "%(n)s realisasi menunggu verifikasi", n
            )
            % {"n": n}
            if n
            else _("Antrean verifikasi kosong")
        )
        k.tautan.append(_t(_("Antrean verifikasi"), "verifikasi", utama=1))
    pembaca = peran & {Peran.PIMPINAN, Peran.EVALUATOR}
    label = _("Dasbor capaian %(tahun)s") % th
    k.tautan.append(_t(label, "dasbor", org.slug, t, utama=pembaca))
    k.tautan.append(_t(_("Kelengkapan data"), "kelengkapan", org.slug, t))
    label = _("Monev: kalender dan peringatan dini")
    k.tautan.append(_t(label, "monev:halaman", org.slug, t))
    if dapat_mengisi(user, org):
        admin = Peran.ADMIN in peran
        label = _("Impor dan ekspor Excel")
        k.tautan.append(_t(label, "pertukaran", org.slug, t, utama=admin))
    return k


def _survei(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    s = r.survei.get(org.pk) or pemilih.RingkasanSurvei()
    k = Kartu(TAHAP_PER_KODE["survei"])
    k.status.append(
        ngettext(
            "%(n)s putaran survei tahun %(tahun)s",
            "%(n)s putaran survei tahun %(tahun)s",
            s.putaran,
        )
        % {"n": s.putaran, "tahun": t}
        if s.putaran
        else _("Belum ada putaran survei %(tahun)s") % {"tahun": t}
    )
    if org.pk in r.antrean_survei:
        n = r.antrean_survei[org.pk]
        k.status.append(
            ngettext(
                "%(n)s respon meragukan menunggu tinjauan",
                "%(n)s respon meragukan menunggu tinjauan",
                n,
            )
            % {"n": n}
            if n
            else _("Antrean tinjauan kosong")
        )
        label = _("Antrean tinjauan respon")
        k.tautan.append(_t(label, "publik_antrean", org.slug, utama=1))
    for q in s.kuesioner:
        pimpinan = Peran.PIMPINAN in peran
        label = _("Hasil %(kuesioner)s %(tahun)s") % {"kuesioner": q.singkatan, "tahun": t}
        k.tautan.append(_t(label, "survei_hasil", org.slug, q.kode, t, utama=pimpinan))
    if s.putaran:
        url = url_tahap("survei", t) + f"#unit-{org.pk}"
        if dapat_mengisi(user, org):
            k.tautan.append(Tautan(_("Putaran: impor respon, tautan publik dan QR"), url, True))
        else:
            k.tautan.append(Tautan(_("Daftar putaran survei"), url))
    return k


def _anggaran(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    k = Kartu(TAHAP_PER_KODE["anggaran"])
    pembaca = peran & {Peran.PIMPINAN, Peran.EVALUATOR, Peran.ADMIN}
    label = _("Anggaran dan NKA %(tahun)s") % {"tahun": t}
    k.tautan.append(_t(label, "anggaran:dasbor", org.slug, t, utama=pembaca))
    if dapat_mengisi(user, org):
        operator = Peran.OPERATOR in peran
        label = _("Isi data anggaran")
        k.tautan.append(_t(label, "anggaran:isian", org.slug, t, utama=operator))
        k.tautan.append(_t(_("Impor Excel anggaran"), "anggaran:impor", org.slug, t))
    return k


def _pelaporan(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    k = Kartu(TAHAP_PER_KODE["pelaporan"])
    utama = peran & {Peran.PIMPINAN, Peran.ADMIN, Peran.EVALUATOR}
    label = _("LKIP %(tahun)s: bangun dan unduh") % {"tahun": t}
    k.tautan.append(_t(label, "lkip:halaman", org.slug, t, utama=utama))
    k.tautan.append(_t(_("Reviu angka berkas LKIP (unggah)"), "reviu_unggah:halaman"))
    return k


def _evaluasi(user, org, t: int, r: Ringkasan, peran: set) -> Kartu:
    k = Kartu(TAHAP_PER_KODE["evaluasi"])
    if dapat_mencatat_temuan(user, org):
        label = _("Catat temuan dan tindak lanjut")
        k.tautan.append(_t(label, "evaluasi", org.slug, utama=1))
    else:
        pimpinan = Peran.PIMPINAN in peran
        label = _("Hasil evaluasi dan tindak lanjut")
        k.tautan.append(_t(label, "evaluasi", org.slug, utama=pimpinan))
    return k


_PEMBUAT = {
    "perencanaan": _perencanaan,
    "pengukuran": _pengukuran,
    "survei": _survei,
    "anggaran": _anggaran,
    "pelaporan": _pelaporan,
    "evaluasi": _evaluasi,
}


def kartu_unit(
    user, units: list[pemilih.UnitPeran], ringkasan: Ringkasan, tahap: list[str] | None = None
) -> list[KartuUnit]:
    """Per unit, one card per stage (or only the given stages), the role's main tasks
    first. No query: everything comes from `ringkasan` and the cached assignments."""
    kode = tahap or [t.kode for t in TAHAP]
    hasil = []
    for u in units:
        peran = set(u.peran)
        kartu = [_PEMBUAT[k](user, u.organisasi, ringkasan.tahun, ringkasan, peran) for k in kode]
        for k in kartu:
            k.tautan.sort(key=lambda x: not x.utama)  # stable
        hasil.append(KartuUnit(u, kartu))
    return hasil


def pilihan_tahun(ringkasan: Ringkasan, tahun: int) -> list[int]:
    """Years to offer: three back and one ahead (as the PK list), the years of the units'
    own PKs and the chosen one."""
    ini = timezone.localdate().year
    ada = {th for per_tahun in ringkasan.pk.values() for th in per_tahun}
    return sorted(ada | set(range(ini - 3, ini + 2)) | {tahun})
