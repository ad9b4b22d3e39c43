"""Queue the e-mails that follow a match step (after the step is saved)."""

from __future__ import annotations

from metelkaar.matches.models import Match


def notify(name: str, match: Match, *, sides: tuple[str, ...] = ("a", "b"),
           coordinator: bool = False, coach: bool = False, object_id: int | None = None) -> None:
    """Queue e-mail ``name`` to the participants on ``sides`` and optionally staff.

    Called after the transaction of the step has committed, so the worker never
    reads a match that is not saved yet.
    """
    from metelkaar.matches.tasks import send_match_email

    for side in sides:
        enrolment = match.enrolment_a if side == "a" else match.enrolment_b
        send_match_email.enqueue(
            name, match.pk, person_id=enrolment.person_id, object_id=object_id
        )
    users = []
    if coordinator and match.coordinator_id:
        users.append(match.coordinator_id)
    if coach and match.coach_id and match.coach_id not in users:
        users.append(match.coach_id)
    for user_id in users:
        send_match_email.enqueue(name, match.pk, user_id=user_id, object_id=object_id)
