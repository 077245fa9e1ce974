"""Reading an uploaded workbook into a plan: every row validated, each with its action.

The plan is the dry run: `layanan.py` applies it, and re-plans first so an apply always
validates against the data as it is at that moment. Row numbers are Excel's own.

PK targets (docs/keputusan/0019-penyusunan-pk.md, addendum): a draft PK takes new lines and
changed targets as they are; in a signed PK only the number target of an 'Angka' or 'Tepat'
line may change, and those changes together become one numbered revision (`pk_revisi`, with
the legal basis and reason the user gives when applying). Anything else that would change a
signed PK is a row error naming the column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Max

from kinerja.angka import angka as _angka_id
from kinerja.angka import tanggal as _tanggal
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.layanan import periksa_isian
from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.perencanaan.layanan import JENIS_DAPAT_DIREVISI
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    JenisTarget,
    PerjanjianKinerja,
    RevisiPK,
    StatusPK,
    TargetPeriode,
)
from kinerja.pertukaran.berkas import buka_buku
from kinerja.pertukaran.sel import CONTOH, BukanAngka, baca_angka
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode, label_pendek

LEMBAR_REALISASI = "Realisasi"
LEMBAR_TARGET = "Target PK"
KOLOM_INDIKATOR = ["id_indikator", "kode_indikator", "nama_indikator"]
KOLOM_REALISASI = [
    *KOLOM_INDIKATOR,
    "tahun",
    "jenis_periode",
    "ke",
    "nilai",
    "nilai_teks",
    "pembilang",
    "penyebut",
    "penjelasan",
]
KOLOM_TARGET = [
    *KOLOM_INDIKATOR,
    "tahun",
    "target",
    "target_bawah",
    "target_atas",
    "target_teks",
]
LEMBAR_TARGET_PERIODE = "Target periode"
KOLOM_TARGET_PERIODE = [
    *KOLOM_INDIKATOR, "tahun", "jenis_periode", "ke", "periode", "target",
]  # fmt: skip
WAJIB = {
    LEMBAR_REALISASI: ["tahun", "jenis_periode", "ke"],
    LEMBAR_TARGET: ["tahun"],
    LEMBAR_TARGET_PERIODE: ["tahun", "jenis_periode", "ke", "target"],
}
MAKS_BARIS = 10_000
# the service's field names that are not the column's
_KOLOM_LAYANAN = {k: k for k in KOLOM_REALISASI} | {"__all__": None}
CARI_JUDUL = 10  # the header row is looked for in the first rows

BARU, UBAH, TETAP = "baru", "ubah", "tanpa perubahan"


@dataclass
class Galat:
    lembar: str
    baris: int | None
    kolom: str | None
    pesan: str

    def __str__(self) -> str:
        letak = f"Lembar '{self.lembar}'"
        if self.baris:
            letak += f", baris {self.baris}"
        if self.kolom:
            letak += f", kolom '{self.kolom}'"
        return f"{letak}: {self.pesan}"


@dataclass
class BarisImpor:
    baris: int
    indikator: Indikator
    uraian: str  # the period or "Target <tahun>"
    aksi: str
    data: dict
    perubahan: dict = field(default_factory=dict)  # kolom -> (lama, baru)

    @property
    def perubahan_teks(self) -> list[tuple[str, str, str]]:
        """(kolom, lama, baru) in Indonesian display form, for the preview."""
        return [(k, _tampil(a), _tampil(b)) for k, (a, b) in self.perubahan.items()]


@dataclass
class RevisiImpor:
    """The revision a PK-target import of a signed PK would record (or, once applied, did)."""

    pk: PerjanjianKinerja
    nomor: int  # the next revision number; after the apply, the number recorded
    jumlah: int = 0  # changed targets
    revisi: RevisiPK | None = None  # set by the apply


@dataclass
class Rencana:
    jenis: str  # "realisasi" or "target"
    nama_berkas: str
    baris: list[BarisImpor] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    dilewati: int = 0  # empty rows (e.g. unfilled template rows)
    # PK targets of a signed PK: the changes form this revision (None otherwise)
    revisi: RevisiImpor | None = None
    # the apply's errors in the revision fields (dasar_hukum, alasan, tanggal): the file
    # itself is valid, the user corrects the form and applies again without re-uploading
    galat_revisi: dict[str, list[str]] = field(default_factory=dict)

    @property
    def sah(self) -> bool:
        return not self.galat

    @property
    def ringkasan(self) -> dict[str, int]:
        hitung = {BARU: 0, UBAH: 0, TETAP: 0}
        for b in self.baris:
            hitung[b.aksi] += 1
        return hitung

    @property
    def jumlah_tetap(self) -> int:
        return self.ringkasan[TETAP]

    @property
    def ada_perubahan(self) -> bool:
        return any(b.aksi != TETAP for b in self.baris)


def angka_tampil(x: Decimal) -> str:
    """Every decimal the value has (up to 6), Indonesian form: 97.46 -> '97,46'."""
    eksponen = x.normalize().as_tuple().exponent
    return _angka_id(x, min(max(-eksponen, 0), 6) if isinstance(eksponen, int) else 2)


def _tampil(x) -> str:
    if x is None or x == "":
        return "(kosong)"
    return angka_tampil(x) if isinstance(x, Decimal) else str(x)


# --- cells --------------------------------------------------------------------------------


def _norm_judul(x) -> str:
    return str(x or "").strip().lower().replace(" ", "_")


def _teks(x) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        try:
            return format(baca_angka(x), "f")
        except BukanAngka:  # NaN, infinity, too large or too precise: the column says why
            return repr(x)
    return str(x).strip()


def _bulat(x) -> int | None:
    """A whole number from a cell: 2024, 2024.0 or "2024"."""
    if x is None or (isinstance(x, str) and not x.strip()):
        return None
    try:
        d = baca_angka(x)
    except BukanAngka:
        raise BukanAngka(f"'{x}' bukan bilangan bulat (contoh: 2)") from None
    if d != d.to_integral_value():
        raise BukanAngka(f"'{x}' bukan bilangan bulat (contoh: 2)")
    return int(d)


# --- sheet --------------------------------------------------------------------------------


class _Lembar:
    """One sheet's rows as dicts keyed by the known header names, with Excel row numbers."""

    def __init__(self, buku, nama: str, kolom: list[str], galat: list[Galat]):
        self.nama, self.galat, self.baris = nama, galat, []
        ws = next((buku[n] for n in buku.sheetnames if n.strip().lower() == nama.lower()), None)
        if ws is None and len(buku.sheetnames) == 1:
            ws = buku[buku.sheetnames[0]]
        if ws is None:
            ada = ", ".join(f"'{n}'" for n in buku.sheetnames)
            galat.append(
                Galat(nama, None, None, f"lembar ini tidak ada di berkas (lembar yang ada: {ada}).")
            )
            return
        self.nama = ws.title
        baris_judul, posisi = None, {}
        rows = ws.iter_rows(values_only=True)
        for nomor, isi in enumerate(rows, start=1):
            if baris_judul is None:
                judul = [_norm_judul(x) for x in isi]
                if "tahun" in judul and any(k in judul for k in KOLOM_INDIKATOR):
                    baris_judul = nomor
                    posisi = {k: judul.index(k) for k in kolom if k in judul}
                elif nomor >= CARI_JUDUL:
                    break
                continue
            if all(x is None or (isinstance(x, str) and not x.strip()) for x in isi):
                continue
            if len(self.baris) >= MAKS_BARIS:
                galat.append(
                    Galat(
                        self.nama,
                        nomor,
                        None,
                        f"lebih dari {MAKS_BARIS} baris data; pisahkan menjadi beberapa berkas.",
                    )
                )
                break
            self.baris.append(
                (nomor, {k: (isi[i] if i < len(isi) else None) for k, i in posisi.items()})
            )
        if baris_judul is None:
            galat.append(
                Galat(
                    self.nama,
                    None,
                    None,
                    f"baris judul kolom tidak ditemukan di {CARI_JUDUL} baris pertama; "
                    f"baris judul harus memuat 'tahun' dan 'id_indikator' atau 'kode_indikator' "
                    f"(gunakan templat unduhan).",
                )
            )
            return
        hilang = [k for k in WAJIB.get(nama, []) if k not in posisi]
        if hilang:
            daftar = ", ".join(f"'{k}'" for k in hilang)
            galat.append(
                Galat(self.nama, baris_judul, None, f"kolom {daftar} tidak ada di baris judul.")
            )
            self.baris = []


