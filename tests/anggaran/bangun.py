"""A large synthetic unit for query-count tests and the benchmark: n programs, each with
kegiatan and sub kegiatan, IOP, realisasi that add up, 12 months and belanja by type."""

from decimal import Decimal

from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis, RealisasiProgram
from kinerja.perencanaan.models import IndikatorKeluaran, ProgramAnggaran
from tests.anggaran.conftest import sasaran_terverifikasi

SUB_PAGU = Decimal(1_000_000)
SUB_REALISASI = Decimal(900_000)


def unit_besar(org, *, program=50, kegiatan=2, sub=5, tahun=2024):
    """program × kegiatan × sub sub kegiatan (50 × 2 × 5 = 500 by default)."""
    baris_p = ProgramAnggaran.objects.bulk_create(
        ProgramAnggaran(
            organisasi=org,
            tahun=tahun,
            tingkat="program",
            nama=f"Program {i:03d}",
            pagu=SUB_PAGU * kegiatan * sub,
            pagu_awal=SUB_PAGU * kegiatan * sub,
            urutan=i * 1000,
        )
        for i in range(1, program + 1)
    )
    baris_k = ProgramAnggaran.objects.bulk_create(
        ProgramAnggaran(
            organisasi=org,
            tahun=tahun,
            tingkat="kegiatan",
            induk=p,
            nama=f"Kegiatan {p.urutan + j}",
            pagu=SUB_PAGU * sub,
            urutan=p.urutan + j * 10,
        )
        for p in baris_p
        for j in range(1, kegiatan + 1)
    )
    baris_s = ProgramAnggaran.objects.bulk_create(
        ProgramAnggaran(
            organisasi=org,
            tahun=tahun,
            tingkat="sub_kegiatan",
            induk=k,
            nama=f"Sub kegiatan {k.urutan + s}",
            pagu=SUB_PAGU,
            urutan=k.urutan + s,
        )
        for k in baris_k
        for s in range(1, sub + 1)
    )
    RealisasiProgram.objects.bulk_create(
        [RealisasiProgram(program=p, realisasi=SUB_REALISASI * kegiatan * sub) for p in baris_p]
        + [RealisasiProgram(program=k, realisasi=SUB_REALISASI * sub) for k in baris_k]
        + [RealisasiProgram(program=s, realisasi=SUB_REALISASI) for s in baris_s]
    )
    IndikatorKeluaran.objects.bulk_create(
        IndikatorKeluaran(
            program=p, output=f"Output {p.nama}", nama=f"IOP {p.nama} {k}", target=4, realisasi=4
        )
        for p in baris_p
        for k in (1, 2)
    )
    pagu = SUB_PAGU * program * kegiatan * sub
    realisasi = SUB_REALISASI * program * kegiatan * sub
    BelanjaJenis.objects.create(
        organisasi=org, tahun=tahun, jenis="pegawai", pagu=pagu / 2, realisasi=realisasi / 2
    )
    BelanjaJenis.objects.create(
        organisasi=org, tahun=tahun, jenis="barang_jasa", pagu=pagu / 2, realisasi=realisasi / 2
    )
    rpd = [(pagu / 12).quantize(Decimal("0.01"))] * 11
    ra = [(realisasi / 12).quantize(Decimal("0.01"))] * 11
    rpd.append(pagu - sum(rpd))
    ra.append(realisasi - sum(ra))
    AnggaranBulanan.objects.bulk_create(
        AnggaranBulanan(organisasi=org, tahun=tahun, bulan=b, rpd=rpd[b - 1], realisasi=ra[b - 1])
        for b in range(1, 13)
    )
    sasaran_terverifikasi(org, tahun)
    return org
