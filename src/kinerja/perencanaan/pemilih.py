"""Selectors for the planning pages: which PKs a user may see, a PK's lines, the choices
for a new line, and the audit trail of a PK. Reads only; writes are in `layanan.py`."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from kinerja import angka as fmt
from kinerja.organisasi.izin import (
    dapat_melihat_draf,
    dapat_melihat_organisasi,
    penugasan_aktif,
)
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.izin import dapat_mengubah_pk
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    JenisTarget,
    PerjanjianKinerja,
    RevisiPK,
    Sasaran,
    StatusPK,
    SumberTarget,
    TargetRenstra,
)


def unit_terlihat(user) -> list[Organisasi]:
    """Units whose PK the user may see (`organisasi.lihat`): those at and below the units
    where they hold a role, and the units above them. One query; the predicates use the
    roles cached on the user."""
    if getattr(user, "is_superuser", False):
        qs = Organisasi.objects.all()
    else:
        penugasan = penugasan_aktif(user)
        if not penugasan:
            return []
        syarat = Q()
        leluhur: set[int] = set()
        for p in penugasan:
            syarat |= Q(jalur__startswith=p.organisasi.jalur)
            leluhur |= {int(x) for x in p.organisasi.jalur.strip("/").split("/") if x}
        qs = Organisasi.objects.filter(syarat | Q(pk__in=leluhur))
    return [u for u in qs.order_by("jalur") if dapat_melihat_organisasi(user, u)]


def unit_dapat_diubah(user) -> list[Organisasi]:
    """Units whose PK the user may create and change (`perencanaan.ubah_pk`)."""
    return [u for u in unit_terlihat(user) if dapat_mengubah_pk(user, u)]


@dataclass
class BarisDaftarPK:
    unit: Organisasi
    pk: PerjanjianKinerja | None  # None also when a draft is hidden from this user
    jumlah_butir: int
    boleh_ubah: bool


def daftar_pk(user, tahun: int) -> list[BarisDaftarPK]:
    """One row per unit the user may see, with its PK of `tahun` (drafts only for those
    who may see drafts of that unit). Two queries whatever the number of units."""
    units = unit_terlihat(user)
    pk_per_unit = {
        pk.organisasi_id: pk
        for pk in PerjanjianKinerja.objects.filter(
            organisasi__in=[u.pk for u in units], tahun=tahun
        ).annotate(jumlah_butir=Count("butir"))
    }
    hasil = []
    for u in units:
        pk = pk_per_unit.get(u.pk)
        if pk is not None and pk.status == StatusPK.DRAFT and not dapat_melihat_draf(user, u):
            pk = None
        hasil.append(
            BarisDaftarPK(
                unit=u,
                pk=pk,
                jumlah_butir=pk.jumlah_butir if pk else 0,
                boleh_ubah=dapat_mengubah_pk(user, u),
            )
        )
    return hasil


def pk_unit(organisasi: Organisasi, tahun: int) -> PerjanjianKinerja | None:
    return (
        PerjanjianKinerja.objects.select_related("organisasi")
        .filter(organisasi=organisasi, tahun=tahun)
        .first()
    )


def pk_sebelumnya(organisasi: Organisasi, tahun: int) -> PerjanjianKinerja | None:
    """The unit's latest PK before `tahun` (to offer its parties for a new PK)."""
    return (
        PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun__lt=tahun)
        .order_by("-tahun")
        .first()
    )


def uraian_target(butir: ButirPK) -> str:
    """The target as the PK prints it: a label, a range or a number ('-' when missing)."""
    jenis = butir.indikator.jenis_target
    if jenis == JenisTarget.KUALITATIF:
        return butir.target_teks or "-"
    if jenis == JenisTarget.RENTANG:
        if butir.target_bawah is None or butir.target_atas is None:
            return "-"
        bawah = fmt.angka(butir.target_bawah, 6, tetap=False)
        return f"{bawah} – {fmt.angka(butir.target_atas, 6, tetap=False)}"
    return "-" if butir.target is None else fmt.angka(butir.target, 6, tetap=False)


def butir_pk(pk: PerjanjianKinerja) -> list[ButirPK]:
    """The PK's lines in their order, each with `uraian` (the printed target), `periode`
    ((label, printed target) per period target) and `punya_periode` (the line may carry
    targets per period: a numeric single target of a non-yearly indicator)."""
    from kinerja.rumus.periode import label_pendek

    butir = list(
        ButirPK.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran")
        .prefetch_related("target_periode")
        .order_by("urutan", "pk")
    )
    for b in butir:
        b.uraian = uraian_target(b)
        ind = b.indikator
        b.punya_periode = ind.frekuensi != "tahun" and ind.jenis_target in (
            JenisTarget.BIASA,
            JenisTarget.TEPAT,
        )
        b.periode = [
            (label_pendek(t.jenis_periode, t.ke), fmt.angka(t.target, 6, tetap=False))
            for t in b.target_periode.all()
            if t.jenis_periode == ind.frekuensi
        ]
    return butir


def _berlaku(tahun: int, awalan: str = "") -> Q:
    """Sasaran outside a Renstra, or in a Renstra whose period covers `tahun`."""
    return Q(**{f"{awalan}renstra__isnull": True}) | Q(
        **{f"{awalan}renstra__tahun_awal__lte": tahun, f"{awalan}renstra__tahun_akhir__gte": tahun}
    )


def pilihan_sasaran(organisasi: Organisasi, tahun: int) -> list[Sasaran]:
    return list(Sasaran.objects.filter(_berlaku(tahun), organisasi=organisasi).order_by("nomor"))


@dataclass
class GrupIndikator:
    sasaran: Sasaran
    indikator: list[tuple[Indikator, str]] = field(default_factory=list)  # (indikator, hint)


