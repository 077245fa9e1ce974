from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kinerja.perencanaan import models as m


@admin.register(m.Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "organisasi", "satuan", "polaritas", "iku"]
    list_filter = ["iku", "polaritas", "frekuensi"]
    search_fields = ["nama"]


class ButirPKInline(admin.TabularInline):
    """Lines of a PK. Once the PK is signed they are read-only here too: targets then change
    only through a revision on the planning pages (docs/keputusan/0019-penyusunan-pk.md)."""

    model = m.ButirPK
    extra = 0
    raw_id_fields = ["indikator"]

    def _draf(self, obj) -> bool:
        return obj is None or obj.status == m.StatusPK.DRAFT

    def has_add_permission(self, request, obj=None):
        return self._draf(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._draf(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._draf(obj) and super().has_delete_permission(request, obj)


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["organisasi", "tahun", "pihak_pertama_jabatan", "status"]
    list_filter = ["status", "tahun"]
    readonly_fields = ["status"]
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
