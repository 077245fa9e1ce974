from django.urls import path

from kinerja.pengguna import views

app_name = "pengguna"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="baru"),
    path("<int:pk>/", views.rincian, name="rincian"),
]
