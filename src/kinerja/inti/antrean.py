"""The job queue's hook points (django-tasks on the database queue, keputusan 0021).

`pekerja_mulai` is sent when the worker process starts, before it takes any task, so each
app can deal with the work a dead worker left half-done (the LKIP requeues its builds).
"""

from django.dispatch import Signal

pekerja_mulai = Signal()
