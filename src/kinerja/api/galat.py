"""Indonesian messages for requests that do not match the schema (pydantic's errors), in the
same shape as the services' errors: {"bidang": ["pesan", ...]}."""

from __future__ import annotations

from kinerja.inti.nilai import CONTOH

POLA_TANPA_NUL = r"^[^\x00]*$"  # free text: no NUL (PostgreSQL cannot store it)

LABEL = {
    "nilai": "Realisasi",
    "pembilang": "Pembilang",
    "penyebut": "Penyebut",
    "nilai_teks": "Realisasi (kualitatif)",
    "penjelasan": "Penjelasan",
    "tahun": "Tahun",
    "jenis_periode": "Jenis periode",
    "ke": "Periode ke",
    "indikator_id": "indikator_id",
    "ajukan": "ajukan",
    "slug": "slug",
    "dp": "dp",
}
_ANGKA = ("nilai", "pembilang", "penyebut")


def _bidang(loc) -> str:
    """The field a pydantic location names: ("body", "data", "nilai") -> "nilai"."""
    nama = [
        str(x) for x in loc if isinstance(x, str) and x not in ("body", "data", "path", "query")
    ]
    return nama[-1] if nama else "__all__"


def _pesan(bidang: str, e: dict) -> str:
    jenis = e.get("type", "")
    ctx = e.get("ctx") or {}
    label = LABEL.get(bidang, bidang)
    if jenis == "missing":
        return f"{label} wajib diisi."
    if jenis in ("json_invalid", "json_type"):
        return "Badan permintaan bukan JSON yang sah."
    if jenis in ("model_type", "model_attributes_type", "dict_type"):
        return "Badan permintaan harus objek JSON."
    if bidang in _ANGKA and jenis in ("string_pattern_mismatch", "string_too_long"):
        return (
            f"{label}: bukan angka yang dapat disimpan; tulis angka desimal sebagai teks "
            f"({CONTOH}) dengan paling banyak 18 digit sebelum koma dan paling banyak 6 angka "
            "di belakang koma (tidak dibulatkan otomatis)."
        )
    if jenis == "string_too_long":
        return f"{label} paling banyak {ctx.get('max_length')} karakter."
    if jenis == "string_pattern_mismatch" and ctx.get("pattern") == POLA_TANPA_NUL:
        return f"{label}: teks tidak boleh memuat karakter NUL (\\u0000)."
    if jenis == "string_pattern_mismatch":
        return f"{label}: bentuknya tidak sah (pola {ctx.get('pattern')})."
    if jenis in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        batas = {
            "greater_than_equal": f"paling kecil {ctx.get('ge')}",
            "less_than_equal": f"paling besar {ctx.get('le')}",
            "greater_than": f"harus lebih dari {ctx.get('gt')}",
            "less_than": f"harus kurang dari {ctx.get('lt')}",
        }[jenis]
        return f"{label} {batas}."
    if jenis == "literal_error":
        return f"{label}: pilih salah satu dari {ctx.get('expected')}."
    if jenis.startswith("int_"):
        return f"{label}: isi bilangan bulat (contoh: 2024), bukan teks atau pecahan."
    if jenis.startswith("string_"):
        if bidang in _ANGKA:
            return f'{label}: kirim angka sebagai teks JSON ({CONTOH}), mis. "96.55".'
        return f"{label}: isi teks."
    if jenis.startswith("bool_"):
        return f"{label}: isi true atau false."
    return f"{label}: isian tidak sah ({e.get('msg', jenis)})."


def galat_skema(errors) -> dict[str, list[str]]:
    galat: dict[str, list[str]] = {}
    for e in errors:
        bidang = _bidang(e.get("loc", ()))
        pesan = _pesan(bidang, e)
        if pesan not in galat.setdefault(bidang, []):
            galat[bidang].append(pesan)
    return galat or {"__all__": ["Permintaan tidak sah."]}
