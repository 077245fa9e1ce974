"""Settings for the test suite (pytest-django): the real settings plus test-only keys.

Each test process draws its own random SECRET_KEY and fingerprint key (there is no public
fallback in `kinerja.settings`); subprocesses started by tests inherit them. Rate limits of
login and API writes are lifted (browser tests log in often, schemathesis writes a lot);
tests of the limits set them with `settings`. The SQLite audit triggers let Django's test
flush empty the audit tables (TransactionTestCase, live_server); see docs/keputusan/0028.
"""

import os
import secrets

os.environ.setdefault("KINERJA_SECRET_KEY", "uji-" + secrets.token_urlsafe(50))
os.environ.setdefault("KINERJA_KUNCI_SIDIK", "uji-sidik-" + secrets.token_urlsafe(50))
os.environ.setdefault("KINERJA_BATAS_MASUK", "100000/m")
os.environ.setdefault("KINERJA_BATAS_API_TULIS", "100000/m")

from kinerja.settings import *  # noqa: E402, F403

KINERJA_AUDIT_BOLEH_KOSONGKAN_UJI = True

# The read replica in tests: alias `replika` mirrors the test database (TEST MIRROR: the same
# database through a second connection), the router stays off; tests/inti/test_replika.py
# switches it on (DATABASE_ROUTERS) and asks for both databases.
DATABASES["replika"] = {  # noqa: F405
    **DATABASES.get("replika", DATABASES["default"]),  # noqa: F405
    "TEST": {"MIRROR": "default"},
}
DATABASE_ROUTERS = []
