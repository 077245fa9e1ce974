"""Workbooks for download: the export of an organisation's year and the import templates.

Every sheet: title in row 1, a note in row 2, column headers in row 3, data from row 4. The
'Target PK' and 'Realisasi' sheets use the import columns, so an exported file can be
uploaded again unchanged (the importer then reports "tanpa perubahan" for every row).
Capaian comes from the `dasbor` selector (engine-computed), never recomputed here.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi, StatusRealisasi
from kinerja.pengukuran.pemilih import dasbor, pk_organisasi
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    Renstra,
    Sasaran,
    StatusPK,
    TargetPeriode,
    TargetRenstra,
    Tujuan,
)
from kinerja.pertukaran.impor import (
    KOLOM_REALISASI,
    KOLOM_TARGET,
    KOLOM_TARGET_PERIODE,
    LEMBAR_REALISASI,
    LEMBAR_TARGET,
    LEMBAR_TARGET_PERIODE,
)
from kinerja.pertukaran.sel import isi_sel, isi_teks
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode, label_pendek

BARIS_DATA = 4
_TEBAL = Font(bold=True)
_JUDUL = Font(bold=True, size=13)
_LATAR = PatternFill("solid", fgColor="DDE7F0")
CATATAN_IMPOR = (
    "Isi mulai baris 4; jangan ubah baris judul (baris 3). Angka boleh ditulis 97,46 atau "
    "sebagai angka Excel; paling banyak 6 angka di belakang koma. Baris tanpa nilai dilewati."
)


def _lembar(wb: Workbook, nama: str, judul: str, catatan: str, kolom: list[str], lebar=None):
    ws = wb.create_sheet(nama)
    isi_teks(ws["A1"], judul)
    ws["A1"].font = _JUDUL
    isi_teks(ws["A2"], catatan)
    ws["A2"].alignment = Alignment(wrap_text=False)
    for i, k in enumerate(kolom, start=1):
        sel = ws.cell(row=3, column=i)
        isi_teks(sel, k)
        sel.font, sel.fill = _TEBAL, _LATAR
        ws.column_dimensions[get_column_letter(i)].width = (lebar or {}).get(k, max(12, len(k) + 2))
    ws.freeze_panes = ws.cell(row=BARIS_DATA, column=1)
    return ws


def _tulis(ws, baris: int, nilai: list, dp: dict[int, int] | None = None) -> None:
    for i, x in enumerate(nilai, start=1):
        isi_sel(ws.cell(row=baris, column=i), x, dp=(dp or {}).get(i))


def _simpan(wb: Workbook) -> bytes:
    wb.remove(wb.worksheets[0])  # the default empty sheet
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


LEBAR = {
    "nama_indikator": 50,
    "penjelasan": 40,
    "Nama Indikator": 50,
    "Uraian": 60,
    "Sasaran": 50,
    "Definisi Operasional": 50,
    "Rumus": 40,
}


def _indikator(organisasi: Organisasi) -> list[Indikator]:
    return list(
        Indikator.objects.filter(organisasi=organisasi)
        .select_related("sasaran")
        .order_by("sasaran__nomor", "urutan", "pk")
    )


def _lembar_indikator(wb: Workbook, organisasi: Organisasi, daftar: list[Indikator]):
    kolom = [
        "id_indikator",
        "kode_indikator",
        "Nama Indikator",
        "Nomor Sasaran",
        "Definisi Operasional",
        "Rumus",
        "Satuan",
        "Polaritas",
        "Frekuensi",
        "Cara Agregasi",
        "Jenis Target",
        "Rasio",
        "IKU",
        "Sumber Data",
    ]
    ws = _lembar(
        wb, "Indikator", f"Indikator {organisasi}", "Daftar indikator unit ini.", kolom, LEBAR
    )
    for n, i in enumerate(daftar, start=BARIS_DATA):
        _tulis(
            ws,
            n,
            [
                i.pk,
                i.kode,
                i.nama,
                i.sasaran.nomor,
                i.definisi_operasional,
                i.rumus,
                i.satuan,
                i.polaritas,
                i.frekuensi,
                i.cara_agregasi,
                i.jenis_target,
                "ya" if i.rasio else "tidak",
                "ya" if i.iku else "tidak",
                i.sumber_data,
            ],
        )
    return ws


def _validasi(ws, kolom: list[str], akhir: int, tahun: int, jumlah_indikator: int) -> None:
    """Excel data validation where openpyxl supports it; warnings, so text like '97,46' passes."""

    def huruf(k):
        return get_column_letter(kolom.index(k) + 1)

    def tambah(dv, k):
        if k in kolom:
            ws.add_data_validation(dv)
            dv.add(f"{huruf(k)}{BARIS_DATA}:{huruf(k)}{akhir}")

    tambah(
        DataValidation(
            allow_blank=True,
            type="list",
            formula1=f"=Indikator!$A${BARIS_DATA}:$A${BARIS_DATA + max(jumlah_indikator, 1) - 1}",
            errorStyle="stop",
            error="Pilih id dari lembar 'Indikator'.",
            showErrorMessage=True,
        ),
        "id_indikator",
    )
    tambah(
        DataValidation(
            allow_blank=True,
            type="whole",
            operator="equal",
            formula1=str(tahun),
            error=f"Tahun harus {tahun}.",
            showErrorMessage=True,
        ),
        "tahun",
    )
    tambah(
        DataValidation(
            allow_blank=True,
            type="list",
            formula1='"' + ",".join(JUMLAH_PERIODE) + '"',
            error="Pilih bulan, triwulan, semester atau tahun.",
            showErrorMessage=True,
        ),
        "jenis_periode",
    )
    tambah(
        DataValidation(
            allow_blank=True,
            type="whole",
            operator="between",
            formula1="1",
            formula2="12",
            error="Periode ke- adalah bilangan bulat 1-12 (bulan), 1-4, 1-2 atau 1.",
            showErrorMessage=True,
        ),
        "ke",
    )
    for k in ("target", "target_bawah", "target_atas"):
        tambah(
            DataValidation(
                allow_blank=True,
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                errorStyle="warning",
                error="Target berupa angka tidak negatif (contoh: 97,46).",
                showErrorMessage=True,
            ),
            k,
        )
    for k in ("nilai", "pembilang", "penyebut"):
        tambah(
            DataValidation(
                allow_blank=True,
                type="decimal",
                operator="between",
                formula1="-1000000000000000",
                formula2="1000000000000000",
                errorStyle="warning",
                error="Isi angka (contoh: 97,46).",
                showErrorMessage=True,
            ),
            k,
        )


def _baris_target(tahun: int, i: Indikator, b: ButirPK | None) -> list:
    return [
        i.pk,
        i.kode,
        i.nama,
        tahun,
        b.target if b else None,
        b.target_bawah if b else None,
        b.target_atas if b else None,
        b.target_teks if b else "",
        i.satuan,
        i.get_jenis_target_display(),
    ]


def _lembar_target(
    wb, organisasi, tahun, daftar: list[Indikator], butir: dict, *, templat: bool, pk=None
):
    kolom = [*KOLOM_TARGET, "satuan (info)", "jenis target (info)"]
    keadaan = ""
    if pk is not None and pk.status == StatusPK.DRAFT:
        keadaan = " (DRAF, belum ditandatangani: target masih dapat berubah)"
    elif pk is not None and templat:
        keadaan = " (sudah ditandatangani: target yang diubah dicatat sebagai revisi PK)"
    ws = _lembar(
        wb,
        LEMBAR_TARGET,
        f"Target Perjanjian Kinerja {organisasi} {tahun}{keadaan}",
        CATATAN_IMPOR + " Target tidak boleh negatif; target rentang memakai target_bawah dan "
        "target_atas, target kualitatif memakai target_teks.",
        kolom,
        LEBAR,
    )
    isi = daftar if templat else [i for i in daftar if i.pk in butir]
    for n, i in enumerate(isi, start=BARIS_DATA):
        _tulis(ws, n, _baris_target(tahun, i, butir.get(i.pk)))
    if templat:
        _validasi(ws, kolom, BARIS_DATA + len(isi) + 200, tahun, len(daftar))
    return ws


def _lembar_realisasi(wb, organisasi, tahun, baris: list, *, templat: bool, jumlah_indikator=0):
    kolom = [*KOLOM_REALISASI, "periode (info)"] + ([] if templat else ["status (info)"])
    ws = _lembar(
        wb,
        LEMBAR_REALISASI,
        f"Realisasi {organisasi} {tahun}",
        CATATAN_IMPOR + " jenis_periode: frekuensi indikator atau 'tahun'. Indikator rasio: "
        "isi pembilang dan penyebut (nilai dihitung otomatis).",
        kolom,
        LEBAR,
    )
    for n, r in enumerate(baris, start=BARIS_DATA):
        _tulis(ws, n, r)
    if templat:
        _validasi(ws, kolom, BARIS_DATA + len(baris) + 500, tahun, jumlah_indikator)
    return ws


def templat_realisasi(organisasi: Organisasi, tahun: int) -> bytes:
    """A blank realisasi form: one row per indicator and period of its frequency."""
    wb = Workbook()
    daftar = _indikator(organisasi)
    baris = []
    for i in daftar:
        for ke in range(1, JUMLAH_PERIODE[i.frekuensi] + 1):
            label = Periode(jenis=i.frekuensi, tahun=tahun, ke=ke).label
            baris.append([i.pk, i.kode, i.nama, tahun, i.frekuensi, ke, *[None] * 5, label])
    _lembar_realisasi(wb, organisasi, tahun, baris, templat=True, jumlah_indikator=len(daftar))
    _lembar_indikator(wb, organisasi, daftar)
    return _simpan(wb)


def templat_target(organisasi: Organisasi, tahun: int, *, dengan_draf: bool = False) -> bytes:
    """The PK-target form, filled with the current targets (unchanged rows import as no-ops);
    a draft PK's targets only `dengan_draf` (users with `organisasi.lihat_draf`)."""
    wb = Workbook()
    daftar = _indikator(organisasi)
    pk = pk_organisasi(organisasi, tahun, dengan_draf=dengan_draf)
    butir = {b.indikator_id: b for b in ButirPK.objects.filter(pk_dokumen=pk)} if pk else {}
    _lembar_target(wb, organisasi, tahun, daftar, butir, templat=True, pk=pk)
    _lembar_indikator(wb, organisasi, daftar)
    return _simpan(wb)


