"""Indonesian sentences generated from the data.

Each function takes figures the selectors and the engine already computed and returns
`(teks, angka)`: the text and the numbers it states, whose hash flags an edited block when
they change. A sentence only states what the data holds: no value, no sentence (or a plain
"belum ada data"), never a guessed cause.
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.angka import angka, persen, rupiah

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def arah(awal, akhir, *, polaritas: str = "positif") -> str:
    """'peningkatan', 'penurunan' or 'nilai yang sama', as the values read (not judged)."""
    if awal is None or akhir is None:
        return ""
    a, b = Decimal(awal), Decimal(akhir)
    if a == b:
        return "nilai yang sama"
    return "peningkatan" if b > a else "penurunan"


def _daftar(bagian: list[str]) -> str:
    if len(bagian) <= 1:
        return "".join(bagian)
    return ", ".join(bagian[:-1]) + " dan " + bagian[-1]


def kalimat_periode(label_jenis: str, nilai: list[tuple[int, Decimal | None]]) -> tuple[str, dict]:
    """'Realisasi semester I sebesar 97,46 dan semester II sebesar 97,90, menunjukkan
    peningkatan.' Periods without a value are named as empty, not as 0."""
    isi = [(k, v) for k, v in nilai if v is not None]
    if not isi:
        return "", {}
    bagian = [f"{label_jenis} {ROMAWI[k - 1]} sebesar {angka(v)}" for k, v in isi]
    teks = "Realisasi " + _daftar(bagian)
    kosong = [f"{label_jenis} {ROMAWI[k - 1]}" for k, v in nilai if v is None]
    if len(isi) >= 2:
        a = arah(isi[0][1], isi[-1][1])
        teks += f", menunjukkan {a}" if a != "nilai yang sama" else ", tidak berubah"
    teks += "."
    if kosong:
        teks += f" Realisasi {_daftar(kosong)} belum tercatat."
    return teks, {f"{label_jenis}-{k}": v for k, v in nilai}


def kalimat_capaian(nama, target_cetak, realisasi_cetak, capaian, predikat) -> tuple[str, dict]:
    if capaian is None:
        teks = (
            f"Indikator {nama} dengan target {target_cetak} belum dapat dihitung capaiannya "
            f"karena realisasi {realisasi_cetak if realisasi_cetak != '-' else 'belum tercatat'}."
        )
    else:
        teks = (
            f"Indikator {nama} ditargetkan {target_cetak} dengan realisasi {realisasi_cetak}, "
            f"sehingga capaiannya {persen(capaian)} dengan predikat {predikat}."
        )
    return teks, {"target": target_cetak, "realisasi": realisasi_cetak, "capaian": capaian}


def kalimat_riwayat(seri: list[dict], tahun: int) -> tuple[str, dict]:
    """Comparison with earlier years from the yearly series."""
    lalu = [s for s in seri if s["tahun"] < tahun and s["realisasi"] is not None]
    kini = next((s for s in seri if s["tahun"] == tahun), None)
    if not lalu:
        return "Data realisasi tahun-tahun sebelumnya belum tersedia untuk indikator ini.", {}
    s0 = lalu[-1]
    bagian = [f"realisasi tahun {s0['tahun']} sebesar {angka(s0['realisasi'])}"]
    if kini and kini["realisasi"] is not None:
        a = arah(s0["realisasi"], kini["realisasi"])
        teks = (
            f"Dibandingkan dengan {bagian[0]}, realisasi tahun {tahun} sebesar "
            f"{angka(kini['realisasi'])} menunjukkan {a}."
        )
    else:
        teks = f"Tercatat {bagian[0]}; realisasi tahun {tahun} belum tersedia."
    if len(lalu) >= 2:
        awal = lalu[0]
        teks += (
            f" Sejak tahun {awal['tahun']} (realisasi {angka(awal['realisasi'])}) data "
            f"tersedia untuk {len(lalu) + (1 if kini else 0)} tahun."
        )
    return teks, {str(s["tahun"]): s["realisasi"] for s in seri}


