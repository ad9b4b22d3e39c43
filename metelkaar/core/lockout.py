"""The login lockout (django-axes) on the shared cache, and log lines that name no one.

With ``REDIS_URL`` set, django-axes counts failed logins in Redis, so five wrong
passwords are five whichever server answered them (the database handler would
work too, but it keeps every typed e-mail address in a table). When Redis
cannot be reached, logging in still works: the failure is not counted and a
warning is logged (``/readyz`` reports the cache as down meanwhile).

axes logs each failure with the user name typed, which is an e-mail address:
:func:`client_str` replaces it by a short keyed hash, enough to see repeated
attempts on one account in the logs without naming the person.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

from axes.handlers.cache import AxesCacheHandler
from django.conf import settings

from metelkaar.core.throttle import CACHE_ERRORS

logger = logging.getLogger(__name__)


def pseudonym(value: str | None) -> str:
    """A short keyed hash of ``value``: the same input gives the same pseudonym."""
    if not value:
        return "-"
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()[:12]


def lockout_username(request, credentials=None) -> str:
    """The account a login attempt is counted against: the address in lower case.

    Accounts are found whatever the case of the address, so ``ANNA@…`` and
    ``anna@…`` must share one count; otherwise each spelling would get five tries.
    """
    from metelkaar.people.models import normalise_email

    field = settings.AXES_USERNAME_FORM_FIELD
    data = credentials if credentials else getattr(request, "data", request.POST)
    value = data.get(field) if data else None
    return normalise_email(value) if value else value


def client_str(username, ip_address, user_agent, path_info, request) -> str:
    """axes' description of a client in its log lines, without personal data."""
    return f"{{user: {pseudonym(username)}, address: {pseudonym(ip_address)}}}"


class SharedCacheAxesHandler(AxesCacheHandler):
    """axes' cache handler that fails open, with a log line, when the cache is down."""

    def _down(self, exc: BaseException, what: str) -> None:
        logger.warning(
            "login lockout not applied (%s): the cache cannot be reached (%s)",
            what, type(exc).__name__,
        )

    def get_failures(self, request, credentials=None) -> int:
        try:
            return super().get_failures(request, credentials)
        except CACHE_ERRORS as exc:
            self._down(exc, "reading failures")
            return 0

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        try:
            return super().user_login_failed(sender, credentials, request, **kwargs)
        except CACHE_ERRORS as exc:
            self._down(exc, "counting a failure")

    def user_logged_in(self, sender, request, user, **kwargs):
        try:
            return super().user_logged_in(sender, request, user, **kwargs)
        except CACHE_ERRORS as exc:
            self._down(exc, "resetting failures")

    def reset_attempts(self, *args, **kwargs) -> int:
        try:
            return super().reset_attempts(*args, **kwargs)
        except CACHE_ERRORS as exc:
            self._down(exc, "resetting failures")
            return 0
