"""Indeks Kepuasan Masyarakat (IKM) by PermenPAN-RB 14/2017, and the roll-ups built on it.

Method (PermenPAN-RB 14/2017 Lampiran, "Pengolahan Data"; seed text before Tabel 28):
per unsur, NRR = jumlah nilai / jumlah kuesioner yang terisi; IKM = Σ NRR × bobot with
bobot = 1/jumlah unsur; konversi = IKM × 25; mutu and kinerja from the interval table
(skala.SKALA_MUTU_IKM, seed Tabel 28). Everything stays unrounded; rounding is for display.

Choices where the regulation is silent (docs/keputusan/0005-ikm-bobot-dan-mutu.md):
- bobot "1/9" (default) is the exact fraction 1/n; "0.111" and "0.11" exist only to
  reproduce old reports that multiplied by a rounded weight;
- blank answers leave the denominator of their unsur (ikm.md §1.4(e));
- several items per unsur (the coordination survey IEK, seed Tabel 35-37): item NRR,
  then mean of items per unsur, then mean of unsur (this reproduces seed Tabel 34).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.rumus.bilangan import D, DataTidakValid, bagi, bulat, jumlah, rata_rata, teks
from kinerja.rumus.skala import SKALA_MUTU_IKM

EMPAT = Decimal(4)
DUA_LIMA = Decimal(25)


@dataclass(frozen=True)
class Unsur:
    """One unsur: stable semantic key, display code, name (ikm.md §1.2)."""

    kunci: str
    kode: str
    nama: str


# PermenPAN-RB 14/2017 Lampiran, nine unsur; display codes and order of seed Tabel 30.
# Some apps swap sarana and pengaduan (U8/U9); the kunci stays stable (ikm.md §1.2).
UNSUR_BAKU: tuple[Unsur, ...] = (
    Unsur("persyaratan", "U1", "Persyaratan"),
    Unsur("prosedur", "U2", "Sistem, mekanisme dan prosedur"),
    Unsur("waktu", "U3", "Waktu penyelesaian"),
    Unsur("biaya", "U4", "Biaya/tarif"),
    Unsur("produk", "U5", "Produk spesifikasi jenis pelayanan"),
    Unsur("kompetensi", "U6", "Kompetensi pelaksana"),
    Unsur("perilaku", "U7", "Perilaku pelaksana"),
    Unsur("pengaduan", "U8", "Penanganan pengaduan, saran dan masukan"),
    Unsur("sarana", "U9", "Sarana dan prasarana"),
)
KODE_UNSUR_BAKU: tuple[str, ...] = tuple(u.kode for u in UNSUR_BAKU)

# The 13 items of the Jakarta coordination survey (IEK), in questionnaire order, mapped to
# their unsur: seed Tabel 35-37 and the KUESIONER appendix (E1-E13).
BUTIR_IEK_JAKARTA: tuple[str, ...] = tuple("U1 U2 U3 U4 U5 U5 U6 U6 U6 U7 U7 U8 U9".split())

# "1/9": exact 1/n (IKM = Σ NRR / n). "0.111"/"0.11": legacy rounded weights, 9 unsur only.
BOBOT = ("1/9", "0.111", "0.11")


@dataclass(frozen=True)
class NilaiUnsur:
    """Σ answer values of one unsur and the number of answers given (blanks excluded)."""

    kode: str
    total: Decimal
    jumlah: int


@dataclass(frozen=True)
class NilaiButir:
    """One questionnaire item (butir), mapped to an unsur: Σ answer values and answers given."""

    unsur: str
    total: Decimal
    jumlah: int


@dataclass(frozen=True)
class HasilIKM:
    """IKM of one unit and period (PermenPAN-RB 14/2017): NRR, IKM 1-4, konversi, mutu."""

    nrr: dict[str, Decimal]
    nrr_tertimbang: dict[str, Decimal]
    ikm: Decimal
    konversi: Decimal
    mutu: str
    kinerja: str
    bobot: str
    jumlah_responden: int | None
    unsur_terlemah: str
    rumus: str
    # Totals kept for pooling (gabung_responden): per unsur for ikm_dari_responden and
    # ikm_dari_unsur, per item for ikm_dari_butir; empty for published values.
    unsur: tuple[NilaiUnsur, ...] = field(default=(), compare=False)
    butir: tuple[NilaiButir, ...] = field(default=(), compare=False)


def _tampil(x: Decimal) -> str:
    """Display form in formula texts: 2 dp, half up (docs/keputusan/0001-pembulatan.md)."""
    return format(bulat(x), "f")


def _cek_bobot(bobot: str, n_unsur: int) -> None:
    if bobot not in BOBOT:
        raise DataTidakValid(
            f"bobot: '{bobot}' tidak dikenal (pilihan: {', '.join(BOBOT)})", bidang="bobot"
        )
    if bobot != "1/9" and n_unsur != 9:
        raise DataTidakValid(
            f"bobot: {bobot} hanya untuk 9 unsur, diterima {n_unsur} unsur; pakai '1/9' "
            "(bobot eksak 1/jumlah unsur)",
            bidang="bobot",
        )


def _cek_jumlah_responden(n: int | None) -> None:
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 1):
        raise DataTidakValid(
            f"jumlah_responden: diharapkan bilangan bulat positif, diterima {n!r}",
            bidang="jumlah_responden",
        )


def _susun(
    nrr: dict[str, Decimal],
    *,
    bobot: str,
    jumlah_responden: int | None,
    cara: str,
    unsur: tuple[NilaiUnsur, ...] = (),
    butir: tuple[NilaiButir, ...] = (),
) -> HasilIKM:
    """IKM from NRR per unsur: PermenPAN-RB 14/2017 Lampiran (NRR tertimbang, IKM, konversi)."""
    n = len(nrr)
    if n == 0:
        raise DataTidakValid("unsur: tidak ada unsur yang bernilai", bidang="unsur")
    _cek_bobot(bobot, n)
    _cek_jumlah_responden(jumlah_responden)
    if bobot == "1/9":
        tertimbang = {k: bagi(v, Decimal(n)) for k, v in nrr.items()}
        ikm = bagi(jumlah(nrr.values()), Decimal(n))
        uraian_bobot = f"Σ NRR / {n} (bobot 1/{n} eksak)"
    else:
        w = Decimal(bobot)
        tertimbang = {k: v * w for k, v in nrr.items()}
        ikm = jumlah(tertimbang.values())
        uraian_bobot = f"Σ NRR × {bobot} (bobot lama dibulatkan)"
    konversi = ikm * DUA_LIMA
    pita = SKALA_MUTU_IKM.pita_untuk(konversi)
    terlemah = min(nrr, key=lambda k: nrr[k])  # min keeps the first of equal values
    rumus = (
        f"{cara}; IKM = {uraian_bobot} = {format(bulat(ikm, 4), 'f')}; "
        f"konversi = IKM × 25 = {_tampil(konversi)} (mutu {pita.label})"
    )
    return HasilIKM(
        nrr=dict(nrr),
        nrr_tertimbang=tertimbang,
        ikm=ikm,
        konversi=konversi,
        mutu=pita.label,
        kinerja=pita.keterangan,
        bobot=bobot,
        jumlah_responden=jumlah_responden,
        unsur_terlemah=terlemah,
        rumus=rumus,
        unsur=unsur,
        butir=butir,
    )


def _jawaban(nilai, *, responden: int, kode: str) -> int | None:
    """One answer: 1-4 (int, integral Decimal or "1".."4"); None or "" is blank."""
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    angka = None
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        angka = nilai
    elif isinstance(nilai, str) and nilai.strip().isascii() and nilai.strip().isdigit():
        angka = int(nilai.strip())
    elif isinstance(nilai, Decimal) and nilai.is_finite() and nilai == nilai.to_integral_value():
        angka = int(nilai)
    if angka is None or not 1 <= angka <= 4:
        raise DataTidakValid(
            f"responden {responden}, unsur {kode}: nilai {nilai!r} di luar skala 1-4 "
            "(diharapkan bilangan bulat 1, 2, 3 atau 4, atau kosong)",
            bidang=kode,
        )
    return angka


def _cek_kode(kode_unsur: Sequence[str]) -> tuple[str, ...]:
    kode = tuple(kode_unsur)
    if not kode:
        raise DataTidakValid("kode_unsur: daftar unsur kosong", bidang="kode_unsur")
    ganda = sorted({k for k in kode if kode.count(k) > 1})
    if ganda:
        raise DataTidakValid(
            f"kode_unsur: kode ganda {', '.join(ganda)}; setiap unsur harus unik",
            bidang="kode_unsur",
        )
    return kode


def ikm_dari_responden(
    responden: Sequence[Sequence[int | str | None]],
    *,
    kode_unsur: Sequence[str] = KODE_UNSUR_BAKU,
    bobot: str = "1/9",
) -> HasilIKM:
    """IKM from the per-respondent grid (PermenPAN-RB 14/2017 Lampiran, lembar pengolahan).

    Row = one questionnaire, column = one unsur in kode_unsur order; a blank (None or "")
    leaves that unsur's denominator (ikm.md §1.4(e)); a questionnaire with no answer at
    all is rejected. NRR_u = T_u / answers given for u.
    """
    kode = _cek_kode(kode_unsur)
    if not responden:
        raise DataTidakValid("responden: tidak ada kuesioner", bidang="responden")
    total = dict.fromkeys(kode, 0)
    terisi = dict.fromkeys(kode, 0)
    for nomor, baris in enumerate(responden, start=1):
        if isinstance(baris, str | bytes) or len(baris) != len(kode):
            panjang = len(baris) if not isinstance(baris, str | bytes) else "teks"
            raise DataTidakValid(
                f"responden {nomor}: diharapkan {len(kode)} jawaban ({', '.join(kode)}), "
                f"diterima {panjang}",
                bidang="responden",
            )
        jawaban = [_jawaban(v, responden=nomor, kode=k) for k, v in zip(kode, baris, strict=True)]
        if all(v is None for v in jawaban):
            raise DataTidakValid(
                f"responden {nomor}: semua unsur kosong; kuesioner tanpa jawaban tidak dihitung",
                bidang="responden",
            )
        for k, v in zip(kode, jawaban, strict=True):
            if v is not None:
                total[k] += v
                terisi[k] += 1
    unsur = tuple(NilaiUnsur(k, Decimal(total[k]), terisi[k]) for k in kode)
    return ikm_dari_unsur(unsur, bobot=bobot, jumlah_responden=len(responden))


def _nrr(total, n, *, bidang: str) -> Decimal:
    """total / n with the checks every NRR needs: n ≥ 1 answers, result within 1-4."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise DataTidakValid(
            f"{bidang}: jumlah jawaban harus bilangan bulat ≥ 0, diterima {n!r}", bidang=bidang
        )
    if n == 0:
        raise DataTidakValid(
            f"{bidang}: tidak ada jawaban (jumlah 0), NRR tidak terdefinisi", bidang=bidang
        )
    t = D(total, bidang=bidang)
    if not n <= t <= 4 * n:
        raise DataTidakValid(
            f"{bidang}: total {teks(t)} dari {n} jawaban di luar rentang {n}-{4 * n} "
            "(skala 1-4 per jawaban)",
            bidang=bidang,
        )
    return bagi(t, Decimal(n))


