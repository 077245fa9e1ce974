"""Batch LKIP: a parent unit (province, kota) builds the LKIP of every unit below it in one
queued job, with progress per unit and one ZIP with a manifest (keputusan 0059).

The job is a `PekerjaanMassal` row and one django-tasks task on the `laporan` queue (the
database queue of the ordinary build, keputusan 0021). Each unit is a `PekerjaanLkip` row
linked to the job, so the unit's own LKIP page shows it and the unit's one-active-build rule
holds. The task builds the units one after another in the worker process (the Python part:
data, charts, DOCX, XLSX, reviu) while one LibreOffice process converts the DOCX already
written to PDF (`pdf.KonversiBerkelompok`): the two use the machine's two cores, and the
soffice start and profile are paid once per run instead of twice per unit. A unit that fails
is recorded with its reason; the others go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from kinerja.inti import antrean
from kinerja.lkip import layanan
from kinerja.lkip.models import (
    STATUS_AKTIF,
    PekerjaanLkip,
    PekerjaanMassal,
    StatusPekerjaan,
)
from kinerja.organisasi.models import JenisOrganisasi, Organisasi

FASE = ("susun", "docx", "xlsx", "reviu", "pdf")
# the build's progress steps (layanan.bangun_lkip) that open each phase
_LANGKAH_FASE = {
    "Membaca data capaian": "susun",
    "Menulis DOCX": "docx",
    "Menulis XLSX": "xlsx",
    "Menulis dokumen reviu": "reviu",
    "Selesai": None,
}


# called as each unit ends: (its row as saved, units ended so far, units in the job)
KemajuanUnit = Callable[[PekerjaanLkip, int, int], None]


class MassalBerjalan(ValueError):
    """A batch of this parent unit and year is already queued or running."""


def unit_bawahan(induk: Organisasi, jenis: list[str] | None = None):
    """The units below `induk` (not itself), in tree order, optionally of some kinds."""
    qs = induk.turunan(termasuk_diri=False).order_by("jalur")
    return qs.filter(jenis__in=jenis) if jenis else qs


def jenis_bawahan(induk: Organisasi) -> list[tuple[str, str, int]]:
    """(jenis, label, count) of the units below, for the start form (one GROUP BY)."""
    from django.db.models import Count

    label = dict(JenisOrganisasi.choices)
    baris = (
        induk.turunan(termasuk_diri=False)
        .order_by()
        .values("jenis")
        .annotate(n=Count("pk"))
        .order_by("jenis")
    )
    urutan = [j for j, _ in JenisOrganisasi.choices]
    hasil = [(b["jenis"], label.get(b["jenis"], b["jenis"]), b["n"]) for b in baris]
    return sorted(hasil, key=lambda x: urutan.index(x[0]) if x[0] in urutan else 99)


def folder_massal(p: PekerjaanMassal) -> Path:
    return (
        layanan.folder_bawaan() / "massal" / p.organisasi.slug / str(p.tahun) / f"pekerjaan-{p.pk}"
    )


def nama_zip(p: PekerjaanMassal) -> str:
    return f"LKIP-massal-{p.organisasi.slug}-{p.tahun}.zip"


# --- start --------------------------------------------------------------------------------


def _perbarui(pk: int, **isi) -> None:
    PekerjaanMassal.objects.filter(pk=pk).update(**isi, diperbarui_pada=timezone.now())


def _gagalkan_terhenti(induk: Organisasi, tahun: int) -> None:
    for p in PekerjaanMassal.objects.filter(organisasi=induk, tahun=tahun, status__in=STATUS_AKTIF):
        if p.terhenti:
            _gagalkan(p, "Terhenti tanpa kemajuan (proses pembangunan berhenti); bangun ulang.")


def _gagalkan(p: PekerjaanMassal, alasan: str) -> None:
    sekarang = timezone.now()
    PekerjaanLkip.objects.filter(massal=p, status__in=STATUS_AKTIF).update(
        status=StatusPekerjaan.GAGAL, pesan=alasan, selesai_pada=sekarang, diperbarui_pada=sekarang
    )
    _perbarui(p.pk, status=StatusPekerjaan.GAGAL, pesan=alasan, selesai_pada=sekarang)


def mulai_massal(
    *,
    induk: Organisasi,
    tahun: int,
    format: list[str],
    aktor,
    jenis: list[str] | None = None,
    latar: bool = True,
    kemajuan: KemajuanUnit | None = None,
) -> PekerjaanMassal:
    """Record a batch job with one queued row per unit below `induk` and queue it once the
    transaction commits. One active batch per parent unit and year (MassalBerjalan). A unit
    whose own build is already active gets a failed row with that reason (it is not built
    twice). latar=False builds in the caller (CLI), calling `kemajuan` as each unit ends."""
    salah = [f for f in format if f not in layanan.FORMAT]
    if salah or not format:
        raise ValueError("Pilih sedikitnya satu format: docx, pdf atau xlsx.")
    dikenal = {j for j, _ in JenisOrganisasi.choices}
    if jenis and any(j not in dikenal for j in jenis):
        raise ValueError(
            "Jenis unit tidak dikenal: "
            + ", ".join(j for j in jenis if j not in dikenal)
            + f"; pilih dari {', '.join(sorted(dikenal))}."
        )
    units = list(unit_bawahan(induk, jenis))
    if not units:
        raise ValueError(f"Tidak ada unit di bawah {induk.nama} untuk dibangun LKIP-nya.")
    _gagalkan_terhenti(induk, tahun)
    for u in units:  # a unit's own stale build must not block its row in the batch
        layanan._gagalkan_terhenti(u, tahun)
    try:
        with transaction.atomic():
            p = PekerjaanMassal.objects.create(
                organisasi=induk,
                tahun=tahun,
                format=",".join(format),
                jenis=",".join(jenis or []),
                dibuat_oleh=aktor,
                percobaan=1,
                langkah=f"Menunggu antrean: {len(units)} unit",
            )
            sibuk = set(
                PekerjaanLkip.objects.filter(
                    organisasi__in=units, tahun=tahun, status__in=STATUS_AKTIF
                ).values_list("organisasi_id", flat=True)
            )
            sekarang = timezone.now()
            PekerjaanLkip.objects.bulk_create(
                [
                    PekerjaanLkip(
                        organisasi=u,
                        tahun=tahun,
                        format=p.format,
                        dibuat_oleh=aktor,
                        massal=p,
                        diperbarui_pada=sekarang,
                        langkah="Antre (LKIP massal)",
                        **(
                            {
                                "status": StatusPekerjaan.GAGAL,
                                "pesan": "LKIP unit ini sedang dibangun sendiri; tidak dibangun "
                                "dua kali.",
                                "selesai_pada": sekarang,
                            }
                            if u.pk in sibuk
                            else {}
                        ),
                    )
                    for u in units
                ]
            )
    except IntegrityError:
        raise MassalBerjalan(
            f"LKIP massal {induk.nama} {tahun} sedang berjalan atau menunggu antrean; "
            "tunggu sampai selesai sebelum memulai lagi."
        ) from None
    if not latar:
        jalankan_massal(p.pk, kemajuan=kemajuan)
        p.refresh_from_db()
    else:
        transaction.on_commit(lambda: _antrekan(p.pk))
    return p


def _antrekan(pk: int) -> None:
    hasil = tugas_lkip_massal.enqueue(pk)
    PekerjaanMassal.objects.filter(pk=pk).update(id_tugas=str(hasil.id)[:64])


@task(queue_name="laporan")
def tugas_lkip_massal(pekerjaan_id: int) -> None:
    jalankan_massal(pekerjaan_id)


# --- the job ------------------------------------------------------------------------------


class _Unit:
    """Per-unit bookkeeping while the batch runs: phase seconds from the build's steps."""

    def __init__(self, baris: PekerjaanLkip):
        self.baris = baris
        self.waktu: dict[str, float] = {}
        self._fase, self._sejak = None, time.perf_counter()
        self.berkas: list[str] = []
        self.catatan: list[str] = []

    def kemajuan(self, progres: int, langkah: str) -> None:
        if langkah not in _LANGKAH_FASE:
            return
        sekarang = time.perf_counter()
        if self._fase:
            self.waktu[self._fase] = self.waktu.get(self._fase, 0) + sekarang - self._sejak
        self._fase, self._sejak = _LANGKAH_FASE[langkah], sekarang
        PekerjaanLkip.objects.filter(pk=self.baris.pk).update(
            progres=min(progres, 90), langkah=langkah[:200], diperbarui_pada=timezone.now()
        )


