from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.anggaran import models as m


@admin.register(m.BelanjaJenis)
class BelanjaJenisAdmin(SimpleHistoryAdmin):
    list_display = ["organisasi", "tahun", "jenis", "kelompok", "pagu", "realisasi"]
    list_filter = ["tahun", "jenis"]


@admin.register(m.AnggaranBulanan)
class AnggaranBulananAdmin(SimpleHistoryAdmin):
    list_display = ["organisasi", "tahun", "bulan", "rpd", "realisasi"]
    list_filter = ["tahun"]


@admin.register(m.RealisasiProgram)
class RealisasiProgramAdmin(SimpleHistoryAdmin):
    list_display = ["program", "realisasi"]
    raw_id_fields = ["program"]
