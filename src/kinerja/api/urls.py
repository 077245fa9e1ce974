"""JSON API (django-ninja), OpenAPI at /api/docs and /api/openapi.json."""

from django.urls import path

from kinerja.api.api import api

urlpatterns = [path("", api.urls)]
