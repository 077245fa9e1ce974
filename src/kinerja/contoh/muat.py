"""Load a transcribed example (JSON fixtures in `contoh/data/<slug>/`) into the database.

`muat_contoh(slug="jakarta-pusat")` is a service: one transaction, idempotent (every row is
found by its natural key and written only when a value differs, so a second run changes
nothing and adds no history rows). Database ids are never stored in the fixtures; they are
resolved here from natural keys (organisation slug, sasaran number, indicator code).

Realisasi are published, already verified figures: they enter with status `diverifikasi`
and an append-only `PeristiwaRealisasi` with aksi "impor" naming the source table, so the
audit trail shows where every number came from.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from kinerja.contoh.simpan import sama, simpan_angka_terbit, simpan_bila_berubah
from kinerja.evaluasi.models import (
    EvaluasiSakip,
    NilaiKomponenEvaluasi,
    TemuanEvaluasi,
    TindakLanjutBPK,
)
from kinerja.organisasi.models import Organisasi, StatistikUnit
from kinerja.pengukuran.models import (
    AksiRealisasi,
    AngkaTerbit,
    NilaiPembanding,
    PeristiwaRealisasi,
    Realisasi,
    StatusRealisasi,
)
from kinerja.perencanaan.models import (
    ButirPK,
    Indikator,
    IndikatorKeluaran,
    PerjanjianKinerja,
    PerubahanTarget,
    ProgramAnggaran,
    RealisasiLangkah,
    RencanaAksi,
    Renstra,
    RevisiPK,
    Sasaran,
    TargetLangkah,
    TargetRenstra,
    TingkatAnggaran,
    Tujuan,
)

DATA = Path(__file__).parent / "data"


class ContohTidakDikenal(ValueError):
    pass


def _dec(x) -> Decimal | None:
    """Numbers in the fixtures are strings; never let a float through."""
    if x is None or x == "":
        return None
    if isinstance(x, float):
        raise TypeError(f"angka {x!r} harus ditulis sebagai teks, bukan float")
    return Decimal(str(x))


class _Pemuat:
    # the workflow event's reason of an imported realisasi
    ALASAN_IMPOR = "Dimuat dari {sumber} (angka terbit, dianggap terverifikasi)."

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.jumlah: Counter = Counter()
        self.baru: Counter = Counter()
        self.diubah: Counter = Counter()
        self.org: dict[str, Organisasi] = {}
        self.sasaran: dict[tuple[str, int], Sasaran] = {}
        self.indikator: dict[tuple[str, str], Indikator] = {}

    def baca(self, nama: str) -> dict:
        with open(self.folder / nama, encoding="utf-8") as f:
            return json.load(f)

    def simpan(self, model, kunci: dict, nilai: dict, *, label: str | None = None):
        """get-or-create by natural key; save only when a value differs (no empty history rows)."""
        obj, perubahan = simpan_bila_berubah(
            model,
            kunci,
            nilai,
            alasan_baru="dimuat dari contoh",
            alasan_ubah="diperbarui dari contoh",
        )
        self._hitung(model, perubahan, label)
        return obj

    def _hitung(self, model, perubahan: str, label: str | None = None) -> None:
        label = label or model._meta.model_name
        self.jumlah[label] += 1
        if perubahan == "baru":
            self.baru[label] += 1
        elif perubahan == "diubah":
            self.diubah[label] += 1

    # --- organisasi -----------------------------------------------------------------------

    def organisasi(self):
        for o in self.baca("organisasi.json")["organisasi"]:
            self.org[o["slug"]] = self.simpan(
                Organisasi,
                {"slug": o["slug"]},
                {
                    "nama": o["nama"],
                    "jenis": o["jenis"],
                    "induk": self.org[o["induk"]] if o.get("induk") else None,
                    "koordinator": self.org[o["koordinator"]] if o.get("koordinator") else None,
                    "alamat": o.get("alamat", ""),
                    "urutan": o.get("urutan", 0),
                },
            )
        for s in self.baca("statistik.json")["statistik"]:
            self.simpan(
                StatistikUnit,
                {
                    "organisasi": self.org[s["organisasi"]],
                    "tahun": s["tahun"],
                    "kategori": s["kategori"],
                    "butir": s["butir"],
                },
                {"nilai": _dec(s["nilai"]), "satuan": s["satuan"], "sumber": s["sumber"]},
            )

    # --- perencanaan ------------------------------------------------------------------------

    def perencanaan(self):
        data = self.baca("perencanaan.json")
        r = data["renstra"]
        renstra = self.simpan(
            Renstra,
            {"organisasi": self.org[r["organisasi"]], "tahun_awal": r["tahun_awal"]},
            {
                "nama": r["nama"],
                "tahun_akhir": r["tahun_akhir"],
                "acuan_rpd": r["acuan_rpd"],
                "dasar_hukum": r.get("dasar_hukum", ""),
            },
        )
        tujuan = {}
        for t in r["tujuan"]:
            tujuan[t["urutan"]] = self.simpan(
                Tujuan,
                {"renstra": renstra, "kode": t["kode"]},
                {"uraian": t["uraian"], "urutan": t["urutan"]},
            )
        for s in data["sasaran"]:
            org = self.org[s["organisasi"]]
            induk = self.sasaran[tuple(s["induk"])] if s.get("induk") else None
            self.sasaran[(s["organisasi"], s["nomor"])] = self.simpan(
                Sasaran,
                {"organisasi": org, "nomor": s["nomor"]},
                {
                    "kelompok": s["kelompok"],
                    "uraian": s["uraian"],
                    "renstra": renstra if s.get("renstra") else None,
                    "tujuan": tujuan.get(s.get("tujuan")),
                    "induk": induk,
                },
            )
        for i in data["indikator"]:
            self.indikator[(i["organisasi"], i["kode"])] = self.simpan(
                Indikator,
                {"organisasi": self.org[i["organisasi"]], "kode": i["kode"]},
                {
                    "sasaran": self.sasaran[(i["organisasi"], i["sasaran"])],
                    "nama": i["nama"],
                    "satuan": i.get("satuan", ""),
                    "polaritas": i["polaritas"],
                    "jenis_target": i["jenis_target"],
                    "skala_ordinal": i.get("skala_ordinal", ""),
                    "frekuensi": i["frekuensi"],
                    "cara_agregasi": i["cara_agregasi"],
                    "definisi_operasional": i.get("definisi_operasional", ""),
                    "sumber_data": i.get("sumber_data", ""),
                    "iku": i.get("iku", False),
                    "urutan": i.get("urutan", 0),
                },
            )
        for t in r["target"]:
            self.simpan(
                TargetRenstra,
                {
                    "indikator": self.ind(r["organisasi"], t["indikator"]),
                    "tahun": t["tahun"],
                    "sumber": t["sumber"],
                },
                {"nilai": _dec(t["nilai"])},
            )

    def ind(self, org: str, kode: str) -> Indikator:
        return self.indikator[(org, kode)]

    def perjanjian_kinerja(self):
        dokumen: dict[tuple[str, int], PerjanjianKinerja] = {}
        for p in self.baca("perjanjian_kinerja.json")["perjanjian_kinerja"]:
            # A lower level's PK names the PK it cascades from: ["<slug>", <tahun>], listed earlier.
            induk = dokumen[tuple(p["induk"])] if p.get("induk") else None
            pk = self.simpan(
                PerjanjianKinerja,
                {"organisasi": self.org[p["organisasi"]], "tahun": p["tahun"]},
                {
                    "pihak_pertama_jabatan": p["pihak_pertama_jabatan"],
                    "pihak_kedua_jabatan": p.get("pihak_kedua_jabatan", ""),
                    "tempat": p.get("tempat", ""),
                    "induk": induk,
                },
            )
            dokumen[(p["organisasi"], p["tahun"])] = pk
            # The current target is the last revision's; the fixture lists the original one.
            terkini = {
                u["indikator"]: u["target_baru"]
                for rev in p.get("revisi", [])
                for u in rev["perubahan"]
            }
            butir = {}
            for b in p["butir"]:
                butir[b["indikator"]] = self.simpan(
                    ButirPK,
                    {"pk_dokumen": pk, "indikator": self.ind(p["organisasi"], b["indikator"])},
                    {
                        "target": _dec(terkini.get(b["indikator"], b.get("target"))),
                        "target_teks": b.get("target_teks", ""),
                        "urutan": b.get("urutan", 0),
                    },
                )
            for rev in p.get("revisi", []):
                # RevisiPK is append-only (keputusan 0028): a recorded revision stays as it is
                revisi = RevisiPK.objects.filter(pk_dokumen=pk, nomor=rev["nomor"]).first()
                if revisi is not None:
                    self.jumlah["revisipk"] += 1
                else:
                    revisi = self.simpan(
                        RevisiPK,
                        {"pk_dokumen": pk, "nomor": rev["nomor"]},
                        {
                            "dasar_hukum": rev["dasar_hukum"],
                            "alasan": rev["alasan"],
                            "nomor_surat": rev.get("nomor_surat", ""),
                        },
                    )
                for u in rev["perubahan"]:
                    self.simpan(
                        PerubahanTarget,
                        {"revisi": revisi, "butir": butir[u["indikator"]]},
                        {
                            "target_lama": _dec(u["target_lama"]),
                            "target_baru": _dec(u["target_baru"]),
                        },
                    )

    # --- pengukuran -------------------------------------------------------------------------

    def realisasi(self):
        for r in self.baca("realisasi.json")["realisasi"]:
            self._impor_realisasi(r)

    def _impor_realisasi(self, r: dict) -> Realisasi:
        """A published, verified figure: status set here explicitly and an "impor" event
        recorded (with old and new values when a reload changes it)."""
        self.jumlah["realisasi"] += 1
        indikator = self.ind(r["organisasi"], r["indikator"])
        kunci = {
            "indikator": indikator,
            "tahun": r["tahun"],
            "jenis_periode": r["jenis_periode"],
            "ke": r["ke"],
        }
        nilai = {
            "nilai": _dec(r["nilai"]),
            "nilai_teks": r.get("nilai_teks", ""),
            "sumber": r["sumber"],
            "penjelasan": r.get("penjelasan", ""),
        }
        obj = Realisasi.objects.filter(**kunci).first()
        if obj is None:
            obj = Realisasi(organisasi=indikator.organisasi, **kunci, **nilai)
            dari, perubahan = (
                "",
                {k: [None, _teks(v)] for k, v in nilai.items() if v not in ("", None)},
            )
            self.baru["realisasi"] += 1
        else:
            perubahan = {
                k: [_teks(getattr(obj, k)), _teks(v)]
                for k, v in nilai.items()
                if not sama(getattr(obj, k), v)
            }
            if not perubahan and obj.status == StatusRealisasi.DIVERIFIKASI:
                return obj
            dari = obj.status
            for k, v in nilai.items():
                setattr(obj, k, v)
            self.diubah["realisasi"] += 1
        obj.status = StatusRealisasi.DIVERIFIKASI
        obj._change_reason = f"impor {r['sumber']}"
        obj.save()
        PeristiwaRealisasi.objects.create(
            realisasi=obj,
            aksi=AksiRealisasi.IMPOR,
            dari_status=dari,
            ke_status=obj.status,
            aktor=None,
            alasan=self.ALASAN_IMPOR.format(sumber=r["sumber"]),
            perubahan=perubahan,
        )
        return obj

    def pembanding(self):
        for p in self.baca("pembanding.json")["nilai_pembanding"]:
            self.simpan(
                NilaiPembanding,
                {
                    "indikator": self.ind(p.get("organisasi", self.kota), p["indikator"]),
                    "tahun": p["tahun"],
                    "nama": p["nama"],
                },
                {
                    "nilai": _dec(p["nilai"]),
                    "standar_nasional": p["standar_nasional"],
                    "organisasi_pembanding": self._unit(p.get("organisasi_pembanding")),
                    "sumber": p["sumber"],
                    "urutan": p["urutan"],
                },
            )

    def _unit(self, slug: str | None) -> Organisasi | None:
        """A unit of this example, or one loaded by another (the peers of
        `contoh.kota_lain`); None while it does not exist."""
        if not slug:
            return None
        if slug not in self.org:
            lain = Organisasi.objects.filter(slug=slug).first()
            if lain is None:
                return None
            self.org[slug] = lain
        return self.org[slug]

    def angka_terbit(self):
        for a in self.baca("angka_terbit.json")["angka_terbit"]:
            slug = a.get("organisasi", self.kota)
            if "indikator" in a:
                ref = self.ind(slug, a["indikator"]).pk
            elif "sasaran" in a:
                ref = self.sasaran[(slug, a["sasaran"])].pk
            else:
                ref = None
            kunci = a["jenis"] if ref is None else f"{a['jenis']}:{ref}"
            if a.get("akhiran"):
                kunci += f":{a['akhiran']}"
            perubahan = simpan_angka_terbit(
                self.org[slug],
                a["tahun"],
                kunci,
                uraian=a["uraian"],
                sumber=a["sumber"],
                nilai=a.get("nilai"),
                nilai_teks=a.get("nilai_teks", ""),
                tabel=a["tabel"],
                baris=a["baris"],
                kolom=a["kolom"],
                teks_terbit=a.get("teks_terbit", ""),
            )
            self._hitung(AngkaTerbit, perubahan)

    # --- anggaran, rencana aksi, evaluasi ---------------------------------------------------

    def anggaran(self):
        data = self.baca("anggaran.json")
        org, tahun = self.org[data["organisasi"]], data["tahun"]
        for p in data["program"]:
            program = self._program(org, tahun, TingkatAnggaran.PROGRAM, None, p, p["pagu_awal"])
            sasaran = [self.sasaran[(data["organisasi"], n)] for n in p["sasaran"]]
            if set(program.sasaran.all()) != set(sasaran):
                program.sasaran.set(sasaran)
            for k in p["kegiatan"]:
                self._program(org, tahun, TingkatAnggaran.KEGIATAN, program, k, 0)

    def _program(self, org, tahun, tingkat, induk, isi: dict, pagu_awal) -> ProgramAnggaran:
        """One programme or activity (natural key: unit, year, level, parent, name) with its
        output indicators."""
        program = self.simpan(
            ProgramAnggaran,
            {
                "organisasi": org,
                "tahun": tahun,
                "tingkat": tingkat,
                "induk": induk,
                "nama": isi["nama"],
            },
            {"pagu_awal": _dec(pagu_awal), "pagu": _dec(isi["pagu"]), "urutan": isi["urutan"]},
        )
        self._keluaran(program, isi["indikator_keluaran"])
        return program

    def _keluaran(self, program, daftar):
        for u, ik in enumerate(daftar, start=1):
            self.simpan(
                IndikatorKeluaran,
                {"program": program, "nama": ik["nama"]},
                {
                    "output": ik.get("output", ""),
                    "satuan": ik.get("satuan", ""),
                    "target": _dec(ik.get("target")),
                    "realisasi": _dec(ik.get("realisasi")),
                    "urutan": u,
                },
            )

    def rencana_aksi(self):
        for r in self.baca("rencana_aksi.json")["rencana_aksi"]:
            pj = self.org.get(r.get("penanggung_jawab") or "")
            instansi = r.get("instansi_terkait", "")
            if pj is None and r.get("penanggung_jawab_teks"):
                instansi = f"Penanggung jawab: {r['penanggung_jawab_teks']}" + (
                    f"; terkait: {instansi}" if instansi else ""
                )
            self.simpan(
                RencanaAksi,
                {"organisasi": self.org[self.kota], "tahun": r["tahun"], "uraian": r["uraian"]},
                # a row without an indicator leaves it as it is: the monthly plan
                # (rencana_aksi_bulanan) links those steps to their PK line
                ({"indikator": self.ind(self.kota, r["indikator"])} if r.get("indikator") else {})
                | {
                    "penanggung_jawab": pj,
                    "instansi_terkait": instansi[:300],
                    "kriteria_keberhasilan": r.get("kriteria_keberhasilan", ""),
                    "target_teks": r.get("target_teks", "")[:200],
                    "bulan": r.get("bulan", []),
                },
            )

    def rencana_aksi_bulanan(self):
        """Example monthly plan (labelled DATA CONTOH in the fixture): budget, kegiatan and
        PK line of steps already loaded from the LKIP, their targets per month or quarter,
        and realisasi for every period of 2024 (minus the example shortfalls)."""
        data = self.baca("rencana_aksi_bulanan.json")
        org, tahun = self.org[self.kota], data["tahun"]
        pk = PerjanjianKinerja.objects.get(organisasi=org, tahun=tahun)
        kegiatan = {
            k.nama: k
            for k in ProgramAnggaran.objects.filter(
                organisasi=org, tahun=tahun, tingkat=TingkatAnggaran.KEGIATAN
            )
        }
        for r in data["langkah"]:
            ind = self.ind(self.kota, r["indikator"])
            langkah = self.simpan(
                RencanaAksi,
                {"organisasi": org, "tahun": tahun, "uraian": r["uraian"]},
                {
                    "indikator": ind,
                    "butir": ButirPK.objects.get(pk_dokumen=pk, indikator=ind),
                    "kegiatan": kegiatan[r["kegiatan"]],
                    "anggaran": _dec(r["anggaran"]),
                    "jenis_periode": r["jenis_periode"],
                    "satuan": r["satuan"],
                    "urutan": r["urutan"],
                },
            )
            kali = 3 if r["jenis_periode"] == "triwulan" else 1
            sisa = r.get("kurang", 0)
            for ke in sorted(r["target"], key=int, reverse=True):
                x = _dec(r["target"][ke])
                self.simpan(TargetLangkah, {"rencana_aksi": langkah, "ke": int(ke)}, {"target": x})
                capai = x
                if sisa:
                    capai, sisa = max(x - sisa, Decimal(0)), max(sisa - x, Decimal(0))
                self.simpan(
                    RealisasiLangkah,
                    {"rencana_aksi": langkah, "bulan": int(ke) * kali},
                    {"nilai": capai, "catatan": "data contoh"},
                )

    def evaluasi(self):
        data = self.baca("evaluasi.json")
        org = self.org[self.kota]
        for e in data["evaluasi_sakip"]:
            ev = self.simpan(
                EvaluasiSakip,
                {"organisasi": org, "tahun_dievaluasi": e["tahun_dievaluasi"]},
                {
                    "evaluator": e["evaluator"],
                    "nomor_surat": e["nomor_surat"],
                    "tanggal_surat": date.fromisoformat(e["tanggal_surat"]),
                },
            )
            for u, k in enumerate(e["komponen"], start=1):
                self.simpan(
                    NilaiKomponenEvaluasi,
                    {"evaluasi": ev, "nama": k["nama"]},
                    {"nilai": _dec(k["nilai"]), "urutan": u},
                )
            for u, t in enumerate(e["temuan"], start=1):
                self.simpan(
                    TemuanEvaluasi,
                    {"evaluasi": ev, "urutan": u},
                    {
                        "komponen": t["komponen"],
                        "temuan": t["temuan"],
                        "rekomendasi": t["rekomendasi"],
                        "tindak_lanjut": t["tindak_lanjut"],
                        "status": t["status"],
                    },
                )
        for b in data["tindak_lanjut_bpk"]:
            self.simpan(
                TindakLanjutBPK,
                {"organisasi": org, "tahun_pemeriksaan": b["tahun_pemeriksaan"]},
                {
                    "jumlah_temuan": b["jumlah_temuan"],
                    "selesai": b["selesai"],
                    "keterangan": b["keterangan"],
                },
            )


def _teks(x) -> str | None:
    if x is None:
        return None
    if isinstance(x, Decimal):
        return format(x.normalize(), "f")
    return str(x)


@transaction.atomic
def muat_contoh(slug: str = "jakarta-pusat") -> dict:
    """Load (or refresh) the example `slug`; returns counts per kind of record.

    `jumlah` = rows in the fixtures, `baru` = created now, `diubah` = changed now (both 0
    on a second run)."""
    folder = DATA / slug.replace("-", "_")
    if not folder.is_dir():
        tersedia = ", ".join(sorted(p.name.replace("_", "-") for p in DATA.iterdir() if p.is_dir()))
        raise ContohTidakDikenal(f"Contoh '{slug}' tidak ada; yang tersedia: {tersedia}.")
    m = _Pemuat(folder)
    m.kota = slug
    m.organisasi()
    m.perencanaan()
    m.perjanjian_kinerja()
    m.realisasi()
    m.pembanding()
    m.anggaran()
    m.rencana_aksi()
    m.rencana_aksi_bulanan()
    m.evaluasi()
    m.angka_terbit()
    if slug == "jakarta-pusat":
        # Budget detail (belanja by type, monthly RPD/realisasi, Tabel 67-74) of the budget app.
        from kinerja.anggaran.contoh import muat_anggaran

        muat_anggaran(Organisasi.objects.get(slug=slug))
        # Survey responses reproducing Tabel 31 and 35-37 (docs/survei.md).
        from kinerja.survei.contoh import muat as muat_survei

        muat_survei(slug)
        from kinerja.evaluasi.contoh import muat as muat_evaluasi  # LKE 2024, register

        muat_evaluasi(slug)
    hasil = dict(sorted(m.jumlah.items()))
    hasil["baru"] = sum(m.baru.values())
    hasil["diubah"] = sum(m.diubah.values())
    return hasil
