"""EXAMPLE DATA (labelled "data contoh", not from the seed report): a small staff tree for
Kecamatan Gambir of the Jakarta Pusat demo, with SKP 2024 whose RHK cascade from the PK lines
the demo already holds (Kecamatan Gambir, Kelurahan Cideng; `contoh.kerja_demo`) and signed
annual assessments, so the cascade, the distribution and the LKIP's SDM section have data.

The names and NIPs are generated. Demo accounts linked to employees: `camat.gambir` (Camat),
`lurah.cideng` (Lurah Cideng: rates Cideng's staff on the pages) and `operator.cideng`
(a pelaksana at Cideng: writes their own RHK realisasi). Cideng shows the weakness the
distribution page flags at Kelurahan Gambir: every rated employee "di atas ekspektasi" while
the kelurahan's own PK indicator (added here, with a verified realisasi of 75 against 100)
misses its target. Idempotent: a second run changes nothing."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from kinerja.rumus import skp as rumus

LABEL = "(data contoh)"

# (kunci, nama, jabatan, jenis, unit: "kec"/"cideng"/"gambir", atasan kunci, akun, tgl lahir)
STAF = [
    ("camat", "Drs. Arief Wicaksono, M.Si", "Camat Gambir", "administrator", "kec", None, "camat.gambir", "19750312"),
    ("sekcam", "Rina Kusumawati, S.Sos", "Sekretaris Kecamatan Gambir", "administrator", "kec", "camat", "", "19800521"),
    ("kasubag", "Hendra Saputra, S.E.", "Kepala Subbagian Umum Kecamatan", "pengawas", "kec", "sekcam", "", "19840917"),
    ("staf_umum", "Dewi Lestari", "Pengadministrasi Umum", "pelaksana", "kec", "kasubag", "", "19900204"),
    ("staf_keu", "Agus Prasetyo", "Pengelola Keuangan", "pelaksana", "kec", "kasubag", "", "19920611"),
    ("kasi_pem", "Yusuf Maulana, S.IP", "Kepala Seksi Pemerintahan Kecamatan", "pengawas", "kec", "camat", "", "19830128"),
    ("lurah_cideng", "Siti Nurhaliza, S.STP", "Lurah Cideng", "administrator", "cideng", "camat", "lurah.cideng", "19860409"),
    ("sekel_cideng", "Bambang Hermawan, S.Sos", "Sekretaris Kelurahan Cideng", "pengawas", "cideng", "lurah_cideng", "", "19810715"),
    ("staf_cideng", "Putri Anggraini", "Pengadministrasi Umum Kelurahan Cideng", "pelaksana", "cideng", "sekel_cideng", "operator.cideng", "19950823"),
    ("kasi_cideng", "Rudi Hartono, S.H.", "Kepala Seksi Pelayanan Kelurahan Cideng", "pengawas", "cideng", "lurah_cideng", "", "19850302"),
    ("lurah_gambir", "Fajar Nugroho, S.STP", "Lurah Gambir", "administrator", "gambir", "camat", "", "19870130"),
    ("sekel_gambir", "Maya Sari, S.AP", "Sekretaris Kelurahan Gambir", "pengawas", "gambir", "lurah_gambir", "", "19890614"),
]  # fmt: skip

# (kunci pegawai, uraian RHK, RHK atasan (kunci, nomor) or None, PK line of "kec", "cideng" or
#  "kota" (the walikota's PK, a unit above the kecamatan) or None,
#  indicator (uraian, target, satuan))
RHK_CONTOH = [
    ("camat", "Meningkatnya ketepatan pelaporan kinerja kelurahan se-Kecamatan Gambir", None, "kec", ("Kelurahan yang melapor tepat waktu", "100", "%")),
    ("camat", "Terselenggaranya pelayanan publik kecamatan yang responsif", None, "kota", ("Pengaduan yang ditindaklanjuti", "90", "%")),
    ("sekcam", "Tersusunnya laporan kinerja kecamatan tepat waktu", ("camat", 1), None, ("Laporan kinerja triwulanan", "4", "laporan")),
    ("kasubag", "Terkelolanya administrasi umum dan kepegawaian", ("sekcam", 1), None, ("Dokumen administrasi yang diselesaikan", "48", "dokumen")),
    ("staf_umum", "Terarsipnya surat masuk dan keluar", ("kasubag", 1), None, ("Surat yang diarsipkan", "1200", "surat")),
    ("staf_keu", "Tersusunnya laporan keuangan bulanan", ("kasubag", 1), None, ("Laporan keuangan bulanan", "12", "laporan")),
    ("kasi_pem", "Terfasilitasinya pelaporan kinerja kelurahan", ("camat", 1), None, ("Rapat koordinasi pelaporan", "4", "kegiatan")),
    ("lurah_cideng", "Meningkatnya tindak lanjut pengaduan warga Kelurahan Cideng", ("camat", 2), "cideng", ("Pengaduan warga yang ditindaklanjuti", "90", "%")),
    ("sekel_cideng", "Terkoordinasinya tindak lanjut pengaduan lintas seksi", ("lurah_cideng", 1), None, ("Rekap pengaduan bulanan", "12", "rekap")),
    ("staf_cideng", "Tercatatnya pengaduan warga di aplikasi CRM", ("sekel_cideng", 1), None, ("Pengaduan yang dicatat", "500", "pengaduan")),
    ("kasi_cideng", "Terlayaninya permohonan administrasi kependudukan", ("lurah_cideng", 1), None, ("Permohonan yang diselesaikan", "900", "permohonan")),
    ("lurah_gambir", "Terlaporkannya realisasi kinerja Kelurahan Gambir tepat waktu", ("camat", 1), "gambir", ("Laporan realisasi tepat waktu", "2", "laporan")),
    ("sekel_gambir", "Terhimpunnya data realisasi dari setiap seksi", ("lurah_gambir", 1), None, ("Rekap data realisasi", "2", "rekap")),
    ("kasi_pem", "Kegiatan rutin seksi", None, None, ("Kegiatan rutin", "12", "kegiatan")),  # a gap: serves nothing
]  # fmt: skip

# annual assessments signed by the atasan: kunci -> (rating hasil, rating perilaku)
PENILAIAN_2024 = {
    "sekcam": ("sesuai", "sesuai"),
    "kasi_pem": ("sesuai", "di_atas"),
    "lurah_cideng": ("di_atas", "sesuai"),
    "lurah_gambir": ("di_atas", "sesuai"),
    "sekel_gambir": ("di_atas", "di_atas"),
    "kasubag": ("di_atas", "di_atas"),
    "staf_umum": ("sesuai", "di_bawah"),
    "staf_keu": ("di_bawah", "sesuai"),
    "sekel_cideng": ("di_atas", "di_atas"),
    "kasi_cideng": ("di_atas", "sesuai"),
    "staf_cideng": ("di_atas", "sesuai"),
}


def _pk_kelurahan_gambir(kel, tahun: int):
    """A PK line of Kelurahan Gambir with a verified realisasi below its target."""
    from kinerja.pengukuran.models import Realisasi, StatusRealisasi
    from kinerja.perencanaan.models import ButirPK, Indikator, PerjanjianKinerja, Sasaran

    sasaran, _ = Sasaran.objects.get_or_create(
        organisasi=kel,
        nomor=1,
        defaults={"uraian": f"Meningkatnya akuntabilitas kinerja {kel.nama} {LABEL}"},
    )
    ind, _ = Indikator.objects.get_or_create(
        organisasi=kel,
        nama=f"Persentase laporan realisasi kinerja yang tepat waktu {LABEL}",
        defaults={"sasaran": sasaran, "frekuensi": "tahun", "satuan": "%"},
    )
    pk, _ = PerjanjianKinerja.objects.get_or_create(
        organisasi=kel, tahun=tahun, defaults={"pihak_pertama_jabatan": f"Lurah {kel.nama}"}
    )
    butir, _ = ButirPK.objects.get_or_create(
        pk_dokumen=pk, indikator=ind, defaults={"target": Decimal(100), "urutan": 1}
    )
    Realisasi.objects.get_or_create(
        indikator=ind,
        organisasi=kel,
        tahun=tahun,
        jenis_periode="tahun",
        ke=1,
        defaults={
            "nilai": Decimal(75),
            "status": StatusRealisasi.DIVERIFIKASI,
            "penjelasan": f"{LABEL} 9 dari 12 laporan bulanan terkirim tepat waktu.",
        },
    )
    return butir


def _nip(tgl_lahir: str, i: int) -> str:
    """A plausible NIP: birth date, TMT (year+month), sex, sequence (example data)."""
    tmt = f"{int(tgl_lahir[:4]) + 23}03"
    return f"{tgl_lahir}{tmt}{1 + i % 2}{i + 1:03d}"


@transaction.atomic
def siapkan_skp_demo(kota_slug: str = "jakarta-pusat", tahun: int = 2024) -> dict:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from kinerja.organisasi.models import Organisasi, Penugasan
    from kinerja.perencanaan.models import ButirPK
    from kinerja.skp.models import (
        RHK,
        SKP,
        IndikatorRHK,
        Pegawai,
        Penilaian,
        StatusPenilaian,
    )

    User = get_user_model()
    unit = {
        "kec": Organisasi.objects.get(slug=f"{kota_slug}-kec-gambir"),
        "cideng": Organisasi.objects.get(slug=f"{kota_slug}-kel-cideng"),
        "gambir": Organisasi.objects.get(slug=f"{kota_slug}-kel-gambir"),
        "kota": Organisasi.objects.get(slug=kota_slug),
    }
    butir = {
        k: ButirPK.objects.filter(pk_dokumen__organisasi=unit[k], pk_dokumen__tahun=tahun)
        .order_by("urutan", "pk")
        .first()
        for k in ("kec", "cideng", "kota")
    }
    butir["gambir"] = _pk_kelurahan_gambir(unit["gambir"], tahun)
    pegawai: dict[str, Pegawai] = {}
    for i, (kunci, nama, jabatan, jenis, u, atasan, akun, lahir) in enumerate(STAF):
        pengguna = None
        if akun:
            pengguna, baru = User.objects.get_or_create(username=akun)
            if baru:
                pengguna.set_unusable_password()  # `kinerja demo` sets the demo password
                pengguna.save()
            if akun != "operator.cideng":
                Penugasan.objects.get_or_create(
                    pengguna=pengguna,
                    organisasi=unit[u],
                    peran="pimpinan",
                    defaults={"jabatan": jabatan},
                )
        p, _ = Pegawai.objects.update_or_create(
            nip=_nip(lahir, i),
            defaults={
                "nama": f"{nama} {LABEL}",
                "golongan": {"administrator": "IV/a", "pengawas": "III/d"}.get(jenis, "II/c"),
                "jabatan": jabatan,
                "jenis_jabatan": jenis,
                "organisasi": unit[u],
                "atasan": pegawai.get(atasan) if atasan else None,
                "pengguna": pengguna,
            },
        )
        pegawai[kunci] = p
    rhk: dict[tuple[str, int], RHK] = {}
    for kunci, uraian, atasan, pk_unit, (ind, target, satuan) in RHK_CONTOH:
        p = pegawai[kunci]
        skp, _ = SKP.objects.get_or_create(
            pegawai=p, tahun=tahun, defaults={"organisasi": p.organisasi, "jabatan": p.jabatan}
        )
        r = RHK.objects.filter(skp=skp, uraian=uraian).first()
        if r is None:
            r = RHK.objects.create(
                skp=skp,
                nomor=skp.rhk.count() + 1,
                uraian=uraian,
                rhk_atasan=rhk[atasan] if atasan else None,
                butir_pk=butir.get(pk_unit) if pk_unit else None,
            )
            IndikatorRHK.objects.create(
                rhk=r, aspek="kuantitas", uraian=ind, target=Decimal(target), satuan=satuan
            )
            IndikatorRHK.objects.create(
                rhk=r, aspek="waktu", uraian="Ketepatan waktu", target=Decimal(12), satuan="bulan"
            )
        rhk[(kunci, r.nomor)] = r
    for kunci, (hasil, perilaku) in PENILAIAN_2024.items():
        p = pegawai[kunci]
        Penilaian.objects.get_or_create(
            skp=SKP.objects.get(pegawai=p, tahun=tahun),
            jenis_periode="tahun",
            ke=1,
            defaults={
                "rating_hasil": hasil,
                "rating_perilaku": perilaku,
                "predikat": rumus.predikat_kinerja(hasil, perilaku),
                "status": StatusPenilaian.DITANDATANGANI,
                "ditandatangani_pada": timezone.now(),
                "penilai": p.atasan,
                "catatan": LABEL,
            },
        )
    return {"pegawai": len(pegawai), "rhk": len(RHK_CONTOH), "penilaian": len(PENILAIAN_2024)}
