"""Writes for surveys (keyword-only services, one transaction, permission checked).

Responses are immutable: `respon_simpan` validates and stores one questionnaire,
`respon_simpan_banyak` stores many in bulk (import, example data), and `respon_tinjau`
is the only change allowed afterwards (review status with a reason, logged in
PeristiwaRespon). `usulan_realisasi` turns results into a draft realisasi through
`pengukuran.layanan.realisasi_simpan`, so it goes through normal verification.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from kinerja import angka as fmt
from kinerja.inti import nilai as aturan
from kinerja.inti.keamanan import hitung_tertunda
from kinerja.organisasi.izin import (
    PERAN_PEMBACA_BAWAHAN,
    dapat_memverifikasi,
    dapat_mengisi,
    operator_di,
    peran_atas,
)
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.layanan import realisasi_simpan
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.periode import Periode
from kinerja.survei import pemilih
from kinerja.survei.models import (
    Jawaban,
    JenisKuesioner,
    Kuesioner,
    Layanan,
    PeristiwaRespon,
    PutaranSurvei,
    RekapJawaban,
    RencanaTindakLanjut,
    Respon,
    Saluran,
    StatusPutaran,
    StatusRespon,
    StatusRTL,
    TautanIndikator,
    Unsur,
)

# ---------------------------------------------------------------------------- privacy


def _telepon_normal(telepon: str) -> str:
    """08123..., +62 812-3..., 8123... → 8123... (digits after the country/trunk prefix)."""
    angka = re.sub(r"\D", "", telepon or "")
    if angka.startswith("62"):
        angka = angka[2:]
    return angka.lstrip("0")


# Fingerprints made with KINERJA_KUNCI_SIDIK start with this marker (docs/keputusan/0027);
# older ones (HMAC with SECRET_KEY, 64 hex digits) never match a new one and are cleared by
# `kinerja survei_hapus_sidik --kunci-lama`.
PENANDA_SIDIK = "s2"


def sidik(jenis: str, nilai: str) -> str:
    """Keyed hash (HMAC-SHA256 with the installation's KINERJA_KUNCI_SIDIK, never the Django
    SECRET_KEY) of a phone number or address: lets duplicates be spotted without storing the
    value. Rotating the key starts new fingerprints (old and new no longer match)."""
    if not nilai:
        return ""
    if jenis == "telepon":
        nilai = _telepon_normal(nilai)
        if not nilai:
            return ""
    kunci = settings.KINERJA_KUNCI_SIDIK.encode()
    pesan = f"kinerja.survei.{jenis}:{nilai}".encode()
    isi = hmac.new(kunci, pesan, hashlib.sha256).hexdigest()
    return PENANDA_SIDIK + isi[: 64 - len(PENANDA_SIDIK)]


# -------------------------------------------------------------------------- putaran


# PositiveIntegerField: 1..2147483647 on every database (kinerja.inti.nilai)
POPULASI_MAKS = aturan.batas_bulat(PutaranSurvei, "populasi")[1]


def _populasi(nilai) -> int | None:
    """The number of service users of a round (Krejcie-Morgan): an int within its column."""
    if nilai is None:
        return None
    if isinstance(nilai, bool) or not isinstance(nilai, int) or not 1 <= nilai <= POPULASI_MAKS:
        raise ValidationError(
            {
                "populasi": "Populasi harus bilangan bulat positif, paling besar "
                f"{fmt.angka(POPULASI_MAKS, 0)} (jumlah pengguna layanan dalam periode), "
                "atau kosongkan bila belum diketahui."
            }
        )
    return nilai


@transaction.atomic
def putaran_buat(
    *,
    kuesioner: Kuesioner,
    organisasi: Organisasi,
    jenis_periode: str,
    tahun: int,
    ke: int = 1,
    layanan: Layanan | None = None,
    populasi: int | None = None,
    aktor,
    status: str = "draf",
    pelaksana: str = "",
) -> PutaranSurvei:
    """Open a survey round for a unit (and service) in a period."""
    if not dapat_mengisi(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang membuat putaran survei untuk {organisasi}.")
    if jenis_periode not in ("triwulan", "semester", "tahun"):
        raise ValidationError({"jenis_periode": "Periode survei: triwulan, semester atau tahun."})
    try:
        Periode(jenis=jenis_periode, tahun=tahun, ke=ke)
    except DataTidakValid as e:
        raise ValidationError({"ke": e.pesan}) from None
    if kuesioner.jenis == JenisKuesioner.KOORDINASI and layanan is not None:
        raise ValidationError(
            {"layanan": "Survei koordinasi menilai asisten (organisasi), tanpa layanan."}
        )
    if kuesioner.jenis == JenisKuesioner.SKM and kuesioner.layanan.exists():
        if layanan is None or not kuesioner.layanan.filter(pk=layanan.pk).exists():
            raise ValidationError(
                {"layanan": f"Pilih salah satu layanan kuesioner {kuesioner.kode}."}
            )
    populasi = _populasi(populasi)
    if status not in StatusPutaran.values:
        raise ValidationError({"status": f"Status putaran '{status}' tidak dikenal."})
    kembar = PutaranSurvei.objects.filter(
        kuesioner__kode=kuesioner.kode, organisasi=organisasi, layanan=layanan,
        jenis_periode=jenis_periode, tahun=tahun, ke=ke,
    )  # fmt: skip
    if kembar.exists():
        label = Periode(jenis=jenis_periode, tahun=tahun, ke=ke).label
        raise ValidationError(
            {
                "ke": f"Putaran {kuesioner.kode} {label} untuk {organisasi}"
                + (f" layanan {layanan}" if layanan else "")
                + " sudah ada."
            }
        )
    p = PutaranSurvei(
        kuesioner=kuesioner,
        organisasi=organisasi,
        layanan=layanan,
        jenis_periode=jenis_periode,
        tahun=tahun,
        ke=ke,
        populasi=populasi,
        status=status,
        pelaksana=(pelaksana or "").strip(),
        dibuka_pada=timezone.now() if status == StatusPutaran.DIBUKA else None,
        ditutup_pada=timezone.now() if status == StatusPutaran.DITUTUP else None,
    )
    p._change_reason = f"dibuat oleh {aktor}"
    p._history_user = _pengguna(aktor)
    p.save()
    return p


def _pengguna(aktor):
    return aktor if getattr(aktor, "is_authenticated", False) else None


# (from, to) -> what the history says; status is never assigned anywhere else.
TRANSISI_PUTARAN = {
    (StatusPutaran.DRAF, StatusPutaran.DIBUKA): "dibuka",
    (StatusPutaran.DIBUKA, StatusPutaran.DITUTUP): "ditutup",
    (StatusPutaran.DITUTUP, StatusPutaran.DIBUKA): "dibuka kembali",
}


@transaction.atomic
def putaran_atur_status(
    *, putaran: PutaranSurvei, status: str, aktor, alasan: str = ""
) -> PutaranSurvei:
    """Open (draf → dibuka), close (dibuka → ditutup) or reopen (ditutup → dibuka, with a
    reason) a round. The public form accepts responses only while it is dibuka.
    `dibuka_pada` is the latest opening, `ditutup_pada` the latest closing (empty while
    open); the history keeps every change with who and why."""
    p = (
        PutaranSurvei.objects.select_for_update(of=("self",))
        .select_related("organisasi")
        .get(pk=putaran.pk)
    )
    if not dapat_mengisi(aktor, p.organisasi):
        raise PermissionDenied(
            f"Anda tidak berwenang membuka atau menutup putaran survei {p.organisasi}."
        )
    if status not in StatusPutaran.values:
        raise ValidationError(
            {"status": f"Status '{status}' tidak dikenal ({', '.join(StatusPutaran.values)})."}
        )
    label = dict(StatusPutaran.choices)
    if status == p.status:
        raise ValidationError({"status": f"Putaran sudah berstatus {label[status].lower()}."})
    aksi = TRANSISI_PUTARAN.get((p.status, status))
    if aksi is None:
        raise ValidationError(
            {
                "status": f"Putaran berstatus {label[p.status].lower()} tidak dapat diubah "
                f"menjadi {label[status].lower()}; urutannya draf → dibuka → ditutup "
                "(ditutup dapat dibuka kembali)."
            }
        )
    alasan = (alasan or "").strip()
    if p.status == StatusPutaran.DITUTUP and not alasan:
        raise ValidationError(
            {"alasan": "Alasan wajib diisi untuk membuka kembali putaran yang sudah ditutup."}
        )
    sekarang = timezone.now()
    if status == StatusPutaran.DIBUKA:
        p.dibuka_pada, p.ditutup_pada = sekarang, None
    else:
        p.ditutup_pada = sekarang
    p.status = status
    p._change_reason = f"{aksi} oleh {aktor}" + (f": {alasan}" if alasan else "")
    p._history_user = _pengguna(aktor)
    p.save(update_fields=["status", "dibuka_pada", "ditutup_pada"])
    putaran.status, putaran.dibuka_pada, putaran.ditutup_pada = (
        p.status, p.dibuka_pada, p.ditutup_pada,
    )  # fmt: skip
    return p


@transaction.atomic
def putaran_ubah(
    *,
    putaran: PutaranSurvei,
    aktor,
    populasi: int | None,
    pelaksana: str = "",
    keterangan: str = "",
    alasan: str = "",
) -> PutaranSurvei:
    """Change a round's population (Krejcie-Morgan), executor and notes, in any status:
    the population is often known only after the period. Audited in the history."""
    p = PutaranSurvei.objects.select_for_update().select_related("organisasi").get(pk=putaran.pk)
    if not dapat_mengisi(aktor, p.organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengubah putaran survei {p.organisasi}.")
    galat = {}
    try:
        populasi = _populasi(populasi)
    except ValidationError as e:
        galat.update(e.message_dict)
    pelaksana = (pelaksana or "").strip()
    if len(pelaksana) > 200:
        galat["pelaksana"] = f"Pelaksana paling banyak 200 karakter (sekarang {len(pelaksana)})."
    if galat:
        raise ValidationError(galat)
    keterangan = (keterangan or "").strip()
    lama = {"populasi": p.populasi, "pelaksana": p.pelaksana, "keterangan": p.keterangan}
    baru = {"populasi": populasi, "pelaksana": pelaksana, "keterangan": keterangan}
    berubah = [k for k in baru if baru[k] != lama[k]]
    if not berubah:
        return p
    for k in berubah:
        setattr(p, k, baru[k])
    alasan = (alasan or "").strip()
    p._change_reason = f"{', '.join(berubah)} diubah oleh {aktor}" + (
        f": {alasan}" if alasan else ""
    )
    p._history_user = _pengguna(aktor)
    p.save(update_fields=berubah)
    return p


# --------------------------------------------------------------------------- respon


@dataclass
class IsianRespon:
    """One questionnaire as entered: answers by butir kode, demographics, saran, and the
    identifiers that are only ever stored hashed."""

    jawaban: Mapping[str, object]
    demografi: Mapping[str, object] = field(default_factory=dict)
    saran: str = ""
    kategori_saran: str = ""
    telepon: str = ""
    alamat_klien: str = ""
    id_perangkat: str = ""
    diterima_pada: dt.datetime | None = None
    sumber: str = ""
    kunci_kiriman: str = ""  # one rendered public form (resubmission stored once)


def nilai_jawaban(nilai, *, kode: str) -> int | None:
    """1-4 or blank (None, "", whitespace); anything else is an error naming the item."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise ValidationError({kode: f"{kode}: nilai {nilai!r} bukan angka 1-4"})
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)
    if isinstance(nilai, Decimal) and nilai == nilai.to_integral_value():
        nilai = int(nilai)
    if isinstance(nilai, str) and nilai.strip().isdigit():
        nilai = int(nilai.strip())
    if not isinstance(nilai, int) or not 1 <= nilai <= 4:
        raise ValidationError(
            {kode: f"{kode}: nilai '{nilai}' tidak sah; isi 1, 2, 3 atau 4, atau kosongkan"}
        )
    return nilai


