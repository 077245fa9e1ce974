"""jalur with fixed-width ids (see Organisasi): recomputed for every unit, parents first."""

from django.db import migrations

LEBAR = 12


def hitung_ulang(apps, schema_editor):
    Organisasi = apps.get_model("organisasi", "Organisasi")
    semua = {o.pk: o for o in Organisasi.objects.all()}

    def jalur(o):
        awal = jalur(semua[o.induk_id]) if o.induk_id else "/"
        return awal + f"{o.pk:0{LEBAR}d}/"

    for o in semua.values():
        baru = jalur(o)
        if baru != o.jalur:
            Organisasi.objects.filter(pk=o.pk).update(jalur=baru)


class Migration(migrations.Migration):
    dependencies = [("organisasi", "0001_initial")]

    operations = [migrations.RunPython(hitung_ulang, migrations.RunPython.noop)]
