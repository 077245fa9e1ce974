"""Services: every write to employees, SKP, RHK, realisasi and assessments goes through here
(keyword-only, one transaction, permission checked, history recorded with the actor).

Bad input raises ValidationError with an Indonesian message naming the field; a permission
failure raises PermissionDenied. Nothing is half-saved: each service is one transaction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kinerja.inti import nilai as aturan
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.layanan import JENIS_BUKTI, periksa_berkas_bukti
from kinerja.perencanaan.models import ButirPK
from kinerja.rumus import skp as rumus
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.skp import izin
from kinerja.skp.models import (
    JENJANG,
    RHK,
    SKP,
    AspekIndikator,
    BuktiRHK,
    IndikatorRHK,
    JenisJabatan,
    JenisRHK,
    Pegawai,
    Penilaian,
    PeriodeSKP,
    RealisasiRHK,
    StatusPenilaian,
)

POLA_NIP = re.compile(r"^[0-9]{18}$")
JUMLAH_KE = {PeriodeSKP.BULAN: 12, PeriodeSKP.TRIWULAN: 4, PeriodeSKP.TAHUN: 1}
URAIAN_MAKS = 2000
TEKS_MAKS = 200
_BATAS_TARGET = aturan.batas_kolom(IndikatorRHK, "target")
_BATAS_NILAI = aturan.batas_kolom(RealisasiRHK, "nilai")


def _catat_aktor(obj, aktor) -> None:
    """simple-history records this user (also outside a request: API, import, demo)."""
    if aktor is not None and getattr(aktor, "is_authenticated", False):
        obj._history_user = aktor


def _teks(x) -> str:
    return "" if x is None else " ".join(str(x).split())


# --- pegawai ------------------------------------------------------------------------------


def periksa_nip(nip) -> tuple[str, str | None]:
    """(normalised NIP, problem or None). A NIP is 18 digits (PP 11/2017 jo. Peraturan BKN);
    spaces are dropped, Excel's number form (1.97e17) is refused because it loses digits."""
    teks = "".join(str(nip or "").split())
    if teks.endswith(".0"):
        teks = teks[:-2]
    if not teks:
        return teks, "wajib diisi (18 digit)."
    if not POLA_NIP.match(teks):
        return teks, (
            f"'{teks}' bukan NIP: harus tepat 18 digit angka (diisi {len(teks)} karakter); "
            "di Excel isi sebagai teks agar angka 0 di depan dan digit terakhir tidak hilang."
        )
    return teks, None


@dataclass
class DataPegawai:
    nip: str
    nama: str
    jabatan: str
    jenis_jabatan: str
    organisasi: Organisasi | None
    golongan: str = ""
    atasan: Pegawai | None = None
    pengguna: object | None = None
    aktif: bool = True


