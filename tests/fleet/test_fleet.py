"""The deployment for a whole region, as plain processes: PostgreSQL, Redis, 2 web, 2 workers.

What ``compose.yaml`` runs in containers runs here as processes on this
machine: two gunicorn processes on two ports and two ``db_worker`` processes,
all on this test's PostgreSQL database and on a Redis server of the test's own
(started on a free port, so stopping it never touches anyone else's). Then:

1. the public-form limit is counted once across both ports;
2. 1,000 queued tasks each run exactly once;
3. a worker killed with SIGKILL mid-task loses no task;
4. ``daily`` started twice at the same moment does the work once;
5. ``/readyz`` is unready while Redis is stopped (pages keep working) and
   ready again when it is back;
6. a request's id appears in the log lines of the task it queued, and no log
   line of any process holds a demo e-mail address or name.

Needs PostgreSQL (SQLite serves one process well, not a fleet): skipped with
the reason on SQLite. ``.ci/run`` sets ``METELKAAR_FLEET_REQUIRED=1`` for its
PostgreSQL run, so there a skip is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REQUIRED = os.environ.get("METELKAAR_FLEET_REQUIRED") == "1"


def _why_not() -> str | None:
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return "the fleet test needs PostgreSQL (set DATABASE_URL=postgres://…)"
    if not shutil.which("redis-server"):
        return "the fleet test needs redis-server (apt-get install redis-server)"
    if not (BIN / "gunicorn").exists():
        return "the fleet test needs gunicorn in the virtual environment"
    return None


if (reason := _why_not()) and not REQUIRED:
    pytestmark = pytest.mark.skip(reason=reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _until(predicate, seconds: float, what: str, step: float = 0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(step)
    raise AssertionError(f"not within {seconds} s: {what}")


def _http(url: str, data: bytes | None = None, headers: dict | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)
    except OSError:
        return None, b"", {}


class Fleet:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.redis_port = _free_port()
        self.ports = [_free_port(), _free_port()]
        self.web: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.redis: subprocess.Popen | None = None
        db = connection.settings_dict
        self.env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}"
                            f":{db['PORT'] or 5432}/{db['NAME']}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "SECRET_KEY": "fleet-test-secret-key-" + "x" * 40,
            "METELKAAR_DATA_DIR": str(tmp / "data"),
            "LOG_FORMAT": "json",
            "PUBLIC_FORM_LIMIT": "5",
            "STAFF_2FA_REQUIRED": "false",
            "READYZ_MAX_TASK_AGE": "600",
            "DATABASE_CONN_MAX_AGE": "60",  # as in production: a worker keeps its connection
        }

    def log(self, name: str):
        return (self.tmp / f"{name}.log").open("a")

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.tmp)],
            stdout=self.log("redis"), stderr=subprocess.STDOUT,
        )
        _until(lambda: self._redis_answers(), 15, "redis-server answers")

    def _redis_answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.redis_port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop_redis(self) -> None:
        self.redis.terminate()
        self.redis.wait(15)

    def start_worker(self) -> subprocess.Popen:
        index = len(self.workers)
        worker = subprocess.Popen(
            [sys.executable, "-m", "metelkaar", "db_worker", "--interval", "0.2",
             "--recover-every", "1", "--no-startup-delay"],
            cwd=ROOT, env=self.env, stdout=self.log(f"worker{index}"), stderr=subprocess.STDOUT,
        )
        self.workers.append(worker)
        return worker

    def start(self, workers: int = 2) -> None:
        self.start_redis()
        self.start_web()
        for _ in range(workers):
            self.start_worker()
        self.wait_for_web()

    def start_web(self) -> None:
        for index, port in enumerate(self.ports):
            self.web.append(subprocess.Popen(
                [str(BIN / "gunicorn"), "--no-control-socket", "-w", "1", "--threads", "4",
                 "-b", f"127.0.0.1:{port}", "metelkaar.wsgi"],
                cwd=ROOT, env=self.env, stdout=self.log(f"web{index}"),
                stderr=subprocess.STDOUT,
            ))

    def wait_for_web(self) -> None:
        for port in self.ports:
            _until(lambda port=port: _http(self.url(port, "/healthz"))[0] == 200, 60,
                   f"gunicorn on port {port} answers")

    def url(self, port: int, path: str) -> str:
        return f"http://127.0.0.1:{port}{path}"

    def stop(self) -> None:
        for process in [*self.web, *self.workers, self.redis]:
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [*self.web, *self.workers, self.redis]:
            if process is not None:
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)

    def logs(self) -> str:
        return "".join(p.read_text(errors="replace") for p in sorted(self.tmp.glob("*.log")))


@contextmanager
def running_fleet(tmp_path, settings, *, web: int = 2, workers: int = 2):
    """A fleet of ``web`` gunicorn processes and ``workers`` workers, with the runs table.

    Stopped and cleaned up on the way out, also when the test's own database
    connection was terminated on the way (it is closed, then opened again).
    """
    if reason := _why_not():
        pytest.fail(f"METELKAAR_FLEET_REQUIRED=1 but {reason}")
    settings.TASKS = {"default": {"BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend"}}
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE fleet_test_runs (n int, what text, pid int)")
    running = Fleet(tmp_path)
    running.ports = running.ports[:web]
    try:
        running.start(workers=workers)
        yield running
    finally:
        running.stop()
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS fleet_test_runs")


@pytest.fixture
def fleet(transactional_db, tmp_path, settings):
    with running_fleet(tmp_path, settings) as running:
        _mark("started")
        yield running


def _runs(what: str = "done") -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(DISTINCT n) FROM fleet_test_runs WHERE what = %s", [what]
        )
        return cursor.fetchone()


def _demo_people() -> list[str]:
    from metelkaar.people.models import Person, User

    words = set(User.objects.exclude(email="").values_list("email", flat=True))
    for first, last in Person.objects.values_list("first_name", "last_name"):
        words.add(f"{first} {last}".strip())
    return sorted(w for w in words if len(w) > 3)


def test_the_fleet(fleet):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from tests.fleet import fleet_tasks

    a, b = fleet.ports
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    _mark("demo seeded")

    # 1. The public-form limit (5) is counted once across both ports.
    answers = [_http(fleet.url(port, "/"), data=b"x=1")[0] for port in (a, b, a, b, a)]
    assert 429 not in answers and None not in answers
    assert _http(fleet.url(b, "/"), data=b"x=1")[0] == 429
    assert _http(fleet.url(a, "/"), data=b"x=1")[0] == 429

    # A request id follows a coordinator's request into the task it queues.
    status, _, headers = _http(fleet.url(a, "/accounts/login/"))
    assert status == 200

    # 2. 1,000 queued tasks each run exactly once.
    for n in range(1000):
        fleet_tasks.record.enqueue(n)
    mine = DBTaskResult.objects.filter(task_path=fleet_tasks.record.module_path)
    _until(lambda: mine.filter(status="SUCCESSFUL").count() >= 1000, 240, "1,000 tasks done")
    assert _runs() == (1000, 1000)
    assert not mine.exclude(status="SUCCESSFUL").exists()
    _mark("1,000 tasks")

    # 3. A worker killed with SIGKILL mid-task loses no task: the other one runs it.
    result = fleet_tasks.slow.enqueue(5000, 4.0)
    pid = _until(lambda: _pid_running(5000), 30, "the slow task started")
    victim = next(w for w in fleet.workers if w.pid == pid)
    victim.kill()
    victim.wait(10)
    _until(lambda: _runs()[0] == 1001, 60, "the killed worker's task done elsewhere")
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "SUCCESSFUL" and len(row.worker_ids) == 2
    assert _runs("started") == (2, 1) and _runs() == (1001, 1001)
    fleet.start_worker()
    _mark("SIGKILL")

    # 4. daily started twice at the same moment does the work once.
    barrier = fleet.tmp / "daily-barrier"
    barrier.mkdir()
    starts = [
        subprocess.Popen([sys.executable, "tests/fleet/daily_at.py", str(barrier), "2"], cwd=ROOT,
                         env=fleet.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in starts]
    assert all(p.returncode == 0 for p in starts), outputs
    assert sorted("another machine is running the daily jobs" in o for o in outputs) == [
        False, True], outputs
    assert sum("check-ins sent:" in o for o in outputs) == 1
    _mark("daily")

    # 5. /readyz is unready while Redis is stopped; pages and forms keep working.
    assert _http(fleet.url(a, "/readyz"))[0] == 200
    fleet.stop_redis()
    status, body, _ = _http(fleet.url(a, "/readyz"))
    assert status == 503 and json.loads(body)["checks"]["cache"] != "ok"
    assert _http(fleet.url(b, "/"))[0] == 200
    assert _http(fleet.url(b, "/"), data=b"x=1")[0] not in (429, 500, None)
    fleet.start_redis()
    _until(lambda: _http(fleet.url(a, "/readyz"))[0] == 200, 20, "ready again")
    _until(lambda: _http(fleet.url(b, "/readyz"))[0] == 200, 20, "ready again")

    _mark("readyz")

    # 6. The logs: JSON lines with request ids; no demo e-mail address or name anywhere.
    fleet.stop()
    logs = fleet.logs()
    requests = [json.loads(line) for line in logs.splitlines()
                if line.startswith("{") and '"message": "request"' in line]
    assert len(requests) >= 10 and all(r["request_id"] for r in requests)
    tasks = [json.loads(line) for line in logs.splitlines()
             if line.startswith("{") and '"message": "task finished"' in line]
    assert len(tasks) >= 1000
    assert "public-form limit not applied" in logs
    leaked = [word for word in _demo_people() if word in logs]
    assert not leaked, f"personal data in the logs: {leaked[:5]}"


_T0 = [time.monotonic()]


def _mark(what: str) -> None:
    now = time.monotonic()
    print(f"fleet: {what} after {now - _T0[0]:.1f} s")
    _T0[0] = now


def _pid_running(n: int) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM fleet_test_runs WHERE n = %s AND what = 'started'", [n])
        row = cursor.fetchone()
    return row[0] if row else None
