"""A fleet of task workers on several machines, and what happens when one dies.

The workers are django-tasks-db's ``db_worker``: each claims the next task with
``SELECT … FOR UPDATE SKIP LOCKED`` and marks it RUNNING in the same
transaction, so two workers never get the same task. What django-tasks-db does
not do is notice a worker that died mid-task (killed with SIGKILL, out of
memory, its machine gone): its task would stay RUNNING for ever. So each worker
(``python -m metelkaar db_worker``, this project's version of the command)
holds a lock named after its worker id for as long as it lives
(:func:`metelkaar.core.locks.exclusive`: a PostgreSQL advisory lock, released
by PostgreSQL when the process's connection closes), and every worker looks,
now and then, at the RUNNING tasks whose worker no longer holds its lock
(:func:`recover_lost_tasks`):

- a task that has had fewer than :setting:`TASK_MAX_ATTEMPTS` attempts is
  queued again (READY) and runs on the next free worker; tasks are written to
  be run again safely (each step claims its row with a conditional update, and
  e-mail goes through a delivery record, so nothing is sent twice);
- after that it is marked FAILED with :class:`WorkerLost` as the error, and the
  usual ``task_finished`` signal is sent, so the owner of the work can say so
  (a matching run shows "failed").

A task is never lost silently, and never judged lost while its worker lives.

The same loop sweeps the e-mail outbox every :setting:`DELIVERY_SWEEP_SECONDS`
(:func:`metelkaar.core.notifications.outbox.deliveries_sweep`: e-mail whose task
was lost, or whose send failed for a passing reason, is queued again), so a
deployment needs no cron line of its own for it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connections, transaction
from django.utils import timezone

from metelkaar.core import locks
from metelkaar.core.notifications.outbox import deliveries_sweep

logger = logging.getLogger(__name__)
# A task must have run this long before its worker is judged: covers the moment
# between a worker's claim and its lock being visible, and a database restart.
GRACE = dt.timedelta(seconds=5)


class WorkerLost(Exception):
    """The worker running this task ended before the task did."""


def liveness_lock(worker_id: str) -> str:
    return f"metelkaar.worker:{worker_id}"


def recover_lost_tasks(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Queue again, or fail, the RUNNING tasks whose worker has gone; returns the counts."""
    from django_tasks.signals import task_finished
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    counts = {"requeued": 0, "failed": 0}
    candidates = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=now - GRACE
    ).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            row = (
                DBTaskResult.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=TaskResultStatus.RUNNING)
                .first()
            )
            if row is None:
                continue
            worker = row.worker_ids[-1] if row.worker_ids else ""
            if worker and locks.is_held(liveness_lock(worker)):
                continue
            attempts = len(row.worker_ids)
            if attempts < settings.TASK_MAX_ATTEMPTS:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
                logger.warning(
                    "task queued again: its worker ended mid-task",
                    extra={"task": row.task_path, "task_id": str(row.pk),
                           "attempt": attempts, "worker": worker},
                )
            else:
                row.set_failed(WorkerLost(
                    f"the worker ended mid-task {attempts} times (workers {row.worker_ids})"
                ))
                counts["failed"] += 1
                logger.error(
                    "task failed: its workers ended mid-task",
                    extra={"task": row.task_path, "task_id": str(row.pk), "attempt": attempts},
                )
                result = row.task_result
                transaction.on_commit(
                    lambda result=result: task_finished.send(
                        sender=type(result.task.get_backend()), task_result=result
                    )
                )
    return counts


class Watch:
    """While a worker lives: hold its liveness lock, and recover lost tasks every ``interval`` s."""

    def __init__(self, worker_id: str, interval: float, sweep_every: float | None = None) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self.sweep_every = settings.DELIVERY_SWEEP_SECONDS if sweep_every is None else sweep_every
        self._next_sweep = 0.0
        self._stop = threading.Event()
        self._connection = connections.create_connection("default")
        self._lock = None
        self._thread = threading.Thread(target=self._loop, name="task-recovery", daemon=True)

    def __enter__(self) -> Watch:
        self._lock = locks.exclusive(liveness_lock(self.worker_id), connection=self._connection)
        if not self._lock.__enter__():
            raise RuntimeError(f"worker id {self.worker_id} is in use by another worker")
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join(timeout=self.interval + 5)
        self._lock.__exit__(*exc_info)
        self._connection.close()

    def tick(self, *, at: float | None = None) -> None:
        """One round: recover lost tasks; sweep the outbox when its interval has passed."""
        at = time.monotonic() if at is None else at
        counts = recover_lost_tasks()
        if any(counts.values()):
            logger.warning("lost tasks recovered", extra=counts)
        if self.sweep_every and at >= self._next_sweep:
            self._next_sweep = at + self.sweep_every
            result = deliveries_sweep()
            if result.queued or result.interrupted:
                logger.info("e-mail outbox swept",
                            extra={"queued": result.queued, "interrupted": result.interrupted})

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                close_old_connections()
                self.tick()
            except Exception:  # the database may be restarting: try again next time
                logger.exception("looking for lost tasks failed")
            finally:
                connections.close_all()
