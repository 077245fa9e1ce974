"""`kinerja rumus NAMA`: the engine as a JSON calculator (a public contract).

Reads one JSON object (stdin or --input FILE), writes one JSON object to stdout. Every number
in and out is a JSON string in decimal form; outputs are unrounded unless --bulat N. Invalid
input: exit code 2, nothing on stdout, one Indonesian message on stderr naming the field.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from kinerja.cli.skema import DESIMAL, DESIMAL_ATAU_NULL, periksa
from kinerja.rumus import capaian as rc
from kinerja.rumus import ikm as ri
from kinerja.rumus import lke, nka, sampel, sasaran
from kinerja.rumus.bilangan import D, DataTidakValid, bulat, teks


@dataclass(frozen=True)
class Rumus:
    nama: str
    uraian: str
    sumber: str
    skema: dict
    hitung: Callable[[dict], dict]


def _obj(properties: dict, required=(), **lain) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
        **lain,
    }


def _daftar(items: dict, **lain) -> dict:
    return {"type": "array", "items": items, **lain}


# --- capaian ---

SKEMA_CAPAIAN = _obj(
    {
        "realisasi": DESIMAL_ATAU_NULL,
        "target": DESIMAL,
        "target_bawah": DESIMAL,
        "target_atas": DESIMAL,
        "polaritas": {"enum": ["positif", "negatif"]},
        "metode_negatif": {"enum": ["2T-R", "T/R"]},
        "jenis_target": {"enum": ["biasa", "tepat"]},
        "skala": {"enum": ["dki", "permendagri-86-2017"]},
        "batas_atas": DESIMAL,
    },
    required=["realisasi"],
    oneOf=[{"required": ["target"]}, {"required": ["target_bawah", "target_atas"]}],
)


def _capaian(m: dict) -> dict:
    h = rc.hitung_capaian(**m)
    keluar = {"capaian": h.capaian, "predikat": h.predikat, "metode": h.metode, "rumus": h.rumus}
    if h.capaian_terbatas is not None:
        keluar["capaian_terbatas"] = h.capaian_terbatas
    if h.catatan:
        keluar["catatan"] = h.catatan
    return keluar


# --- capaian kualitatif ---

SKEMA_CAPAIAN_KUALITATIF = _obj(
    {
        "realisasi": {"type": "string"},
        "target": {"type": "string"},
        "skala_ordinal": {"enum": sorted(rc.SKALA_ORDINAL)},
        "skala": {"enum": ["dki", "permendagri-86-2017"]},
    },
    required=["realisasi", "target"],
)


def _capaian_kualitatif(m: dict) -> dict:
    h = rc.hitung_capaian_kualitatif(**m)
    return {"capaian": h.capaian, "predikat": h.predikat, "metode": h.metode, "rumus": h.rumus}


# --- sasaran ---

SKEMA_SASARAN = _obj(
    {
        "capaian": _daftar(DESIMAL_ATAU_NULL, minItems=1),
        "skala": {"enum": ["dki", "permendagri-86-2017"]},
    },
    required=["capaian"],
)


def _sasaran(m: dict) -> dict:
    h = sasaran.capaian_sasaran(m["capaian"], skala=m.get("skala", "dki"))
    return {
        "capaian": h.capaian,
        "predikat": h.predikat,
        "jumlah_indikator": h.jumlah_indikator,
        "indikator_tanpa_data": h.indikator_tanpa_data,
        "rekap_predikat": sasaran.rekap_predikat(m["capaian"], skala=m.get("skala", "dki")),
        "rumus": h.rumus,
    }


# --- ikm ---

_JAWABAN = {
    "type": ["integer", "string", "null"],
    "description": "nilai 1-4, atau null bila kosong",
}
SKEMA_IKM = _obj(
    {
        "responden": _daftar(_daftar(_JAWABAN, minItems=1), minItems=1),
        "unsur": _daftar(
            _obj(
                {
                    "kode": {"type": "string"},
                    "total": DESIMAL,
                    "jumlah": {"type": "integer", "minimum": 1},
                },
                required=["kode", "total", "jumlah"],
            ),
            minItems=1,
        ),
        "butir": _daftar(
            _obj(
                {
                    "unsur": {"type": "string"},
                    "total": DESIMAL,
                    "jumlah": {"type": "integer", "minimum": 1},
                },
                required=["unsur", "total", "jumlah"],
            ),
            minItems=1,
        ),
        "kode_unsur": _daftar({"type": "string"}, minItems=1),
        "bobot": {"enum": list(ri.BOBOT)},
        "jumlah_responden": {"type": "integer", "minimum": 1},
    },
    oneOf=[{"required": ["responden"]}, {"required": ["unsur"]}, {"required": ["butir"]}],
)


def _ikm(m: dict) -> dict:
    bobot = m.get("bobot", "1/9")
    if "responden" in m:
        kode = tuple(m.get("kode_unsur", ri.KODE_UNSUR_BAKU))
        h = ri.ikm_dari_responden(m["responden"], kode_unsur=kode, bobot=bobot)
    elif "unsur" in m:
        h = ri.ikm_dari_unsur(
            [
                ri.NilaiUnsur(kode=u["kode"], total=D(u["total"]), jumlah=u["jumlah"])
                for u in m["unsur"]
            ],
            bobot=bobot,
            jumlah_responden=m.get("jumlah_responden"),
        )
    else:
        h = ri.ikm_dari_butir(
            [
                ri.NilaiButir(unsur=b["unsur"], total=D(b["total"]), jumlah=b["jumlah"])
                for b in m["butir"]
            ],
            bobot=bobot,
            jumlah_responden=m.get("jumlah_responden"),
        )
    return {
        "nrr": h.nrr,
        "nrr_tertimbang": h.nrr_tertimbang,
        "ikm": h.ikm,
        "konversi": h.konversi,
        "mutu": h.mutu,
        "kinerja": h.kinerja,
        "unsur_terlemah": h.unsur_terlemah,
        "jumlah_responden": h.jumlah_responden,
        "bobot": h.bobot,
        "rumus": h.rumus,
    }


# --- sampel ---

SKEMA_SAMPEL = _obj(
    {"populasi": {"type": "integer", "minimum": 1}, "jumlah": {"type": "integer", "minimum": 0}},
    required=["populasi"],
)


def _sampel(m: dict) -> dict:
    keluar: dict = {"minimum": sampel.krejcie_morgan(m["populasi"])}
    if "jumlah" in m:
        k = sampel.kecukupan_sampel(jumlah=m["jumlah"], populasi=m["populasi"])
        keluar.update(
            {
                "memenuhi": k.memenuhi,
                "status": k.status,
                "sampel_kecil": k.sampel_kecil,
                "pesan": k.pesan,
            }
        )
    return keluar


# --- cop, nka ---

_INDIKATOR_OUTPUT = _obj(
    {
        "nama": {"type": "string"},
        "target": DESIMAL,
        "realisasi": DESIMAL,
        "polaritas": {"enum": ["positif", "negatif"]},
    },
    required=["target", "realisasi"],
)
_OUTPUT = _obj(
    {"nama": {"type": "string"}, "indikator": _daftar(_INDIKATOR_OUTPUT, minItems=1)},
    required=["indikator"],
)
_PROGRAM_COP = _obj(
    {"nama": {"type": "string"}, "output": _daftar(_OUTPUT, minItems=1)}, required=["output"]
)
SKEMA_COP = _obj({"program": _daftar(_PROGRAM_COP, minItems=1)}, required=["program"])


def _cop(m: dict) -> dict:
    h = nka.capaian_output(m["program"])
    return {
        "capaian_output": h.nilai,
        "capaian_output_mentah": h.mentah,
        "program": [
            {"nama": p.nama, "capaian": p.capaian, "output": [{"capaian": o} for o in p.output]}
            for p in h.program
        ],
        "rumus": h.rumus,
    }


_PROGRAM_NKA = _obj(
    {
        "nama": {"type": "string"},
        "alokasi": DESIMAL,
        "realisasi": DESIMAL,
        "output": _daftar(_OUTPUT, minItems=1),
    },
    required=["alokasi", "realisasi", "output"],
)
_BULANAN = _daftar(DESIMAL_ATAU_NULL, minItems=12, maxItems=12)
SKEMA_NKA = _obj(
    {
        "komponen": _obj(
            {
                "penyerapan": DESIMAL,
                "konsistensi": DESIMAL,
                "capaian_output": DESIMAL,
                "nilai_efisiensi": DESIMAL,
            }
        ),
        "alokasi": DESIMAL,
        "realisasi": DESIMAL,
        "rpd_kumulatif": _BULANAN,
        "realisasi_kumulatif": _BULANAN,
        "program": _daftar(_PROGRAM_NKA, minItems=1),
        "capaian_sasaran": {
            "type": ["string", "array"],
            "pattern": DESIMAL["pattern"],
            "items": DESIMAL,
            "description": "satu angka, atau daftar capaian sasaran",
        },
        "nilai_manfaat": DESIMAL,
        "penyebut_efisiensi": {"enum": ["aa_x_cop", "aa"]},
        "batasi_cop_efisiensi": {"type": "boolean"},
    },
)

KOMPONEN_NKA = (
    "penyerapan",
    "konsistensi",
    "capaian_output",
    "efisiensi",
    "nilai_efisiensi",
    "nilai_implementasi",
    "nilai_manfaat",
    "nilai_kinerja_anggaran",
    "kategori",
)


def _nka(m: dict) -> dict:
    argumen = dict(m)
    if "nilai_manfaat" in argumen:
        argumen["capaian_sasaran"] = argumen.pop("nilai_manfaat")
    h = nka.hitung_nka(**argumen)
    keluar = {k: getattr(h, k) for k in KOMPONEN_NKA if getattr(h, k) is not None}
    keluar["langkah"] = list(h.langkah)
    return keluar


# --- lke ---

SKEMA_LKE = _obj(
    {
        "komponen": _daftar(
            _obj({"nama": {"type": "string"}, "nilai": DESIMAL}, required=["nama", "nilai"]),
            minItems=1,
        ),
        "nilai": DESIMAL,
    },
    oneOf=[{"required": ["komponen"]}, {"required": ["nilai"]}],
)


def _lke(m: dict) -> dict:
    h = lke.nilai_lke(m["komponen"]) if "komponen" in m else lke.nilai_lke_total(m["nilai"])
    return {
        "nilai": h.nilai,
        "predikat": h.predikat,
        "interpretasi": h.interpretasi,
        "rumus": h.rumus,
    }


RUMUS = {
    r.nama: r
    for r in (
        Rumus(
            "capaian",
            "Capaian indikator (R/T, polaritas negatif, rentang, tepat, nol) dan predikatnya",
            "PermenPAN-RB 6/2022 Bab VI; Permendagri 86/2017 (skala DKI, seed Tabel 15-17)",
            SKEMA_CAPAIAN,
            _capaian,
        ),
        Rumus(
            "capaian-kualitatif",
            "Capaian target kualitatif lewat skala ordinal (opini WTP..TMP, predikat AA..D)",
            "docs/keputusan/0004; seed Tabel 16 baris 3",
            SKEMA_CAPAIAN_KUALITATIF,
            _capaian_kualitatif,
        ),
        Rumus(
            "sasaran",
            "Capaian sasaran = rata-rata capaian indikatornya; rekap predikat",
            "seed Tabel 17-18",
            SKEMA_SASARAN,
            _sasaran,
        ),
        Rumus(
            "ikm",
            "Indeks Kepuasan Masyarakat: NRR per unsur, IKM, konversi, mutu",
            "PermenPAN-RB 14/2017 Lampiran",
            SKEMA_IKM,
            _ikm,
        ),
        Rumus(
            "sampel",
            "Sampel minimum Krejcie-Morgan dari populasi",
            "Krejcie & Morgan (1970); PermenPAN-RB 14/2017",
            SKEMA_SAMPEL,
            _sampel,
        ),
        Rumus(
            "cop",
            "Capaian output program: rata-rata geometrik bertingkat, maks. 100%",
            "PMK 22/PMK.02/2021 Lampiran A.1.a.1",
            SKEMA_COP,
            _cop,
        ),
        Rumus(
            "nka",
            "Nilai Kinerja Anggaran: penyerapan, konsistensi, capaian output, efisiensi, NKI, manfaat, NKA",
            "PMK 22/PMK.02/2021 Lampiran",
            SKEMA_NKA,
            _nka,
        ),
        Rumus(
            "lke",
            "Nilai dan predikat evaluasi AKIP",
            "PermenPAN-RB 88/2021 Lampiran",
            SKEMA_LKE,
            _lke,
        ),
    )
}


def _ke_json(nilai, dp: int | None):
    if isinstance(nilai, Decimal):
        return format(bulat(nilai, dp), "f") if dp is not None else teks(nilai)
    if isinstance(nilai, dict):
        return {k: _ke_json(v, dp) for k, v in nilai.items()}
    if isinstance(nilai, (list, tuple)):
        return [_ke_json(v, dp) for v in nilai]
    return nilai


def skema_lengkap(r: Rumus) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"kinerja rumus {r.nama}",
        "description": f"{r.uraian}. Sumber: {r.sumber}",
        **r.skema,
    }


def jalankan(nama: str, masukan: dict, *, bulat_dp: int | None = None) -> dict:
    """Validate and compute; raises DataTidakValid with an Indonesian message."""
    r = RUMUS.get(nama)
    if r is None:
        raise DataTidakValid(f"rumus '{nama}' tidak dikenal (pilihan: {', '.join(RUMUS)})")
    if not isinstance(masukan, dict):
        raise DataTidakValid("masukan: diharapkan satu objek JSON")
    periksa(masukan, r.skema)
    return _ke_json(r.hitung(masukan), bulat_dp)


def tambah_parser(sub) -> None:
    p = sub.add_parser(
        "rumus",
        help="kalkulator rumus (JSON masuk, JSON keluar)",
        description="Hitung satu rumus dari satu objek JSON di stdin atau --input.",
    )
    p.add_argument("nama", nargs="?", help="nama rumus (lihat --list)")
    p.add_argument("--list", action="store_true", help="daftar rumus")
    p.add_argument("--schema", action="store_true", help="cetak JSON Schema masukan rumus")
    p.add_argument("--input", metavar="BERKAS", help="baca masukan dari berkas, bukan stdin")
    p.add_argument(
        "--bulat", type=int, metavar="N", help="bulatkan keluaran ke N desimal (half up)"
    )
    p.set_defaults(fungsi=utama)


def utama(args: argparse.Namespace) -> int:
    if args.list:
        for r in RUMUS.values():
            print(f"{r.nama:20} {r.uraian} [{r.sumber}]")
        return 0
    if not args.nama:
        print("kinerja rumus: sebutkan nama rumus, atau --list", file=sys.stderr)
        return 2
    r = RUMUS.get(args.nama)
    if r is None:
        print(
            f"kinerja rumus: rumus '{args.nama}' tidak dikenal (pilihan: {', '.join(RUMUS)})",
            file=sys.stderr,
        )
        return 2
    if args.schema:
        print(json.dumps(skema_lengkap(r), ensure_ascii=False, indent=2))
        return 0
    if args.bulat is not None and not 0 <= args.bulat <= 10:
        print("kinerja rumus: --bulat harus antara 0 dan 10", file=sys.stderr)
        return 2
    try:
        if args.input:
            with open(args.input, encoding="utf-8") as f:
                mentah = f.read()
        else:
            mentah = sys.stdin.read()
    except OSError as e:
        print(
            f"kinerja rumus: berkas masukan tidak dapat dibaca: {e.strerror} ({args.input})",
            file=sys.stderr,
        )
        return 2
    try:
        masukan = json.loads(mentah)
    except json.JSONDecodeError as e:
        print(
            f"masukan: bukan JSON yang sah (baris {e.lineno}, kolom {e.colno}: {e.msg})",
            file=sys.stderr,
        )
        return 2
    try:
        keluar = jalankan(args.nama, masukan, bulat_dp=args.bulat)
    except DataTidakValid as e:
        print(e.pesan, file=sys.stderr)
        return 2
    print(json.dumps(keluar, ensure_ascii=False))
    return 0
