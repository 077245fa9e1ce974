"""Writes of the public side: links, invitations, public responses with integrity flags.

A public response is stored through `survei.layanan.respon_simpan` (one validation path for
every channel). A response this module flags (honeypot, repeated phone number, burst from
one kiosk or address) is stored as `meragukan` with the reason, in the same INSERT.
Flagged responses are stored, never dropped, and wait in the reviewer queue.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kinerja.organisasi.izin import dapat_mengisi
from kinerja.survei.layanan import IsianRespon, respon_simpan, sidik
from kinerja.survei.models import PutaranSurvei, Respon, Saluran, StatusPutaran, StatusRespon
from kinerja.survei_publik.models import TautanPublik, Undangan

# Short codes avoid look-alike characters (0/o, 1/l/i) so a printed link can be typed.
HURUF_KODE = "23456789abcdefghjkmnpqrstuvwxyz"
PANJANG_KODE = 8  # 31^8 ≈ 8.5e11: not guessable by walking the space


def _aturan(nama: str, bawaan: int) -> int:
    return int(getattr(settings, nama, bawaan))


def jendela_telepon() -> dt.timedelta:
    """Same phone number within this many hours in one round → meragukan."""
    return dt.timedelta(hours=_aturan("KINERJA_SURVEI_JENDELA_TELEPON_JAM", 24))


def batas_perangkat() -> int:
    """More than this many submissions per minute from one kiosk device → meragukan."""
    return _aturan("KINERJA_SURVEI_BATAS_PERANGKAT_MENIT", 6)


def batas_alamat() -> int:
    """More than this many per minute from one client address (not kiosks) → meragukan."""
    return _aturan("KINERJA_SURVEI_BATAS_ALAMAT_MENIT", 10)


def retensi_hari() -> int:
    return _aturan("KINERJA_SURVEI_RETENSI_HARI", 180)


class TidakMenerima(Exception):
    """The round or link does not accept responses now (message for the respondent)."""

    def __init__(self, pesan: str, status: int = 410):
        super().__init__(pesan)
        self.pesan = pesan
        self.status = status


# ------------------------------------------------------------------------------- links


def _boleh_kelola(aktor, putaran: PutaranSurvei) -> None:
    if not dapat_mengisi(aktor, putaran.organisasi):
        raise PermissionDenied(
            f"Anda tidak berwenang mengelola formulir publik {putaran.organisasi}."
        )


def kode_acak() -> str:
    return "".join(secrets.choice(HURUF_KODE) for _ in range(PANJANG_KODE))


def tautan_buat(*, putaran: PutaranSurvei, aktor, keterangan: str = "") -> TautanPublik:
    """A new short link for a round (operator/admin of the unit)."""
    _boleh_kelola(aktor, putaran)
    for _ in range(5):
        try:
            with transaction.atomic():
                return TautanPublik.objects.create(
                    putaran=putaran, kode=kode_acak(), keterangan=keterangan.strip()[:120],
                    dibuat_oleh=aktor,
                )  # fmt: skip
        except IntegrityError:  # code collision: draw again
            continue
    raise RuntimeError("gagal membuat kode tautan unik")


def tautan_atur(*, tautan: TautanPublik, aktif: bool, aktor) -> TautanPublik:
    _boleh_kelola(aktor, tautan.putaran)
    tautan.aktif = aktif
    tautan.save(update_fields=["aktif"])
    return tautan


@functools.cache
def _sql_tautan(vendor: str) -> str:
    q = connection.ops.quote_name
    tt, tp = q(TautanPublik._meta.db_table), q(PutaranSurvei._meta.db_table)
    kolom = [f"{tt}.{q(f.column)}" for f in _KOLOM_TAUTAN] + [
        f"{tp}.{q(f.column)}" for f in _KOLOM_PUTARAN
    ]
    return (
        f"SELECT {', '.join(kolom)} FROM {tt} INNER JOIN {tp}"
        f" ON {tt}.{q('putaran_id')} = {tp}.{q('id')} WHERE {tt}.{q('kode')} = %s"
    )


_KOLOM_TAUTAN = list(TautanPublik._meta.concrete_fields)
_KOLOM_PUTARAN = list(PutaranSurvei._meta.concrete_fields)


def _tautan_dengan_putaran(kode: str) -> TautanPublik | None:
    """The link and its round in one SELECT built once, as model instances (from_db).
    The intake path: the ORM spent ~0,7 ms of CPU compiling this two-table query for each
    submission, more than the database spent answering it (docs/keputusan/0065)."""
    with connection.cursor() as cur:
        cur.execute(_sql_tautan(connection.vendor), [kode])
        baris = cur.fetchone()
    if baris is None:
        return None
    baris = list(baris)
    kolom = _KOLOM_TAUTAN + _KOLOM_PUTARAN
    for i, f in enumerate(kolom):  # as the ORM reads them (SQLite: datetimes from text)
        for ubah in connection.ops.get_db_converters(f.cached_col) + f.get_db_converters(
            connection
        ):
            baris[i] = ubah(baris[i], f, connection)
    n, db = len(_KOLOM_TAUTAN), connection.alias
    t = TautanPublik.from_db(db, [f.attname for f in _KOLOM_TAUTAN], baris[:n])
    t.putaran = PutaranSurvei.from_db(db, [f.attname for f in _KOLOM_PUTARAN], baris[n:])
    return t


def tautan_menerima(kode: str, *, lengkap: bool = True) -> TautanPublik:
    """The active link with its round, or TidakMenerima explaining why not. `lengkap=False`
    (the intake path) reads only the link and its round, in one SELECT built once; the
    rest (kuesioner, organisasi, layanan) is needed just to render a page."""
    if lengkap:
        # order_by(): no ORDER BY through Meta.ordering (kode is unique; the round's own
        # ordering would add seven sort terms and two joins to compile)
        t = (
            TautanPublik.objects.select_related(
                "putaran__kuesioner", "putaran__organisasi", "putaran__layanan"
            )
            .filter(kode=kode)
            .order_by()
            .first()
        )
    else:
        t = _tautan_dengan_putaran(kode)
    if t is None:
        raise TidakMenerima("Tautan survei ini tidak dikenal. Periksa kembali alamatnya.", 404)
    if not t.aktif:
        raise TidakMenerima("Tautan survei ini sudah tidak aktif.")
    periksa_putaran(t.putaran)
    return t


def periksa_putaran(p: PutaranSurvei) -> None:
    if p.status == StatusPutaran.DITUTUP:
        raise TidakMenerima("Survei ini sudah ditutup. Terima kasih atas perhatian Anda.")
    if p.status != StatusPutaran.DIBUKA:
        raise TidakMenerima("Survei ini belum dibuka.", 404)


# -------------------------------------------------------------------------- integrity


def _jumlah_terbaru(putaran_id: int, kolom: str, nilai: str, sejak, paling_banyak: int) -> int:
    """Responses of the round with `kolom` = nilai received since `sejak`, counted up to
    `paling_banyak` (LIMIT: a burst does not make every later check scan it all), through
    the index respon_putaran_alamat_waktu for addresses, respon_putaran_waktu otherwise.
    Plain SQL: the ORM spent ~0,8 ms of CPU per submission building it (keputusan 0065)."""
    q = connection.ops.quote_name
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {q(Respon._meta.db_table)}"
            f" WHERE {q('putaran_id')} = %s AND {q(kolom)} = %s AND {q('diterima_pada')} >= %s"
            " LIMIT %s) AS terbaru",
            [putaran_id, nilai, connection.ops.adapt_datetimefield_value(sejak), paling_banyak],
        )
        return cur.fetchone()[0]


def alasan_curiga(
    *, putaran: PutaranSurvei, isian: IsianRespon, saluran: str, jebakan: bool, sekarang
) -> list[str]:
    """Why a public response looks suspect (empty = valid). Counts are approximate under
    concurrency, which is enough to send a burst to the reviewer."""
    alasan = []
    if jebakan:
        alasan.append("isian jebakan (honeypot) terisi: kemungkinan bot")
    h = sidik("telepon", isian.telepon)
    if h and _jumlah_terbaru(putaran.pk, "hash_telepon", h, sekarang - jendela_telepon(), 1):
        jam = int(jendela_telepon().total_seconds() // 3600)
        alasan.append(f"nomor HP yang sama sudah menjawab dalam {jam} jam terakhir")
    menit = sekarang - dt.timedelta(minutes=1)
    if saluran == Saluran.KIOSK and isian.id_perangkat:
        n = batas_perangkat()
        if _jumlah_terbaru(putaran.pk, "id_perangkat", isian.id_perangkat, menit, n) >= n:
            alasan.append(f"lebih dari {n} respon per menit dari perangkat kios ini")
    elif isian.alamat_klien:
        n = batas_alamat()
        h = sidik("alamat", isian.alamat_klien)
        if _jumlah_terbaru(putaran.pk, "hash_alamat", h, menit, n) >= n:
            alasan.append(f"lebih dari {n} respon per menit dari alamat yang sama")
    return alasan


def _simpan(*, putaran, isian: IsianRespon, saluran: str, jebakan: bool) -> Respon:
    sekarang = timezone.now()
    isian.diterima_pada = sekarang
    alasan = alasan_curiga(
        putaran=putaran, isian=isian, saluran=saluran, jebakan=jebakan, sekarang=sekarang
    )
    if not alasan:
        return respon_simpan(putaran=putaran, isian=isian, saluran=saluran)
    return respon_simpan(
        putaran=putaran, isian=isian, saluran=saluran, status=StatusRespon.MERAGUKAN,
        alasan_status="Ditandai otomatis: " + "; ".join(alasan),
    )  # fmt: skip


@transaction.atomic
def respon_publik_simpan(
    *, tautan: TautanPublik, isian: IsianRespon, kios: bool = False, jebakan: bool = False
) -> Respon:
    """Store a response from the public form or a kiosk (validated by respon_simpan).

    The same rendered form sent again (its kunci_kiriman: the first response was lost to a
    dropped connection, or "Kirim" pressed twice) returns the stored response, not a copy:
    respon_simpan's INSERT does nothing on the unique (putaran, kunci_kiriman), so there is
    no read first and no savepoint (docs/keputusan/0061)."""
    p = tautan.putaran
    periksa_putaran(p)
    saluran = Saluran.KIOSK if kios else Saluran.WEB
    if kios:
        isian.alamat_klien = ""  # the kiosk is identified by its device id, not the address
    else:
        isian.id_perangkat = ""
    isian.sumber = f"tautan {tautan.kode}"
    return _simpan(putaran=p, isian=isian, saluran=saluran, jebakan=jebakan)


# ------------------------------------------------------------------------- invitations


def hash_token(token: str) -> str:
    """Tokens are 128-bit random, so a plain SHA-256 is enough to make the stored value
    useless for answering."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class UndanganBaru:
    undangan: Undangan
    token: str  # shown once; only its hash is stored


