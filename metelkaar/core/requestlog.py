"""One log line per request, with a request id that follows the request into its tasks.

:class:`RequestLogMiddleware` gives every request an id (``X-Request-ID``: taken
from the reverse proxy when ``BEHIND_PROXY`` is on and the value looks like an
id, otherwise a new one), answers with it in the same header, and logs one
line on the ``metelkaar.requests`` logger when the response is ready: method,
URL pattern (``coordinator/programmes/<uuid:public_id>/``, never the path
itself, which can hold a signed link or a search for a name), status and
duration. Nothing about the person: no address, no user, no query string.

The id lives in a context variable for as long as the request runs; the task
backend (:mod:`metelkaar.core.tasks_backend`) stores it with every task the
request queues, and the worker's task log lines carry it again
(:mod:`metelkaar.core.tasklog`). :class:`RequestIdFilter` puts it on every log
record, so any line logged while a request or task runs has it.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("metelkaar.requests")

request_id_var: ContextVar[str | None] = ContextVar("metelkaar_request_id", default=None)
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id() -> str | None:
    return request_id_var.get()


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (``None`` outside a request or task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


def _incoming_id(request: HttpRequest) -> str:
    if getattr(settings, "BEHIND_PROXY", False) or settings.SECURE_PROXY_SSL_HEADER:
        given = request.headers.get("X-Request-ID", "")
        if _VALID_ID.match(given):
            return given
    return uuid.uuid4().hex


def route_of(request: HttpRequest) -> str:
    """The URL pattern that answered, or a fixed word for none (never the raw path)."""
    if route := getattr(request, "route", None):
        return route
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<static>" if request.path.startswith("/" + settings.STATIC_URL) else "<none>"
    return match.route or match.view_name or "<unnamed>"


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from metelkaar.core import metrics

        request_id = _incoming_id(request)
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            route = route_of(request)
            response["X-Request-ID"] = request_id
            metrics.observe_request(request.method, route, response.status_code, seconds)
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