class _CariIndikator:
    """Finds a row's indicator among the organisation's: by id, else kode, else exact nama."""

    def __init__(self, organisasi: Organisasi):
        self.semua = list(Indikator.objects.filter(organisasi=organisasi).select_related("sasaran"))
        self.per_id = {i.pk: i for i in self.semua}
        self.organisasi = organisasi

    def cari(self, data: dict) -> tuple[Indikator | None, str, str]:
        """(indikator, kolom, pesan galat)."""
        id_teks = data.get("id_indikator")
        kode = _teks(data.get("kode_indikator"))
        nama = _teks(data.get("nama_indikator"))
        if id_teks not in (None, ""):
            try:
                pk = _bulat(id_teks)
            except BukanAngka as e:
                return None, "id_indikator", str(e)
            ind = self.per_id.get(pk)
            if ind is None:
                return (
                    None,
                    "id_indikator",
                    f"indikator {pk} bukan indikator {self.organisasi}; "
                    "salin id dari lembar 'Indikator' templat.",
                )
            if kode and ind.kode and kode != ind.kode:
                return (
                    None,
                    "kode_indikator",
                    f"'{kode}' tidak cocok dengan id_indikator {pk} (kode {ind.kode}).",
                )
            return ind, "", ""
        for kolom, isi, cocok in (
            ("kode_indikator", kode, lambda i: i.kode == kode),
            ("nama_indikator", nama, lambda i: i.nama.strip() == nama),
        ):
            if not isi:
                continue
            calon = [i for i in self.semua if cocok(i)]
            if len(calon) == 1:
                return calon[0], "", ""
            if not calon:
                return None, kolom, f"'{isi}' bukan indikator {self.organisasi}."
            return None, kolom, f"'{isi}' cocok dengan {len(calon)} indikator; isi id_indikator."
        return (
            None,
            "id_indikator",
            "kosong; isi id_indikator, kode_indikator atau nama_indikator.",
        )


