"""Services: every write to a Perjanjian Kinerja from the planning pages goes through here
(keyword-only, one transaction, permission `perencanaan.ubah_pk` checked, history recorded
by django-simple-history with the actor and a reason).

Life of a PK (docs/keputusan/0019-penyusunan-pk.md):

- draft: the header (pihak pertama/kedua, tempat) and the lines (butir: indikator, target,
  urutan) may be created, changed and removed;
- signed (ditandatangani): recorded with the signing date once the paper document is
  signed. From then on nothing is edited in place: a target changes only through
  `pk_revisi`, which numbers a RevisiPK with its legal basis and reason and keeps the old
  and new target of every changed line (PerubahanTarget).

Errors are `ValidationError`s keyed by the form field they concern, in Indonesian, naming
the field and what was expected; several problems are reported together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from kinerja import angka as fmt
from kinerja.inti import nilai as aturan
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.izin import dapat_mengubah_pk
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    JenisPeriode,
    JenisTarget,
    KelompokSasaran,
    PerjanjianKinerja,
    PerubahanTarget,
    Polaritas,
    RevisiPK,
    Sasaran,
    StatusPK,
    TargetPeriode,
)
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.capaian import skala_ordinal_untuk
from kinerja.rumus.periode import JUMLAH_PERIODE, label_pendek

TAHUN_MIN, TAHUN_MAKS = 2000, 2100
URUTAN_MAKS = 9999

LABEL_TARGET = {
    "target": "Target",
    "target_bawah": "Target bawah",
    "target_atas": "Target atas",
    "target_teks": "Target kualitatif",
}
# Which target fields each kind of indicator uses (docs/keputusan/0004).
BIDANG_TARGET = {
    JenisTarget.BIASA: ("target",),
    JenisTarget.TEPAT: ("target",),
    JenisTarget.RENTANG: ("target_bawah", "target_atas"),
    JenisTarget.KUALITATIF: ("target_teks",),
}
# Revisions keep old and new numbers (PerubahanTarget): only numeric single targets.
JENIS_DAPAT_DIREVISI = (JenisTarget.BIASA, JenisTarget.TEPAT)


# --- helpers ------------------------------------------------------------------------------


def _izin(aktor, organisasi: Organisasi) -> None:
    if not dapat_mengubah_pk(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang menyusun Perjanjian Kinerja {organisasi}.")


def _pengguna(aktor):
    return aktor if getattr(aktor, "is_authenticated", False) else None


def _simpan(obj, aktor, alasan: str) -> None:
    obj._history_user = _pengguna(aktor)
    obj._change_reason = alasan[:100]  # simple-history keeps 100 characters
    obj.save()


def _kunci(pk: PerjanjianKinerja) -> PerjanjianKinerja:
    """The PK read again under a row lock, so two writers never interleave."""
    return PerjanjianKinerja.objects.select_for_update().select_related("organisasi").get(pk=pk.pk)


def _wajib_draf(pk: PerjanjianKinerja, bidang: str | None = None) -> None:
    if pk.status != StatusPK.DRAFT:
        pesan = (
            f"Perjanjian Kinerja {pk.organisasi} tahun {pk.tahun} sudah ditandatangani: "
            "isinya tidak diubah lagi. Perubahan target dicatat sebagai revisi PK "
            "(dengan dasar hukum dan alasan)."
        )
        raise ValidationError({bidang: pesan} if bidang else pesan)


def _teks(nilai, galat: dict, *, bidang: str, label: str, maks: int, wajib=False) -> str:
    isi = (nilai or "").strip()
    if wajib and not isi:
        galat[bidang] = f"{label} wajib diisi."
    elif len(isi) > maks:
        galat[bidang] = f"{label} paling banyak {maks} karakter (sekarang {len(isi)})."
    return isi


def _tanggal(nilai, galat: dict, *, bidang: str, label: str, wajib=False) -> dt.date | None:
    if nilai in (None, ""):
        if wajib:
            galat[bidang] = f"{label} wajib diisi (contoh: 2 Januari 2025 ditulis 2025-01-02)."
        return None
    if not isinstance(nilai, dt.date):
        galat[bidang] = f"{label}: '{nilai}' bukan tanggal (contoh: 2025-01-02)."
        return None
    if nilai > timezone.localdate():
        galat[bidang] = f"{label} ({fmt.tanggal(nilai)}) tidak boleh setelah hari ini."
    return nilai


# every target column (target, target_bawah, target_atas, revisions) is ANGKA
BATAS_TARGET = aturan.batas_kolom(ButirPK, "target")


def _angka_target(nilai, galat: dict, *, bidang: str, label: str) -> Decimal | None:
    """A target number: non-negative and within its column (`kinerja.inti.nilai`: at most
    18 digits before and 6 after the decimal point; never rounded)."""
    if nilai is None or nilai == "":
        return None
    try:
        return aturan.desimal(
            nilai, BATAS_TARGET, label=label, bidang=bidang,
            non_negatif=True,
        )  # fmt: skip
    except DataTidakValid as e:
        galat[bidang] = e.pesan
        return None


def _periksa_target(indikator_jenis: str, skala_ordinal: str, isian: Mapping, galat: dict):
    """The target fields the kind of indicator uses, checked; a filled field it does not
    use is an error (never silently dropped). Returns only the used fields."""
    jenis = JenisTarget(indikator_jenis)
    dipakai = BIDANG_TARGET[jenis]
    angka = {
        k: _angka_target(isian.get(k), galat, bidang=k, label=LABEL_TARGET[k])
        for k in ("target", "target_bawah", "target_atas")
    }
    teks = (isian.get("target_teks") or "").strip()
    for k in LABEL_TARGET:
        terisi = bool(teks) if k == "target_teks" else isian.get(k) not in (None, "")
        if terisi and k not in dipakai and k not in galat:
            galat[k] = (
                f"{LABEL_TARGET[k]} tidak dipakai untuk indikator bertarget "
                f"'{jenis.label}'; kosongkan isian ini."
            )
    if jenis in (JenisTarget.BIASA, JenisTarget.TEPAT):
        if angka["target"] is None and "target" not in galat:
            galat["target"] = "Target wajib diisi (angka, contoh: 90,35)."
    elif jenis == JenisTarget.RENTANG:
        for k in dipakai:
            if angka[k] is None and k not in galat:
                galat[k] = f"{LABEL_TARGET[k]} wajib diisi untuk target rentang (contoh: 2,5)."
        bawah, atas = angka["target_bawah"], angka["target_atas"]
        if bawah is not None and atas is not None and bawah > atas and "target_atas" not in galat:
            galat["target_atas"] = (
                f"Target atas ({fmt.angka(atas, 6, tetap=False)}) lebih kecil daripada "
                f"target bawah ({fmt.angka(bawah, 6, tetap=False)})."
            )
    else:
        skala = skala_ordinal_untuk(skala_ordinal or "opini")
        if not teks:
            galat["target_teks"] = (
                f"Target kualitatif wajib diisi dengan label {skala.nama} "
                f"({', '.join(skala.peringkat)})."
            )
        elif len(teks) > 60:
            galat["target_teks"] = (
                f"Target kualitatif paling banyak 60 karakter (sekarang {len(teks)})."
            )
        else:
            try:
                skala.peringkat_untuk(teks, bidang="target_teks")
            except DataTidakValid:
                galat["target_teks"] = (
                    f"Target kualitatif: '{teks}' bukan label {skala.nama}; pilih salah satu: "
                    f"{', '.join(skala.peringkat)}."
                )
    nilai = {**angka, "target_teks": teks}
    return {k: nilai[k] for k in dipakai}


def _urutan(nilai, galat: dict) -> int | None:
    if nilai in (None, ""):
        return None
    try:
        u = int(nilai)
    except (TypeError, ValueError):
        galat["urutan"] = f"Urutan: '{nilai}' bukan bilangan bulat (contoh: 3)."
        return None
    if not 1 <= u <= URUTAN_MAKS:
        galat["urutan"] = f"Urutan harus antara 1 dan {URUTAN_MAKS} (diisi {u})."
    return u


# (field, label, max length, required) of a PK header
_BIDANG_KEPALA = (
    ("pihak_pertama_nama", "Nama pihak pertama", 200, False),
    ("pihak_pertama_jabatan", "Jabatan pihak pertama", 200, True),
    ("pihak_kedua_nama", "Nama pihak kedua", 200, False),
    ("pihak_kedua_jabatan", "Jabatan pihak kedua", 200, False),
    ("tempat", "Tempat", 100, False),
)


def _kepala(galat: dict, **isian) -> dict:
    """The header fields of a PK, checked."""
    return {
        bidang: _teks(isian.get(bidang), galat, bidang=bidang, label=label, maks=maks, wajib=wajib)
        for bidang, label, maks, wajib in _BIDANG_KEPALA
    }


def _pesan_sudah_ada(pk: PerjanjianKinerja) -> str:
    lanjut = (
        "buka PK itu untuk melengkapinya"
        if pk.status == StatusPK.DRAFT
        else "perubahan target setelah ditandatangani dicatat sebagai revisi PK itu"
    )
    return (
        f"Perjanjian Kinerja {pk.organisasi} tahun {pk.tahun} sudah ada "
        f"(status: {pk.get_status_display()}). Satu unit hanya memiliki satu PK per tahun; "
        f"{lanjut}."
    )


# --- PK header ----------------------------------------------------------------------------


@transaction.atomic
def pk_buat(
    *,
    organisasi: Organisasi,
    tahun,
    aktor,
    pihak_pertama_jabatan: str,
    pihak_pertama_nama: str = "",
    pihak_kedua_jabatan: str = "",
    pihak_kedua_nama: str = "",
    tempat: str = "",
) -> PerjanjianKinerja:
    """A new PK of the unit and year, as a draft. An existing PK of that unit and year is
    refused (one PK per unit and year; later changes are revisions of it)."""
    _izin(aktor, organisasi)
    galat: dict = {}
    try:
        tahun = int(tahun)
    except (TypeError, ValueError):
        galat["tahun"] = f"Tahun: '{tahun}' bukan tahun (contoh: 2025)."
    else:
        if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
            galat["tahun"] = f"Tahun harus antara {TAHUN_MIN} dan {TAHUN_MAKS} (diisi {tahun})."
    kepala = _kepala(
        galat,
        pihak_pertama_jabatan=pihak_pertama_jabatan,
        pihak_pertama_nama=pihak_pertama_nama,
        pihak_kedua_jabatan=pihak_kedua_jabatan,
        pihak_kedua_nama=pihak_kedua_nama,
        tempat=tempat,
    )
    if galat:
        raise ValidationError(galat)
    ada = (
        PerjanjianKinerja.objects.select_related("organisasi")
        .filter(organisasi=organisasi, tahun=tahun)
        .first()
    )
    if ada is not None:
        raise ValidationError({"tahun": _pesan_sudah_ada(ada)})
    pk = PerjanjianKinerja(organisasi=organisasi, tahun=tahun, status=StatusPK.DRAFT, **kepala)
    try:
        with transaction.atomic():
            _simpan(pk, aktor, "PK dibuat (draf)")
    except IntegrityError:  # created by someone else between the check and the insert
        ada = PerjanjianKinerja.objects.get(organisasi=organisasi, tahun=tahun)
        raise ValidationError({"tahun": _pesan_sudah_ada(ada)}) from None
    return pk


@transaction.atomic
def pk_ubah(
    *,
    pk: PerjanjianKinerja,
    aktor,
    pihak_pertama_jabatan: str,
    pihak_pertama_nama: str = "",
    pihak_kedua_jabatan: str = "",
    pihak_kedua_nama: str = "",
    tempat: str = "",
) -> PerjanjianKinerja:
    """Change the header of a draft PK (saved only when something differs)."""
    pk = _kunci(pk)
    _izin(aktor, pk.organisasi)
    _wajib_draf(pk)
    galat: dict = {}
    kepala = _kepala(
        galat,
        pihak_pertama_jabatan=pihak_pertama_jabatan,
        pihak_pertama_nama=pihak_pertama_nama,
        pihak_kedua_jabatan=pihak_kedua_jabatan,
        pihak_kedua_nama=pihak_kedua_nama,
        tempat=tempat,
    )
    if galat:
        raise ValidationError(galat)
    berubah = {k: v for k, v in kepala.items() if getattr(pk, k) != v}
    if berubah:
        for k, v in berubah.items():
            setattr(pk, k, v)
        _simpan(pk, aktor, "kepala PK diubah (draf)")
    return pk


# --- lines --------------------------------------------------------------------------------


def _indikator_baru(
    pk: PerjanjianKinerja,
    galat: dict,
    *,
    sasaran: Sasaran | None,
    sasaran_uraian: str,
    sasaran_kelompok: str,
    indikator_nama: str,
    satuan: str,
    polaritas: str,
    frekuensi: str,
) -> dict:
    """Check the fields of a new indicator (and possibly a new sasaran) of the PK's unit."""
    org = pk.organisasi
    nama = _teks(
        indikator_nama, galat, bidang="indikator_nama", label="Nama indikator baru", maks=1000
    )
    if not nama:
        galat["indikator_nama"] = (
            "Nama indikator baru wajib diisi (atau pilih indikator yang sudah ada)."
        )
    satuan = _teks(satuan, galat, bidang="satuan", label="Satuan", maks=60)
    if not satuan and "satuan" not in galat:
        galat["satuan"] = (
            "Satuan wajib diisi untuk indikator baru (contoh: %, Nilai, Indeks, Dokumen)."
        )
    uraian = _teks(
        sasaran_uraian, galat, bidang="sasaran_uraian", label="Uraian sasaran baru", maks=2000
    )
    if sasaran is not None:
        if sasaran.organisasi_id != org.pk:
            galat["sasaran"] = f"Sasaran '{sasaran}' bukan sasaran {org}."
        elif uraian:
            galat["sasaran_uraian"] = (
                "Pilih sasaran yang sudah ada atau tulis uraian sasaran baru, tidak keduanya; "
                "kosongkan salah satunya."
            )
        elif sasaran_kelompok and sasaran_kelompok != sasaran.kelompok:
            galat["sasaran_kelompok"] = (
                f"Sasaran {sasaran.nomor} termasuk {sasaran.get_kelompok_display()}; kelompok "
                "hanya dipilih untuk sasaran baru. Kosongkan isian ini."
            )
    elif not uraian and "sasaran_uraian" not in galat:
        galat["sasaran"] = "Pilih sasaran indikator baru, atau tulis uraian sasaran baru."
    if sasaran_kelompok and sasaran_kelompok not in KelompokSasaran.values:
        galat["sasaran_kelompok"] = f"Kelompok sasaran '{sasaran_kelompok}' tidak dikenal."
    if polaritas and polaritas not in Polaritas.values:
        galat["polaritas"] = f"Polaritas '{polaritas}' tidak dikenal (positif atau negatif)."
    if frekuensi and frekuensi not in JenisPeriode.values:
        galat["frekuensi"] = (
            f"Frekuensi '{frekuensi}' tidak dikenal (bulan, triwulan, semester, tahun)."
        )
    if nama and sasaran is not None and sasaran.organisasi_id == org.pk:
        kembar = Indikator.objects.filter(sasaran=sasaran, nama__iexact=nama).first()
        if kembar is not None:
            galat["indikator_nama"] = (
                f"Indikator '{nama}' sudah ada pada sasaran {sasaran.nomor}; pilih dari daftar "
                "Indikator."
            )
    return {
        "nama": nama,
        "satuan": satuan,
        "uraian": uraian,
        "kelompok": sasaran_kelompok or KelompokSasaran.STRATEGIS,
        "polaritas": polaritas or Polaritas.POSITIF,
        "frekuensi": frekuensi or JenisPeriode.TAHUN,
    }


