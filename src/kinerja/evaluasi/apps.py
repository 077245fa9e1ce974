from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "kinerja.evaluasi"
    verbose_name = "Evaluasi"

    def ready(self):
        from kinerja.evaluasi import izin  # noqa: F401  (registers the rules permissions)
