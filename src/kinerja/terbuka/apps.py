from django.apps import AppConfig


class TerbukaConfig(AppConfig):
    """Open data for citizens (/terbuka/): no models; it reads published, verified figures
    through the apps' selectors (keputusan 0060)."""

    name = "kinerja.terbuka"
    label = "terbuka"
    verbose_name = "Data terbuka"