def _indikator_lama(
    pk: PerjanjianKinerja,
    indikator: Indikator,
    galat: dict,
    *,
    sasaran: Sasaran | None,
    isian_baru: dict,
) -> None:
    """An existing indicator: of the PK's unit, not yet in the PK, and no conflicting input
    in the fields meant for a new indicator."""
    org = pk.organisasi
    if indikator.organisasi_id != org.pk:
        galat["indikator"] = f"Indikator '{indikator}' bukan indikator {org}."
        return
    ada = ButirPK.objects.filter(pk_dokumen=pk, indikator=indikator).first()
    if ada is not None:
        galat["indikator"] = (
            f"Indikator '{indikator}' sudah ada di PK ini (urutan {ada.urutan}); ubah butir itu "
            "bila targetnya perlu diganti."
        )
    if sasaran is not None and sasaran.pk != indikator.sasaran_id:
        galat["sasaran"] = (
            f"Indikator yang dipilih termasuk sasaran {indikator.sasaran.nomor}, bukan sasaran "
            f"{sasaran.nomor}; kosongkan Sasaran atau pilih indikator lain."
        )
    keterangan = {
        "indikator_nama": "Nama indikator baru",
        "sasaran_uraian": "Uraian sasaran baru",
        "sasaran_kelompok": "Kelompok sasaran baru",
    }
    for bidang, label in keterangan.items():
        if (isian_baru.get(bidang) or "").strip():
            galat[bidang] = (
                f"{label} hanya untuk indikator baru, padahal indikator yang sudah ada dipilih; "
                "kosongkan salah satunya."
            )
    sama = {
        "satuan": ("Satuan", indikator.satuan, indikator.satuan or "(kosong)"),
        "polaritas": ("Polaritas", indikator.polaritas, indikator.get_polaritas_display()),
        "frekuensi": ("Frekuensi", indikator.frekuensi, indikator.get_frekuensi_display()),
    }
    for bidang, (label, nilai, tampil) in sama.items():
        isi = (isian_baru.get(bidang) or "").strip()
        if isi and isi != nilai:
            galat[bidang] = (
                f"{label} indikator yang dipilih adalah {tampil}; {label.lower()} hanya diisi "
                "untuk indikator baru. Kosongkan isian ini."
            )


