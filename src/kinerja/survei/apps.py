from django.apps import AppConfig


class SurveiConfig(AppConfig):
    name = "kinerja.survei"
    verbose_name = "Survei (SKM/IKM dan IEK)"
