from django.urls import path

from kinerja.provinsi import views

app_name = "provinsi"

urlpatterns = [
    path("<slug:slug>/<int:tahun>/", views.halaman, name="halaman"),
]
