"""A limit on forms sent without an account, per network address.

The public forms (sign-up, café and project sign-ups, the help board, answers
by e-mail link) need no account, so a script could fill them thousands of
times: junk for the coordinators and confirmation e-mails to addresses of
people who never asked. Anonymous POST requests are counted per address in a
fixed window; above :setting:`PUBLIC_FORM_LIMIT` the answer is a friendly
"wait a few minutes" page with status 429. Signed-in people are not counted;
the login form has its own lockout (django-axes).

The address is kept only as a salted hash in the cache, for the window. The
count lives in Django's cache: with ``REDIS_URL`` set, every server process and
machine counts in the same Redis, so the limit holds for the whole deployment;
with the default local-memory cache (``make demo``) each process counts on its
own. When the cache cannot be reached the form goes through (the limiter fails
open) and a warning is logged: a visitor never gets an error page because of it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

# What a cache that cannot be reached raises: redis-py's errors (ConnectionError,
# TimeoutError) and the operating system's (a socket refused or reset).
try:
    from redis.exceptions import RedisError as _RedisError
except ImportError:  # pragma: no cover - redis is a dependency
    _RedisError = OSError
CACHE_ERRORS: tuple[type[BaseException], ...] = (_RedisError, OSError)


def _key(request: HttpRequest) -> str:
    address = get_client_ip_address(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"public-form:{digest[:32]}"


def public_form_count(request: HttpRequest) -> int:
    """Count this anonymous form and return how many came from its address in the window.

    Raises one of :data:`CACHE_ERRORS` when the cache cannot be reached.
    """
    key = _key(request)
    window = settings.PUBLIC_FORM_WINDOW_MINUTES * 60
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return 1


class PublicFormThrottleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.PUBLIC_FORM_LIMIT
        if (
            limit
            and request.method == "POST"
            and not request.user.is_authenticated
            and _count_or_none(request) > limit
        ):
            response = render(
                request,
                "core/too_many_forms.html",
                {"minutes": settings.PUBLIC_FORM_WINDOW_MINUTES},
                status=429,
            )
            response["Retry-After"] = str(settings.PUBLIC_FORM_WINDOW_MINUTES * 60)
            return response
        return self.get_response(request)


def _count_or_none(request: HttpRequest) -> int:
    """The count, or 0 (let the form through) when the cache is down, with a warning."""
    try:
        return public_form_count(request)
    except CACHE_ERRORS as exc:
        logger.warning(
            "public-form limit not applied: the cache cannot be reached (%s)",
            type(exc).__name__,
        )
        return 0
