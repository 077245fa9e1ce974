"""Writes to the LKE worksheet and the follow-up register. Every write checks the actor's
right for that action, validates everything before saving, runs in one transaction, and is
audited (simple-history on answers and entries, TransisiLembar for the workflow).

Workflow: draf/dikembalikan --unit ajukan--> diajukan --evaluator selesai tinjau--> ditinjau
--pengendali finalkan--> final; evaluator or pengendali may return it to the unit (with notes).
"""

from __future__ import annotations

import hashlib
from datetime import date

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kinerja.evaluasi import izin
from kinerja.evaluasi.models import (
    BuktiJawaban,
    Jawaban,
    JenisBukti,
    LembarKerja,
    StatusLembar,
    StatusRegister,
    SumberTindakLanjut,
    TindakLanjut,
    TransisiLembar,
)
from kinerja.evaluasi.versi import muat_versi, struktur
from kinerja.pengukuran.layanan import JENIS_BUKTI

S = StatusLembar
BOLEH_DIISI = (S.DRAF, S.DIKEMBALIKAN)
MAKS_TEKS = 5000


def _teks(nilai: str, bidang: str, label: str, *, wajib: bool = False) -> str:
    nilai = (nilai or "").strip()
    if wajib and not nilai:
        raise ValidationError({bidang: f"{label} wajib diisi."})
    if len(nilai) > MAKS_TEKS:
        raise ValidationError(
            {bidang: f"{label} terlalu panjang ({len(nilai)} karakter; maksimal {MAKS_TEKS})."}
        )
    return nilai


def _kunci(lembar: LembarKerja) -> LembarKerja:
    return (
        LembarKerja.objects.select_for_update()
        .select_related("organisasi", "versi")
        .get(pk=lembar.pk)
    )


def _transisi(lembar: LembarKerja, ke: str, aktor, alasan: str = "") -> LembarKerja:
    dari = lembar.status
    lembar.status = ke
    lembar._change_reason = f"{dari} → {ke} oleh {aktor}"[:100]
    lembar.save()
    TransisiLembar.objects.create(lembar=lembar, dari=dari, ke=ke, aktor=aktor, alasan=alasan)
    return lembar


def _label_status(status: str) -> str:
    return S(status).label


def _harus_status(lembar: LembarKerja, boleh: tuple, tindakan: str) -> None:
    if lembar.status not in boleh:
        raise ValidationError(
            f"Lembar kerja berstatus '{_label_status(lembar.status)}'; {tindakan} hanya dapat "
            f"dilakukan saat berstatus {' atau '.join(repr(_label_status(s)) for s in boleh)}."
        )


# --- opening and filling ------------------------------------------------------------------


@transaction.atomic
def lembar_buka(*, organisasi, tahun: int, aktor, versi_kode: str | None = None) -> LembarKerja:
    """Open (or return) the unit's worksheet for `tahun` with the current LKE version."""
    ada = LembarKerja.objects.filter(organisasi=organisasi, tahun=tahun).first()
    if ada is not None:
        return ada
    if not (
        izin.dapat_mengisi(aktor, organisasi) or izin.evaluator_ditugaskan(aktor, organisasi, tahun)
    ):
        raise PermissionDenied(
            "Hanya operator unit ini atau evaluator yang ditugaskan yang dapat membuka lembar kerja."
        )
    if not 2000 <= tahun <= date.today().year + 1:
        raise ValidationError({"tahun": f"Tahun {tahun} di luar rentang yang masuk akal."})
    versi = muat_versi(versi_kode) if versi_kode else muat_versi()
    lembar = LembarKerja.objects.create(organisasi=organisasi, tahun=tahun, versi=versi)
    kode = list(struktur(versi).kriteria())
    Jawaban.objects.bulk_create([Jawaban(lembar=lembar, kode=k) for k in kode])
    TransisiLembar.objects.create(
        lembar=lembar, dari=S.DRAF, ke=S.DRAF, aktor=aktor, alasan="lembar kerja dibuka"
    )
    return lembar


def _kriteria(lembar: LembarKerja, kode: str):
    kr = struktur(lembar.versi).kriteria().get(kode)
    if kr is None:
        raise ValidationError({"kode": f"Kriteria {kode} tidak ada dalam LKE {lembar.versi.nama}."})
    return kr


def _nilai_dalam_skala(lembar, kode: str, nilai: str, bidang: str) -> str:
    kr = _kriteria(lembar, kode)
    n = (nilai or "").strip().upper()
    if n not in kr.skala:
        raise ValidationError(
            {
                bidang: f"Jawaban kriteria {kode} '{nilai}' di luar skalanya; "
                f"pilihan: {'/'.join(kr.skala)}."
            }
        )
    return n