def _siapkan(putaran: PutaranSurvei, isian: IsianRespon, saluran: str, butir, demografi):
    if saluran not in Saluran.values:
        raise ValidationError({"saluran": f"Saluran '{saluran}' tidak dikenal."})
    kode_butir = {b.kode for b in butir}
    asing = set(isian.jawaban) - kode_butir
    if asing:
        raise ValidationError(
            {"jawaban": f"Butir tidak dikenal di kuesioner ini: {', '.join(sorted(asing))}"}
        )
    nilai = {b.kode: nilai_jawaban(isian.jawaban.get(b.kode), kode=b.kode) for b in butir}
    if all(v is None for v in nilai.values()):
        raise ValidationError({"jawaban": "Semua butir kosong; kuesioner tanpa jawaban ditolak."})
    demo = {}
    for f in demografi:
        v = isian.demografi.get(f.kunci)
        v = "" if v is None else str(v).strip()
        if not v:
            if f.wajib:
                raise ValidationError({f.kunci: f"{f.label} wajib diisi."})
            continue
        if f.pilihan and v not in {str(k) for k, _ in f.pilihan}:
            pilihan = ", ".join(str(k) for k, _ in f.pilihan)
            raise ValidationError(
                {f.kunci: f"{f.label}: '{v}' bukan pilihan yang sah ({pilihan})."}
            )
        demo[f.kunci] = v
    asing = set(isian.demografi) - {f.kunci for f in demografi}
    if asing:
        raise ValidationError(
            {"demografi": f"Isian demografi tidak dikenal: {', '.join(sorted(asing))}"}
        )
    respon = Respon(
        putaran=putaran,
        diterima_pada=isian.diterima_pada or timezone.now(),
        saluran=saluran,
        demografi=demo,
        saran=(isian.saran or "").strip(),
        kategori_saran=isian.kategori_saran or "",
        id_perangkat=(isian.id_perangkat or "")[:64],
        hash_telepon=sidik("telepon", isian.telepon),
        hash_alamat=sidik("alamat", isian.alamat_klien),
        kunci_kiriman=(isian.kunci_kiriman or "")[:32],
        sumber=isian.sumber[:200],
    )
    return respon, nilai