def ikm_dari_unsur(
    unsur: Sequence[NilaiUnsur], *, bobot: str = "1/9", jumlah_responden: int | None = None
) -> HasilIKM:
    """IKM from totals per unsur (PermenPAN-RB 14/2017 Lampiran): NRR = total / jumlah terisi."""
    daftar = tuple(unsur)
    _cek_kode([u.kode for u in daftar])
    nrr = {u.kode: _nrr(u.total, u.jumlah, bidang=f"unsur {u.kode}") for u in daftar}
    normal = tuple(NilaiUnsur(u.kode, D(u.total), u.jumlah) for u in daftar)
    return _susun(
        nrr,
        bobot=bobot,
        jumlah_responden=jumlah_responden,
        cara="NRR per unsur = total nilai / jumlah jawaban terisi",
        unsur=normal,
    )


def _rata_per_unsur(pasangan: Sequence[tuple[str, Decimal]]) -> dict[str, Decimal]:
    """Mean of the item values of each unsur, unsur in order of first appearance."""
    kelompok: dict[str, list[Decimal]] = {}
    for kode, nilai in pasangan:
        if not isinstance(kode, str) or not kode:
            raise DataTidakValid(f"butir: kode unsur {kode!r} tidak valid", bidang="unsur")
        kelompok.setdefault(kode, []).append(nilai)
    return {k: rata_rata(v) for k, v in kelompok.items()}