def _renstra(wb, organisasi: Organisasi, tahun: int, daftar: list[Indikator]) -> None:
    renstra = list(
        Renstra.objects.filter(organisasi=organisasi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
    )
    ws = _lembar(
        wb,
        "Tujuan",
        f"Tujuan Renstra {organisasi}",
        "; ".join(f"{r.nama} ({r.tahun_awal}-{r.tahun_akhir})" for r in renstra)
        or "Belum ada Renstra yang mencakup tahun ini.",
        ["Renstra", "Kode", "Uraian"],
        LEBAR,
    )
    n = BARIS_DATA
    for t in Tujuan.objects.filter(renstra__in=renstra).select_related("renstra"):
        _tulis(ws, n, [t.renstra.nama, t.kode, t.uraian])
        n += 1
    ws = _lembar(
        wb,
        "Sasaran",
        f"Sasaran {organisasi}",
        "",
        ["Nomor", "Kelompok", "Kode Tujuan", "Uraian", "Sasaran Induk"],
        LEBAR,
    )
    qs = Sasaran.objects.filter(organisasi=organisasi).select_related("tujuan", "induk")
    for n, s in enumerate(qs.order_by("nomor"), start=BARIS_DATA):
        _tulis(
            ws,
            n,
            [
                s.nomor,
                s.get_kelompok_display(),
                s.tujuan.kode if s.tujuan else "",
                s.uraian,
                str(s.induk) if s.induk else "",
            ],
        )
    _lembar_indikator(wb, organisasi, daftar)
    target = list(
        TargetRenstra.objects.filter(indikator__in=daftar).order_by("indikator", "sumber", "tahun")
    )
    tahun_ada = sorted({t.tahun for t in target})
    ws = _lembar(
        wb,
        "Target Renstra",
        f"Target Renstra/RPD per tahun {organisasi}",
        "",
        [
            "id_indikator",
            "kode_indikator",
            "Nama Indikator",
            "Sumber",
            "Satuan",
            *map(str, tahun_ada),
        ],
        LEBAR,
    )
    per_baris: dict[tuple, dict] = {}
    for t in target:
        per_baris.setdefault((t.indikator_id, t.sumber), {})[t.tahun] = (
            t.nilai if t.nilai is not None else t.nilai_teks
        )
    urut = {i.pk: (n, i) for n, i in enumerate(daftar)}
    for n, ((ind_id, sumber), nilai) in enumerate(
        sorted(per_baris.items(), key=lambda x: (urut[x[0][0]][0], x[0][1])), start=BARIS_DATA
    ):
        i = urut[ind_id][1]
        _tulis(ws, n, [i.pk, i.kode, i.nama, sumber, i.satuan, *[nilai.get(t) for t in tahun_ada]])


def templat_renstra(organisasi: Organisasi, tahun: int) -> bytes:
    """The Renstra form: the export's sheets Tujuan, Sasaran, Indikator and Target Renstra,
    filled with the current data (unchanged rows import as no-ops)."""
    wb = Workbook()
    _renstra(wb, organisasi, tahun, _indikator(organisasi))
    return _simpan(wb)


def _capaian(wb, d) -> None:
    ws = _lembar(
        wb,
        "Capaian",
        f"Capaian kinerja {d.organisasi} {d.tahun}"
        + (" (target PK DRAF: capaian sementara)" if d.pk_draf else ""),
        "Dihitung mesin rumus Kinerja dari target PK dan realisasi; nilai tersimpan tanpa pembulatan, "
        "ditampilkan 2 desimal.",
        [
            "Nomor Sasaran",
            "Sasaran",
            "id_indikator",
            "Nama Indikator",
            "Satuan",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Predikat",
            "Status Data",
            "Rumus",
        ],
        LEBAR,
    )
    for n, b in enumerate(d.baris, start=BARIS_DATA):
        if b.target_teks:
            target = b.target_teks
        elif b.butir.target_bawah is not None and b.butir.target_atas is not None:
            target = f"{b.butir.target_bawah.normalize()}-{b.butir.target_atas.normalize()}"
        else:
            target = b.target
        _tulis(
            ws,
            n,
            [
                b.sasaran.nomor,
                b.sasaran.uraian,
                b.indikator.pk,
                b.indikator.nama,
                b.indikator.satuan,
                target,
                b.realisasi if b.realisasi is not None else (b.realisasi_teks or None),
                b.hasil.capaian if b.hasil else None,
                b.hasil.predikat if b.hasil else "",
                StatusRealisasi(b.status).label if b.status else "belum diisi",
                b.hasil.rumus if b.hasil else "",
            ],
            dp={8: 2},
        )
    ws = _lembar(
        wb,
        "Capaian Sasaran",
        f"Rata-rata capaian sasaran {d.organisasi} {d.tahun}",
        "Rekap predikat: " + ", ".join(f"{k} {v}" for k, v in d.rekap.items()),
        ["Nomor", "Sasaran", "Jumlah Indikator", "Tanpa Data", "Capaian (%)", "Predikat", "Rumus"],
        LEBAR,
    )
    for n, s in enumerate(d.sasaran, start=BARIS_DATA):
        h = s.hasil
        _tulis(
            ws,
            n,
            [
                s.sasaran.nomor,
                s.sasaran.uraian,
                h.jumlah_indikator,
                h.indikator_tanpa_data,
                h.capaian,
                h.predikat,
                h.rumus,
            ],
            dp={5: 2},
        )
    ws = _lembar(
        wb,
        "Temuan Reviu",
        f"Temuan reviu angka terbit {d.organisasi} {d.tahun}",
        "Angka terbit dibandingkan dengan hasil hitung (toleransi 0,01)."
        if d.temuan
        else "Tidak ada temuan.",
        ["Kode", "Uraian", "Sumber", "Terbit", "Hitung", "Selisih", "Rumus", "Catatan"],
        LEBAR,
    )
    for n, t in enumerate(d.temuan, start=BARIS_DATA):
        _tulis(
            ws,
            n,
            [t.kode, t.uraian, t.sumber, t.terbit, t.hitung, t.selisih, t.rumus, t.catatan],
            dp={6: 2},
        )


def _lembar_target_periode(wb, organisasi, tahun, butir: dict, *, templat: bool = False) -> None:
    """The PK's targets per period (docs/keputusan/0037-target-periode.md). The export lists
    the targets set; the template (`templat`) a row for every period of every PK line that
    can have period targets, filled where a target exists, for the 'Target per periode'
    import."""
    ws = _lembar(
        wb,
        LEMBAR_TARGET_PERIODE,
        f"Target per periode Perjanjian Kinerja {organisasi} {tahun}",
        "Isi kolom 'target' per periode lalu impor dengan jenis 'Target per periode'; baris "
        "dengan target kosong dilewati (target yang ada tidak dihapus). PK yang sudah "
        "ditandatangani: perubahan dicatat sebagai satu revisi.",
        KOLOM_TARGET_PERIODE,
        LEBAR,
    )
    ada = {
        (t.butir_id, t.jenis_periode, t.ke): t.target
        for t in TargetPeriode.objects.filter(butir__in=[b.pk for b in butir.values()])
    }
    baris = BARIS_DATA
    for b in sorted(butir.values(), key=lambda b: (b.urutan, b.pk)):
        i = b.indikator
        jenis = i.frekuensi
        if (
            jenis not in JUMLAH_PERIODE
            or jenis == "tahun"
            or i.jenis_target not in ("biasa", "tepat")
        ):
            continue
        for ke in range(1, JUMLAH_PERIODE[jenis] + 1):
            target = ada.get((b.pk, jenis, ke))
            if target is None and not templat:
                continue
            _tulis(
                ws,
                baris,
                [i.pk, i.kode, i.nama, tahun, jenis, ke, label_pendek(jenis, ke), target],
            )
            baris += 1


def templat_target_periode(
    organisasi: Organisasi, tahun: int, *, dengan_draf: bool = False
) -> bytes:
    """The period-target form of the year's PK (a draft PK only `dengan_draf`)."""
    wb = Workbook()
    pk = pk_organisasi(organisasi, tahun, dengan_draf=dengan_draf)
    butir = (
        {
            b.indikator_id: b
            for b in ButirPK.objects.filter(pk_dokumen=pk).select_related("indikator")
        }
        if pk
        else {}
    )
    _lembar_target_periode(wb, organisasi, tahun, butir, templat=True)
    _lembar_indikator(wb, organisasi, _indikator(organisasi))
    return _simpan(wb)


def buku_ekspor(organisasi: Organisasi, tahun: int, *, dengan_draf: bool) -> bytes:
    """The whole year in one workbook; without `dengan_draf` only verified realisasi and a
    signed PK appear (a draft PK's targets and capaian are left out)."""
    wb = Workbook()
    daftar = _indikator(organisasi)
    _renstra(wb, organisasi, tahun, daftar)
    pk = pk_organisasi(organisasi, tahun, dengan_draf=dengan_draf)
    butir = (
        {
            b.indikator_id: b
            for b in ButirPK.objects.filter(pk_dokumen=pk).select_related("indikator")
        }
        if pk
        else {}
    )
    _lembar_target(wb, organisasi, tahun, daftar, butir, templat=False, pk=pk)
    _lembar_target_periode(wb, organisasi, tahun, butir)
    qs = Realisasi.objects.filter(organisasi=organisasi, tahun=tahun).select_related("indikator")
    if not dengan_draf:
        qs = qs.filter(status=StatusRealisasi.DIVERIFIKASI)
    urut = {i.pk: n for n, i in enumerate(daftar)}
    jenis = list(JUMLAH_PERIODE)
    baris = [
        [
            r.indikator_id,
            r.indikator.kode,
            r.indikator.nama,
            r.tahun,
            r.jenis_periode,
            r.ke,
            r.nilai,
            r.nilai_teks,
            r.pembilang,
            r.penyebut,
            r.penjelasan,
            r.label_periode,
            r.get_status_display(),
        ]
        for r in sorted(
            qs, key=lambda r: (urut.get(r.indikator_id, 0), jenis.index(r.jenis_periode), r.ke)
        )
    ]
    _lembar_realisasi(wb, organisasi, tahun, baris, templat=False)
    _capaian(wb, dasbor(organisasi, tahun, hanya_terverifikasi=not dengan_draf))
    return _simpan(wb)
