"""Neighbour help board: posts without an account, messages relayed by e-mail.

A poster gets a signed management link by e-mail; a responder writes through
a form and gets a signed link to the conversation. Each message is e-mailed to
the other side with a reply link, so neither sees the other's address until
both click "share my details". Posts stay visible until their expiry date
(default 14 days, at most 60); :func:`help_posts_expire` closes expired ones.
"""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.activities.emails import HelpManageEmail, HelpMessageEmail
from metelkaar.activities.models import HelpConversation, HelpMessage, HelpPost
from metelkaar.activities.signing import (  # noqa: F401 (the tokens are re-exported)
    CONVERSATION_SALT,
    POST_SALT,
    InvalidLink,
    help_conversation_token,
    help_post_token,
    token_read,
)
from metelkaar.core.notifications.outbox import notify
from metelkaar.programmes.models import Programme

DEFAULT_DAYS = 14
MAX_DAYS = 60
PC4_RE = re.compile(r"(?<!\d)([1-9]\d{3})(?!\d)")
ROLES = ("poster", "responder")


class HelpError(Exception):
    """The change cannot be made; the message is meant for the neighbour."""


def pc4_of(area: str) -> str:
    """The four digits of a postcode area mentioned in ``area``, else ``""``."""
    match = PC4_RE.search(area or "")
    return match.group(1) if match else ""


def default_expiry(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) + datetime.timedelta(days=DEFAULT_DAYS)


def help_post_create(
    *,
    programme: Programme,
    kind: str,
    tag: str,
    name: str,
    email: str,
    area: str,
    window_start: datetime.date,
    window_end: datetime.date,
    expires_on: datetime.date | None = None,
    description: str = "",
    language: str = "nl",
) -> HelpPost:
    """Put a request or offer on the board and e-mail the poster a management link."""
    today = timezone.localdate()
    expires_on = expires_on or default_expiry(today)
    if programme.kind != Programme.Kind.HELP:
        raise HelpError(_("This programme has no help board."))
    if not today <= expires_on <= today + datetime.timedelta(days=MAX_DAYS):
        raise HelpError(_("Choose a date within the next 60 days."))
    if window_end < window_start:
        raise HelpError(_("The end date must be on or after the start date."))
    with transaction.atomic():
        post = HelpPost.objects.create(
            programme=programme,
            kind=kind,
            tag=tag,
            name=name.strip(),
            email=email.strip().lower(),
            area=area.strip(),
            pc4=pc4_of(area),
            window_start=window_start,
            window_end=window_end,
            expires_on=expires_on,
            description=description.strip(),
            language=language,
        )
        notify(HelpManageEmail, post, to=["poster"])
    return post


def help_post_from_token(token: str) -> HelpPost:
    payload = token_read(salt=POST_SALT, token=token)
    post = HelpPost.objects.select_related("programme").filter(public_id=payload.get("p")).first()
    if post is None:
        raise InvalidLink
    return post


def help_conversation_from_token(token: str) -> tuple[HelpConversation, str]:
    payload = token_read(salt=CONVERSATION_SALT, token=token)
    role = payload.get("r")
    if role not in ROLES:
        raise InvalidLink
    conversation = (
        HelpConversation.objects.select_related("post", "post__programme")
        .filter(public_id=payload.get("c"))
        .first()
    )
    if conversation is None:
        raise InvalidLink
    return conversation, role


def is_visible(post: HelpPost) -> bool:
    return post.status == HelpPost.Status.OPEN and post.expires_on >= timezone.localdate()


def help_conversation_start(
    *, post: HelpPost, name: str, email: str, body: str
) -> HelpConversation:
    """A neighbour responds to a post; the message goes to the poster by e-mail."""
    if not is_visible(post):
        raise HelpError(_("This post is closed. Have a look at the other posts."))
    with transaction.atomic():
        conversation = HelpConversation.objects.create(
            post=post, responder_name=name.strip(), responder_email=email.strip().lower()
        )
        help_message_send(conversation=conversation, sender=HelpMessage.Sender.RESPONDER, body=body)
    return conversation


def help_message_send(*, conversation: HelpConversation, sender: str, body: str) -> HelpMessage:
    if sender not in ROLES:
        raise HelpError(_("Unknown sender."))
    with transaction.atomic():
        message = HelpMessage.objects.create(
            conversation=conversation, sender=sender, body=body.strip()
        )
        # Relayed to the other side; neither sees the other's address.
        other = "poster" if sender == HelpMessage.Sender.RESPONDER else "responder"
        notify(HelpMessageEmail, message, to=[other])
    return message


def help_details_share(*, conversation: HelpConversation, role: str) -> HelpConversation:
    """One side agrees to share contact details; they are shown once both agree."""
    if role not in ROLES:
        raise HelpError(_("Unknown sender."))
    field = f"{role}_shares"
    HelpConversation.objects.filter(pk=conversation.pk).update(**{field: True})
    conversation.refresh_from_db()
    return conversation


def help_post_close(*, post: HelpPost, helped_by: HelpConversation | None = None) -> HelpPost:
    """Close an open post; ``helped_by`` records which conversation led to the help."""
    if helped_by is not None and helped_by.post_id != post.pk:
        raise HelpError(_("This conversation is about another post."))
    now = timezone.now()
    with transaction.atomic():
        changed = HelpPost.objects.filter(
            pk=post.pk, status__in=[HelpPost.Status.OPEN, HelpPost.Status.EXPIRED]
        ).update(status=HelpPost.Status.CLOSED, closed_at=now)
        if not changed:
            raise HelpError(_("This post is already closed."))
        if helped_by is not None:
            HelpConversation.objects.filter(pk=helped_by.pk).update(completed_at=now)
    post.status, post.closed_at = HelpPost.Status.CLOSED, now
    return post


def help_posts_expire(*, today: datetime.date | None = None) -> int:
    """Mark open posts past their expiry date as expired; return how many."""
    today = today or timezone.localdate()
    return HelpPost.objects.filter(status=HelpPost.Status.OPEN, expires_on__lt=today).update(
        status=HelpPost.Status.EXPIRED
    )
