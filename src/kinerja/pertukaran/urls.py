"""Excel import and export (dry-run, row errors, all-or-nothing)."""

from django.urls import path

from kinerja.pertukaran import views

urlpatterns = [
    path("<slug:slug>/<int:tahun>/", views.halaman, name="pertukaran"),
    path("<slug:slug>/<int:tahun>/ekspor.xlsx", views.ekspor, name="pertukaran_ekspor"),
    path(
        "<slug:slug>/<int:tahun>/templat-<str:jenis>.xlsx",
        views.templat,
        name="pertukaran_templat",
    ),
    path("<slug:slug>/<int:tahun>/unggah/", views.unggah, name="pertukaran_unggah"),
    path("<slug:slug>/<int:tahun>/terapkan/", views.terapkan, name="pertukaran_terapkan"),
    path("<slug:slug>/<int:tahun>/batal/", views.batal, name="pertukaran_batal"),
]
