"""Copy TemuanEvaluasi and TindakLanjutBPK into the follow-up register (nothing deleted)."""

from django.db import migrations


def maju(apps, schema_editor):
    from kinerja.evaluasi.salin import salin_ke_register

    salin_ke_register(
        apps.get_model("evaluasi", "TemuanEvaluasi"),
        apps.get_model("evaluasi", "TindakLanjutBPK"),
        apps.get_model("evaluasi", "TindakLanjut"),
    )


def mundur(apps, schema_editor):
    apps.get_model("evaluasi", "TindakLanjut").objects.exclude(asal="").delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0002_lembar_kerja_register")]

    operations = [migrations.RunPython(maju, mundur)]