@transaction.atomic
def butir_tambah(
    *,
    pk: PerjanjianKinerja,
    aktor,
    indikator: Indikator | None = None,
    sasaran: Sasaran | None = None,
    sasaran_uraian: str = "",
    sasaran_kelompok: str = "",
    indikator_nama: str = "",
    satuan: str = "",
    polaritas: str = "",
    frekuensi: str = "",
    target=None,
    target_bawah=None,
    target_atas=None,
    target_teks: str = "",
    urutan=None,
) -> ButirPK:
    """Add a line to a draft PK: an existing indicator of the unit, or a new indicator
    (under an existing sasaran or a new one) created with the line. New indicators have a
    numeric target (jenis 'Angka'); range and qualitative indicators come from the Renstra."""
    pk = _kunci(pk)
    _izin(aktor, pk.organisasi)
    _wajib_draf(pk, "indikator")
    galat: dict = {}
    isian_baru = {
        "indikator_nama": indikator_nama,
        "sasaran_uraian": sasaran_uraian,
        "sasaran_kelompok": sasaran_kelompok,
        "satuan": satuan,
        "polaritas": polaritas,
        "frekuensi": frekuensi,
    }
    baru = None
    if indikator is not None:
        _indikator_lama(pk, indikator, galat, sasaran=sasaran, isian_baru=isian_baru)
        jenis, skala = indikator.jenis_target, indikator.skala_ordinal
    elif not any((v or "").strip() for v in isian_baru.values()) and sasaran is None:
        galat["indikator"] = (
            "Pilih indikator yang sudah ada, atau isi nama indikator baru beserta sasaran "
            "dan satuannya."
        )
        jenis, skala = JenisTarget.BIASA, ""
    else:
        baru = _indikator_baru(pk, galat, sasaran=sasaran, **isian_baru)
        jenis, skala = JenisTarget.BIASA, ""
    nilai = _periksa_target(
        jenis,
        skala,
        {
            "target": target,
            "target_bawah": target_bawah,
            "target_atas": target_atas,
            "target_teks": target_teks,
        },
        galat,
    )
    urutan = _urutan(urutan, galat)
    if galat:
        raise ValidationError(galat)

    org, alasan = pk.organisasi, f"ditambahkan ke PK {pk.tahun} (draf)"
    if baru is not None:
        if sasaran is None:
            nomor = Sasaran.objects.filter(organisasi=org).aggregate(m=Max("nomor"))["m"] or 0
            sasaran = Sasaran(
                organisasi=org, nomor=nomor + 1, uraian=baru["uraian"], kelompok=baru["kelompok"]
            )
            _simpan(sasaran, aktor, f"sasaran baru dari PK {pk.tahun}")
        akhir = Indikator.objects.filter(organisasi=org).aggregate(m=Max("urutan"))["m"] or 0
        indikator = Indikator(
            organisasi=org,
            sasaran=sasaran,
            nama=baru["nama"],
            satuan=baru["satuan"],
            polaritas=baru["polaritas"],
            frekuensi=baru["frekuensi"],
            urutan=akhir + 1,
        )
        _simpan(indikator, aktor, f"indikator baru dari PK {pk.tahun}")
    if urutan is None:
        urutan = (ButirPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("urutan"))["m"] or 0) + 1
    butir = ButirPK(pk_dokumen=pk, indikator=indikator, urutan=urutan, **nilai)
    _simpan(butir, aktor, alasan)
    return butir


