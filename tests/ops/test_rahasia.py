"""Secrets (issue 14): no public fallback SECRET_KEY; a separate HMAC key for fingerprints.

Before the fix, `KINERJA_DEBUG=0` without `KINERJA_SECRET_KEY` ran on the public key
"kinerja-dev-only-key-not-for-production": kiosk cookies could be forged and phone-number
fingerprints (HMAC with SECRET_KEY) reversed by trying every number.
"""

from __future__ import annotations

import hashlib
import hmac
import stat

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.crypto import salted_hmac

from kinerja import rahasia
from kinerja.cli.demo import siapkan_kunci
from kinerja.survei.layanan import sidik
from kinerja.survei.models import Respon
from tests.ops.bantu import KUNCI_KUAT, env_bersih, jalankan
from tests.survei_publik.conftest import csrf, data_isian

PESAN = "KINERJA_SECRET_KEY belum diisi"


@pytest.mark.parametrize("perintah", [["check"], ["serve", "--alamat", "127.0.0.1:8139"]])
def test_tanpa_secret_key_debug_mati_menolak_berjalan(tmp_path, perintah):
    """Acceptance: `./kinerja check` and `./kinerja serve` exit non-zero with the message."""
    r = jalankan(perintah, env_bersih(tmp_path, KINERJA_DEBUG="0"))
    assert r.returncode != 0, r.stdout + r.stderr
    assert PESAN in r.stderr and "kunci acak" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr  # a message for an operator, not a stack trace
    assert not (tmp_path / "rahasia").exists()  # nothing invented on the way


def test_tidak_ada_kunci_umum_di_pengaturan():
    teks = (rahasia.__file__, rahasia.__file__.replace("rahasia.py", "settings.py"))
    for jalur in teks:
        isi = open(jalur, encoding="utf-8").read()
        assert "dev-only-key" not in isi and "not-for-production" not in isi


def test_demo_membuat_kunci_acak_0600_lalu_memakainya_lagi(tmp_path, monkeypatch):
    monkeypatch.delenv("KINERJA_SECRET_KEY")
    monkeypatch.delenv("KINERJA_KUNCI_SIDIK")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "a"))
    dibuat = siapkan_kunci()
    assert len(dibuat) == 2
    berkas = rahasia.berkas_kunci(tmp_path / "a", "secret_key")
    sidik_ = rahasia.berkas_kunci(tmp_path / "a", "kunci_sidik")
    assert stat.S_IMODE(berkas.stat().st_mode) == 0o600
    assert stat.S_IMODE(berkas.parent.stat().st_mode) == 0o700
    isi = berkas.read_text()
    assert siapkan_kunci() == [] and berkas.read_text() == isi  # reused, not redrawn
    assert isi.strip() != sidik_.read_text().strip()
    monkeypatch.setenv("KINERJA_DATA_DIR", str(tmp_path / "b"))
    siapkan_kunci()
    assert rahasia.berkas_kunci(tmp_path / "b", "secret_key").read_text() != isi  # per install
    # the settings of that installation start with the demo's key, debug off
    r = jalankan(["check"], env_bersih(tmp_path / "a", KINERJA_DEBUG="0"))
    assert r.returncode == 0, r.stderr


def test_berkas_kunci_yang_terbaca_pengguna_lain_ditolak(tmp_path):
    jalur = rahasia.buat_berkas(tmp_path, "secret_key")
    rahasia.buat_berkas(tmp_path, "kunci_sidik")
    jalur.chmod(0o644)
    r = jalankan(["check"], env_bersih(tmp_path))
    assert r.returncode != 0 and "chmod 600" in r.stderr, r.stderr


def test_produksi_hanya_menerima_kunci_dari_lingkungan(tmp_path):
    rahasia.buat_berkas(tmp_path, "secret_key")
    rahasia.buat_berkas(tmp_path, "kunci_sidik")
    r = jalankan(["check"], env_bersih(tmp_path, KINERJA_PRODUKSI="1"))
    assert r.returncode != 0 and "KINERJA_PRODUKSI=1" in r.stderr, r.stderr


