"""Load questionnaires from their JSON definition (survei/data/*.json) into the database.

A questionnaire version is data, not code: a new wording or a new unsur is a new file with
a higher `versi`. Loading is idempotent: a (kode, versi) already present is returned as is,
because responses may already point at its items.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from kinerja.survei.models import Butir, IsianDemografi, JenisKuesioner, Kuesioner, Layanan, Unsur

DATA = Path(__file__).resolve().parent / "data"
KUESIONER_BAKU = {
    "skm": DATA / "skm-kelurahan-dki-v1.json",
    "koordinasi": DATA / "iek-asisten-dki-v1.json",
}


def baca(berkas: Path | str) -> dict:
    return json.loads(Path(berkas).read_text(encoding="utf-8"))


def _periksa(d: dict) -> None:
    for kunci in ("kode", "versi", "nama", "jenis", "label_jawaban", "unsur", "butir"):
        if kunci not in d:
            raise ValidationError(f"kuesioner: bidang '{kunci}' wajib ada")
    if d["jenis"] not in JenisKuesioner.values:
        raise ValidationError(f"kuesioner {d['kode']}: jenis '{d['jenis']}' tidak dikenal")
    if len(d["label_jawaban"]) != 4:
        raise ValidationError(
            f"kuesioner {d['kode']}: label_jawaban harus 4 (nilai 1-4), ada {len(d['label_jawaban'])}"
        )
    kunci_unsur = [u["kunci"] for u in d["unsur"]]
    if len(set(kunci_unsur)) != len(kunci_unsur):
        raise ValidationError(f"kuesioner {d['kode']}: kunci unsur ganda")
    for b in d["butir"]:
        if b["unsur"] not in kunci_unsur:
            raise ValidationError(
                f"kuesioner {d['kode']}: butir {b['kode']} menunjuk unsur '{b['unsur']}' yang tidak ada"
            )
    kosong = set(kunci_unsur) - {b["unsur"] for b in d["butir"]}
    if kosong:
        raise ValidationError(
            f"kuesioner {d['kode']}: unsur tanpa butir: {', '.join(sorted(kosong))}"
        )


@transaction.atomic
def kuesioner_muat(data: dict | Path | str) -> Kuesioner:
    """Create the questionnaire version described by `data` (dict or JSON file) if absent."""
    d = data if isinstance(data, dict) else baca(data)
    _periksa(d)
    ada = Kuesioner.objects.filter(kode=d["kode"], versi=d["versi"]).first()
    if ada is not None:
        return ada
    k = Kuesioner.objects.create(
        kode=d["kode"],
        versi=d["versi"],
        nama=d["nama"],
        jenis=d["jenis"],
        metode=d.get("metode", "PermenPAN-RB 14/2017"),
        bobot=d.get("bobot", "1/9"),
        label_jawaban=d["label_jawaban"],
        pengantar=d.get("pengantar", ""),
        pertanyaan_saran=d.get("pertanyaan_saran", ""),
        responden=d.get("responden", ""),
        sumber=d.get("sumber", ""),
    )
    unsur = {}
    for i, u in enumerate(d["unsur"], start=1):
        unsur[u["kunci"]] = Unsur.objects.create(
            kuesioner=k, kunci=u["kunci"], kode=u["kode"], nama=u["nama"], urutan=i
        )
    for i, b in enumerate(d["butir"], start=1):
        Butir.objects.create(
            kuesioner=k,
            unsur=unsur[b["unsur"]],
            kode=b["kode"],
            teks=b["teks"],
            keterangan=b.get("keterangan", ""),
            urutan=i,
        )
    for i, isian in enumerate(d.get("demografi", []), start=1):
        IsianDemografi.objects.create(
            kuesioner=k,
            kunci=isian["kunci"],
            label=isian["label"],
            pilihan=isian.get("pilihan", []),
            wajib=isian.get("wajib", False),
            urutan=i,
        )
    for i, lay in enumerate(d.get("layanan", []), start=1):
        obj, _ = Layanan.objects.get_or_create(
            kode=lay["kode"], defaults={"nama": lay["nama"], "urutan": i}
        )
        k.layanan.add(obj)
    return k


def kuesioner_baku(jenis: str) -> Kuesioner:
    """The shipped questionnaire of this jenis ("skm" or "koordinasi"), loaded if needed."""
    return kuesioner_muat(KUESIONER_BAKU[jenis])