def _sama(a, b) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a == b
    return (a if a not in (None, "") else None) == (b if b not in (None, "") else None)


def _buka(isi: bytes, nama_berkas: str, galat: list[Galat], lembar: str):
    try:
        return buka_buku(isi, nama_berkas)
    except ValidationError as e:
        galat.append(Galat(lembar, None, None, " ".join(e.messages)))
        return None


def _angka_baris(data, kolom, nomor, lembar, galat, *, non_negatif=False) -> Decimal | None:
    try:
        x = baca_angka(data.get(kolom))
    except BukanAngka as e:
        galat.append(Galat(lembar, nomor, kolom, str(e)))
        return None
    if x is not None and non_negatif and x < 0:
        galat.append(
            Galat(
                lembar,
                nomor,
                kolom,
                f"'{data.get(kolom)}' negatif; target tidak boleh negatif ({CONTOH}).",
            )
        )
        return None
    return x


def _tahun_baris(data, nomor, lembar, galat, tahun) -> bool:
    try:
        t = _bulat(data.get("tahun"))
    except BukanAngka as e:
        galat.append(Galat(lembar, nomor, "tahun", str(e)))
        return False
    if t != tahun:
        pesan = (
            f"kosong; isi {tahun}."
            if t is None
            else f"{t} bukan tahun halaman ini (harus {tahun}); impor tahun lain dari halaman tahun itu."
        )
        galat.append(Galat(lembar, nomor, "tahun", pesan))
        return False
    return True


# --- realisasi ----------------------------------------------------------------------------


