"""Signed links that let a school's contact person (no account) see her pupils' progress.

The token carries the partner's public id and a fingerprint of the contact
e-mail address, signed with the project's secret key and a salt of its own.
It expires after :data:`PROGRESS_LINK_MAX_AGE`; a new contact person (another
address) makes every earlier link stop working.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.core import signing
from django.urls import reverse

SALT = "metelkaar.partners.progress"
PROGRESS_LINK_MAX_AGE = dt.timedelta(days=31)


class LinkExpired(Exception):
    """The link was genuine but is too old."""


def _fingerprint(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def progress_token(partner) -> str:
    return signing.dumps(
        {"p": str(partner.public_id), "e": _fingerprint(partner.contact_email)},
        salt=SALT, compress=True,
    )


def progress_url(partner) -> str:
    """The path of the contact person's progress page."""
    return reverse("partners:progress", kwargs={"token": progress_token(partner)})


def partner_claim_from(token: str) -> tuple[str, str] | None:
    """``(public id, e-mail fingerprint)`` of a genuine, fresh token; ``None`` if forged.

    Raises :class:`LinkExpired` for a genuine token that is too old.
    """
    try:
        data = signing.loads(token, salt=SALT, max_age=PROGRESS_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    public_id, fingerprint = data.get("p"), data.get("e")
    if not isinstance(public_id, str) or not isinstance(fingerprint, str):
        return None
    return public_id, fingerprint


def matches_contact(partner, fingerprint: str) -> bool:
    return _fingerprint(partner.contact_email) == fingerprint
