from django.urls import path

from kinerja.survei import views

urlpatterns = [
    path("<slug:slug>/<int:tahun>/putaran/", views.daftar_putaran, name="survei_daftar_putaran"),
    path("<slug:slug>/<slug:kode>/<int:tahun>/", views.hasil, name="survei_hasil"),
    path(
        "<slug:slug>/<slug:kode>/<int:tahun>/ekspor.xlsx",
        views.ekspor_hasil,
        name="survei_ekspor",
    ),
    path("<slug:slug>/<slug:kode>/<int:tahun>/rtl/", views.rtl, name="survei_rtl"),
    path("putaran/<int:pk>/", views.putaran, name="survei_putaran"),
    path("putaran/<int:pk>/grid.xlsx", views.ekspor_grid, name="survei_ekspor_grid"),
    path("putaran/<int:pk>/impor/", views.impor, name="survei_impor"),
    path("putaran/<int:pk>/status/", views.putaran_status, name="survei_putaran_status"),
    path("putaran/<int:pk>/ubah/", views.putaran_ubah, name="survei_putaran_ubah"),
    path("respon/<int:pk>/tinjau/", views.tinjau, name="survei_tinjau"),
]
