from django.apps import AppConfig


class SkpConfig(AppConfig):
    name = "kinerja.skp"
    verbose_name = "SKP (kinerja pegawai)"

    def ready(self):
        from kinerja.skp import izin  # noqa: F401  (registers the rules permissions)