def _struktur(putaran: PutaranSurvei):
    s = pemilih.struktur(putaran.kuesioner_id)
    return s.butir, s.demografi


def respon_periksa(*, putaran: PutaranSurvei, isian: IsianRespon, saluran: str) -> None:
    """Validate a questionnaire exactly as `respon_simpan` would, without storing it
    (an import's dry run); raises ValidationError naming the field."""
    butir, demografi = _struktur(putaran)
    _siapkan(putaran, isian, saluran, butir, demografi)


# Statuses a new response may be stored with: valid, or meragukan when the public side
# flags it on arrival (honeypot, burst); rejection is always a reviewer's act.
STATUS_AWAL = (StatusRespon.VALID, StatusRespon.MERAGUKAN)


def respon_simpan(
    *,
    putaran: PutaranSurvei,
    isian: IsianRespon,
    saluran: str,
    status: str = StatusRespon.VALID,
    alasan_status: str = "",
) -> Respon:
    """Store one validated questionnaire (public form, kiosk, invitation) in one INSERT
    for the response and one for its answers (a blank is a NULL answer, so every
    response has one row per butir). The caller decides whether the putaran accepts
    responses (status `dibuka`).

    A `kunci_kiriman` already stored in the round (the same rendered form sent again)
    stores nothing and returns the stored response: the unique index decides, so there is
    no read before the write and two copies arriving together are stored once. A survey
    request's rate-limit count (inti.keamanan.hitung_tertunda) is taken here, in the same
    transaction, and refuses the submission when it is over the limit."""
    if status not in STATUS_AWAL:
        raise ValidationError({"status": f"Respon baru tidak dapat berstatus '{status}'."})
    if status != StatusRespon.VALID and not alasan_status.strip():
        raise ValidationError({"alasan_status": "Respon yang ditandai wajib diberi alasan."})
    butir, demografi = _struktur(putaran)
    respon, nilai = _siapkan(putaran, isian, saluran, butir, demografi)
    respon.status, respon.alasan_status = status, alasan_status.strip()
    # Validated above, so only a database error can end the block; no savepoint: the public
    # form calls this inside its own transaction and two round trips per response count.
    with transaction.atomic(savepoint=False):
        hitung_tertunda()
        if not _respon_sisipkan(respon):
            # the primary, never a lagging replica: the stored copy may be milliseconds old
            return Respon.objects.using(connection.alias).get(
                putaran=putaran, kunci_kiriman=respon.kunci_kiriman
            )
        _jawaban_sisipkan(respon.pk, putaran.pk, [(b.pk, nilai[b.kode]) for b in butir])
        _rekap_tambah(putaran.pk, Counter((b.pk, nilai[b.kode] or 0) for b in butir))
    return respon


