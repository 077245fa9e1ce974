from django.urls import path

from kinerja.skp import views

app_name = "skp"

urlpatterns = [
    path("bukti/<int:pk>/", views.bukti_unduh, name="bukti"),
    path("pegawai/<int:pk>/ubah/", views.pegawai_ubah, name="pegawai_ubah"),
    path("pegawai/<int:pk>/<int:tahun>/", views.skp_halaman, name="skp"),
    path("pegawai/<int:pk>/<int:tahun>/rhk/", views.rhk_tambah, name="rhk_tambah"),
    path(
        "pegawai/<int:pk>/<int:tahun>/realisasi/<int:indikator>/",
        views.realisasi_isi,
        name="realisasi",
    ),
    path("pegawai/<int:pk>/<int:tahun>/nilai/", views.nilai, name="nilai"),
    path("<slug:slug>/pegawai/baru/", views.pegawai_baru, name="pegawai_baru"),
    path("<slug:slug>/impor/", views.impor_halaman, name="impor"),
    path("<slug:slug>/impor/terapkan/", views.impor_terapkan, name="impor_terapkan"),
    path("<slug:slug>/impor/templat/", views.impor_templat, name="impor_templat"),
    path("<slug:slug>/<int:tahun>/", views.unit, name="unit"),
    path("<slug:slug>/<int:tahun>/cascade/", views.cascade, name="cascade"),
    path("<slug:slug>/<int:tahun>/distribusi/", views.distribusi, name="distribusi"),
]
