"""API of the monev (a ninja Router mounted by kinerja.api.api): the completeness board and
the early warning, with the pages' permission rules: the unit and the units below it that
the user may see (404 for a unit the user may not see, like a missing one); drafts only
with `organisasi.lihat_draf`, otherwise verified realisasi only. Decimals are strings."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from kinerja.api import skema
from kinerja.api.skema import Galat
from kinerja.monev import pemilih
from kinerja.organisasi.models import Organisasi
from kinerja.rumus.bilangan import teks

router = Router(tags=["monev"])


class KelengkapanOut(Schema):
    unit: str = Field(description="slug unit")
    jenis_periode: str = Field(description="bulan, triwulan, semester, tahun")
    ke: int
    periode: str = Field(description="label periode, mis. 'Maret 2025'")
    status: str = Field(description="kosong, draf, diajukan, terverifikasi, terlambat")
    batas_waktu: date
    harapan: int = Field(description="jumlah realisasi yang diharapkan (butir PK)")
    diajukan: int = Field(description="realisasi diajukan (belum diverifikasi)")
    terverifikasi: int


class RentangOut(Schema):
    bawah: str
    atas: str


class PeringatanOut(Schema):
    indikator_id: int
    unit: str = Field(description="slug unit pemilik PK")
    nama: str
    cara_agregasi: str = Field(description="kumulatif, rata_rata, nilai_akhir")
    target: str
    periode_berjalan: int = Field(description="periode yang sudah berakhir atau terisi")
    periode_terisi: int
    proyeksi_nilai: str | None
    proyeksi_capaian: str | None = Field(description="persen, belum dibulatkan")
    rentang: RentangOut | None = Field(
        description="rentang capaian (80 %); null bila periode terlalu sedikit"
    )
    metode: str = Field(description="metode proyeksi dengan angka yang dipakai")
    kalimat: str = Field(description="ringkasan untuk rapat monev")
    berisiko: bool = Field(description="true bila proyeksi capaian di bawah 100 %")


def _units(request, slug: str) -> tuple[Organisasi, list[Organisasi], set[int]]:
    org = Organisasi.objects.filter(slug=slug).first()
    if org is None or not request.user.has_perm("organisasi.lihat", org):
        raise HttpError(404, f"Organisasi '{slug}' tidak ditemukan.")
    units = [
        u
        for u in org.turunan().order_by("jalur")
        if u.pk == org.pk or request.user.has_perm("organisasi.lihat", u)
    ]
    draf = {u.pk for u in units if request.user.has_perm("organisasi.lihat_draf", u)}
    return org, units, draf


@router.get(
    "/organisasi/{slug}/{tahun}/kelengkapan",
    response={200: list[KelengkapanOut], 401: Galat, 404: Galat, 422: Galat},
    summary="Kelengkapan realisasi per unit dan periode, dengan batas waktu",
)
def kelengkapan(request, slug: skema.Slug, tahun: skema.Tahun):
    """Untuk unit dan unit di bawahnya yang boleh dilihat: setiap periode dari frekuensi
    indikator PK-nya, keadaan (kosong, draf, diajukan, terverifikasi, terlambat) dan batas
    waktu (kalender pelaporan, keputusan 0051). Tanpa hak lihat draf hanya realisasi
    terverifikasi yang dihitung.

    - 200: daftar (boleh kosong); 401: belum masuk; 404: unit tidak ada/tidak boleh dilihat;
    - 422: slug atau tahun di luar batas."""
    _org, units, draf = _units(request, slug)
    hari_ini = timezone.localdate()
    hasil = []
    for jenis, papan in pemilih.papan_semua(units, tahun, hari_ini, draf_ids=draf).items():
        for b in papan:
            for s in b.sel:
                hasil.append(
                    {
                        "unit": b.organisasi.slug,
                        "jenis_periode": jenis,
                        "ke": s.periode.ke,
                        "periode": s.periode.label,
                        "status": s.keadaan,
                        "batas_waktu": s.batas,
                        "harapan": s.harapan,
                        "diajukan": s.jumlah.get("diajukan", 0),
                        "terverifikasi": s.jumlah.get("diverifikasi", 0),
                    }
                )
    return hasil


@router.get(
    "/organisasi/{slug}/{tahun}/peringatan-dini",
    response={200: list[PeringatanOut], 401: Galat, 404: Galat, 422: Galat},
    summary="Proyeksi capaian akhir tahun per indikator (peringatan dini)",
)
def peringatan_dini(request, slug: skema.Slug, tahun: skema.Tahun):
    """Untuk setiap indikator PK berperiode dengan target angka di unit dan unit di bawahnya:
    proyeksi capaian akhir tahun dari realisasi sejauh ini menurut aturan agregasinya
    (kumulatif: laju rata-rata; rata-rata: rata-rata berjalan; nilai akhir: tren garis
    lurus), rentang 80 %, metode dan tanda berisiko (di bawah 100 %), keputusan 0052.

    - 200: daftar (boleh kosong); 401: belum masuk; 404: unit tidak ada/tidak boleh dilihat;
    - 422: slug atau tahun di luar batas."""
    _org, units, draf = _units(request, slug)
    hasil = []
    for b in pemilih.peringatan_dini(units, tahun, timezone.localdate(), draf_ids=draf):
        c = b.hasil
        hasil.append(
            {
                "indikator_id": b.indikator.pk,
                "unit": b.butir.pk_dokumen.organisasi.slug,
                "nama": b.indikator.nama,
                "cara_agregasi": b.indikator.cara_agregasi,
                "target": teks(b.butir.target),
                "periode_berjalan": b.periode_berjalan,
                "periode_terisi": c.proyeksi.terisi,
                "proyeksi_nilai": teks(c.proyeksi.nilai),
                "proyeksi_capaian": teks(c.capaian),
                "rentang": {"bawah": teks(c.bawah), "atas": teks(c.atas)}
                if c.bawah is not None
                else None,
                "metode": b.uraian_metode,
                "kalimat": b.kalimat,
                "berisiko": c.berisiko,
            }
        )
    return hasil
