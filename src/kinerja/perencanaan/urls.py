"""Planning pages under perencanaan/ (see kinerja/urls.py): the Perjanjian Kinerja."""

from django.urls import path

from kinerja.perencanaan import views, views_renaksi

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
    path(
        "pk/<slug:slug>/<int:tahun>/revisi/<int:nomor>/dokumen/",
        views.revisi_dokumen,
        name="revisi_dokumen",
    ),
    # rencana aksi (docs/keputusan/0049-rencana-aksi-bulanan.md)
    path("renaksi/<slug:slug>/<int:tahun>/", views_renaksi.papan, name="renaksi"),
    path("renaksi/<slug:slug>/<int:tahun>/tambah/", views_renaksi.langkah, name="renaksi_tambah"),
    path(
        "renaksi/<slug:slug>/<int:tahun>/<int:pk>/ubah/",
        views_renaksi.langkah,
        name="renaksi_ubah",
    ),
    path(
        "renaksi/<slug:slug>/<int:tahun>/<int:pk>/realisasi/",
        views_renaksi.realisasi,
        name="renaksi_realisasi",
    ),
    path(
        "renaksi/<slug:slug>/<int:tahun>/bukti/<int:pk>/",
        views_renaksi.bukti,
        name="renaksi_bukti",
    ),
    path("renaksi/<slug:slug>/<int:tahun>/impor/", views_renaksi.impor, name="renaksi_impor"),
    path(
        "renaksi/<slug:slug>/<int:tahun>/templat.xlsx",
        views_renaksi.templat,
        name="renaksi_templat",
    ),
]