def _selesai_unit(u: _Unit, *, status: str, pesan: str = "") -> None:
    u.waktu = {k: round(v, 3) for k, v in u.waktu.items()}
    u.waktu["total"] = round(sum(v for k, v in u.waktu.items() if k in FASE), 3)
    PekerjaanLkip.objects.filter(pk=u.baris.pk).update(
        status=status,
        progres=100 if status == StatusPekerjaan.SELESAI else u.baris.progres,
        langkah="Selesai" if status == StatusPekerjaan.SELESAI else "Gagal",
        berkas=u.berkas,
        pesan=pesan[:5000],
        waktu=u.waktu,
        selesai_pada=timezone.now(),
        diperbarui_pada=timezone.now(),
    )


def _detak(p: PekerjaanMassal, selesai: int, total: int) -> None:
    """Progress of the job, and a heartbeat for the rows still waiting (so a unit queued
    far down the list is not taken for a dead build, models.BATAS_DIAM)."""
    sekarang = timezone.now()
    PekerjaanLkip.objects.filter(massal=p, status__in=STATUS_AKTIF).update(diperbarui_pada=sekarang)
    _perbarui(
        p.pk,
        progres=min(99, round(100 * selesai / max(total, 1))),
        langkah=f"{selesai} dari {total} unit selesai",
    )