def rencana_realisasi(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str
) -> Rencana:
    """Dry run of a realisasi import: what each row would do, and every error."""
    rencana = Rencana("realisasi", nama_berkas)
    galat = rencana.galat
    buku = _buka(isi, nama_berkas, galat, LEMBAR_REALISASI)
    if buku is None:
        return rencana
    lembar = _Lembar(buku, LEMBAR_REALISASI, KOLOM_REALISASI, galat)
    nl = lembar.nama
    cari = _CariIndikator(organisasi)
    ada = {
        (r.indikator_id, r.jenis_periode, r.ke): r
        for r in Realisasi.objects.filter(organisasi=organisasi, tahun=tahun)
    }
    dilihat: dict[tuple, int] = {}
    for nomor, data in lembar.baris:
        isian = ("nilai", "nilai_teks", "pembilang", "penyebut", "penjelasan")
        if all(_teks(data.get(k)) == "" for k in isian):
            rencana.dilewati += 1
            continue
        jumlah_galat = len(galat)
        ind, kolom, pesan = cari.cari(data)
        if ind is None:
            galat.append(Galat(nl, nomor, kolom, pesan))
        _tahun_baris(data, nomor, nl, galat, tahun)
        jenis = _teks(data.get("jenis_periode")).lower()
        ke = None
        if jenis not in JUMLAH_PERIODE:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "jenis_periode",
                    f"'{jenis}' tidak dikenal (pilih: bulan, triwulan, semester, tahun).",
                )
            )
        elif ind is not None and jenis not in (ind.frekuensi, "tahun"):
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "jenis_periode",
                    f"'{jenis}' tidak sesuai frekuensi indikator ({ind.get_frekuensi_display()}); "
                    f"isi '{ind.frekuensi}' atau 'tahun'.",
                )
            )
        else:
            try:
                ke = _bulat(data.get("ke"))
                if ke is None:
                    ke = 1 if jenis == "tahun" else None
                if ke is None:
                    raise BukanAngka(f"kosong; isi 1-{JUMLAH_PERIODE[jenis]}")
                Periode(jenis=jenis, tahun=tahun, ke=ke)
            except BukanAngka as e:
                galat.append(Galat(nl, nomor, "ke", str(e)))
                ke = None
            except ValueError as e:  # DataTidakValid from Periode
                galat.append(
                    Galat(nl, nomor, "ke", getattr(e, "pesan", str(e)).split(": ", 1)[-1] + ".")
                )
                ke = None
        nilai = _angka_baris(data, "nilai", nomor, nl, galat)
        pembilang = _angka_baris(data, "pembilang", nomor, nl, galat)
        penyebut = _angka_baris(data, "penyebut", nomor, nl, galat)
        nilai_teks = _teks(data.get("nilai_teks"))
        penjelasan = _teks(data.get("penjelasan"))
        rasio = ind is not None and ind.rasio and (pembilang is not None or penyebut is not None)
        if rasio:
            if pembilang is None or penyebut is None:
                kosong = "pembilang" if pembilang is None else "penyebut"
                galat.append(
                    Galat(
                        nl,
                        nomor,
                        kosong,
                        "kosong; indikator rasio memerlukan pembilang dan penyebut sekaligus.",
                    )
                )
            elif penyebut == 0:
                galat.append(Galat(nl, nomor, "penyebut", "0; penyebut tidak boleh nol."))
        elif nilai is None and not nilai_teks and len(galat) == jumlah_galat:
            galat.append(
                Galat(
                    nl, nomor, "nilai", f"kosong; isi nilai ({CONTOH}) atau pembilang dan penyebut."
                )
            )
        if len(galat) > jumlah_galat or ind is None or ke is None:
            continue
        try:  # the rules the form and the API apply too (scale, period type, lengths)
            periksa_isian(
                indikator=ind, tahun=tahun, jenis_periode=jenis, ke=ke, nilai=nilai,
                nilai_teks=nilai_teks, pembilang=pembilang, penyebut=penyebut,
                penjelasan=penjelasan,
            )  # fmt: skip
        except ValidationError as e:
            for kolom, pesan in e.message_dict.items():
                galat.extend(Galat(nl, nomor, _KOLOM_LAYANAN.get(kolom), p) for p in pesan)
            continue
        kunci = (ind.pk, jenis, ke)
        periode = Periode(jenis=jenis, tahun=tahun, ke=ke).label
        if kunci in dilihat:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    None,
                    f"duplikat baris {dilihat[kunci]} ({ind.nama[:60]}, {periode}); hapus salah satunya.",
                )
            )
            continue
        dilihat[kunci] = nomor
        data_baru = {
            "nilai": nilai,
            "nilai_teks": nilai_teks,
            "pembilang": pembilang,
            "penyebut": penyebut,
            "penjelasan": penjelasan,
        }
        lama = ada.get(kunci)
        perubahan = {}
        for k, v in data_baru.items():
            if rasio and k == "nilai":
                continue  # computed from pembilang/penyebut by the service
            sebelum = getattr(lama, k) if lama else None
            if lama is None or not _sama(sebelum, v):
                if lama is None and v in (None, ""):
                    continue
                perubahan[k] = (sebelum, v)
        aksi = BARU if lama is None else (UBAH if perubahan else TETAP)
        if aksi == UBAH and lama.status in (StatusRealisasi.DIVERIFIKASI, StatusRealisasi.DIAJUKAN):
            sebab = (
                "sudah diverifikasi dan terkunci; minta verifikator membukanya kembali"
                if lama.status == StatusRealisasi.DIVERIFIKASI
                else "sedang diajukan (menunggu verifikasi); tunggu hasilnya atau minta dikembalikan"
            )
            kolom = next(iter(perubahan))
            galat.append(
                Galat(
                    nl,
                    nomor,
                    kolom,
                    f"realisasi {ind.nama[:60]} {periode} {sebab}; baris ini tidak boleh mengubahnya.",
                )
            )
            continue
        rencana.baris.append(
            BarisImpor(
                baris=nomor,
                indikator=ind,
                uraian=periode,
                aksi=aksi,
                data={"jenis_periode": jenis, "ke": ke, **data_baru},
                perubahan=perubahan,
            )
        )
    return rencana


