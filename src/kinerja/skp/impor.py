"""Import of employees from Excel, like the other imports (`kinerja.pertukaran`): the upload
checks of `pertukaran.berkas`, a dry run that lists every row with its action and every error
with its row and column, and an apply that is all or nothing.

The dry run IS the apply inside a transaction that is always rolled back: every row goes
through the same rule as the form and the API (`layanan.periksa_data_pegawai`), atasan first
(an atasan may be a row of the same file, found by NIP), so the preview cannot promise what
the apply would refuse. A NIP already in the system updates that employee (when they work in
the page's unit or below); a NIP twice in the file is an error on the second row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.organisasi.models import Organisasi
from kinerja.pertukaran.berkas import buka_buku
from kinerja.pertukaran.impor import Galat
from kinerja.skp import izin
from kinerja.skp.layanan import DataPegawai, _catat_aktor, periksa_data_pegawai, periksa_nip
from kinerja.skp.models import JenisJabatan, Pegawai

LEMBAR = "Pegawai"
KOLOM = ["nip", "nama", "golongan", "jabatan", "jenis_jabatan", "unit", "nip_atasan", "akun"]
WAJIB = ["nip", "nama", "jabatan", "jenis_jabatan", "unit"]
MAKS_BARIS = 10_000
CARI_JUDUL = 10
BARU, UBAH, TETAP = "baru", "ubah", "tanpa perubahan"
# the service's field names that are not the column's
_KOLOM_LAYANAN = {"atasan": "nip_atasan", "organisasi": "unit", "pengguna": "akun"}


@dataclass
class BarisPegawai:
    baris: int
    nip: str
    nama: str
    aksi: str = BARU


@dataclass
class RencanaPegawai:
    nama_berkas: str
    baris: list[BarisPegawai] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)

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
    def ada_perubahan(self) -> bool:
        return any(b.aksi != TETAP for b in self.baris)


class _Batal(Exception):
    """Rolls the dry run (or a failed apply) back."""


def _sel_teks(x) -> str:
    if x is None:
        return ""
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, int):
        return str(x)
    return " ".join(str(x).split())


def _sel_nip(x) -> tuple[str, str | None]:
    if isinstance(x, float):
        # Excel keeps 15 significant digits: an 18-digit NIP typed as a number is already lost
        return repr(x), (
            "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format "
            "kolom NIP sebagai teks lalu ketik ulang 18 digitnya."
        )
    nip, masalah = periksa_nip(_sel_teks(x))
    return nip, (f"NIP {masalah}" if masalah else None)


def _jenis(x: str) -> str | None:
    t = x.strip().lower().replace("jabatan ", "").replace(" ", "_").replace("/", "_")
    for v, label in JenisJabatan.choices:
        if t in (v, label.lower().replace("jabatan ", "").replace(" ", "_")):
            return v
    return None


def _baca(isi: bytes, nama_berkas: str, galat: list[Galat]) -> list[tuple[int, dict]]:
    try:
        buku = buka_buku(isi, nama_berkas)
    except ValidationError as e:
        galat.append(Galat(LEMBAR, None, None, " ".join(e.messages)))
        return []
    ws = next((buku[n] for n in buku.sheetnames if n.strip().lower() == LEMBAR.lower()), None)
    if ws is None and len(buku.sheetnames) == 1:
        ws = buku[buku.sheetnames[0]]
    if ws is None:
        ada = ", ".join(f"'{n}'" for n in buku.sheetnames)
        galat.append(
            Galat(LEMBAR, None, None, f"lembar ini tidak ada di berkas (yang ada: {ada}).")
        )
        return []
    hasil, posisi, judul_di = [], None, None
    for nomor, isi_baris in enumerate(ws.iter_rows(values_only=True), start=1):
        if posisi is None:
            judul = [str(x or "").strip().lower().replace(" ", "_") for x in isi_baris]
            if "nip" in judul and "nama" in judul:
                posisi, judul_di = {k: judul.index(k) for k in KOLOM if k in judul}, nomor
            elif nomor >= CARI_JUDUL:
                break
            continue
        if all(x is None or (isinstance(x, str) and not x.strip()) for x in isi_baris):
            continue
        if len(hasil) >= MAKS_BARIS:
            galat.append(Galat(ws.title, nomor, None, f"lebih dari {MAKS_BARIS} baris data."))
            break
        hasil.append(
            (nomor, {k: isi_baris[i] if i < len(isi_baris) else None for k, i in posisi.items()})
        )
    if posisi is None:
        galat.append(
            Galat(
                ws.title,
                None,
                None,
                f"baris judul kolom tidak ditemukan di {CARI_JUDUL} baris pertama; baris judul "
                f"memuat {', '.join(KOLOM)} (gunakan templat unduhan).",
            )
        )
        return []
    hilang = [k for k in WAJIB if k not in posisi]
    if hilang:
        galat.append(
            Galat(ws.title, judul_di, None, f"kolom {', '.join(hilang)} tidak ada di baris judul.")
        )
        return []
    return hasil


def _urut_atasan(baris: dict[str, tuple[int, dict]]) -> tuple[list[str], set[str]]:
    """NIPs in an order where every atasan in the file comes before its staff; the NIPs on a
    cycle are returned separately."""
    urutan, status = [], {}
    melingkar: set[str] = set()
    for awal in baris:
        jalur = []
        nip = awal
        while nip in baris and status.get(nip) is None:
            status[nip] = "proses"
            jalur.append(nip)
            nip = _sel_teks(baris[nip][1].get("nip_atasan"))
        if nip in baris and status.get(nip) == "proses":
            melingkar |= set(jalur[jalur.index(nip) :])
        for n in reversed(jalur):
            status[n] = "selesai"
            urutan.append(n)
    return urutan, melingkar


def _jalankan(*, organisasi: Organisasi, isi: bytes, nama_berkas: str, aktor) -> RencanaPegawai:
    rencana = RencanaPegawai(nama_berkas=nama_berkas)
    galat = rencana.galat
    rows = _baca(isi, nama_berkas, galat)
    units = {o.slug: o for o in organisasi.turunan()}
    per_nama = {o.nama.lower(): o for o in units.values()}
    per_nip: dict[str, tuple[int, dict]] = {}
    for nomor, data in rows:
        nip, masalah = _sel_nip(data.get("nip"))
        if masalah:
            galat.append(Galat(LEMBAR, nomor, "nip", masalah))
            continue
        if nip in per_nip:
            galat.append(
                Galat(LEMBAR, nomor, "nip", f"NIP {nip} sudah ada di baris {per_nip[nip][0]}.")
            )
            continue
        per_nip[nip] = (nomor, data)
    urutan, melingkar = _urut_atasan(per_nip)
    lama = {
        p.nip: p for p in Pegawai.objects.filter(nip__in=list(per_nip)).select_related("organisasi")
    }
    tersimpan: dict[str, Pegawai] = {}
    for nip in urutan:
        nomor, data = per_nip[nip]
        galat_baris = len(galat)
        unit_teks = _sel_teks(data.get("unit"))
        org = units.get(unit_teks) or per_nama.get(unit_teks.lower())
        if org is None:
            galat.append(
                Galat(
                    LEMBAR,
                    nomor,
                    "unit",
                    f"'{unit_teks}' bukan unit {organisasi.nama} atau unit di bawahnya "
                    "(isi slug atau nama unit persis).",
                )
            )
        jenis_teks = _sel_teks(data.get("jenis_jabatan"))
        jenis = _jenis(jenis_teks) if jenis_teks else None
        if jenis is None:
            galat.append(
                Galat(
                    LEMBAR,
                    nomor,
                    "jenis_jabatan",
                    f"'{jenis_teks}' bukan jenis jabatan; isi salah satu: "
                    + ", ".join(v for v in JenisJabatan.values)
                    + ".",
                )
            )
        nip_atasan = _sel_teks(data.get("nip_atasan"))
        atasan = None
        if nip in melingkar:
            galat.append(
                Galat(LEMBAR, nomor, "nip_atasan", "rantai atasan melingkar di dalam berkas.")
            )
        elif nip_atasan:
            atasan = tersimpan.get(nip_atasan)
            if atasan is None and nip_atasan not in per_nip:
                atasan = Pegawai.objects.filter(nip=nip_atasan).select_related("organisasi").first()
            if atasan is None:
                galat.append(
                    Galat(
                        LEMBAR,
                        nomor,
                        "nip_atasan",
                        f"atasan dengan NIP '{nip_atasan}' tidak ditemukan di sistem maupun di "
                        "berkas ini (atau barisnya sendiri salah).",
                    )
                )
        akun = _sel_teks(data.get("akun"))
        pengguna = None
        if akun:
            from django.contrib.auth import get_user_model

            pengguna = get_user_model().objects.filter(username=akun).first()
            if pengguna is None:
                galat.append(Galat(LEMBAR, nomor, "akun", f"akun '{akun}' tidak ditemukan."))
        p = lama.get(nip)
        if p is not None and not p.organisasi.jalur.startswith(organisasi.jalur):
            galat.append(
                Galat(
                    LEMBAR,
                    nomor,
                    "nip",
                    f"NIP {nip} sudah dipakai oleh {p.nama} di {p.organisasi.nama}, di luar unit ini.",
                )
            )
        if len(galat) > galat_baris:
            continue
        d = DataPegawai(
            nip=nip,
            nama=_sel_teks(data.get("nama")),
            golongan=_sel_teks(data.get("golongan")),
            jabatan=_sel_teks(data.get("jabatan")),
            jenis_jabatan=jenis,
            organisasi=org,
            atasan=atasan,
            pengguna=pengguna if akun else (p.pengguna if p else None),
            aktif=True,
        )
        masalah = periksa_data_pegawai(d, pegawai=p)
        if (
            pengguna is not None
            and Pegawai.objects.filter(pengguna=pengguna).exclude(pk=p.pk if p else None).exists()
        ):
            masalah["pengguna"] = f"akun '{akun}' sudah terhubung dengan pegawai lain."
        for bidang, pesan in masalah.items():
            galat.append(Galat(LEMBAR, nomor, _KOLOM_LAYANAN.get(bidang, bidang), pesan))
        if masalah:
            continue
        aksi = BARU
        if p is not None:
            sebelum = (
                p.nama,
                p.golongan,
                p.jabatan,
                p.jenis_jabatan,
                p.organisasi_id,
                p.atasan_id,
                p.pengguna_id,
            )
            sesudah = (
                d.nama,
                d.golongan,
                d.jabatan,
                d.jenis_jabatan,
                org.pk,
                atasan.pk if atasan else None,
                d.pengguna.pk if d.pengguna else None,
            )
            aksi = TETAP if sebelum == sesudah else UBAH
        p = p or Pegawai()
        p.nip, p.nama, p.golongan, p.jabatan = d.nip, d.nama, d.golongan, d.jabatan
        p.jenis_jabatan, p.organisasi, p.atasan, p.pengguna = jenis, org, atasan, d.pengguna
        if aksi != TETAP:
            _catat_aktor(p, aktor)
            p.save()
        tersimpan[nip] = p
        rencana.baris.append(BarisPegawai(nomor, nip, d.nama, aksi))
    rencana.baris.sort(key=lambda b: b.baris)
    rencana.galat.sort(key=lambda g: (g.baris or 0, g.kolom or ""))
    return rencana


def _wajib_berwenang(aktor, organisasi: Organisasi) -> None:
    if not izin.admin_sdm(aktor, organisasi):
        raise PermissionDenied(
            f"Hanya admin kepegawaian {organisasi.nama} atau unit di atasnya yang dapat mengimpor "
            "data pegawai."
        )


def rencana_pegawai(
    *, organisasi: Organisasi, isi: bytes, nama_berkas: str, aktor
) -> RencanaPegawai:
    """The dry run: what the apply would do, nothing kept."""
    _wajib_berwenang(aktor, organisasi)
    hasil: list[RencanaPegawai] = []
    try:
        with transaction.atomic():
            hasil.append(
                _jalankan(organisasi=organisasi, isi=isi, nama_berkas=nama_berkas, aktor=aktor)
            )
            raise _Batal
    except _Batal:
        pass
    return hasil[0]


def impor_pegawai(*, organisasi: Organisasi, isi: bytes, nama_berkas: str, aktor) -> RencanaPegawai:
    """Apply the file: every row or none (any row error rolls everything back)."""
    _wajib_berwenang(aktor, organisasi)
    hasil: list[RencanaPegawai] = []
    try:
        with transaction.atomic():
            r = _jalankan(organisasi=organisasi, isi=isi, nama_berkas=nama_berkas, aktor=aktor)
            hasil.append(r)
            if not r.sah:
                raise _Batal
    except _Batal:
        pass
    return hasil[0]


def templat_pegawai(organisasi: Organisasi) -> bytes:
    """An empty template with the header row and the unit's current employees (NIP as text)."""
    import io

    from openpyxl import Workbook

    from kinerja.pertukaran.sel import tambah_baris

    wb = Workbook()
    ws = wb.active
    ws.title = LEMBAR
    tambah_baris(ws, KOLOM)
    for p in Pegawai.objects.filter(organisasi__jalur__startswith=organisasi.jalur).select_related(
        "organisasi", "atasan", "pengguna"
    ):
        n = tambah_baris(
            ws,
            [
                p.nip,
                p.nama,
                p.golongan,
                p.jabatan,
                p.jenis_jabatan,
                p.organisasi.slug,
                p.atasan.nip if p.atasan_id else "",
                p.pengguna.username if p.pengguna_id else "",
            ],
        )
        for kolom in (1, 7):  # NIP stays text: Excel would drop the last digits of a number
            ws.cell(row=n, column=kolom).number_format = "@"
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()
