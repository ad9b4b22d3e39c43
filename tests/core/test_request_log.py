"""One log line per request and per task; the request's id follows it into its tasks."""

import json
import logging

import pytest
from django.urls import reverse

from metelkaar.core.requestlog import RequestIdFilter


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "metelkaar.core.tasks_backend.DatabaseBackend"}}


def _lines(caplog, logger):
    return [r for r in caplog.records if r.name == logger]


def test_each_request_logs_one_line_without_path_or_person(client, anna, caplog):
    client.force_login(anna)
    with caplog.at_level(logging.INFO, logger="metelkaar.requests"):
        response = client.get("/coordinator/?q=Fatima", HTTP_ACCEPT_LANGUAGE="nl")
    [line] = _lines(caplog, "metelkaar.requests")
    assert line.route == "coordinator/" and line.status == response.status_code
    assert line.method == "GET" and line.duration_ms >= 0
    assert line.request_id == response["X-Request-ID"]
    text = json.dumps(vars(line), default=str)
    assert "Fatima" not in text and anna.email not in text and "127.0.0.1" not in text


def test_a_proxy_given_request_id_is_kept_only_behind_a_proxy(client, db, settings):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123-def")["X-Request-ID"] != "abc-123-def"
    settings.BEHIND_PROXY = True
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc-123-def")["X-Request-ID"] == "abc-123-def"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_the_request_id_is_stored_with_the_tasks_it_queues_and_logged_by_them(
    transactional_db, client, anna, programme, db_tasks, caplog
):
    """A coordinator starts a matching run; the worker's lines carry that request's id.

    With a committed database (``transactional_db``) the task is queued at the
    commit, inside the request, as in production.
    """
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    client.force_login(anna)
    response = client.post(reverse("proposals:run_start", args=[programme.public_id]))
    assert response.status_code == 302
    request_id = response["X-Request-ID"]
    row = DBTaskResult.objects.get()
    assert row.args_kwargs["request_id"] == request_id
    assert row.task_path == "metelkaar.proposals.tasks.run_matching"
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="metelkaar.tasks"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--recover-every", "0",
                     verbosity=0)
    lines = _lines(caplog, "metelkaar.tasks")
    assert [r.getMessage() for r in lines] == ["task started", "task finished"]
    for record in lines:
        RequestIdFilter().filter(record)
        assert record.request_id == request_id
        assert record.task == "metelkaar.proposals.tasks.run_matching"
    assert lines[1].status.endswith("SUCCESSFUL") and lines[1].duration_ms >= 0
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"


def test_json_lines_are_one_object_each(tmp_path):
    import subprocess
    import sys

    code = (
        "import django, logging; django.setup();"
        "logging.getLogger('metelkaar.requests').info('request', extra={'route': 'x/'})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "metelkaar.settings", "LOG_FORMAT": "json",
             "METELKAAR_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    [line] = result.stderr.strip().splitlines()
    record = json.loads(line)
    assert record["message"] == "request" and record["route"] == "x/"
    assert record["level"] == "INFO" and record["logger"] == "metelkaar.requests"
    assert "request_id" in record and "time" in record
