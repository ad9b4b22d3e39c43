"""Region-scale load run: many organisations on PostgreSQL + Redis, two web processes, a worker.

    .venv/bin/python bench/load/region.py                       # 50 orgs, 100,000 people
    .venv/bin/python bench/load/region.py --orgs 2 --participants 2000 --pool 1000 --seconds 30

(``make bench-load-region``; ``REGION_ARGS=...`` passes options.) What a
municipality's deployment runs, on this machine: PostgreSQL, a Redis server of
the run's own (a free port), two gunicorn processes on two ports (one worker
with 4 threads each, the topology of ``compose.yaml``) with the locust users
spread over both, and one ``db_worker`` that runs matching runs over the
``--pool``-person waiting list back to back for the whole timed window (the
next one starts when the last is done). The table gives p50/p95/p99, req/s and
errors per page, the matching runs' times and the machine's load while
measured; bench/results/load_region.json has them too.

The data set (region_data.py) takes minutes to generate, so it is kept as a
``pg_dump`` file under ``var/bench/`` named after its size and a hash of the
migrations and of the generator: a second run restores it (``pg_restore``)
instead. ``--fresh`` generates it again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from locust_run import run_locust, stats_table, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
TARGETS = {  # p95 in ms (issue 16)
    "coach: dashboard": 150,
    "participant: log contact": 200,
    "public: sign-up step (POST)": 250,
}


# A matching run's status, its time on the worker, its wait in the queue, and its pool.
RUN_SQL = (
    "SELECT r.status, extract(epoch FROM r.finished_at - t.started_at), "
    "extract(epoch FROM t.started_at - r.created_at), r.n_side_a, r.n_side_b "
    "FROM proposals_matchingrun r "
    "LEFT JOIN django_tasks_database_dbtaskresult t ON t.args_kwargs->'args'->>0 = '{pk}' "
    "AND t.task_path = 'metelkaar.proposals.tasks.run_matching' WHERE r.id = {pk}"
)
COUNTS_SQL = (
    "SELECT (SELECT count(*) FROM people_organisation), (SELECT count(*) FROM people_person), "
    "(SELECT count(*) FROM matches_match), (SELECT count(*) FROM matches_contactmoment)"
)


def _psql(database: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-qtA", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dump_path(args) -> Path:
    """var/bench/region-<orgs>-<people>-<pool>-<hash of migrations and generator>.dump"""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("metelkaar/*/migrations/*.py")) + [HERE / "region_data.py"]:
        digest.update(path.name.encode() + path.read_bytes())
    name = f"region-{args.orgs}-{args.participants}-{args.pool}-{digest.hexdigest()[:12]}.dump"
    return ROOT / "var" / "bench" / name


def _database(args, env: dict) -> str:
    """Create the database from the cached dump, or generate it and keep the dump."""
    subprocess.run(
        [
            "psql",
            "-q",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {args.database}",
            "-c",
            f"CREATE DATABASE {args.database}",
        ],
        check=True,
    )
    dump = _dump_path(args)
    started = time.monotonic()
    if dump.exists() and not args.fresh:
        subprocess.run(
            [
                "pg_restore",
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                args.database,
                "-j",
                "2",
                "--no-owner",
                str(dump),
            ],
            check=True,
        )
        return f"restored {dump.name} in {time.monotonic() - started:.0f} s"
    print(f"generating the data set (kept as {dump.relative_to(ROOT)})…", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "region_data.py"),
            "generate",
            "--orgs",
            str(args.orgs),
            "--participants",
            str(args.participants),
            "--pool",
            str(args.pool),
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    dump.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pg_dump",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-Fc",
            "-Z",
            "1",
            "-f",
            str(dump),
            args.database,
        ],
        check=True,
    )
    return f"generated in {time.monotonic() - started:.0f} s"


class Runs(threading.Thread):
    """Matching runs over the pool, one after the other, until stopped."""

    def __init__(self, env: dict, database: str) -> None:
        super().__init__(daemon=True)
        self.env, self.database = env, database
        self.stopping = threading.Event()
        self.done: list[dict] = []

    def run(self) -> None:
        while not self.stopping.is_set():
            pk = subprocess.run(
                [sys.executable, str(HERE / "region_data.py"), "start-run"],
                env=self.env,
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()[-1]
            while True:
                row = _psql(self.database, RUN_SQL.format(pk=int(pk)))
                status, seconds, waited, n_a, n_b = (row.split("|") + [""] * 5)[:5]
                if status in ("done", "failed"):
                    self.done.append(
                        {
                            "status": status,
                            "seconds": float(seconds or 0),
                            "queued s": float(waited or 0),
                            "pool": int(n_a or 0) + int(n_b or 0),
                        }
                    )
                    break
                time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="metelkaar_region")
    parser.add_argument("--orgs", type=int, default=50)
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--pool", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--fresh", action="store_true", help="generate the data set again")
    parser.add_argument("--no-matching", action="store_true", help="no matching runs meanwhile")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="metelkaar-region-"))
    ports, redis_port = [_free_port(), _free_port()], _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "SECRET_KEY": "region-load-run-secret-key-" + "x" * 40,
        "METELKAAR_DATA_DIR": str(work),
        "STAFF_2FA_REQUIRED": "false",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "METELKAAR_LOAD_DATA": str(work / "logins.json"),
        "METELKAAR_LOAD_HOSTS": ",".join(f"http://127.0.0.1:{p}" for p in ports),
        "HOSTS0": f"http://127.0.0.1:{ports[0]}",
        "TASKS_BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PUBLIC_FORM_LIMIT": "1000000",  # every simulated visitor comes from 127.0.0.1
        "LOG_LEVEL": "ERROR",
    }
    processes: list[subprocess.Popen] = []

    def start(name: str, command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=(work / f"{name}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        return process

    data_note = _database(args, env)
    print(data_note, flush=True)
    subprocess.run(
        [sys.executable, "-m", "metelkaar", "migrate", "--noinput", "-v", "0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    start(
        "redis",
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
    )
    subprocess.run(
        [
            sys.executable,
            str(HERE / "region_data.py"),
            "accounts",
            "--out",
            env["METELKAAR_LOAD_DATA"],
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    counts = _psql(args.database, COUNTS_SQL)
    runs = Runs(env, args.database)
    try:
        for index, port in enumerate(ports):
            start(
                f"web{index}",
                [
                    str(BIN / "gunicorn"),
                    "--no-control-socket",
                    "-w",
                    "1",
                    "--threads",
                    str(args.threads),
                    "-b",
                    f"127.0.0.1:{port}",
                    "metelkaar.wsgi",
                ],
            )
        if not args.no_matching:
            start(
                "worker",
                [
                    sys.executable,
                    "-m",
                    "metelkaar",
                    "db_worker",
                    "--interval",
                    "0.5",
                    "--no-startup-delay",
                ],
            )
        for port in ports:
            wait_until_up(f"http://127.0.0.1:{port}/healthz", 90)
        if args.warmup:
            run_locust(users=args.users, seconds=args.warmup, host=env["HOSTS0"],
                       prefix=work / "warmup", log=work / "warmup.log", env=env)
        if not args.no_matching:
            runs.start()
            time.sleep(2)  # the first run is claimed
        loads: list[float] = []
        sampler_stop = threading.Event()

        def sample() -> None:
            while not sampler_stop.wait(5):
                loads.append(os.getloadavg()[0])

        sampler = threading.Thread(target=sample, daemon=True)
        load_before = round(os.getloadavg()[0], 2)
        sampler.start()
        run_locust(users=args.users, seconds=args.seconds, host=env["HOSTS0"],
                   prefix=work / "stats", log=work / "locust.log", env=env)
        sampler_stop.set()
        runs.stopping.set()
        if not args.no_matching:
            runs.join(timeout=600)  # the run under way finishes: its time counts
        table = stats_table(work / "stats")
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    orgs, people, matches, contacts = counts.split("|")
    conditions = {
        "organisations": int(orgs),
        "people": int(people),
        "matches": int(matches),
        "contacts": int(contacts),
        "pool": args.pool,
        "users": args.users,
        "seconds": args.seconds,
        "web": f"2 gunicorn x 1 worker x {args.threads} threads",
        "data": data_note,
        "load average (1 min) before": load_before,
        "load average (1 min) while measured": [round(x, 2) for x in loads],
        "cores": os.cpu_count(),
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    width = max(len(row["page"]) for row in table)
    print(f"\n{conditions}\n")
    print(
        f"{'page':<{width}}  {'requests':>8}  {'errors':>6}  {'req/s':>6}  {'p50 ms':>6}  "
        f"{'p95 ms':>6}  {'p99 ms':>6}  target p95"
    )
    for row in table:
        target = TARGETS.get(row["page"])
        verdict = (
            "" if target is None else (f"{target} {'ok' if row['p95 ms'] <= target else 'MISSED'}")
        )
        print(
            f"{row['page']:<{width}}  {row['requests']:>8}  {row['errors']:>6}  "
            f"{row['req/s']:>6.1f}  {row['p50 ms']:>6.0f}  {row['p95 ms']:>6.0f}  "
            f"{row['p99 ms']:>6.0f}  {verdict}"
        )
    if runs.done:
        times = [r["seconds"] for r in runs.done]
        print(
            f"matching runs over {runs.done[0]['pool']} people meanwhile: {len(times)}, "
            f"{statistics.median(times):.1f} s median ({min(times):.1f}-{max(times):.1f} s), "
            f"statuses {sorted({r['status'] for r in runs.done})}"
        )
    print(f"logs: {work}")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "load_region.json").write_text(
        json.dumps({"conditions": conditions, "rows": table, "matching runs": runs.done}, indent=1)
    )
    subprocess.run(
        [
            "psql",
            "-q",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {args.database}",
        ],
        check=False,
    )


if __name__ == "__main__":
    main()