def periksa_data_pegawai(data: DataPegawai, *, pegawai: Pegawai | None = None) -> dict:
    """Field problems of one employee ({bidang: pesan}); the same rule for the form, the API
    and the import. The atasan must be of a level not lower than the employee's and work at
    the employee's unit or a unit above it; no cycle."""
    galat: dict[str, str] = {}
    nip, masalah = periksa_nip(data.nip)
    data.nip = nip
    if masalah:
        galat["nip"] = f"NIP {masalah}"
    else:
        lain = Pegawai.objects.filter(nip=nip)
        if pegawai is not None and pegawai.pk:
            lain = lain.exclude(pk=pegawai.pk)
        dipakai = lain.first()
        if dipakai:
            galat["nip"] = f"NIP {nip} sudah dipakai oleh {dipakai.nama} ({dipakai.jabatan})."
    data.nama, data.jabatan, data.golongan = (
        _teks(data.nama),
        _teks(data.jabatan),
        _teks(data.golongan),
    )
    if not data.nama:
        galat["nama"] = "Nama wajib diisi."
    elif len(data.nama) > TEKS_MAKS:
        galat["nama"] = f"Nama paling panjang {TEKS_MAKS} karakter."
    if not data.jabatan:
        galat["jabatan"] = "Nama jabatan wajib diisi."
    elif len(data.jabatan) > TEKS_MAKS:
        galat["jabatan"] = f"Nama jabatan paling panjang {TEKS_MAKS} karakter."
    if len(data.golongan) > 20:
        galat["golongan"] = "Golongan paling panjang 20 karakter (contoh: III/c)."
    if data.jenis_jabatan not in JenisJabatan.values:
        pilihan = ", ".join(JenisJabatan.values)
        galat["jenis_jabatan"] = (
            f"Jenis jabatan '{data.jenis_jabatan}' tidak dikenal; pilih {pilihan}."
        )
    if data.organisasi is None:
        galat["organisasi"] = "Unit kerja wajib diisi."
    a = data.atasan
    if a is not None and not galat.get("jenis_jabatan") and data.organisasi is not None:
        if pegawai is not None and a.pk == pegawai.pk:
            galat["atasan"] = "Pegawai tidak dapat menjadi atasan dirinya sendiri."
        elif (
            pegawai is not None
            and pegawai.pk
            and any(x.pk == pegawai.pk for x in izin.rantai_atasan(a))
        ):
            galat["atasan"] = (
                f"{a.nama} adalah bawahan {pegawai.nama}; atasan tidak boleh melingkar."
            )
        elif JENJANG[a.jenis_jabatan] > JENJANG[data.jenis_jabatan]:
            galat["atasan"] = (
                f"Atasan {a.nama} ({a.get_jenis_jabatan_display().lower()}) berjenjang lebih "
                f"rendah dari {JenisJabatan(data.jenis_jabatan).label.lower()}."
            )
        elif not data.organisasi.jalur.startswith(a.organisasi.jalur):
            galat["atasan"] = (
                f"Atasan {a.nama} bekerja di {a.organisasi.nama}, bukan di {data.organisasi.nama} "
                "atau unit di atasnya."
            )
    return galat


def _tulis_pegawai(p: Pegawai, data: DataPegawai) -> Pegawai:
    p.nip, p.nama, p.golongan = data.nip, data.nama, data.golongan
    p.jabatan, p.jenis_jabatan = data.jabatan, data.jenis_jabatan
    p.organisasi, p.atasan, p.pengguna, p.aktif = (
        data.organisasi,
        data.atasan,
        data.pengguna,
        data.aktif,
    )
    return p


@transaction.atomic
def pegawai_simpan(*, data: DataPegawai, aktor, pegawai: Pegawai | None = None) -> Pegawai:
    """Create or change an employee (HR admins of the unit, at the old and the new unit)."""
    for org in {o for o in (data.organisasi, pegawai.organisasi if pegawai else None) if o}:
        if not izin.admin_sdm(aktor, org):
            raise PermissionDenied(
                f"Hanya admin kepegawaian {org.nama} atau unit di atasnya yang dapat mengubah "
                "data pegawai."
            )
    galat = periksa_data_pegawai(data, pegawai=pegawai)
    if data.pengguna is not None:
        lain = Pegawai.objects.filter(pengguna=data.pengguna)
        if pegawai is not None:
            lain = lain.exclude(pk=pegawai.pk)
        if lain.exists():
            galat["pengguna"] = f"Akun '{data.pengguna}' sudah terhubung dengan pegawai lain."
    if galat:
        raise ValidationError(galat)
    p = _tulis_pegawai(pegawai or Pegawai(), data)
    _catat_aktor(p, aktor)
    p.save()
    return p


def cari_pengguna(username: str):
    """The account for a username ('' -> None); ValidationError when there is none."""
    username = _teks(username)
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ValidationError({"pengguna": f"Akun '{username}' tidak ditemukan."})
    return user


# --- SKP and RHK ---------------------------------------------------------------------------


