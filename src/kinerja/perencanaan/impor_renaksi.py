"""Excel import of the rencana aksi, like the other imports of `kinerja.pertukaran`:
the upload checked by content and size (`pertukaran.berkas`), every row validated by the same
rule as the form (`layanan_renaksi.periksa_langkah`, numbers through `kinerja.inti.nilai`),
errors naming the sheet, Excel row and column; a dry run first, then all rows or none in one
transaction (docs/keputusan/0049-rencana-aksi-bulanan.md).

Sheet "Rencana Aksi", header row in the first 10 rows: uraian, kode_indikator, kegiatan (the
name of a kegiatan/sub kegiatan of the year, or its id), jenis (kegiatan/tonggak),
jenis_periode (bulan/triwulan), satuan, anggaran, urutan, t1..t12 (target of month or
quarter ke). A step is found by its uraian: an existing one is changed, a new one created.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan import layanan_renaksi as layanan
from kinerja.perencanaan.models import ButirPK, ProgramAnggaran, RencanaAksi
from kinerja.pertukaran.berkas import baca_unggahan, buka_buku
from kinerja.pertukaran.impor import Galat
from kinerja.pertukaran.sel import BukanAngka, baca_angka

LEMBAR = "Rencana Aksi"
KOLOM = [
    "uraian",
    "kode_indikator",
    "kegiatan",
    "jenis",
    "jenis_periode",
    "satuan",
    "anggaran",
    "urutan",
    *[f"t{ke}" for ke in range(1, 13)],
]
MAKS_BARIS = 2000
CARI_JUDUL = 10
# service field -> column
_KOLOM_BIDANG = {"butir": "kode_indikator", "target": "t1"} | {
    f"target_{ke}": f"t{ke}" for ke in range(1, 13)
}


@dataclass
class BarisRenaksi:
    baris: int
    uraian: str
    aksi: str  # "baru" or "ubah"
    isian: dict


@dataclass
class RencanaImpor:
    nama_berkas: str
    baris: list[BarisRenaksi] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)
    diterapkan: bool = False

    @property
    def sah(self) -> bool:
        return not self.galat


def _teks(x) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x).strip()


def _norm(x) -> str:
    return str(x or "").strip().lower().replace(" ", "_")


def rencana(*, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str) -> RencanaImpor:
    """The dry run: every row checked, nothing written."""
    hasil = RencanaImpor(nama_berkas)
    buku = buka_buku(isi, nama_berkas)
    ws = next((buku[n] for n in buku.sheetnames if n.strip().lower() == LEMBAR.lower()), None)
    if ws is None and len(buku.sheetnames) == 1:
        ws = buku[buku.sheetnames[0]]
    if ws is None:
        ada = ", ".join(f"'{n}'" for n in buku.sheetnames)
        hasil.galat.append(Galat(LEMBAR, None, None, f"lembar ini tidak ada (yang ada: {ada})."))
        return hasil
    butir = {
        b.indikator.kode: b
        for b in ButirPK.objects.filter(
            pk_dokumen__organisasi=organisasi, pk_dokumen__tahun=tahun
        ).select_related("indikator")
        if b.indikator.kode
    }
    kegiatan = list(ProgramAnggaran.objects.filter(organisasi=organisasi, tahun=tahun))
    ada = set(
        RencanaAksi.objects.filter(organisasi=organisasi, tahun=tahun).values_list(
            "uraian", flat=True
        )
    )
    posisi: dict[str, int] | None = None
    dilihat: dict[str, int] = {}
    for nomor, isi_baris in enumerate(ws.iter_rows(values_only=True), start=1):
        if posisi is None:
            judul = [_norm(x) for x in isi_baris]
            if "uraian" in judul:
                posisi = {k: judul.index(k) for k in KOLOM if k in judul}
            elif nomor >= CARI_JUDUL:
                break
            continue
        if all(x is None or (isinstance(x, str) and not x.strip()) for x in isi_baris):
            continue
        if len(hasil.baris) + len(dilihat) > MAKS_BARIS:
            hasil.galat.append(Galat(ws.title, nomor, None, f"lebih dari {MAKS_BARIS} baris."))
            break
        sel = {k: (isi_baris[i] if i < len(isi_baris) else None) for k, i in posisi.items()}
        _baris(hasil, ws.title, nomor, sel, organisasi, tahun, butir, kegiatan, ada, dilihat)
    if posisi is None:
        hasil.galat.append(
            Galat(
                ws.title,
                None,
                None,
                f"baris judul dengan kolom 'uraian' tidak ditemukan di {CARI_JUDUL} baris pertama.",
            )
        )
    return hasil


def _baris(hasil, lembar, nomor, sel, organisasi, tahun, butir, kegiatan, ada, dilihat):
    galat_baris: list[Galat] = []

    def salah(kolom, pesan):
        galat_baris.append(Galat(lembar, nomor, kolom, pesan))

    uraian = _teks(sel.get("uraian"))
    if uraian in dilihat:
        salah("uraian", f"langkah '{uraian[:60]}' sudah ada di baris {dilihat[uraian]}.")
    dilihat.setdefault(uraian, nomor)
    isian: dict = {"uraian": uraian, "target": {}}
    for k in ("jenis", "jenis_periode", "satuan"):
        isian[k] = _teks(sel.get(k)).lower() if k != "satuan" else _teks(sel.get(k))
    kode = _teks(sel.get("kode_indikator"))
    if kode:
        b = butir.get(kode)
        if b is None:
            salah("kode_indikator", f"'{kode}' tidak ada di PK {organisasi} tahun {tahun}.")
        else:
            isian["butir"] = b.pk
    nama_k = _teks(sel.get("kegiatan"))
    if nama_k:
        calon = [k for k in kegiatan if str(k.pk) == nama_k or k.nama.strip() == nama_k]
        if len(calon) != 1:
            salah(
                "kegiatan",
                f"'{nama_k[:80]}' bukan kegiatan anggaran {tahun}"
                if not calon
                else f"'{nama_k[:80]}' cocok dengan {len(calon)} kegiatan; isi id-nya.",
            )
        else:
            isian["kegiatan"] = calon[0].pk
    try:
        isian["anggaran"] = baca_angka(sel.get("anggaran"), layanan.BATAS_ANGGARAN)
    except BukanAngka as e:
        salah("anggaran", str(e))
    isian["urutan"] = _teks(sel.get("urutan"))
    for ke in range(1, 13):
        try:
            isian["target"][ke] = baca_angka(sel.get(f"t{ke}"))
        except BukanAngka as e:
            salah(f"t{ke}", str(e))
    galat: dict = {}
    layanan.periksa_langkah(organisasi=organisasi, tahun=tahun, isian=isian, galat=galat)
    for bidang, pesan in galat.items():
        kolom = _KOLOM_BIDANG.get(bidang, bidang)
        if not any(g.kolom == kolom for g in galat_baris):
            salah(kolom, pesan)
    if galat_baris:
        hasil.galat.extend(galat_baris)
    else:
        hasil.baris.append(BarisRenaksi(nomor, uraian, "ubah" if uraian in ada else "baru", isian))


class _Batal(Exception):
    pass


def terapkan(
    *, organisasi: Organisasi, tahun: int, berkas, aktor, uji: bool = True
) -> RencanaImpor:
    """Check (uji) or apply an uploaded workbook; applying writes every row or none."""
    layanan._izin(aktor, organisasi)
    isi = baca_unggahan(berkas)
    nama = getattr(berkas, "name", "berkas.xlsx")
    try:
        with transaction.atomic():
            hasil = rencana(organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama)
            if uji or not hasil.sah:
                return hasil
            lama = {
                r.uraian: r for r in RencanaAksi.objects.filter(organisasi=organisasi, tahun=tahun)
            }
            for b in hasil.baris:
                try:
                    layanan.langkah_simpan(
                        organisasi=organisasi,
                        tahun=tahun,
                        aktor=aktor,
                        isian=b.isian,
                        langkah=lama.get(b.uraian),
                        alasan=f"impor Excel {nama}",
                    )
                except ValidationError as e:
                    hasil.galat.append(Galat(LEMBAR, b.baris, None, "; ".join(e.messages)))
            if hasil.galat:
                raise _Batal
            hasil.diterapkan = True
            return hasil
    except _Batal:
        return hasil
