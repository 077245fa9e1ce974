"""The check of a published figure against its recomputation (kinerja.reviu.terbit, keputusan
0013 and 0030): the example's Tabel 18 sasaran 2 and the tolerance rules."""

from decimal import Decimal

from kinerja.reviu.terbit import Pemeriksaan, reviu


def _p(terbit, hitung, kode="x"):
    return Pemeriksaan(
        kode=kode, uraian="u", sumber="Tabel 18", terbit=terbit, hitung=hitung, rumus="r"
    )


def test_sasaran_2_tabel_18_menjadi_temuan():
    (t,) = reviu([_p("104.08", Decimal("104.1796656698746511719759044786635511430"))])
    assert t.terbit == "104.08" and t.selisih.quantize(Decimal("0.01")) == Decimal("0.10")


def test_presisi_cetak_dan_toleransi():
    assert reviu([_p("101.5", Decimal("101.497"))]) == []  # printed at 1 dp, rounds to it
    assert reviu([_p("104.08", Decimal("104.0881"))]) == []  # truncated print within 0.01
    assert reviu([_p("WTP", "wtp ")]) == []  # labels: case and spaces ignored
    assert len(reviu([_p("100", Decimal("99.98"))])) == 1  # whole numbers get no slack


def test_kosong_selalu_temuan():
    (t,) = reviu([_p(None, Decimal("746367815588"))])
    assert t.terbit == "(kosong)"
    (t,) = reviu([_p("96.55", None)])
    assert t.hitung == "(tidak dapat dihitung)"
