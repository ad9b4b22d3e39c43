"""django-tasks-db's database backend, storing the queuing request's id with each task.

The id goes into the task row's ``args_kwargs`` JSON beside ``args`` and
``kwargs`` (the worker reads only those two), so the worker's log lines for the
task carry the id of the request that queued it (:mod:`metelkaar.core.tasklog`).
Everything else is django-tasks-db's: workers claim tasks with
``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so each task runs once.
"""

from __future__ import annotations

from django_tasks_db.backend import DatabaseBackend as _DatabaseBackend
from django_tasks_db.compat import normalize_json

from metelkaar.core.requestlog import current_request_id


class DatabaseBackend(_DatabaseBackend):
    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        args_kwargs = normalize_json({"args": args, "kwargs": kwargs})
        if request_id := current_request_id():
            args_kwargs["request_id"] = request_id
        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=args_kwargs,
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )


def request_id_of(task_result) -> str | None:
    """The id of the request that queued ``task_result`` (None if none, or another backend)."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None:
        return None
    return (db_result.args_kwargs or {}).get("request_id")
