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

When PostgreSQL cuts a worker's connections (a restart, a fail-over,
``pg_terminate_backend``), the worker lives on: its loop connects again
(:class:`metelkaar.core.management.commands.db_worker.Worker`), the task it
was running when the cut came is judged lost at once (``gone=`` in
:func:`recover_lost_tasks`: queued again, or failed after its attempts), and
:class:`Watch` takes the liveness lock again on a new connection within
:data:`HEARTBEAT` seconds.

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
from django.db import DatabaseError, close_old_connections, connections, transaction
from django.utils import timezone

from metelkaar.core import locks
from metelkaar.core.notifications.outbox import deliveries_sweep

logger = logging.getLogger(__name__)
# A task must have run this long before its worker is judged: covers the moment
# between a worker's claim and its lock being visible, and a database restart.
GRACE = dt.timedelta(seconds=5)
# Seconds between a worker's checks that its lock's connection still lives.
HEARTBEAT = 1.0


class WorkerLost(Exception):
    """The worker running this task ended before the task did."""


def liveness_lock(worker_id: str) -> str:
    return f"metelkaar.worker:{worker_id}"


def recover_lost_tasks(
    *, now: dt.datetime | None = None, gone: str | None = None
) -> dict[str, int]:
    """Queue again, or fail, the RUNNING tasks whose worker has gone; returns the counts.

    ``gone`` names a worker known to have lost its tasks (the calling worker,
    between tasks, after its database connection was cut mid-task): its
    RUNNING tasks are judged at once, although it holds its lock again.
    """
    from django_tasks.signals import task_finished
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    counts = {"requeued": 0, "failed": 0}
    candidates = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    if not gone:
        candidates = candidates.filter(started_at__lt=now - GRACE)
    candidates = candidates.values_list("pk", flat=True)
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
            if worker != gone and (
                row.started_at is None
                or row.started_at >= now - GRACE
                or (worker and locks.is_held(liveness_lock(worker)))
            ):
                continue
            attempts = len(row.worker_ids)
            if attempts < settings.TASK_MAX_ATTEMPTS:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                counts["requeued"] += 1
                logger.warning(
                    "task queued again: its worker lost the database mid-task"
                    if worker == gone
                    else "task queued again: its worker ended mid-task",
                    extra={
                        "task": row.task_path,
                        "task_id": str(row.pk),
                        "attempt": attempts,
                        "worker": worker,
                    },
                )
            else:
                row.set_failed(
                    WorkerLost(
                        f"the worker ended mid-task {attempts} times (workers {row.worker_ids})"
                    )
                )
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


def _own_connection():
    """A database connection of its own, usable from the watch thread and the main thread."""
    connection = connections.create_connection("default")
    connection.inc_thread_sharing()
    return connection


class Watch:
    """While a worker lives: hold its liveness lock, and recover lost tasks every ``interval`` s.

    The lock lives on a connection of its own. PostgreSQL releases it when that
    connection ends, also when the database cuts it (a restart, a fail-over,
    ``pg_terminate_backend``); so every :data:`HEARTBEAT` seconds the watch
    checks the connection and, when it is gone, takes the lock again on a new
    one, well before another worker's next look (every ``interval`` s, after
    :data:`GRACE`) could judge this worker's task lost.
    """

    def __init__(self, worker_id: str, interval: float, sweep_every: float | None = None) -> None:
        self.worker_id = worker_id
        self.interval = interval
        self.heartbeat = min(interval, HEARTBEAT)
        self.sweep_every = settings.DELIVERY_SWEEP_SECONDS if sweep_every is None else sweep_every
        self._next_sweep = 0.0
        self._stop = threading.Event()
        self._connection = _own_connection()
        self._lock = None
        self._thread = threading.Thread(target=self._loop, name="task-recovery", daemon=True)

    def __enter__(self) -> Watch:
        if not self._take():
            raise RuntimeError(f"worker id {self.worker_id} is in use by another worker")
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self.interval + 5)
        self._release()

    def _take(self) -> bool:
        lock = locks.exclusive(liveness_lock(self.worker_id), connection=self._connection)
        held = lock.__enter__()
        self._lock = lock if held else None
        return held

    def _release(self) -> None:
        """Let the lock go and close its connection; quietly if the database cut it already."""
        lock, self._lock = self._lock, None
        try:
            if lock is not None:
                lock.__exit__(None, None, None)
        except DatabaseError:
            pass
        finally:
            try:
                self._connection.close()
            except DatabaseError:
                pass

    def keep_lock(self) -> bool:
        """Whether the worker holds its lock; takes it again on a new connection if it was cut."""
        if self._connection.vendor != "postgresql":
            return True  # SQLite: a file lock of this process, no connection to lose
        if self._lock is not None:
            try:
                with self._connection.cursor() as cursor:
                    cursor.execute("SELECT 1")
                return True
            except DatabaseError:
                logger.warning(
                    "the worker's database connection was cut; taking its lock again",
                    extra={"worker": self.worker_id},
                )
        self._release()
        self._connection = _own_connection()
        try:
            held = self._take()
        except DatabaseError:
            return False  # the database is still away: try again at the next heartbeat
        if held:
            logger.warning("the worker holds its lock again", extra={"worker": self.worker_id})
        else:
            logger.error(
                "the worker's lock is held by another session; trying again",
                extra={"worker": self.worker_id},
            )
        return held

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
                logger.info(
                    "e-mail outbox swept",
                    extra={"queued": result.queued, "interrupted": result.interrupted},
                )

    def _loop(self) -> None:
        next_tick = time.monotonic() + self.interval
        while not self._stop.wait(self.heartbeat):
            try:
                held = self.keep_lock()
            except Exception:
                logger.exception("checking the worker's lock failed")
                held = False
            if not held or time.monotonic() < next_tick:
                continue  # without the lock, this worker does not judge others
            next_tick = time.monotonic() + self.interval
            try:
                close_old_connections()
                self.tick()
            except Exception:  # the database may be restarting: try again next time
                logger.exception("looking for lost tasks failed")
            finally:
                connections.close_all()
