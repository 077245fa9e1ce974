"""Services: every write to realisasi goes through here (HackSoftware style: keyword-only,
one transaction, permission checked, an append-only event recorded with old and new values).

Workflow: draft -> diajukan -> diverifikasi | dikembalikan -> (diajukan again) ...
Verified data is locked; reopening is an explicit, logged action with a reason.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from kinerja.angka import angka, angka_ringkas, persen
from kinerja.inti import nilai as aturan
from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.organisasi.izin import dapat_memverifikasi, dapat_mengisi
from kinerja.pengukuran.models import (
    AksiRealisasi,
    BuktiDukung,
    PeristiwaRealisasi,
    Realisasi,
    StatusRealisasi,
)
from kinerja.perencanaan.models import Indikator, JenisTarget
from kinerja.rumus.bilangan import DataTidakValid, bagi, bulat, teks
from kinerja.rumus.capaian import skala_ordinal_untuk
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode

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


LABEL_BIDANG = {
    "nilai": "Realisasi",
    "pembilang": "Pembilang",
    "penyebut": "Penyebut",
    "nilai_teks": "Realisasi (kualitatif)",
    "penjelasan": "Penjelasan",
}
NILAI_TEKS_MAKS = Realisasi._meta.get_field("nilai_teks").max_length
PENJELASAN_MAKS = 4000


@dataclass(frozen=True)
class IsianRealisasi:
    """A realisasi's values after `periksa_isian`: what the indicator allows, checked."""

    nilai: Decimal | None
    pembilang: Decimal | None
    penyebut: Decimal | None
    nilai_teks: str
    penjelasan: str


def _periksa_periode(indikator: Indikator, tahun, jenis_periode, ke, galat: dict) -> None:
    if (
        isinstance(tahun, bool)
        or not isinstance(tahun, int)
        or not TAHUN_MIN <= tahun <= TAHUN_MAKS
    ):
        galat["tahun"] = f"Tahun harus bilangan bulat {TAHUN_MIN}-{TAHUN_MAKS} (diisi {tahun!r})."
        return
    if jenis_periode not in JUMLAH_PERIODE:
        galat["jenis_periode"] = (
            f"Jenis periode '{jenis_periode}' tidak dikenal (pilih: bulan, triwulan, semester, tahun)."
        )
        return
    if jenis_periode not in (indikator.frekuensi, "tahun"):
        boleh = " atau ".join(f"'{x}'" for x in dict.fromkeys((indikator.frekuensi, "tahun")))
        galat["jenis_periode"] = (
            f"Jenis periode '{jenis_periode}' tidak sesuai frekuensi indikator "
            f"({indikator.get_frekuensi_display()}); isi {boleh}."
        )
        return
    try:
        Periode(jenis=jenis_periode, tahun=tahun, ke=ke)
    except DataTidakValid as e:
        galat["ke"] = f"Periode ke: {e.pesan.split(': ', 1)[-1]}."


