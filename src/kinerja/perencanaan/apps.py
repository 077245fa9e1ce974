from django.apps import AppConfig


class PerencanaanConfig(AppConfig):
    name = "kinerja.perencanaan"
    verbose_name = "Perencanaan"
