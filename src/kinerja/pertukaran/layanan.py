"""Services that apply an import: all rows or none, in one transaction.

Each apply re-reads the file and re-plans it, so it validates against the data as it is
now (a row verified after the preview becomes an error, not an overwrite). Realisasi rows go
through `realisasi_simpan`, so permissions, workflow locks and the audit trail apply with
the reason "impor Excel <nama berkas>". PK targets: a draft PK's lines are written with that
reason; the changed targets of a signed PK become one revision through `pk_revisi`, with the
legal basis and reason the user gave (docs/keputusan/0019-penyusunan-pk.md, addendum).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from kinerja.organisasi.izin import dapat_mengisi, peran_atas
from kinerja.organisasi.models import Organisasi, Peran
from kinerja.pengukuran.layanan import realisasi_simpan
from kinerja.perencanaan.layanan import pk_revisi, target_periode_simpan_banyak
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
    LEMBAR_TARGET,
    LEMBAR_TARGET_PERIODE,
    TETAP,
    UBAH,
    Galat,
    Rencana,
    rencana_realisasi,
    rencana_target,
    rencana_target_periode,
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


BIDANG_REVISI = ("dasar_hukum", "alasan", "tanggal")


def impor_target(
    *,
    organisasi: Organisasi,
    tahun: int,
    isi: bytes,
    nama_berkas: str,
    aktor,
    dasar_hukum: str = "",
    alasan: str = "",
    tanggal: dt.date | None = None,
) -> tuple[Rencana, bool]:
    """Apply a PK-target workbook: (plan, applied). Any error leaves the database unchanged.

    Draft PK: new lines and changed targets, each saved with the reason "impor Excel <nama
    berkas>" in its history. Signed PK: the changed targets together become one numbered
    revision (`pk_revisi`: RevisiPK with `dasar_hukum`, `alasan` and `tanggal`, a
    PerubahanTarget per line); unchanged rows record nothing. Errors in those three fields
    go to `rencana.galat_revisi`, row errors to `rencana.galat`."""
    _wajib_berwenang(aktor, organisasi)
    try:
        with transaction.atomic():
            # Lock the PK before planning: a signing between the plan and the writes would
            # otherwise let draft-style writes reach a signed PK.
            pk = (
                PerjanjianKinerja.objects.select_for_update()
                .filter(organisasi=organisasi, tahun=tahun)
                .first()
            )
            rencana = rencana_target(
                organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama_berkas
            )
            if not rencana.sah:
                raise _Batal
            if rencana.revisi is not None:
                _terapkan_revisi(
                    rencana, aktor=aktor, dasar_hukum=dasar_hukum, alasan=alasan, tanggal=tanggal
                )
            else:
                _terapkan_draf(rencana, pk=pk, aktor=aktor, nama_berkas=nama_berkas)
    except _Batal:
        return rencana, False
    return rencana, True


def impor_target_periode(
    *,
    organisasi: Organisasi,
    tahun: int,
    isi: bytes,
    nama_berkas: str,
    aktor,
    dasar_hukum: str = "",
    alasan: str = "",
    tanggal: dt.date | None = None,
) -> tuple[Rencana, bool]:
    """Apply a period-target workbook through `target_periode_simpan_banyak`: all rows or
    none; a signed PK's changes become one revision (its fields' errors in `galat_revisi`)."""
    _wajib_berwenang(aktor, organisasi)
    try:
        with transaction.atomic():
            pk = (
                PerjanjianKinerja.objects.select_for_update()
                .filter(organisasi=organisasi, tahun=tahun)
                .first()
            )
            rencana = rencana_target_periode(
                organisasi=organisasi, tahun=tahun, isi=isi, nama_berkas=nama_berkas
            )
            if not rencana.sah:
                raise _Batal
            target: dict[int, dict[int, object]] = {}
            for b in rencana.baris:
                if b.aksi != TETAP:
                    target.setdefault(b.data["butir"], {})[b.data["ke"]] = b.data["target"]
            if not target:
                return rencana, True
            try:
                revisi = target_periode_simpan_banyak(
                    pk=pk, aktor=aktor, target=target,
                    dasar_hukum=dasar_hukum, alasan=alasan, tanggal=tanggal,
                )  # fmt: skip
            except (ValidationError, PermissionDenied) as e:
                galat = getattr(e, "message_dict", None) or {
                    "__all__": getattr(e, "messages", [str(e)])
                }
                for bidang, pesan in galat.items():
                    if bidang in BIDANG_REVISI:
                        rencana.galat_revisi[bidang] = list(pesan)
                    else:
                        rencana.galat.extend(
                            Galat(LEMBAR_TARGET_PERIODE, None, None, m) for m in pesan
                        )
                raise _Batal from None
            if revisi is not None and rencana.revisi is not None:
                rencana.revisi.nomor, rencana.revisi.revisi = revisi.nomor, revisi
    except _Batal:
        return rencana, False
    return rencana, True


def _terapkan_draf(rencana: Rencana, *, pk: PerjanjianKinerja, aktor, nama_berkas: str) -> None:
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
        if getattr(aktor, "is_authenticated", False):
            butir._history_user = aktor
        butir._change_reason = _alasan(nama_berkas)
        butir.save()


def _terapkan_revisi(rencana: Rencana, *, aktor, dasar_hukum, alasan, tanggal) -> None:
    """The signed PK's changed targets as one revision; errors of `pk_revisi` are put back
    on the row (target_<butir id>) or the revision field they concern."""
    info = rencana.revisi
    ubah = [b for b in rencana.baris if b.aksi == UBAH]
    butir = {
        b.indikator_id: b
        for b in ButirPK.objects.filter(
            pk_dokumen=info.pk, indikator__in=[b.indikator.pk for b in ubah]
        )
    }
    baris_butir = {butir[b.indikator.pk].pk: b.baris for b in ubah}
    try:
        with transaction.atomic():
            revisi = pk_revisi(
                pk=info.pk,
                aktor=aktor,
                dasar_hukum=dasar_hukum,
                alasan=alasan,
                tanggal=tanggal,
                target_baru={butir[b.indikator.pk].pk: b.data["target"] for b in ubah},
            )
    except ValidationError as e:
        galat = e.message_dict if hasattr(e, "error_dict") else {"__all__": e.messages}
        for bidang, pesan in galat.items():
            if bidang in BIDANG_REVISI:
                rencana.galat_revisi[bidang] = list(pesan)
                continue
            nomor = None
            if bidang.startswith("target_") and bidang[7:].isdigit():
                nomor = baris_butir.get(int(bidang[7:]))
            for m in pesan:
                rencana.galat.append(Galat(LEMBAR_TARGET, nomor, "target" if nomor else None, m))
        raise _Batal from None
    info.nomor, info.revisi = revisi.nomor, revisi


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
