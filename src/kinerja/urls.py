from django.contrib import admin
from django.urls import path

from kinerja.inti.views import sehat

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sehat/", sehat, name="sehat"),
]
