"""/healthz and /readyz: plain JSON for load balancers, 503 when this instance cannot work."""

import datetime as dt

import pytest
from django.utils import timezone

DOWN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def test_healthz_says_alive(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ready_with_every_check(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body == {
        "status": "ready",
        "checks": {"database": "ok", "migrations": "ok", "cache": "ok", "task_queue": "ok"},
    }


def test_probes_answer_any_host_over_plain_http(client, db, settings):
    settings.ALLOWED_HOSTS = ["metelkaar.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    for path in ("/healthz", "/readyz"):
        assert client.get(path, HTTP_HOST="10.0.0.7:8000").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400  # the rest checks


def test_readyz_is_unready_when_the_cache_is_down(client, db, settings):
    settings.CACHES = DOWN_CACHE
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unready"
    assert body["checks"]["cache"] != "ok" and body["checks"]["database"] == "ok"
    assert "127.0.0.1" not in response.content.decode()  # no addresses, no secrets


@pytest.mark.django_db(transaction=True)  # the checks run in threads of their own
def test_readyz_is_unready_when_a_task_waits_too_long(client, settings):
    from django_tasks_db.models import DBTaskResult

    settings.READYZ_MAX_TASK_AGE_SECONDS = 60
    old = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path="x.y", backend_name="default",
        run_after=dt.datetime(9999, 1, 1, tzinfo=dt.UTC),
    )
    assert client.get("/readyz").status_code == 200  # just queued
    DBTaskResult.objects.filter(pk=old.pk).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=5)
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "oldest queued task waits" in response.json()["checks"]["task_queue"]


def test_readyz_is_unready_with_migrations_not_applied(client, db, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("x", 1)])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "migrations not applied: 1" in response.json()["checks"]["migrations"]


def test_readyz_answers_in_a_thread_that_runs_an_event_loop(client, db):
    """Where the caller's thread runs an asyncio loop (an embedding server, or the browser
    tests' Playwright in the same test process), the probe still answers."""
    import asyncio

    async def probe():
        return client.get("/readyz")

    response = asyncio.run(probe())
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "ready"
