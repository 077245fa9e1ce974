"""Means and sums: sasaran means, total rows, average columns, formula columns."""

from __future__ import annotations

import re
from decimal import Decimal

from kinerja.reviu.aturan.dasar import (
    SERATUS,
    Konteks,
    Trio,
    _selisih,
    _t,
    aturan,
    sama_label,
    trio,
)
from kinerja.reviu.bilangan import cocok, setengah_satuan
from kinerja.reviu.dokumen import Baris, Dokumen, Tabel, normal
from kinerja.rumus.bilangan import jumlah, rata_rata
from kinerja.rumus.sasaran import capaian_sasaran

# --- means and sums ------------------------------------------------------------------------


def _kelompok_baris(tabel: Tabel) -> list[list[Baris]]:
    """Rows by number: a numbered row and the unnumbered rows after it (a sasaran with
    several indicators)."""
    hasil: list[list[Baris]] = []
    for b in tabel.baris:
        if b.nomor:
            hasil.append([b])
        elif hasil and not re.match(r"(sasaran|jumlah|total|rata)", b.label.casefold()):
            hasil[-1].append(b)
    return hasil


def _tabel_capaian(dok: Dokumen) -> list[tuple[Tabel, Trio]]:
    """Tables of numbered rows with capaian, the one with most such rows first (the PK
    capaian table, seed Tabel 16)."""
    hasil = []
    for t in dok.tabel:
        for tr in trio(t):
            n = sum(
                1 for b in t.baris if b.nomor and tr.capaian is not None and b.angka(tr.capaian)
            )
            if n >= 3:
                hasil.append((n, t.urutan, t, tr))
                break
    return [(t, tr) for _n, _u, t, tr in sorted(hasil, key=lambda x: (-x[0], x[1]))]


@aturan(
    "rata_sasaran",
    "Capaian sasaran = rata-rata capaian indikatornya",
    "PermenPAN-RB 53/2014; formulas.md §1.6 (rata-rata capaian indikator sasaran); "
    "rumus.sasaran.capaian_sasaran",
)
def periksa_rata_sasaran(k: Konteks) -> None:
    sumber = _tabel_capaian(k.dok)
    for tabel in k.dok.tabel:
        # (a) within the table: a "per SS" / "rata-rata" column on the first row of a group
        for tr in trio(tabel):
            if tr.capaian is None:
                continue
            for j, nama in enumerate(tabel.kolom):
                n = nama.casefold()
                if j == tr.capaian or "capaian" not in n or not ("per ss" in n or "rata" in n):
                    continue
                for grup in _kelompok_baris(tabel):
                    a = grup[0].angka(j)
                    nilai = [b.angka(tr.capaian) for b in grup]
                    if a is None or len(grup) < 2 or any(x is None for x in nilai):
                        continue
                    h = capaian_sasaran([x.nilai for x in nilai])
                    if not cocok(a, h.capaian):
                        k.tambah(
                            lokasi=tabel.lokasi(grup[0], j),
                            terbit=_t(a, persen=True),
                            hitung=_t(h.capaian, persen=True),
                            rumus=f"rata-rata capaian indikator = {h.rumus}",
                            tabel=tabel,
                            selisih=_selisih(a, h.capaian),
                        )
        # (b) a sasaran table (jumlah indikator, rata-rata capaian) against the capaian table
        jr = next(
            (
                j
                for j, n in enumerate(tabel.kolom)
                if "rata" in n.casefold() and "capaian" in n.casefold()
            ),
            None,
        )
        jn = next(
            (j for j, n in enumerate(tabel.kolom) if "jumlah indikator" in n.casefold()), None
        )
        if jr is None or jn is None:
            continue
        for st, tr in sumber:
            if st is tabel or tr.capaian is None:
                continue
            js = next(
                (
                    j
                    for j, n in enumerate(st.kolom)
                    if n.casefold().startswith("sasaran")
                    and sum(1 for x in st.baris if re.fullmatch(r"\d{1,2}", x.teks(j)))
                    >= len(st.baris) // 2
                ),
                None,
            )
            if js is not None:  # one row per indicator, the sasaran number in its own column
                grup: dict[str, list[Baris]] = {}
                for x in st.baris:
                    if re.fullmatch(r"\d{1,2}", x.teks(js)):
                        grup.setdefault(x.teks(js), []).append(x)
            else:
                grup = {g[0].nomor: g for g in _kelompok_baris(st)}
            for b in tabel.baris:
                g = grup.get(b.nomor)
                a = b.angka(jr)
                if g is None or a is None:
                    continue
                n = b.angka(jn)
                sama = sama_label(normal(b.label), normal(g[0].label))
                if not (sama or (js is not None and n is not None and n.nilai == len(g))):
                    continue
                nilai = [x.angka(tr.capaian) for x in g]
                if any(x is None for x in nilai):
                    continue
                h = capaian_sasaran([x.nilai for x in nilai])
                if not cocok(a, h.capaian):
                    k.tambah(
                        lokasi=tabel.lokasi(b, jr),
                        terbit=_t(a, persen=True),
                        hitung=_t(h.capaian, persen=True),
                        rumus=f"rata-rata capaian indikator sasaran {b.nomor} ({st.nama}) = {h.rumus}",
                        tabel=tabel,
                        selisih=_selisih(a, h.capaian),
                    )