def test_kunci_pendek_dan_kunci_sidik_sama_ditolak(tmp_path):
    r = jalankan(["check"], env_bersih(tmp_path, KINERJA_SECRET_KEY="rahasia"))
    assert r.returncode != 0 and "terlalu pendek" in r.stderr, r.stderr
    r = jalankan(
        ["check"],
        env_bersih(tmp_path, KINERJA_SECRET_KEY=KUNCI_KUAT, KINERJA_KUNCI_SIDIK=KUNCI_KUAT),
    )
    assert r.returncode != 0 and "tidak boleh sama" in r.stderr, r.stderr


def test_sidik_data_pribadi_memakai_kunci_hmac_sendiri(settings):
    nomor = "0812-3456-7890"
    h = sidik("telepon", nomor)
    assert h.startswith("s2") and len(h) == 64
    # never derived from the Django key: the old construction does not give it ...
    assert h != salted_hmac("kinerja.survei.telepon", "81234567890", algorithm="sha256").hexdigest()
    settings.SECRET_KEY = "lain-" + KUNCI_KUAT
    assert sidik("telepon", nomor) == h  # ... and changing SECRET_KEY leaves it alone
    settings.KINERJA_KUNCI_SIDIK = "kunci-sidik-lain-" + KUNCI_KUAT
    h2 = sidik("telepon", nomor)
    assert h2 != h
    harap = hmac.new(
        settings.KINERJA_KUNCI_SIDIK.encode(), b"kinerja.survei.telepon:81234567890", hashlib.sha256
    ).hexdigest()
    assert h2 == "s2" + harap[:62]
    assert sidik("telepon", "+62 812 3456 7890") == h2  # one number, one fingerprint


def test_sidik_berkunci_lama_dihapus_yang_baru_tetap(client, dunia):
    url = reverse("publik_formulir", args=[dunia["t"].kode])
    for telepon in ("0811111111", "0822222222"):
        r = client.post(url, data_isian(telepon=telepon, csrfmiddlewaretoken=csrf(client, url)))
        assert r.status_code == 302
    lama, baru = Respon.objects.filter(putaran=dunia["p"]).order_by("pk")
    assert lama.hash_telepon.startswith("s2") and lama.hash_alamat.startswith("s2")
    # a fingerprint from before the fix: 64 hex digits, HMAC with SECRET_KEY
    QuerySet(Respon).filter(pk=lama.pk).update(hash_telepon="ab" * 32, hash_alamat="cd" * 32)
    call_command("survei_hapus_sidik", "--kunci-lama")
    lama.refresh_from_db()
    baru.refresh_from_db()
    assert lama.hash_telepon == lama.hash_alamat == ""
    assert baru.hash_telepon.startswith("s2") and baru.hash_alamat.startswith("s2")


def test_kuki_kios_yang_ditandatangani_kunci_umum_lama_ditolak(client, dunia, settings):
    """The attack of the finding: sign a kiosk device cookie with the formerly public
    development key. Accepted before the fix (it was the running key); refused now."""
    from django.core import signing

    from kinerja.survei_publik.views import GARAM_KIOS, KUKI_KIOS

    def kuki(kunci):
        penanda = signing.TimestampSigner(
            key=signing._cookie_signer_key(kunci), salt=KUKI_KIOS + GARAM_KIOS
        )
        return penanda.sign("kios-penyerang")

    url = reverse("publik_kios", args=[dunia["t"].kode])
    client.cookies[KUKI_KIOS] = kuki(settings.SECRET_KEY)  # control: the real key works
    assert client.get(url).status_code == 200
    client.cookies[KUKI_KIOS] = kuki("kinerja-dev-only-key-" + "not-for-production")
    r = client.get(url)
    assert r.status_code == 403  # "aktifkan kios dulu": the forged device is not a kiosk


def test_check_deploy_memperingatkan_kunci_dari_berkas_demo(tmp_path):
    siapkan = env_bersih(tmp_path)
    rahasia.buat_berkas(tmp_path, "secret_key")
    rahasia.buat_berkas(tmp_path, "kunci_sidik")
    r = jalankan(
        ["check", "--deploy"],
        {**siapkan, "KINERJA_HTTPS": "1", "KINERJA_ALLOWED_HOSTS": "kinerja.example.go.id"},
    )
    assert r.returncode == 0 and "kinerja.W001" in r.stderr and "KINERJA_PRODUKSI" in r.stderr
