"""Services of the monev: calendar settings, due dates set by hand, reminder preferences,
the daily reminder job and the quarterly report build (keputusan 0051-0053).

The reminder job is a django-tasks task on the database queue. It runs once a day: the
worker (`kinerja pekerja`) queues it when it starts, and each run queues the next one for
the following morning (`run_after`); `kinerja pengingat` runs it at once (cron, systemd
timer, tests). Whoever runs it twice, the unique constraint on Pengingat(pengguna, kunci,
tanggal) keeps it to one reminder per person per item per day.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from kinerja.monev.models import (
    AturanKalender,
    Pengingat,
    PreferensiPengingat,
    StatusSurel,
    TanggalAnggaran,
)
from kinerja.organisasi.models import Organisasi, Penugasan, Peran
from kinerja.pengukuran.models import BatasWaktu
from kinerja.rumus import kalender as rk
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import Periode

log = logging.getLogger(__name__)

JAM_PENGINGAT = 7  # local hour of the daily run queued by the previous one
JEDA_SESUDAH = 7  # days between reminders about an overdue item [D]


def _galat(e: DataTidakValid) -> ValidationError:
    return ValidationError({e.bidang or "__all__": [e.pesan]})


# --- calendar settings --------------------------------------------------------------------


def aturan_simpan(*, organisasi: Organisasi, aktor, **nilai) -> AturanKalender:
    """Set the unit's calendar rules; each value checked by rumus.kalender.AturanKalender."""
    salah = set(nilai) - set(AturanKalender.BIDANG)
    if salah:
        raise ValidationError(f"bidang tidak dikenal: {', '.join(sorted(salah))}")
    a = AturanKalender.objects.filter(organisasi=organisasi).first() or AturanKalender(
        organisasi=organisasi
    )
    for k, v in nilai.items():
        setattr(a, k, v)
    try:
        a.aturan()
    except DataTidakValid as e:
        raise _galat(e) from None
    a._history_user = aktor
    a.save()
    return a


def batas_simpan(
    *, organisasi: Organisasi, periode: Periode, tanggal: dt.date, aktor
) -> BatasWaktu:
    """Set a period's due date by hand (overrides the rule for the unit and those below);
    a date before the period starts is refused (rumus.kalender.periksa_batas)."""
    try:
        rk.periksa_batas(periode, tanggal, bidang="tanggal")
    except DataTidakValid as e:
        raise _galat(e) from None
    b, _ = BatasWaktu.objects.update_or_create(
        organisasi=organisasi,
        tahun=periode.tahun,
        jenis_periode=periode.jenis,
        ke=periode.ke,
        defaults={"tanggal": tanggal},
    )
    return b


def tanggal_anggaran_simpan(*, organisasi: Organisasi, tahun: int, tanggal: dt.date, aktor):
    if not isinstance(tanggal, dt.date) or abs(tanggal.year - tahun) > 1:
        raise ValidationError({"tanggal": [f"Tanggal anggaran harus di sekitar tahun {tahun}."]})
    t, _ = TanggalAnggaran.objects.update_or_create(
        organisasi=organisasi, tahun=tahun, defaults={"tanggal": tanggal}
    )
    return t


def preferensi_simpan(*, pengguna, aktif: bool, surel: str = "") -> PreferensiPengingat:
    """A person's reminder choice; an address that is not a valid e-mail is refused."""
    surel = (surel or "").strip()
    if surel:
        try:
            validate_email(surel)
        except ValidationError:
            raise ValidationError(
                {"surel": [f"Alamat surel '{surel}' tidak sah (contoh: nama@jakarta.go.id)."]}
            ) from None
    p, _ = PreferensiPengingat.objects.update_or_create(
        pengguna=pengguna, defaults={"aktif": bool(aktif), "surel": surel}
    )
    return p


def tandai_dibaca(*, pengguna, pk: int | None = None) -> int:
    q = Pengingat.objects.filter(pengguna=pengguna, dibaca_pada__isnull=True)
    if pk is not None:
        q = q.filter(pk=pk)
    return q.update(dibaca_pada=timezone.now())


