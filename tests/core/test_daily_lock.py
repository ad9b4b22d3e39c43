"""`daily` on several machines at once: one does the work, the others skip."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connections

from metelkaar.core import locks


def _hold_elsewhere(name, ready, release):
    """Another "machine": a thread with its own database connection holding the lock."""
    try:
        with locks.exclusive(name) as held:
            assert held
            ready.set()
            release.wait(30)
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_daily_skips_while_another_run_holds_the_lock_and_runs_after(org):
    ready, release = threading.Event(), threading.Event()
    other = threading.Thread(target=_hold_elsewhere, args=("metelkaar.daily", ready, release))
    other.start()
    try:
        assert ready.wait(30)
        out = StringIO()
        call_command("daily", stdout=out)
        assert "another machine is running the daily jobs; skipped" in out.getvalue()
        assert "check-ins sent" not in out.getvalue()
    finally:
        release.set()
        other.join(30)
    out = StringIO()
    call_command("daily", stdout=out)
    assert "check-ins sent: 0" in out.getvalue() and "skipped" not in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_concurrent_starts_do_the_work_once(org, monkeypatch):
    """Two starts at the same moment: exactly one runs the jobs."""
    from metelkaar.core.management.commands import daily

    barrier = threading.Barrier(2)
    entered = threading.Event()
    outputs = []

    def slow_first_job(*args, **kwargs):
        entered.set()
        barrier.wait(30)  # hold the lock until the other start has tried

    real_call = daily.call_command

    def call(name, **kwargs):
        if name == daily.DAILY[0][0]:
            return slow_first_job()
        return real_call(name, **kwargs)

    monkeypatch.setattr(daily, "call_command", call)

    def start():
        out = StringIO()
        try:
            call_command("daily", stdout=out)
        finally:
            outputs.append(out.getvalue())
            if "skipped" in out.getvalue():
                barrier.wait(30)
            connections.close_all()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert entered.is_set()
    assert sorted("skipped" in text for text in outputs) == [False, True]


def test_a_lock_is_free_again_after_its_holder_leaves(db):
    with locks.exclusive("metelkaar.test") as held:
        assert held
    with locks.exclusive("metelkaar.test") as held:
        assert held