_KOLOM_RESPON = [f for f in Respon._meta.concrete_fields if not f.primary_key]


def _respon_sisipkan(respon: Respon) -> bool:
    """INSERT the response unless its kunci_kiriman is already stored in its round: ON
    CONFLICT on the partial unique index respon_kunci_kiriman_unik (the same WHERE, so
    SQLite and PostgreSQL both match it) DO NOTHING. True when stored (respon gets its pk),
    False for a resubmission. No failed statement, so no savepoint is needed inside the
    caller's transaction: on PostgreSQL a concurrent copy waits for the first one's commit
    and then does nothing; SQLite runs the two one after the other."""
    q = connection.ops.quote_name
    nilai = [f.get_db_prep_save(getattr(respon, f.attname), connection) for f in _KOLOM_RESPON]
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {q(Respon._meta.db_table)}"
            f" ({', '.join(q(f.column) for f in _KOLOM_RESPON)})"
            f" VALUES ({', '.join(['%s'] * len(nilai))})"
            f" ON CONFLICT ({q('putaran_id')}, {q('kunci_kiriman')})"
            f" WHERE NOT ({q('kunci_kiriman')} = '') DO NOTHING RETURNING {q('id')}",
            nilai,
        )
        baris = cur.fetchone()
    if baris is None:
        return False
    respon.pk = baris[0]
    respon._state.adding, respon._state.db = False, connection.alias
    return True