def ikm_dari_butir(
    butir: Sequence[NilaiButir], *, bobot: str = "1/9", jumlah_responden: int | None = None
) -> HasilIKM:
    """IKM of a survey with several items (butir) per unsur: the coordination survey (IEK).

    Seed Tabel 34-37 and KUESIONER (13 items on 9 unsur): item NRR = total / jumlah,
    NRR of the unsur = mean of its items' NRR, IKM = mean of the unsur NRR (bobot 1/n over
    the unsur present). Items are kept in order so that equal surveys pool item by item.
    """
    daftar = tuple(butir)
    if not daftar:
        raise DataTidakValid("butir: daftar butir kosong", bidang="butir")
    pasangan = [
        (b.unsur, _nrr(b.total, b.jumlah, bidang=f"butir {i} (unsur {b.unsur})"))
        for i, b in enumerate(daftar, start=1)
    ]
    normal = tuple(NilaiButir(b.unsur, D(b.total), b.jumlah) for b in daftar)
    return _susun(
        _rata_per_unsur(pasangan),
        bobot=bobot,
        jumlah_responden=jumlah_responden,
        cara="NRR butir = total / jumlah; NRR unsur = rata-rata NRR butirnya",
        butir=normal,
    )


SKALA_NILAI = ("konversi", "persepsi")


