from django.contrib import admin

from kinerja.survei import models as m

for model in (m.Kuesioner, m.Unsur, m.Butir, m.Layanan, m.IsianDemografi, m.PutaranSurvei,
              m.RencanaTindakLanjut, m.TautanIndikator):  # fmt: skip
    admin.site.register(model)


@admin.register(m.Respon)
class ResponAdmin(admin.ModelAdmin):
    """Read-only: responses change only through respon_tinjau."""

    list_display = ("pk", "putaran", "saluran", "status", "diterima_pada")
    list_filter = ("status", "saluran")
    exclude = ("hash_telepon", "hash_alamat")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
