"""/terbuka/: open data without login; /terbuka/kelola/ the switch. The JSON API
(/terbuka/api/) is mounted by the root URLs, outside this namespace (django-ninja reverses
its own namespace)."""

from django.urls import path

from kinerja.terbuka import views

app_name = "terbuka"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("kamus/", views.kamus_data, name="kamus"),
    path("kelola/<slug:slug>/<int:tahun>/", views.kelola, name="kelola"),
    path("<slug:slug>/<int:tahun>/", views.unit, name="unit"),
    path("<slug:slug>/<int:tahun>/unduh.csv", views.unduh_csv, name="unduh_csv"),
    path("<slug:slug>/<int:tahun>/unduh.json", views.unduh_json, name="unduh_json"),
    path("<slug:slug>/<int:tahun>/unduh.xlsx", views.unduh_xlsx, name="unduh_xlsx"),
    path("<slug:slug>/<int:tahun>/lkip.pdf", views.lkip_pdf, name="lkip_pdf"),
]
