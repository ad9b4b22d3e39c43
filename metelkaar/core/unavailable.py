"""The answer when the database is gone for a moment: 503, a clear page, no traceback.

A PostgreSQL restart or fail-over, or a connection the server closed
(``pg_terminate_backend``), makes the request that was using it fail with
``OperationalError``/``InterfaceError``. Django turns any uncaught exception
into its 500 handler; this handler (``handler500`` in ``metelkaar.urls``) looks
at the exception: a lost database connection gets a 503 with ``Retry-After``,
in Dutch and English, built without touching the database (plain JSON for the
API and for clients that ask for JSON); anything else gets the usual 500 page.
Django closes the broken connection when the request ends, so the next request
of the same process connects again by itself.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger("metelkaar.requests")

RETRY_AFTER_SECONDS = 5


def database_lost(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    if not database_lost(sys.exc_info()[1]):
        return django_server_error(request)
    logger.warning("database unavailable", extra={"status": 503})
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        response = JsonResponse({"error": "database_unavailable",
                                 "detail": "The database is not reachable; try again shortly."},
                                status=503)
    else:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
