"""The province page (keputusan 0057): a thin view over `provinsi.pemilih.halaman`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kinerja.inti.siklus import TAHUN_MAKS, TAHUN_MIN
from kinerja.pengukuran import grafik
from kinerja.provinsi import pemilih


def muat(user, slug: str, tahun: int) -> pemilih.HalamanProvinsi:
    """The page's data for this reader: 404 for an unknown province or year (in Indonesian),
    403 without `provinsi.lihat`. Shared by the page and the API."""
    prov = pemilih.provinsi(slug)
    if not user.has_perm("provinsi.lihat", prov):
        raise PermissionDenied(
            "Halaman provinsi hanya untuk pimpinan, evaluator dan admin provinsi."
        )
    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise pemilih.ProvinsiTidakDikenal(
            f"Tahun {tahun} tidak dikenal: harus antara {TAHUN_MIN} dan {TAHUN_MAKS}."
        )
    units = pemilih.unit_anak(prov)
    draf = {u.pk for u in units if user.has_perm("organisasi.lihat_draf", u)}
    return pemilih.halaman(prov, tahun, draf_ids=draf)


@require_GET
@login_required
def halaman(request, slug: str, tahun: int):
    h = muat(request.user, slug, tahun)
    periode = []  # the completeness table's columns: every period of any unit
    for b in h.unit:
        for s in b.kelengkapan:
            if (s.jenis, s.ke) not in [(p.jenis, p.ke) for p in periode]:
                periode.append(s)
    kolom = [(p.jenis, p.ke, p.label) for p in periode]
    return render(
        request,
        "provinsi/halaman.html",
        {
            "h": h,
            "tahun": h.tahun,
            "label_predikat": list(h.rekap),
            "kolom": kolom,
            "sel": [
                (
                    b,
                    [
                        next((s for s in b.kelengkapan if (s.jenis, s.ke) == k[:2]), None)
                        for k in kolom
                    ],
                )
                for b in h.unit
            ],
            "grafik_iku": grafik.batang_capaian(
                [
                    (b.organisasi.nama, b.capaian_iku, b.iku.predikat if b.iku else "")
                    for b in h.unit
                ],
                f"Rata-rata capaian IKU per unit, {h.provinsi.nama} {h.tahun} (%)",
            ),
            "grafik_predikat": grafik.batang_predikat(
                h.rekap, f"Jumlah indikator PK per predikat, seluruh unit {h.tahun}"
            ),
        },
    )
