"""Links in e-mails follow where the product runs (issue #12, defect 2).

Every e-mailed link pointed to http://127.0.0.1:8000 whatever PORT or HOST
``make demo`` served on. Links are built from the one setting ``SITE_URL``,
which ``make demo`` sets from HOST and PORT (unless it is given).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _demo_environment(tmp_path, **variables) -> list[str]:
    """Run ``make demo`` with a stand-in Python that writes down the SITE_URL it gets."""
    seen = tmp_path / "seen"
    python = tmp_path / "python"
    # The worker starts in the background and is stopped when the server stops:
    # the stand-in server waits (up to 10 s) until the worker has written its line.
    python.write_text(
        f'#!/bin/sh\necho "$SITE_URL $*" >> {seen}\n'
        f'case "$*" in *runserver*) for _ in $(seq 100); do '
        f'grep -q db_worker {seen} && break; sleep 0.1; done;; esac\n'
    )
    python.chmod(0o755)
    stamp = tmp_path / "installed"
    stamp.touch()
    later = time.time() + 60  # newer than pyproject.toml: make installs nothing
    os.utime(stamp, (later, later))
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT"}}
    arguments = [f"{name}={value}" for name, value in variables.items()]
    result = subprocess.run(
        ["make", "--no-print-directory", "demo", f"PY={python}", f"STAMP={stamp}", *arguments],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return seen.read_text().splitlines()


def test_make_demo_builds_links_from_host_and_port(tmp_path):
    lines = _demo_environment(tmp_path, HOST="127.0.0.1", PORT="8765")
    assert any("runserver --insecure 127.0.0.1:8765" in line for line in lines)
    assert any(line.endswith("db_worker") for line in lines)
    assert {line.split()[0] for line in lines} == {"http://127.0.0.1:8765"}


def test_a_given_site_url_wins(tmp_path):
    lines = _demo_environment(tmp_path, PORT="8765", SITE_URL="https://buurt.example.org")
    assert {line.split()[0] for line in lines} == {"https://buurt.example.org"}


def test_the_default_is_port_8000(tmp_path):
    lines = _demo_environment(tmp_path)
    assert {line.split()[0] for line in lines} == {"http://127.0.0.1:8000"}
