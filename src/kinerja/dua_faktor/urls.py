from django.urls import path

from kinerja.dua_faktor import views

app_name = "dua_faktor"
urlpatterns = [
    path("", views.verifikasi, name="verifikasi"),
    path("daftar/", views.daftar, name="daftar"),
    path("daftar/qr.svg", views.qr, name="qr"),
    path("cadangan/", views.cadangan_baru, name="cadangan"),
    path("kebijakan/", views.kebijakan, name="kebijakan"),
]
