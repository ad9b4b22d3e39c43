"""What both load runs share: waiting for a server, one headless locust run, its CSV as a table."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"


def wait_until_up(url: str, seconds: float = 60) -> None:
    """Return once ``url`` answers at all; stop the run with a sentence after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def run_locust(*, users: int, seconds: int, host: str, prefix: Path, log: Path,
               env: dict) -> None:
    """``users`` locust users for ``seconds`` against ``host``; stats to ``<prefix>_*.csv``."""
    command = [str(BIN / "locust"), "--headless", "-u", str(users), "-r", str(users),
               "-t", f"{seconds}s", "--only-summary", "--csv", str(prefix), "-H", host,
               "-f", str(LOCUSTFILE)]
    with log.open("w") as stderr:
        subprocess.run(command, env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
                       stderr=stderr)


def stats_table(prefix: Path) -> list[dict]:
    """One row per page of locust's ``<prefix>_stats.csv``: requests, errors, req/s, p50/95/99."""
    with open(f"{prefix}_stats.csv") as stats:
        return [
            {
                "page": r["Name"],
                "requests": int(r["Request Count"]),
                "errors": int(r["Failure Count"]),
                "req/s": float(r["Requests/s"]),
                "p50 ms": float(r["50%"] or 0),
                "p95 ms": float(r["95%"] or 0),
                "p99 ms": float(r["99%"] or 0),
            }
            for r in csv.DictReader(stats)
        ]
