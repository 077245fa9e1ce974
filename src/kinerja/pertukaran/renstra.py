"""Renstra import: the sheets the export writes (Tujuan, Sasaran, Indikator, Target Renstra).

Planning only (the dry run); `layanan.impor_renstra` applies the plan. Tujuan are matched by
kode, sasaran by nomor, indicators by id_indikator or kode, all within the organisation;
targets by (indikator, sumber, tahun). Rows create or update, never delete. A column missing
from a sheet leaves that field as it is; 'Sasaran Induk' and 'Satuan' in 'Target Renstra'
are information only. Missing sheets are skipped (at least one must be present).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import (
    CaraAgregasi,
    Indikator,
    JenisPeriode,
    JenisTarget,
    KelompokSasaran,
    Polaritas,
    Renstra,
    Sasaran,
    SumberTarget,
    TargetRenstra,
    Tujuan,
)
from kinerja.pertukaran.impor import (
    BARU,
    CARI_JUDUL,
    MAKS_BARIS,
    TETAP,
    UBAH,
    Galat,
    Rencana,
    _buka,
    _bulat,
    _sama,
    _tampil,
    _teks,
)
from kinerja.pertukaran.sel import BukanAngka, baca_angka

TUJUAN, SASARAN, INDIKATOR, TARGET = "Tujuan", "Sasaran", "Indikator", "Target Renstra"
LEMBAR_RENSTRA = [TUJUAN, SASARAN, INDIKATOR, TARGET]
# (normalised header that identifies the header row, required headers)
_JUDUL = {
    TUJUAN: ("kode", ["kode", "uraian"]),
    SASARAN: ("nomor", ["nomor", "uraian"]),
    INDIKATOR: ("nama_indikator", ["nama_indikator"]),
    TARGET: ("sumber", ["sumber"]),
}
# Indikator sheet column -> (model field, kind)
KOLOM_INDIKATOR = {
    "nama_indikator": ("nama", "teks"),
    "definisi_operasional": ("definisi_operasional", "teks"),
    "rumus": ("rumus", "teks"),
    "satuan": ("satuan", "teks"),
    "sumber_data": ("sumber_data", "teks"),
    "polaritas": ("polaritas", Polaritas),
    "frekuensi": ("frekuensi", JenisPeriode),
    "cara_agregasi": ("cara_agregasi", CaraAgregasi),
    "jenis_target": ("jenis_target", JenisTarget),
    "rasio": ("rasio", bool),
    "iku": ("iku", bool),
}
_YA = {"ya", "y", "true", "benar", "1", "iya"}
_TIDAK = {"tidak", "t", "false", "salah", "0", "bukan", ""}


def _norm(x) -> str:
    return str(x if x is not None else "").strip().lower().replace(" ", "_")


@dataclass
class BarisRenstra:
    lembar: str
    baris: int
    jenis: str  # tujuan, sasaran, indikator, target
    uraian: str
    aksi: str
    data: dict
    obj: object | None = None  # the existing row, None for a new one
    perubahan: dict = field(default_factory=dict)

    @property
    def perubahan_teks(self) -> list[tuple[str, str, str]]:
        return [(k, _tampil(a), _tampil(b)) for k, (a, b) in self.perubahan.items()]


@dataclass
class RencanaRenstra(Rencana):
    renstra: Renstra | None = None
    # natural key -> existing object, for resolving references in the apply
    tujuan: dict = field(default_factory=dict)
    sasaran: dict = field(default_factory=dict)
    indikator: dict = field(default_factory=dict)


class _Sheet:
    """One sheet's rows keyed by normalised header; `judul` keeps the header as written."""

    def __init__(self, buku, nama: str, galat: list[Galat]):
        self.nama, self.baris, self.judul, self.ada = nama, [], {}, False
        ws = next((buku[n] for n in buku.sheetnames if n.strip().lower() == nama.lower()), None)
        if ws is None:
            return
        self.ada, self.nama = True, ws.title
        penanda, wajib = _JUDUL[nama]
        posisi: dict[str, int] = {}
        baris_judul = None
        for nomor, isi in enumerate(ws.iter_rows(values_only=True), start=1):
            if baris_judul is None:
                judul = [_norm(x) for x in isi]
                if penanda in judul:
                    baris_judul = nomor
                    for i, (k, asli) in enumerate(zip(judul, isi, strict=False)):
                        if k and k not in posisi:
                            posisi[k] = i
                            self.judul[k] = str(asli).strip()
                elif nomor >= CARI_JUDUL:
                    break
                continue
            if all(x is None or (isinstance(x, str) and not x.strip()) for x in isi):
                continue
            if len(self.baris) >= MAKS_BARIS:
                galat.append(Galat(self.nama, nomor, None, f"lebih dari {MAKS_BARIS} baris data."))
                break
            self.baris.append(
                (nomor, {k: (isi[i] if i < len(isi) else None) for k, i in posisi.items()})
            )
        if baris_judul is None:
            galat.append(
                Galat(
                    self.nama,
                    None,
                    None,
                    f"baris judul kolom (memuat '{penanda}') tidak ditemukan di {CARI_JUDUL} "
                    "baris pertama; gunakan templat unduhan.",
                )
            )
            return
        hilang = [k for k in wajib if k not in posisi]
        if hilang:
            galat.append(
                Galat(
                    self.nama,
                    baris_judul,
                    None,
                    "kolom " + ", ".join(f"'{k}'" for k in hilang) + " tidak ada di baris judul.",
                )
            )
            self.baris = []

    def kolom(self, k: str) -> str:
        return self.judul.get(k, k)


