"""Read pages of one unit and year: dasbor, indikator, PK, pohon kinerja, kelengkapan.

Every page needs login and `organisasi.lihat` on the unit (403 otherwise). Realisasi that
are not yet verified, and a PK that is not yet signed (its lines and targets), are shown only
to users with `organisasi.lihat_draf`, marked as drafts; everyone else reads
`hanya_terverifikasi=True`, for whom a draft PK does not exist yet (docs/keputusan/0019). Figures come from the selectors and the engine; the
views only arrange them. Each page runs a fixed number of queries, whatever the number
of indicators (tests/halaman assert it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kinerja import angka as fmt
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran import grafik, pemilih
from kinerja.pengukuran.models import StatusRealisasi
from kinerja.perencanaan.models import (
    CaraAgregasi,
    Indikator,
    KelompokSasaran,
    Sasaran,
    SumberTarget,
)
from kinerja.rumus.periode import JUMLAH_PERIODE, Periode
from kinerja.rumus.skala import TIDAK_ADA_DATA

S = StatusRealisasi
URUTAN_KELOMPOK = {k: i for i, k in enumerate(KelompokSasaran.values)}


# --- shared -------------------------------------------------------------------------------


def _unit(request, slug: str, tahun: int) -> Organisasi:
    """The unit of the URL, or 403 when the user may not read it."""
    if not 1000 <= tahun <= 9999:
        raise Http404("Tahun tidak dikenal.")
    org = get_object_or_404(Organisasi, slug=slug)
    if not request.user.has_perm("organisasi.lihat", org):
        raise PermissionDenied("Anda tidak memiliki peran di unit ini.")
    return org


def _boleh_draf(request, org: Organisasi) -> bool:
    return request.user.has_perm("organisasi.lihat_draf", org)


def _konteks(request, org: Organisasi, tahun: int, halaman: str, **isi) -> dict:
    """What every page shows around its content: unit, year switcher, tabs."""
    daftar_tahun = sorted(pemilih.tahun_pk(org) | {tahun, timezone.localdate().year})
    return {
        "organisasi": org,
        "tahun": tahun,
        "daftar_tahun": daftar_tahun,
        "halaman": halaman,
        "boleh_draf": _boleh_draf(request, org),
        **isi,
    }


_label_periode = pemilih.label_periode  # "semester I", "Maret", "tahun"


# --- 1. dasbor ----------------------------------------------------------------------------


@dataclass
class GrupKelompok:
    kode: str
    label: str
    sasaran: list = field(default_factory=list)  # pemilih.BarisSasaran


def kelompokkan(sasaran: list) -> list[GrupKelompok]:
    """Sasaran under Strategis / Khusus / Operasional, as seed Tabel 16 and 18 print them."""
    grup: dict[str, GrupKelompok] = {}
    for s in sorted(
        sasaran, key=lambda s: (URUTAN_KELOMPOK.get(s.sasaran.kelompok, 9), s.sasaran.nomor)
    ):
        kode = s.sasaran.kelompok
        if kode not in grup:
            grup[kode] = GrupKelompok(kode, s.sasaran.get_kelompok_display())
        grup[kode].sasaran.append(s)
    return list(grup.values())


@login_required
def dasbor(request, slug: str, tahun: int):
    org = _unit(request, slug, tahun)
    d = pemilih.dasbor(org, tahun, hanya_terverifikasi=not _boleh_draf(request, org))
    label_pita = [k for k in d.rekap if k != TIDAK_ADA_DATA]
    anak = [
        u
        for u in org.anak.order_by("urutan", "nama")
        if request.user.has_perm("organisasi.lihat", u)
    ]
    return render(
        request,
        "pengukuran/dasbor/dasbor.html",
        _konteks(
            request,
            org,
            tahun,
            "dasbor",
            d=d,
            kelompok=kelompokkan(d.sasaran),
            label_pita=label_pita,
            jumlah_indikator=sum(d.rekap.values()),
            grafik_predikat=grafik.batang_predikat(d.rekap) if d.baris else "",
            grafik_capaian=grafik.batang_capaian(
                [
                    (
                        b.indikator.nama,
                        b.hasil.capaian if b.hasil else None,
                        b.hasil.predikat if b.hasil else "",
                    )
                    for b in d.baris
                ],
                f"Capaian indikator kinerja {org.nama} {tahun} (%)",
            ),
            anak=anak,
        ),
    )


# --- 2. indikator -------------------------------------------------------------------------


def kalimat_periode(indikator: Indikator, tahun: int, baris: dict) -> str:
    """One sentence from the period values of the year, stating only what the data holds:
    each value, missing periods, and whether the last value is above or below the first."""
    jenis = indikator.frekuensi
    if jenis == "tahun":
        return ""
    ada = [
        (k, baris[(jenis, k)]) for k in range(1, JUMLAH_PERIODE[jenis] + 1) if (jenis, k) in baris
    ]
    kosong = [k for k in range(1, JUMLAH_PERIODE[jenis] + 1) if (jenis, k) not in baris]
    angka = [(k, r) for k, r in ada if r.nilai is not None]
    if not angka:
        return ""
    bagian = [
        f"{_label_periode(jenis, k)} sebesar {fmt.angka(r.nilai, 2, tetap=False)}" for k, r in angka
    ]
    daftar = bagian[0] if len(bagian) == 1 else ", ".join(bagian[:-1]) + " dan " + bagian[-1]
    kalimat = f"Realisasi {daftar}"
    if len(angka) >= 2:
        (k1, r1), (k2, r2) = angka[0], angka[-1]
        arah = (
            "peningkatan"
            if r2.nilai > r1.nilai
            else "penurunan"
            if r2.nilai < r1.nilai
            else "nilai yang sama"
        )
        if len(angka) == 2:
            kalimat += f", menunjukkan {arah}"
        else:
            kalimat += (
                f"; {_label_periode(jenis, k2)} dibandingkan {_label_periode(jenis, k1)} "
                f"menunjukkan {arah}"
            )
        if indikator.polaritas == "negatif" and arah != "nilai yang sama":
            kalimat += " (polaritas negatif: makin rendah makin baik)"
    kalimat += "."
    if kosong:
        daftar_kosong = ", ".join(_label_periode(jenis, k) for k in kosong)
        kalimat += f" Realisasi {daftar_kosong} belum tersedia."
    return kalimat[0].upper() + kalimat[1:]


def _capaian_terhadap(indikator: Indikator, nilai_target, teks_target, nilai, nilai_teks):
    """Engine capaian of a realisasi against a target that is not a PK line (Renstra)."""
    if nilai_target is None and not teks_target:
        return None
    target = SimpleNamespace(
        target=nilai_target, target_bawah=None, target_atas=None, target_teks=teks_target
    )
    return pemilih.hitung_capaian_butir(indikator, target, nilai, nilai_teks)


@login_required
def indikator(request, slug: str, tahun: int, pk: int):
    org = _unit(request, slug, tahun)
    ind = get_object_or_404(
        Indikator.objects.select_related("sasaran__tujuan", "organisasi"), pk=pk, organisasi=org
    )
    boleh_draf = _boleh_draf(request, org)
    seri = pemilih.riwayat_indikator(
        ind, hanya_terverifikasi=not boleh_draf, sampai_tahun=tahun, dengan_periode=True
    )
    ini = next((s for s in seri if s["tahun"] == tahun), None)
    butir = pemilih.butir_pk_indikator(ind, tahun, dengan_draf=boleh_draf)
    baris = ini["baris"] if ini else {}
    nilai = ini["realisasi"] if ini else None
    nilai_teks = ini["realisasi_teks"] if ini else ""

    # (1) per period, with capaian against the yearly target where that is meaningful
    periode = []
    for (jenis, ke), r in sorted(baris.items(), key=lambda x: (x[0][0] != "tahun", x[0][1])):
        if jenis == "tahun":
            continue
        sebanding = ind.cara_agregasi != CaraAgregasi.KUMULATIF and butir is not None
        periode.append(
            {
                "label": Periode(jenis, tahun, ke).label,
                "r": r,
                "capaian": pemilih.hitung_capaian_butir(ind, butir, r.nilai, r.nilai_teks)
                if sebanding
                else None,
            }
        )
    penjelasan = [
        (Periode(j, tahun, k).label, r.penjelasan)
        for (j, k), r in sorted(baris.items(), key=lambda x: (x[0][0] == "tahun", x[0][1]))
        if r.penjelasan
    ]

    # (2) previous years
    lalu = [s for s in seri if s["realisasi"] is not None or s["target"] is not None]
    grafik_tren = ""
    if len(lalu) >= 2:
        grafik_tren = grafik.garis_tren(
            [s["tahun"] for s in lalu],
            [s["realisasi"] for s in lalu],
            [s["target"] for s in lalu],
            satuan=ind.satuan,
            judul=f"Realisasi dan target {ind.nama} per tahun",
        )

    # (3) Renstra targets and PK revisions
    target_rs = pemilih.target_renstra(ind)
    rs_ini = next(
        (t for t in target_rs if t.tahun == tahun and t.sumber == SumberTarget.RENSTRA), None
    )
    rs_akhir = max(
        (t for t in target_rs if t.sumber == SumberTarget.RENSTRA),
        key=lambda t: t.tahun,
        default=None,
    )
    perubahan = pemilih.perubahan_target(butir)

    # (4) peers and national standard
    banding = pemilih.pembanding(ind, tahun)
    grafik_banding = ""
    if banding and nilai is not None:
        grafik_banding = grafik.batang_pembanding(
            [org.nama] + [p.nama for p in banding if p.nilai is not None],
            [nilai] + [p.nilai for p in banding if p.nilai is not None],
            [True] + [False for p in banding if p.nilai is not None],
            judul=f"Perbandingan {ind.nama} {tahun}",
        )

    # (6) programs and budget behind the indicator's sasaran
    program, total_pagu = pemilih.program_sasaran(ind.sasaran_id, tahun)

    return render(
        request,
        "pengukuran/dasbor/indikator.html",
        _konteks(
            request,
            org,
            tahun,
            "indikator",
            ind=ind,
            butir=butir,
            nilai=nilai,
            nilai_teks=nilai_teks,
            hasil=ini["capaian"] if ini else None,
            status=ini["status"] if ini else "",
            periode=periode,
            kalimat=kalimat_periode(ind, tahun, baris),
            penjelasan=penjelasan,
            seri=seri,
            grafik_tren=grafik_tren,
            target_rs=target_rs,
            rs_ini=rs_ini,
            capaian_rs_ini=_capaian_terhadap(
                ind, rs_ini.nilai, rs_ini.nilai_teks, nilai, nilai_teks
            )
            if rs_ini
            else None,
            rs_akhir=rs_akhir,
            capaian_rs_akhir=_capaian_terhadap(
                ind, rs_akhir.nilai, rs_akhir.nilai_teks, nilai, nilai_teks
            )
            if rs_akhir
            else None,
            perubahan=perubahan,
            banding=banding,
            grafik_banding=grafik_banding,
            program=program,
            total_pagu=total_pagu,
        ),
    )


# --- 3. perjanjian kinerja ----------------------------------------------------------------


@login_required
def perjanjian_kinerja(request, slug: str, tahun: int):
    org = _unit(request, slug, tahun)
    pk = pemilih.pk_organisasi(org, tahun, dengan_draf=_boleh_draf(request, org))
    kelompok, program, total, revisi = [], [], None, []
    if pk is not None:
        butir = pemilih.butir_pk_urut(pk)
        per_sasaran: dict[int, SimpleNamespace] = {}
        for b in butir:
            s = b.indikator.sasaran
            per_sasaran.setdefault(s.pk, SimpleNamespace(sasaran=s, baris=[])).baris.append(b)
        kelompok = kelompokkan(list(per_sasaran.values()))
        program, total = pemilih.program_pk(org, tahun)
        revisi = pemilih.revisi_pk_dengan_perubahan(pk)
    return render(
        request,
        "pengukuran/dasbor/pk.html",
        _konteks(
            request,
            org,
            tahun,
            "pk",
            pk=pk,
            kelompok=kelompok,
            program=program,
            total_pagu=total,
            revisi=revisi,
        ),
    )


# --- 4. pohon kinerja ---------------------------------------------------------------------


@login_required
def pohon(request, slug: str, tahun: int):
    org = _unit(request, slug, tahun)
    berlaku = Q(renstra__isnull=True) | Q(
        renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun
    )
    semua = list(
        Sasaran.objects.filter(berlaku, organisasi__jalur__startswith=org.jalur)
        .select_related("organisasi", "tujuan")
        .prefetch_related("indikator")
        .order_by("organisasi__jalur", "nomor")
    )
    anak: dict[int, list] = defaultdict(list)
    for s in semua:
        if s.induk_id:
            anak[s.induk_id].append(s)

    def simpul(s) -> dict:
        return {
            "s": s,
            "indikator": list(s.indikator.all()),
            "anak": [simpul(a) for a in anak[s.pk]],
        }

    sendiri = [s for s in semua if s.organisasi_id == org.pk]
    tujuan: dict[object, SimpleNamespace] = {}
    for s in sendiri:
        kunci = s.tujuan_id or 0
        tujuan.setdefault(kunci, SimpleNamespace(tujuan=s.tujuan, sasaran=[])).sasaran.append(
            simpul(s)
        )
    # Sasaran below that cascade from nothing in this unit's tree (induk outside it or unset).
    ids = {s.pk for s in semua}
    lepas = [s for s in semua if s.organisasi_id != org.pk and s.induk_id not in ids]
    return render(
        request,
        "pengukuran/dasbor/pohon.html",
        _konteks(request, org, tahun, "pohon", tujuan=list(tujuan.values()), lepas=lepas),
    )


# --- 5. kelengkapan -----------------------------------------------------------------------


@login_required
def kelengkapan(request, slug: str, tahun: int):
    org = _unit(request, slug, tahun)
    boleh_draf = _boleh_draf(request, org)
    units = [
        u
        for u in org.turunan().order_by("jalur")
        if u.pk == org.pk or request.user.has_perm("organisasi.lihat", u)
    ]
    draf_ids = {u.pk for u in units if request.user.has_perm("organisasi.lihat_draf", u)}
    rekap = pemilih.kelengkapan_unit(units, tahun, draf_ids)
    baris_unit = [{"unit": u, **rekap[u.pk]} for u in units if rekap[u.pk]["harapan"]]
    kisi, kolom = pemilih.kisi_indikator(org, tahun, boleh_draf)
    # the board units × periods with due dates (kinerja.monev, keputusan 0051)
    from kinerja.monev import pemilih as monev

    semua = monev.papan_semua(units, tahun, timezone.localdate(), draf_ids=draf_ids)
    jenis_ada = list(semua)
    jenis = request.GET.get("jenis")
    jenis = jenis if jenis in jenis_ada else (jenis_ada[0] if jenis_ada else "")
    papan = semua.get(jenis, [])
    return render(
        request,
        "pengukuran/dasbor/kelengkapan.html",
        _konteks(
            request,
            org,
            tahun,
            "kelengkapan",
            label_status=[pemilih.LABEL_KELENGKAPAN[k] for k in pemilih.STATUS_KELENGKAPAN],
            kode_status=pemilih.STATUS_KELENGKAPAN,
            baris_unit=baris_unit,
            kisi=kisi,
            kolom=range(1, kolom + 1),
            papan=papan,
            jenis_papan=jenis,
            jenis_ada=[(j, Periode(j, tahun, 1).label.split()[0]) for j in jenis_ada],
            label_sel=monev.LABEL_SEL,
            batas=pemilih.batas_waktu(
                org, tahun, timezone.localdate(), [u.pk for u in units], boleh_draf
            ),
        ),
    )
