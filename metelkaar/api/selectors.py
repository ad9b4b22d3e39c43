"""Reads of API tokens, and the organisations a request to the API may see."""

from __future__ import annotations

import re

from django.db.models import QuerySet

from metelkaar.api.models import ApiToken
from metelkaar.people.models import Organisation
from metelkaar.people.selectors import STAFF_ROLES, has_role_in, organisations_managed_by
from metelkaar.privacy.selectors import organisations_administered_by

# prefix "." secret, as rest_framework_api_key's KeyGenerator makes them (letters, digits).
KEY_FORMAT = re.compile(r"[A-Za-z0-9]{8}\.[A-Za-z0-9]{32}")


def token_from_key(key: str) -> ApiToken | None:
    """The usable token whose key is ``key``, or None (unknown, revoked, owner gone).

    A key that does not even look like one is refused before any query, so no
    input reaches the database that it could choke on.
    """
    if not KEY_FORMAT.fullmatch(key):
        return None
    token = (ApiToken.objects.select_related("organisation", "created_by")
             .filter(prefix=key.partition(".")[0], revoked=False).first())
    if token is None or not token.is_valid(key):
        return None
    owner = token.created_by
    if token.has_expired or owner is None or not owner.is_active:
        return None
    if not has_role_in(owner, token.organisation_id, *STAFF_ROLES):
        return None
    return token


def tokens_managed_by(user) -> QuerySet[ApiToken]:
    """Tokens of the organisations ``user`` administers, newest first."""
    return (
        ApiToken.objects.filter(organisation__in=organisations_administered_by(user))
        .select_related("organisation", "created_by", "revoked_by")
        .order_by("revoked", "-created", "pk")
    )


def api_organisations(request) -> QuerySet[Organisation]:
    """The organisations this API request sees: the token's, or those the user coordinates."""
    token = request.auth if isinstance(request.auth, ApiToken) else None
    if token is not None:
        return Organisation.objects.filter(pk=token.organisation_id)
    return organisations_managed_by(request.user)


def administered_organisations(user) -> QuerySet[Organisation]:
    return organisations_administered_by(user)