# --- PK targets ---------------------------------------------------------------------------


def rencana_target(*, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str) -> Rencana:
    """Dry run of a PK-target import for the organisation's PK of `tahun`."""
    rencana = Rencana("target", nama_berkas)
    galat = rencana.galat
    pk = PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun=tahun).first()
    if pk is None:
        galat.append(
            Galat(
                LEMBAR_TARGET,
                None,
                None,
                f"Perjanjian Kinerja {organisasi} tahun {tahun} belum dibuat; buat PK-nya dulu.",
            )
        )
        return rencana
    ditandatangani = pk.status == StatusPK.DITANDATANGANI
    buku = _buka(isi, nama_berkas, galat, LEMBAR_TARGET)
    if buku is None:
        return rencana
    lembar = _Lembar(buku, LEMBAR_TARGET, KOLOM_TARGET, galat)
    nl = lembar.nama
    cari = _CariIndikator(organisasi)
    ada = {b.indikator_id: b for b in ButirPK.objects.filter(pk_dokumen=pk)}
    dilihat: dict[int, int] = {}
    for nomor, data in lembar.baris:
        isian = ("target", "target_bawah", "target_atas", "target_teks")
        if all(_teks(data.get(k)) == "" for k in isian):
            rencana.dilewati += 1
            continue
        jumlah_galat = len(galat)
        ind, kolom, pesan = cari.cari(data)
        if ind is None:
            galat.append(Galat(nl, nomor, kolom, pesan))
        _tahun_baris(data, nomor, nl, galat, tahun)
        nilai = {k: _angka_baris(data, k, nomor, nl, galat, non_negatif=True) for k in isian[:3]}
        target_teks = _teks(data.get("target_teks"))
        if len(galat) > jumlah_galat or ind is None:
            continue
        jt = ind.jenis_target
        if jt == JenisTarget.KUALITATIF and not target_teks:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "target_teks",
                    "kosong; indikator kualitatif memerlukan target berupa label (contoh: WTP).",
                )
            )
        elif jt == JenisTarget.RENTANG:
            if nilai["target_bawah"] is None or nilai["target_atas"] is None:
                k = "target_bawah" if nilai["target_bawah"] is None else "target_atas"
                galat.append(
                    Galat(
                        nl,
                        nomor,
                        k,
                        "kosong; target rentang memerlukan target_bawah dan target_atas (contoh: 2,5 dan 3,5).",
                    )
                )
            elif nilai["target_bawah"] > nilai["target_atas"]:
                galat.append(Galat(nl, nomor, "target_atas", "lebih kecil daripada target_bawah."))
        elif jt in (JenisTarget.BIASA, JenisTarget.TEPAT) and nilai["target"] is None:
            galat.append(Galat(nl, nomor, "target", f"kosong; isi target ({CONTOH})."))
        if len(galat) > jumlah_galat:
            continue
        if ind.pk in dilihat:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    None,
                    f"duplikat baris {dilihat[ind.pk]} ({ind.nama[:60]}); hapus salah satunya.",
                )
            )
            continue
        dilihat[ind.pk] = nomor
        data_baru = {**nilai, "target_teks": target_teks}
        lama = ada.get(ind.pk)
        perubahan = {
            k: (getattr(lama, k) if lama else None, v)
            for k, v in data_baru.items()
            if (lama is None and v not in (None, ""))
            or (lama is not None and not _sama(getattr(lama, k), v))
        }
        aksi = BARU if lama is None else (UBAH if perubahan else TETAP)
        if ditandatangani and aksi != TETAP:
            kolom, pesan = _tolak_ditandatangani(pk, ind, lama, perubahan)
            if pesan:
                galat.append(Galat(nl, nomor, kolom, pesan))
                continue
        rencana.baris.append(BarisImpor(nomor, ind, f"Target {tahun}", aksi, data_baru, perubahan))
    if ditandatangani:
        jumlah = sum(1 for b in rencana.baris if b.aksi == UBAH)
        if jumlah:
            akhir = RevisiPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("nomor"))["m"] or 0
            rencana.revisi = RevisiImpor(pk=pk, nomor=akhir + 1, jumlah=jumlah)
    return rencana


