from django.apps import AppConfig


class LkipConfig(AppConfig):
    name = "kinerja.lkip"
    verbose_name = "LKIP"

    def ready(self):
        from kinerja.inti.antrean import pekerja_mulai
        from kinerja.lkip.layanan import pulihkan_pekerjaan_terputus
        from kinerja.lkip.massal import pulihkan_massal_terputus

        pekerja_mulai.connect(pulihkan_pekerjaan_terputus, dispatch_uid="lkip-pulihkan")
        pekerja_mulai.connect(pulihkan_massal_terputus, dispatch_uid="lkip-massal-pulihkan")