# --- reminders ----------------------------------------------------------------------------


@dataclass
class HasilPengingat:
    tanggal: dt.date
    dibuat: int = 0
    surel: int = 0
    dilewati: int = 0  # already reminded recently (or the same day)
    berhenti: int = 0  # recipients who opted out
    galat: list[str] = field(default_factory=list)


def _penerima(units: list[Organisasi]) -> dict[int, dict[str, list]]:
    """Per unit: who is reminded of entry items (operators of the unit, its own admins) and
    of verification (verifikators and admins at or above it); one query."""
    jalur = {u.pk: [int(x) for x in u.jalur.strip("/").split("/") if x] for u in units}
    semua = {x for ids in jalur.values() for x in ids}
    tugas = list(
        Penugasan.objects.filter(
            aktif=True, organisasi__in=semua, pengguna__is_active=True
        ).select_related("pengguna")
    )
    hasil = {}
    for u in units:
        isi, verif = {}, {}
        for p in tugas:
            if p.organisasi_id == u.pk and p.peran in (Peran.OPERATOR, Peran.ADMIN):
                isi[p.pengguna_id] = p.pengguna
            if p.organisasi_id in jalur[u.pk] and p.peran in (Peran.VERIFIKATOR, Peran.ADMIN):
                verif[p.pengguna_id] = p.pengguna
        hasil[u.pk] = {"isi": list(isi.values()), "verifikasi": list(verif.values())}
    return hasil


def _alamat(pengguna, pref: PreferensiPengingat | None) -> str:
    return ((pref.surel if pref and pref.surel else "") or pengguna.email or "").strip()


def _pesan(b, arah: str) -> tuple[str, str]:
    from kinerja import angka as fmt

    unit = b.organisasi.nama
    if arah == "sebelum":
        judul = f"Jatuh tempo {fmt.tanggal(b.batas)}: {b.judul} ({unit})"
        awal = f"{b.judul} untuk {unit} jatuh tempo pada {fmt.tanggal(b.batas)}."
    else:
        judul = f"Terlambat {b.hari_terlambat} hari: {b.judul} ({unit})"
        awal = (
            f"{b.judul} untuk {unit} sudah lewat batas waktu {fmt.tanggal(b.batas)} "
            f"({b.hari_terlambat} hari)."
        )
    rinci = f" {b.uraian.capitalize()}." if b.uraian else ""
    return judul, awal + rinci


def kirim_pengingat(*, hari_ini: dt.date | None = None, url_dasar: str = "") -> HasilPengingat:
    """Remind everyone of the items due within their unit's warning days (once, before)
    and of overdue items (the day after the due date, then every JEDA_SESUDAH days) until
    done [D] (keputusan 0053). Each reminder is a Pengingat row (the in-app notification)
    and an e-mail when the person has a valid address; people who opted out get neither."""
    from kinerja.monev import pemilih

    hari_ini = hari_ini or timezone.localdate()
    url_dasar = (url_dasar or getattr(settings, "KINERJA_URL_PUBLIK", "") or "").rstrip("/")
    hasil = HasilPengingat(hari_ini)
    pref = {p.pengguna_id: p for p in PreferensiPengingat.objects.all()}
    for tahun in (hari_ini.year - 1, hari_ini.year):
        units = list(
            Organisasi.objects.filter(perjanjian_kinerja__tahun__in=[tahun - 1, tahun])
            .distinct()
            .order_by("jalur")
        )
        if not units:
            continue
        penerima = _penerima(units)
        butir = [
            b
            for daftar in pemilih.kalender(units, tahun, hari_ini).values()
            for b in daftar
            if b.keadaan in ("jatuh_tempo", "terlambat")
        ]
        sebelumnya: dict[tuple[int, str, str], dt.date] = {}
        for pid, kunci, arah, tgl in Pengingat.objects.filter(
            kunci__in=[b.kunci for b in butir]
        ).values_list("pengguna_id", "kunci", "arah", "tanggal"):
            k = (pid, kunci, arah)
            sebelumnya[k] = max(tgl, sebelumnya.get(k, tgl))
        for b in butir:
            arah = "sesudah" if b.keadaan == "terlambat" else "sebelum"
            kelompok = "verifikasi" if b.jenis == "verifikasi" else "isi"
            for orang in penerima[b.organisasi.pk][kelompok]:
                p = pref.get(orang.pk)
                if p is not None and not p.aktif:
                    hasil.berhenti += 1
                    continue
                lalu = sebelumnya.get((orang.pk, b.kunci, arah))
                if lalu is not None and (
                    arah == "sebelum" or (hari_ini - lalu).days < JEDA_SESUDAH
                ):
                    hasil.dilewati += 1
                    continue
                _kirim_satu(orang, p, b, arah, hari_ini, url_dasar, hasil)
    return hasil


