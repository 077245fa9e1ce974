"""Nilai Kinerja Anggaran (NKA), PMK 22/PMK.02/2021 aspek implementasi dan manfaat.

Implementasi: penyerapan (P), konsistensi penyerapan terhadap RPD (K), capaian output
(COP) and nilai efisiensi (NE), weighted 9.7/18.2/43.5/28.6 into nilai implementasi (NKI).
Manfaat: capaian sasaran, capped at 100. NKA = NKI × 33.3% + manfaat × 66.7% (a pemda
unit without a satker layer reports this NKA_MI as its NKA, seed Tabel 74).

Spec: shared/domain/formulas.md §2. All percentages are Decimal on the 0-100 scale and
unrounded; rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.bilangan import (
    NOL,
    SERATUS,
    D,
    DataTidakValid,
    bagi,
    bulat,
    jumlah,
    persen,
    rata_rata_geometrik,
    teks,
)
from kinerja.rumus.bilangan import rata_rata as rata_rata_aritmetik
from kinerja.rumus.skala import SKALA_NKA

NAMA_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# PMK 22/2021 Lampiran; seed DATA PENDUKUNG (W_p, W_k, W_ck, W_e; W_i, W_m).
BOBOT_IMPLEMENTASI = {
    "penyerapan": Decimal("9.7"),
    "konsistensi": Decimal("18.2"),
    "capaian_output": Decimal("43.5"),
    "nilai_efisiensi": Decimal("28.6"),
}
BOBOT_ASPEK = {"implementasi": Decimal("33.3"), "manfaat": Decimal("66.7")}

PENYEBUT_EFISIENSI = ("aa_x_cop", "aa")
POLARITAS = ("positif", "negatif")


def _tampil(x: Decimal) -> str:
    """A percentage for the formula texts: 2 decimals, half up (display only)."""
    return teks(bulat(x, 2))


def _tidak_negatif(nilai, bidang: str) -> Decimal:
    x = D(nilai, bidang=bidang)
    if x < 0:
        raise DataTidakValid(f"{bidang}: tidak boleh negatif (diterima {nilai})", bidang=bidang)
    return x


# --- Penyerapan -------------------------------------------------------------------------


def penyerapan(*, alokasi, realisasi, batas=SERATUS) -> Decimal:
    """Penyerapan anggaran P = RA / PA × 100, maksimal `batas` (PMK 22/2021 Lampiran; seed
    DATA PENDUKUNG "R = RA/PA × 100%", Tabel 67-69)."""
    pa = _tidak_negatif(alokasi, "alokasi")
    ra = _tidak_negatif(realisasi, "realisasi")
    if pa == 0:
        raise DataTidakValid(
            "alokasi: harus lebih dari 0 untuk menghitung penyerapan", bidang="alokasi"
        )
    return min(persen(ra, pa), D(batas, bidang="batas"))


# --- Konsistensi ------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilKonsistensi:
    nilai: Decimal
    per_bulan: tuple[Decimal, ...]  # seed Tabel 70 kolom 5
    berjalan: tuple[Decimal, ...]  # rata-rata s.d. bulan itu, seed Tabel 70 kolom 6
    rumus: str


def suku_konsistensi(rpdk, rak, *, lantai_nol: bool = True, bulan: str = "") -> Decimal:
    """One month's term (RPDK − |RPDK − RAK|) / RPDK × 100 (PMK 22/2021 Lampiran; seed
    Tabel 70 kolom 5). Negative terms are floored at 0 when lantai_nol ([D], formulas.md §2.3)."""
    di = f" bulan {bulan}" if bulan else ""
    rpdk = _tidak_negatif(rpdk, f"rpd_kumulatif{di}")
    rak = _tidak_negatif(rak, f"realisasi_kumulatif{di}")
    if rpdk == 0:
        raise DataTidakValid(
            f"rpd_kumulatif{di}: RPD kumulatif 0, konsistensi tidak terdefinisi (diharapkan > 0)",
            bidang="rpd_kumulatif",
        )
    suku = persen(rpdk - abs(rpdk - rak), rpdk)
    return max(suku, NOL) if lantai_nol else suku


def _deret_kumulatif(deret: Sequence, bidang: str) -> list[Decimal]:
    hasil: list[Decimal] = []
    for i, x in enumerate(deret):
        bulan = NAMA_BULAN[i]
        if x is None:
            raise DataTidakValid(
                f"{bidang} bulan {bulan} kosong: bulan yang tidak berisi data tidak dihitung 0; "
                f"isi angka kumulatif s.d. {bulan}",
                bidang=bidang,
            )
        nilai = _tidak_negatif(x, f"{bidang} bulan {bulan}")
        if hasil and nilai < hasil[-1]:
            raise DataTidakValid(
                f"{bidang} bulan {bulan} ({teks(nilai)}) lebih kecil dari bulan {NAMA_BULAN[i - 1]} "
                f"({teks(hasil[-1])}): angka kumulatif tidak boleh turun",
                bidang=bidang,
            )
        hasil.append(nilai)
    return hasil


def konsistensi(
    *,
    rpd_kumulatif: Sequence,
    realisasi_kumulatif: Sequence,
    lantai_nol: bool = True,
    jumlah_bulan: int | None = 12,
) -> HasilKonsistensi:
    """Konsistensi penyerapan terhadap perencanaan (PMK 22/2021 Lampiran; seed DATA PENDUKUNG
    rumus 4, Tabel 70): K = Σ (RPDK_i − |RPDK_i − RAK_i|) / RPDK_i × 100 / n, on cumulative
    RPD and realisasi. An annual evaluation needs all 12 months (jumlah_bulan=12; None
    accepts 1-12 months from January). A missing month is an error, never 0."""
    rpd, ra = list(rpd_kumulatif), list(realisasi_kumulatif)
    n = len(rpd)
    if len(ra) != n:
        raise DataTidakValid(
            f"konsistensi: rpd_kumulatif berisi {n} bulan, realisasi_kumulatif {len(ra)} bulan; "
            "diharapkan sama panjang",
            bidang="realisasi_kumulatif",
        )
    if jumlah_bulan is not None and n != jumlah_bulan:
        raise DataTidakValid(
            f"konsistensi: diharapkan {jumlah_bulan} bulan (Januari s.d. "
            f"{NAMA_BULAN[jumlah_bulan - 1]}), diterima {n}",
            bidang="rpd_kumulatif",
        )
    if not 1 <= n <= 12:
        raise DataTidakValid(
            f"konsistensi: diharapkan 1 sampai 12 bulan, diterima {n}", bidang="rpd_kumulatif"
        )
    rpd = _deret_kumulatif(rpd, "rpd_kumulatif")
    ra = _deret_kumulatif(ra, "realisasi_kumulatif")
    suku = tuple(
        suku_konsistensi(p, r, lantai_nol=lantai_nol, bulan=NAMA_BULAN[i])
        for i, (p, r) in enumerate(zip(rpd, ra, strict=True))
    )
    berjalan = tuple(rata_rata_aritmetik(suku[: i + 1]) for i in range(n))
    nilai = berjalan[-1]
    rumus = (
        "K = Σ (RPDK − |RPDK − RAK|) / RPDK × 100 / n = "
        f"{_tampil(jumlah(suku))} / {n} = {_tampil(nilai)}"
    )
    return HasilKonsistensi(nilai=nilai, per_bulan=suku, berjalan=berjalan, rumus=rumus)


# --- Capaian output ---------------------------------------------------------------------


@dataclass(frozen=True)
class HasilProgramOutput:
    nama: str
    capaian: Decimal  # persen, tidak dibatasi (dipakai efisiensi)
    output: tuple[Decimal, ...]  # capaian tiap output program, persen


@dataclass(frozen=True)
class HasilCapaianOutput:
    nilai: Decimal  # min(mentah, batas)
    mentah: Decimal
    program: tuple[HasilProgramOutput, ...]
    rumus: str


def rasio_indikator(
    target, realisasi, *, polaritas: str = "positif", letak: str = "indikator"
) -> Decimal:
    """Ratio RIOP/TIOP of one output indicator (PMK 22/2021 Lampiran A.1.a.1); negative
    polarity uses (2T − R)/T floored at 0 (formulas.md §1.3 varian A, [D])."""
    t = D(target, bidang=f"target {letak}")
    r = _tidak_negatif(realisasi, f"realisasi {letak}")
    if t <= 0:
        raise DataTidakValid(
            f"target {letak}: harus lebih dari 0 (diterima {target}); capaian tidak terdefinisi",
            bidang="target",
        )
    if polaritas == "positif":
        return bagi(r, t)
    if polaritas == "negatif":
        return max(bagi(2 * t - r, t), NOL)
    raise DataTidakValid(
        f"polaritas {letak}: '{polaritas}' tidak dikenal (pilihan: positif, negatif)",
        bidang="polaritas",
    )


def _peta(x, letak: str) -> Mapping:
    if not isinstance(x, Mapping):
        raise DataTidakValid(
            f"{letak}: diharapkan dict, diterima {type(x).__name__}", bidang="program"
        )
    return x


def _daftar(wadah: Mapping, kunci: str, letak: str) -> list:
    isi = _peta(wadah, letak).get(kunci)
    if not isi:
        raise DataTidakValid(f"{kunci} {letak}: kosong; diharapkan minimal satu", bidang=kunci)
    return list(isi)


def _rasio_output(output: Mapping, letak: str, polaritas_default: str) -> list[Decimal]:
    rasio = []
    for k, ind in enumerate(_daftar(output, "indikator", letak), start=1):
        letak_ind = f"{letak}, indikator ke-{k}"
        ind = _peta(ind, letak_ind)
        polaritas = ind.get("polaritas") or polaritas_default
        rasio.append(
            rasio_indikator(
                ind.get("target"), ind.get("realisasi"), polaritas=polaritas, letak=letak_ind
            )
        )
    return rasio


def capaian_output(
    program: Sequence[Mapping], *, batas=SERATUS, polaritas_default: str = "positif"
) -> HasilCapaianOutput:
    """Capaian output program (COP) tingkat unit eselon I, PMK 22/2021 Lampiran A.1.a.1 (seed
    DATA PENDUKUNG rumus 1, Tabel 72): geometric mean of indicator ratios per output, of
    outputs per program, of programs, × 100; capped at `batas` only at the end."""
    if not program:
        raise DataTidakValid("program: kosong; diharapkan minimal satu program", bidang="program")
    hasil_program = []
    for p_i, prog in enumerate(program, start=1):
        nama = str(_peta(prog, f"program ke-{p_i}").get("nama") or f"program ke-{p_i}")
        capaian_per_output = []
        for o_i, out in enumerate(_daftar(prog, "output", nama), start=1):
            nama_output = _peta(out, f"{nama}, output ke-{o_i}").get("nama") or f"output ke-{o_i}"
            letak_output = f"{nama}, {nama_output}"
            rasio = _rasio_output(out, letak_output, polaritas_default)
            capaian_per_output.append(rata_rata_geometrik(rasio))
        capaian = rata_rata_geometrik(capaian_per_output)
        hasil_program.append(
            HasilProgramOutput(
                nama=nama,
                capaian=capaian * SERATUS,
                output=tuple(c * SERATUS for c in capaian_per_output),
            )
        )
    mentah = rata_rata_geometrik([h.capaian for h in hasil_program])
    nilai = min(mentah, D(batas, bidang="batas"))
    rumus = (
        "COP = (Π program (Π output (Π indikator R/T)^(1/n))^(1/m))^(1/l) × 100 = "
        f"{_tampil(mentah)}, maksimal {teks(D(batas))} → {_tampil(nilai)}"
    )
    return HasilCapaianOutput(nilai=nilai, mentah=mentah, program=tuple(hasil_program), rumus=rumus)


# --- Efisiensi --------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilEfisiensi:
    efisiensi_mentah: Decimal  # E sebelum dibatasi
    efisiensi: Decimal  # E dalam [−batas, +batas]
    nilai_efisiensi: Decimal  # NE = 50 + E / batas × 50
    penyebut: str
    rumus: str


def efisiensi(
    program: Sequence[Mapping],
    *,
    penyebut: str = "aa_x_cop",
    batasi_cop: bool = False,
    batas=Decimal(20),
) -> HasilEfisiensi:
    """Efisiensi output program and nilai efisiensi (PMK 22/2021 Lampiran; seed DATA PENDUKUNG
    rumus 3, Tabel 71). E = Σ (AA_i × C_i − RA_i) / Σ (AA_i × C_i) × 100 for penyebut
    "aa_x_cop" (the predecessor regulation's verified text, formulas.md §2.4), or / Σ AA_i
    for "aa" (the seed's printed formula). C_i is capped at 100 only when batasi_cop
    (unsettled; the seed does not cap). E is clamped to ±batas; NE = 50 + E / batas × 50
    (batas 20 per the regulation), so NE lies in [0, 100]."""
    if penyebut not in PENYEBUT_EFISIENSI:
        raise DataTidakValid(
            f"penyebut efisiensi: '{penyebut}' tidak dikenal (pilihan: aa_x_cop, aa)",
            bidang="penyebut",
        )
    if not program:
        raise DataTidakValid("program: kosong; diharapkan minimal satu program", bidang="program")
    batas = D(batas, bidang="batas")
    aa_x_c, aa, ra = [], [], []
    for i, prog in enumerate(program, start=1):
        nama = _peta(prog, f"program ke-{i}").get("nama") or f"program ke-{i}"
        alokasi = _tidak_negatif(prog.get("alokasi"), f"alokasi {nama}")
        c = bagi(_tidak_negatif(prog.get("capaian_output"), f"capaian_output {nama}"), SERATUS)
        if batasi_cop:
            c = min(c, Decimal(1))
        aa.append(alokasi)
        aa_x_c.append(alokasi * c)
        ra.append(_tidak_negatif(prog.get("realisasi"), f"realisasi {nama}"))
    pembilang = jumlah(aa_x_c) - jumlah(ra)
    pembagi = jumlah(aa_x_c) if penyebut == "aa_x_cop" else jumlah(aa)
    if pembagi == 0:
        raise DataTidakValid(
            f"efisiensi: penyebut Σ {'AA × COP' if penyebut == 'aa_x_cop' else 'AA'} bernilai 0",
            bidang="alokasi",
        )
    mentah = persen(pembilang, pembagi)
    e = max(-batas, min(mentah, batas))
    ne = 50 + bagi(e, batas) * 50
    teks_penyebut = "Σ (AA × COP)" if penyebut == "aa_x_cop" else "Σ AA"
    rumus = (
        f"E = (Σ (AA × COP) − Σ RA) / {teks_penyebut} × 100 = {teks(bulat(pembilang, 0))} / "
        f"{teks(bulat(pembagi, 0))} × 100 = {_tampil(mentah)} (batas ±{teks(batas)}); "
        f"NE = 50 + E / {teks(batas)} × 50 = {_tampil(ne)}"
    )
    return HasilEfisiensi(
        efisiensi_mentah=mentah, efisiensi=e, nilai_efisiensi=ne, penyebut=penyebut, rumus=rumus
    )


# --- Nilai implementasi, manfaat, NKA ---------------------------------------------------


def _persen_0_100(nilai, bidang: str) -> Decimal:
    x = D(nilai, bidang=bidang)
    if not 0 <= x <= 100:
        raise DataTidakValid(
            f"{bidang}: diharapkan 0 sampai 100 (sudah dibatasi), diterima {nilai}", bidang=bidang
        )
    return x


def _tertimbang(nilai: Mapping[str, Decimal], bobot: Mapping[str, Decimal]) -> Decimal:
    if set(bobot) != set(nilai):
        raise DataTidakValid(
            f"bobot: diharapkan kunci {', '.join(sorted(nilai))}, diterima {', '.join(sorted(bobot))}",
            bidang="bobot",
        )
    return bagi(jumlah(nilai[k] * D(bobot[k], bidang=f"bobot {k}") for k in nilai), SERATUS)


def nilai_implementasi(
    *, penyerapan, konsistensi, capaian_output, nilai_efisiensi, bobot=BOBOT_IMPLEMENTASI
) -> Decimal:
    """Nilai kinerja atas aspek implementasi NKI = Σ nilai × bobot / 100 with weights
    9.7/18.2/43.5/28.6 (PMK 22/2021 Lampiran; seed Tabel 74, DATA PENDUKUNG)."""
    nilai = {
        "penyerapan": _persen_0_100(penyerapan, "penyerapan"),
        "konsistensi": _persen_0_100(konsistensi, "konsistensi"),
        "capaian_output": _persen_0_100(capaian_output, "capaian_output"),
        "nilai_efisiensi": _persen_0_100(nilai_efisiensi, "nilai_efisiensi"),
    }
    return _tertimbang(nilai, bobot)


def nilai_manfaat(capaian_sasaran, *, batas=SERATUS, rata_rata: str = "aritmetik") -> Decimal:
    """Nilai aspek manfaat: capaian sasaran (CSP/CSS), one value or the mean of several,
    "diperhitungkan maksimal 100%" (seed Tabel 73; PMK 22/2021 Lampiran). Mean method is
    unverified (formulas.md §2.5): rata_rata="aritmetik" (default) or "geometrik"."""
    if isinstance(capaian_sasaran, (str, int, float, Decimal)):
        daftar = [capaian_sasaran]
    else:
        daftar = list(capaian_sasaran)
    nilai = [_tidak_negatif(x, f"capaian_sasaran ke-{i}") for i, x in enumerate(daftar, start=1)]
    if not nilai:
        raise DataTidakValid(
            "capaian_sasaran: kosong; diharapkan minimal satu", bidang="capaian_sasaran"
        )
    if rata_rata == "aritmetik":
        rerata = rata_rata_aritmetik(nilai)
    elif rata_rata == "geometrik":
        rerata = rata_rata_geometrik(nilai)
    else:
        raise DataTidakValid(
            f"rata_rata: '{rata_rata}' tidak dikenal (pilihan: aritmetik, geometrik)",
            bidang="rata_rata",
        )
    return min(rerata, D(batas, bidang="batas"))


def nilai_kinerja_anggaran(*, nilai_implementasi, nilai_manfaat, bobot=BOBOT_ASPEK) -> Decimal:
    """NKA aspek manfaat dan implementasi NKA_MI = NKI × 33.3% + manfaat × 66.7% (PMK 22/2021
    Lampiran; seed Tabel 74, DATA PENDUKUNG "NKA MI")."""
    nilai = {
        "implementasi": _persen_0_100(nilai_implementasi, "nilai_implementasi"),
        "manfaat": _persen_0_100(nilai_manfaat, "nilai_manfaat"),
    }
    return _tertimbang(nilai, bobot)


def kategori_nka(nilai) -> str:
    """Kategori NKA on SKALA_NKA (PMK 22/2021 Lampiran; bands unverified, formulas.md §2.7)."""
    return SKALA_NKA.label(nilai)


# --- Everything at once -----------------------------------------------------------------


@dataclass(frozen=True)
class HasilNKA:
    penyerapan: Decimal | None
    konsistensi: Decimal | None
    capaian_output: Decimal | None
    efisiensi: Decimal | None
    nilai_efisiensi: Decimal | None
    nilai_implementasi: Decimal | None
    nilai_manfaat: Decimal | None
    nilai_kinerja_anggaran: Decimal | None
    kategori: str | None
    rincian: dict[str, object] = field(default_factory=dict)
    langkah: tuple[str, ...] = ()


KOMPONEN_IMPLEMENTASI = tuple(BOBOT_IMPLEMENTASI)


def _program_efisiensi(program: Sequence[Mapping], cop: HasilCapaianOutput) -> list[dict] | None:
    """Programs with alokasi and realisasi for efisiensi; None when no program has them."""
    ada = [p.get("alokasi") is not None and p.get("realisasi") is not None for p in program]
    if not any(ada):
        return None
    if not all(ada):
        kurang = next(
            p.get("nama") or f"program ke-{i}" for i, p in enumerate(program, 1) if not ada[i - 1]
        )
        raise DataTidakValid(
            f"program {kurang}: alokasi dan realisasi harus diisi (program lain mengisinya)",
            bidang="alokasi",
        )
    return [
        {
            "nama": h.nama,
            "alokasi": p["alokasi"],
            "realisasi": p["realisasi"],
            "capaian_output": h.capaian,
        }
        for p, h in zip(program, cop.program, strict=True)
    ]


def hitung_nka(
    *,
    alokasi=None,
    realisasi=None,
    rpd_kumulatif=None,
    realisasi_kumulatif=None,
    program=None,
    capaian_sasaran=None,
    komponen: Mapping | None = None,
    penyebut_efisiensi: str = "aa_x_cop",
    batasi_cop_efisiensi: bool = False,
) -> HasilNKA:
    """Every NKA component computable from the inputs (PMK 22/2021 Lampiran; seed Tabel 67-74).

    A component comes either from `komponen` (given directly: penyerapan, konsistensi,
    capaian_output, nilai_efisiensi) or from raw data, never both. Missing inputs leave the
    dependent components None; nothing is guessed (penyerapan is not derived from the
    programs' budgets, since a unit's budget may hold more than its programs).
    """
    komponen = dict(komponen or {})
    asing = set(komponen) - set(KOMPONEN_IMPLEMENTASI)
    if asing:
        raise DataTidakValid(
            f"komponen: kunci {', '.join(sorted(asing))} tidak dikenal "
            f"(pilihan: {', '.join(KOMPONEN_IMPLEMENTASI)})",
            bidang="komponen",
        )
    mentah_ada = {
        "penyerapan": alokasi is not None or realisasi is not None,
        "konsistensi": rpd_kumulatif is not None or realisasi_kumulatif is not None,
        "capaian_output": program is not None,
        "nilai_efisiensi": program is not None
        and any(p.get("alokasi") is not None for p in program),
    }
    for k in komponen:
        if mentah_ada[k]:
            raise DataTidakValid(
                f"komponen {k}: diberikan langsung dan juga dapat dihitung dari data mentah; "
                "pilih salah satu",
                bidang=k,
            )

    nilai: dict[str, Decimal | None] = dict.fromkeys(KOMPONEN_IMPLEMENTASI)
    rincian: dict[str, object] = {}
    langkah: list[str] = []
    e = None
    for k, v in komponen.items():
        nilai[k] = _persen_0_100(v, k)
        langkah.append(f"{k} (diberikan) = {_tampil(nilai[k])}")

    if alokasi is not None and realisasi is not None:
        nilai["penyerapan"] = penyerapan(alokasi=alokasi, realisasi=realisasi)
        langkah.append(
            f"Penyerapan = RA / PA × 100 = {teks(D(realisasi))} / {teks(D(alokasi))} × 100 "
            f"= {_tampil(nilai['penyerapan'])} (maksimal 100)"
        )
    if rpd_kumulatif is not None and realisasi_kumulatif is not None:
        hk = konsistensi(rpd_kumulatif=rpd_kumulatif, realisasi_kumulatif=realisasi_kumulatif)
        nilai["konsistensi"], rincian["konsistensi"] = hk.nilai, hk
        langkah.append(f"Konsistensi: {hk.rumus}")
    if program is not None:
        hc = capaian_output(program)
        nilai["capaian_output"], rincian["capaian_output"] = hc.nilai, hc
        langkah.append(f"Capaian output: {hc.rumus}")
        data_e = _program_efisiensi(program, hc)
        if data_e is not None:
            he = efisiensi(data_e, penyebut=penyebut_efisiensi, batasi_cop=batasi_cop_efisiensi)
            e, nilai["nilai_efisiensi"], rincian["efisiensi"] = he.efisiensi, he.nilai_efisiensi, he
            langkah.append(f"Efisiensi: {he.rumus}")

    for k in KOMPONEN_IMPLEMENTASI:
        if nilai[k] is None:
            langkah.append(f"{k}: tidak dihitung (data tidak lengkap)")
    nki = None
    if all(nilai[k] is not None for k in KOMPONEN_IMPLEMENTASI):
        nki = nilai_implementasi(**nilai)
        suku = " + ".join(
            f"{_tampil(nilai[k])} × {teks(BOBOT_IMPLEMENTASI[k])}%" for k in KOMPONEN_IMPLEMENTASI
        )
        langkah.append(f"Nilai implementasi = {suku} = {_tampil(nki)}")
    nm = None
    if capaian_sasaran is not None:
        nm = nilai_manfaat(capaian_sasaran)
        langkah.append(f"Nilai manfaat = capaian sasaran maksimal 100 = {_tampil(nm)}")
    nka = kategori = None
    if nki is not None and nm is not None:
        nka = nilai_kinerja_anggaran(nilai_implementasi=nki, nilai_manfaat=nm)
        kategori = kategori_nka(nka)
        langkah.append(
            f"NKA = {_tampil(nki)} × {teks(BOBOT_ASPEK['implementasi'])}% + {_tampil(nm)} × "
            f"{teks(BOBOT_ASPEK['manfaat'])}% = {_tampil(nka)} ({kategori})"
        )
    return HasilNKA(
        penyerapan=nilai["penyerapan"],
        konsistensi=nilai["konsistensi"],
        capaian_output=nilai["capaian_output"],
        efisiensi=e,
        nilai_efisiensi=nilai["nilai_efisiensi"],
        nilai_implementasi=nki,
        nilai_manfaat=nm,
        nilai_kinerja_anggaran=nka,
        kategori=kategori,
        rincian=rincian,
        langkah=tuple(langkah),
    )
