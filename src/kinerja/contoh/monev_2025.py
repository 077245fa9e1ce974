"""A 2025 year in progress for the monev (issue 17): EXAMPLE DATA, labelled "(data contoh)",
not from the seed report. The seed ends with 2024; these figures only exist so that the
early warning, the calendar and the completeness board show something on the demo.

- Jakarta Pusat gets a PK 2025 with its three semester indices of 2024 (ILK, IKM, IEK,
  target of the Renstra 2025 when the fixtures have one, else the 2024 target) and three
  example indicators: a monthly cumulative count, a monthly mean percentage and a quarterly
  last-value index; realisasi of January-September (semester I for the indices), entered
  as verified example figures with an "impor" workflow event naming them as example data.
- Kelurahan Cideng gets a PK 2025 with a monthly example indicator: January-August entered
  by `operator.cideng` and verified by `verifikator.gambir` through the services,
  September a draft, October onwards missing (overdue on the calendar and the board).

Idempotent: a second run changes nothing.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

LABEL = "(data contoh)"
TAHUN = 2025
SUMBER = f"data contoh monev {TAHUN} (bukan angka terbit)"

# (kode, nama, frekuensi, cara, satuan, target, values of the periods entered)
KOTA = (
    (
        "CONTOH-PENGADUAN-BULAN",
        "Jumlah pengaduan masyarakat yang diselesaikan",
        "bulan", "kumulatif", "pengaduan", "1200",
        ("92", "88", "95", "90", "86", "93", "89", "91", "87"),
    ),
    (
        "CONTOH-ARAHAN-BULAN",
        "Persentase arahan pimpinan yang ditindaklanjuti tepat waktu",
        "bulan", "rata_rata", "%", "95",
        ("93.5", "96.0", "94.2", "97.1", "95.8", "96.4", "97.0", "95.5", "96.8"),
    ),
    (
        "CONTOH-SDI-TRIWULAN",
        "Indeks kualitas data SDI triwulanan",
        "triwulan", "nilai_akhir", "indeks", "3.25",
        ("2.9", "3.0", "3.05"),
    ),
)  # fmt: skip
SEMESTER = {"ILK": "88.9", "IKM": "90.1", "IEK": "87.4"}  # semester I 2025, example figures


def _indikator(org, kode, nama, frekuensi, cara, satuan):
    from kinerja.perencanaan.models import Indikator, Sasaran

    sasaran, _ = Sasaran.objects.get_or_create(
        organisasi=org,
        nomor=1,
        defaults={"uraian": f"Meningkatnya kualitas pelayanan publik {org.nama} {LABEL}"},
    )
    ind, _ = Indikator.objects.get_or_create(
        organisasi=org,
        kode=kode,
        defaults={
            "sasaran": sasaran,
            "nama": f"{nama} {LABEL}",
            "frekuensi": frekuensi,
            "cara_agregasi": cara,
            "satuan": satuan,
            "sumber_data": SUMBER,
        },
    )
    return ind


def _pk(org, jabatan: str):
    from kinerja.perencanaan.models import PerjanjianKinerja

    pk, _ = PerjanjianKinerja.objects.get_or_create(
        organisasi=org, tahun=TAHUN, defaults={"pihak_pertama_jabatan": jabatan}
    )
    return pk


def _butir(pk, ind, target, urutan):
    from kinerja.perencanaan.models import ButirPK

    ButirPK.objects.get_or_create(
        pk_dokumen=pk, indikator=ind, defaults={"target": Decimal(target), "urutan": urutan}
    )


def _terverifikasi(ind, jenis, ke, nilai) -> bool:
    """An example figure entered as verified, with its workflow event (as muat.py does for
    published figures); False when the row exists already."""
    from kinerja.pengukuran.models import AksiRealisasi, PeristiwaRealisasi, Realisasi

    if Realisasi.objects.filter(indikator=ind, tahun=TAHUN, jenis_periode=jenis, ke=ke).exists():
        return False
    r = Realisasi.objects.create(
        indikator=ind,
        organisasi=ind.organisasi,
        tahun=TAHUN,
        jenis_periode=jenis,
        ke=ke,
        nilai=Decimal(nilai),
        sumber=SUMBER,
        penjelasan=f"{LABEL} angka contoh untuk peragaan monev.",
        status="diverifikasi",
    )
    PeristiwaRealisasi.objects.create(
        realisasi=r,
        aksi=AksiRealisasi.IMPOR,
        dari_status="",
        ke_status="diverifikasi",
        aktor=None,
        alasan=f"Dimuat sebagai {SUMBER}.",
        perubahan={"nilai": [None, nilai]},
    )
    return True


@transaction.atomic
def siapkan_monev_2025(kota_slug: str = "jakarta-pusat") -> dict:
    from django.contrib.auth import get_user_model

    from kinerja.organisasi.models import Organisasi
    from kinerja.pengukuran import layanan as ukur
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import ButirPK, Indikator, TargetRenstra

    User = get_user_model()
    kota = Organisasi.objects.get(slug=kota_slug)
    baru = 0
    pk = _pk(kota, "Walikota Kota Administrasi Jakarta Pusat")
    for urutan, (kode, target_2024) in enumerate(
        (k, ButirPK.objects.filter(pk_dokumen__organisasi=kota, pk_dokumen__tahun=2024,
                                   indikator__kode=k).values_list("target", flat=True).first())
        for k in SEMESTER
    ):  # fmt: skip
        ind = Indikator.objects.filter(organisasi=kota, kode=kode).first()
        if ind is None or target_2024 is None:
            continue
        t = (
            TargetRenstra.objects.filter(indikator=ind, tahun=TAHUN, nilai__isnull=False)
            .values_list("nilai", flat=True)
            .first()
        )
        _butir(pk, ind, t if t is not None else target_2024, urutan + 1)
        baru += _terverifikasi(ind, "semester", 1, SEMESTER[kode])
    for i, (kode, nama, frek, cara, satuan, target, nilai) in enumerate(KOTA, start=10):
        ind = _indikator(kota, kode, nama, frek, cara, satuan)
        _butir(pk, ind, target, i)
        for ke, v in enumerate(nilai, start=1):
            baru += _terverifikasi(ind, frek, ke, v)

    # Kelurahan Cideng: entered and verified through the services, as the operators would.
    cideng = Organisasi.objects.get(slug=f"{kota_slug}-kel-cideng")
    operator = User.objects.filter(username="operator.cideng").first()
    verifikator = User.objects.filter(username="verifikator.gambir").first()
    ind = _indikator(
        cideng, "CONTOH-LAYANAN-BULAN", "Jumlah warga yang dilayani di kantor kelurahan",
        "bulan", "kumulatif", "orang",
    )  # fmt: skip
    _butir(_pk(cideng, "Lurah Cideng"), ind, "6000", 1)
    if (
        operator
        and verifikator
        and not Realisasi.objects.filter(indikator=ind, tahun=TAHUN).exists()
    ):
        for ke, v in enumerate(("455", "430", "470", "410", "445", "460", "438", "452", "441"), 1):
            r = ukur.realisasi_simpan(
                indikator=ind, tahun=TAHUN, jenis_periode="bulan", ke=ke, nilai=Decimal(v),
                penjelasan=f"{LABEL} rekap buku tamu pelayanan bulan ke-{ke}.", aktor=operator,
            )  # fmt: skip
            if ke <= 8:
                r = ukur.realisasi_ajukan(realisasi=r, aktor=operator)
                ukur.realisasi_verifikasi(realisasi=r, aktor=verifikator)
            baru += 1
    return {"baru": baru, "kota": kota, "kelurahan": cideng}
