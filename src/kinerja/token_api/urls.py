from django.urls import path

from kinerja.token_api import views

app_name = "token_api"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pk>/", views.rincian, name="rincian"),
    path("<int:pk>/cabut/", views.cabut, name="cabut"),
]