@aturan(
    "rata_baris",
    "Baris rata-rata dan capaian kinerja sasaran",
    "PermenPAN-RB 53/2014; formulas.md §1.6 (rata-rata capaian indikator)",
)
def periksa_baris_rata(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        trios = trio(tabel)
        # "Rata-rata" rows: the mean of the capaian of the indicator rows above
        for tr in trios:
            if tr.capaian is None:
                continue
            awal = 0
            for i, b in enumerate(tabel.baris):
                lab = b.label.casefold()
                if _baris_program(b) or lab.startswith("sasaran"):
                    awal = i
                if not lab.startswith("rata"):
                    continue
                a = b.angka(tr.capaian)
                nilai = [
                    x.angka(tr.capaian)
                    for x in tabel.baris[awal:i]
                    if x.angka(tr.capaian) and x.angka(tr.realisasi)
                ]
                awal = i + 1
                if a is None or len(nilai) < 2:
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, tr.capaian),
                        terbit=_t(a, persen=True),
                        hitung=_t(h, persen=True),
                        rumus="rata-rata = ("
                        + " + ".join(_t(x) for x in nilai)
                        + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )
        # "Capaian Kinerja Sasaran" rows: per year group the mean of the capaian above
        for b in tabel.baris:
            if not b.label.casefold().startswith("capaian kinerja sasaran"):
                continue
            for tr in trios:
                if tr.capaian is None:
                    continue
                j_kel = [j for j in range(min(tr.target, tr.realisasi), tr.capaian + 1)]
                a = next((b.angka(j) for j in j_kel if b.angka(j)), None)
                nilai = [
                    x.angka(tr.capaian) for x in tabel.baris if x is not b and x.angka(tr.capaian)
                ]
                if a is None or not nilai:
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=f"{tabel.lokasi(b)}, {tr.kelompok}",
                        terbit=_t(a, persen=True),
                        hitung=_t(h, persen=True),
                        rumus="capaian sasaran = rata-rata capaian indikator = ("
                        + " + ".join(_t(x) for x in nilai)
                        + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


def _baris_program(b: Baris) -> bool:
    return any(s.strip().casefold().startswith("program ") for s in b.sel[:3])