def respon_simpan_banyak(
    *, putaran: PutaranSurvei, daftar: Iterable[IsianRespon], saluran: str, ukuran: int = 2000
) -> int:
    """Store many questionnaires of one putaran in bulk (caller holds the transaction).

    Every questionnaire is validated first; on any error nothing is stored."""
    butir, demografi = _struktur(putaran)
    siap = [_siapkan(putaran, isian, saluran, butir, demografi) for isian in daftar]
    with transaction.atomic():
        for mulai in range(0, len(siap), ukuran):
            potong = siap[mulai : mulai + ukuran]
            respon = Respon.objects.bulk_create([r for r, _ in potong])
            Jawaban.objects.bulk_create(
                [
                    Jawaban(respon=r, putaran=putaran, butir=b, nilai=nilai[b.kode])
                    for r, (_, nilai) in zip(respon, potong, strict=True)
                    for b in butir
                ],
                batch_size=ukuran * 2,
            )
            _rekap_tambah(
                putaran.pk, Counter((b.pk, n[b.kode] or 0) for _, n in potong for b in butir)
            )
    return len(siap)


_TABEL_JAWABAN = Jawaban._meta.db_table


def _jawaban_sisipkan(respon_id: int, putaran_id: int, baris: list[tuple[int, int | None]]):
    """The answers of one response in one multi-row INSERT: integers only, so the ORM's
    bulk_create (nine model instances, field preparation, UNNEST casts) is skipped."""
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {_TABEL_JAWABAN} (respon_id, putaran_id, butir_id, nilai) VALUES "
            + ", ".join(["(%s, %s, %s, %s)"] * len(baris)),
            [x for b, n in baris for x in (respon_id, putaran_id, b, n)],
        )


