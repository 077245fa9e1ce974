"""Work for every demo role (issue 19): the demo's accounts should not meet empty pages.

Everything here is EXAMPLE DATA (labelled "data contoh"), not from the seed report:
- Kelurahan Cideng and Kecamatan Gambir get a PK 2024 with one indicator each; Cideng's
  semester I realisasi is submitted (with evidence) by `operator.cideng`, so
  `verifikator.gambir` has a queue, and its semester II is a draft for the operator to finish;
- Cideng gets an open SKM round in the current semester with a public link; `tautan_demo`
  returns the URLs the demo prints (form, kiosk activation, QR poster).
Idempotent: a second run changes nothing."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

LABEL = "(data contoh)"
BUKTI = b"%PDF-1.4\n% data contoh Kinerja: rekap pengaduan warga semester I\n%%EOF\n"


def _indikator(org, nama: str, target: str):
    from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran

    sasaran, _ = Sasaran.objects.get_or_create(
        organisasi=org,
        nomor=1,
        defaults={"uraian": f"Meningkatnya kualitas pelayanan publik {org.nama} {LABEL}"},
    )
    ind, _ = Indikator.objects.get_or_create(
        organisasi=org,
        nama=f"{nama} {LABEL}",
        defaults={"sasaran": sasaran, "frekuensi": "semester", "satuan": "%"},
    )
    pk, _ = PerjanjianKinerja.objects.get_or_create(
        organisasi=org,
        tahun=2024,
        defaults={"pihak_pertama_jabatan": f"Kepala {org.nama}"},
    )
    ButirPK.objects.get_or_create(
        pk_dokumen=pk, indikator=ind, defaults={"target": Decimal(target), "urutan": 1}
    )
    return ind


@transaction.atomic
def siapkan_kerja_demo(kota_slug: str = "jakarta-pusat") -> dict:
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.models import Organisasi
    from kinerja.pengukuran import layanan as ukur
    from kinerja.pengukuran.models import Realisasi

    User = get_user_model()
    cideng = Organisasi.objects.get(slug=f"{kota_slug}-kel-cideng")
    gambir = Organisasi.objects.get(slug=f"{kota_slug}-kec-gambir")
    operator = User.objects.get(username="operator.cideng")
    ind_kel = _indikator(cideng, "Persentase pengaduan warga yang ditindaklanjuti", "90")
    _indikator(gambir, "Persentase kelurahan yang melaporkan realisasi tepat waktu", "100")

    if not Realisasi.objects.filter(indikator=ind_kel, tahun=2024).exists():
        s1 = ukur.realisasi_simpan(
            indikator=ind_kel,
            tahun=2024,
            jenis_periode="semester",
            ke=1,
            nilai=Decimal("86.4"),
            penjelasan=(
                f"{LABEL} 216 dari 250 pengaduan ditindaklanjuti; sisanya menunggu jawaban "
                "dinas teknis dan ditargetkan selesai pada semester II."
            ),
            aktor=operator,
        )
        ukur.bukti_unggah(
            realisasi=s1,
            berkas=SimpleUploadedFile("rekap-pengaduan-s1.pdf", BUKTI, "application/pdf"),
            aktor=operator,
        )
        ukur.realisasi_ajukan(realisasi=s1, aktor=operator)
        ukur.realisasi_simpan(
            indikator=ind_kel,
            tahun=2024,
            jenis_periode="semester",
            ke=2,
            nilai=Decimal("92.0"),
            aktor=operator,
        )
    return {"kelurahan": cideng, "kecamatan": gambir, "putaran": _putaran_terbuka(cideng)}


def _putaran_terbuka(kel):
    """An open SKM round of the current semester for the kelurahan, with a public link."""
    from django.contrib.auth import get_user_model

    from kinerja.survei.kuesioner import kuesioner_baku
    from kinerja.survei.layanan import putaran_buat
    from kinerja.survei.models import PutaranSurvei
    from kinerja.survei_publik.layanan import tautan_buat
    from kinerja.survei_publik.models import TautanPublik

    hari_ini = timezone.localdate()
    semester = 1 if hari_ini.month <= 6 else 2
    admin = get_user_model().objects.get(username="admin.jakpus")
    k = kuesioner_baku("skm")
    p = PutaranSurvei.objects.filter(
        organisasi=kel, tahun=hari_ini.year, jenis_periode="semester", ke=semester
    ).first()
    if p is None:
        p = putaran_buat(
            kuesioner=k,
            organisasi=kel,
            layanan=k.layanan.order_by("urutan").first(),
            jenis_periode="semester",
            tahun=hari_ini.year,
            ke=semester,
            populasi=12000,
            pelaksana=f"Kelurahan {kel.nama} {LABEL}",
            aktor=admin,
            status="dibuka",
        )
    t = TautanPublik.objects.filter(putaran=p, aktif=True).first()
    if t is None:
        t = tautan_buat(putaran=p, aktor=admin, keterangan=f"Poster loket {LABEL}")
    return t


def tautan_demo(tautan, dasar: str) -> list[tuple[str, str]]:
    from django.urls import reverse

    kode = tautan.kode
    return [
        ("Formulir survei publik", dasar + reverse("publik_formulir", args=[kode])),
        ("Mode kios (diaktifkan petugas)", dasar + reverse("publik_kios_aktifkan", args=[kode])),
        ("Poster dengan kode QR", dasar + reverse("publik_poster", args=[kode])),
    ]