def pilihan_indikator(
    organisasi: Organisasi, tahun: int, *, kecuali: PerjanjianKinerja | None = None
) -> list[GrupIndikator]:
    """The unit's indicators valid in `tahun`, grouped by sasaran, without those already in
    `kecuali`; each with a hint (satuan, Renstra target of the year) for the choice list."""
    qs = Indikator.objects.filter(_berlaku(tahun, "sasaran__"), organisasi=organisasi)
    if kecuali is not None:
        qs = qs.exclude(butir_pk__pk_dokumen=kecuali)
    indikator = list(qs.select_related("sasaran").order_by("sasaran__nomor", "urutan", "pk"))
    target_rs = {
        t.indikator_id: t
        for t in TargetRenstra.objects.filter(
            indikator__in=[i.pk for i in indikator], tahun=tahun, sumber=SumberTarget.RENSTRA
        )
    }
    grup: dict[int, GrupIndikator] = {}
    for i in indikator:
        bagian = [i.satuan] if i.satuan else []
        t = target_rs.get(i.pk)
        if t is not None and (t.nilai is not None or t.nilai_teks):
            nilai = t.nilai_teks or fmt.angka(t.nilai, 6, tetap=False)
            bagian.append(f"target Renstra {tahun}: {nilai}")
        if i.jenis_target != JenisTarget.BIASA:
            bagian.append(f"target {i.get_jenis_target_display().lower()}")
        grup.setdefault(i.sasaran_id, GrupIndikator(i.sasaran)).indikator.append(
            (i, "; ".join(bagian))
        )
    return list(grup.values())


def revisi_pk(pk: PerjanjianKinerja) -> list[RevisiPK]:
    return list(
        RevisiPK.objects.filter(pk_dokumen=pk)
        .prefetch_related("perubahan__butir__indikator")
        .order_by("nomor")
    )


# --- audit trail --------------------------------------------------------------------------

LABEL_BIDANG = {
    "pihak_pertama_nama": "nama pihak pertama",
    "pihak_pertama_jabatan": "jabatan pihak pertama",
    "pihak_kedua_nama": "nama pihak kedua",
    "pihak_kedua_jabatan": "jabatan pihak kedua",
    "tempat": "tempat",
    "tanggal": "tanggal",
    "status": "status",
    "target": "target",
    "target_bawah": "target bawah",
    "target_atas": "target atas",
    "target_teks": "target kualitatif",
    "urutan": "urutan",
}
STATUS = dict(StatusPK.choices)


@dataclass
class Peristiwa:
    waktu: object
    pengguna: str
    alasan: str
    uraian: str
    perubahan: list[tuple[str, str, str]] = field(default_factory=list)


def _tampil(bidang: str, nilai) -> str:
    if nilai is None or nilai == "":
        return "(kosong)"
    if bidang == "status":
        return STATUS.get(nilai, nilai)
    if isinstance(nilai, Decimal):
        return fmt.angka(nilai, 6, tetap=False)
    if bidang == "tanggal":
        return fmt.tanggal(nilai)
    return str(nilai)


def _nama_pengguna(h) -> str:
    u = h.history_user
    return (u.get_full_name() or u.get_username()) if u else "sistem"


def _rekam(rekaman: list, judul, bidang: tuple[str, ...]) -> list[Peristiwa]:
    """History rows of one model (oldest first) as events with their field changes."""
    terakhir: dict[int, object] = {}
    hasil = []
    for h in rekaman:
        lama = terakhir.get(h.id)
        perubahan = []
        if h.history_type == "~" and lama is not None:
            for k in bidang:
                a, b = getattr(lama, k), getattr(h, k)
                if a != b:
                    perubahan.append((LABEL_BIDANG[k], _tampil(k, a), _tampil(k, b)))
        elif h.history_type == "+":
            perubahan = [
                (LABEL_BIDANG[k], "", _tampil(k, getattr(h, k)))
                for k in bidang
                if getattr(h, k) not in (None, "") and k != "status"
            ]
        terakhir[h.id] = h
        if h.history_type == "~" and not perubahan:
            continue
        hasil.append(
            Peristiwa(
                waktu=h.history_date,
                pengguna=_nama_pengguna(h),
                alasan=h.history_change_reason or "",
                uraian=judul(h, lama),
                perubahan=perubahan,
            )
        )
    return hasil


def riwayat_pk(pk: PerjanjianKinerja, *, batas: int = 200) -> list[Peristiwa]:
    """Who changed what in the PK and its lines, newest first, from django-simple-history
    (removed lines included). Two queries."""
    aksi = {"+": "dibuat", "~": "diubah", "-": "dihapus"}
    kepala = list(pk.history.select_related("history_user").order_by("history_date", "history_id"))
    butir = list(
        ButirPK.history.filter(pk_dokumen_id=pk.pk)
        .select_related("history_user", "indikator")
        .order_by("history_date", "history_id")
    )

    def judul_pk(h, lama) -> str:
        if lama is not None and lama.status == StatusPK.DRAFT and h.status != lama.status:
            return "PK ditandatangani"
        return f"PK {aksi[h.history_type]}"

    hasil = _rekam(
        kepala,
        judul_pk,
        (
            "status",
            "pihak_pertama_nama",
            "pihak_pertama_jabatan",
            "pihak_kedua_nama",
            "pihak_kedua_jabatan",
            "tempat",
            "tanggal",
        ),
    ) + _rekam(
        butir,
        lambda h, _: f"Butir '{h.indikator.nama[:80]}' {aksi[h.history_type]}",
        ("target", "target_bawah", "target_atas", "target_teks", "urutan"),
    )
    hasil.sort(key=lambda p: p.waktu, reverse=True)
    return hasil[:batas]
