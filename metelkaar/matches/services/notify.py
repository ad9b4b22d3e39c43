"""Who hears of a match step: the e-mails that follow it, through the outbox."""

from __future__ import annotations

from collections.abc import Iterable

from metelkaar.core.notifications.outbox import notify as outbox_notify
from metelkaar.matches import emails
from metelkaar.matches.models import CheckIn, Match


def notify(email: type[emails.MatchEmail], match: Match, *,
           sides: tuple[str, ...] = ("a", "b"), coordinator: bool = False,
           coach: bool = False) -> None:
    """Record ``email`` for the participants on ``sides`` and optionally staff.

    Call it inside the step's transaction, after its history row: the
    e-mails are sent once that transaction commits (never before).
    """
    people = [(match.enrolment_a if side == "a" else match.enrolment_b).person
              for side in sides]
    staff = []
    if coordinator and match.coordinator_id:
        staff.append(match.coordinator)
    if coach and match.coach_id:
        staff.append(match.coach)
    outbox_notify(email, match, to=[*people, *staff])


def notify_checkins(checkins: Iterable[CheckIn]) -> None:
    """Invite each check-in's participant to answer it."""
    for checkin in checkins:
        outbox_notify(emails.CheckInEmail, checkin, to=[checkin.enrolment.person])