# ------------------------------------------------------------------------------ rekap

_TABEL_REKAP = RekapJawaban._meta.db_table


def _rekap_tambah(putaran_id: int, hitungan: Counter) -> None:
    """Add {(butir_id, nilai or 0): answers} to RekapJawaban in one upsert, inside the
    transaction that stores the answers. Rows go in (butir, nilai) order, the same for
    every writer, so concurrent submissions to one round queue on the rows but cannot
    deadlock."""
    baris = sorted(hitungan.items())
    if not baris:
        return
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {_TABEL_REKAP} (putaran_id, butir_id, nilai, jumlah) VALUES "
            + ", ".join(["(%s, %s, %s, %s)"] * len(baris))
            + " ON CONFLICT (putaran_id, butir_id, nilai)"
            f" DO UPDATE SET jumlah = {_TABEL_REKAP}.jumlah + excluded.jumlah",
            [x for (b, v), n in baris for x in (putaran_id, b, v, n)],
        )


@transaction.atomic
def rekap_bangun_ulang(putaran: Iterable[int] | None = None) -> int:
    """Recount RekapJawaban from the answers with one GROUP BY in the database, for the
    given putaran ids or all: after answers were loaded by other means (a bulk COPY), or
    to repair what `pemilih.rekap_selisih` reports. Returns the rows written."""
    saring, param = "", []
    if putaran is not None:
        param = [int(p) for p in putaran]
        if not param:
            return 0
        saring = f" WHERE putaran_id IN ({', '.join(['%s'] * len(param))})"
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            # Submissions arriving meanwhile wait for the recount instead of being counted
            # twice (their upsert) or not at all (missed by the SELECT).
            cur.execute(f"LOCK TABLE {_TABEL_REKAP} IN SHARE ROW EXCLUSIVE MODE")
        cur.execute(f"DELETE FROM {_TABEL_REKAP}{saring}", param)
        cur.execute(
            f"INSERT INTO {_TABEL_REKAP} (putaran_id, butir_id, nilai, jumlah)"
            " SELECT putaran_id, butir_id, COALESCE(nilai, 0), COUNT(*)"
            f" FROM {Jawaban._meta.db_table}{saring}"
            " GROUP BY putaran_id, butir_id, COALESCE(nilai, 0)",
            param,
        )
        return cur.rowcount


@transaction.atomic
def respon_tinjau(*, respon: Respon, status: str, alasan: str = "", aktor) -> Respon:
    """Mark a response valid, meragukan (suspect) or ditolak (rejected). Only the status
    changes; answers stay. A reason is required for meragukan/ditolak. Logged."""
    respon = (
        Respon.objects.select_for_update().select_related("putaran__organisasi").get(pk=respon.pk)
    )
    if not dapat_memverifikasi(aktor, respon.putaran.organisasi):
        raise PermissionDenied("Hanya verifikator atau admin unit ini yang dapat meninjau respon.")
    if status not in StatusRespon.values:
        raise ValidationError(
            {"status": f"Status '{status}' tidak dikenal ({', '.join(StatusRespon.values)})."}
        )
    alasan = (alasan or "").strip()
    if status != StatusRespon.VALID and not alasan:
        raise ValidationError(
            {"alasan": "Alasan wajib diisi untuk respon yang meragukan atau ditolak."}
        )
    if status == respon.status:
        raise ValidationError({"status": f"Respon sudah berstatus {respon.get_status_display()}."})
    dari = respon.status
    respon.status = status
    respon.alasan_status = alasan
    respon.ditinjau_oleh = aktor
    respon.ditinjau_pada = timezone.now()
    respon.save(update_fields=["status", "alasan_status", "ditinjau_oleh", "ditinjau_pada"])
    PeristiwaRespon.objects.create(
        respon=respon, dari_status=dari, ke_status=status, alasan=alasan, aktor=aktor
    )
    return respon


