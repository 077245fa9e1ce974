"""Read pages of one unit and year, under o/<slug>/<tahun>/ (see kinerja/urls.py)."""

from django.urls import path

from kinerja.pengukuran import views_dasbor as v

urlpatterns = [
    path("", v.dasbor, name="dasbor"),
    path("indikator/<int:pk>/", v.indikator, name="indikator"),
    path("pk/", v.perjanjian_kinerja, name="pk"),
    path("pohon/", v.pohon, name="pohon"),
    path("kelengkapan/", v.kelengkapan, name="kelengkapan"),
]
