from django.apps import AppConfig


class ReviuUnggahConfig(AppConfig):
    name = "kinerja.reviu_unggah"
    verbose_name = "Reviu berkas LKIP"
