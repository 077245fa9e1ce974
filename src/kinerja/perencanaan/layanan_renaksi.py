"""Services for the rencana aksi (docs/keputusan/0049-rencana-aksi-bulanan.md): the planned
steps of a unit and year with their targets per month or quarter and budget, and the
monthly realisasi of each step with its evidence file.

Every write checks `perencanaan.ubah_renaksi` (the unit's operator, or an admin at or above
it: the same rule as the PK), validates every number with `kinerja.inti.nilai`, runs in one
transaction and is kept by simple-history with the actor and a reason. Errors are
`ValidationError`s keyed by field, in Indonesian, several reported together.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from kinerja import angka as fmt
from kinerja.inti import nilai as aturan
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.izin import dapat_mengubah_renaksi
from kinerja.perencanaan.models import (
    ButirPK,
    JenisLangkah,
    PeriodeLangkah,
    ProgramAnggaran,
    RealisasiLangkah,
    RencanaAksi,
    TargetLangkah,
    TingkatAnggaran,
)
from kinerja.rumus.bilangan import DataTidakValid
from kinerja.rumus.renaksi import JUMLAH_KE

BATAS_ANGGARAN = aturan.batas_kolom(RencanaAksi, "anggaran")
BATAS_TARGET = aturan.batas_kolom(TargetLangkah, "target")
BATAS_REALISASI = aturan.batas_kolom(RealisasiLangkah, "nilai")
URUTAN_MAKS = 9999
NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def label_ke(jenis_periode: str, ke: int) -> str:
    if jenis_periode == PeriodeLangkah.TRIWULAN:
        return f"TW {'I II III IV'.split()[ke - 1]}" if 1 <= ke <= 4 else f"TW {ke}"
    return NAMA_BULAN[ke - 1] if 1 <= ke <= 12 else f"bulan {ke}"


def _izin(aktor, organisasi: Organisasi) -> None:
    if not dapat_mengubah_renaksi(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengubah rencana aksi {organisasi}.")


def _pengguna(aktor):
    return aktor if getattr(aktor, "is_authenticated", False) else None


def _simpan(obj, aktor, alasan: str) -> None:
    obj._history_user = _pengguna(aktor)
    obj._change_reason = alasan[:100]
    obj.save()


def _desimal(nilai, batas, galat: dict, *, bidang: str, label: str) -> Decimal | None:
    try:
        return aturan.desimal(nilai, batas, label=label, bidang=bidang, non_negatif=True)
    except DataTidakValid as e:
        galat[bidang] = e.pesan
        return None


def periksa_bulan(nilai, tahun: int, galat: dict, *, bidang: str = "bulan") -> int | None:
    """A month of `tahun` (1-12); anything else is outside the year."""
    try:
        b = aturan.bulat(nilai, label="Bulan", minimum=None, maksimum=None, bidang=bidang)
    except DataTidakValid as e:
        galat[bidang] = e.pesan
        return None
    if b is None:
        galat[bidang] = "Bulan wajib diisi (1 = Januari sampai 12 = Desember)."
    elif not 1 <= b <= 12:
        galat[bidang] = (
            f"Bulan {b} di luar tahun {tahun}: rencana aksi {tahun} hanya memiliki bulan 1 "
            "(Januari) sampai 12 (Desember)."
        )
        return None
    return b


def periksa_langkah(
    *, organisasi: Organisasi, tahun: int, isian: Mapping, galat: dict
) -> tuple[dict, dict[int, Decimal | None]]:
    """The step's fields and its targets per period, checked (shared by the form, the Excel
    import and the service). `isian["target"]` maps ke -> value."""
    data: dict = {}
    uraian = (isian.get("uraian") or "").strip()
    if not uraian:
        galat["uraian"] = "Uraian langkah wajib diisi (contoh: Rapat koordinasi triwulan I)."
    elif len(uraian) > 2000:
        galat["uraian"] = f"Uraian paling banyak 2000 karakter (sekarang {len(uraian)})."
    data["uraian"] = uraian
    for bidang, label, maks in (
        ("satuan", "Satuan", 60),
        ("target_teks", "Keterangan target", 200),
    ):
        isi = (isian.get(bidang) or "").strip()
        if len(isi) > maks:
            galat[bidang] = f"{label} paling banyak {maks} karakter (sekarang {len(isi)})."
        data[bidang] = isi
    jenis = isian.get("jenis") or JenisLangkah.KEGIATAN
    if jenis not in JenisLangkah.values:
        galat["jenis"] = f"Jenis langkah '{jenis}' tidak dikenal; pilih kegiatan atau tonggak."
    data["jenis"] = jenis
    periode = isian.get("jenis_periode") or PeriodeLangkah.BULAN
    if periode not in PeriodeLangkah.values:
        galat["jenis_periode"] = f"Periode '{periode}' tidak dikenal; pilih bulan atau triwulan."
        periode = PeriodeLangkah.BULAN
    data["jenis_periode"] = periode
    data["anggaran"] = _desimal(
        isian.get("anggaran"), BATAS_ANGGARAN, galat, bidang="anggaran", label="Anggaran langkah"
    )
    butir = isian.get("butir")
    if butir not in (None, ""):
        b = (
            ButirPK.objects.filter(
                pk=butir, pk_dokumen__organisasi=organisasi, pk_dokumen__tahun=tahun
            )
            .select_related("indikator")
            .first()
            if str(butir).isdigit()
            else None
        )
        if b is None:
            galat["butir"] = f"Butir PK {butir} bukan bagian PK {organisasi} tahun {tahun}."
        data["butir"] = b
        data["indikator"] = b.indikator if b else None
    else:
        data["butir"] = None
    kegiatan = isian.get("kegiatan")
    if kegiatan not in (None, ""):
        k = (
            ProgramAnggaran.objects.filter(pk=kegiatan, organisasi=organisasi, tahun=tahun).first()
            if str(kegiatan).isdigit()
            else None
        )
        if k is None:
            galat["kegiatan"] = (
                f"Kegiatan {kegiatan} bukan kegiatan anggaran {organisasi} tahun {tahun}."
            )
        elif k.tingkat == TingkatAnggaran.PROGRAM:
            galat["kegiatan"] = (
                f"'{k.nama}' adalah program; pilih kegiatan atau sub kegiatannya agar anggaran "
                "langkah dapat dicocokkan dengan RKT."
            )
        elif data["anggaran"] is not None and k.pagu and data["anggaran"] > k.pagu:
            galat["anggaran"] = (
                f"Anggaran langkah Rp{fmt.angka(data['anggaran'], 2)} melebihi seluruh pagu "
                f"'{k.nama}' (Rp{fmt.angka(k.pagu, 2)}); periksa jumlah nolnya."
            )
        data["kegiatan"] = k
    else:
        data["kegiatan"] = None
    try:
        urutan = aturan.bulat(
            isian.get("urutan"), label="Urutan", minimum=0, maksimum=URUTAN_MAKS, bidang="urutan"
        )
    except DataTidakValid as e:
        galat["urutan"] = e.pesan
        urutan = None
    data["urutan"] = urutan or 0
    n = JUMLAH_KE[periode]
    target: dict[int, Decimal | None] = {}
    for kunci, isi in (isian.get("target") or {}).items():
        ke = int(kunci) if str(kunci).isdigit() else 0
        bidang = f"target_{kunci}"
        if not 1 <= ke <= n:
            if isi not in (None, ""):
                galat[bidang] = (
                    f"Target periode ke-{kunci} tidak ada untuk langkah "
                    f"{PeriodeLangkah(periode).label.lower()} (harus 1-{n})."
                )
            continue
        target[ke] = _desimal(
            isi, BATAS_TARGET, galat, bidang=bidang, label=f"Target {label_ke(periode, ke)}"
        )
    if "uraian" not in galat and not any(x for x in target.values()) and jenis != "tonggak":
        galat.setdefault(
            "target", "Isi target sedikitnya satu periode (contoh: 1 dokumen pada Maret)."
        )
    # months in which something is due (the LKIP's Renaksi table prints them)
    kali = 1 if periode == PeriodeLangkah.BULAN else 3
    data["bulan"] = sorted(ke * kali for ke, x in target.items() if x)
    return data, target


@transaction.atomic
def langkah_simpan(
    *,
    organisasi: Organisasi,
    tahun: int,
    aktor,
    isian: Mapping,
    langkah: RencanaAksi | None = None,
    alasan: str = "",
) -> RencanaAksi:
    """Create or change a step of the rencana aksi with its targets (all or nothing)."""
    _izin(aktor, organisasi)
    if langkah is not None:
        langkah = RencanaAksi.objects.select_for_update().get(
            pk=langkah.pk, organisasi=organisasi, tahun=tahun
        )
    galat: dict = {}
    data, target = periksa_langkah(organisasi=organisasi, tahun=tahun, isian=isian, galat=galat)
    if galat:
        raise ValidationError(galat)
    sebab = alasan or ("langkah rencana aksi diubah" if langkah else "langkah rencana aksi dibuat")
    obj = langkah or RencanaAksi(organisasi=organisasi, tahun=tahun)
    for k, v in data.items():
        setattr(obj, k, v)
    _simpan(obj, aktor, sebab)
    lama = {t.ke: t for t in TargetLangkah.objects.filter(rencana_aksi=obj)}
    n = JUMLAH_KE[obj.jenis_periode]
    for ke, t in lama.items():
        if ke > n or (ke in target and not target[ke]):
            t._history_user = _pengguna(aktor)
            t._change_reason = sebab[:100]
            t.delete()
    for ke, x in target.items():
        if not x:
            continue
        t = lama.get(ke)
        if t is None:
            _simpan(TargetLangkah(rencana_aksi=obj, ke=ke, target=x), aktor, sebab)
        elif t.target != x:
            t.target = x
            _simpan(t, aktor, sebab)
    return obj


@transaction.atomic
def realisasi_langkah_simpan(
    *,
    langkah: RencanaAksi,
    aktor,
    bulan,
    nilai,
    anggaran_terpakai=None,
    catatan: str = "",
    berkas=None,
) -> RealisasiLangkah:
    """Record (or correct) what a step achieved in one month, with an optional evidence file
    checked like every evidence upload (`pengukuran.layanan.periksa_berkas`)."""
    from kinerja.pengukuran.layanan import JENIS_BUKTI, periksa_berkas

    langkah = RencanaAksi.objects.select_related("organisasi").get(pk=langkah.pk)
    _izin(aktor, langkah.organisasi)
    galat: dict = {}
    b = periksa_bulan(bulan, langkah.tahun, galat)
    x = _desimal(nilai, BATAS_REALISASI, galat, bidang="nilai", label="Realisasi langkah")
    if x is None and "nilai" not in galat:
        galat["nilai"] = "Realisasi langkah wajib diisi (angka; 0 bila belum ada hasil)."
    pakai = _desimal(
        anggaran_terpakai, BATAS_ANGGARAN, galat, bidang="anggaran_terpakai",
        label="Anggaran terpakai",
    )  # fmt: skip
    catatan = (catatan or "").strip()
    if len(catatan) > 5000:
        galat["catatan"] = f"Catatan paling banyak 5000 karakter (sekarang {len(catatan)})."
    bukti = None
    if berkas is not None:
        try:
            bukti = periksa_berkas(berkas)
        except ValidationError as e:
            galat["berkas"] = "; ".join(e.messages)
    if galat:
        raise ValidationError(galat)
    obj = RealisasiLangkah.objects.filter(rencana_aksi=langkah, bulan=b).first()
    obj = obj or RealisasiLangkah(rencana_aksi=langkah, bulan=b)
    obj.nilai, obj.anggaran_terpakai, obj.catatan = x, pakai, catatan
    obj.diisi_oleh = _pengguna(aktor)
    if bukti is not None:
        isi, jenis, sha = bukti
        obj.bukti.save(f"{sha}.{jenis}", ContentFile(isi), save=False)
        obj.bukti_nama, obj.bukti_mime = berkas.name[:255], JENIS_BUKTI[jenis]
        obj.bukti_ukuran, obj.bukti_sha256 = len(isi), sha
    _simpan(obj, aktor, f"realisasi {NAMA_BULAN[b - 1]} {langkah.tahun}: {fmt.angka(x, 2)}")
    return obj


@transaction.atomic
def langkah_hapus(*, langkah: RencanaAksi, aktor) -> None:
    _izin(aktor, langkah.organisasi)
    if langkah.realisasi.exists():
        raise ValidationError(
            "Langkah ini sudah memiliki realisasi; hapus tidak diizinkan agar jejaknya tetap ada."
        )
    langkah._history_user = _pengguna(aktor)
    langkah._change_reason = "langkah rencana aksi dihapus"
    langkah.delete()