def _baris_jumlah(tabel: Tabel) -> list[tuple[int, Baris]]:
    hasil = []
    for i, b in enumerate(tabel.baris):
        lab = b.label.casefold()
        if re.match(r"^(jumlah|total)\b", lab) and not re.match(r"^(jumlah|total) \w+ \w+", lab):
            hasil.append((i, b))
        elif (
            i == len(tabel.baris) - 1
            and i >= 2
            and not b.label
            and not b.nomor
            and tabel.baris[i - 1].label
            and not any(
                not x.label and any(x.angka(j) for j in range(len(x.sel))) for x in tabel.baris[:i]
            )
            and any(b.angka(j) for j in range(len(b.sel)))
            and any(tabel.baris[i - 1].angka(j) for j in range(len(b.sel)))
        ):
            hasil.append((i, b))
    return hasil


@aturan(
    "jumlah",
    "Jumlah kolom = jumlah baris di atasnya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran penjumlahan tabel)",
)
def periksa_jumlah(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        kolom_capaian = {tr.capaian for tr in trio(tabel) if tr.capaian is not None}
        awal = 0
        for i, b in _baris_jumlah(tabel):
            atas = [
                x
                for x in tabel.baris[awal:i]
                if not re.match(r"^(jumlah|total|sub)", x.label.casefold())
            ]
            awal = i + 1
            kata = b.label.casefold().split()
            if len(kata) == 2:  # "Jumlah program": the program rows of a program/kegiatan tree
                pilih = [x for x in atas if x.label.casefold().startswith(kata[1])]
                atas = pilih or atas
            for j in range(len(b.sel)):
                a = b.angka(j)
                if a is None or (j in kolom_capaian and b.label):
                    continue
                nilai = [x.angka(j) for x in atas if x.angka(j) is not None]
                if len(nilai) < 2:
                    continue
                if (
                    b.label
                    and a.nilai <= 100
                    and min(x.nilai for x in nilai) <= a.nilai <= max(x.nilai for x in nilai)
                ):
                    continue  # a ratio or mean on the total row (Realisasi %), not a sum
                h = jumlah(x.nilai for x in nilai)
                # printed parts with decimals may each be rounded; whole counts are exact
                tol = sum((setengah_satuan(x) for x in nilai if x.dp > 0), Decimal(0))
                if a.persen and abs(h - a.nilai) > tol + 1 and not b.label:
                    pass  # an unlabeled percent total is a sum too (Tabel 70 kolom 5)
                if not cocok(a, h, toleransi_masukan=tol):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h, max(x.dp for x in nilai), persen=a.persen),
                        rumus=f"jumlah {len(nilai)} baris di atasnya = "
                        + " + ".join(_t(x) for x in nilai[:14])
                        + (" + …" if len(nilai) > 14 else ""),
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


@aturan(
    "rata_kolom",
    "Kolom rata-rata = rata-rata kolom periodenya",
    "PermenPAN-RB 14/2017 (IKM tahunan dari pengukuran per periode); PermenPAN-RB 53/2014",
)
def periksa_rata_kolom(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            kata = nama.casefold().split()
            if not kata or not kata[-1].startswith("rata"):
                continue
            g = " ".join(nama.split()[:-1])
            periode = [
                i
                for i, n in enumerate(tabel.kolom)
                if i < j
                and (" ".join(n.split()[:-2]) == g or n.startswith(g))
                and re.search(r"(triwulan|semester|putaran|tw)\s*\w+$", n.casefold())
            ]
            if len(periode) < 2:
                continue
            for b in tabel.baris:
                a = b.angka(j)
                nilai = [b.angka(i) for i in periode]
                if a is None or any(x is None for x in nilai):
                    continue
                h = rata_rata([x.nilai for x in nilai])
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h),
                        rumus="(" + " + ".join(_t(x) for x in nilai) + f") / {len(nilai)}",
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )


_OPERATOR = re.compile(r"\s*(x|×|\*|-|−|\+|/)\s*", re.IGNORECASE)


def _rujuk_kolom(tabel: Tabel, token: str, sampai: int) -> int | None:
    token = token.strip("() ").strip()
    if token.isdigit():
        j = int(token) - 1
        return j if 0 <= j < len(tabel.kolom) else None
    for j, nama in enumerate(tabel.kolom[:sampai]):
        kata = [w for w in re.split(r"\W+", nama) if w]
        inisial = "".join(w[0] for w in kata).upper()
        if nama.casefold() == token.casefold() or inisial == token.upper():
            return j
        if kata and kata[0].upper() == token.upper() and len(token) >= 2:
            return j
    return None