@transaction.atomic
def butir_ubah(
    *,
    butir: ButirPK,
    aktor,
    target=None,
    target_bawah=None,
    target_atas=None,
    target_teks: str = "",
    urutan=None,
) -> ButirPK:
    """Change the target and order of a line of a draft PK; after signing, use `pk_revisi`."""
    pk = _kunci(butir.pk_dokumen)
    _izin(aktor, pk.organisasi)
    _wajib_draf(pk, "target")
    butir = ButirPK.objects.select_related("indikator").get(pk=butir.pk, pk_dokumen=pk)
    galat: dict = {}
    ind = butir.indikator
    nilai = _periksa_target(
        ind.jenis_target,
        ind.skala_ordinal,
        {
            "target": target,
            "target_bawah": target_bawah,
            "target_atas": target_atas,
            "target_teks": target_teks,
        },
        galat,
    )
    urutan = _urutan(urutan, galat)
    if galat:
        raise ValidationError(galat)
    if urutan is not None:
        nilai["urutan"] = urutan
    berubah = False
    for k, v in nilai.items():
        if getattr(butir, k) != v:
            setattr(butir, k, v)
            berubah = True
    if berubah:
        _simpan(butir, aktor, f"butir diubah (PK {pk.tahun} draf)")
    return butir


@transaction.atomic
def butir_hapus(*, butir: ButirPK, aktor) -> None:
    """Remove a line from a draft PK (simple-history keeps the removed row)."""
    pk = _kunci(butir.pk_dokumen)
    _izin(aktor, pk.organisasi)
    _wajib_draf(pk)
    butir = ButirPK.objects.get(pk=butir.pk, pk_dokumen=pk)
    butir._history_user = _pengguna(aktor)
    butir._change_reason = f"butir dihapus (PK {pk.tahun} draf)"
    butir.delete()