def jalankan_massal(pekerjaan_id: int, *, kemajuan: KemajuanUnit | None = None) -> None:
    """The task body. Units already finished (a job resumed after its worker died) are
    kept; the rest are built. Never raises for one unit: its row carries the reason.
    `kemajuan` (the CLI's progress lines) is called as each unit ends."""
    from kinerja.lkip.pdf import KonversiBerkelompok, PdfGagal

    p = PekerjaanMassal.objects.select_related("organisasi").get(pk=pekerjaan_id)
    if p.status not in STATUS_AKTIF:
        return
    mulai = time.perf_counter()
    _perbarui(p.pk, status=StatusPekerjaan.BERJALAN, langkah="Memulai")
    folder = folder_massal(p)
    format_ = [f for f in p.format.split(",") if f]
    pakai_pdf = "pdf" in format_
    format_python = [f for f in format_ if f != "pdf"] + (
        ["docx"] if pakai_pdf and "docx" not in format_ else []
    )
    # rows cut off by a dead worker are built again from the start
    PekerjaanLkip.objects.filter(massal=p, status=StatusPekerjaan.BERJALAN).update(
        status=StatusPekerjaan.ANTRE, progres=0, langkah="Antre (dilanjutkan)"
    )
    baris = list(PekerjaanLkip.objects.filter(massal=p).select_related("organisasi").order_by("pk"))
    total = len(baris)
    selesai = sum(b.status not in STATUS_AKTIF for b in baris)
    waktu: dict[str, float] = {}
    menunggu_pdf: dict[int, _Unit] = {}
    konversi = None
    catatan_job: list[str] = []
    if pakai_pdf:
        try:
            konversi = KonversiBerkelompok()
        except PdfGagal as e:
            catatan_job.append(str(e))

    def lapor(pk: int) -> None:
        nonlocal selesai
        selesai += 1
        _detak(p, selesai, total)
        if kemajuan is not None:
            kemajuan(PekerjaanLkip.objects.select_related("organisasi").get(pk=pk), selesai, total)

    def akhiri(u: _Unit, *, status: str, pesan: str) -> None:
        _selesai_unit(u, status=status, pesan=pesan)
        if status == StatusPekerjaan.SELESAI:
            _tambah_waktu(waktu, u.waktu)
        lapor(u.baris.pk)

    def pdf_selesai(hasil) -> None:
        for h in hasil:
            u = menunggu_pdf.pop(h.kunci)
            u.waktu["pdf"] = h.detik
            u.catatan += h.catatan
            if h.pdf is not None:
                u.berkas.append(h.pdf.name)
            if "docx" not in format_:  # the DOCX was only the PDF's source
                docx = f"{layanan.nama_dasar(u.baris.organisasi, p.tahun)}.docx"
                (Path(u.baris.folder) / docx).unlink(missing_ok=True)
                u.berkas = [x for x in u.berkas if x != docx]
            akhiri(u, status=StatusPekerjaan.SELESAI, pesan="\n".join(u.catatan))

    try:
        for b in baris:
            if b.status not in STATUS_AKTIF:
                continue
            # a unit's row failed meanwhile (e.g. as stale by a manual build): skip it
            if not PekerjaanLkip.objects.filter(pk=b.pk, status__in=STATUS_AKTIF).update(
                status=StatusPekerjaan.BERJALAN,
                progres=1,
                langkah="Memulai",
                diperbarui_pada=timezone.now(),
            ):
                lapor(b.pk)
                continue
            u = _Unit(b)
            keluar = folder / b.organisasi.slug
            b.folder = str(keluar)
            PekerjaanLkip.objects.filter(pk=b.pk).update(folder=str(keluar))
            try:
                hasil = layanan.bangun_lkip(
                    b.organisasi, p.tahun, format=format_python, keluar=keluar, kemajuan=u.kemajuan
                )
            except Exception as e:  # noqa: BLE001 - one unit's failure is that unit's row
                u.kemajuan(100, "Selesai")
                akhiri(u, status=StatusPekerjaan.GAGAL, pesan=f"Pembangunan LKIP gagal: {e}")
                continue
            u.berkas = [x.name for x in hasil.berkas]
            u.catatan = list(hasil.catatan)
            if pakai_pdf and konversi is not None:
                docx = keluar / f"{layanan.nama_dasar(b.organisasi, p.tahun)}.docx"
                menunggu_pdf[b.pk] = u
                PekerjaanLkip.objects.filter(pk=b.pk).update(
                    progres=90, langkah="Menunggu konversi PDF (LibreOffice)"
                )
                konversi.tambah(b.pk, docx, docx.with_suffix(".pdf"))
                pdf_selesai(konversi.siap())
            else:
                if pakai_pdf:
                    u.catatan += catatan_job
                akhiri(u, status=StatusPekerjaan.SELESAI, pesan="\n".join(u.catatan))
        if konversi is not None:
            _perbarui(p.pk, langkah=f"Mengonversi {len(menunggu_pdf)} PDF terakhir")
            t = time.perf_counter()
            for h in konversi.tunggu():
                pdf_selesai([h])
            # the PDFs still converting after the last unit's Python part: the tail the
            # two-core overlap did not hide (the benchmark reports it)
            waktu["pdf_tunggu"] = time.perf_counter() - t
    except Exception as e:
        _gagalkan(p, f"LKIP massal berhenti: {e}")
        raise
    finally:
        if konversi is not None:
            konversi.tutup()

    _perbarui(p.pk, langkah="Menulis ZIP dan manifest")
    t = time.perf_counter()
    zip_path = tulis_zip(p, folder)
    waktu["zip"] = time.perf_counter() - t
    waktu["total"] = time.perf_counter() - mulai
    status = dict(PekerjaanLkip.objects.filter(massal=p).values_list("pk", "status"))
    gagal = sum(s == StatusPekerjaan.GAGAL for s in status.values())
    pesan = catatan_job + (
        [f"{gagal} dari {total} unit gagal; alasannya di tabel unit."] if gagal else []
    )
    _perbarui(
        p.pk,
        status=StatusPekerjaan.GAGAL if gagal == total else StatusPekerjaan.SELESAI,
        progres=100,
        langkah=f"{total - gagal} dari {total} unit selesai",
        folder=str(folder),
        zip=zip_path.name,
        pesan="\n".join(pesan),
        waktu={k: round(v, 3) for k, v in waktu.items()},
        selesai_pada=timezone.now(),
    )


