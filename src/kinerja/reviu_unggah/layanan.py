"""Services: accept an uploaded report (size and type checked before it is stored) and run
its reviu as a django-tasks task that records the outcome on the row."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kinerja.reviu.ekstrak import UKURAN_MAKS, BerkasTidakTerbaca, jenis_berkas
from kinerja.reviu_unggah.models import ReviuBerkas, StatusReviu

log = logging.getLogger(__name__)
JENIS_DITERIMA = ("pdf", "docx", "teks")
JENDELA_GANDA = timedelta(minutes=2)  # the same file twice within this window: one reviu


class UnggahanDitolak(ValueError):
    """The upload is refused before it is stored; the message is for the user."""


def _periksa_unggahan(berkas, peran: str) -> tuple[str, int, str, str]:
    """(name, size, kind, sha256) of an upload, or UnggahanDitolak: empty, larger than
    UKURAN_MAKS, or not a PDF/DOCX/text by its content. `peran` names it in messages."""
    nama = (getattr(berkas, "name", "") or "berkas").rsplit("/", 1)[-1][:255]
    ukuran = getattr(berkas, "size", 0) or 0
    if ukuran <= 0:
        raise UnggahanDitolak(f"{peran} '{nama}' kosong; pilih berkas LKIP (PDF, DOCX atau teks).")
    if ukuran > UKURAN_MAKS:
        raise UnggahanDitolak(
            f"{peran} '{nama}' berukuran {ukuran // (1024 * 1024)} MB, melebihi batas "
            f"{UKURAN_MAKS // (1024 * 1024)} MB."
        )
    berkas.seek(0)
    kepala = berkas.read(4096)
    jenis = jenis_berkas(kepala)
    if jenis not in JENIS_DITERIMA:
        raise UnggahanDitolak(
            f"{peran} '{nama}' bukan PDF, DOCX atau teks (dikenali dari isinya, bukan namanya)."
        )
    h = hashlib.sha256(kepala)
    for potong in iter(lambda: berkas.read(1024 * 1024), b""):
        h.update(potong)
    berkas.seek(0)
    return nama, ukuran, jenis, h.hexdigest()


def _akhiran(jenis: str) -> str:
    return "txt" if jenis == "teks" else jenis


def unggah_reviu(*, berkas, aktor, pembanding=None) -> ReviuBerkas:
    """Store an uploaded LKIP (and, optionally, the previous year's LKIP to compare it with)
    and queue its reviu (after the transaction commits).

    Refused with UnggahanDitolak, naming which of the two files: empty, larger than
    UKURAN_MAKS, or not a PDF/DOCX/text by content. The same files uploaded twice by the
    same user within JENDELA_GANDA (a double submit) return the first row."""
    nama, ukuran, jenis, sidik = _periksa_unggahan(berkas, "Berkas")
    lalu = _periksa_unggahan(pembanding, "Berkas pembanding") if pembanding else None
    ganda = ReviuBerkas.objects.filter(
        dibuat_oleh=aktor, sha256=sidik, sha256_pembanding=lalu[3] if lalu else "",
        dibuat_pada__gte=timezone.now() - JENDELA_GANDA,
    ).first()  # fmt: skip
    if ganda is not None:
        return ganda
    r = ReviuBerkas(nama_asli=nama, ukuran=ukuran, sha256=sidik, dibuat_oleh=aktor)
    r.berkas.save(f"{sidik[:16]}.{_akhiran(jenis)}", berkas, save=False)
    if lalu:
        r.nama_pembanding, r.sha256_pembanding = lalu[0], lalu[3]
        r.pembanding.save(f"{lalu[3][:16]}.{_akhiran(lalu[2])}", pembanding, save=False)
    r.save()
    transaction.on_commit(lambda: tugas_reviu.enqueue(r.pk))
    return r


def jalankan_reviu(reviu_id: int) -> None:
    """The task body: read and check the file, store the findings or the reason it failed."""
    from kinerja.reviu.periksa import periksa_berkas

    r = ReviuBerkas.objects.get(pk=reviu_id)
    ReviuBerkas.objects.filter(pk=r.pk).update(status=StatusReviu.BERJALAN)
    try:
        hasil = periksa_berkas(
            r.berkas.path,
            nama=r.nama_asli,
            pembanding=r.pembanding.path if r.pembanding else None,
            nama_pembanding=r.nama_pembanding or None,
        )
    except BerkasTidakTerbaca as e:
        _selesai(r.pk, status=StatusReviu.GAGAL, pesan=str(e))
        return
    except Exception:  # the page must say it failed, not hang at "sedang diperiksa"
        log.exception("reviu %s gagal", r.pk)
        _selesai(
            r.pk,
            status=StatusReviu.GAGAL,
            pesan="Reviu gagal karena kesalahan tak terduga pada pembacaan berkas; "
            "coba unggah versi DOCX atau PDF lain dari laporan ini.",
        )
        return
    _selesai(
        r.pk,
        status=StatusReviu.SELESAI,
        pesan="\n".join(hasil.catatan),
        temuan=[t.sebagai_dict() for t in hasil.temuan],
        jumlah_temuan=len(hasil.temuan),
        jumlah_tabel=len(hasil.dokumen.tabel),
        detik=hasil.detik,
    )


def _selesai(pk: int, **isi) -> None:
    ReviuBerkas.objects.filter(pk=pk).update(selesai_pada=timezone.now(), **isi)


@task()
def tugas_reviu(reviu_id: int) -> None:
    jalankan_reviu(reviu_id)