# --- signing and revisions ----------------------------------------------------------------


def _target_lengkap(butir: ButirPK) -> bool:
    ind = butir.indikator
    if ind.jenis_target == JenisTarget.KUALITATIF:
        return bool(butir.target_teks)
    if ind.jenis_target == JenisTarget.RENTANG:
        return butir.target_bawah is not None and butir.target_atas is not None
    return butir.target is not None


@transaction.atomic
def pk_tandatangani(
    *, pk: PerjanjianKinerja, aktor, tanggal: dt.date | None, tempat: str | None = None
) -> PerjanjianKinerja:
    """Record that the draft PK was signed on `tanggal`: from now on targets change only
    through revisions. Needs at least one line and a target on every line."""
    pk = _kunci(pk)
    _izin(aktor, pk.organisasi)
    _wajib_draf(pk)
    galat: dict = {}
    tanggal = _tanggal(
        tanggal, galat, bidang="tanggal", label="Tanggal penandatanganan", wajib=True
    )
    if tempat is not None:
        tempat = _teks(tempat, galat, bidang="tempat", label="Tempat", maks=100)
    butir = list(ButirPK.objects.filter(pk_dokumen=pk).select_related("indikator"))
    if not butir:
        galat[None] = (
            "PK belum memiliki butir: tambahkan sedikitnya satu indikator dengan targetnya."
        )
    kosong = [b.indikator.nama[:60] for b in butir if not _target_lengkap(b)]
    if kosong:
        galat[None] = "Target belum diisi untuk: " + "; ".join(kosong) + "."
    if not pk.pihak_pertama_jabatan.strip():
        galat["pihak_pertama_jabatan"] = "Jabatan pihak pertama belum diisi; ubah kepala PK dulu."
    if galat:
        if None in galat:
            galat["__all__"] = galat.pop(None)
        raise ValidationError(galat)
    pk.status = StatusPK.DITANDATANGANI
    pk.tanggal = tanggal
    if tempat is not None:
        pk.tempat = tempat
    _simpan(pk, aktor, "PK ditandatangani")
    return pk


