"""Budget totals, cumulative RPD/realisasi and the NKA chain (PMK 22/2021)."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from kinerja.reviu.aturan.dasar import SERATUS, Konteks, _t, aturan, trio
from kinerja.reviu.aturan.hitung import _baris_jumlah, _baris_program
from kinerja.reviu.bilangan import Angka, baca_angka, cocok, tampil
from kinerja.reviu.dokumen import Baris, Tabel, normal
from kinerja.rumus import nka
from kinerja.rumus.bilangan import DataTidakValid

# --- budgets ---------------------------------------------------------------------------------

_BULAN = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember")  # fmt: skip


def _baris_bulan(t: Tabel) -> list[Baris]:
    baris = [b for b in t.baris if b.label.casefold() in _BULAN]
    return baris if len(baris) >= 6 else []


def _total_anggaran(k: Konteks):
    """(peran, nilai, tabel, baris, kolom) of every budget total printed (≥ Rp 1 miliar)."""
    hasil = []
    for t in k.dok.tabel:
        for _i, b in _baris_jumlah(t):
            for j in range(len(b.sel)):
                a = b.angka(j)
                if a is None or a.persen or a.nilai < 10**9:
                    continue
                n = t.kolom[j].casefold() if j < len(t.kolom) else ""
                if re.search(r"\s[x×]\s|\)\s*[-−]", n):
                    continue  # a computed column (AA x COP, (AA x COP)-RA)
                if re.search(r"realisasi|\bra\b", n):
                    hasil.append(("realisasi", a, t, b, j))
                elif re.search(r"target|anggaran|pagu|alokasi|rpd", n) and not re.search(
                    r"\bawal\b", n
                ):
                    hasil.append(("pagu", a, t, b, j))
    return hasil


@aturan(
    "anggaran_total",
    "Total anggaran dan realisasinya sama di semua tabel",
    "PermenPAN-RB 53/2014 (reviu: konsistensi data anggaran); PMK 22/2021 (RPD dan realisasi)",
)
def periksa_anggaran(k: Konteks) -> None:
    semua = _total_anggaran(k)
    sel_lain = set()
    for t in k.dok.tabel:
        for b in t.baris:
            if (
                not re.match(r"^(jumlah|total)", b.label.casefold())
                and b.label.casefold() not in _BULAN
                and b.label
            ):
                for j in range(len(b.sel)):
                    a = b.angka(j)
                    if a and a.nilai >= 10**9:
                        sel_lain.add(a.nilai)
    for p in ("pagu", "realisasi"):
        isi = [x for x in semua if x[0] == p and x[1].nilai not in sel_lain]
        hitung = defaultdict(list)
        for x in isi:
            hitung[x[1].nilai].append(x)
        if len(hitung) < 2:
            continue
        acuan = max(hitung, key=lambda v: (len(hitung[v]), v))
        if len(hitung[acuan]) < 2:
            continue
        for nilai, daftar in hitung.items():
            if nilai == acuan:
                continue
            for _p, a, t, b, j in daftar:
                k.tambah(
                    lokasi=t.lokasi(b, j),
                    terbit=_t(a),
                    hitung=tampil(acuan, 0),
                    rumus=f"total {p} anggaran di "
                    + ", ".join(sorted({x[2].nama for x in hitung[acuan]}))
                    + f" = {tampil(acuan, 0)}",
                    tabel=t,
                    selisih=acuan - a.nilai,
                )
    # monthly figures against the cumulative table
    kumulatif = [
        t
        for t in k.dok.tabel
        if any("kumulatif" in n.casefold() for n in t.kolom) and _baris_bulan(t)
    ]
    bulanan = [
        t
        for t in k.dok.tabel
        if _baris_bulan(t) and not any("kumulatif" in n.casefold() for n in t.kolom)
    ]
    for tk in kumulatif:
        for tb in bulanan:
            for jk, nk in enumerate(tk.kolom):
                if "kumulatif" not in nk.casefold():
                    continue
                jenis = (
                    "rpd"
                    if "rpd" in nk.casefold()
                    else ("realisasi" if re.search(r"\bra\b|realisasi", nk.casefold()) else None)
                )
                jb = next(
                    (j for j, n in enumerate(tb.kolom) if jenis and (jenis in n.casefold())), None
                )
                if jenis is None or jb is None:
                    continue
                kum = Decimal(0)
                beda = []
                bk = {b.label.casefold(): b for b in _baris_bulan(tk)}
                for b in _baris_bulan(tb):
                    a = b.angka(jb)
                    if a is None:
                        break
                    kum += a.nilai
                    x = bk.get(b.label.casefold())
                    if x is not None and x.angka(jk) is not None and x.angka(jk).nilai != kum:
                        beda.append((b.label, x.angka(jk), kum))
                if beda:
                    bulan, a, h = beda[0]
                    k.tambah(
                        lokasi=f"{tk.lokasi(None, jk)} vs {tb.nama}",
                        terbit=f"{bulan}: {_t(a)}",
                        hitung=f"{bulan}: {tampil(h, 0)}",
                        rumus=f"kumulatif dari angka bulanan {tb.nama} kolom '{tb.kolom[jb]}'; "
                        f"{len(beda)} bulan berbeda",
                        tabel=tk,
                        selisih=h - a.nilai,
                    )


@aturan(
    "nka",
    "Nilai Kinerja Anggaran (konsistensi, capaian output, NKI, NKA)",
    "PMK 22/PMK.02/2021 Lampiran (K, COP, NKI = 9,7%P + 18,2%K + 43,5%COP + 28,6%NE; "
    "NKA = 33,3%NKI + 66,7% manfaat); rumus.nka",
)
def periksa_nka(k: Konteks) -> None:
    koreksi: dict[str, tuple[Decimal, str]] = {}
    realisasi_total = next((a.nilai for p, a, *_r in _total_anggaran(k) if p == "realisasi"), None)
    # konsistensi from a cumulative RPD / RA table
    for t in k.dok.tabel:
        jp = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if "rpd" in n.casefold() and "kumulatif" in n.casefold()
            ),
            None,
        )
        ja = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if re.search(r"\bra\b|realisasi", n.casefold()) and "kumulatif" in n.casefold()
            ),
            None,
        )
        bulan = _baris_bulan(t)
        if jp is None or ja is None or len(bulan) != 12:
            continue
        js = jp + 2 if jp + 2 < len(t.kolom) else None
        rpd = [b.angka(jp) for b in bulan]
        ra = [b.angka(ja) for b in bulan]
        if ra[-1] is None and realisasi_total is not None:
            k.tambah(
                lokasi=t.lokasi(bulan[-1], ja),
                terbit="(kosong)",
                hitung=tampil(realisasi_total, 0),
                rumus="realisasi kumulatif Desember = realisasi anggaran setahun (total realisasi tabel anggaran)",
                tabel=t,
            )
            ra[-1] = Angka(realisasi_total, 0)
        if any(x is None for x in rpd + ra):
            continue
        try:
            h = nka.konsistensi(
                rpd_kumulatif=[x.nilai for x in rpd], realisasi_kumulatif=[x.nilai for x in ra]
            )
        except DataTidakValid:
            continue
        if js is not None:
            for b, suku in zip(bulan, h.per_bulan, strict=True):
                a = b.angka(js)
                if a is not None and not cocok(a, suku):
                    k.tambah(
                        lokasi=t.lokasi(b, js),
                        terbit=_t(a),
                        hitung=tampil(suku, 2, persen=True),
                        rumus=f"(RPDK − |RPDK − RAK|) / RPDK × 100% dengan RPDK {_t(b.angka(jp))}, "
                        f"RAK {tampil(ra[bulan.index(b)].nilai, 0)}",
                        tabel=t,
                        selisih=suku - a.nilai,
                    )
        jk = next(
            (
                j
                for j, n in enumerate(t.kolom)
                if "konsistensi" in n.casefold() and j != js and j > ja
            ),
            None,
        )
        akhir = bulan[-1].angka(jk) if jk is not None else None
        if akhir is not None and not cocok(akhir, h.nilai):
            k.tambah(
                lokasi=t.lokasi(bulan[-1], jk),
                terbit=_t(akhir),
                hitung=tampil(h.nilai, 2, persen=True),
                rumus=h.rumus,
                tabel=t,
                selisih=h.nilai - akhir.nilai,
            )
            koreksi["konsistensi"] = (h.nilai, f"{t.nama}")
    # COP from an output table: programs with indicator rows (target, realisasi)
    for t in k.dok.tabel:
        trios = trio(t)
        if not trios:
            continue
        tr = trios[0]
        program = []
        if tr.capaian is None or not any(_baris_program(b) for b in t.baris):
            continue
        jcop = next((j for j, n in enumerate(t.kolom) if "capaian output" in n.casefold()), None)
        for b in t.baris:
            lab = b.label.casefold()
            if _baris_program(b):
                program.append({"nama": b.label, "baris": b, "indikator": []})
            elif program and not lab.startswith("rata"):
                geser = 0
                if (
                    b.angka(tr.capaian) is None
                    and b.angka(tr.capaian - 1)
                    and b.angka(tr.target - 1)
                    and b.teks(0)
                ):
                    geser = 1  # a row printed one column to the left (label in the first column)
                t_, r_ = b.angka(tr.target - geser), b.angka(tr.realisasi - geser)
                if t_ and r_ and b.angka(tr.capaian - geser):
                    program[-1]["indikator"].append({"target": t_.nilai, "realisasi": r_.nilai})
        program = [p for p in program if p["indikator"]]
        if len(program) < 2:
            continue
        try:
            cop = nka.capaian_output(
                [{"nama": p["nama"], "output": [{"indikator": p["indikator"]}]} for p in program]
            )
        except DataTidakValid:
            continue
        if jcop is not None:
            for p, hp in zip(program, cop.program, strict=True):
                a = p["baris"].angka(jcop)
                tercapai = min(hp.capaian, SERATUS) if a and a.nilai <= SERATUS else hp.capaian
                if a is not None and not cocok(a, hp.capaian) and not cocok(a, tercapai):
                    k.tambah(
                        lokasi=t.lokasi(p["baris"], jcop),
                        terbit=_t(a, persen=True),
                        hitung=tampil(hp.capaian, 2, persen=True),
                        rumus="capaian output program = rata-rata geometrik R/T indikatornya: "
                        + ", ".join(
                            f"{tampil(i['realisasi'], 2)}/{tampil(i['target'], 2)}"
                            for i in p["indikator"]
                        ),
                        tabel=t,
                        selisih=hp.capaian - a.nilai,
                    )
        for kal in k.dok.kalimat:
            m = re.search(
                r"capaian output program keseluruhan\s+([\d.,]+)\s?%", kal.teks, re.IGNORECASE
            )
            if m:
                a = baca_angka(m.group(1) + "%")
                if a and not cocok(a, cop.mentah):
                    k.tambah(
                        lokasi=kal.lokasi(),
                        terbit=_t(a),
                        hitung=tampil(cop.mentah, 2, persen=True),
                        rumus=cop.rumus,
                        kalimat=kal,
                        selisih=cop.mentah - a.nilai,
                    )
        break
    # NKI and NKA from the summary table, with corrected components when known
    for t in k.dok.tabel:
        label = {normal(b.label): b for b in t.baris}

        def cari(awal, label=label):
            return next((b for lab, b in label.items() if lab.startswith(awal)), None)

        bp, bk, bc, be = (
            cari("penyerapan"),
            cari("konsistensi"),
            cari("capaian output"),
            cari("nilai efisiensi"),
        )
        bi, bm = (
            cari("nilai kinerja atas aspek implementasi"),
            cari("nilai kinerja atas aspek manfaat"),
        )
        ba = cari("nilai kinerja anggaran")
        if None in (bp, bk, bc, be, bi, bm, ba):
            continue

        def pertama(b):
            return next(
                (b.angka(j) for j in range(1 if b.nomor else 0, len(b.sel)) if b.angka(j)), None
            )

        def terakhir(b):
            return [b.angka(j) for j in range(len(b.sel)) if b.angka(j)]

        p, kk, c, e = (pertama(b) for b in (bp, bk, bc, be))
        nki_cetak = terakhir(bi)[0] if terakhir(bi) else None
        manfaat = terakhir(bm)[0] if terakhir(bm) else None
        nka_cetak = terakhir(ba)[0] if terakhir(ba) else None
        if None in (p, kk, c, e, nki_cetak, manfaat, nka_cetak):
            continue
        nilai_k = koreksi.get("konsistensi", (kk.nilai, ""))[0]
        try:
            nki = nka.nilai_implementasi(
                penyerapan=p.nilai,
                konsistensi=nilai_k,
                capaian_output=c.nilai,
                nilai_efisiensi=e.nilai,
            )
            nilai = nka.nilai_kinerja_anggaran(nilai_implementasi=nki, nilai_manfaat=manfaat.nilai)
        except DataTidakValid:
            continue
        catatan = (
            f" (konsistensi {tampil(nilai_k, 2)}% hasil hitung ulang {koreksi['konsistensi'][1]})"
            if "konsistensi" in koreksi
            else ""
        )
        if not cocok(nki_cetak, nki):
            k.tambah(
                lokasi=t.lokasi(bi),
                terbit=_t(nki_cetak),
                hitung=tampil(nki, 2, persen=True),
                rumus=f"NKI = 9,7% × {_t(p)} + 18,2% × {tampil(nilai_k, 2)} + 43,5% × {_t(c)} + "
                f"28,6% × {_t(e)}{catatan}",
                tabel=t,
                selisih=nki - nki_cetak.nilai,
            )
        if not cocok(nka_cetak, nilai):
            k.tambah(
                lokasi=t.lokasi(ba),
                terbit=_t(nka_cetak),
                hitung=tampil(nilai, 2, persen=True),
                rumus=f"NKA = 33,3% × NKI {tampil(nki, 2)} + 66,7% × manfaat {_t(manfaat)}{catatan}",
                tabel=t,
                selisih=nilai - nka_cetak.nilai,
            )
        break
