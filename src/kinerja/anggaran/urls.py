"""Budget pages under /anggaran/<slug>/<tahun>/ (seed Tabel 67-74)."""

from django.urls import path

from kinerja.anggaran import views

app_name = "anggaran"

urlpatterns = [
    path("<slug:slug>/<int:tahun>/", views.dasbor, name="dasbor"),
    path("<slug:slug>/<int:tahun>/nka/", views.rincian_nka, name="nka"),
    path("<slug:slug>/<int:tahun>/galat/", views.galat, name="galat"),
    path("<slug:slug>/<int:tahun>/isian/", views.isian, name="isian"),
    path("<slug:slug>/<int:tahun>/impor/", views.impor, name="impor"),
    path("<slug:slug>/<int:tahun>/ekspor.xlsx", views.ekspor, name="ekspor"),
    path("<slug:slug>/<int:tahun>/templat-bulanan.xlsx", views.templat, name="templat"),
]
