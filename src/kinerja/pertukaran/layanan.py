"""Services that apply an import: all rows or none, in one transaction.

Each apply re-reads the file and re-plans it, so it validates against the data as it is
now (a row verified after the preview becomes an error, not an overwrite). Realisasi rows go
through `realisasi_simpan`, so permissions, workflow locks and the audit trail apply with
the reason "impor Excel <nama berkas>".
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from kinerja.organisasi.izin import dapat_mengisi, peran_atas
from kinerja.organisasi.models import Organisasi, Peran
from kinerja.pengukuran.layanan import realisasi_simpan
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    PerjanjianKinerja,
    Sasaran,
    TargetRenstra,
    Tujuan,
)
from kinerja.pertukaran.impor import (
    BARU,
    TETAP,
    Galat,
    Rencana,
    rencana_realisasi,
    rencana_target,
)
from kinerja.pertukaran.renstra import rencana_renstra


class _Batal(Exception):
    """Raised inside the transaction to roll every row back."""


def _alasan(nama_berkas: str) -> str:
    # simple-history keeps the reason in a 100-character column.
    return f"impor Excel {nama_berkas}"[:100]


def _pesan(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return "; ".join(e.messages)
    return str(e)


def _wajib_berwenang(aktor, organisasi: Organisasi) -> None:
    if not dapat_mengisi(aktor, organisasi):
        raise PermissionDenied(f"Anda tidak berwenang mengimpor data {organisasi}.")


def impor_realisasi(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str, aktor
) -> tuple[Rencana, bool]:
    """Apply a realisasi workbook: (plan, applied). Any error leaves the database unchanged."""
    _wajib_berwenang(aktor, organisasi)
    try:
        with transaction.atomic():
            rencana = rencana_realisasi(
                organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama_berkas
            )
            if not rencana.sah:
                raise _Batal
            for b in rencana.baris:
                if b.aksi == TETAP:
                    continue
                try:
                    realisasi_simpan(
                        indikator=b.indikator,
                        tahun=tahun,
                        aktor=aktor,
                        alasan=_alasan(nama_berkas),
                        **b.data,
                    )
                except (ValidationError, PermissionDenied) as e:
                    rencana.galat.append(
                        Galat("Realisasi", b.baris, None, _pesan(e))
                    )  # keep collecting: each call ran in its own savepoint
            if not rencana.sah:
                raise _Batal
    except _Batal:
        return rencana, False
    return rencana, True


def impor_target(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str, aktor
) -> tuple[Rencana, bool]:
    """Apply a PK-target workbook: new PK lines and changed targets, history with the reason."""
    _wajib_berwenang(aktor, organisasi)
    try:
        with transaction.atomic():
            rencana = rencana_target(
                organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama_berkas
            )
            if not rencana.sah:
                raise _Batal
            pk = PerjanjianKinerja.objects.select_for_update().get(
                organisasi=organisasi, tahun=tahun
            )
            urutan = ButirPK.objects.filter(pk_dokumen=pk).aggregate(m=Max("urutan"))["m"] or 0
            ada = {b.indikator_id: b for b in ButirPK.objects.filter(pk_dokumen=pk)}
            for b in rencana.baris:
                if b.aksi == TETAP:
                    continue
                if b.aksi == BARU:
                    urutan += 1
                    butir = ButirPK(pk_dokumen=pk, indikator=b.indikator, urutan=urutan)
                else:
                    butir = ada[b.indikator.pk]
                for k, v in b.data.items():
                    setattr(butir, k, v)
                butir._change_reason = _alasan(nama_berkas)
                butir.save()
    except _Batal:
        return rencana, False
    return rencana, True


def boleh_impor_renstra(aktor, organisasi: Organisasi) -> bool:
    """Renstra is planning data: only an admin at or above the unit may import it."""
    return getattr(aktor, "is_superuser", False) or Peran.ADMIN in peran_atas(aktor, organisasi)


def impor_renstra(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str, aktor
) -> tuple[Rencana, bool]:
    """Apply a Renstra workbook (tujuan, sasaran, indikator, target per year): creates and
    updates only, in sheet order so new rows can refer to each other; history with the reason."""
    if not boleh_impor_renstra(aktor, organisasi):
        raise PermissionDenied(f"Hanya admin {organisasi} yang berwenang mengimpor Renstra.")
    alasan = _alasan(nama_berkas)
    try:
        with transaction.atomic():
            rencana = rencana_renstra(
                organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama_berkas
            )
            if not rencana.sah:
                raise _Batal
            tujuan = dict(rencana.tujuan)
            sasaran = dict(rencana.sasaran)
            indikator = {("id", k): v for k, v in rencana.indikator.get("id", {}).items()} | {
                ("kode", k): v for k, v in rencana.indikator.get("kode", {}).items()
            }
            urutan_ind = (
                Indikator.objects.filter(organisasi=organisasi).aggregate(m=Max("urutan"))["m"] or 0
            )

            def tulis(obj, data):
                for k, v in data.items():
                    setattr(obj, k, v)
                obj._change_reason = alasan
                obj.save()
                return obj

            for b in rencana.baris:
                if b.aksi == TETAP:
                    continue
                data = dict(b.data)
                if b.jenis == "tujuan":
                    t = tulis(b.obj or Tujuan(), data)
                    tujuan[t.kode] = t
                elif b.jenis == "sasaran":
                    if isinstance(data.get("tujuan"), str):
                        data["tujuan"] = tujuan[data["tujuan"]]
                    if data.get("tujuan") is not None and (
                        b.obj is None or b.obj.tujuan_id != data["tujuan"].pk
                    ):
                        data["renstra"] = data["tujuan"].renstra
                    if b.obj is None:
                        data["organisasi"] = organisasi
                    s = tulis(b.obj or Sasaran(), data)
                    sasaran[s.nomor] = s
                elif b.jenis == "indikator":
                    if isinstance(data.get("sasaran"), int):
                        data["sasaran"] = sasaran[data["sasaran"]]
                    if b.obj is None:
                        urutan_ind += 1
                        data |= {"organisasi": organisasi, "urutan": urutan_ind}
                    i = tulis(b.obj or Indikator(), data)
                    indikator[("id", i.pk)] = i
                    if i.kode:
                        indikator[("kode", i.kode)] = i
                else:
                    ind = data.pop("indikator")
                    if isinstance(ind, str):
                        ind = indikator[("kode", ind)]
                    if b.obj is None:
                        data["indikator"] = ind
                    tulis(b.obj or TargetRenstra(), data)
    except _Batal:
        return rencana, False
    return rencana, True