def ikm_dari_nilai_butir(
    nilai: Sequence[tuple[str, object]],
    *,
    skala: str = "konversi",
    bobot: str = "1/9",
    jumlah_responden: int | None = None,
) -> HasilIKM:
    """IKM from published item values (unsur code, value): seed Tabel 35-37 → Tabel 34.

    skala "konversi": values already × 25 (25-100, e.g. 96.43); "persepsi": 1-4.
    Unsur value = mean of its items; IKM = mean of the unsur. A flat mean of the items
    does not reproduce the seed's per-asisten values; this item → unsur → mean rule does.
    """
    if skala not in SKALA_NILAI:
        raise DataTidakValid(
            f"skala: '{skala}' tidak dikenal (pilihan: {', '.join(SKALA_NILAI)})", bidang="skala"
        )
    if not nilai:
        raise DataTidakValid("butir: daftar nilai butir kosong", bidang="butir")
    bawah, atas = (DUA_LIMA, Decimal(100)) if skala == "konversi" else (Decimal(1), EMPAT)
    pasangan = []
    for i, (kode, v) in enumerate(nilai, start=1):
        x = D(v, bidang=f"butir {i} (unsur {kode})")
        if not bawah <= x <= atas:
            raise DataTidakValid(
                f"butir {i} (unsur {kode}): nilai {teks(x)} di luar skala {teks(bawah)}-{teks(atas)}",
                bidang=str(kode),
            )
        pasangan.append((kode, bagi(x, DUA_LIMA) if skala == "konversi" else x))
    return _susun(
        _rata_per_unsur(pasangan),
        bobot=bobot,
        jumlah_responden=jumlah_responden,
        cara=f"nilai unsur = rata-rata nilai butirnya (skala {skala})",
    )


# ---------------------------------------------------------------------------------------
# Roll-ups across units and periods (ikm.md §4 item 4). The regulation defines IKM per unit
# and period only; each roll-up is declared and named in its result.

ATURAN_GABUNG = {
    "gabung_responden": (
        "gabungan responden: total nilai dan jumlah jawaban semua bagian dijumlahkan, "
        "lalu IKM dihitung ulang seperti satu survei"
    ),
    "rata_rata_unit": "rata-rata sederhana nilai konversi tiap bagian (unit atau periode)",
    "tertimbang_responden": "rata-rata nilai konversi tiap bagian ditimbang jumlah respondennya",
}


@dataclass(frozen=True)
class HasilGabungan:
    """A rolled-up IKM; aturan and rumus say how it was combined."""

    konversi: Decimal
    mutu: str
    kinerja: str
    aturan: str
    uraian_aturan: str
    jumlah_unit: int
    jumlah_responden: int | None
    rumus: str


def _konversi_bagian(bagian, i: int) -> Decimal:
    if isinstance(bagian, HasilIKM):
        return bagian.konversi
    x = D(bagian, bidang=f"bagian {i}")
    if not DUA_LIMA <= x <= Decimal(100):
        raise DataTidakValid(
            f"bagian {i}: nilai konversi {teks(x)} di luar rentang 25-100", bidang=f"bagian {i}"
        )
    return x


