"""Load run: gunicorn + PostgreSQL + the 10,000-participant data set, locust headless.

    .venv/bin/python bench/load/run.py            # 60 s, 20 users (make bench-load)

Creates a fresh PostgreSQL database (``--database``), fills it with
prepare.py, serves the product with gunicorn on 127.0.0.1 and runs the locust
scenario in locustfile.py, then prints requests/s, p50/p95/p99 per page, the
error count and the machine's load average. All traffic stays on this
machine. Results go to bench/results/load.json.

gunicorn runs 2 workers with 4 threads each (``--workers``, ``--threads``;
``--threads 1`` gives sync workers): a thread waiting for PostgreSQL leaves
the core to another request, where with 2 sync workers on 2 cores requests
queued behind each other's database waits.

Before the timed minute, ``--warmup`` seconds (10) of the same load run
untimed: each worker imports the views and compiles templates on its first
requests, which put 1.5-1.9 s requests into every page's p99.

People start signed in (prepare.py makes their sessions). With
``METELKAAR_LOAD_LOGIN=1`` each logs in with the password first (the
``login`` row): Django hashes passwords with PBKDF2 on purpose, so that is slow.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from locust_run import run_locust, stats_table, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _psql(sql: str) -> None:
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", sql], check=True)


def _load_average() -> list[float]:
    """1, 5 and 15 minute load averages: other work on the machine skews the timings."""
    return [round(x, 2) for x in os.getloadavg()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="metelkaar_load")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10,
                        help="seconds of untimed load first, so every worker is warm (0: none)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4,
                        help="threads per gunicorn worker (1: sync workers)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--matches", type=int, default=5_000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="metelkaar-load-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DATABASE_CONN_MAX_AGE": "60",
        "METELKAAR_DATA_DIR": str(work),
        "STAFF_2FA_REQUIRED": "false",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "METELKAAR_LOAD_DATA": str(work / "logins.json"),
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "ERROR",
    }
    _psql(f"DROP DATABASE IF EXISTS {args.database}")
    _psql(f"CREATE DATABASE {args.database}")
    print("preparing the data set…", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench/load/prepare.py"),
            "--out",
            env["METELKAAR_LOAD_DATA"],
            "--participants",
            str(args.participants),
            "--matches",
            str(args.matches),
        ],
        env=env,
        check=True,
        cwd=ROOT,
    )
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "--no-control-socket",
            "-w",
            str(args.workers),
            "--threads",
            str(args.threads),
            "-b",
            f"127.0.0.1:{args.port}",
            "metelkaar.wsgi",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=(work / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    host = f"http://127.0.0.1:{args.port}"
    try:
        wait_until_up(host + "/")

        def locust(seconds: int, prefix: Path, log: str) -> None:
            run_locust(users=args.users, seconds=seconds, host=host, prefix=prefix,
                       log=work / log, env=env)

        if args.warmup:
            # Each worker imports views and compiles templates on its first
            # requests (about 1.5 s); the timed minute measures the steady state.
            locust(args.warmup, work / "warmup", "warmup.log")
        load_before = _load_average()
        prefix = work / "stats"
        locust(args.seconds, prefix, "locust.log")
        table = stats_table(prefix)
        print(f"locust log: {work / 'locust.log'}")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    width = max(len(row["page"]) for row in table)
    print(
        f"{'page':<{width}}  {'requests':>8}  {'errors':>6}  {'req/s':>6}  "
        f"{'p50 ms':>6}  {'p95 ms':>6}  {'p99 ms':>6}"
    )
    for row in table:
        print(
            f"{row['page']:<{width}}  {row['requests']:>8}  {row['errors']:>6}  "
            f"{row['req/s']:>6.1f}  {row['p50 ms']:>6.0f}  {row['p95 ms']:>6.0f}  "
            f"{row['p99 ms']:>6.0f}"
        )
    print(f"load average before / after the timed run: {load_before} / {_load_average()}")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "load.json").write_text(
        json.dumps(
            {"users": args.users, "seconds": args.seconds, "workers": args.workers,
             "threads": args.threads, "load average before": load_before,
             "load average after": _load_average(), "rows": table},
            indent=1,
        )
    )
    _psql(f"DROP DATABASE IF EXISTS {args.database}")


if __name__ == "__main__":
    main()