def _wajib_pengisi(aktor, pegawai: Pegawai) -> None:
    if not izin.dapat_mengisi_skp(aktor, pegawai):
        raise PermissionDenied(
            f"Hanya {pegawai.nama} sendiri yang dapat mengisi SKP dan realisasinya."
        )


def _wajib_terbuka(skp: SKP) -> None:
    if skp.penilaian.filter(
        jenis_periode=PeriodeSKP.TAHUN, status=StatusPenilaian.DITANDATANGANI
    ).exists():
        raise ValidationError(
            f"SKP {skp.tahun} {skp.pegawai.nama} sudah dinilai dan ditandatangani untuk tahun "
            "ini; RHK tidak dapat diubah lagi."
        )


@transaction.atomic
def skp_buat(*, pegawai: Pegawai, tahun: int, aktor) -> SKP:
    """The employee's SKP of the year (created on first use, with the unit and jabatan of now)."""
    _wajib_pengisi(aktor, pegawai)
    try:
        aturan.bulat(tahun, label="Tahun", minimum=2000, maksimum=2100, contoh="2024")
    except DataTidakValid as e:
        raise ValidationError({"tahun": e.pesan}) from None
    skp = SKP.objects.filter(pegawai=pegawai, tahun=tahun).first()
    if skp is None:
        skp = SKP(
            pegawai=pegawai, tahun=tahun, organisasi=pegawai.organisasi, jabatan=pegawai.jabatan
        )
        _catat_aktor(skp, aktor)
        skp.save()
    return skp


@dataclass
class IsianIndikator:
    aspek: str
    uraian: str
    target: object
    satuan: str = ""


def _periksa_rhk_atasan(skp: SKP, rhk_atasan: RHK | None) -> str | None:
    if rhk_atasan is None:
        return None
    atasan = skp.pegawai.atasan
    pemilik = rhk_atasan.skp.pegawai
    if atasan is None:
        return (
            f"{skp.pegawai.nama} belum punya atasan tercatat; RHK atasan tidak dapat "
            "diintervensi (hubungkan ke indikator PK unit)."
        )
    if pemilik.pk != atasan.pk:
        return (
            f"RHK atasan yang diintervensi harus RHK atasan langsung ({atasan.nama}); RHK "
            f"'{rhk_atasan.uraian[:60]}' milik {pemilik.nama}, di luar rantai atasan."
        )
    if rhk_atasan.skp.tahun != skp.tahun:
        return (
            f"RHK atasan yang diintervensi berasal dari SKP {rhk_atasan.skp.tahun}, bukan "
            f"{skp.tahun}."
        )
    return None


def _periksa_butir(skp: SKP, butir: ButirPK | None) -> str | None:
    if butir is None:
        return None
    pk = butir.pk_dokumen
    if pk.tahun != skp.tahun:
        return f"Indikator PK berasal dari PK {pk.tahun}, bukan {skp.tahun}."
    if not skp.organisasi.jalur.startswith(pk.organisasi.jalur):
        return (
            f"Indikator PK milik {pk.organisasi.nama}; SKP {skp.pegawai.nama} hanya dapat "
            f"mendukung PK {skp.organisasi.nama} atau unit di atasnya."
        )
    return None


def _periksa_indikator(daftar: Iterable[IsianIndikator]) -> tuple[list[dict], dict]:
    bersih, galat = [], {}
    for i, ind in enumerate(daftar, start=1):
        label = f"Indikator {i}"
        if ind.aspek not in AspekIndikator.values:
            galat[f"indikator.{i}.aspek"] = (
                f"{label}: aspek '{ind.aspek}' tidak dikenal; pilih kuantitas, kualitas atau waktu."
            )
        uraian = _teks(ind.uraian)
        if not uraian:
            galat[f"indikator.{i}.uraian"] = f"{label}: uraian wajib diisi."
        elif len(uraian) > 300:
            galat[f"indikator.{i}.uraian"] = f"{label}: uraian paling panjang 300 karakter."
        try:
            target = aturan.desimal(
                ind.target, _BATAS_TARGET, label=f"{label}: target", non_negatif=True
            )
            if target is None:
                galat[f"indikator.{i}.target"] = f"{label}: target wajib diisi."
        except DataTidakValid as e:
            galat[f"indikator.{i}.target"], target = e.pesan, None
        satuan = _teks(ind.satuan)
        if len(satuan) > 60:
            galat[f"indikator.{i}.satuan"] = f"{label}: satuan paling panjang 60 karakter."
        bersih.append({"aspek": ind.aspek, "uraian": uraian, "target": target, "satuan": satuan})
    if not bersih:
        galat["indikator"] = (
            "RHK memerlukan paling sedikit satu indikator (kuantitas, kualitas atau waktu)."
        )
    return bersih, galat


