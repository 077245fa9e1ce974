"""Copy the older evaluation records (TemuanEvaluasi, TindakLanjutBPK) into the follow-up
register without loss: one entry per finding and per BPK audit-year row, traceable by `asal`
and idempotent (a second run changes nothing). Used by migration 0003 (historical models)
and by the demo loader (live models). docs/keputusan/0043."""

from __future__ import annotations

from kinerja.angka import angka


def _status_bpk(b) -> str:
    if b.jumlah_temuan and b.selesai >= b.jumlah_temuan:
        return "selesai"
    if b.proses:
        return "proses"
    if b.tidak_dapat_ditindaklanjuti and not (b.belum or b.proses):
        return "tidak_dapat"
    return "belum"


def salin_ke_register(TemuanEvaluasi, TindakLanjutBPK, TindakLanjut) -> int:
    """Create the missing register entries; returns how many were created."""
    ada = set(TindakLanjut.objects.exclude(asal="").values_list("asal", flat=True))
    baru = []
    for t in TemuanEvaluasi.objects.select_related("evaluasi").order_by("evaluasi_id", "urutan"):
        asal = f"temuan:{t.pk}"
        if asal in ada:
            continue
        ev = t.evaluasi
        baru.append(
            TindakLanjut(
                organisasi_id=ev.organisasi_id,
                sumber="lhe",
                tahun=ev.tahun_dievaluasi,
                referensi=ev.nomor_surat,
                komponen=t.komponen,
                temuan=t.temuan,
                rekomendasi=t.rekomendasi or t.temuan,
                status=t.status,
                uraian_tindak_lanjut=t.tindak_lanjut,
                bukti_selesai=t.tindak_lanjut if t.status == "selesai" else "",
                asal=asal,
                urutan=t.urutan,
            )
        )
    for b in TindakLanjutBPK.objects.order_by("organisasi_id", "tahun_pemeriksaan"):
        asal = f"bpk:{b.pk}"
        if asal in ada:
            continue
        hitung = (
            f"{angka(b.jumlah_temuan, 0)} temuan, {angka(b.jumlah_rekomendasi, 0)} rekomendasi; "
            f"selesai {angka(b.selesai, 0)}, proses {angka(b.proses, 0)}, "
            f"belum {angka(b.belum, 0)}, tidak dapat ditindaklanjuti "
            f"{angka(b.tidak_dapat_ditindaklanjuti, 0)}"
        )
        status = _status_bpk(b)
        baru.append(
            TindakLanjut(
                organisasi_id=b.organisasi_id,
                sumber="bpk",
                tahun=b.tahun_pemeriksaan,
                referensi=f"Pemeriksaan BPK tahun {b.tahun_pemeriksaan}",
                temuan=f"Hasil pemeriksaan BPK tahun {b.tahun_pemeriksaan}: {hitung}.",
                rekomendasi=b.keterangan or f"Tindak lanjuti rekomendasi BPK ({hitung}).",
                status=status,
                uraian_tindak_lanjut=b.keterangan,
                bukti_selesai=b.keterangan if status == "selesai" else "",
                alasan_tidak_dapat=b.keterangan if status == "tidak_dapat" else "",
                asal=asal,
                urutan=b.tahun_pemeriksaan,
            )
        )
    TindakLanjut.objects.bulk_create(baru)
    return len(baru)