def _tambah_waktu(jumlah: dict[str, float], unit: dict[str, float]) -> None:
    for k in FASE:
        if k in unit:
            jumlah[k] = jumlah.get(k, 0) + unit[k]


# --- the combined download ----------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def manifest(p: PekerjaanMassal) -> tuple[list[dict], dict[str, Path]]:
    """One entry per unit: slug, name, status, reason, and its files with sha256; and where
    each file named in the ZIP lies on disk."""
    hasil, lokasi = [], {}
    for b in PekerjaanLkip.objects.filter(massal=p).select_related("organisasi").order_by("pk"):
        berkas = []
        for nama in b.berkas:
            path = Path(b.folder) / nama
            if path.is_file():
                lokasi[f"{b.organisasi.slug}/{nama}"] = path
                berkas.append(
                    {
                        "berkas": f"{b.organisasi.slug}/{nama}",
                        "sha256": _sha256(path),
                        "ukuran": path.stat().st_size,
                    }
                )
        hasil.append(
            {
                "unit": b.organisasi.slug,
                "nama": b.organisasi.nama,
                "jenis": b.organisasi.jenis,
                "status": b.status,
                "alasan": b.pesan if b.status == StatusPekerjaan.GAGAL else "",
                "catatan": b.pesan if b.status != StatusPekerjaan.GAGAL else "",
                "berkas": berkas,
            }
        )
    return hasil, lokasi


