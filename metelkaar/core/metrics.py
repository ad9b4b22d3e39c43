"""Prometheus metrics at ``/metrics``: request latency, the task queue, e-mail failures.

- ``metelkaar_request_duration_seconds`` (histogram; method, URL pattern,
  status class), observed by :class:`~metelkaar.core.requestlog.RequestLogMiddleware`.
  Each process counts its own requests; with several gunicorn workers set
  ``PROMETHEUS_MULTIPROC_DIR`` to an empty folder of their own (prometheus-client's
  multiprocess mode) so one scrape sums all of that machine's workers.
- ``metelkaar_tasks_queued``, ``metelkaar_task_oldest_queued_age_seconds`` (per
  queue), ``metelkaar_tasks_running`` and ``metelkaar_tasks_failed`` (per task):
  read from the task table at scrape time, so any instance reports the whole
  fleet's queue.
- ``metelkaar_email_deliveries`` (per status) from the outbox's delivery
  records (:mod:`metelkaar.core.notifications`), and ``metelkaar_email_failures``:
  deliveries failed or interrupted, plus failed e-mail tasks (tasks named
  ``send_…`` or ``relay_…``, for the e-mails not yet sent through the outbox)
  still in the task table (``prune_db_task_results`` removes old ones).

Only staff accounts (Django's ``is_staff``: the site operators) or a scraper
sending ``Authorization: Bearer <METRICS_TOKEN>`` get the page; everyone else a
404, as if it were not there. Nothing in it names a person.
"""

from __future__ import annotations

import hmac
import os

from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

REQUEST_SECONDS = Histogram(
    "metelkaar_request_duration_seconds",
    "Time to answer a request, by method, URL pattern and status class.",
    ["method", "route", "status"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5, 1, 2.5, 5, 10),
)
EMAIL_TASK_PREFIXES = ("send_", "relay_")


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    REQUEST_SECONDS.labels(method, route, f"{status // 100}xx").observe(seconds)


class TaskQueueCollector:
    """Gauges read from django-tasks-db's table at scrape time."""

    def collect(self):
        from django_tasks_db.compat import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        queued = GaugeMetricFamily(
            "metelkaar_tasks_queued", "Tasks waiting for a worker.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "metelkaar_task_oldest_queued_age_seconds",
            "Age of the oldest task waiting for a worker.", labels=["queue"],
        )
        now = timezone.now()
        rows = DBTaskResult.objects.ready().values("queue_name").annotate(
            n=Count("pk"), oldest=Min("enqueued_at")
        ).order_by("queue_name")
        for row in rows:
            queued.add_metric([row["queue_name"]], row["n"])
            age.add_metric([row["queue_name"]], (now - row["oldest"]).total_seconds())
        yield queued
        yield age
        yield GaugeMetricFamily(
            "metelkaar_tasks_running", "Tasks a worker is running now.",
            value=DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count(),
        )
        failed = GaugeMetricFamily(
            "metelkaar_tasks_failed", "Failed tasks kept in the task table.", labels=["task"]
        )
        email_failures = 0
        for row in DBTaskResult.objects.failed().values("task_path").annotate(n=Count("pk")):
            name = row["task_path"].rsplit(".", 1)[-1]
            failed.add_metric([row["task_path"]], row["n"])
            if name.startswith(EMAIL_TASK_PREFIXES):
                email_failures += row["n"]
        yield failed
        deliveries = GaugeMetricFamily(
            "metelkaar_email_deliveries", "E-mail delivery records by status.", labels=["status"]
        )
        from metelkaar.core.notifications.models import Delivery

        lost = {Delivery.Status.FAILED, Delivery.Status.INTERRUPTED}
        for row in Delivery.objects.values("status").annotate(n=Count("pk")).order_by("status"):
            deliveries.add_metric([row["status"]], row["n"])
            if row["status"] in lost:
                email_failures += row["n"]
        yield deliveries
        yield GaugeMetricFamily(
            "metelkaar_email_failures",
            "E-mails not sent: failed or interrupted deliveries and failed e-mail tasks.",
            value=email_failures,
        )


def _allowed(request: HttpRequest) -> bool:
    user = request.user
    if user.is_authenticated and user.is_active and user.is_staff:
        return True
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def _process_metrics() -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        raise Http404
    fleet = CollectorRegistry()
    fleet.register(TaskQueueCollector())
    return HttpResponse(_process_metrics() + generate_latest(fleet),
                        content_type=CONTENT_TYPE_LATEST)
