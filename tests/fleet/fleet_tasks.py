"""Tasks of the fleet test: each run leaves a row, so a run twice or never shows."""

import os
import time

from django.db import connection
from django_tasks import task

TABLE = "fleet_test_runs"


def _record(n: int, what: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (n, what, pid) VALUES (%s, %s, %s)", [n, what, os.getpid()]
        )


@task()
def record(n: int) -> None:
    _record(n, "done")


@task()
def slow(n: int, seconds: float) -> None:
    _record(n, "started")
    time.sleep(seconds)
    _record(n, "done")