def kalimat_renstra(realisasi, target_renstra: list[tuple[int, str, Decimal | None]], tahun):
    """Realisasi to date against the Renstra target of this year and of its last year."""
    if not target_renstra:
        return "Target jangka menengah (Renstra) untuk indikator ini belum tercatat.", {}
    ini = next((t for t in target_renstra if t[0] == tahun and t[2] is not None), None)
    akhir = max(target_renstra, key=lambda t: t[0])
    bagian = []
    if ini:
        bagian.append(f"target {ini[1]} tahun {tahun} sebesar {angka(ini[2])}")
    if akhir[2] is not None and akhir[0] != tahun:
        bagian.append(f"target akhir periode (tahun {akhir[0]}) sebesar {angka(akhir[2])}")
    if realisasi is None or not bagian:
        return "Target jangka menengah tercatat, tetapi realisasi belum tersedia.", {}
    teks = (
        f"Realisasi tahun {tahun} sebesar {angka(realisasi)} dibandingkan dengan {_daftar(bagian)}"
    )
    if akhir[2] is not None:
        sudah = Decimal(realisasi) >= Decimal(akhir[2])
        teks += (
            ", telah melampaui target akhir periode Renstra."
            if sudah
            else f", masih {angka(Decimal(akhir[2]) - Decimal(realisasi))} di bawah target akhir periode."
        )
    else:
        teks += "."
    return teks, {"realisasi": realisasi, **{f"{t[0]}-{t[1]}": t[2] for t in target_renstra}}


def kalimat_pembanding(nama_unit, realisasi, daftar: list[tuple[str, Decimal, bool]]):
    """Against peers and the national standard (name, value, is_national)."""
    if not daftar:
        return "Data pembanding dengan daerah lain atau standar nasional belum tersedia.", {}
    if realisasi is None:
        return "Data pembanding tersedia, tetapi realisasi tahun ini belum tercatat.", {}
    r = Decimal(realisasi)
    lebih = [n for n, v, _ in daftar if r > v]
    kurang = [n for n, v, _ in daftar if r < v]
    nasional = [(n, v) for n, v, s in daftar if s]
    bagian = []
    if lebih:
        bagian.append(f"lebih tinggi daripada {_daftar(lebih)}")
    if kurang:
        bagian.append(f"lebih rendah daripada {_daftar(kurang)}")
    teks = f"Realisasi {nama_unit} sebesar {angka(r)} " + (
        _daftar(bagian) if bagian else "sama dengan seluruh pembanding"
    )
    teks += "."
    for n, v in nasional:
        teks += (
            f" Terhadap {n} ({angka(v)}), realisasi "
            + ("memenuhi" if r >= v else "belum memenuhi")
            + " standar tersebut."
        )
    return teks, {"realisasi": r, **{n: v for n, v, _ in daftar}}


def kalimat_kota_lain(
    nama_unit: str, kode: str, realisasi, daftar: list[tuple[str, Decimal]], wilayah: str
) -> tuple[str, dict]:
    """Against the other kota administrasi of the province with an indicator of the same
    kode (their verified realisasi, keputusan 0058); "tidak tersedia" said plainly otherwise."""
    if not kode:
        return (
            "Perbandingan dengan kota administrasi lain tidak tersedia: indikator ini tidak "
            "berkode, sehingga tidak dapat dicocokkan dengan indikator kota administrasi lain.",
            {},
        )
    if not daftar:
        return (
            f"Perbandingan dengan kota administrasi lain tidak tersedia: belum ada kota "
            f"administrasi lain di {wilayah} dengan indikator berkode {kode} yang realisasinya "
            "terverifikasi.",
            {},
        )
    if realisasi is None:
        return (
            f"Realisasi terverifikasi kota administrasi lain untuk indikator berkode {kode} "
            "tersedia, tetapi realisasi tahun ini belum tercatat.",
            {},
        )
    r = Decimal(realisasi)
    semua = sorted([v for _, v in daftar] + [r], reverse=True)
    lebih = [n for n, v in daftar if r > v]
    kurang = [n for n, v in daftar if r < v]
    bagian = []
    if lebih:
        bagian.append(f"lebih tinggi daripada {_daftar(lebih)}")
    if kurang:
        bagian.append(f"lebih rendah daripada {_daftar(kurang)}")
    teks = (
        f"Dibandingkan dengan {len(daftar)} kota administrasi lain di {wilayah} yang memakai "
        f"indikator berkode {kode} (realisasi terverifikasi), realisasi {nama_unit} sebesar "
        f"{angka(r)} berada di urutan ke-{semua.index(r) + 1} dari {len(semua)}"
        + (f", {_daftar(bagian)}." if bagian else ", sama dengan seluruh kota administrasi lain.")
    )
    return teks, {"realisasi": r, **{n: v for n, v in daftar}}


