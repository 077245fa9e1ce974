"""Import of monthly RPD (anggaran kas) and realisasi from Excel in a DPA/SIPD-like layout.

Layout: a few title rows (one may say "Tahun Anggaran 2024"), then a header row with a
"Bulan" column and any of the columns RPD / Anggaran Kas, Realisasi, RPD Kumulatif,
Realisasi Kumulatif; one row per month (number or name); an optional "Jumlah" row, which
is checked against the months. Monthly and cumulative columns are both accepted and, when
both are given, cross-checked.

Every import is a dry run first (row errors with the row number and column), then applied
all or nothing. A full year must add up to the unit's pagu (RPD) and realisasi (belanja):
the seed's DATA PENDUKUNG table (another year's data) is refused for 2024 this way.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

import filetype
from django.core import signing
from django.db.models import Sum
from openpyxl import load_workbook

from kinerja import angka as fmt
from kinerja.anggaran import layanan
from kinerja.anggaran.models import BelanjaJenis
from kinerja.organisasi.models import Organisasi
from kinerja.pertukaran.sel import BukanAngka, baca_angka
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.nka import NAMA_BULAN

UKURAN_MAKS = 5 * 1024 * 1024
BARIS_JUDUL_MAKS = 20
SALT = "kinerja.anggaran.impor"
KOLOM = ("rpd", "realisasi", "rpd_kumulatif", "realisasi_kumulatif")
LABEL_KOLOM = {
    "rpd": "RPD (anggaran kas)",
    "realisasi": "Realisasi",
    "rpd_kumulatif": "RPD kumulatif",
    "realisasi_kumulatif": "Realisasi kumulatif",
}
_SINGKAT = {n[:3].lower(): i for i, n in enumerate(NAMA_BULAN, start=1)} | {"ags": 8, "nop": 11}


@dataclass
class GalatImpor:
    baris: int | None  # Excel row number; None for the whole file
    kolom: str
    pesan: str


@dataclass
class HasilImpor:
    baris: list[dict] = field(default_factory=list)  # {baris, bulan, rpd, realisasi, ...}
    galat: list[GalatImpor] = field(default_factory=list)
    bulanan: dict[int, dict] = field(default_factory=dict)  # month -> monthly amounts
    jumlah: dict[str, Decimal] = field(default_factory=dict)
    token: str = ""

    @property
    def pratinjau(self) -> list[tuple[str, Decimal | None, Decimal | None]]:
        return [
            (NAMA_BULAN[b - 1], n.get("rpd"), n.get("realisasi"))
            for b, n in sorted(self.bulanan.items())
        ]

    @property
    def sah(self) -> bool:
        return not self.galat and bool(self.bulanan)


def _norm(x) -> str:
    return re.sub(r"\s+", " ", str(x or "")).strip().lower()


def _kolom_header(teks: str) -> str | None:
    if not teks:
        return None
    kum = "kumulatif" in teks or "s.d." in teks or "s/d" in teks
    if "realisasi" in teks:
        return "realisasi_kumulatif" if kum else "realisasi"
    if "rpd" in teks or "anggaran kas" in teks or "rencana penarikan" in teks:
        return "rpd_kumulatif" if kum else "rpd"
    return None


def _bulan(nilai) -> int | None:
    if isinstance(nilai, int | float) and not isinstance(nilai, bool):
        return int(nilai) if float(nilai).is_integer() and 1 <= nilai <= 12 else None
    t = _norm(nilai)
    if t.isdigit():
        n = int(t)
        return n if 1 <= n <= 12 else None
    for i, nama in enumerate(NAMA_BULAN, start=1):
        if t == nama.lower():
            return i
    return _SINGKAT.get(t[:3]) if len(t) in (3, 4) else None


def baca_berkas(isi: bytes, tahun: int) -> HasilImpor:
    """Parse the workbook into rows; errors name the Excel row and column."""
    h = HasilImpor()
    if len(isi) > UKURAN_MAKS:
        h.galat.append(GalatImpor(None, "berkas", "Berkas lebih dari 5 MB."))
        return h
    jenis = filetype.guess(isi)
    if jenis is None or jenis.extension not in ("xlsx", "zip"):
        h.galat.append(
            GalatImpor(None, "berkas", "Berkas bukan Excel .xlsx (diperiksa dari isinya).")
        )
        return h
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        h.galat.append(GalatImpor(None, "berkas", "Berkas .xlsx tidak dapat dibaca (rusak?)."))
        return h
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    wb.close()
    kepala = peta = None
    for i, row in enumerate(rows[:BARIS_JUDUL_MAKS], start=1):
        teks = [_norm(c) for c in row]
        m = next((re.search(r"tahun[^0-9]*(\d{4})", t) for t in teks if "tahun" in t), None)
        if m and int(m.group(1)) != tahun:
            h.galat.append(
                GalatImpor(
                    i, "tahun", f"Berkas untuk tahun {m.group(1)}, bukan {tahun}: tidak diimpor."
                )
            )
            return h
        if "bulan" in teks:
            kepala = i
            peta = {j: _kolom_header(t) for j, t in enumerate(teks) if _kolom_header(t)}
            peta["bulan"] = teks.index("bulan")
            break
    if kepala is None or not set(peta.values()) & set(KOLOM):
        h.galat.append(
            GalatImpor(
                None,
                "kepala",
                "Baris judul kolom tidak ditemukan: diharapkan kolom 'Bulan' dan minimal satu dari "
                "'RPD', 'Realisasi', 'RPD Kumulatif', 'Realisasi Kumulatif'.",
            )
        )
        return h
    kol_bulan = peta.pop("bulan")
    lihat: dict[int, int] = {}
    for no, row in enumerate(rows[kepala:], start=kepala + 1):
        if not any(c not in (None, "") for c in row):
            continue
        sel_bulan = row[kol_bulan] if kol_bulan < len(row) else None
        teks_bulan = _norm(sel_bulan)
        if teks_bulan.startswith(("jumlah", "total")):
            for j, k in peta.items():
                try:
                    v = baca_angka(row[j], layanan.BATAS_RUPIAH) if j < len(row) else None
                except BukanAngka:
                    v = None
                if v is not None:
                    h.jumlah[k] = v
            h.jumlah["_baris"] = Decimal(no)
            continue
        bulan = _bulan(sel_bulan)
        if bulan is None:
            h.galat.append(
                GalatImpor(
                    no, "Bulan", f"'{sel_bulan}' bukan bulan (diharapkan 1-12 atau Januari...)."
                )
            )
            continue
        if bulan in lihat:
            h.galat.append(
                GalatImpor(
                    no, "Bulan", f"{NAMA_BULAN[bulan - 1]} sudah ada di baris {lihat[bulan]}."
                )
            )
            continue
        lihat[bulan] = no
        data = {"baris": no, "bulan": bulan}
        for j, k in peta.items():
            try:
                v = baca_angka(row[j], layanan.BATAS_RUPIAH) if j < len(row) else None
            except BukanAngka as e:
                h.galat.append(GalatImpor(no, LABEL_KOLOM[k], str(e)))
                v = None
            if v is not None and v < 0:
                h.galat.append(GalatImpor(no, LABEL_KOLOM[k], f"tidak boleh negatif ({v})."))
                v = None
            data[k] = v
        h.baris.append(data)
    if not h.baris and not h.galat:
        h.galat.append(GalatImpor(None, "isi", "Tidak ada baris bulan di bawah judul kolom."))
    return h


def _total_belanja(organisasi: Organisasi, tahun: int) -> dict:
    return BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun).aggregate(
        pagu=Sum("pagu"), realisasi=Sum("realisasi")
    )


def validasi(organisasi: Organisasi, tahun: int, h: HasilImpor) -> HasilImpor:
    """Cross-check monthly and cumulative columns, the Jumlah row, and a full year's totals
    against the unit's pagu and realisasi. Fills h.bulanan and h.token when clean."""
    if h.galat:
        return h
    baris_bulan = {b["bulan"]: b["baris"] for b in h.baris}
    try:
        bulanan = layanan.gabung_bulanan(h.baris)
    except DataTidakValid as e:
        m = re.search(r"bulan (\d+)", e.pesan)
        no = baris_bulan.get(int(m.group(1))) if m else None
        pesan = e.pesan
        if m:
            pesan = pesan.replace(f"bulan {m.group(1)}", NAMA_BULAN[int(m.group(1)) - 1])
        h.galat.append(GalatImpor(no, e.bidang or "", pesan))
        return h
    jumlah = {
        k: sum((v[k] for v in bulanan.values() if v.get(k) is not None), Decimal(0))
        for k in ("rpd", "realisasi")
    }
    no_jumlah = int(h.jumlah.get("_baris", 0)) or None
    for k in ("rpd", "realisasi"):
        if k in h.jumlah and h.jumlah[k] != jumlah[k]:
            h.galat.append(
                GalatImpor(
                    no_jumlah,
                    LABEL_KOLOM[k],
                    f"Baris Jumlah {fmt.rupiah(h.jumlah[k])} tidak sama dengan jumlah bulan "
                    f"{fmt.rupiah(jumlah[k])}.",
                )
            )
    total = _total_belanja(organisasi, tahun)
    setahun = {k: all(bulanan.get(b, {}).get(k) is not None for b in range(1, 13)) for k in jumlah}
    for k, acuan, nama in (
        ("rpd", total["pagu"], "pagu"),
        ("realisasi", total["realisasi"], "realisasi belanja"),
    ):
        if acuan is None:
            continue
        if setahun[k] and jumlah[k] != acuan:
            h.galat.append(
                GalatImpor(
                    None,
                    LABEL_KOLOM[k],
                    f"Jumlah {LABEL_KOLOM[k]} Januari-Desember {fmt.rupiah(jumlah[k])} tidak sama "
                    f"dengan {nama} {tahun} {fmt.rupiah(acuan)}: berkas ini tampaknya bukan data "
                    f"{tahun}; tidak diimpor.",
                )
            )
        elif jumlah[k] > acuan:
            h.galat.append(
                GalatImpor(
                    None,
                    LABEL_KOLOM[k],
                    f"Jumlah {LABEL_KOLOM[k]} {fmt.rupiah(jumlah[k])} melebihi {nama} {tahun} "
                    f"{fmt.rupiah(acuan)}.",
                )
            )
    h.bulanan = bulanan
    h.jumlah.update(jumlah)
    if not h.galat:
        h.token = signing.dumps(
            {
                "o": organisasi.pk,
                "t": tahun,
                "b": [
                    {"bulan": b, **{k: None if v is None else str(v) for k, v in n.items()}}
                    for b, n in sorted(bulanan.items())
                ],
            },
            salt=SALT,
            compress=True,
        )
    return h


