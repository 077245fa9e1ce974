"""`kinerja rumus`: the JSON calculator contract (issue 2, section 3)."""

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from kinerja.cli.rumus import RUMUS, jalankan
from kinerja.cli.utama import main
from kinerja.rumus.bilangan import DataTidakValid


def jalan(capsys, monkeypatch, argv, masukan=None):
    if masukan is not None:
        monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(json.dumps(masukan)))
    kode = main(argv)
    keluar = capsys.readouterr()
    return kode, keluar.out, keluar.err


def test_capaian_tabel_16_efektivitas_koordinasi(capsys, monkeypatch):
    kode, out, err = jalan(
        capsys, monkeypatch, ["rumus", "capaian"], {"realisasi": "96.55", "target": "90.35"}
    )
    assert kode == 0 and err == ""
    hasil = json.loads(out)
    assert Decimal(hasil["capaian"]).quantize(Decimal("0.01")) == Decimal("106.86")
    assert hasil["predikat"] == "Sangat Tinggi"
    assert isinstance(hasil["capaian"], str)
    assert len(hasil["capaian"].split(".")[1]) > 2  # unrounded unless --bulat


def test_bulat_2(capsys, monkeypatch):
    kode, out, _ = jalan(
        capsys,
        monkeypatch,
        ["rumus", "capaian", "--bulat", "2"],
        {"realisasi": "97.77", "target": "93.93"},
    )
    assert kode == 0
    assert json.loads(out)["capaian"] == "104.09"  # half up; the seed truncates to 104.08


def test_capaian_negatif_dan_rentang(capsys, monkeypatch):
    _, out, _ = jalan(
        capsys,
        monkeypatch,
        ["rumus", "capaian"],
        {"realisasi": "9", "target": "8", "polaritas": "negatif"},
    )
    assert Decimal(json.loads(out)["capaian"]) == Decimal("87.5")
    _, out, _ = jalan(
        capsys,
        monkeypatch,
        ["rumus", "capaian"],
        {"realisasi": "70", "target_bawah": "80", "target_atas": "90"},
    )
    assert Decimal(json.loads(out)["capaian"]) == Decimal("87.5")


@pytest.mark.parametrize(
    ("masukan", "bidang"),
    [
        ({"realisasi": 96.55, "target": "90.35"}, "realisasi"),  # a JSON number, not a string
        ({"realisasi": "96,55", "target": "90.35"}, "realisasi"),  # Indonesian comma
        ({"realisasi": "96.55"}, "target"),
        ({"realisasi": "96.55", "target": "90.35", "polaritas": "naik"}, "polaritas"),
        ({"realisasi": "96.55", "target": "90.35", "warna": "biru"}, "warna"),
        ({"realisasi": "96.55", "target": "0", "metode_negatif": "X"}, "metode_negatif"),
    ],
)
def test_masukan_salah_exit_2_pesan_indonesia(capsys, monkeypatch, masukan, bidang):
    kode, out, err = jalan(capsys, monkeypatch, ["rumus", "capaian"], masukan)
    assert kode == 2
    assert out == ""
    assert bidang in err
    assert err.count("\n") == 1  # one message


def test_json_rusak(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("{realisasi: 1"))
    assert main(["rumus", "capaian"]) == 2
    keluar = capsys.readouterr()
    assert keluar.out == "" and "bukan JSON yang sah" in keluar.err


def test_list_dan_schema(capsys):
    assert main(["rumus", "--list"]) == 0
    daftar = capsys.readouterr().out
    for nama in ("capaian", "ikm", "sampel", "cop", "nka", "lke"):
        assert nama in daftar
    for nama in RUMUS:
        assert main(["rumus", nama, "--schema"]) == 0
        skema = json.loads(capsys.readouterr().out)
        assert skema["type"] == "object" and skema["properties"]


def test_input_dari_berkas(tmp_path, capsys):
    berkas = tmp_path / "m.json"
    berkas.write_text(json.dumps({"populasi": 1000}))
    assert main(["rumus", "sampel", "--input", str(berkas)]) == 0
    assert json.loads(capsys.readouterr().out) == {"minimum": 278}


