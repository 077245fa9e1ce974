"""The LKIP of the example is the same document before and after a refactor.

Builds Jakarta Pusat 2024 (DOCX, XLSX and the reviu beside them), reads back the DOCX's text
and tables (body, headers, footers), every XLSX cell (value, type, number format) and the
reviu's DOCX and JSON, and compares that with the fingerprint stored in
`data/identitas_lkip_jakarta_pusat_2024.json` (taken on the code before issue 18's
refactor). The build date is replaced by a marker, so the fingerprint holds on any day.

An intended change of the report: rebuild the fingerprint with
`KINERJA_SIDIK_BARU=1 ./kinerja test tests/lkip/test_identitas.py` and commit it with the
change that explains it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from kinerja import angka as fmt
from kinerja.contoh.kota_lain import muat_kota_lain
from kinerja.contoh.muat import muat_contoh
from kinerja.lkip.layanan import bangun_lkip
from kinerja.organisasi.models import Organisasi

pytestmark = pytest.mark.django_db

SIDIK = Path(__file__).parent / "data" / "identitas_lkip_jakarta_pusat_2024.json"
TANGGAL = "<tanggal-bangun>"


def _teks(el) -> str:
    return "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))


def _isi_docx(path: Path, tanggal: str) -> list:
    """Body in order (paragraph text, table rows of cell text), then headers and footers."""
    from docx.table import Table

    doc = Document(path)
    isi = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            teks = _teks(el)
            if teks:
                isi.append(["p", teks.replace(tanggal, TANGGAL)])
        elif tag == "tbl":
            baris = [
                [c.text.replace(tanggal, TANGGAL) for c in r.cells] for r in Table(el, doc).rows
            ]
            isi.append(["tabel", baris])
    for i, s in enumerate(doc.sections):
        for nama in ("header", "footer", "first_page_header", "first_page_footer"):
            bagian = getattr(s, nama)
            teks = _teks(bagian._element) if not bagian.is_linked_to_previous else ""
            if teks:
                isi.append([f"{nama}-{i}", teks.replace(tanggal, TANGGAL)])
    return isi


def _isi_xlsx(path: Path, tanggal: str) -> list:
    wb = load_workbook(path)
    lembar = []
    for ws in wb.worksheets:
        sel = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = c.value
                if isinstance(v, str):
                    v = v.replace(tanggal, TANGGAL)
                else:
                    v = str(v)
                sel.append([c.coordinate, c.data_type, v, c.number_format])
        lembar.append({"nama": ws.title, "sel": sel})
    return lembar


def sidik_lkip(keluar: Path, berkas: list[Path]) -> dict:
    tanggal = fmt.tanggal(timezone.localdate())
    akhir = {b.name.split("-2024", 1)[1]: b for b in berkas}
    reviu_json = akhir["-reviu.docx"].with_suffix(".json")
    return {
        "docx": _isi_docx(akhir[".docx"], tanggal),
        "xlsx": _isi_xlsx(akhir[".xlsx"], tanggal),
        "reviu_docx": _isi_docx(akhir["-reviu.docx"], tanggal),
        "reviu_json": json.loads(reviu_json.read_text(encoding="utf-8").replace(tanggal, TANGGAL)),
    }


def kanonik(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0)


def _beda_pertama(lama, baru, jalur="") -> str:
    if type(lama) is not type(baru):
        return f"{jalur}: {lama!r} -> {baru!r}"
    if isinstance(lama, dict):
        for k in sorted(set(lama) | set(baru)):
            if lama.get(k) != baru.get(k):
                return _beda_pertama(lama.get(k), baru.get(k), f"{jalur}/{k}")
    elif isinstance(lama, list):
        for i, (a, b) in enumerate(zip(lama, baru, strict=False)):
            if a != b:
                return _beda_pertama(a, b, f"{jalur}[{i}]")
        if len(lama) != len(baru):
            return f"{jalur}: {len(lama)} butir -> {len(baru)} butir"
    return f"{jalur}: {lama!r} -> {baru!r}"


@pytest.fixture(scope="module")
def sidik(django_db_setup, django_db_blocker, tmp_path_factory):
    keluar = tmp_path_factory.mktemp("lkip-identitas")
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        muat_kota_lain()  # the demo's peers (keputusan 0058): Bab III compares with them
        org = Organisasi.objects.get(slug="jakarta-pusat")
        h = bangun_lkip(org, 2024, format=["docx", "xlsx"], keluar=keluar)
        data = sidik_lkip(keluar, h.berkas)
        transaction.set_rollback(True)
    return data


def test_lkip_contoh_sama_dengan_sidik_tersimpan(sidik):
    teks = kanonik(sidik)
    sha = hashlib.sha256(teks.encode("utf-8")).hexdigest()
    if os.environ.get("KINERJA_SIDIK_BARU") == "1":
        SIDIK.parent.mkdir(parents=True, exist_ok=True)
        SIDIK.write_text(
            kanonik({"sha256": sha, "isi": sidik}) + "\n",
            encoding="utf-8",
        )
        # then compared like any run: the file written must read back as this build
    tersimpan = json.loads(SIDIK.read_text(encoding="utf-8"))
    if tersimpan["sha256"] != sha:
        pytest.fail(
            "LKIP contoh berubah; perbedaan pertama: " + _beda_pertama(tersimpan["isi"], sidik)
        )
    assert tersimpan["isi"] == sidik