@transaction.atomic
def rhk_simpan(
    *,
    skp: SKP,
    aktor,
    uraian: str,
    indikator: list[IsianIndikator],
    jenis: str = JenisRHK.UTAMA,
    rhk_atasan: RHK | None = None,
    butir_pk: ButirPK | None = None,
    rhk: RHK | None = None,
) -> RHK:
    """Add (or change) an RHK with its indicators; its indicators are replaced as a whole."""
    skp = (
        SKP.objects.select_for_update(of=("self",))
        .select_related("pegawai__atasan", "organisasi")
        .get(pk=skp.pk)
    )
    _wajib_pengisi(aktor, skp.pegawai)
    _wajib_terbuka(skp)
    if rhk is not None and rhk.skp_id != skp.pk:
        raise ValidationError("RHK ini bukan bagian dari SKP tersebut.")
    galat: dict[str, str] = {}
    uraian = _teks(uraian)
    if not uraian:
        galat["uraian"] = "Uraian RHK wajib diisi."
    elif len(uraian) > URAIAN_MAKS:
        galat["uraian"] = f"Uraian RHK paling panjang {URAIAN_MAKS} karakter."
    if jenis not in JenisRHK.values:
        galat["jenis"] = f"Jenis RHK '{jenis}' tidak dikenal; pilih utama atau tambahan."
    if m := _periksa_rhk_atasan(skp, rhk_atasan):
        galat["rhk_atasan"] = m
    if m := _periksa_butir(skp, butir_pk):
        galat["butir_pk"] = m
    bersih, g = _periksa_indikator(indikator)
    galat |= g
    if galat:
        raise ValidationError(galat)
    if rhk is None:
        rhk = RHK(skp=skp, nomor=skp.rhk.count() + 1)
    rhk.uraian, rhk.jenis, rhk.rhk_atasan, rhk.butir_pk = uraian, jenis, rhk_atasan, butir_pk
    _catat_aktor(rhk, aktor)
    rhk.save()
    if rhk.indikator.filter(realisasi__isnull=False).exists():
        raise ValidationError(
            {"indikator": "Indikator RHK ini sudah berisi realisasi; ubah uraian saja."}
        )
    for lama in rhk.indikator.all():
        _catat_aktor(lama, aktor)
        lama.delete()
    for b in bersih:
        ind = IndikatorRHK(rhk=rhk, **b)
        _catat_aktor(ind, aktor)
        ind.save()
    return rhk


# --- realisasi ------------------------------------------------------------------------------


def periksa_periode(jenis_periode: str, ke, *, tahunan_boleh: bool) -> dict:
    galat = {}
    jenis = [PeriodeSKP.BULAN, PeriodeSKP.TRIWULAN] + ([PeriodeSKP.TAHUN] if tahunan_boleh else [])
    if jenis_periode not in jenis:
        pilihan = ", ".join(jenis)
        galat["jenis_periode"] = f"Jenis periode '{jenis_periode}' tidak dikenal; pilih {pilihan}."
        return galat
    n = JUMLAH_KE[jenis_periode]
    if not isinstance(ke, int) or isinstance(ke, bool) or not 1 <= ke <= n:
        galat["ke"] = (
            f"Periode ke- untuk {PeriodeSKP(jenis_periode).label.lower()} harus 1 sampai {n}."
        )
    return galat


