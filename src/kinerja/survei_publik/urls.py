"""Public URLs are short (/s/<kode>/ for posters and QR codes, /u/<token>/ for
invitations); staff pages live under /survei-publik/."""

from django.urls import path

from kinerja.survei_publik import views

urlpatterns = [
    path("s/<slug:kode>/", views.formulir, name="publik_formulir"),
    path("s/<slug:kode>/selesai/", views.selesai, name="publik_selesai"),
    path("s/<slug:kode>/kios/", views.formulir_kios, name="publik_kios"),
    path("s/<slug:kode>/kios/selesai/", views.kios_selesai, name="publik_kios_selesai"),
    path("s/<slug:kode>/kios/aktifkan/", views.kios_aktifkan, name="publik_kios_aktifkan"),
    path("s/<slug:kode>/qr.png", views.qr_png, name="publik_qr_png"),
    path("s/<slug:kode>/qr.svg", views.qr_svg, name="publik_qr_svg"),
    path("s/<slug:kode>/poster/", views.poster, name="publik_poster"),
    path("u/selesai/", views.undangan_selesai, name="publik_undangan_selesai"),
    path("u/<str:token>/", views.undangan, name="publik_undangan"),
    path("survei-publik/putaran/<int:pk>/", views.kelola, name="publik_kelola"),
    path("survei-publik/tinjauan/<slug:slug>/", views.antrean, name="publik_antrean"),
    path(
        "survei-publik/respon/<int:pk>/tinjau/", views.antrean_tinjau, name="publik_antrean_tinjau"
    ),
]
