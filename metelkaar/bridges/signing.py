"""Signed links that let a requester (who has no account) follow a request.

The token carries only the request's public id, signed with the project's
secret key and a salt of its own, and expires after :data:`STATUS_LINK_MAX_AGE`.
"""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.urls import reverse

SALT = "metelkaar.bridges.request-status"
STATUS_LINK_MAX_AGE = dt.timedelta(days=180)


class LinkExpired(Exception):
    """The link was genuine but is too old."""


def status_token(bridge_request) -> str:
    return signing.dumps({"r": str(bridge_request.public_id)}, salt=SALT, compress=True)


def status_url(bridge_request) -> str:
    """The path of the requester's status page of this request."""
    return reverse("bridges:request_status", kwargs={"token": status_token(bridge_request)})


def request_public_id_from(token: str) -> str | None:
    """The public id in a genuine, fresh token; ``None`` when tampered with.

    Raises :class:`LinkExpired` for a genuine token that is too old.
    """
    try:
        data = signing.loads(token, salt=SALT, max_age=STATUS_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("r"), str):
        return None
    return data["r"]
