"""``/healthz`` and ``/readyz`` for a load balancer or container orchestrator.

``/healthz`` answers 200 as long as the process serves requests (it touches
nothing else: a database outage must not make an orchestrator restart every
web process). ``/readyz`` answers 200 when this instance can do its work and
503 when it cannot, with one entry per check, on django-health-check's checks:

- ``database``: PostgreSQL (or SQLite) answers ``SELECT 1``;
- ``migrations``: every migration on disk is applied (a new release whose
  migrations have not run yet is not ready);
- ``cache``: the cache (Redis, with ``REDIS_URL``) stores and returns a value;
- ``task_queue``: the oldest task waiting for a worker is younger than
  :setting:`READYZ_MAX_TASK_AGE_SECONDS` (no worker running, or too few).

Plain JSON, no personal data: check names and short reasons only.
"""

from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync
from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the installed apps is applied."""

    alias: str = "default"

    def run(self) -> None:
        from django.db import connections
        from django.db.migrations.executor import MigrationExecutor

        executor = MigrationExecutor(connections[self.alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        connections[self.alias].close()  # the check runs in a thread of its own
        if plan:
            raise ServiceUnavailable(f"migrations not applied: {len(plan)}")


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """The oldest task waiting for a worker waits less than the limit."""

    def run(self) -> None:
        from django.db import connections
        from django_tasks_db.models import DBTaskResult

        try:
            oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list(
                "enqueued_at", flat=True
            ).first()
        finally:
            connections["default"].close()
        limit = settings.READYZ_MAX_TASK_AGE_SECONDS
        if oldest is not None and (age := (timezone.now() - oldest).total_seconds()) > limit:
            raise ServiceUnavailable(f"oldest queued task waits {age:.0f} s (limit {limit} s)")


NAMES = {Database: "database", Migrations: "migrations", Cache: "cache", TaskQueue: "task_queue"}


class ReadyView(HealthCheckView):
    checks = (Database, Migrations, Cache, TaskQueue)

    def render_to_response(self, context, **kwargs):  # HTML is never wanted here
        return self.render_to_response_json(kwargs.get("status", 200))

    def render_to_response_text(self, status):
        return self.render_to_response_json(status)

    def render_to_response_json(self, status):
        checks = {
            NAMES.get(type(r.check), type(r.check).__name__): "ok" if not r.error else str(r.error)
            for r in self.results
        }
        ready = status == 200
        return JsonResponse(
            {"status": "ready" if ready else "unready", "checks": checks},
            status=200 if ready else 503,
        )


_readyz_async = async_to_sync(ReadyView.as_view())


def readyz(request):
    """The readiness view, callable from sync code whether or not the thread runs a loop.

    django-health-check's view is async. ``async_to_sync`` refuses to run in a thread
    that already runs an event loop (an embedding server; Playwright in the browser
    tests' process), so there the view runs on a short-lived thread of its own.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _readyz_async(request)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_readyz_async, request).result()


@never_cache
def healthz(request):
    return JsonResponse({"status": "alive"})


class ProbeMiddleware:
    """Answer ``/healthz`` and ``/readyz`` before host checks and the HTTPS redirect.

    A load balancer probes each instance by its own address over plain HTTP:
    neither its host name is in ``ALLOWED_HOSTS`` nor does it follow a redirect
    to https. The answers hold nothing but check names, so that is safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.probes = {"/healthz": healthz, "/readyz": readyz}

    def __call__(self, request):
        probe = self.probes.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            request.route = request.path_info.lstrip("/")  # for the request log line
            return probe(request)
        return self.get_response(request)
