"""Django's PostgreSQL backend with a health check that costs no round trip.

With persistent connections (CONN_MAX_AGE) and CONN_HEALTH_CHECKS, Django checks the
connection at the first query of every request with `SELECT 1`: one more round trip and
one more backend wake-up per request, measured at 1,2 ms of worker CPU per public survey
submission, a fifth of it (docs/keputusan/0065). A connection that the server ended
(restart, `pg_terminate_backend`, idle timeout, crash) has its FATAL message or EOF waiting
on the socket, so an idle connection with nothing to read is usable; anything else (data
waiting, a transaction left open, an error in this request) still gets the full `SELECT 1`.
A peer that vanished without closing (cable pulled) is not seen by either check until TCP
gives up; the query then fails and Django closes the connection as before.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        con = self.connection
        if con is None or con.closed:
            return False
        if self.errors_occurred or con.info.transaction_status != pq.TransactionStatus.IDLE:
            return super().is_usable()
        try:
            tunggu = select.poll()
            tunggu.register(con.fileno(), select.POLLIN | select.POLLPRI)
            siap = tunggu.poll(0)
        except (OSError, ValueError):
            return False
        # nothing to read: the server has sent neither an error nor EOF
        return not siap or super().is_usable()
