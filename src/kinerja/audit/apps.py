from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "kinerja.audit"
    label = "audit"
    verbose_name = "Audit (hanya tambah)"

    def ready(self):
        from kinerja.audit import pemicu, periksa  # noqa: F401  (periksa registers checks)

        pemicu.daftarkan_pgtrigger()
        pemicu.izinkan_kosongkan_uji()
        post_migrate.connect(pemicu.setelah_migrasi, sender=self)
