"""Retention of the duplicate-detection fingerprints (KINERJA_SURVEI_RETENSI_HARI)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from kinerja.survei.layanan import IsianRespon, respon_simpan
from kinerja.survei.models import Respon

pytestmark = pytest.mark.django_db


def _lama(dunia, hari):
    return respon_simpan(
        putaran=dunia["p"],
        isian=IsianRespon(
            jawaban={f"F{i}": 4 for i in range(1, 10)},
            demografi={"jenis_kelamin": "L", "usia": "17-25", "pendidikan": "sma", "pekerjaan": "swasta"},
            telepon="08120000000", alamat_klien="10.0.0.1",
            diterima_pada=timezone.now() - dt.timedelta(days=hari),
        ),
        saluran="web",
    )  # fmt: skip


def test_periksa_menghitung(dunia, settings):
    settings.KINERJA_SURVEI_RETENSI_HARI = 30
    _lama(dunia, 40)
    _lama(dunia, 5)
    out = io.StringIO()
    call_command("survei_hapus_sidik", "--periksa", stdout=out)
    assert out.getvalue().startswith("1 respon lebih tua dari 30 hari")


def test_model_hanya_mengizinkan_sidik_dikosongkan(dunia):
    """Retention may blank the fingerprints, nothing else: answers, saran and a non-empty
    fingerprint stay immutable."""
    r = _lama(dunia, 400)
    qs = Respon.objects.filter(pk=r.pk)
    with pytest.raises(RuntimeError, match="tidak boleh diubah"):
        qs.update(hash_telepon="palsu")
    with pytest.raises(RuntimeError, match="tidak boleh diubah"):
        qs.update(hash_alamat="", saran="diubah")
    r.saran = "diubah"
    with pytest.raises(RuntimeError, match="tidak dapat diubah"):
        r.save()
    assert qs.update(hash_telepon="", hash_alamat="", id_perangkat="") == 1
    r = Respon.objects.get(pk=r.pk)
    assert (r.hash_telepon, r.hash_alamat, r.saran) == ("", "", "")


def test_sidik_lama_dihapus(dunia):
    lama, baru = _lama(dunia, 400), _lama(dunia, 1)
    call_command("survei_hapus_sidik", "--hari", "180", stdout=io.StringIO())
    lama.refresh_from_db()
    baru.refresh_from_db()
    assert (lama.hash_telepon, lama.hash_alamat) == ("", "")
    assert baru.hash_telepon and baru.hash_alamat
    assert lama.jawaban.count() == 9
