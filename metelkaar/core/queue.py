"""Queue a background task once the current transaction has committed.

Services name the task by its dotted path instead of importing the tasks
module: tasks import services, services never import tasks (the import
contract in ``.importlinter``), and a worker never reads a row that is not
committed yet. Outside a transaction the task is queued at once.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
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
