"""Services: build the LKIP files, run a build as a background job, store narrative edits.

Background jobs: django-tasks 0.12 ships only the immediate and dummy backends (its
database backend moved to the separate `django-tasks-db` package, not installed). With
the immediate backend a build would block the request, so `mulai_pekerjaan` runs the task
body in a thread and the page follows the progress row (`PekerjaanLkip`). When a real
queue backend is configured in settings.TASKS, the same task is enqueued instead.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from kinerja.lkip.dokumen import Dokumen
from kinerja.lkip.models import NarasiLkip, PekerjaanLkip, StatusPekerjaan, TemplatLkip
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


try:
    from django_tasks import task

    @task()
    def tugas_bangun_lkip(pekerjaan_id: int) -> None:
        jalankan_pekerjaan(pekerjaan_id)

except ImportError:  # pragma: no cover - django-tasks is a dependency
    tugas_bangun_lkip = None


def _antrean_nyata() -> bool:
    tasks = getattr(settings, "TASKS", {}) or {}
    backend = tasks.get("default", {}).get("BACKEND", "")
    return bool(backend) and "immediate" not in backend and "dummy" not in backend


def _di_thread(pekerjaan_id: int) -> None:
    def kerja():
        close_old_connections()
        try:
            jalankan_pekerjaan(pekerjaan_id)
        except Exception:
            pass  # recorded on the row
        finally:
            close_old_connections()

    threading.Thread(target=kerja, name=f"lkip-{pekerjaan_id}", daemon=True).start()


def mulai_pekerjaan(
    *, organisasi: Organisasi, tahun: int, format: list[str], aktor, latar: bool = True
) -> PekerjaanLkip:
    """Record a build job and start it after the transaction commits.

    latar=False runs it in the caller (tests, CLI)."""
    salah = [f for f in format if f not in FORMAT]
    if salah or not format:
        raise ValueError("Pilih sedikitnya satu format: docx, pdf atau xlsx.")
    p = PekerjaanLkip.objects.create(
        organisasi=organisasi, tahun=tahun, format=",".join(format), dibuat_oleh=aktor
    )
    if not latar:
        jalankan_pekerjaan(p.pk)
    elif _antrean_nyata() and tugas_bangun_lkip is not None:
        transaction.on_commit(lambda: tugas_bangun_lkip.enqueue(p.pk))
    else:
        transaction.on_commit(lambda: _di_thread(p.pk))
    return p


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
