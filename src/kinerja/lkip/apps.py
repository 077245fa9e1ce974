from django.apps import AppConfig


class LkipConfig(AppConfig):
    name = "kinerja.lkip"
    verbose_name = "LKIP"
