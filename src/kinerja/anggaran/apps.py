from django.apps import AppConfig


class AnggaranConfig(AppConfig):
    name = "kinerja.anggaran"
    verbose_name = "Anggaran"
