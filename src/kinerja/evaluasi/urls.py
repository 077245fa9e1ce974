from django.urls import path

from kinerja.evaluasi import views

urlpatterns = [
    path("<slug:slug>/", views.daftar, name="evaluasi"),
    path("<slug:slug>/<int:pk>/temuan/", views.catat_temuan, name="evaluasi_catat_temuan"),
    path(
        "<slug:slug>/temuan/<int:pk>/tindak-lanjut/",
        views.tindak_lanjut,
        name="evaluasi_tindak_lanjut",
    ),
]
