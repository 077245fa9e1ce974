from django.apps import AppConfig


class PengukuranConfig(AppConfig):
    name = "kinerja.pengukuran"
    verbose_name = "Pengukuran"