# ------------------------------------------------------------------------------ RTL


@transaction.atomic
def rtl_simpan(
    *,
    organisasi: Organisasi,
    kuesioner: Kuesioner,
    tahun: int,
    unsur: Unsur,
    tindakan: str,
    waktu: str,
    penanggung_jawab: str,
    aktor,
    program: str = "",
    status: str = StatusRTL.RENCANA,
    fkp_tanggal: dt.date | None = None,
    fkp_peserta: str = "",
    putaran: PutaranSurvei | None = None,
    rtl: RencanaTindakLanjut | None = None,
) -> RencanaTindakLanjut:
    """Record (or change) a Rencana Tindak Lanjut for an unsur, with the FKP if held."""
    if not (
        operator_di(aktor, organisasi) or peran_atas(aktor, organisasi) & PERAN_PEMBACA_BAWAHAN
    ):
        raise PermissionDenied("Anda tidak berwenang mencatat RTL untuk unit ini.")
    galat = {}
    if unsur.kuesioner_id != kuesioner.pk:
        galat["unsur"] = "Unsur bukan bagian dari kuesioner ini."
    for nama, isi in (
        ("tindakan", tindakan),
        ("waktu", waktu),
        ("penanggung_jawab", penanggung_jawab),
    ):
        if not (isi or "").strip():
            galat[nama] = f"{nama.replace('_', ' ').capitalize()} wajib diisi."
    if status not in StatusRTL.values:
        galat["status"] = f"Status '{status}' tidak dikenal."
    if fkp_peserta.strip() and fkp_tanggal is None:
        galat["fkp_tanggal"] = "Isi tanggal Forum Konsultasi Publik bila pesertanya dicatat."
    if galat:
        raise ValidationError(galat)
    obj = rtl or RencanaTindakLanjut(organisasi=organisasi, kuesioner=kuesioner, dibuat_oleh=aktor)
    obj.tahun, obj.unsur, obj.putaran = tahun, unsur, putaran
    obj.tindakan, obj.program, obj.waktu = tindakan.strip(), program.strip(), waktu.strip()
    obj.penanggung_jawab, obj.status = penanggung_jawab.strip(), status
    obj.fkp_tanggal, obj.fkp_peserta = fkp_tanggal, fkp_peserta.strip()
    obj._change_reason = f"{'diubah' if obj.pk else 'dibuat'} oleh {aktor}"
    obj.save()
    return obj


# ------------------------------------------------------------- feeding the indicators


@transaction.atomic
def usulan_realisasi(
    *, tautan: TautanIndikator, tahun: int, jenis_periode: str, ke: int = 1, aktor
):
    """Propose the survey result as the indicator's realisasi (a draft, verified as usual)."""
    a = pemilih.hasil_tautan(tautan=tautan, tahun=tahun, jenis_periode=jenis_periode, ke=ke)
    if a is None or a.gabungan is None:
        raise ValidationError(
            f"Belum ada respon valid kuesioner {tautan.kuesioner_kode} untuk periode ini."
        )
    nilai = a.gabungan.konversi.quantize(Decimal("0.000001"))
    penjelasan = (
        f"Usulan dari survei {tautan.kuesioner_kode}: {a.n} responden valid; "
        f"layanan: {tautan.aturan_layanan}, unit: {tautan.aturan_unit}, "
        f"periode: {tautan.aturan_periode}; {a.gabungan.rumus}"
    )
    return realisasi_simpan(
        indikator=tautan.indikator,
        tahun=tahun,
        jenis_periode=jenis_periode,
        ke=ke,
        aktor=aktor,
        nilai=nilai,
        penjelasan=penjelasan,
        alasan="usulan otomatis dari hasil survei",
    )
