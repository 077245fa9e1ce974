"""Migration evaluasi.0003 copies the older records into the register without loss, on a
database that already holds them (migrated back to 0001, filled, migrated forward)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def _migrasi(target):
    ex = MigrationExecutor(connection)
    ex.loader.build_graph()
    ex.migrate([("evaluasi", target)])
    ex.loader.build_graph()
    return ex.loader.project_state([("evaluasi", target)]).apps


def test_migrasi_menyalin_temuan_dan_bpk():
    apps = _migrasi("0001_initial")
    Organisasi = apps.get_model("organisasi", "Organisasi")
    org = Organisasi.objects.create(nama="Kota Lama", slug="kota-lama", jenis="kota_administrasi")
    E = apps.get_model("evaluasi", "EvaluasiSakip")
    T = apps.get_model("evaluasi", "TemuanEvaluasi")
    B = apps.get_model("evaluasi", "TindakLanjutBPK")
    ev = E.objects.create(organisasi=org, tahun_dievaluasi=2023, nomor_surat="0896/PA.01.00")
    T.objects.create(
        evaluasi=ev,
        komponen="Pelaporan Kinerja",
        temuan="t1",
        rekomendasi="r1",
        tindak_lanjut="tl1",
        status="selesai",
        urutan=1,
    )
    T.objects.create(evaluasi=ev, komponen="Pengukuran Kinerja", temuan="t2", urutan=2)
    B.objects.create(
        organisasi=org,
        tahun_pemeriksaan=2022,
        jumlah_temuan=3,
        selesai=1,
        proses=2,
        keterangan="LHP 2022",
    )
    apps = _migrasi("0003_salin_register")
    R = apps.get_model("evaluasi", "TindakLanjut")
    baris = list(
        R.objects.order_by("asal").values_list(
            "sumber",
            "tahun",
            "komponen",
            "rekomendasi",
            "uraian_tindak_lanjut",
            "status",
            "referensi",
        )
    )
    assert baris == [
        ("bpk", 2022, "", "LHP 2022", "LHP 2022", "proses", "Pemeriksaan BPK tahun 2022"),
        ("lhe", 2023, "Pelaporan Kinerja", "r1", "tl1", "selesai", "0896/PA.01.00"),
        ("lhe", 2023, "Pengukuran Kinerja", "t2", "", "belum", "0896/PA.01.00"),
    ]
    assert "3 temuan" in R.objects.get(sumber="bpk").temuan
    assert T.objects.count() == 2 and B.objects.count() == 1  # nothing deleted