def kalimat_penjelasan(penjelasan: list[tuple[str, str]]) -> tuple[str, dict]:
    """The causes as the responsible unit wrote them with the realisasi (never invented)."""
    isi = [(p, t.strip()) for p, t in penjelasan if t and t.strip()]
    if not isi:
        return (
            "Penjelasan penyebab keberhasilan atau kegagalan belum dicatat pada data realisasi.",
            {},
        )
    if len(isi) == 1:
        return f"Menurut unit pengampu: {isi[0][1]}", {"penjelasan": isi[0][1]}
    return (
        " ".join(f"Pada {p}: {t}" for p, t in isi),
        {p: t for p, t in isi},
    )


def kalimat_program(program: list[tuple[str, Decimal]]) -> tuple[str, dict]:
    if not program:
        return "Belum ada program atau kegiatan yang ditautkan ke sasaran ini.", {}
    jumlah = sum((p for _, p in program), Decimal(0))
    teks = (
        f"Sasaran ini didukung oleh {len(program)} program dengan pagu seluruhnya "
        f"{rupiah(jumlah)}: {_daftar([n for n, _ in program])}."
    )
    return teks, {n: p for n, p in program}


def ringkasan_eksekutif(nama, tahun, jumlah_sasaran, jumlah_indikator, rekap, sasaran_rata):
    """Ikhtisar: how many sasaran and indicators, the predikat counts, the range of capaian."""
    bagian = [f"{n} indikator berpredikat {k}" for k, n in rekap.items() if n]
    teks = (
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {nama} Tahun {tahun} menyajikan capaian "
        f"{jumlah_indikator} indikator kinerja dari {jumlah_sasaran} sasaran dalam Perjanjian "
        f"Kinerja Tahun {tahun}. "
    )
    if bagian:
        teks += "Hasil pengukuran menunjukkan " + _daftar(bagian) + "."
    nilai = [(no, c) for no, c in sasaran_rata if c is not None]
    if nilai:
        rendah = min(nilai, key=lambda x: x[1])
        tinggi = max(nilai, key=lambda x: x[1])
        teks += (
            f" Rata-rata capaian per sasaran berkisar dari {persen(rendah[1])} (sasaran "
            f"{rendah[0]}) sampai {persen(tinggi[1])} (sasaran {tinggi[0]})."
        )
    angka_ = {"rekap": rekap, "sasaran": {str(n): c for n, c in sasaran_rata}}
    return teks, angka_


def kalimat_anggaran(r) -> tuple[str, dict]:
    """Budget sentence from the computed figures (RingkasanAnggaran)."""
    if r.pagu is None:
        return "Data realisasi anggaran belum tersedia di sistem untuk tahun ini.", {}
    teks = (
        f"Pagu anggaran sebesar {rupiah(r.pagu)} terealisasi {rupiah(r.realisasi)} "
        f"atau {persen(r.penyerapan)}."
    )
    if r.konsistensi is not None:
        teks += f" Konsistensi penyerapan terhadap rencana penarikan dana sebesar {persen(r.konsistensi)}."
    if r.nka is not None:
        teks += (
            f" Nilai Kinerja Anggaran (PMK 22/PMK.02/2021) sebesar {angka(r.nka)} "
            f"dengan kategori {r.kategori_nka}."
        )
    return teks, {
        "pagu": r.pagu,
        "realisasi": r.realisasi,
        "penyerapan": r.penyerapan,
        "konsistensi": r.konsistensi,
        "nka": r.nka,
    }
