"""Data entry (isian), verification queue and evidence download, under /isian/."""

from django.urls import path

from kinerja.pengukuran import views_isian

urlpatterns = [
    path("", views_isian.daftar, name="isian"),
    path("verifikasi/", views_isian.verifikasi, name="verifikasi"),
    path("bukti/<int:pk>/", views_isian.bukti_unduh, name="bukti_unduh"),
    path(
        "<int:indikator>/<int:tahun>/<str:jenis>/<int:ke>/",
        views_isian.realisasi,
        name="isian_realisasi",
    ),
]
