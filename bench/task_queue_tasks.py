"""The no-op task of bench/task_queue.py: returns how long it waited to start."""

import time

from django_tasks import task


@task()
def noop(enqueued_at: float) -> float:
    return time.time() - enqueued_at
