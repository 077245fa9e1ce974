"""The quarterly monev report of a unit: a `kinerja.lkip.dokumen.Dokumen` written by the
LKIP's own writers (DOCX with the LKIP template, PDF through LibreOffice, XLSX through
`pertukaran.sel.isi_sel`), built as a job on the queue (`tugas_bangun_monev`).

Content: realisasi to date and the year-end projection per indicator (rumus.proyeksi), a
chart of the projections against 100 %, the rencana aksi steps behind schedule
(`kinerja.perencanaan.pemilih_renaksi.langkah_terlambat`), the calendar items overdue and
the open follow-up entries (register tindak lanjut).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from kinerja import angka as fmt
from kinerja.laporan.tabel import Tabel
from kinerja.lkip.dokumen import BlokGrafik, BlokTabel, Dokumen, Judul, Paragraf
from kinerja.monev import pemilih
from kinerja.monev.models import PekerjaanMonev, StatusPekerjaan
from kinerja.organisasi.models import Organisasi
from kinerja.perencanaan.pemilih_renaksi import langkah_terlambat
from kinerja.rumus.bilangan import D
from kinerja.rumus.periode import Periode, agregasi_periode

FORMAT = ("docx", "pdf", "xlsx")
AKTIF = (StatusPekerjaan.ANTRE, StatusPekerjaan.BERJALAN)


def _grafik(baris) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from kinerja.lkip.grafik import _pendek, _png
    from kinerja.pengukuran.grafik import ABU, BIRU, GAYA, ORANYE, _format_sumbu

    label = [_pendek(b.indikator.nama, 40) for b in baris]
    nilai = [float(b.hasil.capaian) for b in baris]
    bawah = [
        float(b.hasil.capaian - b.hasil.bawah) if b.hasil.bawah is not None else 0 for b in baris
    ]
    atas = [float(b.hasil.atas - b.hasil.capaian) if b.hasil.atas is not None else 0 for b in baris]
    with matplotlib.rc_context(GAYA):
        fig = Figure(figsize=(6.3, 0.9 + 0.36 * len(baris)), layout="constrained")
        ax = fig.add_subplot()
        y = list(range(len(baris)))[::-1]
        warna = [ORANYE if b.hasil.berisiko else BIRU for b in baris]
        ax.barh(y, nilai, color=warna, height=0.6, xerr=[bawah, atas], ecolor=ABU, capsize=3)
        ax.set_yticks(y, label, fontsize=8)
        for yy, b in zip(y, baris, strict=True):
            ax.annotate(
                fmt.angka(b.hasil.capaian, 0),
                (float(b.hasil.capaian), yy),
                textcoords="offset points",
                xytext=(4, 4),
                fontsize=7,
            )
        ax.axvline(100, color=ORANYE, linestyle="--", linewidth=1)
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", visible=True)
        ax.xaxis.set_major_formatter(_format_sumbu(0))
        ax.set_xlim(0, max([*(n + a for n, a in zip(nilai, atas, strict=True)), 100]) * 1.12)
        ax.set_xlabel("Proyeksi capaian akhir tahun (%) dan rentangnya")
    return _png(fig)


def susun_monev(organisasi: Organisasi, tahun: int, triwulan: int) -> Dokumen:
    """The report's blocks for the quarter (all figures from the monev selectors)."""
    from kinerja.evaluasi.models import TindakLanjut
    from kinerja.evaluasi.pemilih import TERBUKA

    p_tw = Periode("triwulan", tahun, triwulan)
    bulan_akhir = p_tw.bulan()[-1]
    acuan = dt.date(tahun, bulan_akhir, 1) + dt.timedelta(days=40)
    acuan = acuan.replace(day=1)  # the day after the quarter's last month
    label = f"Triwulan {('I', 'II', 'III', 'IV')[triwulan - 1]} {tahun}"
    dok = Dokumen(
        organisasi=organisasi,
        tahun=tahun,
        konteks={
            "judul": "LAPORAN MONITORING DAN EVALUASI KINERJA",
            "singkatan": f"Monev {label}",
            "organisasi": organisasi.nama,
            "induk": organisasi.induk.nama if organisasi.induk_id else "",
            "tahun": tahun,
            "alamat": organisasi.alamat,
            "kata_pengantar": (
                f"Laporan ini memantau capaian kinerja {organisasi.nama} sampai dengan akhir "
                f"{label}: realisasi yang sudah masuk, proyeksi capaian akhir tahun, langkah "
                "rencana aksi yang terlambat, dan tindak lanjut yang masih terbuka, sebagai "
                "bahan rapat monev pimpinan."
            ),
            "tempat": "",
            "tanggal": fmt.tanggal(timezone.localdate()),
            "penandatangan_jabatan": "",
            "penandatangan_nama": "",
        },
    )
    baris = pemilih.peringatan_dini([organisasi], tahun, acuan, sampai_bulan=bulan_akhir)
    dok.blok.append(Judul(f"Monitoring dan Evaluasi Kinerja {label}"))
    berisiko = [b for b in baris if b.hasil.berisiko]
    dok.blok.append(
        Paragraf(
            f"Sampai dengan akhir {label}, {len(baris)} indikator berperiode memiliki data untuk "
            f"diproyeksikan; {len(berisiko)} di antaranya diperkirakan tidak mencapai target "
            "akhir tahun bila laju sejauh ini berlanjut. Proyeksi memakai aturan agregasi "
            "setiap indikator: indikator kumulatif dengan laju rata-rata per periode, indikator "
            "rata-rata dengan rata-rata periode berjalan, indikator nilai akhir dengan tren garis "
            "lurus (nilai terakhir tetap bila baru satu atau dua periode). Rentang menunjukkan "
            "kisaran yang memuat hasil akhir sekitar 8 dari 10 kali bila pola periode sejauh ini "
            "berlanjut."
        )
    )
    dok.blok.append(Judul("A. Realisasi dan proyeksi capaian", tingkat=2))
    t = Tabel(
        f"Realisasi s.d. {label} dan Proyeksi Akhir Tahun",
        [
            "No", "Indikator", "Satuan", "Target", "Realisasi s.d. periode",
            "Proyeksi nilai", "Proyeksi capaian (%)", "Rentang (%)", "Keterangan",
        ],
        rata=["kiri", "kiri", "kiri"] + ["kanan"] * 5 + ["kiri"],
    )  # fmt: skip
    for i, b in enumerate(baris, 1):
        c = b.hasil
        ind = b.indikator
        sejauh = (
            agregasi_periode(b.terisi, cara=ind.cara_agregasi).nilai
            if any(x is not None for x in b.terisi)
            else None
        )
        rentang = f"{fmt.angka(c.bawah)}–{fmt.angka(c.atas)}" if c.bawah is not None else "-"
        t.tambah(
            i,
            ind.nama,
            ind.satuan,
            fmt.angka(b.butir.target, tetap=False),
            fmt.angka(sejauh, tetap=False) if sejauh is not None else "-",
            fmt.angka(c.proyeksi.nilai) if c.proyeksi.nilai is not None else "-",
            fmt.angka(c.capaian) if c.capaian is not None else "-",
            rentang,
            ("Berisiko: " if c.berisiko else "") + c.metode,
        )
    if not baris:
        t.catatan.append("Belum ada realisasi periode untuk diproyeksikan.")
    dok.blok.append(BlokTabel(t))
    grafik = [b for b in baris if b.hasil.capaian is not None]
    if grafik:
        dok.blok.append(BlokGrafik("Proyeksi Capaian Akhir Tahun per Indikator", _grafik(grafik)))
    for b in berisiko:
        dok.blok.append(Paragraf(f"{b.indikator.nama}: {b.kalimat}. Metode: {b.uraian_metode}."))

    dok.blok.append(Judul("B. Langkah rencana aksi yang terlambat", tingkat=2))
    langkah = langkah_terlambat(organisasi, tahun, bulan_akhir)
    tl = Tabel(
        f"Langkah Rencana Aksi Terlambat s.d. {label}",
        ["No", "Indikator", "Langkah", "Rencana s.d. bulan ini", "Realisasi", "Kekurangan"],
        rata=["kiri", "kiri", "kiri", "kanan", "kanan", "kanan"],
    )
    for i, x in enumerate(langkah, 1):
        satuan = f" {x.satuan}" if x.satuan else ""
        tl.tambah(
            i, x.indikator, x.uraian, fmt.angka(x.rencana_sampai) + satuan,
            fmt.angka(x.capai_sampai) + satuan, fmt.angka(x.kekurangan) + satuan,
        )  # fmt: skip
    if not langkah:
        tl.catatan.append("Tidak ada langkah yang terlambat.")
    dok.blok.append(BlokTabel(tl))

    dok.blok.append(Judul("C. Kelengkapan pelaporan", tingkat=2))
    kal = pemilih.kalender([organisasi], tahun, acuan)[organisasi.pk]
    tk = Tabel(
        f"Batas Waktu Pelaporan s.d. {label}",
        ["Butir", "Batas waktu", "Keadaan pada akhir triwulan", "Keterangan"],
        rata=["kiri", "kiri", "kiri", "kiri"],
    )
    for k in kal:
        if k.batas < acuan and k.jenis in ("realisasi", "verifikasi", "pk"):
            tk.tambah(k.judul, fmt.tanggal(k.batas), k.label_keadaan, k.uraian or "-")
    dok.blok.append(BlokTabel(tk))

    dok.blok.append(Judul("D. Tindak lanjut yang masih terbuka", tingkat=2))
    tt = Tabel(
        "Register Tindak Lanjut Terbuka",
        ["No", "Sumber", "Tahun", "Rekomendasi", "Batas waktu", "Status"],
        rata=["kiri", "kiri", "kanan", "kiri", "kiri", "kiri"],
    )
    entri = TindakLanjut.objects.filter(organisasi=organisasi, status__in=TERBUKA).order_by(
        "batas_waktu", "id"
    )
    for i, e in enumerate(entri, 1):
        batas = fmt.tanggal(e.batas_waktu) if e.batas_waktu else "-"
        if e.batas_waktu and e.batas_waktu < acuan:
            batas += " (terlambat)"
        tt.tambah(i, e.get_sumber_display(), e.tahun, e.rekomendasi, batas, e.get_status_display())
    if not tt.baris:
        tt.catatan.append("Tidak ada tindak lanjut yang terbuka.")
    dok.blok.append(BlokTabel(tt))
    dok.beri_nomor()
    return dok