def _pilihan(choices, nilai) -> str | None:
    """A choice from its code or label, case-insensitive; None when unknown."""
    t = _teks(nilai).lower()
    for kode, label in choices.choices:
        if t in (kode.lower(), label.lower()):
            return kode
    return None


def _daftar_pilihan(choices) -> str:
    return ", ".join(k for k, _ in choices.choices)


class _Perencana:
    def __init__(self, organisasi: Organisasi, tahun: int, rencana: RencanaRenstra):
        self.org, self.tahun, self.r, self.galat = organisasi, tahun, rencana, rencana.galat

    def salah(self, sheet: _Sheet, nomor, kolom, pesan) -> None:
        self.galat.append(Galat(sheet.nama, nomor, sheet.kolom(kolom) if kolom else None, pesan))

    def tambah(self, sheet, nomor, jenis, uraian, lama, data: dict) -> None:
        if lama is None:
            perubahan = {k: (None, v) for k, v in data.items() if v not in (None, "", False)}
            aksi = BARU
        else:
            perubahan = {
                k: (getattr(lama, k), v) for k, v in data.items() if not _sama(getattr(lama, k), v)
            }
            aksi = UBAH if perubahan else TETAP
        tampil = {
            k: (
                (str(a) if isinstance(a, Tujuan | Sasaran) else a),
                (str(b) if isinstance(b, Tujuan | Sasaran) else b),
            )
            for k, (a, b) in perubahan.items()
        }
        self.r.baris.append(
            BarisRenstra(sheet.nama, nomor, jenis, uraian, aksi, data, lama, tampil)
        )

    # --- Tujuan ---------------------------------------------------------------------------

    def tujuan(self, sheet: _Sheet, renstra_ada: list[Renstra]) -> dict[str, object]:
        """kode -> existing Tujuan or the kode of a new one (resolved in the apply)."""
        semua = list(Tujuan.objects.filter(renstra__organisasi=self.org).select_related("renstra"))
        per_kode: dict[str, Tujuan] = {}
        for t in sorted(semua, key=lambda t: t.renstra_id != getattr(self.r.renstra, "pk", None)):
            if t.kode:
                per_kode.setdefault(t.kode, t)
        self.r.tujuan = dict(per_kode)
        hasil: dict[str, object] = dict(per_kode)
        per_nama = {r.nama.strip().lower(): r for r in renstra_ada}
        dilihat: dict[str, int] = {}
        urutan = max((t.urutan for t in semua), default=0)
        for nomor, data in sheet.baris:
            g = len(self.galat)
            kode, uraian = _teks(data.get("kode")), _teks(data.get("uraian"))
            nama_renstra = _teks(data.get("renstra"))
            renstra = self.r.renstra
            if nama_renstra and "renstra" in data:
                renstra = per_nama.get(nama_renstra.lower())
                if renstra is None:
                    ada = ", ".join(f"'{r.nama}'" for r in renstra_ada) or "tidak ada"
                    self.salah(
                        sheet,
                        nomor,
                        "renstra",
                        f"'{nama_renstra}' bukan Renstra {self.org} yang berlaku tahun "
                        f"{self.tahun} (yang ada: {ada}).",
                    )
            if not uraian:
                self.salah(sheet, nomor, "uraian", "kosong; isi uraian tujuan.")
            lama = per_kode.get(kode) if kode else None
            if not kode:
                lama = next((t for t in semua if not t.kode and t.uraian.strip() == uraian), None)
                if lama is None:
                    self.salah(sheet, nomor, "kode", "kosong; isi kode tujuan (contoh: T1).")
            elif kode in dilihat:
                self.salah(
                    sheet,
                    nomor,
                    "kode",
                    f"'{kode}' juga ada di baris {dilihat[kode]}; kode harus unik.",
                )
            if lama is None and renstra is None and len(self.galat) == g:
                self.salah(
                    sheet,
                    nomor,
                    "renstra",
                    f"belum ada Renstra {self.org} yang mencakup tahun {self.tahun}; buat Renstra-nya dulu.",
                )
            if len(self.galat) > g:
                continue
            dilihat[kode] = nomor
            data_baru = {"uraian": uraian}
            if lama is None:
                urutan += 1
                data_baru |= {"kode": kode, "renstra": renstra, "urutan": urutan}
                hasil[kode] = kode
            self.tambah(sheet, nomor, "tujuan", f"Tujuan {kode or '(tanpa kode)'}", lama, data_baru)
        return hasil

    # --- Sasaran --------------------------------------------------------------------------

    def sasaran(self, sheet: _Sheet, tujuan: dict[str, object]) -> dict[int, object]:
        ada = {
            s.nomor: s for s in Sasaran.objects.filter(organisasi=self.org).select_related("tujuan")
        }
        self.r.sasaran = dict(ada)
        hasil: dict[int, object] = dict(ada)
        dilihat: dict[int, int] = {}
        for nomor, data in sheet.baris:
            g = len(self.galat)
            try:
                no = _bulat(data.get("nomor"))
                if no is None or no < 1:
                    raise BukanAngka(
                        "kosong; isi nomor sasaran (contoh: 2)"
                        if no is None
                        else f"{no} bukan nomor sasaran (mulai 1)"
                    )
            except BukanAngka as e:
                self.salah(sheet, nomor, "nomor", str(e))
                no = None
            uraian = _teks(data.get("uraian"))
            if not uraian:
                self.salah(sheet, nomor, "uraian", "kosong; isi uraian sasaran.")
            lama = ada.get(no)
            data_baru: dict = {"uraian": uraian}
            if "kelompok" in data:
                kelompok = _pilihan(KelompokSasaran, data.get("kelompok"))
                if _teks(data.get("kelompok")) == "":
                    kelompok = lama.kelompok if lama else KelompokSasaran.STRATEGIS
                if kelompok is None:
                    self.salah(
                        sheet,
                        nomor,
                        "kelompok",
                        f"'{_teks(data.get('kelompok'))}' tidak dikenal "
                        f"(pilih: {_daftar_pilihan(KelompokSasaran)}).",
                    )
                data_baru["kelompok"] = kelompok
            if "kode_tujuan" in data:
                kode = _teks(data.get("kode_tujuan"))
                if kode and kode not in tujuan:
                    self.salah(
                        sheet,
                        nomor,
                        "kode_tujuan",
                        f"tujuan '{kode}' tidak ada di lembar 'Tujuan' maupun di Renstra {self.org}.",
                    )
                data_baru["tujuan"] = tujuan.get(kode) if kode else None
            if no is not None and no in dilihat:
                self.salah(sheet, nomor, "nomor", f"sasaran {no} juga ada di baris {dilihat[no]}.")
            if len(self.galat) > g:
                continue
            dilihat[no] = nomor
            if lama is None:
                hasil[no] = no
                data_baru["nomor"] = no
            # a new tujuan's kode stays a string until the apply creates it
            self.tambah(sheet, nomor, "sasaran", f"Sasaran {no}", lama, data_baru)
        return hasil

    # --- Indikator ------------------------------------------------------------------------

    def indikator(self, sheet: _Sheet, sasaran: dict[int, object]) -> dict[str, object]:
        semua = list(Indikator.objects.filter(organisasi=self.org).select_related("sasaran"))
        per_id = {i.pk: i for i in semua}
        per_kode: dict[str, Indikator] = {}
        for i in semua:
            if i.kode:
                per_kode.setdefault(i.kode, i)
        self.r.indikator = {"id": per_id, "kode": per_kode}
        hasil: dict = {("id", i.pk): i for i in semua} | {
            ("kode", k): i for k, i in per_kode.items()
        }
        jenis_realisasi: dict[int, set[str]] = {}
        for ind_id, jenis in (
            Realisasi.objects.filter(indikator__organisasi=self.org)
            .values_list("indikator_id", "jenis_periode")
            .distinct()
        ):
            jenis_realisasi.setdefault(ind_id, set()).add(jenis)
        dilihat: dict = {}
        for nomor, data in sheet.baris:
            g = len(self.galat)
            kode = _teks(data.get("kode_indikator"))
            lama = None
            id_teks = data.get("id_indikator")
            if _teks(id_teks):
                try:
                    pk = _bulat(id_teks)
                except BukanAngka as e:
                    self.salah(sheet, nomor, "id_indikator", str(e))
                    continue
                lama = per_id.get(pk)
                if lama is None:
                    self.salah(
                        sheet,
                        nomor,
                        "id_indikator",
                        f"indikator {pk} bukan indikator {self.org}; kosongkan untuk indikator baru.",
                    )
                    continue
                if kode and lama.kode and kode != lama.kode and kode in per_kode:
                    self.salah(
                        sheet,
                        nomor,
                        "kode_indikator",
                        f"'{kode}' sudah dipakai indikator lain ({per_kode[kode].nama[:60]}).",
                    )
            elif kode:
                lama = per_kode.get(kode)
            else:
                self.salah(
                    sheet,
                    nomor,
                    "kode_indikator",
                    "kosong; isi kode_indikator (indikator baru) atau id_indikator.",
                )
                continue
            kunci = ("id", lama.pk) if lama else ("kode", kode)
            if kunci in dilihat:
                self.salah(sheet, nomor, None, f"indikator ini juga ada di baris {dilihat[kunci]}.")
                continue
            data_baru: dict = {}
            if kode or lama is None:
                data_baru["kode"] = kode
            for kolom, (attr, jenis) in KOLOM_INDIKATOR.items():
                if kolom not in data:
                    continue
                isi = data.get(kolom)
                if jenis == "teks":
                    data_baru[attr] = _teks(isi)
                elif jenis is bool:
                    t = _teks(isi).lower()
                    if t in _YA or isi is True:
                        data_baru[attr] = True
                    elif t in _TIDAK or isi is False:
                        data_baru[attr] = False
                    else:
                        self.salah(
                            sheet,
                            nomor,
                            kolom,
                            f"'{_teks(isi)}' tidak dikenal (isi: ya atau tidak).",
                        )
                elif _teks(isi) == "":
                    continue  # keep the current value (the model default for a new indicator)
                else:
                    nilai = _pilihan(jenis, isi)
                    if nilai is None:
                        self.salah(
                            sheet,
                            nomor,
                            kolom,
                            f"'{_teks(isi)}' tidak dikenal (pilih: {_daftar_pilihan(jenis)}).",
                        )
                    data_baru[attr] = nilai
            if "nama" in data_baru and not data_baru["nama"]:
                self.salah(sheet, nomor, "nama_indikator", "kosong; isi nama indikator.")
            elif lama is None and "nama" not in data_baru:
                self.salah(sheet, nomor, "nama_indikator", "kosong; isi nama indikator.")
            if "nomor_sasaran" in data and _teks(data.get("nomor_sasaran")):
                try:
                    no = _bulat(data.get("nomor_sasaran"))
                except BukanAngka as e:
                    self.salah(sheet, nomor, "nomor_sasaran", str(e))
                else:
                    if no not in sasaran:
                        self.salah(
                            sheet,
                            nomor,
                            "nomor_sasaran",
                            f"sasaran {no} tidak ada di lembar 'Sasaran' maupun di {self.org}.",
                        )
                    else:
                        data_baru["sasaran"] = sasaran[no]
            elif lama is None:
                self.salah(
                    sheet,
                    nomor,
                    "nomor_sasaran",
                    "kosong; indikator baru memerlukan nomor sasaran.",
                )
            frek = data_baru.get("frekuensi")
            if lama is not None and frek and frek != lama.frekuensi:
                lain = jenis_realisasi.get(lama.pk, set()) - {"tahun", frek}
                if lain:
                    self.salah(
                        sheet,
                        nomor,
                        "frekuensi",
                        f"indikator ini sudah punya realisasi {', '.join(sorted(lain))}; "
                        "frekuensinya tidak dapat diubah lewat impor.",
                    )
            if len(self.galat) > g:
                continue
            dilihat[kunci] = nomor
            if lama is None:
                hasil[("kode", kode)] = kode
            # a new sasaran's nomor stays an int until the apply creates it
            self.tambah(sheet, nomor, "indikator", f"Indikator {kode or lama.pk}", lama, data_baru)
        return hasil

    # --- Target Renstra -------------------------------------------------------------------

    def target(self, sheet: _Sheet, indikator: dict) -> None:
        tahun_kolom: dict[str, int] = {}
        for k in sheet.judul:
            try:
                t = _bulat(k)
            except BukanAngka:
                continue
            if t is not None and 1000 <= t <= 9999:
                tahun_kolom[k] = t
        if not tahun_kolom and sheet.baris:
            self.salah(sheet, None, None, "tidak ada kolom tahun (contoh: 2024) di baris judul.")
            return
        ada = {
            (t.indikator_id, t.sumber, t.tahun): t
            for t in TargetRenstra.objects.filter(indikator__organisasi=self.org)
        }
        dilihat: dict = {}
        for nomor, data in sheet.baris:
            g = len(self.galat)
            ind = None
            id_teks, kode = data.get("id_indikator"), _teks(data.get("kode_indikator"))
            if _teks(id_teks):
                try:
                    ind = indikator.get(("id", _bulat(id_teks)))
                except BukanAngka as e:
                    self.salah(sheet, nomor, "id_indikator", str(e))
                    continue
                if ind is None:
                    self.salah(
                        sheet,
                        nomor,
                        "id_indikator",
                        f"'{_teks(id_teks)}' bukan indikator {self.org}.",
                    )
            elif kode:
                ind = indikator.get(("kode", kode))
                if ind is None:
                    self.salah(
                        sheet,
                        nomor,
                        "kode_indikator",
                        f"'{kode}' tidak ada di lembar 'Indikator' maupun di {self.org}.",
                    )
            else:
                self.salah(
                    sheet, nomor, "kode_indikator", "kosong; isi id_indikator atau kode_indikator."
                )
            sumber = (
                _pilihan(SumberTarget, data.get("sumber"))
                if _teks(data.get("sumber"))
                else SumberTarget.RENSTRA
            )
            if sumber is None:
                self.salah(
                    sheet,
                    nomor,
                    "sumber",
                    f"'{_teks(data.get('sumber'))}' tidak dikenal (pilih: {_daftar_pilihan(SumberTarget)}).",
                )
            if len(self.galat) > g:
                continue
            kunci_baris = (ind.pk if isinstance(ind, Indikator) else ind, sumber)
            if kunci_baris in dilihat:
                self.salah(
                    sheet,
                    nomor,
                    None,
                    f"indikator dan sumber yang sama juga di baris {dilihat[kunci_baris]}.",
                )
                continue
            dilihat[kunci_baris] = nomor
            kualitatif = isinstance(ind, Indikator) and ind.jenis_target == JenisTarget.KUALITATIF
            for k, tahun in tahun_kolom.items():
                isi = data.get(k)
                if isi is None or (isinstance(isi, str) and not isi.strip()):
                    continue  # an empty cell never deletes a target
                lama = ada.get((ind.pk, sumber, tahun)) if isinstance(ind, Indikator) else None
                try:
                    nilai, teks = baca_angka(isi), ""
                except BukanAngka as e:
                    teks = _teks(isi)
                    if not (kualitatif or (lama is not None and lama.nilai_teks == teks)):
                        self.salah(sheet, nomor, k, f"target {tahun}: {e}")
                        continue
                    nilai = None
                if nilai is not None and nilai < 0:
                    self.salah(
                        sheet,
                        nomor,
                        k,
                        f"target {tahun}: '{_teks(isi)}' negatif; target tidak boleh negatif.",
                    )
                    continue
                data_baru = {"nilai": nilai, "nilai_teks": teks}
                if lama is None:
                    data_baru |= {"tahun": tahun, "sumber": sumber}
                nama = kode or (ind.kode if isinstance(ind, Indikator) else "")
                self.tambah(
                    sheet, nomor, "target", f"Target {nama} {sumber} {tahun}", lama, data_baru
                )
                self.r.baris[-1].data["indikator"] = ind


