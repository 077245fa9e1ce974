"""Services: build the LKIP files, run a build as a queued job, store narrative edits.

A build is a django-tasks task on the database queue (django-tasks-db, settings.TASKS),
run by the worker process `kinerja pekerja`; the page follows the progress row
(`PekerjaanLkip`). Keputusan 0017 and 0021.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from kinerja.inti import antrean
from kinerja.lkip.dokumen import Dokumen
from kinerja.lkip.models import (
    STATUS_AKTIF,
    NarasiLkip,
    PekerjaanLkip,
    StatusPekerjaan,
    TemplatLkip,
)
from kinerja.organisasi.models import Organisasi

FORMAT = ("docx", "pdf", "xlsx")


@dataclass
class HasilBangun:
    dokumen: Dokumen
    berkas: list[Path] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


def folder_bawaan() -> Path:
    return Path(settings.DATA_DIR) / "lkip"


def nama_dasar(organisasi: Organisasi, tahun: int) -> str:
    return f"LKIP-{organisasi.slug}-{tahun}"


def templat_organisasi(organisasi: Organisasi) -> Path | None:
    t = TemplatLkip.objects.filter(organisasi=organisasi).first()
    return Path(t.berkas.path) if t and t.berkas else None


def bangun_lkip(
    organisasi: Organisasi,
    tahun: int,
    *,
    format: tuple[str, ...] | list[str] = FORMAT,
    keluar: Path | None = None,
    templat: Path | None = None,
    kemajuan=None,
    reviu: bool = True,
) -> HasilBangun:
    """Build the report (and the reviu beside it) into `keluar`; returns the files written.

    A missing LibreOffice skips the PDF with a note instead of failing the whole build."""
    from kinerja.lkip.docx import tulis_docx
    from kinerja.lkip.pdf import PdfGagal, docx_ke_pdf
    from kinerja.lkip.reviu import tulis_reviu
    from kinerja.lkip.struktur import susun_lkip
    from kinerja.lkip.xlsx import tulis_xlsx

    salah = [f for f in format if f not in FORMAT]
    if salah:
        raise ValueError(
            f"format tidak dikenal: {', '.join(salah)}; pilih dari {', '.join(FORMAT)}"
        )
    kemajuan = kemajuan or (lambda _p, _l: None)
    keluar = Path(keluar or folder_bawaan())
    keluar.mkdir(parents=True, exist_ok=True)
    dok = susun_lkip(organisasi, tahun, kemajuan=kemajuan)
    hasil = HasilBangun(dokumen=dok)
    dasar = nama_dasar(organisasi, tahun)
    docx = keluar / f"{dasar}.docx"
    if "docx" in format or "pdf" in format:
        kemajuan(45, "Menulis DOCX")
        tulis_docx(dok, docx, templat=templat or templat_organisasi(organisasi))
        if "docx" in format:
            hasil.berkas.append(docx)
    if "xlsx" in format:
        kemajuan(55, "Menulis XLSX")
        hasil.berkas.append(tulis_xlsx(dok, keluar / f"{dasar}.xlsx"))
    if reviu:
        kemajuan(60, "Menulis dokumen reviu")
        docx_ada = docx if ("docx" in format or "pdf" in format) else None
        hasil.berkas.append(tulis_reviu(dok, keluar / f"{dasar}-reviu.docx", docx=docx_ada))
    if "pdf" in format:
        kemajuan(65, "Mengonversi ke PDF (LibreOffice)")
        try:
            hasil.catatan += docx_ke_pdf(docx, keluar / f"{dasar}.pdf")
            hasil.berkas.append(keluar / f"{dasar}.pdf")
        except PdfGagal as e:
            hasil.catatan.append(str(e))
        if "docx" not in format:
            docx.unlink(missing_ok=True)
    perlu = [n.kunci for n in dok.narasi if n.perlu_ditinjau]
    if perlu:
        hasil.catatan.append(
            f"{len(perlu)} narasi yang diedit perlu ditinjau karena angkanya berubah: "
            + ", ".join(perlu)
        )
    kemajuan(100, "Selesai")
    return hasil


# --- background job --------------------------------------------------------------------


def _perbarui(pk: int, **isi) -> None:
    PekerjaanLkip.objects.filter(pk=pk).update(**isi, diperbarui_pada=timezone.now())


def jalankan_pekerjaan(pekerjaan_id: int) -> None:
    """The task body: build, recording progress and the outcome on the job row."""
    p = PekerjaanLkip.objects.select_related("organisasi").get(pk=pekerjaan_id)
    if p.status not in STATUS_AKTIF:
        return  # already finished or failed (a task queued twice never builds twice)
    _perbarui(p.pk, status=StatusPekerjaan.BERJALAN, progres=1, langkah="Memulai")
    folder = folder_bawaan() / p.organisasi.slug / str(p.tahun) / f"pekerjaan-{p.pk}"
    try:
        hasil = bangun_lkip(
            p.organisasi,
            p.tahun,
            format=[f for f in p.format.split(",") if f],
            keluar=folder,
            kemajuan=lambda pr, lg: _perbarui(p.pk, progres=pr, langkah=lg[:200]),
        )
    except Exception as e:  # the page must show why, not hang at "berjalan"
        _perbarui(
            p.pk,
            status=StatusPekerjaan.GAGAL,
            pesan=f"Pembangunan LKIP gagal: {e}",
            selesai_pada=timezone.now(),
        )
        raise
    _perbarui(
        p.pk,
        status=StatusPekerjaan.SELESAI,
        progres=100,
        langkah="Selesai",
        folder=str(folder),
        berkas=[b.name for b in hasil.berkas],
        pesan="\n".join(hasil.catatan),
        narasi=[
            {
                "kunci": n.kunci,
                "judul": n.judul,
                "diedit": n.diedit,
                "perlu_ditinjau": n.perlu_ditinjau,
            }
            for n in hasil.dokumen.narasi
        ],
        selesai_pada=timezone.now(),
    )


@task(queue_name="laporan")
def tugas_bangun_lkip(pekerjaan_id: int) -> None:
    jalankan_pekerjaan(pekerjaan_id)


class PembangunanBerjalan(ValueError):
    """A build of this organisation and year is already queued or running."""


def _gagalkan_terhenti(organisasi: Organisasi, tahun: int) -> None:
    """Active rows without progress for BATAS_DIAM belong to a dead process: fail them, so
    they neither block a new build nor stay 'running' forever."""
    for p in PekerjaanLkip.objects.filter(
        organisasi=organisasi, tahun=tahun, status__in=STATUS_AKTIF
    ):
        if p.terhenti:
            _perbarui(
                p.pk,
                status=StatusPekerjaan.GAGAL,
                pesan="Terhenti tanpa kemajuan (proses pembangunan berhenti); bangun ulang.",
                selesai_pada=timezone.now(),
            )


def _antrekan(pekerjaan_id: int) -> None:
    hasil = tugas_bangun_lkip.enqueue(pekerjaan_id)
    # the immediate backend (tests) has run the build already; a real queue returns at once
    PekerjaanLkip.objects.filter(pk=pekerjaan_id).update(id_tugas=str(hasil.id)[:64])


def mulai_pekerjaan(
    *, organisasi: Organisasi, tahun: int, format: list[str], aktor, latar: bool = True
) -> PekerjaanLkip:
    """Record a build job and queue it once the transaction commits (settings.TASKS: the
    database queue and its worker `kinerja pekerja`). One active build per organisation and
    year: a second request raises PembangunanBerjalan. latar=False runs it in the caller
    (CLI)."""
    salah = [f for f in format if f not in FORMAT]
    if salah or not format:
        raise ValueError("Pilih sedikitnya satu format: docx, pdf atau xlsx.")
    _gagalkan_terhenti(organisasi, tahun)
    try:
        with transaction.atomic():
            p = PekerjaanLkip.objects.create(
                organisasi=organisasi,
                tahun=tahun,
                format=",".join(format),
                dibuat_oleh=aktor,
                percobaan=1,
            )
    except IntegrityError:
        raise PembangunanBerjalan(
            f"LKIP {organisasi.nama} {tahun} sedang dibangun atau menunggu antrean; "
            "tunggu sampai selesai sebelum membangun lagi."
        ) from None
    if not latar:
        jalankan_pekerjaan(p.pk)
    else:
        transaction.on_commit(lambda: _antrekan(p.pk))
    return p


def pulihkan_pekerjaan_terputus(**_kwargs) -> list[int]:
    """Run when the worker starts (inti.antrean.pekerja_mulai): a build whose task is still
    marked running was cut off when the previous worker died (one worker per installation,
    keputusan 0021). It is queued once more; a build cut off twice is failed with the reason.
    Returns the ids that were queued again."""
    diulang = []
    aktif = list(PekerjaanLkip.objects.filter(status__in=STATUS_AKTIF).exclude(id_tugas=""))
    for p in antrean.terputus(aktif):
        if p.percobaan >= 2:
            _perbarui(
                p.pk,
                status=StatusPekerjaan.GAGAL,
                pesan="Pekerja antrean berhenti dua kali saat membangun laporan ini; "
                "periksa log pekerja lalu bangun ulang.",
                selesai_pada=timezone.now(),
            )
            continue
        _perbarui(
            p.pk,
            status=StatusPekerjaan.ANTRE,
            progres=0,
            langkah="Diantrekan ulang: pekerja berhenti saat membangun",
            percobaan=p.percobaan + 1,
        )
        _antrekan(p.pk)
        diulang.append(p.pk)
    return diulang


# --- narrative edits -------------------------------------------------------------------


def narasi_simpan(
    *, organisasi: Organisasi, tahun: int, kunci: str, teks: str, hash_angka: str, aktor
):
    """Store (or replace) an edited block with the hash of the numbers it was written against."""
    teks = teks.replace("\r\n", "\n").strip()
    if not teks:
        raise ValueError("Teks narasi tidak boleh kosong; pakai 'kembalikan ke teks otomatis'.")
    n, _ = NarasiLkip.objects.update_or_create(
        organisasi=organisasi,
        tahun=tahun,
        kunci=kunci,
        defaults={"teks": teks, "hash_angka": hash_angka, "diubah_oleh": aktor},
    )
    return n


def narasi_kembalikan(*, organisasi: Organisasi, tahun: int, kunci: str, aktor) -> None:
    """Back to the generated text (the deletion stays in the history)."""
    for n in NarasiLkip.objects.filter(organisasi=organisasi, tahun=tahun, kunci=kunci):
        n._history_user = aktor
        n.delete()
