from django.urls import path

from kinerja.reviu_unggah import views

app_name = "reviu_unggah"

urlpatterns = [
    path("", views.halaman, name="halaman"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/temuan.xlsx", views.unduh_xlsx, name="xlsx"),
]
