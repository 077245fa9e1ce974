from django.apps import AppConfig


class PenggunaConfig(AppConfig):
    name = "kinerja.pengguna"
    label = "pengguna"
    verbose_name = "Pengguna dan peran"
