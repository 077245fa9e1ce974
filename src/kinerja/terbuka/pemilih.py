"""What a published unit-year shows the public (keputusan 0060), from the apps' selectors:

- capaian of each PK indicator (IKU marked) and the sasaran means: `pengukuran.pemilih`
  with `hanya_terverifikasi=True` (a signed PK and verified realisasi only);
- IKM per questionnaire with its unsur and number of respondents: `survei.pemilih.laporan`
  (aggregates only; an index from fewer than `BATAS_RESPONDEN_IKM` respondents is withheld);
- NKA (PMK 22/2021): `anggaran.pemilih.anggaran`, only when its data has no errors;
- the LKIP PDF of the last finished build (`lkip_pdf`, over `lkip.models.PekerjaanLkip`).

Never any response, answer, demographic, suggestion or fingerprint: this module imports no
survey model that holds them (a test checks the source). The result is plain data
(dicts of str/int/bool/Decimal) so it can be cached and written as HTML, CSV, JSON or XLSX
by the same code. Whether the year is published is asked on every request
(`organisasi.pemilih.publikasi_terbit`); only these figures are cached.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from django.core.cache import cache
from django.utils.translation import gettext_noop

from kinerja.organisasi.models import Organisasi, PublikasiData
from kinerja.rumus.bilangan import DataTidakValid, bulat

BATAS_RESPONDEN_IKM = 10  # fewer respondents: the index is not published (keputusan 0060)
DETIK_CACHE = 300
VERSI = 1  # bump when the shape of the data changes (old cache entries are ignored)

# The long table (CSV, XLSX, API `baris`): one row per figure. Documented in `kamus`.
KOLOM = (
    "unit",
    "nama_unit",
    "tahun",
    "kelompok",
    "kode",
    "uraian",
    "satuan",
    "target",
    "realisasi",
    "nilai",
    "predikat",
    "jumlah_responden",
    "keterangan",
)


def _dp(x: Decimal | None, dp: int = 2) -> Decimal | None:
    return None if x is None else bulat(x, dp)


def _capaian(organisasi: Organisasi, tahun: int) -> tuple[list, list, dict]:
    from kinerja.pengukuran.pemilih import baris_capaian, ringkasan_sasaran
    from kinerja.rumus import sasaran as rs

    baris = baris_capaian(organisasi, tahun, hanya_terverifikasi=True)
    indikator = [
        {
            "kode": b.indikator.kode,
            "indikator": b.indikator.nama,
            "iku": bool(b.indikator.iku),
            "sasaran": b.sasaran.nomor,
            "satuan": b.indikator.satuan,
            "target": b.target if b.target is not None else (b.target_teks or None),
            "realisasi": b.realisasi if b.realisasi is not None else (b.realisasi_teks or None),
            "capaian": _dp(b.hasil.capaian) if b.hasil else None,
            "predikat": b.hasil.predikat if b.hasil else "",
        }
        for b in baris
    ]
    sasaran = [
        {
            "nomor": s.sasaran.nomor,
            "uraian": s.sasaran.uraian,
            "capaian": _dp(s.hasil.capaian),
            "predikat": s.hasil.predikat,
            "jumlah_indikator": s.hasil.jumlah_indikator,
        }
        for s in ringkasan_sasaran(baris)
    ]
    rekap = rs.rekap_predikat([b.hasil.capaian if b.hasil else None for b in baris])
    return indikator, sasaran, rekap if baris else {}


def _kode_kuesioner(organisasi: Organisasi, tahun: int) -> list[str]:
    from kinerja.survei.models import PutaranSurvei

    return sorted(
        set(
            PutaranSurvei.objects.filter(
                organisasi__jalur__startswith=organisasi.jalur, tahun=tahun
            ).values_list("kuesioner__kode", flat=True)
        )
    )


def _ikm(organisasi: Organisasi, tahun: int) -> list[dict]:
    from kinerja.survei.models import Kuesioner
    from kinerja.survei.pemilih import laporan

    hasil = []
    for kode in _kode_kuesioner(organisasi, tahun):
        k = Kuesioner.objects.filter(kode=kode).order_by("-versi").first()
        lap = laporan(organisasi, kode, tahun)
        total = lap.total["tahun"]
        n = total.n
        terbit = total.gabungan is not None and n >= BATAS_RESPONDEN_IKM
        hasil.append(
            {
                "kode": kode,
                "nama": k.nama if k else kode,
                "jenis": k.jenis if k else "",
                "jumlah_responden": n,
                "diterbitkan": terbit,
                "nilai": _dp(total.konversi) if terbit else None,
                "mutu": total.gabungan.mutu if terbit else "",
                "kinerja": total.gabungan.kinerja if terbit else "",
                "unsur": [
                    {"kode": u["kode"], "nama": u["nama"], "nrr": _dp(u["tahun"])}
                    for u in lap.unsur
                ]
                if terbit
                else [],
            }
        )
    return sorted(hasil, key=lambda x: (x["jenis"] != "skm", x["kode"]))


# Labels stay Indonesian in the data (CSV "uraian"); the data dictionary page translates them.
KOMPONEN_NKA = (
    ("nilai_kinerja_anggaran", gettext_noop("Nilai Kinerja Anggaran")),
    ("nilai_implementasi", gettext_noop("Nilai aspek implementasi")),
    ("nilai_manfaat", gettext_noop("Nilai aspek manfaat")),
    ("penyerapan", gettext_noop("Penyerapan anggaran (%)")),
    ("konsistensi", gettext_noop("Konsistensi penyerapan terhadap perencanaan (%)")),
    ("capaian_output", gettext_noop("Capaian output program (%)")),
    ("efisiensi", gettext_noop("Efisiensi (%)")),
    ("nilai_efisiensi", gettext_noop("Nilai efisiensi")),
)


def _nka(organisasi: Organisasi, tahun: int) -> dict | None:
    from kinerja.anggaran.models import AnggaranBulanan, BelanjaJenis
    from kinerja.anggaran.pemilih import anggaran

    if not (
        BelanjaJenis.objects.filter(organisasi=organisasi, tahun=tahun).exists()
        or AnggaranBulanan.objects.filter(organisasi=organisasi, tahun=tahun).exists()
    ):
        return None
    try:
        h = anggaran(organisasi, tahun).nka
    except DataTidakValid:
        return None
    if h is None or h.nilai_kinerja_anggaran is None:
        return None
    hasil = {k: _dp(getattr(h, k)) for k, _ in KOMPONEN_NKA}
    hasil["kategori"] = h.kategori or ""
    return hasil


def hitung(organisasi: Organisasi, tahun: int) -> dict:
    """The figures of a unit's year (uncached; call `data` from views)."""
    indikator, sasaran, rekap = _capaian(organisasi, tahun)
    return {
        "unit": {"slug": organisasi.slug, "nama": organisasi.nama, "jenis": organisasi.jenis},
        "tahun": tahun,
        "indikator": indikator,
        "sasaran": sasaran,
        "predikat": rekap,
        "ikm": _ikm(organisasi, tahun),
        "nka": _nka(organisasi, tahun),
    }