@transaction.atomic
def jawaban_isi(*, jawaban: Jawaban, nilai_usulan: str, catatan: str, aktor) -> Jawaban:
    """The unit's self-assessment of one criterion (nilai usulan and its note)."""
    lembar = _kunci(jawaban.lembar)
    if not izin.dapat_mengisi_lembar(aktor, lembar):
        raise PermissionDenied("Hanya operator unit ini yang dapat mengisi penilaian mandiri.")
    _harus_status(lembar, BOLEH_DIISI, "pengisian nilai usulan")
    n = _nilai_dalam_skala(lembar, jawaban.kode, nilai_usulan, "nilai_usulan")
    jawaban = Jawaban.objects.select_for_update().get(pk=jawaban.pk)
    jawaban.nilai_usulan = n
    jawaban.catatan_unit = _teks(catatan, "catatan_unit", "Catatan")
    jawaban.ditinjau = False  # a changed answer is reviewed again
    jawaban._change_reason = f"nilai usulan oleh {aktor}"[:100]
    jawaban.save()
    return jawaban


@transaction.atomic
def lembar_ajukan(*, lembar: LembarKerja, aktor, catatan: str = "") -> LembarKerja:
    lembar = _kunci(lembar)
    if not izin.dapat_mengisi_lembar(aktor, lembar):
        raise PermissionDenied("Hanya operator unit ini yang dapat mengajukan lembar kerja.")
    _harus_status(lembar, BOLEH_DIISI, "pengajuan")
    kosong = list(
        lembar.jawaban.filter(nilai_usulan="").order_by("id").values_list("kode", flat=True)
    )
    if kosong:
        raise ValidationError(
            f"{len(kosong)} kriteria belum diberi nilai usulan: {', '.join(kosong[:10])}"
            + (" …" if len(kosong) > 10 else "")
        )
    return _transisi(lembar, S.DIAJUKAN, aktor, _teks(catatan, "catatan", "Catatan"))


# --- evidence -----------------------------------------------------------------------------


def _boleh_bukti(aktor, lembar) -> None:
    if izin.dapat_mengisi_lembar(aktor, lembar):
        _harus_status(lembar, BOLEH_DIISI, "penambahan bukti oleh unit")
    elif izin.dapat_meninjau_lembar(aktor, lembar):
        _harus_status(lembar, (S.DIAJUKAN,), "penambahan bukti oleh evaluator")
    else:
        raise PermissionDenied("Anda tidak berwenang menambah bukti pada lembar kerja ini.")


@transaction.atomic
def bukti_tautkan(*, jawaban: Jawaban, jenis: str, objek_id: int, aktor) -> BuktiJawaban:
    """Link a record already in Kinerja (PK, realisasi, survey round, NKA, LKIP, document)."""
    from kinerja.evaluasi.bukti import objek_bukti

    lembar = _kunci(jawaban.lembar)
    _boleh_bukti(aktor, lembar)
    if jenis not in JenisBukti.values or jenis == JenisBukti.BERKAS:
        raise ValidationError({"jenis": f"Jenis bukti '{jenis}' tidak dikenal."})
    label = objek_bukti(jenis, objek_id, lembar.organisasi)
    if label is None:
        raise ValidationError(
            {
                "objek_id": f"{JenisBukti(jenis).label} nomor {objek_id} tidak ada pada unit "
                f"{lembar.organisasi.nama}."
            }
        )
    if jawaban.bukti.filter(jenis=jenis, objek_id=objek_id).exists():
        raise ValidationError({"objek_id": f"{label} sudah ditautkan pada kriteria ini."})
    return BuktiJawaban.objects.create(
        jawaban=jawaban, jenis=jenis, objek_id=objek_id, label=label[:300], ditambah_oleh=aktor
    )


@transaction.atomic
def bukti_unggah(*, jawaban: Jawaban, berkas, aktor) -> BuktiJawaban:
    """Upload a file: type checked by content, size limited (as realisasi evidence)."""
    lembar = _kunci(jawaban.lembar)
    _boleh_bukti(aktor, lembar)
    batas = settings.KINERJA_BUKTI_MAKS_BYTE
    if berkas.size > batas:
        raise ValidationError(
            {
                "berkas": f"Berkas '{berkas.name}' terlalu besar "
                f"({berkas.size // 1024} KB; maksimal {batas // (1024 * 1024)} MB)."
            }
        )
    isi = berkas.read()
    jenis = filetype.guess(isi)
    if jenis is None or jenis.extension not in JENIS_BUKTI:
        terdeteksi = jenis.mime if jenis else "tidak dikenali"
        raise ValidationError(
            {
                "berkas": f"Berkas '{berkas.name}' bukan dokumen yang diterima (isi terdeteksi: "
                f"{terdeteksi}). Unggah PDF, gambar (JPG/PNG/WEBP) atau dokumen Office."
            }
        )
    sha = hashlib.sha256(isi).hexdigest()
    b = BuktiJawaban(
        jawaban=jawaban,
        jenis=JenisBukti.BERKAS,
        label=berkas.name[:300],
        jenis_mime=JENIS_BUKTI[jenis.extension],
        ukuran=len(isi),
        sha256=sha,
        ditambah_oleh=aktor,
    )
    b.berkas.save(f"{sha}.{jenis.extension}", ContentFile(isi), save=False)
    b.save()
    return b