def periksa_isian(
    *,
    indikator: Indikator,
    tahun,
    jenis_periode,
    ke,
    nilai=None,
    nilai_teks="",
    pembilang=None,
    penyebut=None,
    penjelasan="",
) -> IsianRealisasi:
    """Every rule a realisasi's values must meet, for the form, the API and the import alike:
    the year and a period type the indicator uses; numbers within their column
    (`kinerja.inti.nilai`); a qualitative indicator takes a label of its scale and no number,
    a numeric one a number and no label; bounded texts. Raises one ValidationError naming
    every field at fault."""
    galat: dict[str, str] = {}
    _periksa_periode(indikator, tahun, jenis_periode, ke, galat)
    angka = {}
    for bidang, isi in (("nilai", nilai), ("pembilang", pembilang), ("penyebut", penyebut)):
        try:
            angka[bidang] = aturan.desimal(
                isi,
                aturan.batas_kolom(Realisasi, bidang),
                label=LABEL_BIDANG[bidang],
                bidang=bidang,
            )
        except DataTidakValid as e:
            galat[bidang] = e.pesan
            angka[bidang] = None
    teks = {}
    for bidang, isi, maks in (
        ("nilai_teks", nilai_teks, NILAI_TEKS_MAKS),
        ("penjelasan", penjelasan, PENJELASAN_MAKS),
    ):
        if isi is not None and not isinstance(isi, str):
            galat[bidang] = f"{LABEL_BIDANG[bidang]}: diharapkan teks."
            isi = ""
        isi = (isi or "").strip()
        if len(isi) > maks:
            galat[bidang] = (
                f"{LABEL_BIDANG[bidang]} paling banyak {maks} karakter (sekarang {len(isi)})."
            )
        teks[bidang] = isi
    label = teks["nilai_teks"]
    if indikator.jenis_target == JenisTarget.KUALITATIF:
        skala = skala_ordinal_untuk(indikator.skala_ordinal or "opini")
        for bidang in ("nilai", "pembilang", "penyebut"):
            terisi = bidang in galat or angka[bidang] is not None
            if terisi:
                galat[bidang] = (
                    f"Indikator ini kualitatif: isi label {skala.nama} di nilai_teks, bukan angka."
                )
        if not label and "nilai_teks" not in galat:
            galat["nilai_teks"] = (
                f"Realisasi (kualitatif) wajib diisi dengan label {skala.nama} "
                f"({', '.join(skala.peringkat)})."
            )
        elif label and "nilai_teks" not in galat:
            try:
                skala.peringkat_untuk(label, bidang="realisasi")
            except DataTidakValid:
                galat["nilai_teks"] = (
                    f"'{label}' bukan label {skala.nama}; pilih salah satu: "
                    f"{', '.join(skala.peringkat)}."
                )
    elif not indikator.rasio:
        for bidang in ("pembilang", "penyebut"):
            if angka[bidang] is not None and bidang not in galat:
                galat[bidang] = (
                    f"{LABEL_BIDANG[bidang]} hanya untuk indikator rasio; indikator ini diisi "
                    "langsung di nilai. Kosongkan isian ini."
                )
    if indikator.jenis_target != JenisTarget.KUALITATIF and label and "nilai_teks" not in galat:
        galat["nilai_teks"] = (
            "Indikator ini berupa angka: realisasi kualitatif (teks) tidak dipakai; "
            "isi nilai (mis. 97.46) dan kosongkan nilai_teks."
        )
    if galat:
        raise ValidationError(galat)
    return IsianRealisasi(
        nilai=angka["nilai"],
        pembilang=angka["pembilang"],
        penyebut=angka["penyebut"],
        nilai_teks=label,
        penjelasan=teks["penjelasan"],
    )


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
    isian = periksa_isian(
        indikator=indikator,
        tahun=tahun,
        jenis_periode=jenis_periode,
        ke=ke,
        nilai=nilai,
        nilai_teks=nilai_teks,
        pembilang=pembilang,
        penyebut=penyebut,
        penjelasan=penjelasan,
    )
    nilai, pembilang, penyebut = isian.nilai, isian.pembilang, isian.penyebut
    nilai_teks, penjelasan = isian.nilai_teks, isian.penjelasan
    if indikator.rasio and (pembilang is not None or penyebut is not None):
        if pembilang is None or penyebut is None:
            raise ValidationError(
                {"penyebut": "Isi pembilang dan penyebut sekaligus untuk indikator rasio."}
            )
        if penyebut == 0:
            raise ValidationError({"penyebut": "Penyebut tidak boleh 0."})
        # computed, so rounded to the column's decimals (half up); too large is an error
        batas = aturan.batas_kolom(Realisasi, "nilai")
        nilai = bagi(pembilang * indikator.pengali_rasio, penyebut)
        if abs(nilai) >= batas.maksimum:
            raise ValidationError(
                {
                    "penyebut": f"Realisasi = pembilang / penyebut × {teks(Decimal(indikator.pengali_rasio))} "
                    f"terlalu besar ({batas.uraian}); periksa pembilang dan penyebut."
                }
            )
        nilai = bulat(nilai, batas.desimal)
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


def periksa_berkas_bukti(berkas) -> tuple[bytes, str]:
    """(content, extension) of an evidence upload with the default accepted types (SKP)."""
    isi, ekstensi, _ = periksa_berkas(berkas)
    return isi, ekstensi


def periksa_berkas(berkas, diterima: dict[str, str] | None = None) -> tuple[bytes, str, str]:
    """The evidence checks shared by every upload of supporting documents: size limited
    (KINERJA_BUKTI_MAKS_BYTE), type detected from the content (never from the name) and one
    of `diterima` (extension -> MIME; default JENIS_BUKTI). Returns (bytes, extension,
    SHA-256 hex) or raises a ValidationError on `berkas` in Indonesian."""
    diterima = JENIS_BUKTI if diterima is None else diterima
    batas = settings.KINERJA_BUKTI_MAKS_BYTE
    if berkas.size > batas:
        raise ValidationError(
            {
                "berkas": f"Berkas '{berkas.name}' berukuran {_ukuran(berkas.size)}; maksimal {_ukuran(batas)}."
            }
        )
    isi = berkas.read()
    jenis = filetype.guess(isi)
    if jenis is None or jenis.extension not in diterima:
        terdeteksi = jenis.mime if jenis else "tidak dikenali"
        boleh = (
            "PDF, gambar (JPG/PNG/WEBP), atau dokumen Office (DOCX/XLSX/PPTX/DOC/XLS/PPT/ODT/ODS)"
            if diterima is JENIS_BUKTI
            else "/".join(k.upper() for k in diterima)
        )
        raise ValidationError(
            {
                "berkas": f"Jenis berkas '{berkas.name}' tidak diterima (isi terdeteksi: {terdeteksi}). "
                f"Unggah {boleh}."
            }
        )
    return isi, jenis.extension, hashlib.sha256(isi).hexdigest()


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
    isi, jenis, sha = periksa_berkas(berkas)
    bukti = BuktiDukung(
        realisasi=realisasi,
        nama_asli=berkas.name[:255],
        jenis_mime=JENIS_BUKTI[jenis],
        ukuran=len(isi),
        sha256=sha,
        diunggah_oleh=aktor,
    )
    bukti.berkas.save(f"{sha}.{jenis}", ContentFile(isi), save=False)
    bukti.save()
    _catat(
        realisasi,
        aksi=AksiRealisasi.UNGGAH_BUKTI,
        aktor=aktor,
        dari=realisasi.status,
        perubahan={"bukti": [None, f"{bukti.nama_asli} ({sha[:12]})"]},
    )
    return bukti