def rencana_renstra(
    *, organisasi: Organisasi, tahun: int, isi: bytes, nama_berkas: str
) -> RencanaRenstra:
    """Dry run of a Renstra import: each row's action (baru/ubah/tanpa perubahan) and every error."""
    rencana = RencanaRenstra("renstra", nama_berkas)
    galat = rencana.galat
    buku = _buka(isi, nama_berkas, galat, INDIKATOR)
    if buku is None:
        return rencana
    lembar = {n: _Sheet(buku, n, galat) for n in LEMBAR_RENSTRA}
    if not any(s.ada for s in lembar.values()):
        daftar = ", ".join(f"'{n}'" for n in LEMBAR_RENSTRA)
        galat.append(
            Galat(INDIKATOR, None, None, f"berkas tidak memuat lembar Renstra ({daftar}).")
        )
        return rencana
    renstra_ada = list(
        Renstra.objects.filter(
            organisasi=organisasi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun
        ).order_by("-tahun_awal")
    )
    rencana.renstra = renstra_ada[0] if renstra_ada else None
    p = _Perencana(organisasi, tahun, rencana)
    tujuan = p.tujuan(lembar[TUJUAN], renstra_ada)
    sasaran = p.sasaran(lembar[SASARAN], tujuan)
    indikator = p.indikator(lembar[INDIKATOR], sasaran)
    if lembar[TARGET].ada:
        p.target(lembar[TARGET], indikator)
    return rencana
