from django.apps import AppConfig


class MonevConfig(AppConfig):
    name = "kinerja.monev"
    verbose_name = "Monitoring dan evaluasi (monev)"

    def ready(self):
        from kinerja.inti.antrean import pekerja_mulai
        from kinerja.monev import izin  # noqa: F401  (registers the rules permissions)
        from kinerja.monev.layanan import jadwalkan_pengingat_harian

        # the worker queues the day's reminder job when it starts (keputusan 0053)
        pekerja_mulai.connect(jadwalkan_pengingat_harian, dispatch_uid="monev-pengingat")