def test_ikm_responden_semua_empat_adalah_100():
    hasil = jalankan("ikm", {"responden": [[4] * 9, [4] * 9]})
    assert Decimal(hasil["konversi"]) == 100 and hasil["mutu"] == "A"
    assert set(hasil["nrr"]) == {f"U{i}" for i in range(1, 10)}


def test_ikm_nilai_di_luar_skala_menyebut_responden():
    with pytest.raises(DataTidakValid, match="5"):
        jalankan("ikm", {"responden": [[4] * 9, [4] * 8 + [5]]})


def test_ikm_butir_beberapa_per_unsur():
    butir = [
        {"unsur": "U1", "total": "27", "jumlah": 7},
        {"unsur": "U5", "total": "26", "jumlah": 7},
        {"unsur": "U5", "total": "28", "jumlah": 7},
    ]
    hasil = jalankan("ikm", {"butir": butir})
    assert Decimal(hasil["nrr"]["U5"]) == Decimal(54) / Decimal(14)


def test_cop_contoh_lampiran_pmk_22_2021():
    """PMK 22/2021 Lampiran worked example: unit COP 92.24%."""
    masukan = {
        "program": [
            {
                "output": [
                    {
                        "indikator": [
                            {"target": "10", "realisasi": "10"},
                            {"target": "10", "realisasi": "9"},
                        ]
                    },
                    {
                        "indikator": [
                            {"target": "3", "realisasi": "2"},
                            {"target": "3", "realisasi": "2"},
                            {"target": "3", "realisasi": "3"},
                        ]
                    },
                ]
            },
            {"output": [{"indikator": [{"target": "5", "realisasi": "5"}]}]},
        ]
    }
    hasil = jalankan("cop", masukan, bulat_dp=2)
    assert hasil["capaian_output"] == "92.24"
    assert hasil["program"][0]["capaian"] == "85.09"
    assert [o["capaian"] for o in hasil["program"][0]["output"]] == ["94.87", "76.31"]


def test_nka_dari_komponen_tabel_74():
    hasil = jalankan(
        "nka",
        {
            "komponen": {
                "penyerapan": "95.69",
                "konsistensi": "73.14",
                "capaian_output": "100",
                "nilai_efisiensi": "60.87",
            },
            "capaian_sasaran": "104.08",
        },
        bulat_dp=2,
    )
    assert hasil["nilai_implementasi"] == "83.50"
    assert hasil["nilai_manfaat"] == "100.00"
    assert hasil["nilai_kinerja_anggaran"] == "94.51"
    assert hasil["kategori"] == "Sangat Baik"


def test_nka_bulan_kosong_ditolak():
    rpd = [str(i * 10) for i in range(1, 13)]
    real = [str(i * 10) for i in range(1, 12)] + [None]
    with pytest.raises(DataTidakValid, match="Desember"):
        jalankan("nka", {"rpd_kumulatif": rpd, "realisasi_kumulatif": real})


def test_lke_tabel_bab_1():
    hasil = jalankan(
        "lke",
        {
            "komponen": [
                {"nama": "Perencanaan Kinerja", "nilai": "25.50"},
                {"nama": "Pengukuran Kinerja", "nilai": "25.50"},
                {"nama": "Pelaporan Kinerja", "nilai": "12.75"},
                {"nama": "Evaluasi Akuntabilitas Kinerja Internal", "nilai": "22.00"},
            ]
        },
        bulat_dp=2,
    )
    assert hasil["nilai"] == "85.75" and hasil["predikat"] == "A"


def test_perintah_terpasang_lewat_subprocess():
    """The installed console script: exit code 2 and an empty stdout on bad input."""
    proses = subprocess.run(
        [sys.executable, "-m", "kinerja.cli.utama", "rumus", "sampel"],
        input='{"populasi": "banyak"}',
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proses.returncode == 2
    assert proses.stdout == ""
    assert "populasi" in proses.stderr