@aturan(
    "rumus_kolom",
    "Kolom berumus (A × B, A − B) sesuai kolom sumbernya",
    "PMK 22/PMK.02/2021 Lampiran (efisiensi: AA × COP − RA); PermenPAN-RB 53/2014",
)
def periksa_rumus_kolom(k: Konteks) -> None:
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            bagian = _OPERATOR.split(nama.strip())
            if len(bagian) != 3 or bagian[1] not in ("x", "X", "×", "*", "-", "−"):
                continue
            kiri, op, kanan = bagian
            if kiri.startswith("(") and not kiri.endswith(")"):
                continue
            ja, jb = _rujuk_kolom(tabel, kiri, j), _rujuk_kolom(tabel, kanan, j)
            if ja is None or jb is None or j in (ja, jb):
                continue
            for b in tabel.baris:
                x, y, z = b.angka(ja), b.angka(jb), b.angka(j)
                if x is None or y is None or z is None:
                    continue
                xv = x.nilai / SERATUS if x.persen else x.nilai
                yv = y.nilai / SERATUS if y.persen else y.nilai
                if op.lower() in ("x", "×", "*"):
                    h = xv * yv
                    tol = abs(xv) * setengah_satuan(y) / (SERATUS if y.persen else 1) + abs(
                        yv
                    ) * setengah_satuan(x) / (SERATUS if x.persen else 1)
                else:
                    h = xv - yv
                    tol = setengah_satuan(x) + setengah_satuan(y)
                zv = z.nilai / SERATUS if z.persen else z.nilai
                if z.persen:
                    tol_z = tol * SERATUS
                    ok = cocok(z, h * SERATUS, toleransi_masukan=tol_z)
                else:
                    ok = cocok(z, h, toleransi_masukan=tol)
                if not ok:
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(z),
                        hitung=_t(h * SERATUS if z.persen else h, z.dp, persen=z.persen),
                        rumus=f"{nama} = {_t(x)} {op} {_t(y)}",
                        tabel=tabel,
                        selisih=(h * SERATUS if z.persen else h) - z.nilai,
                    )
                del zv


@aturan(
    "jumlah_baris",
    "Kolom jumlah = jumlah kolom rinciannya",
    "PermenPAN-RB 53/2014 (reviu: kebenaran penjumlahan tabel)",
)
def periksa_jumlah_baris(k: Konteks) -> None:
    """A 'Jumlah X' column whose value is, on most rows, the sum of the columns 'Jumlah X …'
    after it; rows where it is not are findings (the relation is learned from the table)."""
    for tabel in k.dok.tabel:
        for j, nama in enumerate(tabel.kolom):
            if not re.match(r"^(jumlah|total)\b", nama.casefold()):
                continue
            rinci = [
                i for i, n in enumerate(tabel.kolom) if i > j and n.startswith(nama) and n != nama
            ]
            if len(rinci) < 2:
                continue
            hasil = []
            for b in tabel.baris:
                a = b.angka(j)
                nilai = [b.angka(i) for i in rinci]
                if a is None or any(x is None for x in nilai):
                    continue
                h = jumlah(x.nilai for x in nilai)
                hasil.append((b, a, h, nilai))
            benar = [x for x in hasil if cocok(x[1], x[2])]
            if len(benar) * 2 < len(hasil):
                continue
            for b, a, h, nilai in hasil:
                if not cocok(a, h):
                    k.tambah(
                        lokasi=tabel.lokasi(b, j),
                        terbit=_t(a),
                        hitung=_t(h, a.dp),
                        rumus="jumlah rincian = " + " + ".join(_t(x) for x in nilai),
                        tabel=tabel,
                        selisih=_selisih(a, h),
                    )