# --- PK targets per period (docs/keputusan/0037-target-periode.md) ------------------------


def rencana_target_periode(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str
) -> Rencana:
    """Dry run of a period-target import ('Target periode' sheet) for the year's PK: each
    row one period of one PK line (the indicator's frequency, numeric single target). An
    empty target is skipped, never a removal. On a signed PK the changes form one revision."""
    rencana = Rencana("target_periode", nama_berkas)
    galat = rencana.galat
    nl = LEMBAR_TARGET_PERIODE
    pk = PerjanjianKinerja.objects.filter(organisasi=organisasi, tahun=tahun).first()
    if pk is None:
        galat.append(
            Galat(
                nl,
                None,
                None,
                f"Perjanjian Kinerja {organisasi} tahun {tahun} belum dibuat; buat PK-nya dulu.",
            )
        )
        return rencana
    buku = _buka(isi, nama_berkas, galat, nl)
    if buku is None:
        return rencana
    lembar = _Lembar(buku, nl, KOLOM_TARGET_PERIODE, galat)
    nl = lembar.nama
    cari = _CariIndikator(organisasi)
    butir = {b.indikator_id: b for b in ButirPK.objects.filter(pk_dokumen=pk)}
    ada = {
        (t.butir_id, t.jenis_periode, t.ke): t.target
        for t in TargetPeriode.objects.filter(butir__pk_dokumen=pk)
    }
    dilihat: dict[tuple[int, int], int] = {}
    for nomor, data in lembar.baris:
        if _teks(data.get("target")) == "":
            rencana.dilewati += 1
            continue
        jumlah_galat = len(galat)
        ind, kolom, pesan = cari.cari(data)
        if ind is None:
            galat.append(Galat(nl, nomor, kolom, pesan))
        _tahun_baris(data, nomor, nl, galat, tahun)
        target = _angka_baris(data, "target", nomor, nl, galat, non_negatif=True)
        jenis = _teks(data.get("jenis_periode")).lower()
        try:
            ke = _bulat(data.get("ke"))
        except BukanAngka as e:
            galat.append(Galat(nl, nomor, "ke", str(e)))
            ke = None
        if len(galat) > jumlah_galat or ind is None:
            continue
        b = butir.get(ind.pk)
        if b is None:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "id_indikator",
                    f"indikator '{ind.nama[:60]}' tidak ada di Perjanjian Kinerja {tahun}; tambahkan butirnya dulu.",
                )
            )
            continue
        frek = ind.frekuensi
        if frek not in JUMLAH_PERIODE or frek == "tahun":
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "jenis_periode",
                    f"indikator '{ind.nama[:60]}' diukur tahunan: target per periode tidak berlaku.",
                )
            )
            continue
        if jenis != frek:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "jenis_periode",
                    f"'{jenis or '(kosong)'}' bukan periode indikator ini; indikator diukur per {frek}.",
                )
            )
            continue
        n = JUMLAH_PERIODE[frek]
        if ke is None or not 1 <= ke <= n:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "ke",
                    f"{frek} ke-{ke if ke is not None else '(kosong)'} tidak ada (harus 1-{n}).",
                )
            )
            continue
        if ind.jenis_target not in JENIS_DAPAT_DIREVISI:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    "target",
                    f"target {ind.get_jenis_target_display().lower()} tidak memiliki target per periode; hanya target angka tunggal.",
                )
            )
            continue
        if (b.pk, ke) in dilihat:
            galat.append(
                Galat(
                    nl,
                    nomor,
                    None,
                    f"duplikat baris {dilihat[(b.pk, ke)]} ({ind.nama[:60]}, {label_pendek(frek, ke)}); hapus salah satunya.",
                )
            )
            continue
        dilihat[(b.pk, ke)] = nomor
        lama = ada.get((b.pk, frek, ke))
        aksi = BARU if lama is None else (TETAP if lama == target else UBAH)
        perubahan = {} if aksi == TETAP else {"target": (lama, target)}
        rencana.baris.append(
            BarisImpor(nomor, ind, f"{label_pendek(frek, ke)} {tahun}", aksi,
                       {"butir": b.pk, "ke": ke, "target": target}, perubahan)
        )  # fmt: skip
    if pk.status == StatusPK.DITANDATANGANI and rencana.ada_perubahan:
        akhir = RevisiPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("nomor"))["m"] or 0
        jumlah = sum(1 for b in rencana.baris if b.aksi != TETAP)
        rencana.revisi = RevisiImpor(pk=pk, nomor=akhir + 1, jumlah=jumlah)
    return rencana


