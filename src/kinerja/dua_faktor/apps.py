from django.apps import AppConfig


class DuaFaktorConfig(AppConfig):
    name = "kinerja.dua_faktor"
    label = "dua_faktor"
    verbose_name = "Verifikasi dua langkah"
