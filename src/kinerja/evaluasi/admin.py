from django.contrib import admin

from kinerja.evaluasi import models as m

for model in (m.EvaluasiSakip, m.NilaiKomponenEvaluasi, m.TemuanEvaluasi, m.TindakLanjutBPK):
    admin.site.register(model)