def nama_dasar(organisasi: Organisasi, tahun: int, triwulan: int) -> str:
    return f"Monev-{organisasi.slug}-{tahun}-TW{triwulan}"


def bangun_monev(
    organisasi: Organisasi, tahun: int, triwulan: int, *, format=FORMAT, keluar: Path
) -> tuple[list[Path], list[str]]:
    from kinerja.lkip.docx import tulis_docx
    from kinerja.lkip.pdf import PdfGagal, docx_ke_pdf
    from kinerja.lkip.xlsx import tulis_xlsx

    dok = susun_monev(organisasi, tahun, triwulan)
    keluar.mkdir(parents=True, exist_ok=True)
    dasar = nama_dasar(organisasi, tahun, triwulan)
    berkas, catatan = [], []
    docx = keluar / f"{dasar}.docx"
    if "docx" in format or "pdf" in format:
        tulis_docx(dok, docx)
        if "docx" in format:
            berkas.append(docx)
    if "xlsx" in format:
        berkas.append(tulis_xlsx(dok, keluar / f"{dasar}.xlsx"))
    if "pdf" in format:
        try:
            catatan += docx_ke_pdf(docx, keluar / f"{dasar}.pdf")
            berkas.append(keluar / f"{dasar}.pdf")
        except PdfGagal as e:
            catatan.append(str(e))
        if "docx" not in format:
            docx.unlink(missing_ok=True)
    return berkas, catatan


