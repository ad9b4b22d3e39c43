"""Task queue: enqueue-to-start latency and throughput of no-op tasks, db_worker vs RQ.

    .venv/bin/python bench/task_queue.py              # db_worker on PostgreSQL
    .venv/bin/python bench/task_queue.py --rq         # django-tasks-rq on Redis (if installed)

Two workers, as in ``compose.yaml``, on a fresh PostgreSQL database (and, for
RQ, a Redis server of its own on a free port). Two measurements:

- trickle: ``--trickle`` tasks (200) enqueued one by one, 50 ms apart, to idle
  workers: the time from enqueue to the task's start (median, p95, max) — what
  a visitor waits for a confirmation e-mail;
- burst: ``--burst`` tasks (1,000) queued while the workers are paused
  (SIGSTOP), then the workers go on: tasks per second until the last one is
  finished; and the enqueue's own time per task (what a request pays).

db_worker polls with ``--interval`` seconds (1, its default) between empty
looks; an RQ worker blocks on Redis and forks a work horse per task (its
default ``Worker``; ``--simple`` uses ``SimpleWorker``, no fork).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATABASE = "metelkaar_task_queue"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _psql(*sql: str) -> None:
    args = [a for s in sql for a in ("-c", s)]
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", *args], check=True)


def _wait_all(backend, ids: list[str], seconds: float = 600) -> list[float]:
    """Wait until every task has finished; their return values (the wait to start, s)."""
    deadline = time.monotonic() + seconds
    pending, values = list(ids), {}
    while pending and time.monotonic() < deadline:
        still = []
        for result_id in pending:
            result = backend.get_result(result_id)
            if result.is_finished:
                values[result_id] = result.return_value
            else:
                still.append(result_id)
        pending = still
        if pending:
            time.sleep(0.05)
    if pending:
        raise SystemExit(f"{len(pending)} tasks did not finish in {seconds} s")
    return [values[i] for i in ids]


def _ms(values: list[float]) -> dict[str, float]:
    values = sorted(values)
    return {
        "median ms": round(statistics.median(values) * 1000, 1),
        "p95 ms": round(values[int(len(values) * 0.95) - 1] * 1000, 1),
        "max ms": round(values[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rq", action="store_true")
    parser.add_argument("--simple", action="store_true", help="RQ: SimpleWorker (no fork)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--interval", type=float, default=1.0, help="db_worker's poll interval")
    parser.add_argument("--trickle", type=int, default=200)
    parser.add_argument("--burst", type=int, default=1000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="metelkaar-task-queue-"))
    redis_port = _free_port()
    os.environ.update(
        {
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
            "DATABASE_CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "SECRET_KEY": "task-queue-bench-secret-key-" + "x" * 40,
            "METELKAAR_DATA_DIR": str(work),
            "LOG_LEVEL": "ERROR",
            "DJANGO_SETTINGS_MODULE": "bench.rq_settings" if args.rq else "metelkaar.settings",
            "TASKS_BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend",
        }
    )
    _psql(f"DROP DATABASE IF EXISTS {DATABASE}", f"CREATE DATABASE {DATABASE}")
    processes = [
        subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(work),
            ],
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
    ]
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from django_tasks import default_task_backend

    from bench.task_queue_tasks import noop

    if args.rq:
        command = ["rqworker", "default", "--job-class", "django_tasks_rq.backend.Job"]
        if args.simple:
            command += ["--worker-class", "rq.worker.SimpleWorker"]
        name = "RQ " + ("SimpleWorker" if args.simple else "Worker (fork per task)")
    else:
        command = ["db_worker", "--interval", str(args.interval), "--no-startup-delay"]
        name = f"db_worker (interval {args.interval} s)"
    try:
        for _ in range(args.workers):
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "metelkaar", *command],
                    cwd=ROOT,
                    env=os.environ,
                    stdout=(work / "worker.log").open("a"),
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        # Warm up: every worker has imported the task and connected.
        _wait_all(default_task_backend, [noop.enqueue(time.time()).id for _ in range(20)], 120)
        time.sleep(2)
        load_before = round(os.getloadavg()[0], 2)

        ids = []
        for _ in range(args.trickle):
            ids.append(noop.enqueue(time.time()).id)
            time.sleep(0.05)
        trickle = _ms(_wait_all(default_task_backend, ids))

        # The workers are paused (SIGSTOP) while the burst is queued, so the time from
        # their resumption to the last task's end is theirs, not the enqueuer's.
        workers = processes[1:]
        for process in workers:
            os.kill(process.pid, signal.SIGSTOP)
        enqueue_times, ids = [], []
        for _ in range(args.burst):
            before = time.perf_counter()
            ids.append(noop.enqueue(time.time()).id)
            enqueue_times.append(time.perf_counter() - before)
        started = time.monotonic()
        for process in workers:
            os.kill(process.pid, signal.SIGCONT)
        _wait_all(default_task_backend, ids)
        seconds = time.monotonic() - started
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
    result = {
        "backend": name,
        "workers": args.workers,
        "load average (1 min)": load_before,
        "trickle": {"tasks": args.trickle, **trickle},
        "burst": {
            "tasks": args.burst,
            "tasks/s": round(args.burst / seconds, 1),
            "seconds": round(seconds, 1),
            "enqueue median ms": round(statistics.median(enqueue_times) * 1000, 2),
        },
    }
    print(json.dumps(result, indent=1))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    with (results / "task_queue.jsonl").open("a") as out:
        out.write(json.dumps(result) + "\n")
    from django.db import connections

    connections.close_all()
    _psql(f"DROP DATABASE IF EXISTS {DATABASE}")


if __name__ == "__main__":
    main()
