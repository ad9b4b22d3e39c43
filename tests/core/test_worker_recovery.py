"""A task whose worker died is queued again, or failed after its attempts; never lost."""

import datetime as dt
import threading

import pytest
from django.db import connections
from django.utils import timezone

from metelkaar.core import locks, workers


def _running(task_path, worker_ids, args=()):
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.create(
        args_kwargs={"args": list(args), "kwargs": {}}, task_path=task_path,
        backend_name="default", run_after=get_date_max(), status="RUNNING",
        worker_ids=list(worker_ids), started_at=timezone.now() - dt.timedelta(minutes=1),
    )


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_task_of_a_dead_worker_is_queued_again(db_tasks):
    row = _running("metelkaar.programmes.tasks.send_signup_confirmation", ["gone"])
    assert workers.recover_lost_tasks() == {"requeued": 1, "failed": 0}
    row.refresh_from_db()
    assert row.status == "READY" and row.started_at is None


@pytest.mark.django_db(transaction=True)
def test_a_task_of_a_living_worker_is_left_alone(db_tasks):
    row = _running("metelkaar.programmes.tasks.send_signup_confirmation", ["alive"])
    ready, release = threading.Event(), threading.Event()

    def worker():
        try:
            with locks.exclusive(workers.liveness_lock("alive")) as held:
                assert held
                ready.set()
                release.wait(30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert ready.wait(30)
        assert workers.recover_lost_tasks() == {"requeued": 0, "failed": 0}
    finally:
        release.set()
        thread.join(30)
    row.refresh_from_db()
    assert row.status == "RUNNING"


@pytest.mark.django_db(transaction=True)
def test_a_task_just_claimed_is_not_judged(db_tasks):
    row = _running("metelkaar.programmes.tasks.send_signup_confirmation", ["gone"])
    type(row).objects.filter(pk=row.pk).update(started_at=timezone.now())
    assert workers.recover_lost_tasks() == {"requeued": 0, "failed": 0}


@pytest.mark.django_db(transaction=True)
def test_after_its_attempts_a_lost_matching_run_is_failed_and_says_so(
    db_tasks, programme, anna, settings
):
    from metelkaar.proposals.models import MatchingRun

    settings.TASK_MAX_ATTEMPTS = 2
    run = MatchingRun.objects.create(programme=programme, created_by=anna,
                                     status=MatchingRun.Status.RUNNING, progress=20)
    row = _running("metelkaar.proposals.tasks.run_matching", ["w1", "w2"], args=[run.pk])
    assert workers.recover_lost_tasks() == {"requeued": 0, "failed": 1}
    row.refresh_from_db()
    assert row.status == "FAILED"
    assert row.exception_class_path == "metelkaar.core.workers.WorkerLost"
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.FAILED and "worker" in run.error


@pytest.mark.django_db(transaction=True)
def test_a_matching_run_whose_worker_died_starts_over_on_the_next_worker(
    db_tasks, programme, anna
):
    """The worker ran the run to 20 % and died; the next attempt runs it to the end."""
    from django.core.management import call_command

    from metelkaar.proposals.models import MatchingRun

    run = MatchingRun.objects.create(programme=programme, created_by=anna,
                                     status=MatchingRun.Status.RUNNING, progress=20)
    row = _running("metelkaar.proposals.tasks.run_matching", ["gone"], args=[run.pk])
    workers.recover_lost_tasks()
    call_command("db_worker", "--batch", "--no-startup-delay", "--recover-every", "0",
                 verbosity=0)
    row.refresh_from_db()
    run.refresh_from_db()
    assert row.status == "SUCCESSFUL" and len(row.worker_ids) == 2
    assert run.status == MatchingRun.Status.DONE and run.progress == 100