def jalankan_pekerjaan(pekerjaan_id: int) -> None:
    p = PekerjaanMonev.objects.select_related("organisasi").get(pk=pekerjaan_id)
    if p.status not in AKTIF:
        return
    PekerjaanMonev.objects.filter(pk=p.pk).update(
        status=StatusPekerjaan.BERJALAN, langkah="Menyusun"
    )
    folder = Path(settings.DATA_DIR) / "monev" / p.organisasi.slug / f"pekerjaan-{p.pk}"
    try:
        berkas, catatan = bangun_monev(
            p.organisasi, p.tahun, p.triwulan, format=p.format.split(","), keluar=folder
        )
    except Exception as e:
        PekerjaanMonev.objects.filter(pk=p.pk).update(
            status=StatusPekerjaan.GAGAL, pesan=f"Pembangunan laporan monev gagal: {e}",
            selesai_pada=timezone.now(),
        )  # fmt: skip
        raise
    PekerjaanMonev.objects.filter(pk=p.pk).update(
        status=StatusPekerjaan.SELESAI,
        langkah="Selesai",
        folder=str(folder),
        berkas=[b.name for b in berkas],
        pesan="\n".join(catatan),
        selesai_pada=timezone.now(),
    )


@task(queue_name="laporan")
def tugas_bangun_monev(pekerjaan_id: int) -> None:
    jalankan_pekerjaan(pekerjaan_id)


class PembangunanBerjalan(ValueError):
    pass


def mulai_pekerjaan(*, organisasi: Organisasi, tahun: int, triwulan: int, format, aktor):
    """Record a build and queue it once the transaction commits (one active build per
    unit, year and quarter, enforced by the database)."""
    format = [f for f in format if f in FORMAT]
    if not format:
        raise ValueError("Pilih sedikitnya satu format: docx, pdf atau xlsx.")
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"Triwulan {triwulan} tidak ada (1-4).")
    D(tahun, bidang="tahun")
    try:
        with transaction.atomic():
            p = PekerjaanMonev.objects.create(
                organisasi=organisasi,
                tahun=tahun,
                triwulan=triwulan,
                format=",".join(format),
                dibuat_oleh=aktor,
            )
    except IntegrityError:
        raise PembangunanBerjalan(
            f"Laporan monev {organisasi.nama} triwulan {triwulan} {tahun} sedang dibangun; "
            "tunggu sampai selesai."
        ) from None

    def antre():
        hasil = tugas_bangun_monev.enqueue(p.pk)
        PekerjaanMonev.objects.filter(pk=p.pk).update(id_tugas=str(hasil.id)[:64])

    transaction.on_commit(antre)
    return p