def _periode_terkunci(skp: SKP, jenis_periode: str, ke: int) -> bool:
    """A realisasi is locked once the assessment of its period, of the quarter holding its
    month, or of the year is signed."""
    kunci = [(jenis_periode, ke), (PeriodeSKP.TAHUN, 1)]
    if jenis_periode == PeriodeSKP.BULAN:
        kunci.append((PeriodeSKP.TRIWULAN, (ke - 1) // 3 + 1))
    q = Q()
    for j, k in kunci:
        q |= Q(jenis_periode=j, ke=k)
    return skp.penilaian.filter(q, status=StatusPenilaian.DITANDATANGANI).exists()


@transaction.atomic
def realisasi_rhk_simpan(
    *, indikator: IndikatorRHK, jenis_periode: str, ke: int, nilai, aktor, keterangan: str = ""
) -> RealisasiRHK:
    """The employee's realisasi of an RHK indicator in a month or quarter."""
    indikator = IndikatorRHK.objects.select_related("rhk__skp__pegawai").get(pk=indikator.pk)
    skp = indikator.rhk.skp
    _wajib_pengisi(aktor, skp.pegawai)
    galat = periksa_periode(jenis_periode, ke, tahunan_boleh=False)
    try:
        x = aturan.desimal(nilai, _BATAS_NILAI, label="Realisasi", bidang="nilai", non_negatif=True)
        if x is None:
            galat["nilai"] = "Realisasi wajib diisi."
    except DataTidakValid as e:
        galat["nilai"], x = e.pesan, None
    keterangan = (keterangan or "").strip()
    if len(keterangan) > URAIAN_MAKS:
        galat["keterangan"] = f"Keterangan paling panjang {URAIAN_MAKS} karakter."
    if galat:
        raise ValidationError(galat)
    if _periode_terkunci(skp, jenis_periode, ke):
        raise ValidationError(
            "Penilaian periode ini sudah ditandatangani atasan; realisasinya tidak dapat diubah."
        )
    r = RealisasiRHK.objects.filter(indikator=indikator, jenis_periode=jenis_periode, ke=ke).first()
    r = r or RealisasiRHK(indikator=indikator, jenis_periode=jenis_periode, ke=ke)
    r.nilai, r.keterangan, r.diisi_oleh = x, keterangan, aktor
    _catat_aktor(r, aktor)
    r.save()
    return r


@transaction.atomic
def bukti_rhk_unggah(*, realisasi: RealisasiRHK, berkas, aktor) -> BuktiRHK:
    """Evidence of a realisasi RHK, with the same checks as the unit's bukti dukung."""
    realisasi = RealisasiRHK.objects.select_related("indikator__rhk__skp__pegawai").get(
        pk=realisasi.pk
    )
    skp = realisasi.indikator.rhk.skp
    _wajib_pengisi(aktor, skp.pegawai)
    if _periode_terkunci(skp, realisasi.jenis_periode, realisasi.ke):
        raise ValidationError(
            "Penilaian periode ini sudah ditandatangani; bukti tidak dapat ditambah."
        )
    isi, ekstensi = periksa_berkas_bukti(berkas)
    sha = hashlib.sha256(isi).hexdigest()
    b = BuktiRHK(
        realisasi=realisasi,
        nama_asli=berkas.name[:255],
        jenis_mime=JENIS_BUKTI[ekstensi],
        ukuran=len(isi),
        sha256=sha,
        diunggah_oleh=aktor,
    )
    b.berkas.save(f"{sha}.{ekstensi}", ContentFile(isi), save=False)
    b.save()
    return b


# --- assessment -----------------------------------------------------------------------------


def _bersih_umpan_balik(umpan_balik) -> tuple[dict, dict]:
    galat, bersih = {}, {}
    for kode, teks in (umpan_balik or {}).items():
        if kode not in rumus.KODE_BERAKHLAK:
            galat["umpan_balik"] = (
                f"'{kode}' bukan nilai dasar BerAKHLAK; pilih {', '.join(rumus.KODE_BERAKHLAK)}."
            )
            continue
        teks = (teks or "").strip()
        if len(teks) > URAIAN_MAKS:
            galat["umpan_balik"] = f"Umpan balik paling panjang {URAIAN_MAKS} karakter."
        elif teks:
            bersih[kode] = teks
    return bersih, galat


@transaction.atomic
def penilaian_simpan(
    *,
    skp: SKP,
    jenis_periode: str,
    ke: int,
    rating_hasil: str,
    rating_perilaku: str,
    aktor,
    umpan_balik: dict | None = None,
    catatan: str = "",
    tandatangani: bool = False,
) -> Penilaian:
    """The direct atasan rates hasil kerja and perilaku kerja of a period; the predikat comes
    from the engine (rumus.skp.predikat_kinerja). A signed assessment is locked."""
    skp = (
        SKP.objects.select_for_update(of=("self",)).select_related("pegawai__atasan").get(pk=skp.pk)
    )
    alasan = izin.alasan_tidak_menilai(aktor, skp.pegawai)
    if alasan:
        raise PermissionDenied(alasan)
    galat = periksa_periode(jenis_periode, ke, tahunan_boleh=True)
    for bidang, nilai, label in (
        ("rating_hasil", rating_hasil, "Rating hasil kerja"),
        ("rating_perilaku", rating_perilaku, "Rating perilaku kerja"),
    ):
        try:
            rumus.periksa_rating(nilai, label=label)
        except DataTidakValid as e:
            galat[bidang] = e.pesan
    umpan, g = _bersih_umpan_balik(umpan_balik)
    galat |= g
    catatan = (catatan or "").strip()
    if len(catatan) > URAIAN_MAKS:
        galat["catatan"] = f"Catatan paling panjang {URAIAN_MAKS} karakter."
    if galat:
        raise ValidationError(galat)
    p = (
        Penilaian.objects.select_for_update(of=("self",))
        .filter(skp=skp, jenis_periode=jenis_periode, ke=ke)
        .first()
    )
    if p is not None and p.ditandatangani:
        raise ValidationError(
            f"Penilaian {PeriodeSKP(jenis_periode).label.lower()} ke-{ke} SKP {skp.tahun} "
            f"{skp.pegawai.nama} sudah ditandatangani pada "
            f"{timezone.localtime(p.ditandatangani_pada):%d-%m-%Y}; penilaian yang "
            "ditandatangani terkunci dan tidak dapat diubah."
        )
    p = p or Penilaian(skp=skp, jenis_periode=jenis_periode, ke=ke)
    p.rating_hasil, p.rating_perilaku = rating_hasil, rating_perilaku
    p.predikat = rumus.predikat_kinerja(rating_hasil, rating_perilaku)
    p.umpan_balik, p.catatan = umpan, catatan
    p.penilai, p.dinilai_oleh = izin.pegawai_pengguna(aktor), aktor
    if tandatangani:
        p.status, p.ditandatangani_pada = StatusPenilaian.DITANDATANGANI, timezone.now()
    _catat_aktor(p, aktor)
    p.save()
    return p


@transaction.atomic
def penilaian_tandatangani(*, penilaian: Penilaian, aktor) -> Penilaian:
    p = (
        Penilaian.objects.select_for_update(of=("self",))
        .select_related("skp__pegawai__atasan")
        .get(pk=penilaian.pk)
    )
    alasan = izin.alasan_tidak_menilai(aktor, p.skp.pegawai)
    if alasan:
        raise PermissionDenied(alasan)
    if p.ditandatangani:
        raise ValidationError("Penilaian ini sudah ditandatangani dan terkunci.")
    p.status, p.ditandatangani_pada = StatusPenilaian.DITANDATANGANI, timezone.now()
    _catat_aktor(p, aktor)
    p.save()
    return p
