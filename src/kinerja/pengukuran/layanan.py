"""Services: every write to realisasi goes through here (HackSoftware style: keyword-only,
one transaction, permission checked, an append-only event recorded with old and new values).

Workflow: draft -> diajukan -> diverifikasi | dikembalikan -> (diajukan again) ...
Verified data is locked; reopening is an explicit, logged action with a reason.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from kinerja.angka import angka, angka_ringkas, persen
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.pengukuran.models import (
    AksiRealisasi,
    BuktiDukung,
    PeristiwaRealisasi,
    Realisasi,
    StatusRealisasi,
)
from kinerja.perencanaan.models import Indikator
from kinerja.rumus.bilangan import D, DataTidakValid, bagi
from kinerja.rumus.periode import Periode

S = StatusRealisasi

# Evidence types accepted, detected from the content (never from the file name).
JENIS_BUKTI = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}


def _ukuran(byte: int) -> str:
    """File size for messages: '1,5 MB', '300 KB'."""
    if byte >= 1024 * 1024:
        return f"{angka(Decimal(byte) / (1024 * 1024), 1)} MB"
    return f"{angka(Decimal(byte) / 1024, 0)} KB"


def _teks(x) -> str | None:
    return None if x is None else format(Decimal(x).normalize(), "f")


def _catat(realisasi, *, aksi, aktor, dari, alasan="", perubahan=None) -> PeristiwaRealisasi:
    return PeristiwaRealisasi.objects.create(
        realisasi=realisasi,
        aksi=aksi,
        dari_status=dari,
        ke_status=realisasi.status,
        aktor=aktor,
        alasan=alasan,
        perubahan=perubahan or {},
    )


def _set_status(realisasi: Realisasi, status: str, alasan: str) -> None:
    # status is not editable in forms; only these services change it.
    realisasi.status = status
    realisasi._change_reason = alasan or status
    realisasi.save()


def _angka(nilai, bidang: str) -> Decimal | None:
    if nilai is None or nilai == "":
        return None
    try:
        return D(nilai, bidang=bidang)
    except DataTidakValid as e:
        raise ValidationError({bidang: e.pesan}) from None


@transaction.atomic
def realisasi_simpan(
    *,
    indikator: Indikator,
    tahun: int,
    jenis_periode: str,
    ke: int = 1,
    aktor,
    nilai=None,
    nilai_teks: str = "",
    pembilang=None,
    penyebut=None,
    penjelasan: str = "",
    alasan: str = "",
) -> Realisasi:
    """Create or change a realisasi while it is a draft or returned; never a verified one."""
    organisasi = indikator.organisasi
    if not dapat_mengisi(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengisi realisasi {organisasi}.")
    try:
        Periode(jenis=jenis_periode, tahun=tahun, ke=ke)
    except DataTidakValid as e:
        raise ValidationError({"periode": e.pesan}) from None
    nilai, pembilang, penyebut = (
        _angka(nilai, "nilai"),
        _angka(pembilang, "pembilang"),
        _angka(penyebut, "penyebut"),
    )
    if indikator.rasio and (pembilang is not None or penyebut is not None):
        if pembilang is None or penyebut is None:
            raise ValidationError(
                {"penyebut": "Isi pembilang dan penyebut sekaligus untuk indikator rasio."}
            )
        if penyebut == 0:
            raise ValidationError({"penyebut": "Penyebut tidak boleh 0."})
        nilai = bagi(pembilang * indikator.pengali_rasio, penyebut)
    if nilai is None and not nilai_teks:
        raise ValidationError(
            {"nilai": "Isi nilai realisasi (angka), atau pembilang dan penyebut."}
        )

    realisasi = (
        Realisasi.objects.select_for_update()
        .filter(indikator=indikator, tahun=tahun, jenis_periode=jenis_periode, ke=ke)
        .first()
    )
    baru = realisasi is None
    if baru:
        realisasi = Realisasi(
            indikator=indikator,
            organisasi=organisasi,
            tahun=tahun,
            jenis_periode=jenis_periode,
            ke=ke,
            dibuat_oleh=aktor,
        )
    elif realisasi.status == S.DIVERIFIKASI:
        raise ValidationError(
            "Realisasi ini sudah diverifikasi dan terkunci; minta verifikator membukanya kembali."
        )
    elif realisasi.status == S.DIAJUKAN:
        raise ValidationError(
            "Realisasi ini sedang menunggu verifikasi; tunggu hasilnya atau minta dikembalikan."
        )

    perubahan = {}
    for bidang, isi in (("nilai", nilai), ("pembilang", pembilang), ("penyebut", penyebut)):
        lama = getattr(realisasi, bidang)
        if baru or _teks(lama) != _teks(isi):
            perubahan[bidang] = [_teks(lama) if not baru else None, _teks(isi)]
        setattr(realisasi, bidang, isi)
    for bidang, isi in (("nilai_teks", nilai_teks), ("penjelasan", penjelasan)):
        lama = getattr(realisasi, bidang)
        if lama != isi:
            perubahan[bidang] = [lama if not baru else None, isi]
        setattr(realisasi, bidang, isi)
    if perubahan and not baru and realisasi.status == S.DIKEMBALIKAN and not (alasan or "").strip():
        raise ValidationError({"alasan": "Data ini pernah diajukan: tuliskan alasan perubahannya."})
    dari = "" if baru else realisasi.status
    realisasi._change_reason = alasan or ("dibuat" if baru else "diubah")
    realisasi.save()
    if perubahan or baru:
        _catat(
            realisasi,
            aksi=AksiRealisasi.SIMPAN,
            aktor=aktor,
            dari=dari,
            alasan=alasan,
            perubahan=perubahan,
        )
    return realisasi


def _periksa_penjelasan(realisasi: Realisasi) -> None:
    """An explanation is required when capaian < 100% or the value fell from the previous period."""
    from kinerja.pengukuran.pemilih import capaian_realisasi, realisasi_sebelumnya

    if realisasi.penjelasan.strip():
        return
    hasil = capaian_realisasi(realisasi)
    if hasil is not None and hasil.capaian is not None and hasil.capaian < 100:
        raise ValidationError(
            {
                "penjelasan": f"Capaian {persen(hasil.capaian)} di bawah 100%: jelaskan penyebab dan langkah perbaikannya."
            }
        )
    sebelumnya = realisasi_sebelumnya(realisasi)
    if sebelumnya is not None and sebelumnya.nilai is not None and realisasi.nilai is not None:
        turun = realisasi.nilai < sebelumnya.nilai
        if realisasi.indikator.polaritas == "negatif":
            turun = realisasi.nilai > sebelumnya.nilai
        if turun:
            raise ValidationError(
                {
                    "penjelasan": f"Realisasi {angka_ringkas(realisasi.nilai)} lebih buruk daripada periode sebelumnya "
                    f"({angka_ringkas(sebelumnya.nilai)}, {sebelumnya.label_periode}): jelaskan penyebabnya."
                }
            )


@transaction.atomic
def realisasi_ajukan(*, realisasi: Realisasi, aktor) -> Realisasi:
    realisasi = (
        Realisasi.objects.select_for_update()
        .select_related("indikator", "organisasi")
        .get(pk=realisasi.pk)
    )
    if not dapat_mengisi(aktor, realisasi.organisasi):
        raise PermissionDenied("Hanya operator unit ini yang dapat mengajukan realisasinya.")
    if realisasi.status not in (S.DRAFT, S.DIKEMBALIKAN):
        raise ValidationError(
            f"Realisasi berstatus '{realisasi.get_status_display()}' tidak dapat diajukan."
        )
    _periksa_penjelasan(realisasi)
    dari = realisasi.status
    realisasi.diajukan_oleh = aktor
    _set_status(realisasi, S.DIAJUKAN, "diajukan")
    _catat(realisasi, aksi=AksiRealisasi.AJUKAN, aktor=aktor, dari=dari)
    return realisasi


def _untuk_verifikator(realisasi: Realisasi, aktor) -> Realisasi:
    realisasi = (
        Realisasi.objects.select_for_update().select_related("organisasi").get(pk=realisasi.pk)
    )
    if not dapat_memverifikasi(aktor, realisasi.organisasi):
        raise PermissionDenied(f"Anda bukan verifikator {realisasi.organisasi}.")
    ikut_mengisi = realisasi.peristiwa.filter(
        aktor=aktor,
        aksi__in=[AksiRealisasi.SIMPAN, AksiRealisasi.UNGGAH_BUKTI, AksiRealisasi.AJUKAN],
    ).exists()
    if ikut_mengisi or aktor.pk in (realisasi.dibuat_oleh_id, realisasi.diajukan_oleh_id):
        raise PermissionDenied("Tidak ada yang boleh memverifikasi isiannya sendiri.")
    return realisasi


@transaction.atomic
def realisasi_verifikasi(*, realisasi: Realisasi, aktor, catatan: str = "") -> Realisasi:
    realisasi = _untuk_verifikator(realisasi, aktor)
    if realisasi.status != S.DIAJUKAN:
        raise ValidationError("Hanya realisasi yang diajukan yang dapat diverifikasi.")
    _set_status(realisasi, S.DIVERIFIKASI, catatan or "diverifikasi")
    _catat(realisasi, aksi=AksiRealisasi.VERIFIKASI, aktor=aktor, dari=S.DIAJUKAN, alasan=catatan)
    return realisasi


@transaction.atomic
def realisasi_kembalikan(*, realisasi: Realisasi, aktor, alasan: str) -> Realisasi:
    if not (alasan or "").strip():
        raise ValidationError(
            {"alasan": "Alasan pengembalian wajib diisi agar operator tahu apa yang diperbaiki."}
        )
    realisasi = _untuk_verifikator(realisasi, aktor)
    if realisasi.status != S.DIAJUKAN:
        raise ValidationError("Hanya realisasi yang diajukan yang dapat dikembalikan.")
    _set_status(realisasi, S.DIKEMBALIKAN, alasan)
    _catat(realisasi, aksi=AksiRealisasi.KEMBALIKAN, aktor=aktor, dari=S.DIAJUKAN, alasan=alasan)
    return realisasi


@transaction.atomic
def realisasi_buka_kembali(*, realisasi: Realisasi, aktor, alasan: str) -> Realisasi:
    """Unlock verified data for correction: explicit, with a reason, logged."""
    if not (alasan or "").strip():
        raise ValidationError({"alasan": "Alasan membuka kembali data terverifikasi wajib diisi."})
    realisasi = _untuk_verifikator(realisasi, aktor)
    if realisasi.status != S.DIVERIFIKASI:
        raise ValidationError("Hanya realisasi terverifikasi yang dapat dibuka kembali.")
    _set_status(realisasi, S.DIKEMBALIKAN, alasan)
    _catat(
        realisasi, aksi=AksiRealisasi.BUKA_KEMBALI, aktor=aktor, dari=S.DIVERIFIKASI, alasan=alasan
    )
    return realisasi


@transaction.atomic
def bukti_unggah(*, realisasi: Realisasi, berkas, aktor) -> BuktiDukung:
    """Store an evidence file: type checked by content, size limited, named by its SHA-256."""
    realisasi = (
        Realisasi.objects.select_for_update().select_related("organisasi").get(pk=realisasi.pk)
    )
    if not dapat_mengisi(aktor, realisasi.organisasi):
        raise PermissionDenied("Hanya operator unit ini yang dapat mengunggah bukti dukung.")
    if realisasi.status in (S.DIAJUKAN, S.DIVERIFIKASI):
        raise ValidationError(
            "Bukti tidak dapat ditambahkan pada realisasi yang diajukan atau terverifikasi."
        )
    batas = settings.KINERJA_BUKTI_MAKS_BYTE
    if berkas.size > batas:
        raise ValidationError(
            {
                "berkas": f"Berkas '{berkas.name}' berukuran {_ukuran(berkas.size)}; maksimal {_ukuran(batas)}."
            }
        )
    isi = berkas.read()
    jenis = filetype.guess(isi)
    if jenis is None or jenis.extension not in JENIS_BUKTI:
        terdeteksi = jenis.mime if jenis else "tidak dikenali"
        raise ValidationError(
            {
                "berkas": f"Jenis berkas '{berkas.name}' tidak diterima (isi terdeteksi: {terdeteksi}). "
                "Unggah PDF, gambar (JPG/PNG/WEBP), atau dokumen Office (DOCX/XLSX/PPTX/DOC/XLS/PPT/ODT/ODS)."
            }
        )
    sha = hashlib.sha256(isi).hexdigest()
    bukti = BuktiDukung(
        realisasi=realisasi,
        nama_asli=berkas.name[:255],
        jenis_mime=JENIS_BUKTI[jenis.extension],
        ukuran=len(isi),
        sha256=sha,
        diunggah_oleh=aktor,
    )
    bukti.berkas.save(f"{sha}.{jenis.extension}", ContentFile(isi), save=False)
    bukti.save()
    _catat(
        realisasi,
        aksi=AksiRealisasi.UNGGAH_BUKTI,
        aktor=aktor,
        dari=realisasi.status,
        perubahan={"bukti": [None, f"{bukti.nama_asli} ({sha[:12]})"]},
    )
    return bukti