@transaction.atomic
def undangan_terbitkan(
    *, putaran: PutaranSurvei, aktor, jumlah: int = 0, penerima: list[tuple[str, str]] = ()
) -> list[UndanganBaru]:
    """Issue single-use tokens: one per (nama, email) in `penerima`, plus `jumlah` unnamed."""
    _boleh_kelola(aktor, putaran)
    daftar = [(n.strip()[:200], e.strip()[:254]) for n, e in penerima] + [("", "")] * max(jumlah, 0)
    if not daftar:
        raise ValueError("Isi jumlah undangan atau daftar penerima.")
    if len(daftar) > 2000:
        raise ValueError("Paling banyak 2000 undangan sekali terbit.")
    baru = []
    for nama, email in daftar:
        token = secrets.token_urlsafe(16)
        u = Undangan(
            putaran=putaran, hash_token=hash_token(token), nama_penerima=nama,
            email_penerima=email, dibuat_oleh=aktor,
        )  # fmt: skip
        baru.append(UndanganBaru(u, token))
    Undangan.objects.bulk_create([b.undangan for b in baru])
    return baru


def undangan_dari_token(token: str) -> Undangan:
    u = (
        Undangan.objects.select_related(
            "putaran__kuesioner", "putaran__organisasi", "putaran__layanan"
        )
        .filter(hash_token=hash_token(token or ""))
        .first()
    )
    if u is None:
        raise TidakMenerima("Tautan undangan ini tidak dikenal. Periksa kembali alamatnya.", 404)
    if u.dipakai_pada is not None:
        raise TidakMenerima(
            "Tautan undangan ini sudah dipakai untuk mengisi survei. Setiap undangan hanya "
            "dapat dipakai satu kali; hubungi penyelenggara survei bila Anda belum mengisi."
        )
    periksa_putaran(u.putaran)
    return u


