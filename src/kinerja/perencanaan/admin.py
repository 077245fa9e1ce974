from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.perencanaan import models as m


@admin.register(m.Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "organisasi", "satuan", "polaritas", "iku"]
    list_filter = ["iku", "polaritas", "frekuensi"]
    search_fields = ["nama"]


class ButirPKInline(admin.TabularInline):
    model = m.ButirPK
    extra = 0
    raw_id_fields = ["indikator"]


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["organisasi", "tahun", "pihak_pertama_jabatan"]
    inlines = [ButirPKInline]


for model in (
    m.Renstra,
    m.Tujuan,
    m.Sasaran,
    m.TargetRenstra,
    m.RevisiPK,
    m.PerubahanTarget,
    m.ProgramAnggaran,
    m.IndikatorKeluaran,
    m.RencanaAksi,
):
    admin.site.register(model)
