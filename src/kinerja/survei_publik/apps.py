from django.apps import AppConfig


class SurveiPublikConfig(AppConfig):
    name = "kinerja.survei_publik"
    verbose_name = "Survei: formulir publik, kios dan undangan"
