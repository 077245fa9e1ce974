from django.apps import AppConfig


class IntiConfig(AppConfig):
    name = "kinerja.inti"
    label = "inti"
    verbose_name = "Inti"
