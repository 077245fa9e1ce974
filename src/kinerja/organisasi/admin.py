from django.contrib import admin

from kinerja.organisasi.models import Organisasi, Penugasan, StatistikUnit


@admin.register(Organisasi)
class OrganisasiAdmin(admin.ModelAdmin):
    list_display = ["nama", "jenis", "induk", "koordinator", "slug"]
    list_filter = ["jenis"]
    search_fields = ["nama", "slug"]
    raw_id_fields = ["induk", "koordinator"]


@admin.register(Penugasan)
class PenugasanAdmin(admin.ModelAdmin):
    list_display = ["pengguna", "peran", "organisasi", "aktif"]
    list_filter = ["peran", "aktif"]
    raw_id_fields = ["organisasi"]


admin.site.register(StatistikUnit)
