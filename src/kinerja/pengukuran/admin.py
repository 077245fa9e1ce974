from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.pengukuran import models as m


@admin.register(m.Realisasi)
class RealisasiAdmin(SimpleHistoryAdmin):
    """Read-only here: realisasi changes go through the workflow services."""

    list_display = ["indikator", "organisasi", "tahun", "jenis_periode", "ke", "nilai", "status"]
    list_filter = ["status", "tahun", "jenis_periode"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(m.PeristiwaRealisasi)
class PeristiwaAdmin(admin.ModelAdmin):
    list_display = ["realisasi", "aksi", "dari_status", "ke_status", "aktor", "waktu"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


for model in (m.NilaiPembanding, m.BatasWaktu, m.AngkaTerbit):
    admin.site.register(model)
