from django.urls import path

from kinerja.lkip import views

app_name = "lkip"

urlpatterns = [
    path("templat.docx", views.templat_unduh, name="templat"),
    path("pekerjaan/<int:pk>/<str:nama>", views.unduh, name="unduh"),
    path("massal/<slug:slug>/<int:tahun>/", views.massal, name="massal"),
    path("massal/<slug:slug>/<int:tahun>/unduh.zip", views.massal_unduh, name="massal_unduh"),
    path("<slug:slug>/<int:tahun>/", views.halaman, name="halaman"),
    path("<slug:slug>/<int:tahun>/bangun/", views.bangun, name="bangun"),
    path("<slug:slug>/<int:tahun>/templat/", views.templat_unggah, name="templat_unggah"),
    path("<slug:slug>/<int:tahun>/narasi/<str:kunci>/", views.narasi, name="narasi"),
]
