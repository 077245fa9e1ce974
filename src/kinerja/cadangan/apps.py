from django.apps import AppConfig


class CadanganConfig(AppConfig):
    name = "kinerja.cadangan"
    label = "cadangan"
    verbose_name = "Cadangan dan pemulihan"
