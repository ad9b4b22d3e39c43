"""A wrong or missing environment variable stops start-up with one sentence naming it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start(tmp_path, **env):
    inherited = {
        k: v for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "SECRET_KEY")
    }
    return subprocess.run(
        [sys.executable, "-m", "metelkaar", "check"],
        cwd=ROOT, env={**inherited, "METELKAAR_DATA_DIR": str(tmp_path), **env},
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://127.0.0.1:sixthree/0"}, "REDIS_URL"),
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "SECRET_KEY"),  # missing beside it
        ({"DATABASE_URL": "postgress://db/metelkaar"}, "DATABASE_URL"),
        ({"LOG_FORMAT": "yaml"}, "LOG_FORMAT"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL"),
        ({"READYZ_MAX_TASK_AGE": "ten"}, "READYZ_MAX_TASK_AGE"),
        ({"HTTPS": "maybe"}, "HTTPS"),
    ],
)
def test_a_bad_variable_stops_start_up_with_one_sentence(tmp_path, env, named):
    result = _start(tmp_path, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Metelkaar cannot start: ") and named in lines[0]
    assert "Traceback" not in result.stderr


def test_the_message_never_repeats_a_password(tmp_path):
    result = _start(tmp_path, REDIS_URL="redis://:hunter2-secret@cache:port/0")
    assert result.returncode == 2
    assert "hunter2-secret" not in result.stderr and "***" in result.stderr


def test_a_good_redis_url_with_a_secret_key_starts(tmp_path):
    result = _start(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0", SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
