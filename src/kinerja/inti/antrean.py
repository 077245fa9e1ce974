"""The job queue's hook points (django-tasks on the database queue, keputusan 0021).

`pekerja_mulai` is sent when the worker process starts, before it takes any task, so each
app can deal with the work a dead worker left half-done (the LKIP requeues its builds).
"""

from django.dispatch import Signal

pekerja_mulai = Signal()


def terputus(pekerjaan: list) -> list:
    """Of the jobs still marked queued/running (each with its task id `id_tugas`), those whose
    task the queue still marks RUNNING: at worker start that means the previous worker died
    while running them. Their task rows are marked FAILED so they are not taken twice; the
    caller requeues or fails the job itself. A job still waiting in the queue is left alone
    (the worker will take it)."""
    from django_tasks_db.models import DBTaskResult

    berjalan = {
        str(i)
        for i in DBTaskResult.objects.filter(
            id__in=[p.id_tugas for p in pekerjaan], status="RUNNING"
        ).values_list("id", flat=True)
    }
    putus = [p for p in pekerjaan if p.id_tugas in berjalan]
    DBTaskResult.objects.filter(id__in=[p.id_tugas for p in putus]).update(status="FAILED")
    return putus
