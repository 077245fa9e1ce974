"""A small JSON Schema subset checker with Indonesian messages naming the field.

`kinerja rumus` publishes JSON Schemas for its inputs; this checks an input against them
and says in Indonesian which field is wrong and what was expected. Supported keywords:
type, properties, required, additionalProperties (false), items, minItems, maxItems, enum,
pattern (decimal strings), minimum, maximum, oneOf (alternative required sets).
"""

from __future__ import annotations

import re

from kinerja.rumus.bilangan import DataTidakValid

POLA_DESIMAL = r"^-?[0-9]+(\.[0-9]+)?$"
_DESIMAL = re.compile(POLA_DESIMAL)

DESIMAL = {
    "type": "string",
    "pattern": POLA_DESIMAL,
    "description": 'angka desimal sebagai teks JSON, misalnya "96.55"',
}
DESIMAL_ATAU_NULL = {
    "type": ["string", "null"],
    "pattern": POLA_DESIMAL,
    "description": "angka desimal sebagai teks, atau null bila kosong",
}

_NAMA_TIPE = {
    "object": "objek JSON",
    "array": "daftar (array) JSON",
    "string": "teks",
    "integer": "bilangan bulat",
    "null": "null",
    "boolean": "true/false",
    "number": "angka",
}


def _tipe_json(nilai) -> str:
    if nilai is None:
        return "null"
    if isinstance(nilai, bool):
        return "boolean"
    if isinstance(nilai, int):
        return "integer"
    if isinstance(nilai, float):
        return "number"
    if isinstance(nilai, str):
        return "string"
    if isinstance(nilai, list):
        return "array"
    if isinstance(nilai, dict):
        return "object"
    return type(nilai).__name__


def _gagal(jalur: str, pesan: str):
    raise DataTidakValid(f"{jalur or 'masukan'}: {pesan}", bidang=jalur or None)


def periksa(nilai, skema: dict, jalur: str = "") -> None:
    """Raise DataTidakValid naming the first wrong field."""
    tipe = skema.get("type")
    if tipe is not None:
        boleh = tipe if isinstance(tipe, list) else [tipe]
        nyata = _tipe_json(nilai)
        if nyata not in boleh:
            harap = " atau ".join(_NAMA_TIPE.get(t, t) for t in boleh)
            if (
                "string" in boleh
                and skema.get("pattern") == POLA_DESIMAL
                and nyata in ("integer", "number")
            ):
                _gagal(
                    jalur,
                    f'angka harus ditulis sebagai teks desimal, misalnya "{nilai}" (diterima angka JSON {nilai})',
                )
            _gagal(jalur, f"diharapkan {harap}, diterima {_NAMA_TIPE.get(nyata, nyata)}")
    if "enum" in skema and nilai not in skema["enum"]:
        pilihan = ", ".join(str(x) for x in skema["enum"])
        _gagal(jalur, f"'{nilai}' tidak dikenal (pilihan: {pilihan})")
    if isinstance(nilai, str) and "pattern" in skema and not re.match(skema["pattern"], nilai):
        if skema["pattern"] == POLA_DESIMAL:
            _gagal(
                jalur,
                f"'{nilai}' bukan angka desimal (gunakan titik sebagai pemisah desimal, tanpa pemisah ribuan, misalnya \"96.55\")",
            )
        _gagal(jalur, f"'{nilai}' tidak sesuai bentuk yang diharapkan")
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        if "minimum" in skema and nilai < skema["minimum"]:
            _gagal(jalur, f"minimal {skema['minimum']}, diterima {nilai}")
        if "maximum" in skema and nilai > skema["maximum"]:
            _gagal(jalur, f"maksimal {skema['maximum']}, diterima {nilai}")
    if isinstance(nilai, list):
        if "minItems" in skema and len(nilai) < skema["minItems"]:
            _gagal(jalur, f"diharapkan sedikitnya {skema['minItems']} unsur, diterima {len(nilai)}")
        if "maxItems" in skema and len(nilai) > skema["maxItems"]:
            _gagal(
                jalur, f"diharapkan paling banyak {skema['maxItems']} unsur, diterima {len(nilai)}"
            )
        if "items" in skema:
            for i, x in enumerate(nilai):
                periksa(x, skema["items"], f"{jalur}[{i}]")
    if isinstance(nilai, dict):
        awalan = f"{jalur}." if jalur else ""
        properti = skema.get("properties", {})
        for kunci in skema.get("required", []):
            if kunci not in nilai:
                _gagal(f"{awalan}{kunci}", "wajib diisi")
        if skema.get("additionalProperties") is False:
            for kunci in nilai:
                if kunci not in properti:
                    dikenal = ", ".join(properti)
                    _gagal(
                        f"{awalan}{kunci}", f"bidang tidak dikenal (bidang yang dikenal: {dikenal})"
                    )
        if "oneOf" in skema:
            cocok = [
                alt for alt in skema["oneOf"] if all(k in nilai for k in alt.get("required", []))
            ]
            if len(cocok) != 1:
                pilihan = " ATAU ".join("+".join(alt["required"]) for alt in skema["oneOf"])
                _gagal(jalur, f"isi tepat satu dari: {pilihan}")
        for kunci, sub in properti.items():
            if kunci in nilai:
                periksa(nilai[kunci], sub, f"{awalan}{kunci}")
    if (
        isinstance(nilai, str)
        and skema.get("pattern") == POLA_DESIMAL
        and not _DESIMAL.match(nilai)
    ):
        _gagal(jalur, f"'{nilai}' bukan angka desimal")