# --- review and sign-off ------------------------------------------------------------------


@transaction.atomic
def jawaban_tinjau(
    *, jawaban: Jawaban, setuju: bool, nilai_penetapan: str = "", alasan: str = "", aktor
) -> Jawaban:
    """The evaluator agrees with the unit's answer, or sets nilai penetapan with a reason."""
    lembar = _kunci(jawaban.lembar)
    if not izin.dapat_meninjau_lembar(aktor, lembar):
        raise PermissionDenied(
            f"Anda bukan evaluator yang ditugaskan untuk {lembar.organisasi.nama} tahun {lembar.tahun}."
        )
    _harus_status(lembar, (S.DIAJUKAN,), "peninjauan jawaban")
    jawaban = Jawaban.objects.select_for_update().get(pk=jawaban.pk)
    if setuju:
        jawaban.nilai_penetapan = ""
        jawaban.alasan_penetapan = _teks(alasan, "alasan_penetapan", "Catatan evaluator")
    else:
        n = _nilai_dalam_skala(lembar, jawaban.kode, nilai_penetapan, "nilai_penetapan")
        jawaban.alasan_penetapan = _teks(
            alasan,
            "alasan_penetapan",
            f"Alasan nilai penetapan kriteria {jawaban.kode}",
            wajib=True,
        )
        jawaban.nilai_penetapan = n
    jawaban.ditinjau = True
    jawaban.ditinjau_oleh = aktor
    jawaban._change_reason = f"ditinjau oleh {aktor}"[:100]
    jawaban.save()
    return jawaban


@transaction.atomic
def lembar_selesai_tinjau(*, lembar: LembarKerja, aktor, catatan: str = "") -> LembarKerja:
    lembar = _kunci(lembar)
    if not izin.dapat_meninjau_lembar(aktor, lembar):
        raise PermissionDenied("Hanya evaluator yang ditugaskan yang dapat menyelesaikan tinjauan.")
    _harus_status(lembar, (S.DIAJUKAN,), "penyelesaian tinjauan")
    belum = list(lembar.jawaban.filter(ditinjau=False).values_list("kode", flat=True))
    if belum:
        raise ValidationError(
            f"{len(belum)} jawaban belum ditinjau: {', '.join(belum[:10])}"
            + (" …" if len(belum) > 10 else "")
        )
    return _transisi(lembar, S.DITINJAU, aktor, _teks(catatan, "catatan", "Catatan"))


@transaction.atomic
def lembar_kembalikan(*, lembar: LembarKerja, catatan: str, aktor) -> LembarKerja:
    """Return the worksheet to the unit with notes (evaluator from diajukan, pengendali
    from ditinjau)."""
    lembar = _kunci(lembar)
    if lembar.status == S.DIAJUKAN:
        boleh = izin.dapat_meninjau_lembar(aktor, lembar)
    elif lembar.status == S.DITINJAU:
        boleh = izin.dapat_menetapkan_lembar(aktor, lembar) or izin.dapat_meninjau_lembar(
            aktor, lembar
        )
    else:
        _harus_status(lembar, (S.DIAJUKAN, S.DITINJAU), "pengembalian ke unit")
    if not boleh:
        raise PermissionDenied("Anda tidak berwenang mengembalikan lembar kerja ini.")
    catatan = _teks(catatan, "catatan", "Catatan pengembalian untuk unit", wajib=True)
    lembar.catatan_kembali = catatan
    return _transisi(lembar, S.DIKEMBALIKAN, aktor, catatan)


@transaction.atomic
def lembar_finalkan(
    *, lembar: LembarKerja, aktor, catatan: str = "", nomor_lhe: str = "", tanggal_lhe=None
) -> LembarKerja:
    lembar = _kunci(lembar)
    if not izin.dapat_menetapkan_lembar(aktor, lembar):
        raise PermissionDenied(
            "Hanya pengendali teknis/mutu yang ditugaskan yang dapat menetapkan hasil evaluasi."
        )
    _harus_status(lembar, (S.DITINJAU,), "penetapan final")
    lembar.nomor_lhe = _teks(nomor_lhe, "nomor_lhe", "Nomor LHE")[:120]
    lembar.tanggal_lhe = tanggal_lhe
    return _transisi(lembar, S.FINAL, aktor, _teks(catatan, "catatan", "Catatan"))


# --- follow-up register -------------------------------------------------------------------