def _tolak_ditandatangani(
    pk: PerjanjianKinerja, ind: Indikator, lama: ButirPK | None, perubahan: dict
) -> tuple[str | None, str]:
    """(kolom, pesan) when a row would change a signed PK in a way a revision cannot
    record; ("", "") when the row is a revisable change of the number target."""
    dok = f"Perjanjian Kinerja {pk.tahun}"
    tgl = f" pada {_tanggal(pk.tanggal)}" if pk.tanggal else ""
    if lama is None:
        return next(iter(perubahan), None), (
            f"indikator '{ind.nama[:60]}' tidak ada di {dok}, yang sudah ditandatangani{tgl}; "
            "butir baru tidak dapat ditambahkan setelah penandatanganan (hanya target angka "
            "yang dapat direvisi). Kosongkan baris ini."
        )
    if ind.jenis_target not in JENIS_DAPAT_DIREVISI:
        k, (a, _) = next(iter(perubahan.items()))
        return k, (
            f"{dok} sudah ditandatangani{tgl}: target "
            f"{ind.get_jenis_target_display().lower()} tidak dapat diubah lewat impor maupun "
            f"revisi (revisi hanya untuk target angka); {_semula(a)}."
        )
    lain = [k for k in perubahan if k != "target"]
    if lain:
        k = lain[0]
        return k, (
            f"{dok} sudah ditandatangani{tgl}: hanya kolom 'target' yang dapat direvisi; "
            f"kolom ini tidak dipakai indikator bertarget "
            f"'{ind.get_jenis_target_display()}', {_semula(perubahan[k][0])}."
        )
    return "", ""


def _semula(x) -> str:
    if x is None or x == "":
        return "kosongkan kolom ini"
    return f"kembalikan ke nilai semula ({_tampil(x)})"
