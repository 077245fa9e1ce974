from django.contrib import admin

from kinerja.evaluasi import models as m

for model in (
    m.EvaluasiSakip,
    m.NilaiKomponenEvaluasi,
    m.TemuanEvaluasi,
    m.TindakLanjutBPK,
    m.VersiLKE,
    m.PenugasanEvaluasi,
    m.LembarKerja,
    m.TindakLanjut,
):
    admin.site.register(model)
