"""Planning pages under perencanaan/ (see kinerja/urls.py): the Perjanjian Kinerja."""

from django.urls import path

from kinerja.perencanaan import views

app_name = "perencanaan"

urlpatterns = [
    path("pk/", views.daftar, name="daftar"),
    path("pk/buat/", views.buat, name="buat"),
    path("pk/<slug:slug>/<int:tahun>/", views.pk, name="pk"),
    path("pk/<slug:slug>/<int:tahun>/ubah/", views.ubah, name="ubah"),
    path("pk/<slug:slug>/<int:tahun>/butir/tambah/", views.butir_tambah, name="butir_tambah"),
    path("pk/<slug:slug>/<int:tahun>/butir/<int:butir>/ubah/", views.butir_ubah, name="butir_ubah"),
    path(
        "pk/<slug:slug>/<int:tahun>/butir/<int:butir>/hapus/",
        views.butir_hapus,
        name="butir_hapus",
    ),
    path(
        "pk/<slug:slug>/<int:tahun>/butir/<int:butir>/target-periode/",
        views.target_periode,
        name="target_periode",
    ),
    path("pk/<slug:slug>/<int:tahun>/tandatangani/", views.tandatangani, name="tandatangani"),
    path("pk/<slug:slug>/<int:tahun>/revisi/", views.revisi, name="revisi"),
]
