"""One log line per task, with the id of the request that queued it.

Connected to django-tasks' ``task_started`` and ``task_finished`` signals, which
every worker (and the immediate backend of the tests) sends around each task.
While the task runs, the request id is the context's, so anything the task
logs carries it too. Lines name the task, its id, attempt, worker, status and
duration; never its arguments.
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar

from django.dispatch import receiver
from django_tasks.signals import task_finished, task_started

from metelkaar.core.requestlog import request_id_var
from metelkaar.core.tasks_backend import request_id_of

logger = logging.getLogger("metelkaar.tasks")
_running: ContextVar[dict | None] = ContextVar("metelkaar_running_tasks", default=None)


def _fields(task_result) -> dict:
    worker_ids = list(getattr(task_result, "worker_ids", []) or [])
    return {
        "task": task_result.task.module_path,
        "task_id": str(task_result.id),
        "attempt": len(worker_ids) or 1,
        "worker": worker_ids[-1] if worker_ids else None,
    }


@receiver(task_started)
def _started(sender, task_result, **kwargs) -> None:
    running = dict(_running.get() or {})
    request_id = request_id_of(task_result)
    token = request_id_var.set(request_id) if request_id else None
    running[str(task_result.id)] = (time.perf_counter(), token)
    _running.set(running)
    logger.info("task started", extra=_fields(task_result))


@receiver(task_finished)
def _finished(sender, task_result, **kwargs) -> None:
    running = dict(_running.get() or {})
    started, token = running.pop(str(task_result.id), (None, None))
    _running.set(running)
    fields = _fields(task_result)
    fields["status"] = str(task_result.status)
    if started is not None:
        fields["duration_ms"] = round((time.perf_counter() - started) * 1000, 1)
    if request_id := request_id_of(task_result):
        fields["request_id"] = request_id
    level = logging.WARNING if fields["status"].endswith("FAILED") else logging.INFO
    logger.log(level, "task finished", extra=fields)
    if token is not None:
        try:
            request_id_var.reset(token)
        except ValueError:  # set in another context (a thread of its own)
            request_id_var.set(None)