def kunci_cache(p: PublikasiData) -> str:
    # the switch's own pk and time: publishing again (or a new test database) never reads
    # an older entry
    return f"terbuka:v{VERSI}:{p.pk}:{p.organisasi_id}:{p.tahun}:{p.diubah_pada.timestamp()}"


def data(p: PublikasiData) -> dict:
    """`hitung` of a published switch, cached DETIK_CACHE seconds in Django's cache."""
    kunci = kunci_cache(p)
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = hitung(p.organisasi, p.tahun)
        hasil["diterbitkan_pada"] = p.diubah_pada.isoformat()
        cache.set(kunci, hasil, DETIK_CACHE)
    return hasil


def lkip_pdf(organisasi: Organisasi, tahun: int) -> Path | None:
    """The PDF of the last finished LKIP build of the year, if its file still exists."""
    from kinerja.lkip.models import PekerjaanLkip, StatusPekerjaan

    for p in PekerjaanLkip.objects.filter(
        organisasi=organisasi, tahun=tahun, status=StatusPekerjaan.SELESAI
    ).order_by("-selesai_pada", "-pk")[:5]:
        nama = next((b for b in p.berkas if str(b).lower().endswith(".pdf")), None)
        if nama and p.folder:
            path = Path(p.folder) / nama
            if path.is_file():
                return path
    return None


def baris(d: dict) -> list[dict]:
    """The long table of one unit-year: one row per figure, columns `KOLOM`."""
    u, th = d["unit"], d["tahun"]
    dasar = {"unit": u["slug"], "nama_unit": u["nama"], "tahun": th}
    kosong = dict.fromkeys(KOLOM, None)
    rows = []

    def tambah(**isi):
        rows.append({**kosong, **dasar, **isi})

    for i in d["indikator"]:
        tambah(
            kelompok="capaian_indikator",
            kode=i["kode"],
            uraian=i["indikator"],
            satuan=i["satuan"],
            target=i["target"],
            realisasi=i["realisasi"],
            nilai=i["capaian"],
            predikat=i["predikat"],
            keterangan="IKU" if i["iku"] else "",
        )
    for s in d["sasaran"]:
        tambah(
            kelompok="capaian_sasaran",
            kode=f"S{s['nomor']}",
            uraian=s["uraian"],
            satuan="%",
            nilai=s["capaian"],
            predikat=s["predikat"],
            keterangan=f"{s['jumlah_indikator']} indikator",
        )
    for label, jumlah in d["predikat"].items():
        tambah(kelompok="jumlah_predikat", kode=label, uraian=label, nilai=jumlah)
    for k in d["ikm"]:
        tambah(
            kelompok="ikm",
            kode=k["kode"],
            uraian=k["nama"],
            nilai=k["nilai"],
            predikat=k["mutu"],
            jumlah_responden=k["jumlah_responden"],
            keterangan=k["kinerja"]
            if k["diterbitkan"]
            else f"tidak diterbitkan: kurang dari {BATAS_RESPONDEN_IKM} responden",
        )
        for x in k["unsur"]:
            tambah(
                kelompok="ikm_unsur",
                kode=f"{k['kode']}:{x['kode']}",
                uraian=x["nama"],
                nilai=x["nrr"],
                jumlah_responden=k["jumlah_responden"],
                keterangan="NRR",
            )
    if d["nka"]:
        for kunci, label in KOMPONEN_NKA:
            tambah(
                kelompok="nka",
                kode=kunci,
                uraian=label,
                nilai=d["nka"][kunci],
                predikat=d["nka"]["kategori"] if kunci == "nilai_kinerja_anggaran" else "",
            )
    return rows
