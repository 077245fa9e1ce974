"""The Jakarta Pusat example loaded once per module, Jakarta Pusat 2024 published by its
admin; Kecamatan Gambir gets a signed PK with a verified realisasi under a name that must
never appear in any open-data output, and stays unpublished."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction

from kinerja.contoh.muat import muat_contoh
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.organisasi.models import Organisasi
from kinerja.pengukuran.models import Realisasi
from kinerja.perencanaan.models import StatusPK
from tests import pabrik

RAHASIA = "Indikator Rahasia Gambir Tak Terbit"
SLUG_GAMBIR = "jakarta-pusat-kec-gambir"


@pytest.fixture(scope="module")
def contoh(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        muat_contoh("jakarta-pusat")
        jp = Organisasi.objects.get(slug="jakarta-pusat")
        admin = pabrik.pengguna("admin.terbuka", ("admin", jp))
        publikasi_atur(aktor=admin, organisasi=jp, tahun=2024, terbit=True, alasan="uji")
        gambir = Organisasi.objects.get(slug=SLUG_GAMBIR)
        ind, butir = pabrik.indikator_pk(gambir, target="80", nama=RAHASIA, kode="RHS", nomor=91)
        butir.pk_dokumen.status = StatusPK.DITANDATANGANI
        butir.pk_dokumen.save()
        Realisasi.objects.create(
            indikator=ind,
            organisasi=gambir,
            tahun=2024,
            jenis_periode="tahun",
            ke=1,
            nilai=Decimal("77.77"),
            status="diverifikasi",
        )
        yield {"jp": jp, "gambir": gambir, "admin": admin}
        transaction.set_rollback(True)