@transaction.atomic
def rekomendasi_catat(
    *, lembar: LembarKerja, komponen: str, temuan: str, rekomendasi: str, batas_waktu, aktor
) -> TindakLanjut:
    """An LHE finding with its recommendation: becomes a register entry of the unit."""
    lembar = _kunci(lembar)
    if not (
        izin.dapat_meninjau_lembar(aktor, lembar) or izin.dapat_menetapkan_lembar(aktor, lembar)
    ):
        raise PermissionDenied("Hanya evaluator yang ditugaskan yang dapat mencatat rekomendasi.")
    _harus_status(lembar, (S.DIAJUKAN, S.DITINJAU), "pencatatan rekomendasi")
    nama = {k.kode: k.nama for k in struktur(lembar.versi).struktur}
    if komponen not in nama:
        raise ValidationError({"komponen": f"Komponen '{komponen}' tidak dikenal."})
    return _entri_baru(
        organisasi=lembar.organisasi,
        sumber=SumberTindakLanjut.LHE,
        tahun=lembar.tahun,
        referensi=lembar.nomor_lhe or f"LHE {lembar.tahun}",
        komponen=nama[komponen],
        temuan=_teks(temuan, "temuan", "Temuan", wajib=True),
        rekomendasi=_teks(rekomendasi, "rekomendasi", "Rekomendasi", wajib=True),
        batas_waktu=batas_waktu,
        lembar=lembar,
        aktor=aktor,
    )


def _entri_baru(*, organisasi, aktor, **nilai) -> TindakLanjut:
    urutan = TindakLanjut.objects.filter(organisasi=organisasi, tahun=nilai["tahun"]).count() + 1
    e = TindakLanjut(organisasi=organisasi, urutan=urutan, **nilai)
    e._change_reason = f"dicatat oleh {aktor}"[:100]
    e.save()
    return e


@transaction.atomic
def tindak_lanjut_catat(
    *,
    organisasi,
    sumber: str,
    tahun: int,
    rekomendasi: str,
    batas_waktu,
    aktor,
    referensi: str = "",
    temuan: str = "",
) -> TindakLanjut:
    """A BPK finding, arahan pimpinan or pengaduan concerning performance."""
    if not izin.dapat_mengelola_register(aktor, organisasi):
        raise PermissionDenied("Hanya admin atau evaluator yang dapat mencatat entri register.")
    if sumber not in SumberTindakLanjut.values:
        raise ValidationError(
            {
                "sumber": f"Sumber '{sumber}' tidak dikenal (pilihan: "
                f"{', '.join(SumberTindakLanjut.values)})."
            }
        )
    return _entri_baru(
        organisasi=organisasi,
        sumber=sumber,
        tahun=tahun,
        referensi=_teks(referensi, "referensi", "Referensi")[:200],
        temuan=_teks(temuan, "temuan", "Temuan"),
        rekomendasi=_teks(rekomendasi, "rekomendasi", "Rekomendasi/arahan", wajib=True),
        batas_waktu=batas_waktu,
        aktor=aktor,
    )


@transaction.atomic
def tindak_lanjut_ubah(
    *, entri: TindakLanjut, status: str, uraian: str, aktor, bukti: str = "", alasan: str = ""
) -> TindakLanjut:
    """The responsible unit records progress; closing needs evidence (selesai) or a reason
    (tidak dapat ditindaklanjuti), and records who closed it and when."""
    entri = TindakLanjut.objects.select_for_update().select_related("organisasi").get(pk=entri.pk)
    if not izin.dapat_menindaklanjuti(aktor, entri.organisasi):
        raise PermissionDenied(
            f"Hanya unit penanggung jawab ({entri.organisasi.nama}) yang dapat mencatat tindak lanjut."
        )
    if status not in StatusRegister.values:
        raise ValidationError(
            {
                "status": f"Status '{status}' tidak dikenal (pilihan: "
                f"{', '.join(StatusRegister.values)})."
            }
        )
    entri.uraian_tindak_lanjut = _teks(uraian, "uraian_tindak_lanjut", "Uraian tindak lanjut")
    if status == StatusRegister.SELESAI:
        entri.bukti_selesai = _teks(bukti, "bukti_selesai", "Bukti penyelesaian", wajib=True)
    if status == StatusRegister.TIDAK_DAPAT:
        entri.alasan_tidak_dapat = _teks(
            alasan, "alasan_tidak_dapat", "Alasan tidak dapat ditindaklanjuti", wajib=True
        )
    selesai = status in (StatusRegister.SELESAI, StatusRegister.TIDAK_DAPAT)
    entri.status = status
    entri.ditutup_oleh = aktor if selesai else None
    entri.ditutup_pada = timezone.now() if selesai else None
    entri._change_reason = f"status {status} oleh {aktor}"[:100]
    entri.save()
    return entri