def _gabung_responden(bagian: Sequence) -> HasilIKM:
    if not all(isinstance(b, HasilIKM) for b in bagian):
        raise DataTidakValid(
            "gabung_responden: setiap bagian harus HasilIKM dengan total per unsur, "
            "bukan nilai yang sudah dipublikasikan",
            bidang="bagian",
        )
    bobot = {b.bobot for b in bagian}
    if len(bobot) != 1:
        raise DataTidakValid(
            f"gabung_responden: bobot bagian berbeda ({', '.join(sorted(bobot))})", bidang="bobot"
        )
    n = [b.jumlah_responden for b in bagian]
    total_n = sum(n) if None not in n else None
    if all(b.butir for b in bagian):
        pola = [tuple(x.unsur for x in b.butir) for b in bagian]
        if len(set(pola)) != 1:
            raise DataTidakValid(
                "gabung_responden: susunan butir tiap bagian berbeda", bidang="butir"
            )
        butir = [
            NilaiButir(kolom[0].unsur, jumlah(x.total for x in kolom), sum(x.jumlah for x in kolom))
            for kolom in zip(*(b.butir for b in bagian), strict=True)
        ]
        return ikm_dari_butir(butir, bobot=bobot.pop(), jumlah_responden=total_n)
    if all(b.unsur for b in bagian):
        kode = [tuple(x.kode for x in b.unsur) for b in bagian]
        if len({frozenset(k) for k in kode}) != 1:
            raise DataTidakValid(
                "gabung_responden: daftar unsur tiap bagian berbeda", bidang="unsur"
            )
        pool = {k: [Decimal(0), 0] for k in kode[0]}
        for b in bagian:
            for x in b.unsur:
                pool[x.kode][0] += x.total
                pool[x.kode][1] += x.jumlah
        unsur = [NilaiUnsur(k, t, j) for k, (t, j) in pool.items()]
        return ikm_dari_unsur(unsur, bobot=bobot.pop(), jumlah_responden=total_n)
    raise DataTidakValid(
        "gabung_responden: ada bagian tanpa total per unsur/butir (misalnya dari nilai "
        "butir yang dipublikasikan); pakai aturan rata_rata_unit",
        bidang="bagian",
    )


def gabung_ikm(
    bagian: Sequence[HasilIKM | Decimal | int | str],
    *,
    aturan: str,
    bobot: Sequence[int] | None = None,
) -> HasilGabungan:
    """Roll an IKM up across units or periods by a declared rule (see ATURAN_GABUNG).

    The regulation (PermenPAN-RB 14/2017) defines IKM per unit and period only. Seed usage:
    Tabel 31 "Rata-rata" = mean of two rounds, Tabel 33 = mean of three asisten, Tabel 32 =
    mean of two semesters (rata_rata_unit). bobot: respondent counts for
    tertimbang_responden (default: each part's jumlah_responden).
    """
    if aturan not in ATURAN_GABUNG:
        raise DataTidakValid(
            f"aturan: '{aturan}' tidak dikenal (pilihan: {', '.join(ATURAN_GABUNG)})",
            bidang="aturan",
        )
    bagian = list(bagian)
    if not bagian:
        raise DataTidakValid("bagian: tidak ada bagian untuk digabung", bidang="bagian")
    if bobot is not None and aturan != "tertimbang_responden":
        raise DataTidakValid(
            "bobot: hanya dipakai oleh aturan tertimbang_responden", bidang="bobot"
        )
    jumlah_unit = len(bagian)
    n = [b.jumlah_responden if isinstance(b, HasilIKM) else None for b in bagian]
    jumlah_responden = sum(n) if None not in n else None

    if aturan == "gabung_responden":
        hasil = _gabung_responden(bagian)
        konversi, jumlah_responden = hasil.konversi, hasil.jumlah_responden
        rumus = f"gabungan {jumlah_unit} bagian: {hasil.rumus}"
    else:
        nilai = [_konversi_bagian(b, i) for i, b in enumerate(bagian, start=1)]
        if aturan == "rata_rata_unit":
            konversi = rata_rata(nilai)
            rumus = f"({' + '.join(_tampil(x) for x in nilai)}) / {jumlah_unit}"
        else:
            timbang = list(bobot) if bobot is not None else n
            if len(timbang) != jumlah_unit:
                raise DataTidakValid(
                    f"bobot: diharapkan {jumlah_unit} jumlah responden, diterima {len(timbang)}",
                    bidang="bobot",
                )
            for i, w in enumerate(timbang, start=1):
                if isinstance(w, bool) or not isinstance(w, int) or w < 1:
                    raise DataTidakValid(
                        f"bagian {i}: jumlah responden harus bilangan bulat positif, "
                        f"diterima {w!r}",
                        bidang="bobot",
                    )
            jumlah_responden = sum(timbang)
            konversi = bagi(
                jumlah(x * w for x, w in zip(nilai, timbang, strict=True)),
                Decimal(jumlah_responden),
            )
            suku = " + ".join(f"{_tampil(x)}×{w}" for x, w in zip(nilai, timbang, strict=True))
            rumus = f"({suku}) / {jumlah_responden}"
        rumus = f"{rumus} = {_tampil(konversi)}"
    pita = SKALA_MUTU_IKM.pita_untuk(konversi)
    return HasilGabungan(
        konversi=konversi,
        mutu=pita.label,
        kinerja=pita.keterangan,
        aturan=aturan,
        uraian_aturan=ATURAN_GABUNG[aturan],
        jumlah_unit=jumlah_unit,
        jumlah_responden=jumlah_responden,
        rumus=rumus,
    )
