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


def unggah_reviu(*, berkas, aktor) -> ReviuBerkas:
    """Store an uploaded LKIP and queue its reviu (after the transaction commits).

    Refused with UnggahanDitolak: empty, larger than UKURAN_MAKS, or not a PDF/DOCX/text
    by content. The same file uploaded twice by the same user within JENDELA_GANDA (a
    double submit) returns the first row instead of a second reviu."""
    nama = (getattr(berkas, "name", "") or "berkas").rsplit("/", 1)[-1][:255]
    ukuran = getattr(berkas, "size", 0) or 0
    if ukuran <= 0:
        raise UnggahanDitolak(f"Berkas '{nama}' kosong; pilih berkas LKIP (PDF, DOCX atau teks).")
    if ukuran > UKURAN_MAKS:
        raise UnggahanDitolak(
            f"Berkas '{nama}' berukuran {ukuran // (1024 * 1024)} MB, melebihi batas "
            f"{UKURAN_MAKS // (1024 * 1024)} MB."
        )
    berkas.seek(0)
    kepala = berkas.read(4096)
    jenis = jenis_berkas(kepala)
    if jenis not in JENIS_DITERIMA:
        raise UnggahanDitolak(
            f"Berkas '{nama}' bukan PDF, DOCX atau teks (dikenali dari isinya, bukan namanya)."
        )
    h = hashlib.sha256(kepala)
    for potong in iter(lambda: berkas.read(1024 * 1024), b""):
        h.update(potong)
    sidik = h.hexdigest()
    ganda = ReviuBerkas.objects.filter(
        dibuat_oleh=aktor, sha256=sidik, dibuat_pada__gte=timezone.now() - JENDELA_GANDA
    ).first()
    if ganda is not None:
        return ganda
    berkas.seek(0)
    r = ReviuBerkas(nama_asli=nama, ukuran=ukuran, sha256=sidik, dibuat_oleh=aktor)
    r.berkas.save(f"{sidik[:16]}.{'txt' if jenis == 'teks' else jenis}", berkas, save=False)
    r.save()
    transaction.on_commit(lambda: tugas_reviu.enqueue(r.pk))
    return r


def jalankan_reviu(reviu_id: int) -> None:
    """The task body: read and check the file, store the findings or the reason it failed."""
    from kinerja.reviu.periksa import periksa_berkas

    r = ReviuBerkas.objects.get(pk=reviu_id)
    ReviuBerkas.objects.filter(pk=r.pk).update(status=StatusReviu.BERJALAN)
    try:
        hasil = periksa_berkas(r.berkas.path, nama=r.nama_asli)
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
