"""Root URLs. Each area has its own module; views stay thin and call selectors/services."""

from django.contrib import admin
from django.urls import include, path

from kinerja.inti.views import sehat
from kinerja.terbuka.api import api as api_terbuka

urlpatterns = [
    # First: the public form takes the most requests, and resolving it after every other
    # area's patterns cost ~0,1 ms each (keputusan 0065). Its prefixes (s/, u/,
    # survei-publik/) match nothing else.
    path("", include("kinerja.survei_publik.urls")),  # public form /s/<kode>/, invitations, kiosk
    path("admin/", admin.site.urls),
    path("sehat/", sehat, name="sehat"),
    path("pengguna/", include("kinerja.pengguna.urls")),  # accounts and roles, for admins
    path("token/", include("kinerja.token_api.urls")),  # API service tokens, for admins
    path("2fa/", include("kinerja.dua_faktor.urls")),  # second factor: enrol, verify, policy
    path("", include("kinerja.inti.urls")),  # beranda, masuk, keluar
    path(
        "o/<slug:slug>/<int:tahun>/", include("kinerja.pengukuran.urls_dasbor")
    ),  # dasbor, indikator, PK
    path("isian/", include("kinerja.pengukuran.urls_isian")),  # entry, verification, evidence
    path("pertukaran/", include("kinerja.pertukaran.urls")),  # Excel import/export
    path("perencanaan/", include("kinerja.perencanaan.urls")),  # PK: create, lines, revisions
    path("skp/", include("kinerja.skp.urls")),  # SKP pegawai: RHK, cascade, penilaian
    path("evaluasi/", include("kinerja.evaluasi.urls")),  # SAKIP evaluation and BPK follow-up
    path("anggaran/", include("kinerja.anggaran.urls")),  # budget and NKA (PMK 22/2021)
    path("lkip/", include("kinerja.lkip.urls")),  # build and download the LKIP
    path("monev/", include("kinerja.monev.urls")),  # calendar, early warning, reminders
    path("provinsi/", include("kinerja.provinsi.urls")),  # comparison of a province's units
    path("reviu/", include("kinerja.reviu_unggah.urls")),  # reviu of an uploaded LKIP file
    path("api/", include("kinerja.api.urls")),  # django-ninja, OpenAPI at /api/docs
    path("survei/", include("kinerja.survei.urls")),  # survey results, review, import
    path("terbuka/api/", api_terbuka.urls),  # open data JSON API (no login), keputusan 0060
    path("terbuka/", include("kinerja.terbuka.urls")),  # open data for citizens (no login)
]

# Error pages in the site layout, in Indonesian (templates 400/403/404/500.html in inti).
handler400 = "kinerja.inti.views.galat_400"
handler403 = "kinerja.inti.views.galat_403"
handler404 = "kinerja.inti.views.galat_404"
handler500 = "kinerja.inti.views.galat_500"
