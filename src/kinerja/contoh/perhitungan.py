"""Compute the Jakarta Pusat 2024 figures with the engine, as tables and reviu checks.

Each section returns the tables it prints (computed values, with the published value beside
them) and the `Pemeriksaan` list the reviu checks. Nothing here computes a formula itself:
every number comes from kinerja.rumus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja import angka as fmt
from kinerja.contoh import jakarta_pusat_2024 as jp
from kinerja.laporan.tabel import Tabel
from kinerja.rumus import capaian as rc
from kinerja.rumus import ikm as ri
from kinerja.rumus import komposit, lke, nka, sampel, sasaran
from kinerja.rumus.bilangan import D, DataTidakValid, jumlah, teks
from kinerja.rumus.reviu import Pemeriksaan, reviu


@dataclass
class Bagian:
    judul: str
    tabel: list[Tabel] = field(default_factory=list)
    pemeriksaan: list[Pemeriksaan] = field(default_factory=list)


ROMAWI = ("I", "II")  # putaran / semester labels


def _p(x) -> str:
    return fmt.angka(x, 2)


# --- Capaian Perjanjian Kinerja (Tabel 16-18) ---------------------------------------------


def hitung_capaian_pk() -> tuple[list[tuple], dict[int, list]]:
    """(row, HasilCapaian) per indicator of Tabel 16, and capaian per sasaran number."""
    hasil = []
    per_sasaran: dict[int, list] = {}
    for baris in jp.INDIKATOR_PK:
        no, _kelompok, _sasaran, _indikator, _satuan, target, realisasi, _terbit = baris
        if no in jp.INDIKATOR_KUALITATIF:
            q = jp.INDIKATOR_KUALITATIF[no]
            h = rc.hitung_capaian_kualitatif(
                realisasi=q["realisasi"], target=q["target"], skala_ordinal=q["skala_ordinal"]
            )
        else:
            h = rc.hitung_capaian(realisasi=realisasi, target=target)
        hasil.append((baris, h))
        per_sasaran.setdefault(no, []).append(h.capaian)
    return hasil, per_sasaran


def bagian_capaian() -> Bagian:
    b = Bagian("Capaian Perjanjian Kinerja Walikota 2024 (Tabel 16-18)")
    hasil, per_sasaran = hitung_capaian_pk()

    t16 = Tabel(
        "Tabel 16 - Capaian indikator kinerja (dihitung ulang)",
        ["No", "Indikator", "Target", "Realisasi", "Capaian %", "Predikat", "Terbit %"],
        rata=["kanan", "kiri", "kanan", "kanan", "kanan", "kiri", "kanan"],
    )
    for baris, h in hasil:
        no, kelompok, _s, indikator, _sat, target, realisasi, terbit = baris
        q = jp.INDIKATOR_KUALITATIF.get(no)
        t_cetak = q["target"] if q else fmt.desimal_atau_teks(target)
        r_cetak = q["realisasi"] if q else fmt.desimal_atau_teks(realisasi)
        t16.tambah(no, indikator, t_cetak, r_cetak, _p(h.capaian), h.predikat, _p(terbit))
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-16/{no}/{indikator[:30]}",
                uraian=f"Capaian indikator '{indikator}'",
                sumber="Tabel 16",
                terbit=terbit,
                hitung=h.capaian,
                rumus=h.rumus,
                masukan={
                    "target": str(q["target"] if q else target),
                    "realisasi": str(q["realisasi"] if q else realisasi),
                },
            )
        )
    t16.catatan.append(
        "Sasaran 3 kualitatif: Tabel 16 mencetak target '100' dengan realisasi 'WTP (3)'; "
        "Kinerja membaca target sebagai opini WTP pada skala ordinal opini (WTP=4 ... TMP=1)."
    )
    b.tabel.append(t16)

    semua = [h.capaian for _, h in hasil]
    rekap = sasaran.rekap_predikat(semua)
    t17 = Tabel("Tabel 17 - Jumlah indikator per predikat", ["Predikat", "Jumlah", "Terbit"])
    for label, n in rekap.items():
        t17.tambah(label, n, jp.TABEL_17_TERBIT.get(label, 0))
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-17/{label}",
                uraian=f"Jumlah indikator berpredikat {label}",
                sumber="Tabel 17",
                terbit=str(jp.TABEL_17_TERBIT.get(label, 0)),
                hitung=str(n),
                rumus="hitung indikator per pita skala DKI (Tabel 15, '<= 5%' dibaca 50%)",
            )
        )
    t17.tambah("Jumlah", sum(rekap.values()), sum(jp.TABEL_17_TERBIT.values()))
    b.tabel.append(t17)

    t18 = Tabel(
        "Tabel 18 - Rata-rata capaian per sasaran",
        ["No", "Sasaran", "Indikator", "Rata-rata %", "Predikat", "Terbit %"],
        rata=["kanan", "kiri", "kanan", "kanan", "kiri", "kanan"],
    )
    nama_sasaran = {baris[0]: baris[2] for baris in jp.INDIKATOR_PK}
    for no, daftar in per_sasaran.items():
        hs = sasaran.capaian_sasaran(daftar)
        terbit = jp.TABEL_18_TERBIT[no]
        t18.tambah(
            no, nama_sasaran[no], hs.jumlah_indikator, _p(hs.capaian), hs.predikat, _p(terbit)
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-18/sasaran-{no}",
                uraian=f"Rata-rata capaian sasaran {no}",
                sumber="Tabel 18 (dan Tabel 73)",
                terbit=terbit,
                hitung=hs.capaian,
                rumus=hs.rumus,
                masukan={f"capaian indikator {i + 1}": teks(c) for i, c in enumerate(daftar)},
            )
        )
    b.tabel.append(t18)

    # Tabel 50 prints the SDI indicator with another realisasi and capaian than Tabel 16.
    baris_sdi, sdi = next((baris, h) for baris, h in hasil if baris[0] == 4)
    b.pemeriksaan.append(
        Pemeriksaan(
            kode="tabel-50/sdi",
            uraian="Capaian Nilai Kualitas Data SDI di Tabel 50 vs Tabel 16",
            sumber="Tabel 50",
            terbit=jp.TABEL_50_TERBIT["capaian"],
            hitung=sdi.capaian,
            rumus=sdi.rumus,
            masukan={
                "target": baris_sdi[5],
                "realisasi Tabel 16": baris_sdi[6],
                "realisasi Tabel 50": jp.TABEL_50_TERBIT["realisasi"],
            },
            catatan="Tabel 50 mencetak realisasi '100%' dan capaian 100, Tabel 16 realisasi 4 dan capaian 123,08.",
        )
    )
    return b


# --- Survei Kepuasan Masyarakat kelurahan (Tabel 31) ------------------------------------


def bagian_skm() -> Bagian:
    b = Bagian("Survei Kepuasan Masyarakat kelurahan 2024 (Tabel 31)")
    t = Tabel(
        "Tabel 31 - IKM per kelurahan (rata-rata dua putaran)",
        ["No", "Kelurahan", "Putaran I", "Putaran II", "Rata-rata", "Mutu", "Kinerja", "Terbit"],
        rata=["kanan", "kiri", "kanan", "kanan", "kanan", "kiri", "kiri", "kanan"],
    )
    rata_kelurahan = []
    for i, (nama, satu, dua, terbit) in enumerate(jp.TABEL_31, start=1):
        g = ri.gabung_ikm([D(satu), D(dua)], aturan="rata_rata_unit")
        rata_kelurahan.append(g.konversi)
        t.tambah(i, nama, _p(satu), _p(dua), _p(g.konversi), g.mutu, g.kinerja, _p(terbit))
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-31/{nama}",
                uraian=f"IKM rata-rata Kelurahan {nama}",
                sumber="Tabel 31",
                terbit=terbit,
                hitung=g.konversi,
                rumus=g.rumus,
                masukan={"putaran I": satu, "putaran II": dua},
            )
        )
    kota = ri.gabung_ikm(rata_kelurahan, aturan="rata_rata_unit")
    t.catatan.append(
        f"Rata-rata 44 kelurahan (aturan: {kota.uraian_aturan}) = {_p(kota.konversi)}, "
        f"mutu {kota.mutu}; IKM kota yang terbit (Tabel 24/29) = {_p(jp.IKM_KOTA['terbit'])}."
    )
    terbesar = sampel.krejcie_morgan(1_000_000)
    t.catatan.append(
        f"Jumlah responden {fmt.angka(jp.IKM_KOTA['jumlah_responden'], 0)}; sampel minimum "
        f"Krejcie-Morgan paling besar {terbesar} (populasi 1.000.000 atau lebih), jadi memenuhi untuk "
        "populasi berapa pun; kecukupan per kelurahan butuh populasi dan responden tiap kelurahan."
    )
    for s_, terbit_s in enumerate(jp.IKM_KOTA["semester_terbit"]):
        g = ri.gabung_ikm([D(baris[1 + s_]) for baris in jp.TABEL_31], aturan="rata_rata_unit")
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-25/semester-{s_ + 1}",
                uraian=f"IKM kota putaran {ROMAWI[s_]} sebagai rata-rata kelurahan",
                sumber="Tabel 25 vs Tabel 31",
                terbit=terbit_s,
                hitung=g.konversi,
                rumus=g.rumus,
                catatan="Aturan agregasi IKM kota tidak disebut dalam laporan.",
            )
        )
    rendah = [
        (nama, v)
        for nama, satu, dua, _ in jp.TABEL_31
        for v in (satu, dua)
        if ri.gabung_ikm([D(v)], aturan="rata_rata_unit").mutu != "A"
    ]
    for nama, v in rendah:
        t.catatan.append(
            f"Kelurahan {nama}: satu putaran bernilai {_p(v)} (mutu "
            f"{ri.gabung_ikm([D(v)], aturan='rata_rata_unit').mutu}), padahal teks menyebut semua mutu A."
        )
    b.tabel.append(t)
    b.pemeriksaan.append(
        Pemeriksaan(
            kode="tabel-24/ikm-kota",
            uraian="IKM kota sebagai rata-rata IKM kelurahan",
            sumber="Tabel 24 dan 29",
            terbit=jp.IKM_KOTA["terbit"],
            hitung=kota.konversi,
            rumus=kota.rumus,
            masukan={"kelurahan": "44 nilai rata-rata Tabel 31"},
            catatan="IKM kota yang terbit tidak dapat direproduksi dari Tabel 31; laporan tidak "
            "menyebut aturan agregasinya (mungkin gabungan responden, yang datanya tidak dimuat).",
        )
    )
    return b


# --- Indeks Efektivitas Koordinasi (Tabel 32-37) and Indeks Kepuasan Layanan (Tabel 19) ---


def hitung_koordinasi() -> dict:
    """Per asisten and semester from the item values, then city semester and year."""
    per_asisten = {}
    for asisten, semester in jp.TABEL_35_37.items():
        per_asisten[asisten] = [
            ri.ikm_dari_nilai_butir(list(zip(jp.BUTIR_KOORDINASI, nilai, strict=True)))
            for nilai in semester
        ]
    kota_semester = [
        ri.gabung_ikm([per_asisten[a][s].konversi for a in per_asisten], aturan="rata_rata_unit")
        for s in (0, 1)
    ]
    tahun = ri.gabung_ikm([k.konversi for k in kota_semester], aturan="rata_rata_unit")
    return {"asisten": per_asisten, "semester": kota_semester, "tahun": tahun}


def bagian_koordinasi() -> Bagian:
    b = Bagian("Indeks Efektivitas Koordinasi dan Indeks Kepuasan Layanan (Tabel 19, 32-37)")
    k = hitung_koordinasi()
    t = Tabel(
        "Tabel 34 - Nilai efektivitas koordinasi per asisten (dari butir Tabel 35-37)",
        ["Asisten", "Sem. I", "Terbit I", "Sem. II", "Terbit II", "Unsur terlemah (II)"],
    )
    for asisten, hasil in k["asisten"].items():
        terbit = jp.TABEL_34_TERBIT[asisten]
        t.tambah(
            asisten,
            _p(hasil[0].konversi),
            _p(terbit[0]),
            _p(hasil[1].konversi),
            _p(terbit[1]),
            hasil[1].unsur_terlemah,
        )
        for s in (0, 1):
            b.pemeriksaan.append(
                Pemeriksaan(
                    kode=f"tabel-34/{asisten}/semester-{s + 1}",
                    uraian=f"Nilai efektivitas koordinasi bidang {asisten}, semester {ROMAWI[s]}",
                    sumber="Tabel 34 (dari Tabel 35-37)",
                    terbit=terbit[s],
                    hitung=hasil[s].konversi,
                    rumus=hasil[s].rumus,
                    masukan={
                        f"butir {i + 1} ({u})": v
                        for i, (u, v) in enumerate(
                            zip(jp.BUTIR_KOORDINASI, jp.TABEL_35_37[asisten][s], strict=True)
                        )
                    },
                )
            )
    for s, g in enumerate(k["semester"]):
        sel = ["", "", "", ""]  # semester I (dihitung, terbit), semester II (dihitung, terbit)
        sel[2 * s : 2 * s + 2] = _p(g.konversi), _p(jp.TABEL_33_TERBIT[s])
        t.tambah(f"Kota, semester {ROMAWI[s]}", *sel, "")
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-33/semester-{s + 1}",
                uraian=f"Indeks efektivitas koordinasi kota semester {s + 1}",
                sumber="Tabel 33",
                terbit=jp.TABEL_33_TERBIT[s],
                hitung=g.konversi,
                rumus=g.rumus,
                catatan="Rata-rata tiga asisten; berbeda bila nilai asisten di Tabel 34 salah.",
            )
        )
    t.catatan.append(
        f"Tahun 2024 = {k['tahun'].uraian_aturan} semester = {_p(k['tahun'].konversi)} "
        f"(terbit {_p(jp.IEK['terbit'])}, Tabel 32)."
    )
    t.catatan.append(
        "Aturan: nilai butir (x25) dirata-rata per unsur, lalu rata-rata 9 unsur per asisten; "
        "kota = rata-rata tiga asisten; tahun = rata-rata dua semester."
    )
    b.tabel.append(t)
    b.pemeriksaan.append(
        Pemeriksaan(
            kode="tabel-32/iek-tahun",
            uraian="Indeks efektivitas koordinasi 2024",
            sumber="Tabel 32 dan 38",
            terbit=jp.IEK["terbit"],
            hitung=k["tahun"].konversi,
            rumus=k["tahun"].rumus,
        )
    )

    # Published chain: reproduces 96.81 and 96.55 only with the printed 97.43.
    terbit_semester = [
        ri.gabung_ikm(
            [D(jp.TABEL_34_TERBIT[a][s]) for a in jp.TABEL_34_TERBIT], aturan="rata_rata_unit"
        )
        for s in (0, 1)
    ]
    tahun_terbit = ri.gabung_ikm([g.konversi for g in terbit_semester], aturan="rata_rata_unit")
    t.catatan.append(
        f"Rantai dari nilai Tabel 34 yang terbit: semester {_p(terbit_semester[0].konversi)} dan "
        f"{_p(terbit_semester[1].konversi)}, tahun {_p(tahun_terbit.konversi)} (cocok dengan Tabel 32/33)."
    )

    # Tabel 72 uses yearly per-asisten values; check them against Tabel 34's semesters.
    for asisten, nilai72 in jp.TABEL_72_IEK_ASISTEN.items():
        g = ri.gabung_ikm([h.konversi for h in k["asisten"][asisten]], aturan="rata_rata_unit")
        dari_terbit = ri.gabung_ikm(
            [D(x) for x in jp.TABEL_34_TERBIT[asisten]], aturan="rata_rata_unit"
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-72/iek/{asisten}",
                uraian=f"Realisasi tahunan nilai koordinasi bidang {asisten} di Tabel 72",
                sumber="Tabel 72 (vs Tabel 34-37)",
                terbit=nilai72,
                hitung=g.konversi,
                rumus=g.rumus,
                catatan=f"Rata-rata semester dari nilai Tabel 34 yang terbit: {_p(dari_terbit.konversi)}.",
            )
        )

    # Indeks Kepuasan Layanan = mean(IKM, IEK) (Tabel 19-22).
    ikl = komposit.rata_rata_indeks([D(jp.IKM_KOTA["terbit"]), k["tahun"].konversi])
    ikl_terbit_input = komposit.rata_rata_indeks([D(jp.IKM_KOTA["terbit"]), D(jp.IEK["terbit"])])
    cap = rc.hitung_capaian(realisasi=ikl, target=jp.INDEKS_KEPUASAN_LAYANAN["target"])
    t19 = Tabel(
        "Tabel 19 - Indeks Kepuasan Layanan Kota Administrasi", ["Besaran", "Dihitung", "Terbit"]
    )
    ikl_jp = jp.INDEKS_KEPUASAN_LAYANAN
    for besaran, dihitung, terbit in (  # the city IKM is taken as published (Tabel 24)
        ("IKM kelurahan (Tabel 24)", _p(jp.IKM_KOTA["terbit"]), _p(jp.IKM_KOTA["terbit"])),
        ("Indeks efektivitas koordinasi", _p(k["tahun"].konversi), _p(jp.IEK["terbit"])),
        ("Indeks kepuasan layanan = rata-rata keduanya", _p(ikl), _p(ikl_jp["terbit"])),
        (
            f"Capaian terhadap target {fmt.angka(ikl_jp['target'], 2)}",
            fmt.persen(cap.capaian),
            fmt.persen(ikl_jp["capaian_terbit"]),
        ),
    ):
        t19.tambah(besaran, dihitung, terbit)
    t19.catatan.append(f"Dengan nilai terbit (98,98 dan 96,55): {_p(ikl_terbit_input)}.")
    b.tabel.append(t19)
    b.pemeriksaan.append(
        Pemeriksaan(
            kode="tabel-19/ikl",
            uraian="Indeks Kepuasan Layanan Kota Administrasi",
            sumber="Tabel 19",
            terbit=jp.INDEKS_KEPUASAN_LAYANAN["terbit"],
            hitung=ikl,
            rumus="(IKM + indeks efektivitas koordinasi) / 2",
            masukan={"IKM": jp.IKM_KOTA["terbit"], "IEK": teks(k["tahun"].konversi)},
        )
    )
    # Tabel 20: per semester, the same mean of the semester's IKM (Tabel 25) and IEK (Tabel 33).
    for s_ in (0, 1):
        nilai = komposit.rata_rata_indeks(
            [D(jp.IKM_KOTA["semester_terbit"][s_]), D(jp.TABEL_33_TERBIT[s_])]
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-20/semester-{s_ + 1}",
                uraian=f"Indeks Kepuasan Layanan semester {ROMAWI[s_]}",
                sumber="Tabel 20",
                terbit=jp.INDEKS_KEPUASAN_LAYANAN["semester_terbit"][s_],
                hitung=nilai,
                rumus="(IKM semester (Tabel 25) + indeks efektivitas koordinasi semester (Tabel 33)) / 2",
                masukan={"IKM": jp.IKM_KOTA["semester_terbit"][s_], "IEK": jp.TABEL_33_TERBIT[s_]},
            )
        )
    return b


# --- Anggaran dan Nilai Kinerja Anggaran (Tabel 67-74) -----------------------------------


def realisasi_kumulatif_lengkap() -> list:
    """Tabel 70's cumulative realisasi with December = the year's realisasi (Tabel 67)."""
    return list(jp.REALISASI_KUMULATIF_TERBIT[:11]) + [jp.REALISASI]


def hitung_nka_terkoreksi():
    return nka.hitung_nka(
        alokasi=jp.PAGU,
        realisasi=jp.REALISASI,
        rpd_kumulatif=list(jp.RPD_KUMULATIF),
        realisasi_kumulatif=realisasi_kumulatif_lengkap(),
        program=[
            {
                "nama": p["nama"],
                "alokasi": p["alokasi"],
                "realisasi": p["realisasi"],
                "output": p["output"],
            }
            for p in jp.PROGRAM
        ],
        capaian_sasaran=[D(jp.TABEL_73_TERBIT["capaian_sasaran"])],
    )


# Tabel 74 rows: (komponen, bobot, key of TABEL_74_TERBIT = attribute of nka.HasilNKA).
KOMPONEN_NKA = (
    ("Penyerapan anggaran", "9,7%", "penyerapan"),
    ("Konsistensi", "18,2%", "konsistensi"),
    ("Capaian output program", "43,5%", "capaian_output"),
    ("Nilai efisiensi", "28,6%", "nilai_efisiensi"),
    ("Nilai aspek implementasi (NKI)", "33,3%", "nilai_implementasi"),
    ("Nilai aspek manfaat", "66,7%", "nilai_manfaat"),
    ("Nilai Kinerja Anggaran", "", "nilai_kinerja_anggaran"),
)


def bagian_anggaran() -> Bagian:
    b = Bagian("Realisasi anggaran dan Nilai Kinerja Anggaran (Tabel 67-74)")

    t67 = Tabel(
        "Tabel 67-69 - Penyerapan anggaran",
        ["Uraian", "Pagu (Rp)", "Realisasi (Rp)", "%", "Terbit %"],
    )
    baris = [("Jumlah belanja", jp.PAGU, jp.REALISASI, "95.69", "Tabel 67")]
    baris += [(u, p, r, t, "Tabel 67") for u, p, r, t in jp.BELANJA]
    baris += [(u, p, r, t, "Tabel 68") for u, p, r, t in jp.BELANJA_OPERASI]
    baris += [
        (p["nama"], p["alokasi"], p["realisasi"], p["persen_terbit"], "Tabel 69")
        for p in jp.PROGRAM
    ]
    for uraian, pagu, real, terbit, sumber in baris:
        nilai = nka.penyerapan(alokasi=pagu, realisasi=real)
        t67.tambah(uraian, fmt.angka(pagu, 0), fmt.angka(real, 0), _p(nilai), _p(terbit))
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"{sumber.lower().replace(' ', '-')}/{uraian}",
                uraian=f"Penyerapan {uraian}",
                sumber=sumber,
                terbit=terbit,
                hitung=nilai,
                rumus="realisasi / pagu × 100%",
                masukan={"pagu": pagu, "realisasi": real},
            )
        )
    # Parts must add up to their totals.
    for judul, bagian_, total_p, total_r in (
        ("jenis belanja (Tabel 67)", jp.BELANJA, jp.PAGU, jp.REALISASI),
        ("belanja operasi (Tabel 68)", jp.BELANJA_OPERASI, jp.BELANJA[0][1], jp.BELANJA[0][2]),
    ):
        for i, total in ((1, total_p), (2, total_r)):
            b.pemeriksaan.append(
                Pemeriksaan(
                    kode=f"jumlah/{judul}/{i}",
                    uraian=f"Jumlah {'pagu' if i == 1 else 'realisasi'} {judul}",
                    sumber=judul,
                    terbit=total,
                    hitung=jumlah(D(x[i]) for x in bagian_),
                    rumus="jumlah rinciannya",
                )
            )
    for i, total, nama in ((1, jp.PAGU, "alokasi"), (2, jp.REALISASI, "realisasi")):
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"jumlah/program/{nama}",
                uraian=f"Jumlah {nama} lima program (Tabel 69)",
                sumber="Tabel 69 vs Tabel 67",
                terbit=total,
                hitung=jumlah(D(p["alokasi" if i == 1 else "realisasi"]) for p in jp.PROGRAM),
                rumus="jumlah program = jumlah belanja",
            )
        )
    b.tabel.append(t67)

    # Tabel 70: the published blank December, then the corrected series.
    try:
        nka.konsistensi(
            rpd_kumulatif=list(jp.RPD_KUMULATIF),
            realisasi_kumulatif=list(jp.REALISASI_KUMULATIF_TERBIT),
        )
        pesan_kosong = ""
    except DataTidakValid as e:
        pesan_kosong = e.pesan
    k = nka.konsistensi(
        rpd_kumulatif=list(jp.RPD_KUMULATIF), realisasi_kumulatif=realisasi_kumulatif_lengkap()
    )
    t70 = Tabel(
        "Tabel 70 - Konsistensi penyerapan terhadap perencanaan (Desember dilengkapi)",
        [
            "Bulan",
            "RPD kumulatif",
            "Realisasi kumulatif",
            "Suku bulan %",
            "Berjalan %",
            "Terbit berjalan %",
        ],
    )
    ra = realisasi_kumulatif_lengkap()
    for i, bulan in enumerate(nka.NAMA_BULAN):
        t70.tambah(
            bulan,
            fmt.angka(jp.RPD_KUMULATIF[i], 0),
            fmt.angka(ra[i], 0),
            _p(k.per_bulan[i]),
            _p(k.berjalan[i]),
            _p(jp.TABEL_70_TERBIT["berjalan"][i]),
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-70/bulan-{i + 1}",
                uraian=f"Suku konsistensi bulan {bulan}",
                sumber="Tabel 70 kolom 5",
                terbit=jp.TABEL_70_TERBIT["per_bulan"][i],
                hitung=k.per_bulan[i],
                rumus="(RPDK − |RPDK − RAK|) / RPDK × 100%",
                masukan={
                    "RPDK": jp.RPD_KUMULATIF[i],
                    "RAK terbit": jp.REALISASI_KUMULATIF_TERBIT[i],
                    "RAK dipakai": ra[i],
                },
            )
        )
    t70.catatan.append(
        f"Dengan Desember kosong seperti terbit, Kinerja menolak menghitung: {pesan_kosong}"
    )
    t70.catatan.append(
        "Terbit 73,14% hanya didapat bila Desember kosong dihitung sebagai suku 0 "
        f"(jumlah Januari-November {_p(jumlah(k.per_bulan[:11]))} / 12)."
    )
    b.tabel.append(t70)
    b.pemeriksaan += [
        Pemeriksaan(
            kode="tabel-70/desember-ra",
            uraian="Realisasi kumulatif Desember",
            sumber="Tabel 70",
            terbit=None,
            hitung=jp.REALISASI,
            rumus="realisasi kumulatif Desember = realisasi setahun (Tabel 67)",
            catatan="Dicetak kosong; konsistensi tidak boleh dihitung dengan bulan kosong.",
        ),
        Pemeriksaan(
            kode="tabel-70/jumlah",
            uraian="Jumlah suku konsistensi (kolom 5)",
            sumber="Tabel 70",
            terbit=jp.TABEL_70_TERBIT["jumlah"],
            hitung=jumlah(k.per_bulan),
            rumus="Σ suku bulanan",
            catatan="Angka 1036,99% yang tercetak tidak dapat dijelaskan.",
        ),
        Pemeriksaan(
            kode="tabel-70/konsistensi",
            uraian="Konsistensi penyerapan anggaran",
            sumber="Tabel 70 dan 74",
            terbit=jp.TABEL_74_TERBIT["konsistensi"],
            hitung=k.nilai,
            rumus=k.rumus,
            masukan={"RAK Desember": jp.REALISASI},
            catatan="Terbit menghitung Desember kosong sebagai 0.",
        ),
    ]

    h = hitung_nka_terkoreksi()
    cop = h.rincian["capaian_output"]
    t72 = Tabel(
        "Tabel 71-72 - Capaian output program dan efisiensi",
        ["Program", "Alokasi (Rp)", "Realisasi (Rp)", "Capaian output %", "Terbit %"],
    )
    for p, hp in zip(jp.PROGRAM, cop.program, strict=True):
        t72.tambah(
            p["nama"],
            fmt.angka(p["alokasi"], 0),
            fmt.angka(p["realisasi"], 0),
            _p(hp.capaian),
            _p(p["cop_terbit"]),
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"tabel-72/cop/{p['nama']}",
                uraian=f"Capaian output {p['nama']}",
                sumber="Tabel 71-72",
                terbit=p["cop_terbit"],
                hitung=hp.capaian,
                rumus="rata-rata geometrik rasio realisasi/target indikator output",
            )
        )
        if p["nama"] in jp.TABEL_72_KOLOM_9:
            b.pemeriksaan.append(
                Pemeriksaan(
                    kode=f"tabel-72/kolom-9/{p['nama']}",
                    uraian=f"Capaian output {p['nama']} (kolom 9)",
                    sumber="Tabel 72 kolom 9",
                    terbit=jp.TABEL_72_KOLOM_9[p["nama"]],
                    hitung=hp.capaian,
                    rumus="rata-rata geometrik rasio realisasi/target indikator output",
                    catatan="Baris 'Rata-rata' tabel yang sama dan Tabel 71 memakai 100%.",
                )
            )
    for label, hitung, kunci in (
        ("Unit (rata-rata geometrik program)", cop.mentah, "capaian_output_mentah"),
        ("Capaian output dipakai (maks. 100)", cop.nilai, "capaian_output"),
    ):
        t72.tambah(label, "", "", _p(hitung), _p(jp.TABEL_72_TERBIT[kunci]))
    ef = h.rincian["efisiensi"]
    t72.catatan.append(
        f"Efisiensi E = {_p(ef.efisiensi)}%, nilai efisiensi NE = {_p(ef.nilai_efisiensi)}% "
        f"(penyebut {ef.penyebut}); terbit E 4,35%, NE 60,87% (penyebut Σ alokasi)."
    )
    b.tabel.append(t72)
    b.pemeriksaan += [
        Pemeriksaan(
            kode="tabel-72/cop-unit",
            uraian="Capaian output program keseluruhan sebelum dibatasi",
            sumber="Tabel 72 (teks)",
            terbit=jp.TABEL_72_TERBIT["capaian_output_mentah"],
            hitung=cop.mentah,
            rumus=cop.rumus,
            catatan="Nilai 104,07 tidak dapat direproduksi (geometrik 102,33; aritmetik 102,44).",
        ),
        Pemeriksaan(
            kode="tabel-71/efisiensi",
            uraian="Efisiensi output program",
            sumber="Tabel 71",
            terbit=jp.TABEL_71_TERBIT["efisiensi"],
            hitung=ef.efisiensi,
            rumus=ef.rumus,
        ),
        Pemeriksaan(
            kode="tabel-71/nilai-efisiensi",
            uraian="Nilai efisiensi",
            sumber="Tabel 71 dan 74",
            terbit=jp.TABEL_71_TERBIT["nilai_efisiensi"],
            hitung=ef.nilai_efisiensi,
            rumus="NE = 50 + E/20 × 50",
        ),
    ]

    # Tabel 74 as published (konsistensi from the blank December) and corrected.
    terbit = jp.TABEL_74_TERBIT
    nki_terbit = nka.nilai_implementasi(**{k: terbit[k] for k in nka.BOBOT_IMPLEMENTASI})
    nka_terbit = nka.nilai_kinerja_anggaran(
        nilai_implementasi=nki_terbit, nilai_manfaat=terbit["nilai_manfaat"]
    )
    # "Dari angka terbit": the printed components, NKI and NKA recomputed from them.
    dari_terbit = {**terbit, "nilai_implementasi": nki_terbit, "nilai_kinerja_anggaran": nka_terbit}
    t74 = Tabel(
        "Tabel 74 - Nilai Kinerja Anggaran (PMK 22/PMK.02/2021)",
        ["Komponen", "Bobot", "Dari angka terbit", "Dikoreksi", "Terbit"],
    )
    for nama, bobot, kunci in KOMPONEN_NKA:
        t74.tambah(nama, bobot, _p(dari_terbit[kunci]), _p(getattr(h, kunci)), _p(terbit[kunci]))
    t74.tambah("Kategori", "", nka.kategori_nka(nka_terbit), h.kategori, terbit["kategori"])
    t74.catatan.append(
        "Kolom 'dari angka terbit' memakai komponen terbit (konsistensi 73,14 dari Desember kosong); "
        "kolom 'dikoreksi' menghitung semua dari data dengan realisasi kumulatif Desember = realisasi setahun."
    )
    b.tabel.append(t74)
    b.pemeriksaan += [
        Pemeriksaan(
            kode="tabel-74/nki",
            uraian="Nilai kinerja aspek implementasi",
            sumber="Tabel 74",
            terbit=terbit["nilai_implementasi"],
            hitung=h.nilai_implementasi,
            rumus="9,7%·P + 18,2%·K + 43,5%·C + 28,6%·NE",
            masukan={
                "P": teks(h.penyerapan),
                "K": teks(h.konsistensi),
                "C": teks(h.capaian_output),
                "NE": teks(h.nilai_efisiensi),
            },
        ),
        Pemeriksaan(
            kode="tabel-74/nka",
            uraian="Nilai Kinerja Anggaran",
            sumber="Tabel 74",
            terbit=terbit["nilai_kinerja_anggaran"],
            hitung=h.nilai_kinerja_anggaran,
            rumus="33,3%·NKI + 66,7%·nilai manfaat",
            masukan={"NKI": teks(h.nilai_implementasi), "manfaat": teks(h.nilai_manfaat)},
        ),
    ]

    # DATA PENDUKUNG: the monthly table is not 2024's data.
    dp = jp.DATA_PENDUKUNG_BULANAN
    for kunci, total, nama in (("rpd", jp.PAGU, "RPD"), ("realisasi", jp.REALISASI, "realisasi")):
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"data-pendukung/{kunci}",
                uraian=f"Jumlah {nama} bulanan DATA PENDUKUNG vs 2024",
                sumber="Lampiran DATA PENDUKUNG vs Tabel 67",
                terbit=jumlah(D(x) for x in dp[kunci]),
                hitung=total,
                rumus=f"Σ {nama} bulanan harus sama dengan {'pagu' if kunci == 'rpd' else 'realisasi'} 2024",
                catatan="Tabel bulanan di lampiran tampaknya data tahun lain; tidak dapat dipakai untuk 2024.",
            )
        )
    return b


# --- Evaluasi AKIP (LKE) -------------------------------------------------------------------


def bagian_lke() -> Bagian:
    b = Bagian("Evaluasi AKIP 2023 (Bab I, LKE PermenPAN-RB 88/2021)")
    h = lke.nilai_lke([{"nama": n, "nilai": v} for n, v in jp.LKE_KOMPONEN])
    t = Tabel("Nilai evaluasi AKIP per komponen", ["Komponen", "Nilai", "Bobot"])
    for k in h.komponen:
        t.tambah(k[1], _p(k[2]), _p(k[3]))
    t.tambah("Jumlah", _p(h.nilai), "100,00")
    t.catatan.append(f"Predikat {h.predikat} ({h.interpretasi}).")
    b.tabel.append(t)
    b.pemeriksaan.append(
        Pemeriksaan(
            kode="bab-1/lke",
            uraian="Nilai evaluasi AKIP",
            sumber="Bab I",
            terbit=jp.LKE_TERBIT["nilai"],
            hitung=h.nilai,
            rumus="Σ nilai komponen",
        )
    )
    return b


# --- Historical capaian printed in Bab III (Tabel 21, 26, 27, 38) -------------------------

SERI_TERBIT = (  # (sumber, indikator, tahun, target, realisasi, capaian terbit)
    ("Tabel 21", "Indeks Reformasi Birokrasi", 2021, "85", "78.88", "92.88"),
    ("Tabel 21", "Indeks kepuasan layanan kota administrasi", 2023, "86.75", "93.93", "108.28"),
    ("Tabel 26", "IKM layanan kemasyarakatan", 2018, "80", "82.26", "102.8"),
    ("Tabel 26", "IKM layanan kemasyarakatan", 2019, "83", "83.58", "100.7"),
    ("Tabel 26", "IKM layanan kemasyarakatan", 2020, "86", "87.42", "101.6"),
    ("Tabel 26", "IKM layanan kemasyarakatan", 2021, "86", "91.63", "106.5"),
    ("Tabel 26", "IKM layanan kemasyarakatan", 2022, "88.5", "95.05", "107.4"),
    ("Tabel 27", "IKM layanan kemasyarakatan", 2023, "88.5", "97.52", "110.19"),
    ("Tabel 38", "Indeks efektivitas koordinasi", 2023, "85", "90.35", "106.29"),
)


def bagian_riwayat() -> Bagian:
    b = Bagian("Capaian tahun-tahun sebelumnya (Tabel 21, 26, 27, 38)")
    t = Tabel(
        "Capaian historis yang dicetak",
        ["Sumber", "Indikator", "Tahun", "Target", "Realisasi", "Capaian %", "Terbit %"],
        rata=["kiri", "kiri", "kanan", "kanan", "kanan", "kanan", "kanan"],
    )
    for sumber, indikator, tahun, target, real, terbit in SERI_TERBIT:
        h = rc.hitung_capaian(realisasi=real, target=target)
        t.tambah(
            sumber,
            indikator,
            tahun,
            _p(target),
            _p(real),
            _p(h.capaian),
            fmt.angka(terbit, len(terbit.partition(".")[2])),
        )
        b.pemeriksaan.append(
            Pemeriksaan(
                kode=f"{sumber}/{indikator}/{tahun}",
                uraian=f"Capaian {indikator} {tahun}",
                sumber=sumber,
                terbit=terbit,
                hitung=h.capaian,
                rumus=h.rumus,
            )
        )
    b.tabel.append(t)
    return b


def semua_bagian() -> list[Bagian]:
    return [
        bagian_capaian(),
        bagian_skm(),
        bagian_koordinasi(),
        bagian_anggaran(),
        bagian_lke(),
        bagian_riwayat(),
    ]


def temuan_reviu(bagian: list[Bagian] | None = None):
    bagian = bagian if bagian is not None else semua_bagian()
    return reviu(p for b in bagian for p in b.pemeriksaan)
