from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "kinerja.organisasi"
    verbose_name = "Organisasi"
