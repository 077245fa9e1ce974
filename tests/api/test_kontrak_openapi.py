"""The OpenAPI contract (issue 14, "API parity"): schemathesis generates requests for EVERY
operation in /api/openapi.json, valid and invalid, sends them to the WSGI app with a logged-in
session, and checks every answer against the schema: no server error, every status code
documented, every body matching its documented schema, schema-invalid requests refused,
schema-valid ones accepted. Operations added later are covered without changing this file.

Two passes (docs/keputusan/0026-kontrak-openapi.md):
- as a reader (pimpinan of the city, sees every unit): all of schemathesis' checks;
- write operations as the unit's operator, so the services' own rules are reached with
  generated data: all checks except `positive_data_acceptance`, because a schema-valid body can
  still break a rule that depends on the indicator or its state (a verified row is locked, an
  explanation is required below 100%), which the API answers with a documented 422.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kinerja.api import skema
from kinerja.api.api import api
from kinerja.organisasi.layanan import publikasi_atur
from kinerja.wsgi import application
from tests import pabrik
from tests.evaluasi.bantu import lembar_setiap_tahun
from tests.skp.bantu import pegawai as pegawai_skp
from tests.skp.bantu import rhk as rhk_skp

CONTOH_PER_OPERASI = 50
# Open data (keputusan 0060): the unit and year data_uji publishes, for answers with figures
QUERY_NYATA = {"/terbuka/api/data": {"unit": "kelurahan-a", "tahun": 2024}}

_schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api"))
_schema.app = application
# The session cookie is sent by the test (a real login), not generated from the schema.
_schema.config.generation.update(with_security_parameters=False)
OPERASI = [op.ok() for op in _schema.get_all_operations()]
_SESI: dict = {}  # the logged-in session of the running test: cookies and headers
# Real ids for body fields (SKP, issue 16) that valid bodies often get, like indikator_id:
# field -> (id, other fields that go with it)
_ID_NYATA: dict[str, tuple[int, dict]] = {}


@_schema.auth(refresh_interval=None)
class _AuthSesi:
    """The test's real session as schemathesis' auth, so its `ignored_auth` check can send
    the same request without it (and with a forged one) and expect 401."""

    def get(self, case, ctx):
        return _SESI

    def set(self, case, data, ctx):
        case.cookies = {**(case.cookies or {}), **data["cookies"]}
        case.headers = {**(case.headers or {}), **data["headers"]}


def _label(op) -> str:
    return f"{op.method.upper()} {op.path}"


def _kasus(operasi):
    """(operation, mode, fixed path parameters): valid requests for every operation, invalid
    ones for every operation that takes input (one without parameters or body has nothing to
    get wrong), and for operations on a unit also valid requests on a real unit."""
    for op in operasi:
        yield pytest.param(op, GenerationMode.POSITIVE, None, id=f"positif-{_label(op)}")
        if op.definition.raw.get("parameters") or op.definition.raw.get("requestBody"):
            yield pytest.param(op, GenerationMode.NEGATIVE, None, id=f"negatif-{_label(op)}")
        if "{slug}" in op.path:
            # the province page takes a province's slug (data_uji's provinsi-uji)
            nyata = {"slug": "provinsi-uji" if "/provinsi/" in op.path else "kelurahan-a"}
            yield pytest.param(op, GenerationMode.POSITIVE, nyata, id=f"unit-{_label(op)}")
        if op.path in QUERY_NYATA:  # fixed query parameters, not path ones
            nyata = {"query": QUERY_NYATA[op.path]}
            yield pytest.param(op, GenerationMode.POSITIVE, nyata, id=f"terbit-{_label(op)}")


@pytest.fixture
def data_uji(db):
    p = pabrik.pohon_kecil()
    p["ind"], _ = pabrik.indikator_pk(p["kel_a"], target="90.35", kode="1.1")
    lembar_setiap_tahun(p["kel_a"])  # LKE worksheets, so /lke answers 200 for generated years
    # SKP: op_a is the lurah (an employee with an atasan and one staff member to rate)
    camat = pegawai_skp("camat", "administrator", p["kec"], n=1, akun=False)
    lurah = pegawai_skp("lurah", "administrator", p["kel_a"], camat, n=2, akun=False)
    lurah.pengguna = p["op_a"]
    lurah.save()
    staf = pegawai_skp("staf", "pelaksana", p["kel_a"], lurah, n=3, akun=False)
    rhk_skp(staf, "Laporan staf")
    milik = rhk_skp(lurah, "Laporan lurah")
    _ID_NYATA.clear()
    _ID_NYATA["indikator_rhk_id"] = (milik.indikator.get().pk, {})
    _ID_NYATA["pegawai_id"] = (staf.pk, {"tahun": 2024})
    publikasi_atur(aktor=p["op_a"], organisasi=p["kel_a"], tahun=2024, terbit=True)
    _provinsi_setiap_tahun(p["pimpinan"])
    return p


def _provinsi_setiap_tahun(pimpinan) -> None:
    """A province with one kota holding a PK in every year the API accepts (a year without
    any PK is a 404 there), read by the pimpinan, so /provinsi answers 200 with a unit row."""
    from kinerja.perencanaan.models import PerjanjianKinerja

    prov = pabrik.organisasi("Provinsi Uji", "provinsi", slug="provinsi-uji")
    kota = pabrik.organisasi("Kota Provinsi Uji", "kota_administrasi", prov, slug="kota-prov-uji")
    PerjanjianKinerja.objects.bulk_create(
        PerjanjianKinerja(organisasi=kota, tahun=t, pihak_pertama_jabatan="Wali Kota")
        for t in range(skema.TAHUN_MIN, skema.TAHUN_MAKS + 1)
    )
    pimpinan.penugasan.create(organisasi=prov, peran="pimpinan")


def _masuk(user) -> None:
    """Log `user` in like a browser: session cookie and CSRF token (cookie and header)."""
    c = Client()
    c.force_login(user)
    c.get("/masuk/")  # sets the csrftoken cookie
    cookies = {k: v.value for k, v in c.cookies.items()}
    _SESI.update(cookies=cookies, headers={"X-CSRFToken": cookies.get("csrftoken", "")})


def _jalankan(op, mode, excluded=(), *, indikator_id=None, path_parameters=None) -> Counter:
    """Up to CONTOH_PER_OPERASI generated requests; the first failure fails the test with
    schemathesis' report (what was sent, what came back, a curl command to reproduce it).
    Valid bodies (of an operation with `indikator_id`) often get a real annual numeric
    indicator, so the services are reached and some writes succeed.
    Returns the status codes answered."""
    nyata = dict(path_parameters or {})
    query = nyata.pop("query", None)
    strategi = op.as_strategy(generation_mode=mode, path_parameters=nyata or None, query=query)
    kode: Counter = Counter()

    @settings(
        max_examples=CONTOH_PER_OPERASI,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategi, nilai=st.none() | st.from_regex(skema.POLA_DESIMAL, fullmatch=True))
    def uji(case, nilai):
        if (
            nilai
            and indikator_id
            and mode == GenerationMode.POSITIVE
            and isinstance(case.body, dict)
            and "indikator_id" in case.body
        ):
            # what depends on the indicator (annual, numeric), so that writes can succeed;
            # the numbers, years and texts stay generated
            body = {**case.body, "indikator_id": indikator_id, "jenis_periode": "tahun", "ke": 1}
            body.update(nilai_teks="", ajukan=False, nilai=body.get("nilai") or nilai)
            body.update(pembilang=None, penyebut=None)  # not a ratio indicator
            case.body = body
        if nilai and mode == GenerationMode.POSITIVE and isinstance(case.body, dict):
            for bidang, (id_, lain) in _ID_NYATA.items():
                if bidang in case.body:
                    case.body = {**case.body, bidang: id_, **lain}
        kode[case.call_and_validate(excluded_checks=list(excluded)).status_code] += 1

    # The WSGI app is called directly, not through Django's test client: like that client,
    # keep the test's database connection (and its transaction) open between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        uji()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert 401 not in kode, f"sesi tidak terpakai: {kode}"  # the login really was used
    return kode


def test_ada_operasi_tulis_dan_baca():
    metode = {op.method.upper() for op in OPERASI}
    assert {"GET", "POST"} <= metode and len(OPERASI) >= 6


@pytest.mark.parametrize(("op", "mode", "path"), list(_kasus(OPERASI)))
def test_kontrak_pembaca(data_uji, op, mode, path):
    _masuk(data_uji["pimpinan"])
    kode = _jalankan(op, mode, path_parameters=path, indikator_id=data_uji["ind"].pk)
    if path:  # a real unit: some generated years are answered with data
        assert kode[200] > 0, kode
        if "/provinsi/" in op.path:  # every year has a PK and the pimpinan may read it
            assert set(kode) == {200}, kode


@pytest.mark.parametrize(
    ("op", "mode", "path"), list(_kasus(o for o in OPERASI if o.method.upper() != "GET"))
)
def test_kontrak_penulis(data_uji, op, mode, path):
    _masuk(data_uji["op_a"])
    kode = _jalankan(
        op,
        mode,
        excluded=[positive_data_acceptance],
        path_parameters=path,
        indikator_id=data_uji["ind"].pk,
    )
    if mode == GenerationMode.POSITIVE:  # the services were reached: some writes succeeded
        assert kode[200] > 0, kode
