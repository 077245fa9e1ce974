from django.urls import path

from kinerja.monev import views

app_name = "monev"

urlpatterns = [
    path("pengingat/", views.pengingat, name="pengingat"),
    path("pekerjaan/<int:pk>/<str:nama>", views.unduh, name="unduh"),
    path("<slug:slug>/<int:tahun>/", views.halaman, name="halaman"),
    path("<slug:slug>/<int:tahun>/bangun/", views.bangun, name="bangun"),
    path("<slug:slug>/<int:tahun>/kalender/", views.kalender, name="kalender"),
    path("<slug:slug>/<int:tahun>/isian/<str:jenis>/<int:ke>/", views.isian, name="isian"),
]