def tulis_zip(p: PekerjaanMassal, folder: Path) -> Path:
    """<unit>/<files> for every unit plus manifest.json and manifest.csv (one row per file;
    a unit without files, e.g. a failed one, gets one row with its reason)."""
    folder.mkdir(parents=True, exist_ok=True)
    isi, lokasi = manifest(p)
    csv_buf = io.StringIO()
    w = csv.writer(csv_buf)
    w.writerow(["unit", "nama", "status", "berkas", "sha256", "ukuran", "alasan"])
    for e in isi:
        for f in e["berkas"] or [None]:
            w.writerow(
                [
                    e["unit"],
                    e["nama"],
                    e["status"],
                    f["berkas"] if f else "",
                    f["sha256"] if f else "",
                    f["ukuran"] if f else "",
                    e["alasan"],
                ]
            )
    tujuan = folder / nama_zip(p)
    sementara = tujuan.with_suffix(".zip.tmp")
    with zipfile.ZipFile(sementara, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for nama, path in lokasi.items():  # DOCX/XLSX/PDF are compressed already
            z.write(path, nama, compress_type=zipfile.ZIP_STORED)
        z.writestr(
            "manifest.json",
            json.dumps(
                {
                    "induk": p.organisasi.slug,
                    "tahun": p.tahun,
                    "format": p.format.split(","),
                    "unit": isi,
                },
                ensure_ascii=False,
                indent=1,
            ),
        )
        z.writestr("manifest.csv", csv_buf.getvalue())
    sementara.replace(tujuan)
    return tujuan


# --- after a restart ----------------------------------------------------------------------


def pulihkan_massal_terputus(**_kwargs) -> list[int]:
    """Run when the worker starts (inti.antrean.pekerja_mulai), like the single build's
    recovery (keputusan 0021): a batch whose task is still RUNNING was cut off by a dead
    worker. It is queued once more and resumes (units already finished are kept, the unit
    being built starts again); a batch cut off twice is failed with the reason, and so are
    its unfinished units."""
    diulang = []
    aktif = list(PekerjaanMassal.objects.filter(status__in=STATUS_AKTIF).exclude(id_tugas=""))
    for p in antrean.terputus(aktif):
        if p.percobaan >= 2:
            _gagalkan(
                p,
                "Pekerja antrean berhenti dua kali saat membangun LKIP massal ini; "
                "periksa log pekerja lalu mulai ulang.",
            )
            continue
        _perbarui(
            p.pk,
            status=StatusPekerjaan.ANTRE,
            langkah="Diantrekan ulang: pekerja berhenti; dilanjutkan dari unit yang belum selesai",
            percobaan=p.percobaan + 1,
        )
        PekerjaanLkip.objects.filter(massal=p, status__in=STATUS_AKTIF).update(
            status=StatusPekerjaan.ANTRE,
            progres=0,
            langkah="Antre (dilanjutkan)",
            diperbarui_pada=timezone.now(),
        )
        _antrekan(p.pk)
        diulang.append(p.pk)
    return diulang