def pratinjau(organisasi: Organisasi, tahun: int, isi: bytes) -> HasilImpor:
    """Dry run: parse and check, write nothing."""
    return validasi(organisasi, tahun, baca_berkas(isi, tahun))


def terapkan(*, organisasi: Organisasi, tahun: int, token: str, aktor, nama_berkas: str = ""):
    """Apply a checked import (all months or none). The token carries the checked monthly
    amounts, signed; they are checked again against the current pagu and realisasi."""
    try:
        muatan = signing.loads(token, salt=SALT, max_age=3600)
    except signing.BadSignature:
        raise DataTidakValid(
            "Pratinjau impor kedaluwarsa atau rusak; unggah ulang berkas."
        ) from None
    if muatan["o"] != organisasi.pk or muatan["t"] != tahun:
        raise DataTidakValid("Pratinjau impor untuk organisasi atau tahun lain.")
    baris = [
        {"baris": None, "bulan": b["bulan"], **{k: _d(b.get(k)) for k in ("rpd", "realisasi")}}
        for b in muatan["b"]
    ]
    h = validasi(organisasi, tahun, HasilImpor(baris=baris))
    if h.galat:
        raise DataTidakValid("; ".join(g.pesan for g in h.galat))
    return layanan.bulanan_simpan(
        organisasi=organisasi,
        tahun=tahun,
        baris=[{"bulan": b, **n} for b, n in h.bulanan.items()],
        aktor=aktor,
        alasan=f"impor Excel {nama_berkas}".strip(),
    )


def _d(x):
    return None if x is None else Decimal(x)
