"""PostgreSQL drops every connection mid-run: a clear 503, then the processes reconnect.

One gunicorn process and one ``db_worker`` run on this test's PostgreSQL
database (with a Redis of the test's own, as in production). A request is held
in flight by a table lock taken from another connection; then that connection
terminates every other backend of the database (``pg_terminate_backend``, what a
PostgreSQL restart or fail-over does to the processes). Then:

1. the request in flight answers 503 with the plain "one moment" page and no
   traceback, not a 500;
2. the next request of the same process is served again (it reconnected);
3. the worker connects again and holds its liveness lock again (so no other
   worker judges its tasks lost): the tasks queued during the drop and one
   queued after it each run once, by the same worker process.

Needs PostgreSQL: skipped with the reason on SQLite; ``.ci/run`` sets
``METELKAAR_FLEET_REQUIRED=1`` for its PostgreSQL run, so there a skip fails.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from tests.fleet.test_fleet import REQUIRED, _http, _runs, _until, _why_not, running_fleet

if (reason := _why_not()) and not REQUIRED:
    pytestmark = pytest.mark.skip(reason=reason)


def _admin_connection():
    import psycopg

    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        dbname=db["NAME"],
    )


def _waiting_on_lock(admin, dbname: str) -> int:
    with admin.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
            [dbname],
        )
        return cursor.fetchone()[0]


def _terminate_others(admin, dbname: str) -> int:
    with admin.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
            "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [dbname],
        )
        return cursor.fetchone()[0]


@pytest.fixture
def small_fleet(transactional_db, tmp_path, settings):
    with running_fleet(tmp_path, settings, web=1, workers=1) as running:
        yield running


def test_a_dropped_database_gives_a_clear_503_then_everything_reconnects(small_fleet, programme):
    from django_tasks_db.models import DBTaskResult

    from metelkaar.programmes.models import Programme
    from tests.fleet import fleet_tasks

    fleet = small_fleet
    [port] = fleet.ports
    page = fleet.url(port, "/aanmelden/")
    assert _http(page)[0] == 200
    for n in range(20):
        fleet_tasks.record.enqueue(n)
    _until(lambda: _runs()[0] == 20, 60, "the first 20 tasks ran")

    dbname = connection.settings_dict["NAME"]
    admin = _admin_connection()
    answer: dict = {}
    try:
        with admin.cursor() as cursor:  # a transaction: the lock holds until rollback
            cursor.execute(f"LOCK TABLE {Programme._meta.db_table} IN ACCESS EXCLUSIVE MODE")
        for n in range(20, 40):  # queued while the page waits (the queue is not locked)
            fleet_tasks.record.enqueue(n)
        keys = ("status", "body", "headers")
        flight = threading.Thread(
            target=lambda: answer.update(
                zip(keys, _http(page, headers={"Accept": "text/html"}), strict=True)
            )
        )
        flight.start()
        _until(lambda: _waiting_on_lock(admin, dbname) >= 1, 20, "the request waits in flight")
        assert _terminate_others(admin, dbname) >= 2  # the web process and the worker
    finally:
        admin.rollback()
        admin.close()
    flight.join(30)

    # 1. The request in flight: a clear 503, no traceback.
    body = answer["body"].decode()
    assert answer["status"] == 503, (answer["status"], body[:300])
    assert "Even geduld" in body and "One moment" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert answer["headers"].get("Retry-After") == "5"

    # 2. The same process serves the next request: it connected again.
    _until(lambda: _http(page)[0] == 200, 20, "the page is served again")
    assert fleet.web[0].poll() is None

    # 3. The worker connects again, takes its liveness lock again and runs what is queued.
    connection.close()  # this test's own connection was terminated too
    fleet_tasks.record.enqueue(40)  # queued after the drop
    _until(lambda: _runs()[1] == 41, 60, "the tasks queued during and after the drop ran")
    # The task running when the cut came was queued again and may have run twice (as after a
    # SIGKILL: tasks are written to be run again safely); every other task ran exactly once,
    # the one queued after the drop too.
    again = {
        row.args_kwargs["args"][0]
        for row in DBTaskResult.objects.filter(task_path=fleet_tasks.record.module_path)
        if len(row.worker_ids) > 1
    }
    assert len(again) <= 1 and 40 not in again
    runs = _runs_of_each()
    assert sorted(runs) == list(range(41))
    assert {n: count for n, count in runs.items() if count != 1}.keys() <= again
    assert all(count <= 2 for count in runs.values())
    [worker] = fleet.workers
    assert worker.poll() is None
    _until(lambda: _liveness_locks(dbname) == 1, 20, "the worker holds its liveness lock again")
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT pid FROM fleet_test_runs WHERE n >= 20")
        assert len(cursor.fetchall()) == 1


def _runs_of_each() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT n, count(*) FROM fleet_test_runs WHERE what = 'done' GROUP BY n")
        return dict(cursor.fetchall())


def _liveness_locks(dbname: str) -> int:
    """Advisory locks held on the database (the worker's liveness lock is the only one)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
            "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = %s",
            [dbname],
        )
        return cursor.fetchone()[0]