def _surat(galat: dict, *, nomor_surat, tanggal_surat, dokumen) -> dict:
    """The decree or letter a revision rests on (docs/keputusan/0050): number, date and a
    PDF checked like every evidence upload (content, size), all optional for revisions made
    before; a document or date without the letter's number is refused."""
    from kinerja.pengukuran.layanan import periksa_berkas

    nomor = _teks(nomor_surat, galat, bidang="nomor_surat", label="Nomor surat/keputusan", maks=150)
    tgl = _tanggal(tanggal_surat, galat, bidang="tanggal_surat", label="Tanggal surat/keputusan")
    hasil = {"nomor_surat": nomor, "tanggal_surat": tgl, "berkas": None}
    if dokumen is not None:
        try:
            hasil["berkas"] = (dokumen.name, *periksa_berkas(dokumen, {"pdf": "application/pdf"}))
        except ValidationError as e:
            galat["dokumen"] = "Dokumen revisi: " + "; ".join(e.messages)
    if (tgl or dokumen is not None) and not nomor and "nomor_surat" not in galat:
        galat["nomor_surat"] = (
            "Nomor surat/keputusan wajib diisi bila tanggal atau dokumennya dilampirkan "
            "(contoh: Instruksi Sekda Nomor 19 Tahun 2024)."
        )
    return hasil


def _lampirkan(revisi: RevisiPK, surat: dict) -> None:
    """Fill the letter fields of a new revision and insert it (never updated later)."""
    from django.core.files.base import ContentFile

    revisi.nomor_surat, revisi.tanggal_surat = surat["nomor_surat"], surat["tanggal_surat"]
    if surat["berkas"]:
        nama, isi, jenis, sha = surat["berkas"]
        revisi.dokumen.save(f"{sha}.{jenis}", ContentFile(isi), save=False)
        revisi.dokumen_nama, revisi.dokumen_ukuran, revisi.dokumen_sha256 = (
            nama[:255],
            len(isi),
            sha,
        )
    revisi.save()


