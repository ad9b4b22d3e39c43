"""Queue a background task once the current transaction has committed.

Services name the task by its dotted path instead of importing the tasks
module: tasks import services, services never import tasks (the import
contract in ``.importlinter``), and a worker never reads a row that is not
committed yet. Outside a transaction the task is queued at once.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError, transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def enqueue_on_commit(task_path: str, *args: Any) -> None:
    """Queue ``task_path`` (``"metelkaar.app.tasks.name"``) with ``args`` after the commit.

    The task is resolved now, so a wrong name fails in the service and its
    tests, not later in a worker. If queueing fails after the commit, the
    error is logged and the step stays done (the outbox sweep catches lost
    e-mail; see :mod:`metelkaar.core.notifications`).
    """
    task = import_string(task_path)
    transaction.on_commit(lambda: task.enqueue(*args), robust=True)


def enqueue_each_on_commit(task_path: str, args_list: list[tuple]) -> None:
    """Queue ``task_path`` once per ``args`` of ``args_list``, after the commit, in one go.

    For thousands of tasks (the e-mails of an import): one callback queues them
    all inside one transaction, so the task table takes one commit instead of
    one per task. If queueing fails, none is queued and the error is logged;
    the outbox sweep queues lost deliveries again.
    """
    task = import_string(task_path)

    def queue_all() -> None:
        try:
            with transaction.atomic():
                for args in args_list:
                    task.enqueue(*args)
        except DatabaseError:
            logger.exception("queueing %s tasks of %s failed", len(args_list), task_path)

    if args_list:
        transaction.on_commit(queue_all, robust=True)
