"""Signed links of the activities: help posts, help conversations and home projects.

People without an account reach their post, conversation or project through
these links in e-mails; made here, read by the services (``*_from_token``).
"""

from __future__ import annotations

from typing import Any

from django.core import signing
from django.urls import reverse

from metelkaar.core.links import site_url

# Links stay valid a little longer than the longest help post (60 days).
TOKEN_MAX_AGE = 90 * 24 * 3600
POST_SALT = "metelkaar.activities.helppost"
CONVERSATION_SALT = "metelkaar.activities.helpconversation"
PROJECT_SALT = "metelkaar.activities.project"


class InvalidLink(Exception):
    """A signed link was changed, is for something else, or has expired (``expired``)."""

    def __init__(self, *, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def token_make(*, salt: str, payload: dict[str, str]) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def token_read(*, salt: str, token: str, max_age: int = TOKEN_MAX_AGE) -> dict[str, str]:
    """Return the payload of a token made with ``salt``, or raise :class:`InvalidLink`."""
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidLink(expired=True) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise InvalidLink from None
    if not isinstance(payload, dict):
        raise InvalidLink
    return payload


def absolute(viewname: str, **kwargs: Any) -> str:
    return site_url() + reverse(viewname, kwargs=kwargs)


def help_post_token(post) -> str:
    return token_make(salt=POST_SALT, payload={"p": str(post.public_id)})


def help_conversation_token(conversation, role: str) -> str:
    return token_make(salt=CONVERSATION_SALT, payload={"c": str(conversation.public_id), "r": role})


def project_token(*, project, role: str, action: str) -> str:
    return token_make(salt=PROJECT_SALT,
                      payload={"p": str(project.public_id), "r": role, "a": action})
