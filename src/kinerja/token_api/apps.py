from django.apps import AppConfig


class TokenApiConfig(AppConfig):
    name = "kinerja.token_api"
    label = "token_api"
    verbose_name = "Token API layanan"
