from django.urls import path

from kinerja.evaluasi import views, views_lke

urlpatterns = [
    path("bukti/<int:pk>/", views_lke.bukti_unduh, name="evaluasi_bukti_unduh"),
    path("<slug:slug>/", views.daftar, name="evaluasi"),
    path("<slug:slug>/<int:pk>/temuan/", views.catat_temuan, name="evaluasi_catat_temuan"),
    path(
        "<slug:slug>/temuan/<int:pk>/tindak-lanjut/",
        views.tindak_lanjut,
        name="evaluasi_tindak_lanjut",
    ),
    path("<slug:slug>/register/", views_lke.register, name="evaluasi_register"),
    path("<slug:slug>/register/catat/", views_lke.register_catat, name="evaluasi_register_catat"),
    path("<slug:slug>/register/<int:pk>/", views_lke.register_ubah, name="evaluasi_register_ubah"),
    path("<slug:slug>/lke/<int:tahun>/", views_lke.lembar, name="evaluasi_lembar"),
    path("<slug:slug>/lke/<int:tahun>/buka/", views_lke.buka, name="evaluasi_lembar_buka"),
    path("<slug:slug>/lke/<int:tahun>/rekap/", views_lke.rekap, name="evaluasi_rekap"),
    path("<slug:slug>/lke/<int:tahun>/jawaban/<int:pk>/", views_lke.jawab, name="evaluasi_jawab"),
    path(
        "<slug:slug>/lke/<int:tahun>/jawaban/<int:pk>/tinjau/",
        views_lke.tinjau,
        name="evaluasi_tinjau",
    ),
    path(
        "<slug:slug>/lke/<int:tahun>/jawaban/<int:pk>/bukti/",
        views_lke.bukti,
        name="evaluasi_bukti",
    ),
    path(
        "<slug:slug>/lke/<int:tahun>/rekomendasi/",
        views_lke.rekomendasi,
        name="evaluasi_rekomendasi",
    ),
    path(
        "<slug:slug>/lke/<int:tahun>/<str:aksi>/",
        views_lke.transisi,
        name="evaluasi_transisi",
    ),
    path(
        "<slug:slug>/lke/<int:tahun>/unduh.<str:format>",
        views_lke.unduh,
        name="evaluasi_unduh",
    ),
]