@transaction.atomic
def respon_undangan_simpan(*, token: str, isian: IsianRespon, jebakan: bool = False) -> Respon:
    """Store the one response of an invitation. The claim is a conditional UPDATE
    (dipakai_pada IS NULL): of two simultaneous submissions exactly one wins; the other
    gets TidakMenerima and its transaction stores nothing."""
    u = undangan_dari_token(token)
    sekarang = timezone.now()
    if not Undangan.objects.filter(pk=u.pk, dipakai_pada__isnull=True).update(
        dipakai_pada=sekarang
    ):
        raise TidakMenerima("Tautan undangan ini sudah dipakai untuk mengisi survei.")
    isian.telepon = isian.id_perangkat = ""
    isian.sumber = f"undangan {u.pk}"
    respon = _simpan(putaran=u.putaran, isian=isian, saluran=Saluran.UNDANGAN, jebakan=jebakan)
    Undangan.objects.filter(pk=u.pk).update(respon=respon)
    return respon


# --------------------------------------------------------------------------- retention


def sidik_kedaluwarsa(*, hari: int | None = None, sekarang=None):
    """Responses older than the retention period that still carry a hash or device id."""
    from django.db.models import Q

    batas = (sekarang or timezone.now()) - dt.timedelta(
        days=retensi_hari() if hari is None else hari
    )
    return Respon.objects.filter(diterima_pada__lt=batas).filter(
        ~Q(hash_telepon="") | ~Q(hash_alamat="") | ~Q(id_perangkat="")
    )


