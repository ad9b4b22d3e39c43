"""Record, queue and send deliveries: each e-mail exactly once.

``notify`` runs inside the service's transaction and queues the sending task
only when that transaction commits. ``deliver`` is what the task does: claim
the delivery with a conditional update, build the e-mail, send it, mark it
sent. ``deliveries_sweep`` (every few minutes, and in ``daily``) queues again
what was never picked up or failed for a passing reason, and marks a delivery
whose worker died mid-send ``interrupted`` instead of sending it a second time.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from metelkaar.core.notifications.emails import (
    EMAILS,
    Email,
    Recipient,
    recipient_for_person,
    recipient_for_user,
)
from metelkaar.core.notifications.models import Delivery
from metelkaar.core.queue import enqueue_each_on_commit, enqueue_on_commit

logger = logging.getLogger(__name__)
S = Delivery.Status

SEND_TASK = "metelkaar.core.notifications.tasks.send_notification"
SEND_BATCH_TASK = "metelkaar.core.notifications.tasks.send_notifications"
#: Deliveries per task of :func:`notify_each` (a lost batch is queued again by the sweep).
BATCH_SIZE = 100
#: Attempts before a delivery that keeps failing is given up (``failed``).
MAX_ATTEMPTS = 5
#: A claim older than this belongs to a worker that stopped (``interrupted``).
CLAIM_TIMEOUT = timedelta(minutes=15)
#: A pending delivery never claimed after this lost its task; queue it again.
LOST_AFTER = timedelta(minutes=5)


def _retry_after(attempts: int) -> timedelta:
    """Wait 1, 2, 4, 8… minutes between attempts."""
    return timedelta(minutes=2 ** max(attempts - 1, 0))


def _recipient_fields(to) -> dict:
    """The reference stored for ``to``: a Person, a User, or a role name (str)."""
    from metelkaar.people.models import Person, User

    if isinstance(to, Person):
        return {"person": to}
    if isinstance(to, User):
        return {"user": to}
    if isinstance(to, str) and to:
        return {"role": to}
    raise TypeError(f"a recipient is a Person, a User or a role name, not {to!r}")


def notify(email: type[Email], obj: models.Model, to: Iterable) -> list[Delivery]:
    """Record one delivery of ``email`` about ``obj`` per recipient; send after commit.

    Call it inside the transaction that changes the state the e-mail tells
    about: the deliveries commit or roll back with it, and the task is only
    queued once the commit has happened (never from inside an open
    transaction, so a worker cannot read a state that is not saved).
    """
    if EMAILS.get(email.kind) is not email:
        raise ValueError(f"{email.__name__} is not registered (use @register)")
    if not isinstance(obj, email.model):
        raise TypeError(f"{email.kind} is about a {email.model.__name__}, not {obj!r}")
    seen: set[tuple] = set()
    rows = []
    for recipient in to:
        fields = _recipient_fields(recipient)
        key = tuple(sorted((name, getattr(value, "pk", value)) for name, value in fields.items()))
        if key not in seen:
            seen.add(key)
            rows.append(Delivery(kind=email.kind, object_id=obj.pk, **fields))
    if not rows:
        return []
    Delivery.objects.bulk_create(rows)  # SQLite and PostgreSQL return the new keys
    for row in rows:
        enqueue_on_commit(SEND_TASK, row.pk)
    return rows


def notify_each(email: type[Email], pairs: Iterable[tuple[models.Model, object]]) -> list[Delivery]:
    """Like :func:`notify` for many objects, one recipient each: ``(obj, to)`` pairs.

    One insert for all deliveries, and a task per :data:`BATCH_SIZE` of them
    queued in one commit, so an import of thousands of people records its
    e-mails in seconds. Each delivery is still claimed and sent on its own.
    """
    if EMAILS.get(email.kind) is not email:
        raise ValueError(f"{email.__name__} is not registered (use @register)")
    rows = []
    for obj, recipient in pairs:
        if not isinstance(obj, email.model):
            raise TypeError(f"{email.kind} is about a {email.model.__name__}, not {obj!r}")
        rows.append(Delivery(kind=email.kind, object_id=obj.pk, **_recipient_fields(recipient)))
    Delivery.objects.bulk_create(rows, batch_size=500)
    ids = [row.pk for row in rows]
    enqueue_each_on_commit(
        SEND_BATCH_TASK, [(ids[i : i + BATCH_SIZE],) for i in range(0, len(ids), BATCH_SIZE)]
    )
    return rows


@dataclass(frozen=True)
class Outcome:
    status: str
    delivery_id: int


def _resolve(delivery: Delivery, email: type[Email], obj) -> Recipient | None:
    if delivery.person_id:
        return recipient_for_person(delivery.person)
    if delivery.user_id:
        return recipient_for_user(delivery.user)
    return email.role_recipient(obj, delivery.role)


def _finish(delivery_id: int, claim: uuid.UUID, status: str, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery_id, claim=claim).update(
        status=status, finished_at=timezone.now(), error=error[:100]
    )


def _give_back(delivery_id: int, claim: uuid.UUID, error: BaseException) -> None:
    """A send that failed before the mail server took it: retry later, or give up."""
    name = type(error).__name__
    Delivery.objects.filter(pk=delivery_id, claim=claim, attempts__lt=MAX_ATTEMPTS).update(
        status=S.PENDING, error=name[:100]
    )
    Delivery.objects.filter(pk=delivery_id, claim=claim, status=S.SENDING).update(
        status=S.FAILED, error=name[:100], finished_at=timezone.now()
    )


def deliver(delivery_id: int) -> Outcome:
    """Send delivery ``delivery_id`` if nobody has; what the sending task runs.

    The claim (``pending`` → ``sending`` in one conditional update) lets
    exactly one worker through; the others, and any later run of the same
    task, see that it is taken or done and send nothing.
    """
    claim = uuid.uuid4()
    claimed = Delivery.objects.filter(pk=delivery_id, status=S.PENDING).update(
        status=S.SENDING, claim=claim, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        status = Delivery.objects.filter(pk=delivery_id).values_list("status", flat=True).first()
        return Outcome(status or "gone", delivery_id)
    delivery = Delivery.objects.select_related(
        "person__user", "person__organisation", "user"
    ).get(pk=delivery_id)
    try:
        email = EMAILS[delivery.kind]
        obj = email.load(delivery.object_id)
        recipient = _resolve(delivery, email, obj) if obj is not None else None
        if recipient is None or not recipient.email:
            _finish(delivery_id, claim, S.SKIPPED, "gone" if obj is None else "no address")
            return Outcome(S.SKIPPED, delivery_id)
        message = email(obj, recipient).message()
        message.send()
    except Exception as error:
        _give_back(delivery_id, claim, error)
        raise
    _finish(delivery_id, claim, S.SENT)
    return Outcome(S.SENT, delivery_id)


@dataclass(frozen=True)
class SweepResult:
    queued: int
    interrupted: int


def deliveries_sweep(*, now: datetime | None = None) -> SweepResult:
    """Queue again what waits too long; mark claims of stopped workers ``interrupted``.

    An interrupted delivery is not sent again automatically: its worker may
    have handed it to the mail server just before it stopped. An operator
    looks at it (``python -m metelkaar deliveries``) and requeues it if needed.
    """
    now = now or timezone.now()
    interrupted = Delivery.objects.filter(
        status=S.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    ).update(status=S.INTERRUPTED, finished_at=now)
    if interrupted:
        logger.warning("%s e-mail deliveries were interrupted mid-send; see "
                       "'python -m metelkaar deliveries'", interrupted)
    due = Q(claimed_at__isnull=True, created_at__lt=now - LOST_AFTER)
    for attempts in range(1, MAX_ATTEMPTS):
        due |= Q(attempts=attempts, claimed_at__lt=now - _retry_after(attempts))
    ids = list(Delivery.objects.filter(due, status=S.PENDING).values_list("pk", flat=True))
    for delivery_id in ids:
        enqueue_on_commit(SEND_TASK, delivery_id)
    return SweepResult(queued=len(ids), interrupted=interrupted)


def deliveries_requeue(*, ids: Iterable[int]) -> int:
    """Put failed or interrupted deliveries back in the queue (an operator's decision)."""
    ids = list(ids)
    changed = Delivery.objects.filter(
        pk__in=ids, status__in=[S.FAILED, S.INTERRUPTED]
    ).update(status=S.PENDING, attempts=0, claim=None, claimed_at=None, finished_at=None)
    if changed:
        for delivery_id in Delivery.objects.filter(pk__in=ids, status=S.PENDING).values_list(
            "pk", flat=True
        ):
            enqueue_on_commit(SEND_TASK, delivery_id)
    return changed


#: How long a finished delivery is kept (docs/privacy.md).
KEEP_FOR = timedelta(days=90)


def deliveries_prune(*, now: datetime | None = None) -> int:
    """Delete finished deliveries older than :data:`KEEP_FOR`, and every delivery
    whose object is gone (:func:`deliveries_delete_orphans`); returns how many."""
    now = now or timezone.now()
    deleted, _per_model = Delivery.objects.filter(
        created_at__lt=now - KEEP_FOR
    ).exclude(status__in=[S.PENDING, S.SENDING]).delete()
    return deleted + deliveries_delete_orphans()


def deliveries_delete_orphans() -> int:
    """Delete the deliveries about objects that no longer exist; returns how many.

    A delivery names its object by kind and primary key, not by a foreign key,
    so deleting a bridge request or a help post leaves its deliveries behind
    (those to a person or an account go with them through the cascade). Sending
    one would be skipped anyway; this removes them, e.g. after an erasure or a
    demo reset.
    """
    deleted = 0
    for kind, email in EMAILS.items():
        gone = Delivery.objects.filter(kind=kind, object_id__isnull=False).exclude(
            object_id__in=email.model._default_manager.values("pk")
        )
        deleted += gone.delete()[0]
    return deleted