def _kirim_satu(orang, pref, b, arah, hari_ini, url_dasar, hasil: HasilPengingat) -> None:
    judul, pesan = _pesan(b, arah)
    alamat = _alamat(orang, pref)
    status, galat = StatusSurel.TANPA_ALAMAT, ""
    if alamat:
        try:
            validate_email(alamat)
            status = StatusSurel.TERKIRIM
        except ValidationError:
            status = StatusSurel.ALAMAT_SALAH
            galat = f"Alamat surel '{alamat}' tidak sah; perbaiki di halaman pengingat."
    try:
        with transaction.atomic():
            r = Pengingat.objects.create(
                pengguna=orang,
                organisasi=b.organisasi,
                kunci=b.kunci,
                tanggal=hari_ini,
                arah=arah,
                batas=b.batas,
                judul=judul[:300],
                pesan=pesan,
                tautan=b.tautan,
                surel=alamat[:254],
                status_surel=status,
                galat=galat,
            )
    except IntegrityError:  # already reminded today (a second run the same day)
        hasil.dilewati += 1
        return
    hasil.dibuat += 1
    if status != StatusSurel.TERKIRIM:
        return
    badan = (
        f"{pesan}\n\nBuka: {url_dasar}{b.tautan}\n\n"
        "Pesan ini dikirim otomatis oleh Kinerja. Pengingat dapat dimatikan di halaman "
        f"{url_dasar}/monev/pengingat/."
    )
    try:
        EmailMessage(subject=f"[Kinerja] {judul}", body=badan, to=[alamat]).send()
        hasil.surel += 1
    except Exception as e:  # the reminder stays recorded with the reason
        Pengingat.objects.filter(pk=r.pk).update(
            status_surel=StatusSurel.GAGAL, galat=f"Surel gagal dikirim: {e}"[:1000]
        )
        hasil.galat.append(f"{alamat}: {e}")
        log.warning("pengingat %s: surel ke %s gagal: %s", r.pk, alamat, e)


def _besok_pagi(sekarang: dt.datetime) -> dt.datetime:
    lokal = timezone.localtime(sekarang)
    besok = (lokal + dt.timedelta(days=1)).replace(
        hour=JAM_PENGINGAT, minute=0, second=0, microsecond=0
    )
    return besok


@task()
def tugas_pengingat_harian() -> dict:
    """The daily job: send today's reminders, then queue tomorrow's run (only on a queue
    that can defer; the immediate backend of tests runs once)."""
    h = kirim_pengingat()
    backend = tugas_pengingat_harian.get_backend()
    if getattr(backend, "supports_defer", False):
        tugas_pengingat_harian.using(run_after=_besok_pagi(timezone.now())).enqueue()
    return {"tanggal": h.tanggal.isoformat(), "dibuat": h.dibuat, "surel": h.surel}


def _path_tugas() -> str:
    return tugas_pengingat_harian.module_path


def jadwalkan_pengingat_harian(**_kwargs) -> None:
    """On worker start (inti.antrean.pekerja_mulai): queue the daily job unless one is
    already waiting, so exactly one chain of daily runs exists."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover
        return
    backend = tugas_pengingat_harian.get_backend()
    if not getattr(backend, "supports_defer", False):
        return
    if DBTaskResult.objects.filter(task_path=_path_tugas(), status="READY").exists():
        return
    tugas_pengingat_harian.enqueue()
    log.info("pengingat harian diantrekan")