def sidik_kunci_lama():
    """Responses whose phone/address fingerprint predates KINERJA_KUNCI_SIDIK (no marker):
    made with SECRET_KEY, possibly the old public development key, so reversible by trying
    every phone number. They cannot be re-hashed (the number is not stored): only cleared."""
    from django.db.models import Q

    from kinerja.survei.layanan import PENANDA_SIDIK

    return Respon.objects.filter(
        (~Q(hash_telepon="") & ~Q(hash_telepon__startswith=PENANDA_SIDIK))
        | (~Q(hash_alamat="") & ~Q(hash_alamat__startswith=PENANDA_SIDIK))
    )


def sidik_kunci_lama_hapus() -> int:
    """Clear the old-key fingerprints (KOLOM_RETENSI to "", allowed by the Respon model)."""
    return sidik_kunci_lama().update(hash_telepon="", hash_alamat="")


def sidik_hapus(*, hari: int | None = None, sekarang=None) -> int:
    """Clear hash_telepon, hash_alamat and id_perangkat of old responses (the one change
    besides review that the Respon model allows: KOLOM_RETENSI, to "" only)."""
    return sidik_kedaluwarsa(hari=hari, sekarang=sekarang).update(
        hash_telepon="", hash_alamat="", id_perangkat=""
    )
