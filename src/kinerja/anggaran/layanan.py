"""Services: every write to budget data goes through here (keyword-only, one transaction,
permission `anggaran.isi` checked, history recorded with the actor and a reason).

Monthly amounts may be given per month or cumulatively; both are stored as monthly
amounts, and when both are given they must agree (the cross-check of issue 5).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, JenisBelanja, RealisasiProgram
from kinerja.inti import nilai as aturan
from kinerja.organisasi.izin import dapat_mengisi
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.models import ProgramAnggaran
from kinerja.rumus.bilangan import DataTidakValid


def _izin(aktor, organisasi: Organisasi) -> None:
    if not dapat_mengisi(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengisi data anggaran {organisasi}.")


LABEL = {
    "pagu": "Pagu",
    "pagu_awal": "Pagu awal",
    "realisasi": "Realisasi",
    "rpd": "RPD",
    "rpd_kumulatif": "RPD kumulatif",
    "realisasi_kumulatif": "Realisasi kumulatif",
}
# every Rupiah column has the same precision (models.RUPIAH); the rule reads it from one
BATAS_RUPIAH = aturan.batas_kolom(BelanjaJenis, "pagu")


def _rupiah(nilai, bidang: str, *, wajib: bool = True) -> Decimal | None:
    """A Rupiah amount: non-negative, within the column (18 digits, 2 decimals), never rounded."""
    label = LABEL.get(bidang, bidang)
    if nilai is None or nilai == "":
        if wajib:
            raise ValidationError({bidang: f"{label} wajib diisi (angka Rupiah, contoh 1250000)."})
        return None
    try:
        return aturan.desimal(nilai, BATAS_RUPIAH, label=label, bidang=bidang, non_negatif=True)
    except DataTidakValid as e:
        raise ValidationError({bidang: e.pesan}) from None


def _simpan(obj, aktor, alasan: str) -> None:
    obj._history_user = aktor if getattr(aktor, "is_authenticated", False) else None
    obj._change_reason = alasan
    obj.save()


@transaction.atomic
def belanja_simpan(
    *,
    organisasi: Organisasi,
    tahun: int,
    jenis: str,
    pagu,
    realisasi,
    aktor,
    pagu_awal=None,
    alasan: str = "",
) -> BelanjaJenis:
    """Pagu and realisasi of one type of spending (Tabel 67-68)."""
    _izin(aktor, organisasi)
    if jenis not in JenisBelanja.values:
        raise ValidationError(
            {"jenis": f"jenis '{jenis}' tidak dikenal (pilihan: {', '.join(JenisBelanja.values)})."}
        )
    obj = BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun, jenis=jenis).first()
    obj = obj or BelanjaJenis(organisasi=organisasi, tahun=tahun, jenis=jenis)
    obj.pagu = _rupiah(pagu, "pagu")
    obj.realisasi = _rupiah(realisasi, "realisasi")
    obj.pagu_awal = _rupiah(pagu_awal, "pagu_awal", wajib=False)
    _simpan(obj, aktor, alasan or "belanja disimpan")
    return obj


@transaction.atomic
def realisasi_program_simpan(
    *, program: ProgramAnggaran, realisasi, aktor, alasan: str = ""
) -> RealisasiProgram | None:
    """Realisasi of a program, kegiatan or sub kegiatan; empty removes it."""
    _izin(aktor, program.organisasi)
    nilai = _rupiah(realisasi, "realisasi", wajib=False)
    obj = RealisasiProgram.objects.filter(program=program).first()
    if nilai is None:
        if obj:
            obj._history_user = aktor
            obj._change_reason = alasan or "realisasi dihapus"
            obj.delete()
        return None
    obj = obj or RealisasiProgram(program=program)
    obj.realisasi = nilai
    _simpan(obj, aktor, alasan or "realisasi program disimpan")
    return obj


def gabung_bulanan(
    baris: Iterable[Mapping],
) -> dict[int, dict[str, Decimal | None]]:
    """Monthly amounts from rows that give, per month, any of rpd / rpd_kumulatif /
    realisasi / realisasi_kumulatif. Cumulative values become monthly by difference with
    the previous month; when a month gives both they must agree. Raises DataTidakValid
    naming the month."""
    per_bulan = {int(b["bulan"]): b for b in baris}
    hasil: dict[int, dict[str, Decimal | None]] = {}
    for bidang in ("rpd", "realisasi"):
        kum_lalu: Decimal | None = Decimal(0)
        for bulan in range(1, 13):
            b = per_bulan.get(bulan)
            bulanan = b.get(bidang) if b else None
            kumulatif = b.get(f"{bidang}_kumulatif") if b else None
            nama = f"{bidang.upper() if bidang == 'rpd' else bidang} bulan {bulan}"
            nilai = bulanan
            if kumulatif is not None:
                if kum_lalu is None:
                    raise DataTidakValid(
                        f"{nama}: angka kumulatif tidak dapat dipakai karena bulan sebelumnya kosong.",
                        bidang=bidang,
                    )
                dari_kum = kumulatif - kum_lalu
                if dari_kum < 0:
                    raise DataTidakValid(
                        f"{nama}: kumulatif {kumulatif} lebih kecil dari bulan sebelumnya "
                        f"({kum_lalu}); angka kumulatif tidak boleh turun.",
                        bidang=bidang,
                    )
                if bulanan is not None and bulanan != dari_kum:
                    raise DataTidakValid(
                        f"{nama}: angka bulanan {bulanan} tidak sama dengan selisih kumulatif "
                        f"({kumulatif} − {kum_lalu} = {dari_kum}).",
                        bidang=bidang,
                    )
                nilai = dari_kum
            if nilai is not None and nilai < 0:
                raise DataTidakValid(f"{nama}: tidak boleh negatif ({nilai}).", bidang=bidang)
            if b is not None:
                hasil.setdefault(bulan, {})[bidang] = nilai
            kum_lalu = None if nilai is None or kum_lalu is None else kum_lalu + nilai
    return hasil


@transaction.atomic
def bulanan_simpan(
    *,
    organisasi: Organisasi,
    tahun: int,
    baris: Iterable[Mapping],
    aktor,
    alasan: str = "",
    ganti_semua: bool = False,
) -> list[AnggaranBulanan]:
    """Store monthly RPD and realisasi (monthly or cumulative input, see gabung_bulanan).
    All months apply or none. With ganti_semua, months not given are removed."""
    _izin(aktor, organisasi)
    baris = list(baris)
    try:
        bulan_ada = [int(b["bulan"]) for b in baris]
    except (KeyError, TypeError, ValueError):
        raise ValidationError({"bulan": "Setiap baris harus menyebut bulan 1-12."}) from None
    salah = [b for b in bulan_ada if not 1 <= b <= 12]
    if salah:
        raise ValidationError({"bulan": f"Bulan {salah[0]} tidak ada; diharapkan 1-12."})
    if len(set(bulan_ada)) != len(bulan_ada):
        raise ValidationError({"bulan": "Ada bulan yang muncul lebih dari sekali."})
    bersih = []
    for b in baris:
        bersih.append(
            {
                "bulan": int(b["bulan"]),
                **{
                    k: _rupiah(b.get(k), k, wajib=False)
                    for k in ("rpd", "rpd_kumulatif", "realisasi", "realisasi_kumulatif")
                },
            }
        )
    try:
        bulanan = gabung_bulanan(bersih)
    except DataTidakValid as e:
        raise ValidationError({e.bidang or "bulan": e.pesan}) from None
    ada = {x.bulan: x for x in AnggaranBulanan.objects.filter(organisasi=organisasi, tahun=tahun)}
    hasil = []
    for bulan, nilai in sorted(bulanan.items()):
        obj = ada.get(bulan) or AnggaranBulanan(organisasi=organisasi, tahun=tahun, bulan=bulan)
        obj.rpd, obj.realisasi = nilai.get("rpd"), nilai.get("realisasi")
        _simpan(obj, aktor, alasan or "anggaran bulanan disimpan")
        hasil.append(obj)
    if ganti_semua:
        for bulan, obj in ada.items():
            if bulan not in bulanan:
                obj._history_user = aktor
                obj._change_reason = alasan or "bulan dihapus"
                obj.delete()
    return hasil
