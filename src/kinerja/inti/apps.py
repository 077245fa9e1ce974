from django.apps import AppConfig


class IntiConfig(AppConfig):
    name = "kinerja.inti"
    label = "inti"
    verbose_name = "Inti"

    def ready(self):
        from kinerja.inti import basis_data  # noqa: F401  (connects the SQLite decimal reader)
