"""The narrative against the tables and its own arithmetic."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from kinerja.reviu.aturan.dasar import (
    _SEMESTER,
    _TAHUN,
    SERATUS,
    Konteks,
    _t,
    aturan,
    tahun_kolom,
    trio,
)
from kinerja.reviu.aturan.hitung import _tabel_capaian
from kinerja.reviu.aturan.periode import _deret_semester
from kinerja.reviu.bilangan import Angka, baca_angka, cocok, setengah_satuan, tampil
from kinerja.reviu.dokumen import Dokumen, Tabel, normal
from kinerja.rumus.bilangan import jumlah

# --- narrative against the tables ------------------------------------------------------------


def _nilai_label(k: Konteks, label_kalimat: str, *, semua: bool = False):
    """Rows whose label appears in the sentence: those with the longest label, or `semua`."""
    if not hasattr(k, "_per_kata"):
        k._per_kata = defaultdict(list)
        for lab, t, b in k.baris_berlabel():
            if len(lab.split()) >= 3:
                k._per_kata[lab.split()[0]].append((lab, t, b))
    hasil = []
    kalimat = f" {label_kalimat} "
    for kata in set(label_kalimat.split()):
        for lab, t, b in k._per_kata.get(kata, ()):
            if f" {lab} " in kalimat:
                hasil.append((lab, t, b))
    if not hasil or semua:
        return hasil
    panjang = max(len(x[0]) for x in hasil)
    return [x for x in hasil if len(x[0]) == panjang]


@aturan(
    "narasi_capaian",
    "Narasi 'capaian X%' sesuai tabel",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_capaian(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        n = normal(kal.teks)
        baris = _nilai_label(k, n)
        if not baris:
            continue
        for x in kal.angka:
            sebelum = kal.teks[max(0, x.awal - 25) : x.awal].casefold()
            if "capaian" not in sebelum or not x.angka.persen:
                continue
            nilai_tabel = []
            for _lab, t, b in baris:
                for tr in trio(t):
                    if tr.capaian is not None and b.angka(tr.capaian):
                        nilai_tabel.append((t, b, tr.capaian, b.angka(tr.capaian)))
            if not nilai_tabel or any(
                cocok(x.angka, v.nilai) or cocok(v, x.angka.nilai) for *_r, v in nilai_tabel
            ):
                continue
            t, b, j, v = nilai_tabel[0]
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(x.angka),
                hitung=_t(v, persen=True),
                rumus=f"capaian '{b.label[:70]}' di {t.lokasi(b, j)}",
                kalimat=kal,
                selisih=v.nilai - x.angka.nilai,
            )


@aturan(
    "narasi_nilai",
    "Narasi 'label X%' memakai nilai baris itu, bukan kolom lain",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_nilai(k: Konteks) -> None:
    """A sentence naming a table row and a figure right after it ("nilai kinerja atas aspek
    implementasi 27,81%") where the figure is a derived cell of that row (the weighted value
    "(6 x 7)", a weight, a constant) instead of the row's own value (its first figure). One finding per row
    and figure, listing every sentence that repeats it."""
    kelompok: dict[tuple, list] = defaultdict(list)
    for kal in k.dok.kalimat:
        if not kal.angka:
            continue
        for lab, t, b in _nilai_label(k, normal(kal.teks), semua=True):
            pola = r"\b" + r"\W+".join(re.escape(w) for w in lab.split()) + r"\b"
            m = re.search(
                pola + r"\s*(?:sebesar|adalah|yaitu|di angka|mencapai)?\s*", kal.teks, re.I
            )
            if not m:
                continue
            x = next((a for a in kal.angka if a.awal == m.end()), None)
            mulai = 1 if b.nomor else 0
            sel = [(j, b.angka(j)) for j in range(mulai, len(b.sel)) if b.angka(j) is not None]
            if x is None or len(sel) < 2:
                continue
            j0, sendiri = sel[0]
            if cocok(x.angka, sendiri.nilai) or cocok(sendiri, x.angka.nilai):
                continue
            # only a derived column (weight, constant, a product "(6 x 7)") is a mix-up; a
            # sentence may well quote the capaian or the average column of the row
            calon = [
                j
                for j, a in sel[1:]
                if cocok(x.angka, a.nilai)
                and j < len(t.kolom)
                and re.search(r"\s[x×]\s|\bbobot\b|\bkonstanta\b", t.kolom[j], re.I)
            ]
            # a product column ("(6 x 7)") before a weight or constant with the same value
            calon.sort(key=lambda j: not re.search(r"\s[x×]\s", t.kolom[j]))
            lain = calon[0] if calon else None
            if lain is not None:
                kelompok[(t.urutan, b.indeks, x.angka.nilai)].append(
                    (kal, t, b, j0, lain, x, sendiri)
                )
    for isi in kelompok.values():
        kal, t, b, j0, lain, x, sendiri = isi[0]
        nama_kolom = (
            t.kolom[lain] if lain < len(t.kolom) and t.kolom[lain] else f"kolom ke-{lain + 1}"
        )
        k.tambah(
            lokasi="; ".join(dict.fromkeys(y[0].lokasi() for y in isi)),
            terbit=_t(x.angka),
            hitung=_t(sendiri, persen=x.angka.persen),
            rumus=f"{t.lokasi(b, j0)} = {_t(sendiri)}; {_t(x.angka)} adalah kolom '{nama_kolom}' baris itu"
            + (f" (disebut di {len(isi)} kalimat)" if len(isi) > 1 else ""),
            kalimat=kal,
            selisih=sendiri.nilai - x.angka.nilai,
        )


@aturan(
    "narasi_tercapai",
    "Narasi 'mencapai target' sedangkan capaian < 100%",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_tercapai(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if not re.search(r"\b(mencapai target|tercapai)\b", teks) or re.search(
            r"\b(belum|tidak)\b", teks
        ):
            continue
        tahun = [int(y) for y in _TAHUN.findall(kal.teks)]
        for _lab, t, b in _nilai_label(k, normal(kal.teks)):
            for tr in trio(t):
                if tr.capaian is None:
                    continue
                ty = tahun_kolom(t, tr.realisasi)
                if tahun and ty not in tahun:
                    continue
                c = b.angka(tr.capaian)
                if c is not None and c.nilai < SERATUS:
                    k.tambah(
                        lokasi=kal.lokasi(),
                        terbit="mencapai target",
                        hitung=f"capaian {_t(c, persen=True)}",
                        rumus=f"{t.lokasi(b, tr.capaian)}: realisasi {b.teks(tr.realisasi)} < "
                        f"target {b.teks(tr.target)}",
                        kalimat=kal,
                    )
                    break
            else:
                continue
            break


def _sufiks_pembeda(tabel: Tabel) -> dict[int, str]:
    """Per row the distinctive end of its label among rows sharing a prefix
    ("Nilai Efektivitas Koordinasi Bidang [Perekonomian dan Pembangunan]")."""
    label = [normal(b.label).split() for b in tabel.baris]
    if len(label) < 2 or not all(label):
        return {}
    awal = 0
    while all(len(x) > awal + 1 for x in label) and len({x[awal] for x in label}) == 1:
        awal += 1
    if awal < 2:
        return {}
    return {
        b.indeks: " ".join(label[i][awal:])
        for i, b in enumerate(tabel.baris)
        if len(label[i][awal:]) >= 1
    }


@aturan(
    "narasi_semester",
    "Narasi nilai semester sesuai tabel",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_semester(k: Konteks) -> None:
    deret = _deret_semester(k.dok)
    per_tabel = defaultdict(list)
    for d in deret:
        per_tabel[d.tabel.urutan].append(d)
    for kal in k.dok.kalimat:
        sm = _SEMESTER.findall(kal.teks)
        if len(sm) != 1 or len(kal.angka) != 1:
            continue
        s = 2 if sm[0].lower() in ("ii", "2") else 1
        n = f" {normal(kal.teks)} "
        x = kal.angka[0].angka
        for isi in per_tabel.values():
            suf = _sufiks_pembeda(isi[0].tabel)
            kena = [d for d in isi if suf.get(d.baris.indeks) and f" {suf[d.baris.indeks]} " in n]
            if len(kena) != 1:
                continue
            d = kena[0]
            a = d.baris.angka(d.kolom[s])
            if cocok(a, x.nilai) or cocok(x, a.nilai):
                continue
            lain = d.baris.angka(d.kolom[3 - s])
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(x),
                hitung=_t(a),
                rumus=f"{d.tabel.lokasi(d.baris, d.kolom[s])} = {_t(a)}"
                + (
                    f" ({_t(x)} adalah nilai semester {'I' * (3 - s)})"
                    if lain and cocok(lain, x.nilai)
                    else ""
                ),
                kalimat=kal,
                selisih=a.nilai - x.nilai,
            )


_NAIK = r"(meningkat|peningkatan|kenaikan|naik)"
_TURUN = r"(menurun|penurunan|turun)"


@aturan(
    "narasi_tren",
    "Narasi 'meningkat'/'menurun' sesuai angka",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_narasi_tren(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        naik, turun = re.search(_NAIK, teks), re.search(_TURUN, teks)
        if bool(naik) == bool(turun):
            continue
        # (a) "setiap tahun" with a per-year table holding both printed values
        if re.search(r"setiap tahun|tiap tahun|terus (meningkat|menurun)|selalu", teks):
            tahun = [int(y) for y in _TAHUN.findall(kal.teks)]
            nilai = [x.angka for x in kal.angka]
            if len(tahun) >= 2 and len(nilai) >= 2:
                deret = _cari_deret(k.dok, tahun[0], nilai[0], tahun[-1], nilai[-1])
                if deret:
                    t, lab, seri = deret
                    salah = [
                        (y1, v1, y2, v2)
                        for (y1, v1), (y2, v2) in zip(seri, seri[1:], strict=False)
                        if (naik and v2 <= v1) or (turun and v2 >= v1)
                    ]
                    if salah:
                        # the plainest contradiction first: a fall where a rise is claimed
                        balik = [
                            x for x in salah if (naik and x[3] < x[1]) or (turun and x[3] > x[1])
                        ]
                        y1, v1, y2, v2 = (balik or salah)[0]
                        k.tambah(
                            lokasi=kal.lokasi(),
                            terbit=("meningkat" if naik else "menurun") + " setiap tahun",
                            hitung=f"{y1}: {tampil(v1, 2)} → {y2}: {tampil(v2, 2)}",
                            rumus=f"deret '{lab}' di {t.nama}: "
                            + ", ".join(f"{y} {tampil(v, 2)}" for y, v in seri),
                            kalimat=kal,
                        )
                    continue
        # (b) two semester values in order
        sm = _SEMESTER.findall(kal.teks)
        if (
            len(sm) == 2
            and len(kal.angka) == 2
            and sm[0].lower() in ("i", "1")
            and sm[1].lower() in ("ii", "2")
        ):
            a, b = kal.angka[0].angka, kal.angka[1].angka
            if (naik and b.nilai < a.nilai) or (turun and b.nilai > a.nilai):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit="meningkat" if naik else "menurun",
                    hitung=f"semester I {_t(a)} → semester II {_t(b)}",
                    rumus="arah perubahan dari semester I ke semester II",
                    kalimat=kal,
                )


def _cari_deret(dok: Dokumen, y1: int, v1: Angka, y2: int, v2: Angka):
    for t in dok.tabel:
        tahun_baris = {}
        for b in t.baris:
            if re.fullmatch(r"(19|20)\d\d", b.label.strip()):
                tahun_baris[int(b.label)] = b
        if y1 in tahun_baris and y2 in tahun_baris:
            for j in range(1, len(t.kolom)):
                a1, a2 = tahun_baris[y1].angka(j), tahun_baris[y2].angka(j)
                if a1 and a2 and cocok(v1, a1.nilai) and cocok(v2, a2.nilai):
                    seri = [
                        (y, b.angka(j).nilai)
                        for y, b in sorted(tahun_baris.items())
                        if b.angka(j) and y1 <= y <= y2
                    ]
                    return t, t.kolom[j], seri
    return None


@aturan(
    "pertumbuhan",
    "Persentase kenaikan/penurunan = (baru − lama) / lama",
    "PermenPAN-RB 53/2014 (reviu: kebenaran perhitungan dalam narasi)",
)
def periksa_pertumbuhan(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if not (re.search(_NAIK, teks) or re.search(_TURUN, teks)):
            continue
        jml = []  # counts with a unit word, not the change itself ("sebanyak 6 orang")
        persen = []
        for x in kal.angka:
            if x.angka.persen:
                persen.append(x)
            elif x.satuan and x.satuan not in ("%",) and x.angka.dp == 0:
                sebelum = kal.teks[max(0, x.awal - 20) : x.awal].casefold()
                if re.search(r"(sebanyak|sebesar)\s*$", sebelum) and re.search(
                    r"(turun|naik|bertambah|berkurang)\s+\w*\s*$", sebelum
                ):
                    continue
                jml.append(x)
        if len(jml) < 2 or not persen:
            continue
        satuan = {x.satuan for x in jml}
        if len(satuan) != 1:
            continue
        for p in persen:
            lama = next((x for x in jml if x.awal > p.akhir), None)
            baru = next((x for x in reversed(jml) if x.akhir < p.awal), None)
            if lama is None or baru is None or lama.angka.nilai == 0:
                continue
            h = (baru.angka.nilai - lama.angka.nilai) / lama.angka.nilai * SERATUS
            terbit = p.angka.nilai
            if terbit > 0 and h < 0 and re.search(_TURUN, teks):
                terbit = -terbit
            if not cocok(Angka(terbit, p.angka.dp, True), h) and not cocok(
                Angka(-terbit, p.angka.dp, True), h
            ):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=_t(p.angka),
                    hitung=_t(h, p.angka.dp, persen=True),
                    rumus=f"({_t(baru.angka)} − {_t(lama.angka)}) / {_t(lama.angka)} × 100%",
                    kalimat=kal,
                    selisih=h - terbit,
                )


@aturan(
    "kepadatan",
    "Kepadatan penduduk = jumlah penduduk / luas wilayah",
    "Definisi BPS kepadatan penduduk (jiwa/km²); PermenPAN-RB 53/2014",
)
def periksa_kepadatan(k: Konteks) -> None:
    luas = None
    penduduk: list[tuple[str, Angka]] = []
    for kal in k.dok.kalimat:
        teks = kal.teks.casefold()
        if luas is None and "luas" in teks:
            luas = next((x.angka for x in kal.angka if x.satuan.startswith("km")), None)
        if "penduduk" in teks and "kepadatan" not in teks:
            for x in kal.angka:
                if x.satuan == "jiwa" and x.angka.nilai > 1000:
                    konteks = kal.teks[max(0, x.awal - 160) : x.awal]
                    kelompok_p = (
                        "wna"
                        if "WNA" in konteks[-90:]
                        else (
                            "total"
                            if "total" in konteks[-60:].casefold() or "+" in konteks[-40:]
                            else "wni"
                        )
                    )
                    penduduk.append((kelompok_p, x.angka))
    if luas is None or not penduduk:
        return
    for kal in k.dok.kalimat:
        if "kepadatan" not in kal.teks.casefold():
            continue
        for x in kal.angka:
            if not x.satuan.startswith("jiwa/km"):
                continue
            konteks = kal.teks[max(0, x.awal - 90) : x.awal]
            if re.search(r"kecamatan|kelurahan", konteks[-60:], re.IGNORECASE):
                continue
            kel = (
                "wna"
                if "WNA" in konteks and "WNI+WNA" not in konteks.replace(" ", "")
                else (
                    "total"
                    if "total" in konteks.casefold() or "WNI+WNA" in konteks.replace(" ", "")
                    else "wni"
                )
            )
            if _TAHUN.search(konteks[-25:]) and "2023" in konteks[-25:]:
                continue
            p = next((a for g, a in penduduk if g == kel), None)
            if p is None:
                continue
            h = p.nilai / luas.nilai
            tol = h * setengah_satuan(luas) / luas.nilai + Decimal("0.5")
            if not cocok(x.angka, h, toleransi_masukan=tol):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=f"{_t(x.angka)} jiwa/km²",
                    hitung=f"{tampil(h, 0)} jiwa/km²",
                    rumus=f"penduduk {kel.upper()} {_t(p)} jiwa / luas {_t(luas)} km²",
                    kalimat=kal,
                    selisih=h - x.angka.nilai,
                )


@aturan(
    "jumlah_narasi",
    "Jumlah di narasi = jumlah rinciannya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran perhitungan dalam narasi)",
)
def periksa_jumlah_narasi(k: Konteks) -> None:
    for kal in k.dok.kalimat:
        m = re.search(r"terdiri (dari|atas)", kal.teks)
        if not m:
            continue
        sebelum = [x for x in kal.angka if x.akhir <= m.start() and not x.angka.persen]
        sesudah = [x for x in kal.angka if x.awal >= m.end() and not x.angka.persen]
        if not sebelum or len(sesudah) < 2:
            continue
        total = sebelum[-1]
        bagian = sesudah[:6]
        if len(bagian) < 2 or any(x.angka.nilai >= total.angka.nilai for x in bagian):
            continue
        h = jumlah(x.angka.nilai for x in bagian)
        if not cocok(total.angka, h):
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=_t(total.angka),
                hitung=_t(h, total.angka.dp),
                rumus=" + ".join(_t(x.angka) for x in bagian),
                kalimat=kal,
                selisih=h - total.angka.nilai,
            )


@aturan(
    "sebaran_indikator",
    "Persentase dan jumlah indikator/sasaran di narasi sesuai tabel capaian",
    "PermenPAN-RB 53/2014 (reviu: kesesuaian narasi dengan data tabel)",
)
def periksa_sebaran(k: Konteks) -> None:
    utama = _tabel_capaian(k.dok)
    if not utama:
        return
    t, tr = utama[0]
    capaian = [
        b.angka(tr.capaian).nilai for b in t.baris if tr.capaian is not None and b.angka(tr.capaian)
    ]
    if not capaian:
        return
    n = len(capaian)
    lebih = sum(1 for c in capaian if c > SERATUS)
    tepat = sum(1 for c in capaian if c == SERATUS)
    kurang = n - lebih - tepat
    js = next((j for j, n in enumerate(t.kolom) if n.casefold().startswith("sasaran")), None)
    ji = next((j for j, n in enumerate(t.kolom) if n.casefold().startswith("indikator")), None)
    if js is not None and ji is not None:  # one row per indicator, the sasaran named in a column
        nama, terakhir = set(), ""
        for b in t.baris:
            terakhir = b.teks(js) or terakhir
            if terakhir:
                nama.add(normal(terakhir))
        sasaran = len(nama)
    else:
        sasaran = len({b.nomor for b in t.baris if b.nomor})
    for kal in k.dok.kalimat:
        teks = kal.teks
        m = re.search(r"(\d+(?:[.,]\d+)?)\s?%\s+indikator[^.]*?melampaui target", teks)
        if m:
            terbit = baca_angka(m.group(1) + "%")
            h = Decimal(lebih) / n * SERATUS
            m2 = re.search(r"(\d+(?:[.,]\d+)?)\s?%\s+mencapai target", teks)
            if not cocok(terbit, h, toleransi_masukan=Decimal("0.5")):
                k.tambah(
                    lokasi=kal.lokasi(),
                    terbit=_t(terbit),
                    hitung=tampil(h, 2, persen=True),
                    rumus=f"{lebih} dari {n} indikator di {t.nama} bercapaian > 100%; {tepat} tepat "
                    f"100%"
                    + (
                        f" ({tampil(Decimal(tepat) / n * SERATUS, 2, persen=True)}, narasi: {m2.group(1)}%)"
                        if m2
                        else ""
                    )
                    + f"; {kurang} di bawah 100%",
                    kalimat=kal,
                )
        m = re.search(r"dari\s+(\d+)\s+sasaran", teks)
        if m and int(m.group(1)) != sasaran:
            k.tambah(
                lokasi=kal.lokasi(),
                terbit=f"{m.group(1)} sasaran",
                hitung=f"{sasaran} sasaran",
                rumus=f"jumlah sasaran bernomor di {t.nama}"
                + (f"; {kurang} indikator bercapaian di bawah 100%" if kurang else ""),
                kalimat=kal,
            )