@transaction.atomic
def pk_revisi(
    *,
    pk: PerjanjianKinerja,
    aktor,
    dasar_hukum: str,
    alasan: str,
    target_baru: Mapping[int, object],
    tanggal: dt.date | None = None,
    nomor_surat: str = "",
    tanggal_surat: dt.date | None = None,
    dokumen=None,
) -> RevisiPK:
    """Revise targets of a signed PK: a new numbered RevisiPK with its legal basis and
    reason, a PerubahanTarget (old, new) per changed line, and the line's target updated
    with the revision in its history. `target_baru` maps a line id to its new target;
    lines whose value equals the current target are not changes."""
    pk = _kunci(pk)
    _izin(aktor, pk.organisasi)
    if pk.status != StatusPK.DITANDATANGANI:
        raise ValidationError(
            "PK ini masih draf: ubah targetnya langsung pada butir; revisi hanya untuk PK "
            "yang sudah ditandatangani."
        )
    galat: dict = {}
    dasar_hukum = _teks(
        dasar_hukum, galat, bidang="dasar_hukum", label="Dasar hukum revisi", maks=300, wajib=True
    )
    alasan = _teks(alasan, galat, bidang="alasan", label="Alasan revisi", maks=5000, wajib=True)
    tanggal = _tanggal(tanggal, galat, bidang="tanggal", label="Tanggal revisi")
    surat = _surat(galat, nomor_surat=nomor_surat, tanggal_surat=tanggal_surat, dokumen=dokumen)
    semua = {b.pk: b for b in ButirPK.objects.filter(pk_dokumen=pk).select_related("indikator")}
    ubah: list[tuple[ButirPK, Decimal]] = []
    for kunci, isi in target_baru.items():
        bidang = f"target_{kunci}"
        b = semua.get(int(kunci)) if str(kunci).isdigit() else None
        if b is None:
            galat[bidang] = f"Butir {kunci} bukan bagian PK ini."
            continue
        label = f"Target baru '{b.indikator.nama[:60]}'"
        if b.indikator.jenis_target not in JENIS_DAPAT_DIREVISI:
            if isi not in (None, ""):
                galat[bidang] = (
                    f"{label}: target {b.indikator.get_jenis_target_display().lower()} belum "
                    "dapat direvisi di halaman ini."
                )
            continue
        if isi in (None, ""):
            galat[bidang] = f"{label} wajib diisi; biarkan target lama bila tidak berubah."
            continue
        x = _angka_target(isi, galat, bidang=bidang, label=label)
        if x is not None and bidang not in galat and x != b.target:
            ubah.append((b, x))
    if galat:
        raise ValidationError(galat)
    if not ubah:
        raise ValidationError(
            "Tidak ada target yang berubah: ubah sedikitnya satu target baru sebelum menyimpan "
            "revisi."
        )
    nomor = (RevisiPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("nomor"))["m"] or 0) + 1
    revisi = RevisiPK(
        pk_dokumen=pk,
        nomor=nomor,
        tanggal=tanggal,
        dasar_hukum=dasar_hukum,
        alasan=alasan,
        dibuat_oleh=aktor.get_username() if _pengguna(aktor) else "",
    )
    _lampirkan(revisi, surat)  # saved once: the table is append-only (keputusan 0028)
    for b, x in ubah:
        PerubahanTarget.objects.create(revisi=revisi, butir=b, target_lama=b.target, target_baru=x)
        b.target = x
        _simpan(b, aktor, f"revisi PK {nomor}: {alasan}")
    return revisi


# --- targets per period (docs/keputusan/0037-target-periode.md) ---------------------------


@transaction.atomic
def target_periode_simpan(
    *,
    butir: ButirPK,
    aktor,
    target: Mapping[int, object],
    dasar_hukum: str = "",
    alasan: str = "",
    tanggal: dt.date | None = None,
) -> RevisiPK | None:
    """Set the targets of the periods (the indicator's frequency: triwulan, semester, bulan)
    of a PK line: `target` maps ke (1-based) to a number, or empty to remove it.

    On a draft PK the rows change directly (simple-history keeps every version). On a signed
    PK the change is a numbered revision with legal basis and reason: a PerubahanTarget per
    changed period (old empty = newly set), returned. Only numeric single targets (biasa,
    tepat) have period targets."""
    return target_periode_simpan_banyak(
        pk=butir.pk_dokumen, aktor=aktor, target={butir.pk: target},
        dasar_hukum=dasar_hukum, alasan=alasan, tanggal=tanggal,
    )  # fmt: skip


