"""Audit append-only in the database (issue 14): UPDATE and DELETE of audit rows fail.

Before the fix only `save()`/`delete()` of the event models refused; a queryset `.update()`,
`.delete()` on the history, the admin's bulk delete or raw SQL rewrote history silently.
Runs on SQLite and, with DATABASE_URL, on PostgreSQL.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from kinerja.audit.pemicu import TABEL_PERISTIWA, model_audit, tabel_audit, terpasang
from kinerja.pengukuran.layanan import realisasi_simpan
from kinerja.pengukuran.models import PeristiwaRealisasi, Realisasi
from kinerja.survei_publik.layanan import sidik_hapus
from tests import pabrik


def _isi():
    p = pabrik.pohon_kecil()
    ind, _ = pabrik.indikator_pk(p["kel_a"], tahun=2024)
    r = realisasi_simpan(
        indikator=ind, tahun=2024, jenis_periode="tahun", aktor=p["op_a"], nilai="90"
    )
    return p, r


def _ditolak(sql: str, params=()):
    with pytest.raises(DatabaseError) as e, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    assert "hanya boleh ditambah" in str(e.value)


def test_setiap_tabel_audit_berpemicu(db):
    tabel = tabel_audit()
    from simple_history.models import registered_models

    riwayat = {m for m in model_audit() if m.__name__.startswith("Historical")}
    # every model with HistoricalRecords(), found at run time (16 today, more may come)
    semua = {m.history.model for m in registered_models.values()}
    assert len(semua) >= 16 and riwayat == semua
    for label in TABEL_PERISTIWA:
        assert any(m._meta.label == label for m in model_audit()), label
    assert set(tabel) <= terpasang(), set(tabel) - terpasang()


@pytest.mark.parametrize(
    "tabel",
    ["pengukuran_historicalrealisasi", "pengukuran_peristiwarealisasi",
     "perencanaan_historicalbutirpk", "perencanaan_historicalindikator"],
)  # fmt: skip
def test_update_dan_delete_mentah_pada_baris_audit_gagal(db, tabel):
    _isi()
    with connection.cursor() as c:
        c.execute(f"SELECT COUNT(*) FROM {tabel}")
        n = c.fetchone()[0]
    assert n >= 1
    kolom = "alasan" if tabel.endswith("peristiwarealisasi") else "history_change_reason"
    _ditolak(f"UPDATE {tabel} SET {kolom} = %s", ["ditulis ulang"])
    _ditolak(f"DELETE FROM {tabel}")
    with connection.cursor() as c:
        c.execute(f"SELECT COUNT(*) FROM {tabel}")
        assert c.fetchone()[0] == n


def test_orm_tidak_dapat_menulis_ulang_riwayat(db):
    _, r = _isi()
    with pytest.raises(DatabaseError), transaction.atomic():
        PeristiwaRealisasi.objects.filter(realisasi=r).update(alasan="tidak pernah terjadi")
    with pytest.raises(DatabaseError), transaction.atomic():
        Realisasi.history.all().delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Realisasi.history.filter(id=r.pk).update(nilai="100")
    assert (
        PeristiwaRealisasi.objects.filter(realisasi=r, alasan="tidak pernah terjadi").count() == 0
    )
    assert Realisasi.history.filter(id=r.pk).count() >= 1


def test_menambah_tetap_boleh_dan_data_biasa_tetap_dapat_diubah(db):
    p, r = _isi()
    n = Realisasi.history.filter(id=r.pk).count()
    r2 = realisasi_simpan(
        indikator=r.indikator, tahun=2024, jenis_periode="tahun", aktor=p["op_a"], nilai="91"
    )
    assert r2.pk == r.pk and Realisasi.history.filter(id=r.pk).count() == n + 1


def test_retensi_sidik_tidak_menyentuh_tabel_audit(client, dunia):
    """survei_hapus_sidik blanks Respon columns; Respon is not an audit table."""
    from django.urls import reverse

    from tests.survei_publik.conftest import csrf, data_isian

    url = reverse("publik_formulir", args=[dunia["t"].kode])
    client.post(url, data_isian(telepon="0813", csrfmiddlewaretoken=csrf(client, url)))
    assert "survei_respon" not in tabel_audit()
    assert sidik_hapus(hari=0, sekarang=None) >= 0
    call_command("survei_hapus_sidik", "--hari", "1")


@pytest.mark.django_db(transaction=True)
def test_flush_uji_mengosongkan_lalu_pemicu_kembali():
    """Django's test flush (TransactionTestCase, live_server) still empties the tables:
    TRUNCATE on PostgreSQL, the test-only lift on SQLite; the triggers are back after it."""
    _isi()
    call_command("flush", interactive=False, verbosity=0)
    assert PeristiwaRealisasi.objects.count() == 0 and Realisasi.history.count() == 0
    assert set(tabel_audit()) <= terpasang()
    _isi()
    _ditolak("DELETE FROM pengukuran_peristiwarealisasi")


def test_tanpa_pengaturan_uji_flush_sqlite_ditolak(tmp_path):
    """Outside the test settings nothing lifts the triggers: `kinerja flush` on a real
    installation cannot empty the audit tables (SQLite, the real settings)."""
    from tests.ops.bantu import KUNCI_KUAT, env_bersih, jalankan

    env = env_bersih(tmp_path, KINERJA_SECRET_KEY=KUNCI_KUAT, KINERJA_KUNCI_SIDIK="s" + KUNCI_KUAT)
    assert jalankan(["migrate", "-v", "0"], env).returncode == 0
    kode = (
        "from kinerja.organisasi.models import Organisasi;"
        "from kinerja.perencanaan.models import Sasaran;"
        "o = Organisasi.objects.create(nama='Kota', jenis='kota_administrasi', slug='kota');"
        "Sasaran.objects.create(organisasi=o, nomor=1, uraian='Sasaran 1')"
    )
    r = jalankan(["shell", "-c", kode], env)
    assert r.returncode == 0, r.stderr
    r = jalankan(["flush", "--no-input"], env)
    assert r.returncode != 0 and "couldn't be flushed" in r.stderr, r.stderr
    hitung = "from kinerja.perencanaan.models import Sasaran; print(Sasaran.history.count())"
    r = jalankan(["shell", "-c", hitung], env)
    assert r.stdout.strip().splitlines()[-1] == "1", r.stdout + r.stderr  # history kept


@pytest.mark.django_db(transaction=True)
def test_pulihkan_ke_basis_data_kosong_tetap_bisa(tmp_path):
    """A restore into an EMPTY database only inserts rows (Django's save of a row with a
    primary key tries an UPDATE that matches nothing, then INSERTs: no row trigger fires).
    Loading the same rows over existing ones is refused (it would rewrite history)."""
    _isi()
    jumlah = (PeristiwaRealisasi.objects.count(), Realisasi.history.count())
    cadangan = tmp_path / "cadangan.json"
    call_command(
        "dumpdata", "--natural-foreign", "-e", "contenttypes", "-e", "auth.permission",
        "-o", str(cadangan), verbosity=0,
    )  # fmt: skip
    call_command("flush", interactive=False, verbosity=0)
    assert PeristiwaRealisasi.objects.count() == 0
    call_command("loaddata", str(cadangan), verbosity=0)
    assert (PeristiwaRealisasi.objects.count(), Realisasi.history.count()) == jumlah
    assert set(tabel_audit()) <= terpasang()
    # the same audit rows loaded again over themselves: refused
    from django.core import serializers

    baris = [
        o for o in serializers.deserialize("json", cadangan.read_text())
        if o.object._meta.db_table == "pengukuran_peristiwarealisasi"
    ]  # fmt: skip
    baris[0].object.alasan = "ditulis ulang"
    with pytest.raises(DatabaseError), transaction.atomic():
        baris[0].save()
