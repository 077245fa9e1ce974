"""Invitation tokens: issued by staff, stored hashed, single-use even under a race."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse

from kinerja.survei.kuesioner import kuesioner_baku
from kinerja.survei.layanan import putaran_buat
from kinerja.survei.models import Respon
from kinerja.survei_publik import layanan
from kinerja.survei_publik.models import Undangan
from tests import pabrik

pytestmark = pytest.mark.django_db


@pytest.fixture
def iek(dunia):
    """The coordination survey (IEK): 13 butir, rated unit = an asisten, no layanan."""
    asisten = pabrik.organisasi(
        "Asisten Pemerintahan", "asisten", dunia["kota"], slug="asisten-uji"
    )
    k = kuesioner_baku("koordinasi")
    p = putaran_buat(
        kuesioner=k, organisasi=asisten, jenis_periode="semester", tahun=2025, ke=1,
        aktor=dunia["admin"], status="dibuka",
    )  # fmt: skip
    return p


def _isian_iek(p):
    d = {f"b_{b.kode}": "4" for b in p.kuesioner.butir.all()}
    for f in p.kuesioner.demografi.all():
        d[f"d_{f.kunci}"] = str(f.pilihan[0][0]) if f.pilihan else "x"
    d["situs_web"] = ""
    return d


def test_terbitkan_hanya_simpan_hash(dunia, iek):
    baru = layanan.undangan_terbitkan(
        putaran=iek,
        aktor=dunia["admin"],
        jumlah=2,
        penerima=[("Kepala Sudin Uji", "sudin@example.go.id")],
    )
    assert len(baru) == 3 and Undangan.objects.count() == 3
    tokens = {b.token for b in baru}
    assert len(tokens) == 3 and all(len(t) >= 20 for t in tokens)
    simpan = set(Undangan.objects.values_list("hash_token", flat=True))
    assert not tokens & simpan and {layanan.hash_token(t) for t in tokens} == simpan
    with pytest.raises(PermissionDenied):
        layanan.undangan_terbitkan(putaran=iek, aktor=dunia["op_lain"], jumlah=1)


def test_token_sekali_pakai(client, dunia, iek):
    (b,) = layanan.undangan_terbitkan(putaran=iek, aktor=dunia["admin"], jumlah=1)
    url = reverse("publik_undangan", args=[b.token])
    form = client.get(url)
    assert form.status_code == 200 and 'name="telepon"' not in form.content.decode()
    assert form.content.decode().count('type="radio"') == 13 * 4
    r = client.post(url, _isian_iek(iek))
    assert r.status_code == 302 and r["Location"] == reverse("publik_undangan_selesai")
    u = Undangan.objects.get()
    assert u.dipakai_pada is not None and u.respon.saluran == "undangan"
    ulang = client.post(url, _isian_iek(iek))
    assert ulang.status_code == 410 and "sudah dipakai" in ulang.content.decode()
    assert client.get(url).status_code == 410
    assert Respon.objects.count() == 1
    assert client.get(reverse("publik_undangan", args=["token-palsu"])).status_code == 404


def test_balapan_token_satu_respon(dunia, iek, monkeypatch):
    """Both submissions passed the 'unused' check (stale read); the conditional UPDATE lets
    exactly one store its response."""
    (b,) = layanan.undangan_terbitkan(putaran=iek, aktor=dunia["admin"], jumlah=1)
    basi = layanan.undangan_dari_token(b.token)
    monkeypatch.setattr(layanan, "undangan_dari_token", lambda token: basi)

    def isian():
        from kinerja.survei.layanan import IsianRespon

        return IsianRespon(jawaban={x.kode: 3 for x in iek.kuesioner.butir.all()},
                           demografi={f.kunci: f.pilihan[0][0] for f in iek.kuesioner.demografi.all()})  # fmt: skip

    layanan.respon_undangan_simpan(token=b.token, isian=isian())
    with pytest.raises(layanan.TidakMenerima):
        layanan.respon_undangan_simpan(token=b.token, isian=isian())
    assert Respon.objects.count() == 1


def test_perintah_mencetak_tautan(dunia, iek, tmp_path):
    daftar = tmp_path / "penerima.csv"
    daftar.write_text("Kepala Sudin A,a@example.go.id\nKepala Sudin B,\n", encoding="utf-8")
    out = io.StringIO()
    call_command(
        "survei_undangan", "--putaran", str(iek.pk), "--pengguna", "admin_uji", "--jumlah", "1",
        "--penerima", str(daftar), "--url-dasar", "https://kinerja.example.go.id", stdout=out,
    )  # fmt: skip
    baris = list(csv.reader(io.StringIO(out.getvalue())))
    assert baris[0] == ["no", "nama", "surel", "tautan"] and len(baris) == 4
    assert baris[1][1] == "Kepala Sudin A"
    assert all(r[3].startswith("https://kinerja.example.go.id/u/") for r in baris[1:])
    assert Undangan.objects.count() == 3


def test_halaman_kelola_menerbitkan(client, dunia, iek):
    client.force_login(dunia["admin"])
    url = reverse("publik_kelola", args=[iek.pk])
    r = client.post(
        url, {"aksi": "undangan", "jumlah": "2", "penerima": "Pak Uji; uji@example.go.id"}
    )
    html = r.content.decode()
    assert r.status_code == 200 and html.count("/u/") == 3 and "no-store" in r["Cache-Control"]
    client.force_login(dunia["op_lain"])
    assert client.get(url).status_code == 403
