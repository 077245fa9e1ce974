from django.contrib.auth import views as auth_views
from django.urls import path

from kinerja.inti import bahasa, views

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path("tahap/<slug:tahap>/", views.tahap, name="tahap"),
    path(
        "pindah/", views.pindah_unit, name="pindah_unit"
    ),  # the unit and year picker  # one SAKIP stage, all my units
    path("masuk/", auth_views.LoginView.as_view(template_name="inti/masuk.html"), name="masuk"),
    path("keluar/", auth_views.LogoutView.as_view(), name="keluar"),
    path("bahasa/", bahasa.atur_bahasa, name="atur_bahasa"),  # footer language choice
]
