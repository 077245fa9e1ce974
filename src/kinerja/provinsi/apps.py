from django.apps import AppConfig


class ProvinsiConfig(AppConfig):
    name = "kinerja.provinsi"
    verbose_name = "Provinsi (perbandingan unit)"