def _target_periode_butir(butir: ButirPK, target: Mapping, galat: dict, awalan: str) -> dict:
    """{ke: Decimal | None} of one line's period targets, errors into `galat` under
    `<awalan>periode_<ke>`; a ValidationError when the line has no period targets."""
    ind = butir.indikator
    jenis = ind.frekuensi
    if jenis not in JUMLAH_PERIODE or jenis == "tahun":
        raise ValidationError(
            f"Indikator '{ind.nama[:60]}' diukur tahunan: target per periode tidak berlaku."
        )
    if ind.jenis_target not in JENIS_DAPAT_DIREVISI:
        raise ValidationError(
            f"Target {ind.get_jenis_target_display().lower()} '{ind.nama[:60]}' tidak memiliki "
            "target per periode; hanya target angka tunggal."
        )
    n = JUMLAH_PERIODE[jenis]
    baru: dict[int, Decimal | None] = {}
    for kunci, isi in target.items():
        ke = int(kunci) if str(kunci).isdigit() else 0
        if not 1 <= ke <= n:
            galat[f"{awalan}periode_{kunci}"] = (
                f"{jenis.capitalize()} ke-{kunci} tidak ada (harus 1-{n})."
            )
            continue
        label = f"Target {label_pendek(jenis, ke)}"
        baru[ke] = _angka_target(isi, galat, bidang=f"{awalan}periode_{ke}", label=label)
    return baru


@transaction.atomic
def target_periode_simpan_banyak(
    *,
    pk: PerjanjianKinerja,
    aktor,
    target: Mapping[int, Mapping[int, object]],
    dasar_hukum: str = "",
    alasan: str = "",
    tanggal: dt.date | None = None,
) -> RevisiPK | None:
    """The period targets of several lines of one PK at once (`target`: butir id -> {ke:
    value}), e.g. from an Excel import: on a signed PK every change is ONE numbered revision.
    With one line the error fields are `periode_<ke>`; with more, `butir_<id>_periode_<ke>`."""
    pk = _kunci(pk)
    _izin(aktor, pk.organisasi)
    semua = {
        b.pk: b
        for b in ButirPK.objects.select_related("indikator").filter(
            pk__in=list(target), pk_dokumen=pk
        )
    }
    hilang = [k for k in target if k not in semua]
    if hilang:
        raise ValidationError(f"Butir {hilang[0]} bukan bagian dari Perjanjian Kinerja {pk.tahun}.")
    galat: dict = {}
    satu = len(target) == 1
    baru = {
        b_id: _target_periode_butir(semua[b_id], t, galat, "" if satu else f"butir_{b_id}_")
        for b_id, t in target.items()
    }
    ditandatangani = pk.status == StatusPK.DITANDATANGANI
    if ditandatangani:
        dasar_hukum = _teks(
            dasar_hukum, galat, bidang="dasar_hukum", label="Dasar hukum revisi", maks=300,
            wajib=True,
        )  # fmt: skip
        alasan = _teks(alasan, galat, bidang="alasan", label="Alasan revisi", maks=5000, wajib=True)
        tanggal = _tanggal(tanggal, galat, bidang="tanggal", label="Tanggal revisi")
    if galat:
        raise ValidationError(galat)
    lama = {
        (t.butir_id, t.ke): t
        for t in TargetPeriode.objects.filter(butir__in=list(semua)).select_related(
            "butir__indikator"
        )
        if t.jenis_periode == semua[t.butir_id].indikator.frekuensi
    }
    ubah = [
        (semua[b_id], ke, lama.get((b_id, ke)), x)
        for b_id, per_ke in baru.items()
        for ke, x in sorted(per_ke.items())
        if (lama[(b_id, ke)].target if (b_id, ke) in lama else None) != x
    ]
    if not ubah:
        if ditandatangani:
            raise ValidationError(
                "Tidak ada target periode yang berubah: ubah sedikitnya satu sebelum menyimpan "
                "revisi."
            )
        return None
    revisi = None
    if ditandatangani:
        nomor = (RevisiPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("nomor"))["m"] or 0) + 1
        revisi = RevisiPK.objects.create(
            pk_dokumen=pk,
            nomor=nomor,
            tanggal=tanggal,
            dasar_hukum=dasar_hukum,
            alasan=alasan,
            dibuat_oleh=aktor.get_username() if _pengguna(aktor) else "",
        )
        sebab = f"revisi PK {nomor}: {alasan}"
    else:
        sebab = f"target periode diubah (PK {pk.tahun} draf)"
    for butir, ke, obj, x in ubah:
        jenis = butir.indikator.frekuensi
        if revisi is not None:
            PerubahanTarget.objects.create(
                revisi=revisi,
                butir=butir,
                jenis_periode=jenis,
                ke=ke,
                target_lama=obj.target if obj else None,
                target_baru=x,
            )
        if x is None:
            obj._history_user = _pengguna(aktor)
            obj._change_reason = sebab[:100]
            obj.delete()
        elif obj is None:
            _simpan(TargetPeriode(butir=butir, jenis_periode=jenis, ke=ke, target=x), aktor, sebab)
        else:
            obj.target = x
            _simpan(obj, aktor, sebab)
    return revisi
