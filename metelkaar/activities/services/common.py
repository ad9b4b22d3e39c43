"""Helpers shared by the activity services: signed links and e-mail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from metelkaar.core.links import site_url

# Links stay valid a little longer than the longest help post (60 days).
TOKEN_MAX_AGE = 90 * 24 * 3600


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


def language_or_default(code: str) -> str:
    codes = {c for c, _name in settings.LANGUAGES}
    return code if code in codes else settings.LANGUAGE_CODE


def mail_send(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """Render ``activities/email/<template>.txt`` in ``language``; line one is the subject."""
    with translation.override(language_or_default(language)):
        text = render_to_string(f"activities/email/{template}.txt", context).strip()
    subject, _sep, body = text.partition("\n")
    send_mail(" ".join(subject.split()), body.strip() + "\n", None, [to])
